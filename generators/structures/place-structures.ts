/**
 * `placeStructures(field, water, spec, rng)`: where each structure of the spec stands, as pieces
 * (a village is many) with their assets, heights, turns and foundations. `levelFoundations`
 * (its own file) then shapes the ground under them.
 *
 * Each structure unit tries its placement, then that placement's fallbacks, then its type's
 * "auto" site, then the flattest free ground, and says in `note` when it did not get what was
 * asked. It never throws, never overlaps another structure (6 m apart, a village's own houses
 * 3 m — more on coarse grids, see `clearances`), never stands on water (bridges and piers
 * excepted) and never floats: ground varying less than 2.5 m under a piece is levelled, more (up
 * to the type's limit) gets a plinth or stilts.
 *
 * CONTRIBUTOR NOTES
 *  - Sites are scored on a grid of candidates (at most ~8000) from the survey's fields, best
 *    first, with a little seeded jitter so equal sites are chosen fairly; only the best few
 *    hundred are tested against the footprint (dry, inside, clear, even enough).
 *  - Placement order: crossings and shores first (they need rare sites), then the big
 *    structures, then the rest; ids follow the spec's order whatever the placement order.
 */
import type { Asset } from '../assets/asset.ts';
import { deriveSeed } from '../seed/derive-seed.ts';
import type { Rng } from '../seed/rng.ts';
import type { Biome, StructureSpec, StructureType, WorldSpec } from '../spec/world-spec-schema.ts';
import { heightAt, type Heightfield } from '../terrain/heightfield.ts';
import type { WaterBodies } from '../water/water-bodies.ts';
import type { StructureCondition } from './build-context.ts';
import { bridgeSag } from './bridge.ts';
import { createStructure, createWell } from './create-structure.ts';
import { ashoreDistances, levellingMargins, spanPads } from './level-foundations.ts';
import { STRUCTURE_FOOTPRINTS } from './footprints.ts';
import { PIER_DEFAULT_SPAN } from './pier.ts';
import { resolveMaterial, type BuildingMaterial } from './resolve-material.ts';
import {
  groundRange,
  insideMap,
  isDry,
  LAKE,
  rectsOverlap,
  RIVER,
  sampleIndex,
  samplesIn,
  SEA,
  surveySite,
  toWorld,
  type Rect,
  type Survey,
} from './site-survey.ts';
import { planVillage, WELL_FOOTPRINT, type VillageLot } from './village.ts';

export interface PlacedPiece {
  asset: Asset;
  x: number;
  /** Height of the asset's origin (its floor, or a bridge's deck ends). */
  y: number;
  z: number;
  /** Radians about +Y; the asset's +z faces (sin yaw, cos yaw). */
  yaw: number;
  /** Half the footprint along the asset's x and z. */
  halfWidth: number;
  halfDepth: number;
  foundation: 'levelled' | 'plinth' | 'stilts' | 'span';
}

export interface PlacedStructure {
  /** `structure-1`, `structure-2`… in the spec's order. */
  id: string;
  type: StructureType;
  condition: StructureCondition;
  material: BuildingMaterial;
  /** The kind of site it got: a spec placement, `position`, or auto's choice (`hill`, `rise`, `gentle`, `shore`, `anywhere`…). */
  placement: string;
  centre: { x: number; z: number };
  pieces: PlacedPiece[];
  /** Why it is not where it was asked to be, when it is not. */
  note?: string;
}

/** Ground varying less than this under a piece is levelled; more needs a plinth or stilts. */
export const LEVEL_RANGE = 2.5;
/**
 * Metres between the footprints of two structures, and between a village's buildings — or more on
 * coarse grids, where the levelled cores round two pieces must still not meet.
 */
export const CLEARANCE = 6;
export const LOT_CLEARANCE = 3;
/** Deepest a bridge's piers and a pier's posts go below the deck, metres. */
const MAX_BRIDGE_DEPTH = 40;
const MAX_PIER_DEPTH = 15;

function clearances(field: Heightfield): { between: number; lots: number } {
  const cell = Math.max(field.dx, field.dz);
  const cores = 2 * levellingMargins(field).core + cell;
  return { between: Math.max(CLEARANCE, cores), lots: Math.max(LOT_CLEARANCE, cores) };
}

/**
 * The most ground a type will make up with a plinth or stilts, metres. Castles and fortresses
 * take the most: on a hill their footprint often falls 10–15 m, and a castle on a tall masonry
 * platform is still a castle.
 */
const MAX_FOUNDATION: Record<StructureType, number> = {
  ruins: 4,
  tower: 6,
  castle: 16,
  fortress: 16,
  village: 4,
  house: 4,
  farmhouse: 5,
  bridge: 0,
  temple: 6,
  chapel: 5,
  lighthouse: 6,
  pier: 0,
  'standing-stones': 5,
  wall: 6,
  windmill: 5,
};

type SiteKind =
  | 'ridge'
  | 'peak'
  | 'valley'
  | 'river'
  | 'lake'
  | 'coast'
  | 'hidden'
  | 'centre'
  | 'hill'
  | 'rise'
  | 'gentle'
  | 'anywhere'
  | 'position'
  | 'water-crossing'
  | 'shore'
  | 'gully';

