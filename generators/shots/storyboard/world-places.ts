/**
 * Finds the places a storyboard names in a World and writes them as ShotPlan subject references:
 * a structure of that type (`structure:tower`, `structure:castle-2`), a point of interest
 * (`poi:lake-1`), or a point found on the map (`point:x,z`: a river bank, a sea shore, the
 * highest ground, the middle of a biome). When the world lacks the thing, `find` says so in a
 * notice and falls back to the nearest sensible stand-in, or gives nothing, so the caller drops
 * what needed it.
 *
 * Structure ids follow the ShotPlan convention: a structure's type, numbered in the world's order
 * when a type repeats ("tower", "tower-2"); `structureRefs` lists them with the placed ids
 * ("structure-1") they stand for.
 */
import type { Biome } from '../../spec/world-spec-schema.ts';
import type { World } from '../../world/world.ts';
import type { Place } from './storyboard-words.ts';

export interface XZ {
  x: number;
  z: number;
}

export interface StructureRef {
  /** What a ShotPlan calls it: "tower", "tower-2". */
  ref: string;
  /** The placed structure's id in the World ("structure-1"). */
  placedId: string;
  type: string;
  centre: XZ;
  /** False when the world could not place it (no ground left). */
  placed: boolean;
}

/** What the place is for: a subject may fall back to the whole map; a destination must be somewhere to walk. */
export type PlacePurpose = 'subject' | 'destination' | 'via' | 'face';

export interface FoundPlace {
  ref: string;
  /** Where it is, when it is one place (not the whole map). */
  at?: XZ;
  /** What was used, in words ("the river's bank", "the tower"). */
  label: string;
  /** Set when the world lacks what was named: what was missing and what stands in. */
  notice?: string;
}

const RIVER_BANK_MARGIN = 3;

export function structureRefs(world: World): StructureRef[] {
  const seen = new Map<string, number>();
  return world.structures.map((s) => {
    const n = (seen.get(s.type) ?? 0) + 1;
    seen.set(s.type, n);
    return { ref: n === 1 ? s.type : `${s.type}-${n}`, placedId: s.id, type: s.type, centre: s.centre, placed: s.pieces.length > 0 && s.placement !== 'none' };
  });
}

export function pointRef(at: XZ): string {
  const f = (v: number) => (Math.abs(v) < 0.05 ? '0.0' : v.toFixed(1));
  return `point:${f(at.x)},${f(at.z)}`;
}

export class WorldPlaces {
  readonly structures: readonly StructureRef[];
  private readonly world: World;

  constructor(world: World) {
    this.world = world;
    this.structures = structureRefs(world);
  }

  get spawn(): XZ {
    return { x: this.world.gameplay.spawn.x, z: this.world.gameplay.spawn.z };
  }

  /** Where a subject reference stands on the map (undefined for "world" and characters). */
  positionOf(ref: string): XZ | undefined {
    if (ref === 'spawn') return this.spawn;
    const [kind, id] = splitRef(ref);
    if (kind === 'structure') return this.structures.find((s) => s.ref === id && s.placed)?.centre;
    if (kind === 'poi') {
      const poi = this.world.gameplay.pointsOfInterest.find((p) => p.id === id);
      return poi ? { x: poi.x, z: poi.z } : undefined;
    }
    if (kind === 'point') {
      const [x, z] = id.split(',').map(Number);
      return { x, z };
    }
    return undefined;
  }

  /** The structure whose centre is nearest a point (for "the door" when nothing says which). */
  nearestStructure(near: XZ | undefined): StructureRef | undefined {
    const placed = this.structures.filter((s) => s.placed);
    if (!near) return placed[0];
    return minBy(placed, (s) => dist2(s.centre, near));
  }

