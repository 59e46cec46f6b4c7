/**
 * Grass: thousands of thin blades seen from above, each a short tapering stroke of its own
 * direction, length, curl and shade (dark green to straw), lying in loose clumps over darker soil
 * that shows through between them. Blades overlap by height (taller tips on top), so the relief
 * reads as a tangle. Blades are stamped with wrapping segments and every field is periodic, so the
 * tile is seamless.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField } from '../periodic-noise.ts';
import { clamp01, forEachNearSegment, resampleWrapped, sampleWrapped } from '../field-ops.ts';

const SOIL = [0.2, 0.15, 0.1] as const;
/** Old blade bases and thatch between the living blades, where the grass is thick. */
const THATCH = [0.12, 0.15, 0.06] as const;
/** Blade shades, darkest to palest; the last two are the dry ones. */
const BLADES = [
  [0.11, 0.25, 0.05],
  [0.19, 0.38, 0.08],
  [0.28, 0.48, 0.11],
  [0.39, 0.55, 0.15],
  [0.54, 0.56, 0.24],
  [0.6, 0.54, 0.33],
] as const;

/** Pieces each blade is drawn in, so it can curve. */
const PIECES = 3;

export const grass: MaterialFamily = {
  id: 'grass',
  phrases: ['grass', 'grassy', 'lawn', 'turf', 'meadow', 'sod', 'grass field', 'grassland'],
  tileMetres: 2,
  normalStrength: 2.2,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const { height, albedo, roughness } = layers;
    const n = size * size;
    const tintMask = new Float32Array(n);

    // Soil: dark, lumpy, only glimpsed between the blades.
    const lo = Math.min(size, 256);
    const soilRng = rng.fork('soil');
    const soil = resampleWrapped(noiseField(lo, soilRng, { cells: cellsFor(8, scale), octaves: 4 }), lo, size);
    const thatch = resampleWrapped(noiseField(lo, soilRng, { cells: cellsFor(5, scale), octaves: 4, gain: 0.6 }), lo, size);
    for (let i = 0; i < n; i++) {
      const s = soil[i];
      height[i] = 0.06 + 0.05 * s;
      const shade = 0.75 + 0.3 * s;
      const t = clamp01(0.55 + 0.9 * thatch[i]);
      albedo[i * 3] = (SOIL[0] + (THATCH[0] - SOIL[0]) * t) * shade;
      albedo[i * 3 + 1] = (SOIL[1] + (THATCH[1] - SOIL[1]) * t) * shade;
      albedo[i * 3 + 2] = (SOIL[2] + (THATCH[2] - SOIL[2]) * t) * shade;
      roughness[i] = 0.92;
    }

    // Slow fields sampled at each blade's root: how thick the grass is, which way it leans, how dry.
    const F = 64;
    const fieldRng = rng.fork('fields');
    const density = noiseField(F, fieldRng, { cells: cellsFor(4, scale), octaves: 3 });
    const lean = noiseField(F, fieldRng, { cells: cellsFor(2, scale), octaves: 2 });
    const dryness = noiseField(F, fieldRng, { cells: cellsFor(3, scale), octaves: 3 });
    const at = (field: Float32Array, x: number, y: number): number => sampleWrapped(field, F, (x / size) * F - 0.5, (y / size) * F - 0.5);

    // One visitor for every blade piece; the blade's state lives in these variables.
    let top = 0; // blade's height at its tip
    let root = 0;
    let s0 = 0; // where along the whole blade this piece starts and ends
    let s1 = 0;
    let halfWidth = 1;
    let r = 0;
    let g = 0;
    let b = 0;
    let gloss = 0.6;
    const visit = (i: number, t: number, across: number): void => {
      const s = s0 + (s1 - s0) * t;
      const w = halfWidth * (1 - s * s * s) * (1 - 0.55 * s);
      const ax = across < 0 ? -across : across;
      let cover = w + 0.5 - ax;
      if (cover <= 0) return;
      if (cover > 1) cover = 1;
      const a = ax / (w + 0.5);
      const h = root + (top - root) * (0.3 + 0.7 * s) - 0.05 * a * a;
      if (h <= height[i]) return;
      const light = (0.62 + 0.5 * s) * (1.04 - 0.12 * a);
      const k = cover;
      height[i] += (h - height[i]) * k;
      albedo[i * 3] += (r * light - albedo[i * 3]) * k;
      albedo[i * 3 + 1] += (g * light - albedo[i * 3 + 1]) * k;
      albedo[i * 3 + 2] += (b * light - albedo[i * 3 + 2]) * k;
      roughness[i] += (gloss + 0.15 * a - roughness[i]) * k;
      if (k > tintMask[i]) tintMask[i] = k;
    };

    const bladeRng = rng.fork('blades');
    const count = Math.round(11000 / (scale * scale));
    const baseLength = size * 0.05 * scale;
    const baseWidth = Math.max(0.45, size * 0.0019 * scale);
    for (let k = 0; k < count; k++) {
      const x = bladeRng.float() * size;
      const y = bladeRng.float() * size;
      // Fewer blades where the grass is thin, so the soil shows in patches.
      if (bladeRng.float() > 0.3 + 0.7 * clamp01(0.55 + at(density, x, y))) continue;
      const dry = at(dryness, x, y);
      const pick = clamp01(0.45 + 0.35 * dry + bladeRng.normal(0, 0.22));
      let shade = Math.min(BLADES.length - 1, Math.floor(pick * (BLADES.length - 0.01)));
      if (shade >= 4 && bladeRng.float() < 0.6 - 0.4 * dry) shade = 3;
      const c = BLADES[shade];
      const vary = bladeRng.range(0.85, 1.15);
      r = c[0] * vary;
      g = c[1] * vary;
      b = c[2] * vary;
      gloss = shade >= 4 ? 0.75 : 0.55;
      top = bladeRng.range(0.35, 1);
      root = 0.12 + 0.1 * bladeRng.float();
      halfWidth = baseWidth * bladeRng.range(0.7, 1.35);
      const length = baseLength * bladeRng.range(0.55, 1.45) * (0.7 + 0.3 * top);
      let angle = at(lean, x, y) * 2.5 + bladeRng.normal(0, 0.9);
      const curl = bladeRng.normal(0, 0.5);
      let px = x;
      let py = y;
      for (let p = 0; p < PIECES; p++) {
        angle += curl / PIECES;
        const qx = px + (Math.cos(angle) * length) / PIECES;
        const qy = py + (Math.sin(angle) * length) / PIECES;
        s0 = p / PIECES;
        s1 = (p + 1) / PIECES;
        // The blade tapers, so each piece needs only its widest (first) point's reach.
        const reach = halfWidth * (1 - s0 * s0 * s0) * (1 - 0.55 * s0) + 0.5;
        forEachNearSegment(size, px, py, qx, qy, reach, visit);
        px = qx;
        py = qy;
      }
    }
    // Heights stay within 0..1 by construction: soil above 0, every blade's tip at most 1.
    layers.tintMask = tintMask;
    return layers;
  },
};