const AUTO: Record<StructureType, SiteKind> = {
  ruins: 'rise',
  tower: 'hill',
  castle: 'ridge',
  fortress: 'ridge',
  village: 'gentle',
  house: 'gentle',
  farmhouse: 'gentle',
  bridge: 'water-crossing',
  temple: 'rise',
  chapel: 'gentle',
  lighthouse: 'coast',
  pier: 'shore',
  'standing-stones': 'rise',
  wall: 'gentle',
  windmill: 'hill',
};

const FALLBACKS: Record<string, SiteKind[]> = {
  auto: [],
  ridge: ['ridge', 'peak', 'hill'],
  peak: ['peak', 'ridge', 'hill'],
  valley: ['valley', 'hidden', 'gentle'],
  river: ['river', 'lake', 'coast'],
  lake: ['lake', 'river', 'coast'],
  coast: ['coast', 'lake', 'river'],
  'water-crossing': ['river', 'lake', 'coast'],
  hidden: ['hidden', 'valley'],
  centre: ['centre'],
};

const DESCRIBE: Record<SiteKind, string> = {
  ridge: 'on a ridge',
  peak: 'on the highest flat ground',
  valley: 'in a valley',
  river: 'beside a river',
  lake: 'on a lake shore',
  coast: 'at the coast',
  hidden: 'in sheltered ground away from the spawn',
  centre: 'near the centre',
  hill: 'on a hill',
  rise: 'on a rise',
  gentle: 'on gentle ground',
  anywhere: 'on the flattest free ground',
  position: 'at the position given',
  'water-crossing': 'across a river',
  shore: 'on a shore',
  gully: 'across low ground',
};

interface Placer {
  survey: Survey;
  field: Heightfield;
  spec: WorldSpec;
  biome: Biome;
  spawn: { x: number; z: number };
  /** Every placed piece's footprint, and which structure it belongs to. */
  taken: Array<Rect & { owner: string }>;
  margin: number;
  dryMargin: number;
  between: number;
  lots: number;
}

interface Fit {
  y: number;
  foundation: PlacedPiece['foundation'];
  depth: number;
}

export function placeStructures(field: Heightfield, water: WaterBodies, spec: WorldSpec, rng: Rng): PlacedStructure[] {
  const survey = surveySite(field, water);
  const weights = Object.entries(spec.biomes).filter((e): e is [Biome, number] => typeof e[1] === 'number');
  const biome = weights.length > 0 ? weights.reduce((a, b) => (b[1] > a[1] ? b : a))[0] : 'temperate-forest';
  const placer: Placer = {
    survey,
    field,
    spec,
    biome,
    spawn: spec.gameplay.spawn ?? { x: 0, z: 0 },
    taken: [],
    margin: Math.max(4, 2 * Math.max(field.dx, field.dz)),
    dryMargin: Math.max(2, Math.max(field.dx, field.dz)) + levellingMargins(field).core - 1,
    ...clearances(field),
  };
  const units: Array<{ id: string; item: StructureSpec; order: number }> = [];
  for (const item of spec.structures) {
    for (let k = 0; k < item.count; k++) units.push({ id: `structure-${units.length + 1}`, item, order: units.length });
  }
  const priority = (t: StructureType) => (t === 'bridge' || t === 'pier' ? 0 : t === 'lighthouse' ? 1 : t === 'castle' || t === 'fortress' || t === 'village' ? 2 : 3);
  const queue = [...units].sort((a, b) => priority(a.item.type) - priority(b.item.type) || a.order - b.order);
  const placed = new Map<string, PlacedStructure>();
  for (const unit of queue) placed.set(unit.id, placeUnit(placer, unit.id, unit.item, rng.fork(unit.id)));
  return units.map((u) => placed.get(u.id)!);
}

