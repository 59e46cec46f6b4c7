/**
 * Moss: a carpet of soft rounded cushions (cellular cells, each domed from its border) pressed
 * together, with deep dark gaps where they meet. Each cushion is knobbly with smaller clumps and
 * covered in fine fuzzy tufts whose tips catch the light yellow-green over darker green bodies;
 * every cushion has its own shade. Cells, clumps and tufts are all periodic, so the carpet tiles.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { cellularField } from '../cellular-noise.ts';
import { noiseField } from '../periodic-noise.ts';
import { clamp01, resampleWrapped, sampleWrapped, smoothstep } from '../field-ops.ts';

const GAP = [0.06, 0.06, 0.03] as const;
/** Cushion bodies range from a deep, cool green to a warm yellow-green. */
const DEEP = [0.13, 0.27, 0.07] as const;
const WARM = [0.29, 0.38, 0.06] as const;
const TIP = [0.5, 0.6, 0.15] as const;

export const moss: MaterialFamily = {
  id: 'moss',
  phrases: ['moss', 'mosses', 'lichen', 'moss carpet'],
  tileMetres: 1,
  normalStrength: 3,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const { height, albedo, roughness } = layers;
    const n = size * size;

    // Cushions and the clumps on them are broad: draw them at a low resolution, bend them with a
    // periodic warp so no border is straight, and upsample.
    const lo = Math.min(size, 256);
    // At least three cushions across: fewer cells make straight, grid-like borders.
    const cushionCells = Math.max(3, cellsFor(6, scale));
    const cushions = cellularField(lo, rng.fork('cushions'), { cells: cushionCells, jitter: 1 });
    const clumps = cellularField(lo, rng.fork('clumps'), { cells: cellsFor(20, scale), jitter: 1 });
    const warpRng = rng.fork('warp');
    const warpX = noiseField(lo, warpRng, { cells: cellsFor(5, scale), octaves: 3 });
    const warpY = noiseField(lo, warpRng, { cells: cellsFor(5, scale), octaves: 3 });
    const m = lo * lo;
    const dome = new Float32Array(m);
    const knob = new Float32Array(m);
    const hue = new Float32Array(m);
    for (let i = 0; i < m; i++) {
      const f1 = cushions.f1[i];
      const f2 = cushions.f2[i];
      // 0 at the cushion's heart, 1 at its rim: half round, half following the cell's border.
      const u = Math.min(1, 0.72 * ((2 * f1) / (f1 + f2)) + 0.28 * (f1 / 0.62));
      dome[i] = 1 - u * u * u;
      knob[i] = 1 - Math.min(1, (clumps.f1[i] * 2 * clumps.f1[i]) / (clumps.f1[i] + clumps.f2[i]));
      hue[i] = cushions.cellValue[cushions.cell[i]];
    }
    const bend = (field: Float32Array): Float32Array => {
      const out = new Float32Array(m);
      const amount = (lo * 0.05 * 6) / cushionCells;
      for (let y = 0, i = 0; y < lo; y++) {
        for (let x = 0; x < lo; x++, i++) out[i] = sampleWrapped(field, lo, x + warpX[i] * amount, y + warpY[i] * amount);
      }
      return out;
    };
    const domeUp = resampleWrapped(bend(dome), lo, size);
    const knobUp = resampleWrapped(bend(knob), lo, size);
    // Each cushion's own shade, with broad blotches of yellower and greener moss across cushions.
    const tuftRng = rng.fork('tufts');
    const blotch = noiseField(lo, tuftRng, { cells: cellsFor(4, scale), octaves: 3 });
    const shadeLow = bend(hue);
    for (let i = 0; i < m; i++) shadeLow[i] += 0.35 * blotch[i];
    const shadeUp = resampleWrapped(shadeLow, lo, size);

    // Fine tufts: a dense pile of tiny shoots, each a small bump with a bright tip, over fuzz. The
    // shoots are drawn at half resolution from 1024 up at usual sizes (at least 3.5 pixels across)
    // and sharpened by the full-resolution fuzz.
    const sr = size >= 1024 && scale >= 1 ? size / 2 : size;
    const shoots = cellularField(sr, tuftRng, { cells: cellsFor(140, scale), jitter: 1 });
    const shootLow = new Float32Array(sr * sr);
    const brightLow = new Float32Array(sr * sr);
    for (let i = 0; i < sr * sr; i++) {
      shootLow[i] = 1 - shoots.f1[i] * 1.35;
      brightLow[i] = 0.7 + 0.3 * shoots.cellValue[shoots.cell[i]];
    }
    const shootUp = resampleWrapped(shootLow, sr, size);
    const brightUp = resampleWrapped(brightLow, sr, size);
    const fuzz = noiseField(size, tuftRng, { cells: cellsFor(110, scale), octaves: 2 });

    for (let i = 0; i < n; i++) {
      const d = domeUp[i];
      // Fuzz bends each shoot's outline, so tips read as ragged little stars, not dots.
      const f = fuzz[i];
      const t = clamp01(clamp01(shootUp[i] + 0.45 * f) * brightUp[i] + 0.2 * f + 0.1);
      const hue = shadeUp[i];
      const body = Math.sqrt(d);
      const h = 0.04 + 0.62 * body + 0.12 * knobUp[i] * body + 0.2 * t * (0.3 + 0.7 * body);
      height[i] = clamp01(h);
      // Deep in the gaps everything goes dark; on top, tuft tips turn yellow-green.
      const tip = smoothstep(0.35, 0.85, t) * (0.35 + 0.65 * body) * (0.8 + 0.4 * hue);
      const light = (0.5 + 0.6 * t) * (0.85 + 0.3 * hue) * (0.7 + 0.3 * d);
      const gap = 1 - smoothstep(0.0, 0.3, d);
      const warm = clamp01(hue);
      let r = (DEEP[0] + (WARM[0] - DEEP[0]) * warm) * light;
      let g = (DEEP[1] + (WARM[1] - DEEP[1]) * warm) * light;
      let b = (DEEP[2] + (WARM[2] - DEEP[2]) * warm) * light;
      r += (TIP[0] - r) * tip;
      g += (TIP[1] - g) * tip;
      b += (TIP[2] - b) * tip;
      albedo[i * 3] = clamp01(r + (GAP[0] - r) * gap);
      albedo[i * 3 + 1] = clamp01(g + (GAP[1] - g) * gap);
      albedo[i * 3 + 2] = clamp01(b + (GAP[2] - b) * gap);
      roughness[i] = 0.93 - 0.08 * tip;
    }
    return layers;
  },
};

