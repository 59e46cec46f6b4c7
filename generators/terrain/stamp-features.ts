/**
 * Features that must not be eroded, stamped after erosion: flat-topped mesas with steep sides
 * (a few distinct top levels, like eroded strata) and terraced slopes (field terraces a couple of
 * metres high that follow the contours).
 */
import type { Rng } from '../seed/rng.ts';
import type { WorldSpec } from '../spec/world-spec-schema.ts';
import { createGradientNoise, fbm, lerp, smoothstep } from './gradient-noise.ts';
import { sampleX, sampleZ, type Heightfield } from './heightfield.ts';
import { hillWavelength } from './shape-terrain.ts';
import { terrace } from './terrain-features.ts';

export function stampFeatures(field: Heightfield, terrain: WorldSpec['terrain'], rng: Rng): void {
  const features = new Set(terrain.features);
  if (!features.has('mesas') && !features.has('terraces')) return;
  const noise = createGradientNoise(rng.fork('mesas'));
  const wavelength = hillWavelength(field);
  const maxHeight = terrain.maxHeight;
  const edge = 0.05 * (1 - 0.6 * terrain.cliffs);
  const terraceStep = Math.max(1.5, Math.min(3.5, 0.04 * maxHeight));
  const h = field.heights;
  for (let iz = 0; iz < field.nz; iz++) {
    const z = sampleZ(field, iz);
    for (let ix = 0; ix < field.nx; ix++) {
      const x = sampleX(field, ix);
      const i = iz * field.nx + ix;
      let height = h[i];
      if (features.has('mesas')) {
        const m = 0.5 + 0.5 * fbm(noise, (x / wavelength) * 1.6 + 11, (z / wavelength) * 1.6 - 4, { octaves: 3, gain: 0.45 });
        const mask = smoothstep(0.56, 0.56 + edge, m);
        if (mask > 0) {
          // Three top levels, by how far inside the mesa the point is; tops stand above the plain
          // (and above a canyon's rim).
          const level = Math.min(2, Math.floor((m - 0.56) * 14));
          const top = maxHeight * (0.72 + 0.07 * level);
          height = lerp(height, Math.max(height, top), mask);
        }
      }
      if (features.has('terraces')) height = lerp(height, terrace(height, terraceStep, 0.85), 0.9);
      h[i] = height;
    }
  }
}