  find(place: Place, purpose: PlacePurpose, near?: XZ): FoundPlace | undefined {
    switch (place.kind) {
      case 'structure':
        return this.findStructure(place.type, purpose, near);
      case 'river':
        return this.findRiver(purpose, near) ?? this.missing('a river', purpose, near, ['lake', 'sea']);
      case 'lake':
        return this.findPoi('lake', near, 'the lake') ?? this.missing('a lake', purpose, near, ['river', 'sea']);
      case 'waterfall':
        return this.findPoi('waterfall', near, 'the waterfall') ?? this.missing('a waterfall', purpose, near, ['river', 'lake']);
      case 'sea':
        return this.findSea(near ?? this.spawn, false) ?? this.missing('a sea', purpose, near, ['lake', 'river']);
      case 'coast':
        return this.findSea(near ?? this.spawn, true) ?? this.missing('a coast', purpose, near, ['lake', 'river']);
      case 'crater':
        return this.findCrater() ?? this.missing('a volcano', purpose, near, ['summit']);
      case 'summit':
        return this.findPoi('summit', near, 'the summit') ?? this.highestGround('the highest ground');
      case 'ridge': {
        const viewpoint = this.findPoi('viewpoint', near, 'the viewpoint');
        if (viewpoint) return viewpoint;
        const high = this.highestGround('the highest ground');
        return high && { ...high, notice: 'no ridge is marked in this world; the highest ground stands in' };
      }
      case 'valley':
        return this.findValley(purpose);
      case 'world':
      case 'sky':
        return purpose === 'subject' || purpose === 'face' ? { ref: 'world', label: 'the whole map' } : undefined;
      case 'spawn':
        return { ref: 'spawn', at: this.spawn, label: 'the spawn' };
      case 'door': {
        const s = this.nearestStructure(near);
        return s
          ? { ref: `structure:${s.ref}`, at: s.centre, label: `the ${s.type}'s door` }
          : { ref: 'spawn', at: this.spawn, label: 'the spawn', notice: 'this world has no structures, so no door; the spawn stands in' };
      }
      case 'biome':
        return this.findBiome(place.biome);
    }
  }

  private findStructure(type: string, purpose: PlacePurpose, near?: XZ): FoundPlace | undefined {
    const candidates = this.structures.filter((s) => s.type === type && s.placed);
    const chosen = near ? minBy(candidates, (s) => dist2(s.centre, near)) : candidates[0];
    if (chosen) return { ref: `structure:${chosen.ref}`, at: chosen.centre, label: `the ${type}` };
    const unplaced = this.structures.some((s) => s.type === type);
    const have = [...new Set(this.structures.filter((s) => s.placed).map((s) => s.type))];
    const why = unplaced
      ? `the world's ${type} could not be placed (no free ground), so it is not there`
      : `there is no ${type} in this world (its structures: ${have.length ? have.join(', ') : 'none'})`;
    if (purpose === 'subject') return { ref: 'world', label: 'the whole map', notice: `${why}; the shot shows the whole map instead — add a ${type} to the WorldSpec's structures to film it` };
    const other = near ? minBy(this.structures.filter((s) => s.placed), (s) => dist2(s.centre, near)) : this.structures.find((s) => s.placed);
    if (other) return { ref: `structure:${other.ref}`, at: other.centre, label: `the ${other.type}`, notice: `${why}; the ${other.type} stands in` };
    return { ref: 'spawn', at: this.spawn, label: 'the spawn', notice: `${why}; the spawn stands in` };
  }

  private findPoi(kind: string, near: XZ | undefined, label: string): FoundPlace | undefined {
    const pois = this.world.gameplay.pointsOfInterest.filter((p) => p.kind === kind);
    const poi = near ? minBy(pois, (p) => dist2(p, near)) : pois[0];
    return poi && { ref: `poi:${poi.id}`, at: { x: poi.x, z: poi.z }, label };
  }

