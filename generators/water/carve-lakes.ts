/**
 * Lakes: pick sites where a lake would sit naturally (gentle ground, lower than its surroundings,
 * above the sea, away from the edges and from each other), carve a bowl whose rim is the site's
 * lowest surrounding ground, and fill it to just under that spill height. The shoreline follows
 * the terrain, with an irregular outline from angular noise.
 */
import type { Rng } from '../seed/rng.ts';
import { createGradientNoise, smoothstep } from '../terrain/gradient-noise.ts';
import { heightAt, sampleX, sampleZ, type Heightfield } from '../terrain/heightfield.ts';
import type { Lake } from './water-bodies.ts';

export interface CarveLakesOptions {
  count: number;
  seaLevel: number | null;
  maxHeight: number;
  rng: Rng;
  /** Smaller, shallower pools (swamps). */
  pools?: boolean;
}

const FREEBOARD = 0.35;
/** The shore blends back into the terrain between 1× and this many radii. */
const SHORE_END = 1.9;

export function carveLakes(field: Heightfield, options: CarveLakesOptions): Lake[] {
  if (options.count <= 0) return [];
  const rng = options.rng;
  const shorter = Math.min(field.width, field.depth);
  const baseRadius = options.pools
    ? Math.max(8, Math.min(40, 0.035 * shorter))
    : Math.max(18, Math.min(180, (0.11 * shorter) / Math.sqrt(Math.max(1, options.count / 2))));
  const minLevel = (options.seaLevel ?? -Infinity) + 1.5;
  const lakes: Lake[] = [];
  const shoreNoise = createGradientNoise(rng.fork('shore'));

  // Candidate sites on a jittered lattice, scored, then taken greedily with spacing.
  const lattice = 24;
  const candidates: Array<{ x: number; z: number; radius: number; score: number }> = [];
  const siteRng = rng.fork('sites');
  for (let a = 0; a < lattice; a++) {
    for (let b = 0; b < lattice; b++) {
      const radius = baseRadius * siteRng.range(0.7, 1.3);
      const margin = radius * 1.5 + 2 * Math.max(field.dx, field.dz);
      const x = -field.width / 2 + margin + ((a + siteRng.float()) / lattice) * (field.width - 2 * margin);
      const z = -field.depth / 2 + margin + ((b + siteRng.float()) / lattice) * (field.depth - 2 * margin);
      if (field.width - 2 * margin <= 0 || field.depth - 2 * margin <= 0) continue;
      const centre = heightAt(field, x, z);
      const ring = ringHeights(field, x, z, radius * 1.6);
      const rim = Math.min(...ring);
      if (rim - FREEBOARD <= minLevel || centre > options.maxHeight * 0.7) continue;
      const meanRing = ring.reduce((s, h) => s + h, 0) / ring.length;
      const spread = Math.max(...ring) - rim;
      // Prefer hollows (ring above centre) and gentle ground (small spread around the rim).
      const score = (meanRing - centre) - 0.35 * spread + siteRng.range(0, 0.5);
      candidates.push({ x, z, radius, score });
    }
  }
  candidates.sort((p, q) => q.score - p.score);

  for (const site of candidates) {
    if (lakes.length >= options.count) break;
    if (lakes.some((l) => Math.hypot(l.centre.x - site.x, l.centre.z - site.z) < (l.radius + site.radius) * 1.5)) continue;
    const lake = carveOne(field, site, `lake-${lakes.length + 1}`, shoreNoise, options.pools === true, minLevel);
    if (lake) lakes.push(lake);
  }
  return lakes;
}

function ringHeights(field: Heightfield, x: number, z: number, r: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < 16; k++) {
    const a = (k / 16) * Math.PI * 2;
    out.push(heightAt(field, x + Math.cos(a) * r, z + Math.sin(a) * r));
  }
  return out;
}

