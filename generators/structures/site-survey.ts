/**
 * What placement knows about the land before it looks for sites: which samples are sea, lake or
 * river; how far each sample is from each; how steep it is; how far it stands above its
 * surroundings (prominence: height minus the mean within a radius, by an integral image — O(N));
 * and the height range of the dry land. Plus the footprint tests every site must pass: inside the
 * map, dry, clear of other pieces, ground even enough to level or to stand a plinth on.
 */
import { heightAt, sampleWindow, sampleX, sampleZ, slopeMap, type Heightfield } from '../terrain/heightfield.ts';
import { distanceToMarked } from '../water/distance-field.ts';
import type { WaterBodies } from '../water/water-bodies.ts';

export interface Survey {
  field: Heightfield;
  water: WaterBodies;
  /** 1 sea, 2 lake, 3 river, 0 dry, per sample. */
  kind: Uint8Array;
  distSea: Float32Array;
  distLake: Float32Array;
  distRiver: Float32Array;
  slope: Float32Array;
  /** Height minus the mean height within `radius`, metres. */
  prominence: Float32Array;
  /** Mean slope within `radius` (how gentle a neighbourhood is). */
  meanSlope: Float32Array;
  radius: number;
  /** Dry land's lowest, median and highest height. */
  low: number;
  median: number;
  high: number;
}

export const SEA = 1;
export const LAKE = 2;
export const RIVER = 3;

export function surveySite(field: Heightfield, water: WaterBodies): Survey {
  const { nx, nz, dx, dz, heights } = field;
  const n = nx * nz;
  const kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(water.surface[i])) continue;
    if (water.seaMask?.[i]) kind[i] = SEA;
    else kind[i] = RIVER;
  }
  for (const lake of water.lakes) {
    const { ix0, iz0, ix1, iz1 } = lake.bounds;
    for (let iz = iz0; iz <= iz1; iz++) {
      for (let ix = ix0; ix <= ix1; ix++) {
        const i = iz * nx + ix;
        if (kind[i] === RIVER && Math.abs(water.surface[i] - lake.level) < 0.05) kind[i] = LAKE;
      }
    }
  }
  const dist = (k: number) => {
    const d = distanceToMarked((i) => kind[i] === k, nx, nz, dx, dz);
    for (let i = 0; i < n; i++) if (d[i] > 1e29) d[i] = Infinity;
    return d;
  };
  const radius = Math.min(120, Math.max(20, Math.min(field.width, field.depth) * 0.12));
  const slope = slopeMap(field);
  const dry: number[] = [];
  for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 20000))) if (kind[i] === 0) dry.push(heights[i]);
  dry.sort((a, b) => a - b);
  const all = dry.length > 0 ? dry : [...heights].sort((a, b) => a - b);
  return {
    field,
    water,
    kind,
    distSea: dist(SEA),
    distLake: dist(LAKE),
    distRiver: dist(RIVER),
    slope,
    prominence: subtract(heights, boxMean(heights, nx, nz, Math.round(radius / dx), Math.round(radius / dz))),
    meanSlope: boxMean(slope, nx, nz, Math.round(radius / 2 / dx), Math.round(radius / 2 / dz)),
    radius,
    low: all[0],
    median: all[Math.floor(all.length / 2)],
    high: all[all.length - 1],
  };
}

function subtract(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] - b[i];
  return out;
}

/** Mean of each sample's (2rx+1)×(2rz+1) neighbourhood, clipped at the edges, by an integral image. */
function boxMean(values: Float32Array, nx: number, nz: number, rx: number, rz: number): Float32Array {
  const sums = new Float64Array((nx + 1) * (nz + 1));
  for (let iz = 0; iz < nz; iz++) {
    let row = 0;
    for (let ix = 0; ix < nx; ix++) {
      row += values[iz * nx + ix];
      sums[(iz + 1) * (nx + 1) + ix + 1] = sums[iz * (nx + 1) + ix + 1] + row;
    }
  }
  const out = new Float32Array(nx * nz);
  for (let iz = 0; iz < nz; iz++) {
    const z0 = Math.max(0, iz - rz);
    const z1 = Math.min(nz, iz + rz + 1);
    for (let ix = 0; ix < nx; ix++) {
      const x0 = Math.max(0, ix - rx);
      const x1 = Math.min(nx, ix + rx + 1);
      const total = sums[z1 * (nx + 1) + x1] - sums[z0 * (nx + 1) + x1] - sums[z1 * (nx + 1) + x0] + sums[z0 * (nx + 1) + x0];
      out[iz * nx + ix] = total / ((x1 - x0) * (z1 - z0));
    }
  }
  return out;
}