  private findRiver(purpose: PlacePurpose, near?: XZ): FoundPlace | undefined {
    const poi = this.findPoi('river', near, 'the river');
    if (poi) return poi;
    const rivers = this.world.water.rivers.filter((r) => r.points.length >= 3);
    if (rivers.length === 0) return undefined;
    // The bank nearest `near` (a walk's midpoint), or the middle of the first river.
    let best = { river: rivers[0], i: Math.floor(rivers[0].points.length / 2) };
    if (near) {
      let bestD = Infinity;
      for (const river of rivers) {
        for (let i = 1; i < river.points.length - 1; i++) {
          const d = dist2(river.points[i], near);
          if (d < bestD) {
            bestD = d;
            best = { river, i };
          }
        }
      }
    }
    const { river, i } = best;
    const p = river.points[i];
    if (purpose === 'face') return { ref: pointRef(p), at: { x: p.x, z: p.z }, label: 'the river' };
    const a = river.points[Math.max(0, i - 1)];
    const b = river.points[Math.min(river.points.length - 1, i + 1)];
    const length = Math.hypot(b.x - a.x, b.z - a.z) || 1;
    const normal = { x: -(b.z - a.z) / length, z: (b.x - a.x) / length };
    const reach = p.width / 2 + RIVER_BANK_MARGIN;
    const banks = [1, -1].map((side) => ({ x: p.x + side * normal.x * reach, z: p.z + side * normal.z * reach }));
    const dry = banks.filter((q) => this.isDry(q));
    const bank = near ? minBy(dry, (q) => dist2(q, near)) : dry[0];
    const at = bank ?? { x: p.x, z: p.z };
    return { ref: pointRef(at), at, label: bank ? "the river's bank" : 'the river' };
  }

