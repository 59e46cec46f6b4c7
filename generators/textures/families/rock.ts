/**
 * Rock: bare grey stone. The relief is ridged fBm looked up through a periodic warp, so crests and
 * hollows meander like weathered stone rather than lying on a grid, with angular facets (cones of
 * a cellular field's F1: each facet slopes down to the border it shares with the next) and shallow
 * shelves (a terrace of the broad form) where flakes have spalled off. Fractures follow the borders
 * of a second cellular field (wobbled by the warp, present only in patches) and are cut in as dark
 * grooves; a fine mineral speckle of light and dark grains sits on top, with faint warm and cool
 * patches in the grey. Every field is periodic with whole cells across the tile, and the warp only
 * moves lookups inside periodic fields, so the tile repeats seamlessly.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField, warpField } from '../periodic-noise.ts';
import { cellularField } from '../cellular-noise.ts';
import { clamp01, enlargeColour, formSizes, resampleWrapped, sampleWrapped, smoothstep } from '../field-ops.ts';

const STONE = [0.5, 0.49, 0.47] as const;
const WARM = [0.53, 0.5, 0.45] as const;
const COOL = [0.46, 0.47, 0.48] as const;

export const rock: MaterialFamily = {
  id: 'rock',
  phrases: ['rock', 'rocks', 'stone', 'boulder', 'granite', 'basalt', 'slate'],
  tileMetres: 3,
  normalStrength: 14,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const cells = cellsFor(4, scale);
    // The form is composed at half size (a quarter of the pixels) and enlarged; smooth fields are
    // drawn at 256² at most. Only the finest detail and the speckle are drawn at full size.
    const { half, small } = formSizes(size);
    const [warpX, warpY] = warpField(small, rng.fork('warp'), 3, 1);
    const broad = noiseField(small, rng.fork('broad'), { cells: Math.max(1, Math.round(cells / 2)), octaves: 3 });
    const tone = noiseField(small, rng.fork('tone'), { cells: 3, octaves: 3 });
    const presence = noiseField(small, rng.fork('presence'), { cells: 3, octaves: 2 });
    const ridges = noiseField(half, rng.fork('ridges'), { cells, octaves: 4, ridged: true, gain: 0.6 });
    const cone = cellularField(half, rng.fork('facets'), { cells: cellsFor(9, scale), jitter: 1 }).f1;
    const fracture = cellularField(half, rng.fork('fractures'), { cells: cellsFor(3, scale), jitter: 1 });
    const border = new Float32Array(half * half);
    for (let i = 0; i < border.length; i++) border[i] = fracture.f2[i] - fracture.f1[i];

    // Form, colour and roughness at half size.
    const formH = new Float32Array(half * half);
    const formR = new Float32Array(half * half);
    const formG = new Float32Array(half * half);
    const formB = new Float32Array(half * half);
    const formRough = new Float32Array(half * half);
    const ks = small / half;
    const warpAmount = 0.22 / cells; // tile fractions: about a fifth of a relief cell
    const crackWidth = 0.03;
    const steps = 4;
    for (let y = 0, i = 0; y < half; y++) {
      const sy = (y + 0.5) * ks - 0.5;
      for (let x = 0; x < half; x++, i++) {
        const sx = (x + 0.5) * ks - 0.5;
        const wx = sampleWrapped(warpX, small, sx, sy) * warpAmount;
        const wy = sampleWrapped(warpY, small, sx, sy) * warpAmount;
        const b = sampleWrapped(broad, small, sx + wx * small, sy + wy * small);
        const r = sampleWrapped(ridges, half, x + wx * half, y + wy * half);
        const p = smoothstep(-0.1, 0.2, sampleWrapped(presence, small, sx, sy));
        const d = sampleWrapped(border, half, x + wx * half * 0.6, y + wy * half * 0.6);
        const crack = (1 - smoothstep(crackWidth * 0.35, crackWidth, d)) * p;
        const lip = (1 - smoothstep(crackWidth, crackWidth * 4, d)) * p;
        // Shelves: the broad form, terraced, so flakes step down in ledges.
        const level = (0.5 + 0.45 * b + 0.2 * r) * steps;
        const step = Math.floor(level);
        const shelf = (step + smoothstep(0.75, 1, level - step)) / steps;
        const facet = 1 - Math.min(1, cone[i] * 1.2);
        formH[i] = 0.05 + 0.28 * shelf + 0.3 * r * r + 0.3 * facet - 0.25 * crack - 0.04 * lip;
        const shade = (0.66 + 0.35 * r + 0.12 * shelf + 0.12 * facet) * (1 - 0.6 * crack);
        const t = sampleWrapped(tone, small, sx, sy);
        const warm = smoothstep(-0.1, 0.5, t);
        const cool = smoothstep(-0.1, 0.5, -t);
        formR[i] = (STONE[0] + (WARM[0] - STONE[0]) * warm + (COOL[0] - STONE[0]) * cool) * shade;
        formG[i] = (STONE[1] + (WARM[1] - STONE[1]) * warm + (COOL[1] - STONE[1]) * cool) * shade;
        formB[i] = (STONE[2] + (WARM[2] - STONE[2]) * warm + (COOL[2] - STONE[2]) * cool) * shade;
        formRough[i] = 0.8 + 0.1 * (1 - shade) + 0.08 * crack;
      }
    }
    const { height, albedo, roughness } = layers;
    resampleWrapped(formH, half, size, height);
    enlargeColour(formR, formG, formB, half, size, albedo);
    resampleWrapped(formRough, half, size, roughness);
    const detail = noiseField(size, rng.fork('detail'), { cells: cells * 16, octaves: 2, gain: 0.6 });
    const speckle = noiseField(size, rng.fork('speckle'), { cells: Math.max(8, Math.round(128 / scale)), octaves: 1 });

    for (let i = 0; i < size * size; i++) {
      const dt = detail[i];
      height[i] = clamp01(height[i] + 0.06 * dt);
      // Mineral grains: light feldspar and quartz, dark mica.
      const s = speckle[i];
      const light = s > 0.55 ? smoothstep(0.55, 0.72, s) * 0.35 : 0;
      const dark = s < -0.55 ? smoothstep(0.55, 0.72, -s) * 0.4 : 0;
      const k = 1 + 0.08 * dt - dark;
      const rr = albedo[i * 3] * k;
      const gg = albedo[i * 3 + 1] * k;
      const bb = albedo[i * 3 + 2] * k;
      albedo[i * 3] = clamp01(rr + (0.78 - rr) * light);
      albedo[i * 3 + 1] = clamp01(gg + (0.77 - gg) * light);
      albedo[i * 3 + 2] = clamp01(bb + (0.74 - bb) * light);
      roughness[i] = clamp01(roughness[i] - 0.05 * light + 0.03 * dt);
    }
    return layers;
  },
};

