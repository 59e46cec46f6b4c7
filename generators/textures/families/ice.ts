/**
 * Ice: a smooth, glassy blue-white sheet seen into its depth. Cloudy variation (warped fBm) mixes
 * clear deep blue with milky white; a network of white fracture lines (borders of cellular cells
 * at two scales, bent by a periodic warp, the fine ones only in places) runs through it with a
 * soft glow beside each crack; small trapped air bubbles gather in clusters and strings; patches of
 * frost and a few faint skate scratches roughen the surface. Everything is periodic or a wrapped
 * stamp, so the ice tiles.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { cellularField } from '../cellular-noise.ts';
import { noiseField, warpField } from '../periodic-noise.ts';
import { clamp01, forEachInDisc, forEachNearSegment, resampleWrapped, sampleWrapped, smoothstep } from '../field-ops.ts';

const CLEAR = [0.42, 0.6, 0.76] as const;
const BASE = [0.7, 0.83, 0.92] as const;
const MILKY = [0.86, 0.92, 0.96] as const;

export const ice: MaterialFamily = {
  id: 'ice',
  phrases: ['ice', 'sheet ice', 'frozen', 'frozen lake', 'glacier ice', 'glacier', 'frost'],
  tileMetres: 2,
  normalStrength: 2.5,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const { height, albedo, roughness } = layers;
    const n = size * size;

    // Depth, frost and the fracture network at a low resolution. Cracks are stored as distance
    // to the nearest border (it upsamples well, though its kink along the border needs 512 pixels
    // to keep thin lines unbroken) and cut sharp at full resolution.
    const lo = Math.min(size, 512);
    const m = lo * lo;
    const broad = Math.min(size, 256);
    const depthRng = rng.fork('depth');
    const flow = warpField(broad, depthRng, cellsFor(2, scale), 0.7);
    const depth = noiseField(broad, depthRng, { cells: cellsFor(3, scale), octaves: 5, gain: 0.55, warp: flow });
    const frost = noiseField(broad, depthRng, { cells: cellsFor(4, scale), octaves: 4 });
    const swell = noiseField(broad, depthRng, { cells: cellsFor(2, scale), octaves: 2 });
    const crackRng = rng.fork('cracks');
    // At least three cells across: fewer make straight, grid-like cracks.
    const major = cellularField(lo, crackRng, { cells: Math.max(3, cellsFor(3, scale)), jitter: 1 });
    const minor = cellularField(lo, crackRng, { cells: Math.max(3, cellsFor(8, scale)), jitter: 1 });
    const presence = resampleWrapped(noiseField(broad, crackRng, { cells: cellsFor(3, scale), octaves: 2 }), broad, lo);
    const reach = resampleWrapped(noiseField(broad, crackRng, { cells: cellsFor(2, scale), octaves: 2 }), broad, lo);
    const jagged = warpField(broad, crackRng, cellsFor(12, scale), 1);
    const jag = [resampleWrapped(jagged[0], broad, lo), resampleWrapped(jagged[1], broad, lo)] as const;
    const majorEdge = new Float32Array(m);
    const minorEdge = new Float32Array(m);
    for (let i = 0; i < m; i++) {
      // Long cracks stop short in places too, so the network is never a closed mesh everywhere.
      majorEdge[i] = major.f2[i] - major.f1[i] + 0.2 * smoothstep(-0.15, -0.45, reach[i]);
      // Fine cracks fade out where `presence` is low: push their border distance away.
      minorEdge[i] = minor.f2[i] - minor.f1[i] + 0.25 * smoothstep(0.25, -0.25, presence[i]);
    }
    // Bend both networks: sample them through a periodic warp, so cracks kink and wander.
    const bent = (field: Float32Array, cells: number, amount: number): Float32Array => {
      const out = new Float32Array(m);
      const k = (lo / cells) * amount;
      for (let y = 0, i = 0; y < lo; y++) {
        for (let x = 0; x < lo; x++, i++) out[i] = sampleWrapped(field, lo, x + jag[0][i] * k, y + jag[1][i] * k);
      }
      return out;
    };
    const majorUp = resampleWrapped(bent(majorEdge, major.cellsX, 0.06), lo, size);
    const minorUp = resampleWrapped(bent(minorEdge, minor.cellsX, 0.1), lo, size);
    const depthUp = resampleWrapped(depth, broad, size);
    const frostUp = resampleWrapped(frost, broad, size);
    const swellUp = resampleWrapped(swell, broad, size);
    // Line widths in cell units (distances are in cells), so they keep their look at any size.
    const majorWidth = 0.01;
    const minorWidth = 0.016;

    for (let i = 0; i < n; i++) {
      const d = depthUp[i];
      // Clear blue where the ice is deep and clean, milky where it clouds.
      const clear = smoothstep(0.0, 0.55, -d);
      const milky = smoothstep(0.05, 0.6, d);
      let r = BASE[0] + (CLEAR[0] - BASE[0]) * clear + (MILKY[0] - BASE[0]) * milky;
      let g = BASE[1] + (CLEAR[1] - BASE[1]) * clear + (MILKY[1] - BASE[1]) * milky;
      let b = BASE[2] + (CLEAR[2] - BASE[2]) * clear + (MILKY[2] - BASE[2]) * milky;
      const ma = majorUp[i];
      const mi = minorUp[i];
      const line = Math.max(1 - smoothstep(majorWidth * 0.4, majorWidth, ma), 0.8 * (1 - smoothstep(minorWidth * 0.3, minorWidth, mi)));
      const glow = Math.max(1 - smoothstep(0, majorWidth * 6, ma), 0.6 * (1 - smoothstep(0, minorWidth * 4, mi)));
      const white = clamp01(0.95 * line + 0.35 * glow * glow);
      r += (0.95 - r) * white;
      g += (0.97 - g) * white;
      b += (0.99 - b) * white;
      const fr = smoothstep(0.15, 0.55, frostUp[i]);
      r += (0.9 - r) * fr * 0.5;
      g += (0.94 - g) * fr * 0.5;
      b += (0.97 - b) * fr * 0.5;
      albedo[i * 3] = r;
      albedo[i * 3 + 1] = g;
      albedo[i * 3 + 2] = b;
      height[i] = clamp01(0.55 + 0.06 * swellUp[i] - 0.08 * line + 0.03 * fr);
      roughness[i] = clamp01(0.05 + 0.04 * glow + 0.2 * line + 0.4 * fr);
    }

    // Trapped bubbles: clusters and strings of small white-rimmed discs. They lie inside the ice,
    // so they change its colour, not its surface.
    let radius = 1;
    let bright = 0.5;
    const bubble = (i: number, dx: number, dy: number): void => {
      const e = Math.sqrt(dx * dx + dy * dy) / radius;
      if (e >= 1) return;
      const rim = smoothstep(0.55, 0.9, e) * (1 - smoothstep(0.9, 1, e));
      const w = bright * (0.35 + 0.65 * rim);
      albedo[i * 3] += (1 - albedo[i * 3]) * w;
      albedo[i * 3 + 1] += (1 - albedo[i * 3 + 1]) * w;
      albedo[i * 3 + 2] += (1 - albedo[i * 3 + 2]) * w;
    };
    const bubbleRng = rng.fork('bubbles');
    const clusters = Math.round(26 / (scale * scale));
    for (let c = 0; c < clusters; c++) {
      const cx = bubbleRng.float() * size;
      const cy = bubbleRng.float() * size;
      const spread = size * scale * bubbleRng.range(0.01, 0.04);
      const isString = bubbleRng.float() < 0.35;
      const angle = bubbleRng.float() * Math.PI;
      const count = bubbleRng.int(6, 26);
      for (let k = 0; k < count; k++) {
        let x: number;
        let y: number;
        if (isString) {
          const t = (k / count - 0.5) * spread * 5;
          x = cx + Math.cos(angle) * t + bubbleRng.normal(0, spread * 0.08);
          y = cy + Math.sin(angle) * t + bubbleRng.normal(0, spread * 0.08);
        } else {
          x = cx + bubbleRng.normal(0, spread);
          y = cy + bubbleRng.normal(0, spread);
        }
        radius = Math.max(0.7, size * scale * (0.0012 + 0.0035 * bubbleRng.float() ** 3));
        bright = bubbleRng.range(0.35, 0.75);
        forEachInDisc(size, x, y, radius + 0.5, bubble);
      }
    }

    // Faint skate scratches: long shallow arcs, a little rougher and whiter than the sheet.
    let strength = 0.5;
    const scratch = (i: number, t: number, across: number): void => {
      const k = strength * (1 - Math.abs(across) / radius) * Math.sin(Math.PI * t) ** 0.5;
      if (k <= 0) return;
      roughness[i] = Math.max(roughness[i], 0.05 + 0.3 * k);
      albedo[i * 3] += (0.95 - albedo[i * 3]) * k * 0.4;
      albedo[i * 3 + 1] += (0.97 - albedo[i * 3 + 1]) * k * 0.4;
      albedo[i * 3 + 2] += (0.99 - albedo[i * 3 + 2]) * k * 0.4;
    };
    const scratchRng = rng.fork('scratches');
    const scratches = scratchRng.int(4, 10);
    for (let s = 0; s < scratches; s++) {
      let x = scratchRng.float() * size;
      let y = scratchRng.float() * size;
      let angle = scratchRng.float() * 2 * Math.PI;
      const length = size * scale * scratchRng.range(0.15, 0.4);
      const turn = scratchRng.normal(0, 0.05);
      radius = Math.max(0.6, size * scale * 0.0012);
      strength = scratchRng.range(0.2, 0.6);
      for (let p = 0; p < 8; p++) {
        const qx = x + (Math.cos(angle) * length) / 8;
        const qy = y + (Math.sin(angle) * length) / 8;
        forEachNearSegment(size, x, y, qx, qy, radius, scratch);
        x = qx;
        y = qy;
        angle += turn;
      }
    }
    return layers;
  },
};

