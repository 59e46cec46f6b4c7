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
import { clamp01, sampleWrapped, smoothstep } from '../field-ops.ts';

const GAP = [0.05, 0.065, 0.025] as const;
const BODY = [0.19, 0.33, 0.06] as const;
const TIP = [0.5, 0.6, 0.15] as const;

export const moss: MaterialFamily = {
  id: 'moss',
  phrases: ['moss', 'mosses', 'mossy ground', 'lichen', 'moss carpet'],
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
    const cushions = cellularField(lo, rng.fork('cushions'), { cells: cellsFor(6, scale), jitter: 1 });
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
      const amount = lo * 0.05 / Math.max(0.5, cellsFor(6, scale) / 6);
      for (let y = 0, i = 0; y < lo; y++) {
        for (let x = 0; x < lo; x++, i++) out[i] = sampleWrapped(field, lo, x + warpX[i] * amount, y + warpY[i] * amount);
      }
      return out;
    };
    const domeUp = smoothField(bend(dome), lo, size);
    const knobUp = smoothField(bend(knob), lo, size);
    const hueUp = smoothField(bend(hue), lo, size);

    // Fine tufts: a dense pile of tiny shoots, each a small bump with a bright tip, over fuzz.
    const tuftRng = rng.fork('tufts');
    const shoots = cellularField(size, tuftRng, { cells: cellsFor(140, scale), jitter: 1 });
    const fuzz = noiseField(size, tuftRng, { cells: cellsFor(110, scale), octaves: 2 });
    const blotch = smoothField(noiseField(lo, tuftRng, { cells: cellsFor(4, scale), octaves: 3 }), lo, size);
    const tufts = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      // Fuzz bends each shoot's outline, so tips read as ragged little stars, not dots.
      const s = clamp01(1 - shoots.f1[i] * 1.35 + 0.45 * fuzz[i]);
      tufts[i] = clamp01(s * (0.7 + 0.3 * shoots.cellValue[shoots.cell[i]]) + 0.2 * fuzz[i] + 0.1);
    }

    for (let i = 0; i < n; i++) {
      const d = domeUp[i];
      const t = tufts[i];
      const body = Math.sqrt(d);
      const h = 0.04 + 0.62 * body + 0.12 * knobUp[i] * body + 0.2 * t * (0.3 + 0.7 * body);
      height[i] = clamp01(h);
      // Deep in the gaps everything goes dark; on top, tuft tips turn yellow-green.
      const tip = smoothstep(0.35, 0.85, t) * (0.35 + 0.65 * body) * (0.8 + 0.4 * hueUp[i]);
      const light = (0.5 + 0.6 * t) * (0.85 + 0.3 * hueUp[i]) * (0.9 + 0.12 * blotch[i]) * (0.7 + 0.3 * d);
      const gap = 1 - smoothstep(0.0, 0.3, d);
      const yellow = 0.06 * (hueUp[i] - 0.5) + 0.04 * blotch[i];
      let r = (BODY[0] + yellow) * light;
      let g = BODY[1] * light;
      let b = BODY[2] * light;
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

/** Bilinear upsampling of a periodic from² field to to², keeping it periodic. */
function smoothField(src: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return src;
  const out = new Float32Array(to * to);
  const k = from / to;
  const i0 = new Int32Array(to);
  const i1 = new Int32Array(to);
  const f = new Float32Array(to);
  for (let x = 0; x < to; x++) {
    const s = (x + 0.5) * k - 0.5;
    const fl = Math.floor(s);
    f[x] = s - fl;
    i0[x] = (fl + from) % from;
    i1[x] = (fl + 1 + from) % from;
  }
  for (let y = 0, o = 0; y < to; y++) {
    const r0 = i0[y] * from;
    const r1 = i1[y] * from;
    const fy = f[y];
    for (let x = 0; x < to; x++, o++) {
      const a = src[r0 + i0[x]];
      const top = a + (src[r0 + i1[x]] - a) * f[x];
      const c = src[r1 + i0[x]];
      const bottom = c + (src[r1 + i1[x]] - c) * f[x];
      out[o] = top + (bottom - top) * fy;
    }
  }
  return out;
}
