/**
 * Ambient occlusion from height: how far a pixel sits below its surroundings, at a fine and a broad
 * radius. Mortar joints, cracks and the gaps between stones go dark; tops stay at 1. A cheap,
 * tileable stand-in for ray-traced occlusion that reads the same in every engine.
 */
import { blurWrapped, clamp01 } from './field-ops.ts';

export function occlusionFromHeight(height: Float32Array, size: number, strength: number): Float32Array {
  const fine = blurWrapped(height, size, Math.max(1, size / 128));
  const broad = blurWrapped(height, size, Math.max(2, size / 32));
  const out = new Float32Array(height.length);
  for (let i = 0; i < height.length; i++) {
    const depth = 0.9 * Math.max(0, fine[i] - height[i]) + 0.6 * Math.max(0, broad[i] - height[i]);
    out[i] = clamp01(1 - strength * depth);
  }
  return out;
}