function carveOne(
  field: Heightfield,
  site: { x: number; z: number; radius: number },
  id: string,
  shoreNoise: (x: number, y: number) => number,
  pools: boolean,
  minLevel: number,
): Lake | undefined {
  const { nx, nz, heights: h } = field;
  const rim = Math.min(...ringHeights(field, site.x, site.z, site.radius));
  const level = rim - FREEBOARD;
  if (level <= minLevel) return undefined;
  const depth = pools ? Math.max(1, Math.min(2, site.radius * 0.08)) : Math.max(2.5, Math.min(14, site.radius * 0.12));
  const outer = site.radius * SHORE_END * 1.3;
  const ix0 = Math.max(1, Math.floor((site.x - outer + field.width / 2) / field.dx));
  const ix1 = Math.min(nx - 2, Math.ceil((site.x + outer + field.width / 2) / field.dx));
  const iz0 = Math.max(1, Math.floor((site.z - outer + field.depth / 2) / field.dz));
  const iz1 = Math.min(nz - 2, Math.ceil((site.z + outer + field.depth / 2) / field.dz));
  const seedX = site.x * 0.013;
  const seedZ = site.z * 0.013;

  for (let iz = iz0; iz <= iz1; iz++) {
    for (let ix = ix0; ix <= ix1; ix++) {
      const dxw = sampleX(field, ix) - site.x;
      const dzw = sampleZ(field, iz) - site.z;
      const angle = Math.atan2(dzw, dxw);
      // Broad bays and headlands from a low angular frequency, a ragged edge from a higher one.
      const wobble =
        1 +
        0.3 * shoreNoise(seedX + Math.cos(angle) * 1.3, seedZ + Math.sin(angle) * 1.3) +
        0.1 * shoreNoise(seedX + 40 + Math.cos(angle) * 4, seedZ + Math.sin(angle) * 4);
      const t = Math.hypot(dxw, dzw) / (site.radius * wobble);
      const i = iz * nx + ix;
      let target: number;
      if (t < 1) {
        const bowl = 1 - t * t;
        target = rim - (FREEBOARD + 0.3) - depth * bowl * bowl;
      } else {
        target = rim - (FREEBOARD + 0.3) + (h[i] - rim + FREEBOARD + 0.3) * smoothstep(1, SHORE_END, t);
      }
      // Never below the world's floor (0 m): in low, flat worlds the lake is simply shallower.
      if (target < h[i]) h[i] = Math.max(0, target);
    }
  }

  // The flooded samples: connected to the centre and below the level. On flat ground the water
  // could spill past the carved bowl; lower the level until the lake stays inside it.
  const cx = Math.round((site.x + field.width / 2) / field.dx);
  const cz = Math.round((site.z + field.depth / 2) / field.dz);
  const start = cz * nx + cx;
  const box = { ix0, iz0, ix1, iz1 };
  let lakeLevel = level;
  for (let attempt = 0; attempt < 40; attempt++) {
    if (!(h[start] < lakeLevel)) return undefined;
    const flooded = floodBelow(h, nx, start, lakeLevel, box);
    const b = flooded.bounds;
    const contained = b.ix0 > ix0 && b.iz0 > iz0 && b.ix1 < ix1 && b.iz1 < iz1;
    if (contained) {
      // Stored as a float32 value: the water-surface grid is a Float32Array and must compare equal.
      return { id, level: Math.fround(lakeLevel), centre: { x: site.x, z: site.z }, radius: site.radius, samples: flooded.count, bounds: b };
    }
    lakeLevel -= 0.15;
  }
  return undefined;
}

/** 4-connected flood fill of samples below `level` within a box. */
export function floodBelow(
  h: Float32Array,
  nx: number,
  start: number,
  level: number,
  box: { ix0: number; iz0: number; ix1: number; iz1: number },
  visit?: (i: number) => void,
): { count: number; bounds: { ix0: number; iz0: number; ix1: number; iz1: number } } {
  const w = box.ix1 - box.ix0 + 1;
  const seen = new Uint8Array(w * (box.iz1 - box.iz0 + 1));
  const stack = [start];
  const bounds = { ix0: Infinity, iz0: Infinity, ix1: -Infinity, iz1: -Infinity };
  let count = 0;
  while (stack.length > 0) {
    const i = stack.pop()!;
    const ix = i % nx;
    const iz = (i - ix) / nx;
    if (ix < box.ix0 || ix > box.ix1 || iz < box.iz0 || iz > box.iz1) continue;
    const local = (iz - box.iz0) * w + (ix - box.ix0);
    if (seen[local] || !(h[i] < level)) continue;
    seen[local] = 1;
    count++;
    visit?.(i);
    bounds.ix0 = Math.min(bounds.ix0, ix);
    bounds.iz0 = Math.min(bounds.iz0, iz);
    bounds.ix1 = Math.max(bounds.ix1, ix);
    bounds.iz1 = Math.max(bounds.iz1, iz);
    stack.push(i - 1, i + 1, i - nx, i + nx);
  }
  return { count, bounds };
}
