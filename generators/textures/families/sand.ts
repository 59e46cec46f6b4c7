/**
 * Sand: wind ripples over gently rolling sand. The ripples are bands of a periodic wave whose
 * wave vector has whole-number components (a whole number of ripples across the tile in x and in
 * y), bent by periodic warping so they wander, fork and fade; each has a long gentle windward
 * slope and a short steep lee, with darker heavy grains settled in the troughs. A fine speckle of
 * light and dark grains covers everything. Every term is periodic, so the sand tiles.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField } from '../periodic-noise.ts';
import { clamp01, forEachInDisc, resampleWrapped, sampleWrapped, smoothstep } from '../field-ops.ts';

const CREST = [0.84, 0.73, 0.55] as const;
const TROUGH = [0.66, 0.54, 0.38] as const;

export const sand: MaterialFamily = {
  id: 'sand',
  phrases: ['sand', 'sandy', 'sandy ground', 'beach', 'beach sand', 'dune', 'dunes', 'desert sand'],
  tileMetres: 3,
  normalStrength: 4,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const { height, albedo, roughness } = layers;

    // The wave: about `count` ripples across the tile, at a random angle, rounded to whole numbers
    // of ripples along x and y.
    const waveRng = rng.fork('wave');
    const count = cellsFor(22, scale);
    const angle = waveRng.float() * Math.PI;
    let kx = Math.round(count * Math.cos(angle));
    const ky = Math.round(count * Math.sin(angle));
    if (kx === 0 && ky === 0) kx = 1;

    // Slow fields: the bend of the ripples (in ripple wavelengths), how strong they are, dunes.
    const lo = Math.min(size, 256);
    const fieldRng = rng.fork('fields');
    const bend = resampleWrapped(noiseField(lo, fieldRng, { cells: cellsFor(2, scale), octaves: 3 }), lo, size);
    const wobble = resampleWrapped(noiseField(lo, fieldRng, { cells: cellsFor(7, scale), octaves: 2 }), lo, size);
    const strength = resampleWrapped(noiseField(lo, fieldRng, { cells: cellsFor(3, scale), octaves: 2 }), lo, size);
    const dunes = resampleWrapped(noiseField(lo, fieldRng, { cells: cellsFor(2, scale), octaves: 3 }), lo, size);
    // Grains: fine speckle, full resolution.
    const grainRng = rng.fork('grain');
    const grain = noiseField(size, grainRng, { cells: cellsFor(120, scale), octaves: 1 });

    const windward = 0.72;
    for (let y = 0, i = 0; y < size; y++) {
      const py = (ky * (y + 0.5)) / size;
      for (let x = 0; x < size; x++, i++) {
        // Phase in ripples: a whole number per tile along each axis, plus periodic bending.
        let p = (kx * (x + 0.5)) / size + py + 2.2 * bend[i] + 0.35 * wobble[i];
        p -= Math.floor(p);
        // Long rising windward slope up to the crest, short steep lee down to the trough.
        const ripple = p < windward ? Math.sin((p / windward) * Math.PI * 0.5) : Math.cos(((p - windward) / (1 - windward)) * Math.PI * 0.5);
        const amp = smoothstep(-0.55, 0.35, strength[i]) * 0.8 + 0.2;
        const r = ripple * ripple * (3 - 2 * ripple);
        const g = grain[i];
        height[i] = clamp01(0.3 + 0.18 * dunes[i] + 0.38 * amp * r + 0.025 * g);
        // Heavy dark grains settle in the troughs; crests are pale and clean.
        const t = clamp01(0.35 + 0.65 * r * amp + 0.25 * (1 - amp) + 0.12 * dunes[i]);
        const shade = 0.95 + 0.06 * g;
        albedo[i * 3] = clamp01((TROUGH[0] + (CREST[0] - TROUGH[0]) * t) * shade);
        albedo[i * 3 + 1] = clamp01((TROUGH[1] + (CREST[1] - TROUGH[1]) * t) * shade);
        albedo[i * 3 + 2] = clamp01((TROUGH[2] + (CREST[2] - TROUGH[2]) * t) * shade);
        roughness[i] = 0.9 - 0.05 * r + 0.04 * g;
      }
    }

    // Scattered darker (and a few paler) grains: tiny soft dots, each a fixed fraction of the tile.
    let fleck = 1;
    let radius = 1;
    const dot = (i: number, dx: number, dy: number): void => {
      const k = clamp01(radius + 0.5 - Math.sqrt(dx * dx + dy * dy));
      const s = 1 + (fleck - 1) * k;
      albedo[i * 3] = clamp01(albedo[i * 3] * s);
      albedo[i * 3 + 1] = clamp01(albedo[i * 3 + 1] * s);
      albedo[i * 3 + 2] = clamp01(albedo[i * 3 + 2] * s * (fleck < 1 ? 0.97 : 1));
    };
    const grains = Math.round(9000 / (scale * scale));
    for (let k = 0; k < grains; k++) {
      const x = grainRng.float() * size;
      const y = grainRng.float() * size;
      fleck = grainRng.float() < 0.65 ? grainRng.range(0.6, 0.85) : grainRng.range(1.08, 1.18);
      radius = size * scale * grainRng.range(0.0004, 0.0011);
      forEachInDisc(size, x, y, radius + 0.5, dot);
    }
    return layers;
  },
};

