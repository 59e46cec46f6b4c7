/**
 * Snow: soft, broad drifts (warped fBm) with faint wind-combed streaks and a fine granular crust.
 * Very light blue-white on the tops, cooling to blue in the hollows where the sky's light pools;
 * crystals scattered over it glint, as specks of low roughness. Fields are periodic and the
 * glints are wrapped stamps, so the snowfield tiles.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField, warpField } from '../periodic-noise.ts';
import { blurWrapped, clamp01, forEachInDisc, resampleWrapped, sampleWrapped, smoothstep } from '../field-ops.ts';

const TOP = [0.93, 0.95, 0.98] as const;
const SHADOW = [0.7, 0.79, 0.93] as const;

export const snow: MaterialFamily = {
  id: 'snow',
  phrases: ['snow', 'snowy ground', 'snowfield', 'snow field', 'powder snow', 'snowdrift', 'fresh snow'],
  tileMetres: 4,
  normalStrength: 7,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const { height, albedo, roughness } = layers;
    const n = size * size;

    // Drifts and streaks at a low resolution: they are soft.
    const lo = Math.min(size, 256);
    const m = lo * lo;
    const driftRng = rng.fork('drifts');
    const warp = warpField(lo, driftRng, cellsFor(2, scale), 0.5);
    const drifts = noiseField(lo, driftRng, { cells: cellsFor(3, scale), octaves: 4, warp });
    // Wind streaks: noise stretched along x or y (whole cells either way), bent with the drifts.
    const across = cellsFor(14, scale);
    const along = Math.max(1, Math.round(across / 5));
    const alongX = driftRng.float() < 0.5;
    const streaks = noiseField(lo, driftRng, { cells: alongX ? along : across, cellsY: alongX ? across : along, octaves: 2, ridged: true, warp });
    const body = new Float32Array(m);
    for (let i = 0; i < m; i++) body[i] = 0.48 + 0.34 * drifts[i] + 0.1 * streaks[i] * smoothstep(-0.3, 0.3, drifts[i]);
    // Hollows: below the surrounding surface. That is where the blue pools.
    const around = blurWrapped(body, lo, Math.max(2, lo / 24), 2);
    const hollow = new Float32Array(m);
    for (let i = 0; i < m; i++) hollow[i] = clamp01((around[i] - body[i]) * 7 + (0.42 - body[i]) * 0.8);
    const bodyUp = resampleWrapped(body, lo, size);
    const hollowUp = resampleWrapped(hollow, lo, size);

    // Fine granular crust at full resolution.
    const fineRng = rng.fork('crust');
    const crust = noiseField(size, fineRng, { cells: cellsFor(56, scale), octaves: 2 });
    const sheen = resampleWrapped(noiseField(lo, fineRng, { cells: cellsFor(5, scale), octaves: 2 }), lo, size);
    for (let i = 0; i < n; i++) {
      const c = crust[i];
      height[i] = clamp01(bodyUp[i] + 0.03 * c);
      const blue = clamp01(hollowUp[i] * 0.75 + 0.06 * c);
      const lift = 1 + 0.02 * c;
      albedo[i * 3] = clamp01((TOP[0] + (SHADOW[0] - TOP[0]) * blue) * lift);
      albedo[i * 3 + 1] = clamp01((TOP[1] + (SHADOW[1] - TOP[1]) * blue) * lift);
      albedo[i * 3 + 2] = clamp01((TOP[2] + (SHADOW[2] - TOP[2]) * blue) * lift);
      roughness[i] = 0.74 + 0.08 * sheen[i] + 0.05 * c;
    }

    // Glints: tiny crystals, a fixed fraction of the tile each, smooth and a touch brighter.
    let radius = 1;
    let glint = 0.2;
    const crystal = (i: number, dx: number, dy: number): void => {
      const k = clamp01(radius + 0.5 - Math.sqrt(dx * dx + dy * dy));
      if (roughness[i] > glint) roughness[i] += (glint - roughness[i]) * k;
      albedo[i * 3] += (1 - albedo[i * 3]) * 0.5 * k;
      albedo[i * 3 + 1] += (1 - albedo[i * 3 + 1]) * 0.5 * k;
      albedo[i * 3 + 2] += (1 - albedo[i * 3 + 2]) * 0.5 * k;
    };
    const glintRng = rng.fork('glints');
    const count = Math.round(14000 / (scale * scale));
    for (let k = 0; k < count; k++) {
      const x = glintRng.float() * size;
      const y = glintRng.float() * size;
      radius = size * scale * glintRng.range(0.0003, 0.0008);
      glint = glintRng.range(0.08, 0.3);
      forEachInDisc(size, x, y, radius + 0.5, crystal);
    }
    return layers;
  },
};