function placeUnit(p: Placer, id: string, item: StructureSpec, rng: Rng): PlacedStructure {
  const type = item.type;
  const material = resolveMaterial(type, item.material, p.biome);
  const base = { id, type, condition: item.condition, material };
  const chain = placementChain(type, item.placement, item.position !== undefined);
  const seed = deriveSeed(rng.seed, 'asset');
  for (const [attempt, kind] of chain.entries()) {
    const site =
      type === 'village'
        ? placeVillage(p, kind, item, material, seed, rng.fork('village', kind))
        : type === 'bridge' && (kind === 'water-crossing' || kind === 'position')
          ? placeCrossing(p, item, material, seed, rng.fork('crossing'), kind === 'position' ? item.position : undefined)
          : type === 'pier' && (kind === 'shore' || kind === 'coast' || kind === 'lake' || kind === 'river' || kind === 'position')
            ? placePier(p, kind, item, material, seed, rng.fork('pier', kind), kind === 'position' ? item.position : undefined)
            : placeSingle(p, kind, item, material, seed, rng.fork('site', kind), id);
    if (!site) continue;
    for (const piece of site.pieces) p.taken.push({ x: piece.x, z: piece.z, yaw: piece.yaw, halfWidth: piece.halfWidth, halfDepth: piece.halfDepth, owner: id });
    const notes = [attempt > 0 ? `no ${describeRequest(item, chain[0])} site found, placed ${DESCRIBE[kind]}` : '', site.note ?? ''].filter(Boolean);
    return { ...base, placement: kind, centre: site.centre, pieces: site.pieces, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
  }
  return { ...base, placement: 'none', centre: { x: 0, z: 0 }, pieces: [], note: 'no free, dry, even ground left on the map for it' };
}

function describeRequest(item: StructureSpec, first: SiteKind): string {
  if (first === 'position') return `free site near the given position (${item.position!.x}, ${item.position!.z})`;
  return first === 'water-crossing' ? 'river crossing' : first === 'shore' ? 'shore' : first;
}

/** The kinds of site to try, in order. */
function placementChain(type: StructureType, placement: string, hasPosition: boolean): SiteKind[] {
  let wanted: SiteKind[] = [...(FALLBACKS[placement] ?? [])];
  if (type === 'bridge') wanted = ['water-crossing'];
  if (type === 'pier') wanted = placement === 'lake' || placement === 'river' || placement === 'coast' ? [placement as SiteKind, 'shore'] : ['shore'];
  if (type === 'lighthouse' && placement === 'auto') wanted = ['coast', 'lake'];
  const chain: SiteKind[] = hasPosition ? ['position'] : [];
  for (const kind of [...wanted, AUTO[type], ...(type === 'bridge' ? ['gully' as const] : []), 'anywhere' as const]) if (!chain.includes(kind)) chain.push(kind);
  return chain;
}

interface Site {
  centre: { x: number; z: number };
  pieces: PlacedPiece[];
  note?: string;
}

// ————————————————————————————————————————— footprints

/** Can a piece of this type stand on this rectangle? Returns its height and foundation. */
function fitPiece(p: Placer, r: Rect, type: StructureType, timber: boolean, owner: string): Fit | null {
  if (!insideMap(p.field, r, p.margin)) return null;
  for (const t of p.taken) if (rectsOverlap(r, t, t.owner === owner ? p.lots : p.between)) return null;
  // Dry well past the levelled core, so levelling never reaches into water.
  if (!isDry(p.survey, r, p.dryMargin)) return null;
  const ground = groundRange(p.field, r);
  const range = ground.max - ground.min;
  if (range < LEVEL_RANGE) return { y: ground.mean, foundation: 'levelled', depth: 0 };
  if (range > MAX_FOUNDATION[type]) return null;
  return { y: ground.max, foundation: timber ? 'stilts' : 'plinth', depth: range + 0.3 };
}

function footprintOf(type: StructureType): { halfWidth: number; halfDepth: number } {
  const f = STRUCTURE_FOOTPRINTS[type];
  return { halfWidth: f.width / 2, halfDepth: f.depth / 2 };
}

// ————————————————————————————————————————— scoring

interface Candidate {
  x: number;
  z: number;
  i: number;
  score: number;
}

/** Grid candidates scored for a kind of site, best first. */
function candidates(p: Placer, kind: SiteKind, halfSize: number, rng: Rng, score: (c: { x: number; z: number; i: number }) => number | null): Candidate[] {
  const { field } = p;
  const area = field.width * field.depth;
  const step = Math.max(field.dx, Math.min(6, halfSize / 2), Math.sqrt(area / 8000));
  const out: Candidate[] = [];
  for (let z = -field.depth / 2 + p.margin + halfSize; z <= field.depth / 2 - p.margin - halfSize; z += step) {
    for (let x = -field.width / 2 + p.margin + halfSize; x <= field.width / 2 - p.margin - halfSize; x += step) {
      const i = sampleIndex(field, x, z);
      if (p.survey.kind[i] !== 0) continue;
      const s = score({ x, z, i });
      if (s === null || !Number.isFinite(s)) continue;
      out.push({ x, z, i, score: s + (kind === 'position' ? 0 : rng.range(0, 0.12)) });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

function siteScore(p: Placer, kind: SiteKind, type: StructureType, halfSize: number, position?: { x: number; z: number }): (c: { x: number; z: number; i: number }) => number | null {
  const s = p.survey;
  const span = Math.max(1, s.high - s.low);
  const halfW = p.field.width / 2;
  const halfD = p.field.depth / 2;
  const halfDiagonal = Math.hypot(halfW, halfD);
  const taken = p.taken;
  // Structures spread out: a site near others scores lower.
  const crowding = (x: number, z: number) => {
    let c = 0;
    for (const t of taken) c += Math.exp(-Math.hypot(t.x - x, t.z - z) / (halfSize * 3 + 20));
    return c;
  };
  const shore = (d: Float32Array) => (c: { x: number; z: number; i: number }) => {
    const dist = d[c.i];
    if (!Number.isFinite(dist) || dist > halfSize + 40) return null;
    const target = halfSize + 5;
    return -Math.abs(dist - target) / 8 - s.slope[c.i] * 2;
  };
  const base = (() => {
    switch (kind) {
      case 'ridge':
        return (c: { i: number }) => (s.prominence[c.i] / span) * 6 + ((p.field.heights[c.i] - s.low) / span) * 1.5 - s.slope[c.i] * 3 - (s.prominence[c.i] <= 0 ? 1 : 0);
      case 'peak':
        return (c: { i: number }) => ((p.field.heights[c.i] - s.low) / span) * 4 - s.slope[c.i] * 2;
      case 'hill':
        return (c: { i: number }) => (s.prominence[c.i] / span) * 4 + ((p.field.heights[c.i] - s.low) / span) - s.slope[c.i] * 2.5;
      case 'rise':
        return (c: { i: number }) => (s.prominence[c.i] / span) * 3 + ((p.field.heights[c.i] - s.low) / span) * 0.3 - s.slope[c.i] * 3 - s.meanSlope[c.i];
      case 'valley':
        return (c: { x: number; z: number; i: number }) =>
          -((p.field.heights[c.i] - s.low) / span) * 2 - (s.prominence[c.i] / span) * 4 - s.slope[c.i] * 2 + Math.min(halfW - Math.abs(c.x), halfD - Math.abs(c.z)) / Math.min(halfW, halfD);
      case 'gentle':
        return (c: { x: number; z: number; i: number }) => {
          const h = (p.field.heights[c.i] - s.low) / span;
          const d = p.survey.water.distance[c.i];
          const nearWater = d > 15 && d < 70 ? 0.3 : 0;
          return -s.meanSlope[c.i] * 6 - s.slope[c.i] * 2 - Math.abs(h - 0.3) * 0.8 + nearWater + Math.min(halfW - Math.abs(c.x), halfD - Math.abs(c.z)) / Math.min(halfW, halfD) * 0.8;
        };
      case 'river':
        return shore(s.distRiver);
      case 'lake':
        return shore(s.distLake);
      case 'coast':
        return type === 'lighthouse'
          ? (c: { x: number; z: number; i: number }) => {
              const d = s.distSea[c.i];
              if (!Number.isFinite(d) || d > halfSize + 30) return null;
              // A headland: sea on many sides, standing a little above it.
              return headland(p, c.x, c.z) * 3 - Math.abs(d - (halfSize + 4)) / 6 + ((p.field.heights[c.i] - s.low) / span) * 0.6 - s.slope[c.i];
            }
          : shore(s.distSea);
      case 'hidden':
        return (c: { x: number; z: number; i: number }) =>
          (Math.hypot(c.x - p.spawn.x, c.z - p.spawn.z) / halfDiagonal) * 3 - (s.prominence[c.i] / span) * 4 - ((p.field.heights[c.i] - s.low) / span) * 0.5 - s.slope[c.i] * 2;
      case 'centre':
        return (c: { x: number; z: number; i: number }) => -(Math.hypot(c.x, c.z) / halfDiagonal) * 8 - s.slope[c.i] * 0.5;
      case 'position':
        return (c: { x: number; z: number }) => -Math.hypot(c.x - position!.x, c.z - position!.z);
      default:
        return (c: { i: number }) => -s.slope[c.i] * 2 - s.meanSlope[c.i] * 2;
    }
  })();
  if (kind === 'position' || kind === 'centre') return base;
  return (c) => {
    const v = base(c);
    return v === null ? null : v - crowding(c.x, c.z) * 1.5;
  };
}

/** Share of sea round a point (rings of 16 directions at 20 and 40 m): 1 a cape, 0 inland. */
function headland(p: Placer, x: number, z: number): number {
  let sea = 0;
  let total = 0;
  for (const r of [20, 40]) {
    for (let k = 0; k < 16; k++) {
      const a = (k / 16) * Math.PI * 2;
      const px = x + Math.sin(a) * r;
      const pz = z + Math.cos(a) * r;
      total++;
      if (Math.abs(px) < p.field.width / 2 && Math.abs(pz) < p.field.depth / 2 && p.survey.kind[sampleIndex(p.field, px, pz)] === SEA) sea++;
    }
  }
  return sea / total;
}

/** Which way a building at (x, z) should face: the spawn, the water, or downhill. */
function preferredYaw(p: Placer, kind: SiteKind, type: StructureType, x: number, z: number): number {
  const s = p.survey;
  const gradient = (d: Float32Array): [number, number] | null => {
    const e = Math.max(p.field.dx, p.field.dz) * 2;
    const gx = d[sampleIndex(p.field, x + e, z)] - d[sampleIndex(p.field, x - e, z)];
    const gz = d[sampleIndex(p.field, x, z + e)] - d[sampleIndex(p.field, x, z - e)];
    return Number.isFinite(gx) && Number.isFinite(gz) && Math.hypot(gx, gz) > 1e-6 ? [gx, gz] : null;
  };
  if (type === 'wall') {
    const g = gradient(p.field.heights);
    if (g) return Math.atan2(-g[0], -g[1]);
  }
  const water = kind === 'river' ? s.distRiver : kind === 'lake' ? s.distLake : kind === 'coast' ? s.distSea : null;
  if (water) {
    const g = gradient(water);
    // A lighthouse's door faces the land; other buildings look out over the water.
    if (g) return type === 'lighthouse' ? Math.atan2(g[0], g[1]) : Math.atan2(-g[0], -g[1]);
  }
  return Math.atan2(p.spawn.x - x, p.spawn.z - z);
}

// ————————————————————————————————————————— one-piece structures

function placeSingle(p: Placer, kind: SiteKind, item: StructureSpec, material: BuildingMaterial, seed: number, rng: Rng, owner: string): Site | null {
  const type = item.type;
  if (kind === 'gully') return placeGully(p, item, material, seed, rng);
  if (kind === 'water-crossing' || kind === 'shore') return null;
  if ((kind === 'river' && p.survey.water.rivers.length === 0) || (kind === 'lake' && p.survey.water.lakes.length === 0) || (kind === 'coast' && p.survey.water.seaLevel === null)) return null;
  const { halfWidth, halfDepth } = footprintOf(type);
  const halfSize = Math.max(halfWidth, halfDepth);
  const list = candidates(p, kind, halfSize, rng, siteScore(p, kind, type, halfSize, item.position));
  const timber = material === 'wood';
  const limit = kind === 'position' ? 600 : 300;
  // The first few sites that fit, then the one with the least foundation for its score: a site
  // slightly worse by its kind but on level ground beats a tall plinth.
  const fits: Array<{ c: Candidate; rect: Rect; fit: Fit; value: number }> = [];
  for (const c of list.slice(0, limit)) {
    if (fits.length >= (kind === 'position' ? 1 : 8)) break;
    const facing = preferredYaw(p, kind, type, c.x, c.z) + rng.range(-0.15, 0.15);
    for (const turn of [0, Math.PI / 2, -Math.PI / 2, Math.PI]) {
      const rect: Rect = { x: c.x, z: c.z, yaw: facing + turn, halfWidth, halfDepth };
      const fit = fitPiece(p, rect, type, timber, owner);
      if (!fit) continue;
      fits.push({ c, rect, fit, value: c.score - fit.depth / (LEVEL_RANGE * 4) });
      break;
    }
  }
  if (fits.length === 0) return null;
  const { c, rect, fit } = fits.reduce((a, b) => (b.value > a.value ? b : a));
  const asset = createStructure(type, seed, { condition: item.condition, material, biome: p.biome, foundationDepth: fit.depth });
  const moved = kind === 'position' ? Math.hypot(c.x - item.position!.x, c.z - item.position!.z) : 0;
  return {
    centre: { x: c.x, z: c.z },
    pieces: [{ asset, x: c.x, y: fit.y, z: c.z, yaw: rect.yaw, halfWidth, halfDepth, foundation: fit.foundation }],
    note: moved > halfSize ? `moved ${Math.round(moved)} m from the given position to free, dry, even ground` : undefined,
  };
}

/** A bridge with no river to cross: over the lowest dry ground, its ends on the ground. */
function placeGully(p: Placer, item: StructureSpec, material: BuildingMaterial, seed: number, rng: Rng): Site | null {
  const span = 20;
  const halfDepth = 3;
  const list = candidates(p, 'valley', span / 2, rng, siteScore(p, 'valley', 'bridge', span / 2));
  for (const c of list.slice(0, 300)) {
    const g = [p.field.heights[sampleIndex(p.field, c.x + 2, c.z)] - p.field.heights[sampleIndex(p.field, c.x - 2, c.z)], p.field.heights[sampleIndex(p.field, c.x, c.z + 2)] - p.field.heights[sampleIndex(p.field, c.x, c.z - 2)]];
    // Across the fall line: the deck runs along the contour's normal.
    const yaw = Math.hypot(g[0], g[1]) > 1e-6 ? Math.atan2(g[1], g[0]) : 0;
    const rect: Rect = { x: c.x, z: c.z, yaw, halfWidth: span / 2, halfDepth };
    if (!insideMap(p.field, rect, p.margin) || p.taken.some((t) => rectsOverlap(rect, t, p.between)) || !isDry(p.survey, rect, 1)) continue;
    const ends = [toWorld(rect, -span / 2, 0), toWorld(rect, span / 2, 0)].map(([x, z]) => heightAt(p.field, x, z));
    if (Math.abs(ends[0] - ends[1]) > 3) continue;
    const y = Math.max(...ends);
    const ground = groundRange(p.field, rect);
    if (y - ground.min > MAX_BRIDGE_DEPTH) continue;
    const asset = createStructure('bridge', seed, { condition: item.condition, material, biome: p.biome, span, foundationDepth: Math.max(1, y - ground.min + 0.3) });
    return {
      centre: { x: c.x, z: c.z },
      pieces: [{ asset, x: c.x, y, z: c.z, yaw, halfWidth: span / 2, halfDepth, foundation: 'span' }],
      note: p.survey.water.rivers.length === 0 ? 'no river to cross' : undefined,
    };
  }
  return null;
}

// ————————————————————————————————————————— bridges

interface Crossing {
  x: number;
  z: number;
  yaw: number;
  span: number;
  deck: number;
  bed: number;
  score: number;
}

/**
 * A bridge across a river: at a straight stretch (the course bends less than 25° over four
 * points), across the flow, its ends 2.5 m up each dry bank (more on coarse grids), the deck 2.2 m above the water
 * (plus a rope bridge's sag) or level with the higher bank.
 */
function placeCrossing(p: Placer, item: StructureSpec, material: BuildingMaterial, seed: number, rng: Rng, near?: { x: number; z: number }): Site | null {
  const { field, survey } = p;
  const halfDepth = 3;
  const found: Crossing[] = [];
  const step = Math.min(field.dx, field.dz) / 2;
  const ashore = ashoreDistances(field).bridge;
  const wet = (x: number, z: number) => Math.abs(x) < field.width / 2 && Math.abs(z) < field.depth / 2 && survey.kind[sampleIndex(field, x, z)] !== 0;
  // Distance from (x, z) along (ux, uz) to the first dry ground that stays dry for a metre.
  const bank = (x: number, z: number, ux: number, uz: number): number | null => {
    for (let d = 0; d < 40; d += step) {
      if (!wet(x + ux * d, z + uz * d) && !wet(x + ux * (d + 1), z + uz * (d + 1))) return d;
    }
    return null;
  };
  for (const river of survey.water.rivers) {
    const pts = river.points;
    for (let k = 2; k < pts.length - 2; k++) {
      const [a, q, c] = [pts[k - 2], pts[k], pts[k + 2]];
      const t1 = normalise2(q.x - a.x, q.z - a.z);
      const t2 = normalise2(c.x - q.x, c.z - q.z);
      const bend = Math.acos(Math.min(1, t1[0] * t2[0] + t1[1] * t2[1]));
      if (bend > (25 * Math.PI) / 180) continue;
      if (survey.water.waterfalls.some((w) => Math.hypot(w.x - q.x, w.z - q.z) < 25)) continue;
      const t = normalise2(c.x - a.x, c.z - a.z);
      const n: [number, number] = [-t[1], t[0]];
      const da = bank(q.x, q.z, n[0], n[1]);
      const db = bank(q.x, q.z, -n[0], -n[1]);
      if (da === null || db === null) continue;
      const endA: [number, number] = [q.x + n[0] * (da + ashore), q.z + n[1] * (da + ashore)];
      const endB: [number, number] = [q.x - n[0] * (db + ashore), q.z - n[1] * (db + ashore)];
      const span = Math.max(8, da + db + 2 * ashore);
      if (span > 60) continue;
      const x = (endA[0] + endB[0]) / 2;
      const z = (endA[1] + endB[1]) / 2;
      const yaw = Math.atan2(-n[1], n[0]);
      const rect: Rect = { x, z, yaw, halfWidth: span / 2, halfDepth };
      if (!insideMap(field, rect, p.margin)) continue;
      if (wet(...endA) || wet(...endB)) continue;
      const hA = heightAt(field, ...endA);
      const hB = heightAt(field, ...endB);
      let level = -Infinity;
      let bed = Infinity;
      for (let s = 0; s <= span; s += step) {
        const px = endB[0] + n[0] * s;
        const pz = endB[1] + n[1] * s;
        const i = sampleIndex(field, px, pz);
        if (survey.kind[i] !== 0) level = Math.max(level, survey.water.surface[i]);
        bed = Math.min(bed, heightAt(field, px, pz));
      }
      if (!Number.isFinite(level)) continue;
      const clearance = 2.2 + bridgeSag(material, span);
      const deck = Math.max(hA, hB, level + clearance);
      if (deck - Math.min(hA, hB) > 4.5 || deck - bed > MAX_BRIDGE_DEPTH) continue;
      const score =
        -span * 0.15 - Math.abs(hA - hB) * 0.8 - (deck - Math.max(hA, hB)) * 0.5 - bend * 3 - (near ? Math.hypot(x - near.x, z - near.z) / 8 : 0) + (near ? 0 : rng.range(0, 0.3));
      found.push({ x, z, yaw, span, deck, bed, score });
    }
  }
  found.sort((a, b) => b.score - a.score);
  for (const c of found) {
    const rect: Rect = { x: c.x, z: c.z, yaw: c.yaw, halfWidth: c.span / 2, halfDepth };
    if (p.taken.some((t) => rectsOverlap(rect, t, p.between))) continue;
    // Both ends on solid bank, not on a spit between channels: their pads must be dry.
    if (!spanPads('bridge', rect, field).every((pad) => padIsDry(survey, pad))) continue;
    const span = Math.round(c.span * 10) / 10;
    const bed = Math.min(c.bed, ...samplesIn(field, rect).map((i) => field.heights[i]));
    if (c.deck - bed > MAX_BRIDGE_DEPTH) continue;
    const asset = createStructure('bridge', seed, { condition: item.condition, material, biome: p.biome, span, foundationDepth: Math.max(1, c.deck - bed + 0.5) });
    const moved = near ? Math.hypot(c.x - near.x, c.z - near.z) : 0;
    return {
      centre: { x: c.x, z: c.z },
      pieces: [{ asset, x: c.x, y: c.deck, z: c.z, yaw: c.yaw, halfWidth: span / 2, halfDepth, foundation: 'span' }],
      note: moved > span ? `moved ${Math.round(moved)} m from the given position to the nearest crossing` : undefined,
    };
  }
  return null;
}

/** Is the ground round a pad's middle (a cell each way, where its height is read) dry? */
function padIsDry(survey: Survey, pad: Rect): boolean {
  const cell = Math.max(survey.field.dx, survey.field.dz);
  return isDry(survey, { x: pad.x, z: pad.z, yaw: 0, halfWidth: cell, halfDepth: cell }, 0.01);
}

function normalise2(x: number, z: number): [number, number] {
  const l = Math.hypot(x, z) || 1;
  return [x / l, z / l];
}

// ————————————————————————————————————————— piers

/**
 * A pier: from a shore sample (dry, water within 3 m) straight out over the water the way the
 * water lies, starting 2 m inland (2 cells on coarse grids), as long as its span or the open water allows (at least 6 m
 * over water, stopping 2 m short of the far shore), its deck 1.2 m above the water.
 */
function placePier(p: Placer, kind: SiteKind, item: StructureSpec, material: BuildingMaterial, seed: number, rng: Rng, near?: { x: number; z: number }): Site | null {
  const { field, survey } = p;
  const bodies = kind === 'lake' ? [LAKE] : kind === 'river' ? [RIVER] : kind === 'coast' ? [SEA] : [SEA, LAKE, RIVER];
  const halfWidth = 2.5;
  const cell = Math.max(field.dx, field.dz);
  const ashore = ashoreDistances(field).pier;
  const step = Math.max(1, Math.round(2 / field.dx));
  const inside = (x: number, z: number) => Math.abs(x) < field.width / 2 - p.margin && Math.abs(z) < field.depth / 2 - p.margin;
  const found: Array<{ x: number; z: number; yaw: number; span: number; deck: number; bed: number; score: number }> = [];
  for (let iz = 0; iz < field.nz; iz += step) {
    for (let ix = 0; ix < field.nx; ix += step) {
      const i = iz * field.nx + ix;
      // Shore samples only: dry, with water within a few metres.
      if (survey.kind[i] !== 0 || !(survey.water.distance[i] <= Math.max(3, cell * 1.5))) continue;
      const x = -field.width / 2 + ix * field.dx;
      const z = -field.depth / 2 + iz * field.dz;
      // Which way the water lies: the mean direction to wet samples within 8 m.
      let vx = 0;
      let vz = 0;
      let body = 0;
      for (let oz = -8; oz <= 8; oz += cell) {
        for (let ox = -8; ox <= 8; ox += cell) {
          const d = Math.hypot(ox, oz);
          if (d < 0.5 || d > 8 || !inside(x + ox, z + oz)) continue;
          const k = survey.kind[sampleIndex(field, x + ox, z + oz)];
          if (k === 0 || !bodies.includes(k)) continue;
          vx += ox / d;
          vz += oz / d;
          body = body || k;
        }
      }
      if (body === 0 || Math.hypot(vx, vz) < 1) continue;
      const [ux, uz] = normalise2(vx, vz);
      // The first water along that way must be near: this is the shore.
      let wetFrom = -1;
      for (let d = 0; d <= 4; d += 0.5) if (wetFrom < 0 && survey.kind[sampleIndex(field, x + ux * d, z + uz * d)] === body) wetFrom = d;
      if (wetFrom < 0) continue;
      let wetTo = wetFrom;
      for (let d = wetFrom; d < 60 && inside(x + ux * d, z + uz * d) && survey.kind[sampleIndex(field, x + ux * d, z + uz * d)] === body; d += 0.5) wetTo = d;
      const open = wetTo - wetFrom - (wetTo < 59.5 ? 2 : 0);
      if (open < 6) continue;
      const span = Math.min(PIER_DEFAULT_SPAN + ashore - 2, ashore + wetFrom + open);
      const landX = x - ux * ashore;
      const landZ = z - uz * ashore;
      const h0 = heightAt(field, landX, landZ);
      let level = -Infinity;
      let bed = Infinity;
      for (let d = 0; d <= span; d += 0.5) {
        const k = sampleIndex(field, landX + ux * d, landZ + uz * d);
        if (survey.kind[k] !== 0) level = Math.max(level, survey.water.surface[k]);
        bed = Math.min(bed, heightAt(field, landX + ux * d, landZ + uz * d));
      }
      if (!Number.isFinite(level)) continue;
      const deck = Math.max(level + 1.2, h0 + 0.05);
      // Piers stand in shallow water: posts no longer than MAX_PIER_DEPTH.
      if (deck - level > 3 || deck - bed > MAX_PIER_DEPTH) continue;
      const cx = landX + (ux * span) / 2;
      const cz = landZ + (uz * span) / 2;
      const depthAtEnd = level - heightAt(field, landX + ux * span, landZ + uz * span);
      const score =
        (body === bodies[0] ? 2 : body === bodies[1] ? 1 : 0) + Math.min(2, depthAtEnd) * 0.5 - (deck - level - 1.2) - (near ? Math.hypot(cx - near.x, cz - near.z) / 8 : 0) + (near ? 0 : rng.range(0, 0.4)) + span * 0.05;
      found.push({ x: cx, z: cz, yaw: Math.atan2(ux, uz), span, deck, bed, score });
    }
  }
  found.sort((a, b) => b.score - a.score);
  for (const c of found.slice(0, 2000)) {
    const rect: Rect = { x: c.x, z: c.z, yaw: c.yaw, halfWidth, halfDepth: c.span / 2 };
    if (!insideMap(field, rect, p.margin) || p.taken.some((t) => rectsOverlap(rect, t, p.between))) continue;
    if (!spanPads('pier', rect, field).every((pad) => padIsDry(survey, pad))) continue;
    const span = Math.round(c.span * 10) / 10;
    const bed = Math.min(c.bed, ...samplesIn(field, rect).map((i) => field.heights[i]));
    if (c.deck - bed > MAX_PIER_DEPTH) continue;
    const asset = createStructure('pier', seed, { condition: item.condition, material, biome: p.biome, span, foundationDepth: Math.max(1, c.deck - bed + 0.5) });
    return { centre: { x: c.x, z: c.z }, pieces: [{ asset, x: c.x, y: c.deck, z: c.z, yaw: c.yaw, halfWidth, halfDepth: span / 2, foundation: 'span' }] };
  }
  return null;
}

// ————————————————————————————————————————— villages

const LOT_TYPE: Record<VillageLot['kind'], StructureType | null> = { house: 'house', chapel: 'chapel', well: null };

/**
 * A village: a centre on the kind of ground asked for, then each lot of its plan at its planned
 * place if that fits, else at the first of 24 seeded tries round the centre, each house turned to
 * face the centre. At least five houses, or the next centre is tried; the best try wins.
 */
function placeVillage(p: Placer, kind: SiteKind, item: StructureSpec, material: BuildingMaterial, seed: number, rng: Rng): Site | null {
  if (kind === 'water-crossing' || kind === 'shore' || kind === 'gully') return null;
  if ((kind === 'river' && p.survey.water.rivers.length === 0) || (kind === 'lake' && p.survey.water.lakes.length === 0) || (kind === 'coast' && p.survey.water.seaLevel === null)) return null;
  const plan = planVillage(seed);
  const wanted = Math.min(5, plan.filter((l) => l.kind === 'house').length);
  const list = candidates(p, kind, 30, rng, siteScore(p, kind, 'village', 30, item.position));
  const timber = material === 'wood';
  // Of the first few centres where enough houses fit, the one where most of the plan fits, on
  // level ground where it can.
  let best: { centre: Candidate; lots: Array<{ lot: VillageLot; rect: Rect; fit: Fit }>; value: number } | null = null;
  let good = 0;
  for (const centre of list.slice(0, 40)) {
    if (p.taken.some((t) => Math.hypot(t.x - centre.x, t.z - centre.z) < Math.max(t.halfWidth, t.halfDepth) + 20)) continue;
    const lots = fitVillage(p, plan, centre, timber, rng.fork('lots', Math.round(centre.x), Math.round(centre.z)));
    const houses = lots.filter((l) => l.lot.kind === 'house').length;
    const value = houses * 10 + lots.length * 2 + lots.filter((l) => l.fit.foundation === 'levelled').length - list.indexOf(centre) * 0.2;
    if (!best || value > best.value) best = { centre, lots, value };
    if (houses >= wanted && ++good >= 6) break;
    if (lots.length === plan.length) break;
  }
  if (!best || best.lots.filter((l) => l.lot.kind === 'house').length === 0) return null;
  const houses = best.lots.filter((l) => l.lot.kind === 'house').length;
  const pieces: PlacedPiece[] = best.lots.map(({ lot, rect, fit }) => {
    const type = LOT_TYPE[lot.kind];
    const options = { condition: item.condition, material, biome: p.biome, foundationDepth: fit.depth };
    const asset = type ? createStructure(type, lot.seed, options) : createWell(lot.seed, options);
    return { asset, x: rect.x, y: fit.y, z: rect.z, yaw: rect.yaw, halfWidth: rect.halfWidth, halfDepth: rect.halfDepth, foundation: fit.foundation };
  });
  const moved = kind === 'position' ? Math.hypot(best.centre.x - item.position!.x, best.centre.z - item.position!.z) : 0;
  const notes = [houses < wanted ? `only ${houses} houses found room` : '', moved > 20 ? `moved ${Math.round(moved)} m from the given position` : ''].filter(Boolean);
  return { centre: { x: best.centre.x, z: best.centre.z }, pieces, note: notes.length > 0 ? notes.join('; ') : undefined };
}

function fitVillage(p: Placer, plan: VillageLot[], centre: { x: number; z: number }, timber: boolean, rng: Rng): Array<{ lot: VillageLot; rect: Rect; fit: Fit }> {
  const owner = `village-${Math.round(centre.x)}-${Math.round(centre.z)}`;
  const placed: Array<{ lot: VillageLot; rect: Rect; fit: Fit }> = [];
  const before = p.taken.length;
  for (const lot of plan) {
    const type = LOT_TYPE[lot.kind];
    const size = type ? footprintOf(type) : { halfWidth: WELL_FOOTPRINT.width / 2, halfDepth: WELL_FOOTPRINT.depth / 2 };
    const tries: Array<[number, number]> = [[lot.x, lot.z]];
    const r0 = Math.hypot(lot.x, lot.z);
    const a0 = Math.atan2(lot.x, lot.z);
    for (let k = 0; k < 24; k++) {
      const r = Math.max(lot.kind === 'well' ? 0 : 10, r0 + rng.range(-6, 9));
      const a = a0 + rng.range(-0.7, 0.7);
      tries.push([Math.sin(a) * r, Math.cos(a) * r]);
    }
    // The planned place if it fits level; else the first try that fits level; else the first
    // that fits on a plinth or stilts.
    let chosen: { rect: Rect; fit: Fit } | null = null;
    for (const [ox, oz] of tries) {
      const x = centre.x + ox;
      const z = centre.z + oz;
      const yaw = lot.kind === 'well' ? lot.yaw : Math.atan2(-ox, -oz) + (lot.yaw - Math.atan2(-lot.x, -lot.z));
      const rect: Rect = { x, z, yaw, ...size };
      const fit = fitPiece(p, rect, type ?? 'house', timber, owner);
      if (!fit) continue;
      if (!chosen) chosen = { rect, fit };
      if (fit.foundation === 'levelled') {
        chosen = { rect, fit };
        break;
      }
    }
    if (chosen) {
      placed.push({ lot, ...chosen });
      p.taken.push({ ...chosen.rect, owner });
    }
  }
  p.taken.length = before;
  return placed;
}
