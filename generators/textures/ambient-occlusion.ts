/**
 * Ambient occlusion from height: how far a pixel sits below its surroundings, at a fine and a broad
 * radius (1/128 and 1/32 of the tile). Mortar joints, cracks and the gaps between stones go dark;
 * tops stay at 1. A cheap, tileable stand-in for ray-traced occlusion that reads the same in every
 * engine.
 *
 * The surroundings are blurred at reduced resolution (half the size for the fine radius, a quarter
 * for the broad one: the same radii in tile terms, a fraction of the work) and resampled back, all
 * wrapping, so the occlusion tiles as the height does.
 */
import { blurWrapped, clamp01, resampleWrapped } from './field-ops.ts';

export function occlusionFromHeight(height: Float32Array, size: number, strength: number): Float32Array {
  const fine = surroundings(height, size, 2, 128);
  const broad = surroundings(height, size, 4, 32);
  const out = new Float32Array(height.length);
  for (let i = 0; i < height.length; i++) {
    const depth = 0.9 * Math.max(0, fine[i] - height[i]) + 0.6 * Math.max(0, broad[i] - height[i]);
    out[i] = clamp01(1 - strength * depth);
  }
  return out;
}

/** The height blurred over 1/`share` of the tile, computed at size/`reduce` (at least 32²). */
function surroundings(height: Float32Array, size: number, reduce: number, share: number): Float32Array {
  let factor = reduce;
  while (factor > 1 && size / factor < 32) factor /= 2;
  const small = factor > 1 ? shrink(height, size, factor) : height;
  const n = size / factor;
  const blurred = blurWrapped(small, n, Math.max(1, n / share));
  return factor > 1 ? resampleWrapped(blurred, n, size) : blurred;
}

/** Averages factor × factor blocks: size² → (size / factor)². */
function shrink(field: Float32Array, size: number, factor: number): Float32Array {
  const n = size / factor;
  const out = new Float32Array(n * n);
  for (let y = 0; y < size; y++) {
    const row = (Math.floor(y / factor) * n);
    for (let x = 0; x < size; x++) out[row + Math.floor(x / factor)] += field[y * size + x];
  }
  const k = 1 / (factor * factor);
  for (let i = 0; i < out.length; i++) out[i] *= k;
  return out;
}
