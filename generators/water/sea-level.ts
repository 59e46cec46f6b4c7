/**
 * The sea: every sample below sea level that is connected to the map's edge through other such
 * samples. Low ground cut off from the edge stays dry land (a sunken valley is not sea). The level
 * starts at the height quantile of the requested share and is raised, by bisection, until the
 * connected sea covers that share — so `water.sea: 0.35` really puts 35% of the map under it.
 */
import { quantile } from '../terrain/quantile.ts';

export interface Sea {
  level: number;
  /** 1 where the sample is sea. */
  mask: Uint8Array;
}

const BISECTION_STEPS = 14;

export function floodSea(heights: Float32Array, nx: number, nz: number, coverage: number): Sea | null {
  if (coverage <= 0) return null;
  const target = coverage * heights.length;
  let low = quantile(heights, coverage);
  let best = connectedBelow(heights, nx, nz, low);
  if (best.count >= target * 0.995) return { level: low, mask: best.mask };
  let high = maximum(heights);
  let bestLevel = high;
  best = connectedBelow(heights, nx, nz, high);
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const middle = (low + high) / 2;
    const sea = connectedBelow(heights, nx, nz, middle);
    if (sea.count >= target) {
      high = middle;
      bestLevel = middle;
      best = sea;
    } else low = middle;
  }
  return { level: bestLevel, mask: best.mask };
}

/** Samples below `level` reachable from the map's edge through samples below `level`. */
function connectedBelow(heights: Float32Array, nx: number, nz: number, level: number): { mask: Uint8Array; count: number } {
  const mask = new Uint8Array(nx * nz);
  const stack = new Int32Array(nx * nz);
  let top = 0;
  let count = 0;
  const visit = (i: number) => {
    if (mask[i] || !(heights[i] < level)) return;
    mask[i] = 1;
    count++;
    stack[top++] = i;
  };
  for (let ix = 0; ix < nx; ix++) {
    visit(ix);
    visit((nz - 1) * nx + ix);
  }
  for (let iz = 0; iz < nz; iz++) {
    visit(iz * nx);
    visit(iz * nx + nx - 1);
  }
  while (top > 0) {
    const i = stack[--top];
    const ix = i % nx;
    if (ix > 0) visit(i - 1);
    if (ix < nx - 1) visit(i + 1);
    if (i >= nx) visit(i - nx);
    if (i < (nz - 1) * nx) visit(i + nx);
  }
  return { mask, count };
}

function maximum(values: Float32Array): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max + 1e-3;
}
