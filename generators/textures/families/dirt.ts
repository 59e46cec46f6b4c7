/**
 * Dirt: brown soil broken into clods (cellular lumps with crevices between them, lumpier in some
 * places and packed flat in others) over a gently rolling base, strewn with small grey pebbles and
 * grit, and cracked into polygons where it has dried out pale. Every field is periodic and every
 * stone is a wrapped stamp, so the ground tiles.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { cellularField } from '../cellular-noise.ts';
import { noiseField } from '../periodic-noise.ts';
import { clamp01, forEachInDisc, resampleWrapped, sampleWrapped, smoothstep } from '../field-ops.ts';

const SOIL = [0.4, 0.29, 0.19] as const;
const DARK = [0.25, 0.17, 0.11] as const;
const DRY = [0.52, 0.42, 0.3] as const;

export const dirt: MaterialFamily = {
  id: 'dirt',
  phrases: ['dirt', 'soil', 'earth', 'ground', 'loam', 'dust', 'dusty ground', 'dirt path', 'dirt road', 'gravel'],
  tileMetres: 2,
  normalStrength: 4.5,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const { height, albedo, roughness } = layers;
    const n = size * size;
    const tintMask = new Float32Array(n).fill(1);

    // Broad fields at a low resolution: the rolling base, how lumpy and how dry each place is,
    // the clods and the dry cracks.
    const lo = Math.min(size, 512);
    const m = lo * lo;
    const broad = Math.min(size, 256);
    const baseRng = rng.fork('base');
    const base = resampleWrapped(noiseField(broad, baseRng, { cells: cellsFor(4, scale), octaves: 5 }), broad, lo);
    const lumpy = resampleWrapped(noiseField(broad, baseRng, { cells: cellsFor(3, scale), octaves: 3 }), broad, lo);
    const dryness = resampleWrapped(noiseField(broad, baseRng, { cells: cellsFor(2, scale), octaves: 3 }), broad, lo);
    const clods = cellularField(lo, rng.fork('clods'), { cells: cellsFor(24, scale), jitter: 1 });
    // At least three crack cells across: fewer make straight, grid-like cracks.
    const cracks = cellularField(lo, rng.fork('cracks'), { cells: Math.max(3, cellsFor(5, scale)), jitter: 0.9 });
    const crumbs = cellularField(lo, rng.fork('crumbs'), { cells: cellsFor(64, scale), jitter: 1 });
    // Clods: round lumps, only some cells raised, their outlines bent by a periodic warp.
    const clodHeight = new Float32Array(m);
    const clodShade = new Float32Array(m);
    for (let i = 0; i < m; i++) {
      const v = clods.cellValue[clods.cell[i]];
      const bump = Math.max(0, 1 - clods.f1[i] / 0.75);
      clodHeight[i] = bump * bump * smoothstep(0, 0.12, clods.f2[i] - clods.f1[i]) * (0.4 + v);
      clodShade[i] = v - 0.5;
    }
    const warpRng = rng.fork('warp');
    const warpX = resampleWrapped(noiseField(broad, warpRng, { cells: cellsFor(10, scale), octaves: 2 }), broad, lo);
    const warpY = resampleWrapped(noiseField(broad, warpRng, { cells: cellsFor(10, scale), octaves: 2 }), broad, lo);
    const bend = lo / cellsFor(24, scale) * 0.35;
    const lowHeight = new Float32Array(m);
    const lowTone = new Float32Array(m);
    const lowDry = new Float32Array(m);
    const lowCrack = new Float32Array(m);
    for (let y = 0, i = 0; y < lo; y++) {
      for (let x = 0; x < lo; x++, i++) {
        const wx = x + warpX[i] * bend;
        const wy = y + warpY[i] * bend;
        const lump = smoothstep(-0.45, 0.35, lumpy[i]);
        const clod = sampleWrapped(clodHeight, lo, wx, wy) * lump;
        const shade = sampleWrapped(clodShade, lo, wx, wy) * lump;
        const dry = smoothstep(-0.05, 0.35, dryness[i]);
        const cv = crumbs.cellValue[crumbs.cell[i]];
        const crumb = Math.max(0, 1 - crumbs.f1[i] / 0.7) * (0.4 + cv) * smoothstep(0, 0.1, crumbs.f2[i] - crumbs.f1[i]);
        lowHeight[i] = 0.3 + 0.2 * base[i] + 0.22 * clod + 0.09 * crumb * (1 - 0.5 * dry);
        lowTone[i] = 0.55 * base[i] + 0.25 * shade + 0.25 * clod - 0.1 * lump + 0.18 * (cv - 0.5) + 0.15 * crumb;
        lowDry[i] = dry;
        lowCrack[i] = dry > 0 ? (cracks.f2[i] - cracks.f1[i]) / Math.max(0.05, dry) : 9;
      }
    }
    const hUp = resampleWrapped(lowHeight, lo, size);
    const toneUp = resampleWrapped(lowTone, lo, size);
    const dryUp = resampleWrapped(lowDry, lo, size);
    const crackUp = resampleWrapped(lowCrack, lo, size);

    // Fine crumbs and grain, at full resolution: the folds of |noise| read as small lumps.
    const grain = noiseField(size, rng.fork('grain'), { cells: cellsFor(72, scale), octaves: 2 });
    for (let i = 0; i < n; i++) {
      const gr = Math.abs(grain[i]) * 2 - 0.5;
      const dry = dryUp[i];
      // Cracks: thin, jagged where the grain roughens their edges, only where it's dry.
      const crack = 1 - smoothstep(0.012, 0.03, crackUp[i] + 0.012 * gr);
      const tone = 0.85 + 0.35 * toneUp[i] + 0.1 * gr;
      let r = SOIL[0] + (DARK[0] - SOIL[0]) * clamp01(-toneUp[i] * 1.5);
      let g = SOIL[1] + (DARK[1] - SOIL[1]) * clamp01(-toneUp[i] * 1.5);
      let b = SOIL[2] + (DARK[2] - SOIL[2]) * clamp01(-toneUp[i] * 1.5);
      r = (r + (DRY[0] - r) * dry * 0.8) * tone;
      g = (g + (DRY[1] - g) * dry * 0.8) * tone;
      b = (b + (DRY[2] - b) * dry * 0.8) * tone;
      const deep = 1 - 0.6 * crack;
      albedo[i * 3] = clamp01(r * deep);
      albedo[i * 3 + 1] = clamp01(g * deep);
      albedo[i * 3 + 2] = clamp01(b * deep);
      height[i] = clamp01(hUp[i] + 0.035 * gr - 0.2 * crack);
      roughness[i] = 0.86 + 0.08 * dry + 0.04 * gr;
    }

    // Pebbles and grit: small irregular stones (an oval with a few lobes), domed and half sunk
    // into the soil, some still dusted with it.
    let cos = 1;
    let sin = 0;
    let ra = 1;
    let rb = 1;
    let c2 = 0;
    let s2 = 0;
    let c3 = 0;
    let s3 = 0;
    let top = 0;
    let relief = 0;
    let pr = 0;
    let pg = 0;
    let pb = 0;
    let dust = 0;
    let shine = 0.7;
    const pebble = (i: number, dx: number, dy: number): void => {
      const a = (dx * cos + dy * sin) / ra;
      const b = (dy * cos - dx * sin) / rb;
      const rho2 = a * a + b * b;
      if (rho2 >= 1.6) return;
      const rho = Math.sqrt(rho2) + 1e-6;
      const c = a / rho;
      const s = b / rho;
      const lobes = 1 + (c * c - s * s) * c2 + 2 * c * s * s2 + c * (4 * c * c - 3) * c3 + s * (3 - 4 * s * s) * s3;
      const d = rho2 / (lobes * lobes);
      if (d >= 1) return;
      const dome = Math.sqrt(1 - d);
      const h = top + relief * dome;
      if (h <= height[i]) return;
      const cover = clamp01((1 - d) * ra * 0.8 + 0.2);
      const light = 0.85 + 0.2 * dome;
      const k = cover * (1 - dust * (1 - dome));
      height[i] += (h - height[i]) * cover;
      albedo[i * 3] += (pr * light - albedo[i * 3]) * k;
      albedo[i * 3 + 1] += (pg * light - albedo[i * 3 + 1]) * k;
      albedo[i * 3 + 2] += (pb * light - albedo[i * 3 + 2]) * k;
      roughness[i] += (shine - roughness[i]) * k;
      tintMask[i] *= 1 - k;
    };
    const stones = rng.fork('pebbles');
    const pebbles = Math.round(650 / (scale * scale));
    const grit = Math.round(2200 / (scale * scale));
    for (let k = 0; k < pebbles + grit; k++) {
      const isGrit = k >= pebbles;
      const x = stones.float() * size;
      const y = stones.float() * size;
      const radius = size * scale * (isGrit ? stones.range(0.0008, 0.0016) : 0.0018 + 0.005 * stones.float() ** 2);
      const angle = stones.float() * Math.PI;
      cos = Math.cos(angle);
      sin = Math.sin(angle);
      ra = Math.max(0.5, radius);
      rb = Math.max(0.5, radius * stones.range(0.55, 0.95));
      c2 = stones.range(-0.12, 0.12);
      s2 = stones.range(-0.12, 0.12);
      c3 = stones.range(-0.1, 0.1);
      s3 = stones.range(-0.1, 0.1);
      const grey = stones.range(0.26, 0.5);
      const warm = stones.range(-0.03, 0.08);
      pr = grey + warm;
      pg = grey + warm * 0.35;
      pb = grey - warm * 0.6;
      dust = stones.range(0, 0.6);
      shine = stones.range(0.62, 0.82);
      top = 0.24 + 0.22 * stones.float();
      relief = Math.min(0.3, (radius / size) * 36);
      forEachInDisc(size, x, y, ra * 1.3 + 1, pebble);
    }
    layers.tintMask = tintMask;
    return layers;
  },
};

