/**
 * Carves paths into the terrain: within the path's width the ground is brought to the path's
 * even height (cut and fill), blending back over 2 m; never under water. Returns a mask, 1 on the
 * path's tread fading to 0 at its edge, that ground painting uses for the trodden colour and
 * scatter uses to keep the path clear.
 */
import { sampleWindow, sampleX, sampleZ, type Heightfield } from '../terrain/heightfield.ts';
import { smoothstep } from '../terrain/gradient-noise.ts';
import type { WaterBodies } from '../water/water-bodies.ts';
import type { WalkPath } from './gameplay.ts';

const BLEND = 2;

export function carvePaths(field: Heightfield, water: WaterBodies, paths: readonly WalkPath[]): Float32Array {
  const { nx, nz, heights } = field;
  const mask = new Float32Array(nx * nz);
  const weight = new Float32Array(nx * nz);
  const target = new Float32Array(nx * nz);
  for (const path of paths) {
    const half = path.width / 2;
    const reach = half + BLEND;
    for (const p of path.points) {
      const { ix0, ix1, iz0, iz1 } = sampleWindow(field, p.x, p.z, reach);
      for (let iz = iz0; iz <= iz1; iz++) {
        for (let ix = ix0; ix <= ix1; ix++) {
          const i = iz * nx + ix;
          if (!Number.isNaN(water.surface[i]) && water.surface[i] > heights[i]) continue;
          const d = Math.hypot(sampleX(field, ix) - p.x, sampleZ(field, iz) - p.z);
          if (d > reach) continue;
          const w = 1 - smoothstep(half, reach, d);
          if (w > weight[i]) {
            weight[i] = w;
            target[i] = p.y;
          }
          const tread = 1 - smoothstep(half - 0.4, half + 0.4, d);
          if (tread > mask[i]) mask[i] = tread;
        }
      }
    }
  }
  for (let i = 0; i < heights.length; i++) {
    if (weight[i] > 0) heights[i] = Math.max(0, heights[i] + (target[i] - heights[i]) * weight[i] * 0.9);
  }
  return mask;
}
