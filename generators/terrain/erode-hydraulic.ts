/**
 * Gully-scale erosion: simulated raindrops (the particle method popularised by Hans Theobald
 * Beyer, 2015). Each drop runs downhill with inertia, picks up sediment while it is fast and has
 * capacity, drops it where it slows or climbs, and evaporates. Erosion is spread over a small
 * brush so drops cut channels, not single-cell pits.
 *
 * Heights are handled in cell units (metres / cell size) so the parameters mean the same at any
 * resolution. Numbers: 1025² grid, ~0.3 drops per cell at full strength, ≤ 40 steps each.
 */
import type { Heightfield } from './heightfield.ts';
import type { Rng } from '../seed/rng.ts';

export interface HydraulicErosionOptions {
  strength: number;
  rng: Rng;
  /** Drops per cell at strength 1. */
  dropsPerCell?: number;
  onProgress?: (done: number, total: number) => void;
}

const INERTIA = 0.3;
const CAPACITY = 4;
const MIN_CAPACITY = 0.01;
const ERODE_RATE = 0.3;
const DEPOSIT_RATE = 0.3;
const EVAPORATION = 0.02;
const GRAVITY = 4;
const MAX_STEPS = 40;
const BRUSH_RADIUS = 2;

export function erodeHydraulic(field: Heightfield, options: HydraulicErosionOptions): void {
  if (options.strength <= 0) return;
  const { nx, nz } = field;
  const cell = Math.sqrt(field.dx * field.dz);
  const h = field.heights;
  for (let i = 0; i < h.length; i++) h[i] /= cell;

  const brush = makeBrush(BRUSH_RADIUS);
  const drops = Math.round(nx * nz * (options.dropsPerCell ?? 0.3) * options.strength);
  const rng = options.rng;
  const reportEvery = Math.max(1, Math.floor(drops / 20));

  for (let d = 0; d < drops; d++) {
    let x = rng.range(1, nx - 2);
    let z = rng.range(1, nz - 2);
    let dirX = 0;
    let dirZ = 0;
    let speed = 1;
    let water = 1;
    let sediment = 0;
    for (let step = 0; step < MAX_STEPS; step++) {
      const ix = Math.floor(x);
      const iz = Math.floor(z);
      const fx = x - ix;
      const fz = z - iz;
      const i = iz * nx + ix;
      const h00 = h[i];
      const h10 = h[i + 1];
      const h01 = h[i + nx];
      const h11 = h[i + nx + 1];
      const gradX = (h10 - h00) * (1 - fz) + (h11 - h01) * fz;
      const gradZ = (h01 - h00) * (1 - fx) + (h11 - h10) * fx;
      const height = h00 * (1 - fx) * (1 - fz) + h10 * fx * (1 - fz) + h01 * (1 - fx) * fz + h11 * fx * fz;

      dirX = dirX * INERTIA - gradX * (1 - INERTIA);
      dirZ = dirZ * INERTIA - gradZ * (1 - INERTIA);
      const length = Math.hypot(dirX, dirZ);
      if (length < 1e-9) break;
      dirX /= length;
      dirZ /= length;
      const nxPos = x + dirX;
      const nzPos = z + dirZ;
      if (nxPos < 1 || nzPos < 1 || nxPos >= nx - 2 || nzPos >= nz - 2) break;

      const newHeight = heightAt(h, nx, nxPos, nzPos);
      const drop = height - newHeight;
      const capacity = Math.max(drop * speed * water * CAPACITY, MIN_CAPACITY);
      if (drop < 0 || sediment > capacity) {
        // Climbing or overloaded: deposit on the four corners of the current cell.
        const amount = drop < 0 ? Math.min(-drop, sediment) : (sediment - capacity) * DEPOSIT_RATE;
        sediment -= amount;
        h[i] += amount * (1 - fx) * (1 - fz);
        h[i + 1] += amount * fx * (1 - fz);
        h[i + nx] += amount * (1 - fx) * fz;
        h[i + nx + 1] += amount * fx * fz;
      } else {
        const amount = Math.min((capacity - sediment) * ERODE_RATE, drop);
        let removed = 0;
        for (let b = 0; b < brush.count; b++) {
          const bx = ix + brush.dx[b];
          const bz = iz + brush.dz[b];
          if (bx < 0 || bz < 0 || bx >= nx || bz >= nz) continue;
          const j = bz * nx + bx;
          const take = Math.min(h[j], amount * brush.weight[b]);
          h[j] -= take;
          removed += take;
        }
        sediment += removed;
      }
      speed = Math.sqrt(Math.max(0, speed * speed + drop * GRAVITY));
      water *= 1 - EVAPORATION;
      x = nxPos;
      z = nzPos;
    }
    if (options.onProgress && (d + 1) % reportEvery === 0) options.onProgress(d + 1, drops);
  }
  for (let i = 0; i < h.length; i++) h[i] = Math.max(0, h[i] * cell);
  settleSpeckle(field);
}

/**
 * Single drops leave one-sample grains where they die on flat ground (the sea floor, valley
 * floors). Half a 3×3 box blur removes the grains and keeps the gullies.
 */
function settleSpeckle(field: Heightfield): void {
  const { nx, nz, heights: h } = field;
  const copy = h.slice();
  for (let iz = 1; iz < nz - 1; iz++) {
    for (let ix = 1; ix < nx - 1; ix++) {
      const i = iz * nx + ix;
      const mean =
        (copy[i - nx - 1] + copy[i - nx] + copy[i - nx + 1] + copy[i - 1] + copy[i] + copy[i + 1] + copy[i + nx - 1] + copy[i + nx] + copy[i + nx + 1]) / 9;
      h[i] = 0.5 * copy[i] + 0.5 * mean;
    }
  }
}

function heightAt(h: Float32Array, nx: number, x: number, z: number): number {
  const ix = Math.floor(x);
  const iz = Math.floor(z);
  const fx = x - ix;
  const fz = z - iz;
  const i = iz * nx + ix;
  return h[i] * (1 - fx) * (1 - fz) + h[i + 1] * fx * (1 - fz) + h[i + nx] * (1 - fx) * fz + h[i + nx + 1] * fx * fz;
}

function makeBrush(radius: number): { dx: Int32Array; dz: Int32Array; weight: Float32Array; count: number } {
  const dx: number[] = [];
  const dz: number[] = [];
  const weight: number[] = [];
  let sum = 0;
  for (let z = -radius; z <= radius; z++) {
    for (let x = -radius; x <= radius; x++) {
      const w = radius + 0.5 - Math.hypot(x, z);
      if (w <= 0) continue;
      dx.push(x);
      dz.push(z);
      weight.push(w);
      sum += w;
    }
  }
  return {
    dx: Int32Array.from(dx),
    dz: Int32Array.from(dz),
    weight: Float32Array.from(weight, (w) => w / sum),
    count: dx.length,
  };
}