  private findSea(near: XZ, shore: boolean): FoundPlace | undefined {
    const { water, terrain } = this.world;
    const mask = water.seaMask;
    if (water.seaLevel === null || !mask || mask.length !== terrain.nx * terrain.nz) return undefined;
    let best = -1;
    let bestD = Infinity;
    for (let iz = 0; iz < terrain.nz; iz++) {
      for (let ix = 0; ix < terrain.nx; ix++) {
        const i = iz * terrain.nx + ix;
        const wanted = shore ? !mask[i] && this.isDrySample(i) && hasSeaNeighbour(mask, terrain.nx, terrain.nz, ix, iz) : mask[i] === 1;
        if (!wanted) continue;
        const d = dist2(this.sampleXZ(i), near);
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
    }
    if (best < 0) return undefined;
    const at = this.sampleXZ(best);
    return { ref: pointRef(at), at, label: shore ? 'the shore' : 'the sea' };
  }

  private findCrater(): FoundPlace | undefined {
    const poi = this.findPoi('crater', undefined, 'the crater');
    if (poi) return poi;
    const vent = this.world.landmarks.vent;
    return vent && { ref: pointRef(vent), at: { x: vent.x, z: vent.z }, label: "the volcano's vent" };
  }

  private findValley(purpose: PlacePurpose): FoundPlace | undefined {
    const landform = this.world.spec.terrain.landform;
    const axis = this.world.landmarks.axis;
    if (purpose === 'subject' && (landform === 'valley' || landform === 'canyon')) return { ref: 'world', label: `the whole ${landform}` };
    if (axis && axis.length > 0) {
      const mid = axis[Math.floor(axis.length / 2)];
      return { ref: pointRef(mid), at: { x: mid.x, z: mid.z }, label: "the valley's floor" };
    }
    const notice = `this world is ${landform === 'open' ? 'open country' : `${/^[aeiou]/.test(landform) ? 'an' : 'a'} ${landform}`}, with no valley`;
    if (purpose === 'subject' || purpose === 'face') return { ref: 'world', label: 'the whole map', notice: `${notice}; the whole map stands in` };
    return { ref: 'spawn', at: this.spawn, label: 'the spawn', notice: `${notice}; the spawn stands in` };
  }

  private findBiome(biome: Biome): FoundPlace {
    const b = this.world.biomes.biomes.indexOf(biome);
    const { dominant } = this.world.biomes;
    const name = biome.replace('-', ' ');
    if (b >= 0 && dominant.length === this.world.terrain.nx * this.world.terrain.nz) {
      let sx = 0;
      let sz = 0;
      let n = 0;
      for (let i = 0; i < dominant.length; i++) {
        if (dominant[i] !== b || !this.isDrySample(i)) continue;
        const p = this.sampleXZ(i);
        sx += p.x;
        sz += p.z;
        n++;
      }
      if (n > 0) {
        const centroid = { x: sx / n, z: sz / n };
        let best = -1;
        let bestD = Infinity;
        for (let i = 0; i < dominant.length; i++) {
          if (dominant[i] !== b || !this.isDrySample(i)) continue;
          const d = dist2(this.sampleXZ(i), centroid);
          if (d < bestD) {
            bestD = d;
            best = i;
          }
        }
        const at = this.sampleXZ(best);
        return { ref: pointRef(at), at, label: `the ${name}` };
      }
    }
    const have = this.world.biomes.biomes.map((x) => x.replace('-', ' ')).join(', ');
    return { ref: 'spawn', at: this.spawn, label: 'the spawn', notice: `there is no ${name} in this world (its biomes: ${have}); the open ground at the spawn stands in` };
  }

  private missing(what: string, purpose: PlacePurpose, near: XZ | undefined, instead: Array<'lake' | 'river' | 'sea' | 'summit'>): FoundPlace | undefined {
    for (const kind of instead) {
      const found =
        kind === 'lake'
          ? this.findPoi('lake', near, 'the lake')
          : kind === 'river'
            ? this.findRiver(purpose, near)
            : kind === 'sea'
              ? this.findSea(near ?? this.spawn, purpose !== 'face' && purpose !== 'subject')
              : this.highestGround('the highest ground');
      if (found) return { ...found, notice: `there is no ${what.replace(/^an? /, '')} in this world; ${found.label} stands in` };
    }
    if (purpose === 'subject' || purpose === 'face') return { ref: 'world', label: 'the whole map', notice: `there is no ${what.replace(/^an? /, '')} in this world; the whole map stands in` };
    return undefined;
  }

  private highestGround(label: string): FoundPlace | undefined {
    const { terrain } = this.world;
    const margin = Math.max(2, Math.round(12 / terrain.dx));
    let best = -1;
    for (let iz = margin; iz < terrain.nz - margin; iz++) {
      for (let ix = margin; ix < terrain.nx - margin; ix++) {
        const i = iz * terrain.nx + ix;
        if (this.isDrySample(i) && (best < 0 || terrain.heights[i] > terrain.heights[best])) best = i;
      }
    }
    if (best < 0) return undefined;
    const at = this.sampleXZ(best);
    return { ref: pointRef(at), at, label };
  }

  private sampleXZ(i: number): XZ {
    const { terrain } = this.world;
    const ix = i % terrain.nx;
    const iz = (i - ix) / terrain.nx;
    return { x: -terrain.width / 2 + ix * terrain.dx, z: -terrain.depth / 2 + iz * terrain.dz };
  }

  private isDrySample(i: number): boolean {
    const surface = this.world.water.surface;
    if (surface.length !== this.world.terrain.heights.length) return true;
    return Number.isNaN(surface[i]) || surface[i] <= this.world.terrain.heights[i];
  }

  private isDry(at: XZ): boolean {
    const { terrain } = this.world;
    const ix = Math.round((at.x + terrain.width / 2) / terrain.dx);
    const iz = Math.round((at.z + terrain.depth / 2) / terrain.dz);
    if (ix < 0 || iz < 0 || ix >= terrain.nx || iz >= terrain.nz) return false;
    return this.isDrySample(iz * terrain.nx + ix);
  }
}

export function splitRef(ref: string): [string, string] {
  const colon = ref.indexOf(':');
  return colon < 0 ? [ref, ''] : [ref.slice(0, colon), ref.slice(colon + 1)];
}

function hasSeaNeighbour(mask: Uint8Array, nx: number, nz: number, ix: number, iz: number): boolean {
  return (ix > 0 && mask[iz * nx + ix - 1] === 1) || (ix < nx - 1 && mask[iz * nx + ix + 1] === 1) || (iz > 0 && mask[(iz - 1) * nx + ix] === 1) || (iz < nz - 1 && mask[(iz + 1) * nx + ix] === 1);
}

function dist2(a: XZ, b: XZ): number {
  return (a.x - b.x) ** 2 + (a.z - b.z) ** 2;
}

function minBy<T>(items: readonly T[], key: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestKey = Infinity;
  for (const item of items) {
    const k = key(item);
    if (k < bestKey) {
      bestKey = k;
      best = item;
    }
  }
  return best;
}
