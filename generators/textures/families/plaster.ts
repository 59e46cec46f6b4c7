/**
 * Plaster: a smooth, off-white rendered wall. Its relief is the trowel's: broad, shallow strokes
 * laid one over another, each pressing the plaster to its own slightly tilted level, burnishing it
 * a little smoother, and pushing up a soft ridge along its trailing edge; under them a faint broad
 * undulation, and over them a fine sandy grain with the odd air hole. Faint stains drift across in
 * patches. Strokes are stamped with wrapping segments and the noise is periodic, so the wall tiles.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField } from '../periodic-noise.ts';
import { clamp01, forEachNearSegment, formSizes, resampleWrapped, sampleWrapped, smoothstep } from '../field-ops.ts';

const PLASTER = [0.86, 0.84, 0.79] as const;
const STAIN = [0.74, 0.7, 0.62] as const;

export const plaster: MaterialFamily = {
  id: 'plaster',
  phrases: ['plaster', 'stucco', 'render', 'whitewash', 'whitewashed', 'limewash', 'concrete'],
  tileMetres: 2,
  normalStrength: 5,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    // The trowelled form is drawn at half size (a quarter of the pixels) and enlarged: it is broad
    // and soft. The sandy grain and air holes are drawn at full size.
    const { half, small } = formSizes(size);
    const n = half * half;
    // Trowel strokes, painted one over another: level (relative height) and burnish per pixel.
    const level = new Float32Array(n);
    const burnish = new Float32Array(n);
    const strokes = rng.fork('strokes');
    const strokeScale = Math.min(2.5, Math.max(0.4, scale));
    const count = Math.round(90 / (strokeScale * strokeScale));
    for (let s = 0; s < count; s++) {
      const length = half * strokes.range(0.12, 0.3) * strokeScale;
      const halfWidth = half * strokes.range(0.04, 0.075) * strokeScale;
      const angle = strokes.range(0, Math.PI);
      const cx = strokes.range(0, half);
      const cy = strokes.range(0, half);
      const dx = (Math.cos(angle) * length) / 2;
      const dy = (Math.sin(angle) * length) / 2;
      const base = strokes.range(-1, 1);
      const tilt = strokes.range(-0.6, 0.6);
      const ridgeSide = strokes.chance(0.5) ? 1 : -1;
      const strength = strokes.range(0.5, 1);
      forEachNearSegment(half, cx - dx, cy - dy, cx + dx, cy + dy, halfWidth, (index, along, across) => {
        // A lens-shaped swipe: full width in the middle, narrowing to points at the ends.
        const t = 2 * along - 1;
        const width = Math.sqrt(Math.max(0, 1 - t * t));
        const a = across / (halfWidth * Math.max(0.05, width));
        if (a > 1 || a < -1) return;
        const cover = (1 - smoothstep(0.6, 1, Math.abs(a))) * strength;
        // The trailing edge pushes up a soft ridge of plaster.
        const ridge = Math.exp(-((a * ridgeSide - 0.68) ** 2) / 0.035);
        const target = base + tilt * a + 0.5 * ridge;
        level[index] += (target - level[index]) * cover;
        burnish[index] += (1 - burnish[index]) * cover * 0.6;
      });
    }

    const broad = noiseField(small, rng.fork('broad'), { cells: cellsFor(3, scale), octaves: 3 });
    const stain = noiseField(small, rng.fork('stain'), { cells: 3, octaves: 4, gain: 0.55 });
    const sand = noiseField(half, rng.fork('sand'), { cells: cellsFor(48, scale), octaves: 2 });
    const formH = new Float32Array(n);
    const formStain = new Float32Array(n);
    const formHoles = new Float32Array(n);
    const formShade = new Float32Array(n);
    const ks = small / half;
    for (let y = 0, i = 0; y < half; y++) {
      const sy = (y + 0.5) * ks - 0.5;
      for (let x = 0; x < half; x++, i++) {
        const sx = (x + 0.5) * ks - 0.5;
        const sd = sand[i];
        formH[i] = 0.5 + 0.1 * sampleWrapped(broad, small, sx, sy) + 0.06 * level[i] + 0.012 * sd * (1 - 0.6 * burnish[i]);
        formStain[i] = smoothstep(0.05, 0.5, sampleWrapped(stain, small, sx, sy)) * 0.35;
        formHoles[i] = smoothstep(0.2, 0.6, -sd);
        formShade[i] = 1 + 0.025 * sd + 0.012 * level[i];
      }
    }
    const { height, albedo, roughness } = layers;
    resampleWrapped(formH, half, size, height);
    // Burnish, stain, air-hole likelihood and shade go into roughness and albedo first and are
    // turned into them below.
    resampleWrapped(burnish, half, size, roughness);
    resampleWrapped(formStain, half, size, albedo, 3, 0);
    resampleWrapped(formHoles, half, size, albedo, 3, 1);
    resampleWrapped(formShade, half, size, albedo, 3, 2);
    const grain = noiseField(size, rng.fork('grain'), { cells: cellsFor(160, scale), octaves: 1 });

    for (let i = 0; i < size * size; i++) {
      const g = grain[i];
      const smooth = roughness[i];
      const st = albedo[i * 3];
      const hole = g < -0.66 ? smoothstep(0.66, 0.82, -g) * albedo[i * 3 + 1] : 0;
      const shade = (albedo[i * 3 + 2] + 0.02 * g) * (1 - 0.3 * hole);
      height[i] = clamp01(height[i] + 0.018 * g * (1 - 0.6 * smooth) - 0.08 * hole);
      albedo[i * 3] = clamp01((PLASTER[0] + (STAIN[0] - PLASTER[0]) * st) * shade);
      albedo[i * 3 + 1] = clamp01((PLASTER[1] + (STAIN[1] - PLASTER[1]) * st) * shade);
      albedo[i * 3 + 2] = clamp01((PLASTER[2] + (STAIN[2] - PLASTER[2]) * st) * shade);
      roughness[i] = clamp01(0.9 - 0.16 * smooth + 0.03 * g + 0.05 * hole);
    }
    return layers;
  },
};

