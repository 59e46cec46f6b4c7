/**
 * Lava: a cooling flow. Plates of black-brown basalt crust (cells of a cellular field, slightly
 * domed, rough and vesicular) ride on molten rock that glows through the cracks between them: the
 * cracks are the cells' borders, of varying width, white-yellow at the core fading through orange
 * to dark red where the crust's edges are still hot. Finer, dimmer cracks craze some of the plates.
 * The glow is written to the emissive layer (black on the cold crust); the albedo in the cracks is
 * dark red-orange, and the tint mask covers the crust, not the cracks. Cells and noise are
 * periodic with whole cells across the tile, so it tiles.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField } from '../periodic-noise.ts';
import { cellularField } from '../cellular-noise.ts';
import { clamp01, formSizes, resampleWrapped, sampleWrapped, smoothstep } from '../field-ops.ts';

const CRUST = [0.085, 0.074, 0.066] as const;
const ASH = [0.2, 0.18, 0.16] as const;
const MOLTEN = [0.45, 0.12, 0.04] as const;

export const lava: MaterialFamily = {
  id: 'lava',
  phrases: ['lava', 'magma', 'molten rock', 'lava flow', 'volcanic rock'],
  tileMetres: 4,
  normalStrength: 6,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const cells = cellsFor(5, scale);
    // The form and heat are composed at half size (a quarter of the pixels) and enlarged; the
    // crust's fine grain is drawn at full size.
    const { half, small } = formSizes(size);
    const plates = cellularField(half, rng.fork('plates'), { cells, jitter: 0.95 });
    const border = new Float32Array(half * half);
    for (let i = 0; i < border.length; i++) border[i] = plates.f2[i] - plates.f1[i];
    const craze = cellularField(half, rng.fork('craze'), { cells: cells * 3, jitter: 1 });
    const crazeBorder = new Float32Array(half * half);
    for (let i = 0; i < crazeBorder.length; i++) crazeBorder[i] = craze.f2[i] - craze.f1[i];
    const rough = noiseField(half, rng.fork('rough'), { cells: cells * 3, octaves: 4, gain: 0.55 });
    const widthNoise = noiseField(small, rng.fork('width'), { cells: cells * 2, octaves: 2 });
    const crazed = noiseField(small, rng.fork('crazed'), { cells: 3, octaves: 2 });
    const wobble = noiseField(small, rng.fork('wobble'), { cells: cells * 2, octaves: 3 });

    const n = half * half;
    const formH = new Float32Array(n);
    const formHeat = new Float32Array(n);
    const formShade = new Float32Array(n);
    const ks = small / half;
    const shift = (half / cells) * 0.08;
    for (let y = 0, i = 0; y < half; y++) {
      const sy = (y + 0.5) * ks - 0.5;
      for (let x = 0; x < half; x++, i++) {
        const sx = (x + 0.5) * ks - 0.5;
        const ro = rough[i];
        // The crack between plates, looked up a little wobbled so it meanders.
        const wob = sampleWrapped(wobble, small, sx, sy);
        const d = sampleWrapped(border, half, x - wob * shift, y + wob * shift) + 0.03 * ro;
        const width = 0.05 + 0.05 * smoothstep(-0.4, 0.5, sampleWrapped(widthNoise, small, sx, sy));
        const crack = 1 - smoothstep(width * 0.4, width, d);
        const hot = Math.exp(-Math.max(0, d - width * 0.5) / 0.045);
        // Fine crazing on some plates: dim, thin cracks.
        const cd = sampleWrapped(crazeBorder, half, x + wob * shift * 1.5, y - wob * shift * 1.5);
        const fine = (1 - smoothstep(0.01, 0.05, cd + 0.03 * ro)) * smoothstep(0.05, 0.35, sampleWrapped(crazed, small, sx, sy)) * (1 - crack);
        const dome = smoothstep(width * 0.6, width + 0.4, d);
        const plate = 1 - crack;
        formH[i] = 0.06 + plate * (0.3 + 0.34 * dome + 0.14 * ro) - 0.12 * fine;
        formHeat[i] = Math.max(crack * (0.75 + 0.25 * (1 - d / width)), hot * 0.55, fine * 0.3);
        formShade[i] = clamp01(0.5 + 0.6 * ro) * plate * (1 - 0.6 * fine);
      }
    }
    const { height, albedo, roughness } = layers;
    const emissive = new Float32Array(size * size * 3);
    const tintMask = new Float32Array(size * size);
    resampleWrapped(formH, half, size, height);
    // Heat and ash are enlarged into the emissive and albedo layers, then turned into them below.
    resampleWrapped(formHeat, half, size, emissive, 3, 0);
    resampleWrapped(formShade, half, size, albedo, 3, 0);
    const grain = noiseField(size, rng.fork('grain'), { cells: cellsFor(128, scale), octaves: 1 });

    for (let i = 0; i < size * size; i++) {
      const g = grain[i];
      const heat = emissive[i * 3];
      const ash = albedo[i * 3];
      // Vesicles: small pits in the crust.
      const pit = smoothstep(0.45, 0.75, -g) * (1 - heat);
      height[i] = clamp01(height[i] + 0.03 * g * (1 - heat) - 0.05 * pit);
      const molten = smoothstep(0.35, 0.8, heat);
      const s = (1 + 0.25 * g) * (1 - 0.4 * pit);
      const cr = (CRUST[0] + (ASH[0] - CRUST[0]) * ash) * s;
      const cg = (CRUST[1] + (ASH[1] - CRUST[1]) * ash) * s;
      const cb = (CRUST[2] + (ASH[2] - CRUST[2]) * ash) * s;
      // Hot crust edges take a reddish cast before the cracks proper.
      const warm = smoothstep(0.15, 0.5, heat) * 0.5;
      albedo[i * 3] = clamp01(cr + (MOLTEN[0] - cr) * Math.max(molten, warm * 0.5));
      albedo[i * 3 + 1] = clamp01(cg + (MOLTEN[1] - cg) * Math.max(molten, warm * 0.5));
      albedo[i * 3 + 2] = clamp01(cb + (MOLTEN[2] - cb) * Math.max(molten, warm * 0.5));
      roughness[i] = clamp01(0.9 + 0.05 * g - 0.45 * molten);
      tintMask[i] = 1 - molten;
      // Glow: dark red → orange → yellow-white with heat; black on the cold crust.
      const t = clamp01((heat - 0.12) / 0.88);
      emissive[i * 3] = clamp01(t * 1.6);
      emissive[i * 3 + 1] = clamp01((t - 0.35) * 1.25) * 0.85 + clamp01((t - 0.8) * 3) * 0.15;
      emissive[i * 3 + 2] = clamp01((t - 0.75) * 2.2) * 0.45;
    }
    layers.emissive = emissive;
    layers.tintMask = tintMask;
    return layers;
  },
};

