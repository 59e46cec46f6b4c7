/**
 * Poisson-disk sampling by dart throwing on a background grid (cells of r/√2 hold at most one
 * point): cells are visited in a seeded random order, each gets a random candidate, kept when it
 * is at least `radius` from every point nearby. Three passes reach about 90% of saturation
 * (random sequential addition saturates near 60% of hexagonal packing). O(cells × 25), no queue.
 *
 * Density is applied afterwards by thinning (keep each point with probability p): a subset of a
 * Poisson-disk set keeps its spacing, and its count follows p exactly in expectation. (Thinning
 * while throwing does not: rejected darts leave room that neighbours then fill.)
 */
import type { Rng } from '../seed/rng.ts';

export interface PoissonDiskOptions {
  /** Rectangle to fill, world metres. */
  minX: number;
  minZ: number;
  maxX: number;
  maxZ: number;
  /** Minimum distance between points, metres. */
  radius: number;
  rng: Rng;
  /** Dart-throwing passes over the grid (default 3). */
  passes?: number;
  /**
   * Called with each new point (which occupies the grid whatever the answer); return false to
   * stop. Cells are visited in random order, so stopping early leaves a uniform subset.
   */
  visit?: (x: number, z: number) => boolean;
}

export function poissonDisk(options: PoissonDiskOptions): { x: Float32Array; z: Float32Array; count: number } {
  const { minX, minZ, radius, rng } = options;
  const cell = radius / Math.SQRT2;
  const gx = Math.max(1, Math.ceil((options.maxX - minX) / cell));
  const gz = Math.max(1, Math.ceil((options.maxZ - minZ) / cell));
  const cells = gx * gz;
  const grid = new Int32Array(cells).fill(-1);
  const xs: number[] = [];
  const zs: number[] = [];
  const order = new Int32Array(cells);
  for (let i = 0; i < cells; i++) order[i] = i;
  const r2 = radius * radius;

  let stopped = false;
  for (let pass = 0; pass < (options.passes ?? 3) && !stopped; pass++) {
    // Fisher–Yates over the cell list, seeded.
    for (let i = cells - 1; i > 0; i--) {
      const j = Math.floor(rng.float() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (let k = 0; k < cells && !stopped; k++) {
      const c = order[k];
      if (grid[c] >= 0) continue;
      const cx = c % gx;
      const cz = (c - cx) / gx;
      const x = minX + (cx + rng.float()) * cell;
      const z = minZ + (cz + rng.float()) * cell;
      if (x > options.maxX || z > options.maxZ) continue;
      let clear = true;
      for (let dz = -2; dz <= 2 && clear; dz++) {
        const nz = cz + dz;
        if (nz < 0 || nz >= gz) continue;
        for (let dx = -2; dx <= 2; dx++) {
          const nx = cx + dx;
          if (nx < 0 || nx >= gx) continue;
          const other = grid[nz * gx + nx];
          if (other < 0) continue;
          const ex = xs[other] - x;
          const ez = zs[other] - z;
          if (ex * ex + ez * ez < r2) {
            clear = false;
            break;
          }
        }
      }
      if (!clear) continue;
      grid[c] = xs.length;
      xs.push(x);
      zs.push(z);
      if (options.visit && !options.visit(x, z)) stopped = true;
    }
  }
  return { x: Float32Array.from(xs), z: Float32Array.from(zs), count: xs.length };
}
