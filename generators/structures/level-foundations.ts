/**
 * `levelFoundations(field, placed, water?)`: shapes the ground under placed structures, in place.
 *
 *  - A levelled piece: its footprint grown by a core margin (1 m, or 1.5 cells on coarse grids so
 *    the corners' bilinear samples all lie inside) is set to the piece's height, and the ground
 *    blends back to the terrain over 4 m (2 cells on coarse grids) beyond, by smoothstep.
 *  - A bridge: a pad at each end is levelled to the deck ends, so the road meets the deck; a
 *    pier: a pad at its landward end.
 *  - Stilts (with the core margin round them) and the water under spans are left alone: their
 *    pieces were fitted to the ground as it is, and a neighbour's blend must not dig under them.
 *    Placement keeps pieces at least two core margins apart, so no two flat cores meet.
 *  - A stone plinth gets an embankment: the ground under it is filled to 0.6 m below its top
 *    (the plinth shows as a course of dressed stone, not a slab standing on a slope) and falls
 *    away beyond at 3:5, about 31°, until it meets the terrain — a castle on a made mound. Fill
 *    never reaches over water or into another piece's core; in its own core, ground above the
 *    plinth's top is cut down to it.
 *
 * Where blends overlap, each sample takes the weighted mean of the targets, moved by the largest
 * weight, so the result does not depend on the order of the pieces. With `water`, wet samples are
 * never touched (river beds and lake floors stay as carved).
 */
import type { Heightfield } from '../terrain/heightfield.ts';
import type { WaterBodies } from '../water/water-bodies.ts';
import type { PlacedStructure } from './place-structures.ts';
import { samplesIn, toLocal, toWorld, type Rect } from './site-survey.ts';

/** How far beyond its footprint a levelled piece's flat ground reaches, and the blend beyond it. */
export function levellingMargins(field: Heightfield): { core: number; blend: number } {
  const cell = Math.max(field.dx, field.dz);
  return { core: Math.max(1, 1.5 * cell), blend: Math.max(4, 2 * cell) };
}

/**
 * How far a span's ends stand back from the water's edge: a bridge's ends up each bank, a pier's
 * landward end inland. On coarse grids further, so the levelled pads lie clear of the water.
 */
export function ashoreDistances(field: Heightfield): { bridge: number; pier: number } {
  const cell = Math.max(field.dx, field.dz);
  return { bridge: Math.max(2.5, 1.5 * cell + 1), pier: Math.max(2, 2 * cell) };
}

/**
 * The ground a span piece levels at its ends (bridges: both; piers: the landward one): from a
 * little beyond the end (2 m and a cell) back to 1.5 m short of the water's edge.
 */
export function spanPads(type: string, piece: Rect, field: Heightfield): Rect[] {
  const ashore = ashoreDistances(field);
  const beyond = 2 + Math.max(field.dx, field.dz);
  const pad = (lx: number, lz: number, halfWidth: number, halfDepth: number): Rect => {
    const [x, z] = toWorld(piece, lx, lz);
    return { x, z, yaw: piece.yaw, halfWidth, halfDepth };
  };
  if (type === 'bridge') {
    const inner = ashore.bridge - 1.5;
    return [-1, 1].map((s) => pad(s * (piece.halfWidth + (beyond - inner) / 2), 0, (beyond + inner) / 2, piece.halfDepth));
  }
  if (type === 'pier') {
    const inner = ashore.pier - 1.5;
    return [pad(0, -piece.halfDepth - (beyond - inner) / 2, piece.halfWidth, (beyond + inner) / 2)];
  }
  return [];
}

/** The part of a span left alone: over the water and its near banks, up to the pads. */
function spanKeep(type: string, piece: Rect, field: Heightfield): Rect {
  const ashore = ashoreDistances(field);
  if (type === 'bridge') return { ...piece, halfWidth: Math.max(0, piece.halfWidth - ashore.bridge + 1.5) };
  const from = -piece.halfDepth + ashore.pier - 1.5;
  const [x, z] = toWorld(piece, 0, (from + piece.halfDepth) / 2);
  return { x, z, yaw: piece.yaw, halfWidth: piece.halfWidth, halfDepth: Math.max(0, (piece.halfDepth - from) / 2) };
}