/** The nearest grid sample to a world point. */
export function sampleIndex(field: Heightfield, x: number, z: number): number {
  const ix = Math.min(field.nx - 1, Math.max(0, Math.round((x + field.width / 2) / field.dx)));
  const iz = Math.min(field.nz - 1, Math.max(0, Math.round((z + field.depth / 2) / field.dz)));
  return iz * field.nx + ix;
}

/** A rectangle turned `yaw` about +Y: what every piece occupies on the ground. */
export interface Rect {
  x: number;
  z: number;
  yaw: number;
  halfWidth: number;
  halfDepth: number;
}

/** A point in a rectangle's own frame (local x, z) → world (x, z). */
export function toWorld(r: Rect, lx: number, lz: number): [number, number] {
  const c = Math.cos(r.yaw);
  const s = Math.sin(r.yaw);
  return [r.x + lx * c + lz * s, r.z - lx * s + lz * c];
}

/** A world point → the rectangle's own frame. */
export function toLocal(r: Rect, x: number, z: number): [number, number] {
  const c = Math.cos(r.yaw);
  const s = Math.sin(r.yaw);
  const ox = x - r.x;
  const oz = z - r.z;
  return [ox * c - oz * s, ox * s + oz * c];
}

export function corners(r: Rect, grow = 0): Array<[number, number]> {
  const w = r.halfWidth + grow;
  const d = r.halfDepth + grow;
  return [toWorld(r, -w, -d), toWorld(r, w, -d), toWorld(r, w, d), toWorld(r, -w, d)];
}

/** Do two turned rectangles, each grown by `gap`/2, overlap? (Separating axes.) */
export function rectsOverlap(a: Rect, b: Rect, gap: number): boolean {
  const ca = corners(a, gap / 2);
  const cb = corners(b, gap / 2);
  for (const r of [a, b]) {
    for (const axis of [[Math.cos(r.yaw), -Math.sin(r.yaw)], [Math.sin(r.yaw), Math.cos(r.yaw)]]) {
      const pa = ca.map(([x, z]) => x * axis[0] + z * axis[1]);
      const pb = cb.map(([x, z]) => x * axis[0] + z * axis[1]);
      if (Math.max(...pa) < Math.min(...pb) || Math.max(...pb) < Math.min(...pa)) return false;
    }
  }
  return true;
}

/** Every grid sample inside a rectangle grown by `grow` metres, as sample indices. */
export function samplesIn(field: Heightfield, r: Rect, grow = 0): number[] {
  const reach = Math.hypot(r.halfWidth + grow, r.halfDepth + grow);
  const { ix0, ix1, iz0, iz1 } = sampleWindow(field, r.x, r.z, reach);
  const out: number[] = [];
  for (let iz = iz0; iz <= iz1; iz++) {
    for (let ix = ix0; ix <= ix1; ix++) {
      const [lx, lz] = toLocal(r, sampleX(field, ix), sampleZ(field, iz));
      if (Math.abs(lx) <= r.halfWidth + grow && Math.abs(lz) <= r.halfDepth + grow) out.push(iz * field.nx + ix);
    }
  }
  return out;
}

/** Ground heights under a rectangle: its grid samples and its corners. */
export function groundRange(field: Heightfield, r: Rect): { min: number; max: number; mean: number } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  const add = (h: number) => {
    min = Math.min(min, h);
    max = Math.max(max, h);
    sum += h;
    count++;
  };
  for (const i of samplesIn(field, r)) add(field.heights[i]);
  for (const [x, z] of corners(r)) add(heightAt(field, x, z));
  for (const [lx, lz] of [[0, r.halfDepth], [0, -r.halfDepth], [r.halfWidth, 0], [-r.halfWidth, 0]]) add(heightAt(field, ...toWorld(r, lx, lz)));
  return { min, max, mean: sum / count };
}

/** Is the rectangle inside the map with `margin` metres to spare? */
export function insideMap(field: Heightfield, r: Rect, margin: number): boolean {
  return corners(r).every(([x, z]) => Math.abs(x) <= field.width / 2 - margin && Math.abs(z) <= field.depth / 2 - margin);
}

/** Is every sample within `grow` metres of the rectangle dry? */
export function isDry(survey: Survey, r: Rect, grow: number): boolean {
  return samplesIn(survey.field, r, grow).every((i) => survey.kind[i] === 0);
}