export function levelFoundations(field: Heightfield, placed: readonly PlacedStructure[], water?: WaterBodies): void {
  const { core, blend } = levellingMargins(field);
  const n = field.nx * field.nz;
  const regions: Array<{ rect: Rect; y: number }> = [];
  const keep = new Uint8Array(n);
  for (const s of placed) {
    for (const piece of s.pieces) {
      if (piece.foundation === 'levelled') regions.push({ rect: grow(piece, core), y: piece.y });
      else if (piece.foundation === 'span') {
        for (const pad of spanPads(s.type, piece, field)) regions.push({ rect: grow(pad, core), y: piece.y });
        for (const i of samplesIn(field, spanKeep(s.type, piece, field))) keep[i] = 1;
      } else for (const i of samplesIn(field, grow(piece, core))) keep[i] = 1;
    }
  }
  if (water) for (let i = 0; i < n; i++) if (!Number.isNaN(water.surface[i])) keep[i] = 1;

  const strongest = new Float32Array(n);
  const weighted = new Float64Array(n);
  const total = new Float64Array(n);
  const flat = new Float32Array(n).fill(Number.NaN);
  for (const { rect, y } of regions) {
    for (const i of samplesIn(field, rect, blend)) {
      const ix = i % field.nx;
      const iz = (i - ix) / field.nx;
      const [lx, lz] = toLocal(rect, -field.width / 2 + ix * field.dx, -field.depth / 2 + iz * field.dz);
      const d = Math.hypot(Math.max(0, Math.abs(lx) - rect.halfWidth), Math.max(0, Math.abs(lz) - rect.halfDepth));
      if (d <= 0) {
        if (Number.isNaN(flat[i])) flat[i] = y;
        continue;
      }
      const t = 1 - d / blend;
      if (t <= 0) continue;
      const w = t * t * (3 - 2 * t);
      strongest[i] = Math.max(strongest[i], w);
      weighted[i] += w * y;
      total[i] += w;
    }
  }
  const h = field.heights;
  for (let i = 0; i < n; i++) {
    if (keep[i]) continue;
    if (!Number.isNaN(flat[i])) h[i] = flat[i];
    else if (total[i] > 0) h[i] += (weighted[i] / total[i] - h[i]) * strongest[i];
  }
  raiseEmbankments(field, placed, core, water);
}

/** Plinth showing above its embankment, metres. */
export const PLINTH_REVEAL = 0.6;
/** Rise over run of an embankment's sides. */
const EMBANKMENT_SLOPE = 0.6;
const MAX_EMBANKMENT_REACH = 60;

/** Fills the ground under and round each stone plinth (see the file comment). */
function raiseEmbankments(field: Heightfield, placed: readonly PlacedStructure[], core: number, water?: WaterBodies): void {
  const pieces = placed.flatMap((s) => s.pieces);
  const owner = new Int32Array(field.nx * field.nz).fill(-1);
  pieces.forEach((piece, k) => {
    for (const i of samplesIn(field, grow(piece, core))) owner[i] = k;
  });
  const h = field.heights;
  pieces.forEach((piece, k) => {
    if (piece.foundation !== 'plinth') return;
    const top = piece.y - PLINTH_REVEAL;
    const rect = grow(piece, core);
    // Far enough that the sides come down to the lowest ground round them (a few refinements,
    // as a wider ring can hold lower ground), but not past 60 m.
    let reach = 0;
    for (let round = 0; round < 3; round++) reach = Math.min(MAX_EMBANKMENT_REACH, Math.max(0, top - minimumNear(field, grow(rect, reach))) / EMBANKMENT_SLOPE);
    for (const i of samplesIn(field, rect, reach)) {
      if ((owner[i] !== -1 && owner[i] !== k) || (water && !Number.isNaN(water.surface[i]))) continue;
      const ix = i % field.nx;
      const iz = (i - ix) / field.nx;
      const [lx, lz] = toLocal(rect, -field.width / 2 + ix * field.dx, -field.depth / 2 + iz * field.dz);
      const d = Math.hypot(Math.max(0, Math.abs(lx) - rect.halfWidth), Math.max(0, Math.abs(lz) - rect.halfDepth));
      // In the core, ground above the plinth's top is cut down to it: filling the low side must
      // not lift a corner's interpolated height over the floor.
      h[i] = d <= 0 ? Math.min(piece.y, Math.max(h[i], top)) : Math.max(h[i], top - d * EMBANKMENT_SLOPE);
    }
  });
}

/** The lowest ground under a rectangle. */
function minimumNear(field: Heightfield, r: Rect): number {
  let low = Infinity;
  for (const i of samplesIn(field, r)) low = Math.min(low, field.heights[i]);
  return Number.isFinite(low) ? low : 0;
}

function grow(r: Rect, by: number): Rect {
  return { x: r.x, z: r.z, yaw: r.yaw, halfWidth: r.halfWidth + by, halfDepth: r.halfDepth + by };
}
