/**
 * Cobblestone: rounded stones set in dirt. Each stone is a cell of a cellular field, its outline
 * the cell's border pulled in at the corners (so stones are rounded, not polygons) and roughened
 * by noise, domed from F2 − F1 (highest in the middle, rolling down to the joint). Every stone has
 * its own grey or brown, its own height and a worn, paler, smoother crown; the joints between are
 * filled with dark dirt and sand. Cells are periodic with whole cells across the tile, so the
 * paving tiles. The tint mask covers the stones, not the joints.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField } from '../periodic-noise.ts';
import { cellularField } from '../cellular-noise.ts';
import { clamp01, smoothstep } from '../field-ops.ts';

/** Stone colours: grey granite, brown-grey, dark basalt, pale sandstone, warm brown. */
const STONES = [
  [0.5, 0.49, 0.47],
  [0.5, 0.46, 0.41],
  [0.4, 0.4, 0.4],
  [0.57, 0.55, 0.5],
  [0.47, 0.42, 0.36],
] as const;
const DIRT = [0.24, 0.2, 0.15] as const;
const SAND = [0.46, 0.41, 0.33] as const;

export const cobblestone: MaterialFamily = {
  id: 'cobblestone',
  phrases: ['cobblestone', 'cobblestones', 'cobbles', 'cobbled', 'paving stones', 'flagstones', 'pavers', 'stone path'],
  tileMetres: 2,
  normalStrength: 8,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const cells = cellsFor(8, scale);
    // The stones are composed at half size (a quarter of the pixels) and enlarged; the joints are
    // wide enough that the half-size cell index never shows. Fine grain is drawn at full size.
    const half = size > 512 ? size / 2 : size;
    const small = Math.min(half, 256);
    const stones = cellularField(half, rng.fork('stones'), { cells, jitter: 0.75 });
    const count = stones.cellsX * stones.cellsY;
    const pick = rng.fork('stone-colours');
    const stoneR = new Float32Array(count);
    const stoneG = new Float32Array(count);
    const stoneB = new Float32Array(count);
    const stoneLift = new Float32Array(count);
    for (let k = 0; k < count; k++) {
      const c = pick.pick(STONES);
      const shade = pick.range(0.8, 1.12);
      const warm = pick.range(-0.03, 0.03);
      stoneR[k] = c[0] * shade * (1 + warm);
      stoneG[k] = c[1] * shade;
      stoneB[k] = c[2] * shade * (1 - warm);
      stoneLift[k] = pick.range(-1, 1);
    }
    const edges = noiseField(half, rng.fork('edges'), { cells: cells * 3, octaves: 3, gain: 0.55 });
    const mottle = noiseField(half, rng.fork('mottle'), { cells: cells * 2, octaves: 3 });
    const fill = noiseField(small, rng.fork('fill'), { cells: 5, octaves: 3 });

    const n = half * half;
    const formH = new Float32Array(n);
    const formR = new Float32Array(n);
    const formG = new Float32Array(n);
    const formB = new Float32Array(n);
    const formStone = new Float32Array(n);
    const formCrown = new Float32Array(n);
    const ks = small / half;
    const joint = 0.09;
    const { f1, f2, cell } = stones;
    for (let y = 0, i = 0; y < half; y++) {
      const sy = (y + 0.5) * ks - 0.5;
      for (let x = 0; x < half; x++, i++) {
        const sx = (x + 0.5) * ks - 0.5;
        // Distance in from the stone's edge (cell units): the border, corners rounded off.
        const d = Math.min(f2[i] - f1[i], 1.3 * (0.72 - f1[i])) + 0.045 * edges[i];
        const stone = smoothstep(joint * 0.55, joint * 1.25, d);
        // Dome: a rounded shoulder in from the edge, under a cap centred on the cell's point (F1
        // is smooth inside a cell, so the crown has no creases).
        const shoulder = clamp01((d - joint * 0.55) / 0.2);
        const cap = Math.max(0, 1 - (f1[i] * f1[i]) / 0.5);
        const dome = (1 - (1 - shoulder) * (1 - shoulder)) * (0.35 + 0.65 * cap);
        const k = cell[i];
        const m = mottle[i];
        const crown = smoothstep(0.55, 1, dome) * (0.6 + 0.4 * m);
        const fl = bilinear(fill, small, sx, sy);
        const dirtH = 0.12 + 0.05 * fl + 0.03 * edges[i];
        formH[i] = dirtH + stone * (0.18 + 0.58 * dome + 0.06 * stoneLift[k] + 0.04 * m - dirtH * 0.4);
        const s = (0.86 + 0.16 * dome + 0.1 * m) * (1 + 0.12 * crown);
        const sand = smoothstep(-0.2, 0.4, fl) * 0.7;
        const jr = DIRT[0] + (SAND[0] - DIRT[0]) * sand;
        const jg = DIRT[1] + (SAND[1] - DIRT[1]) * sand;
        const jb = DIRT[2] + (SAND[2] - DIRT[2]) * sand;
        formR[i] = jr + (stoneR[k] * s - jr) * stone;
        formG[i] = jg + (stoneG[k] * s - jg) * stone;
        formB[i] = jb + (stoneB[k] * s - jb) * stone;
        formStone[i] = stone;
        formCrown[i] = crown;
      }
    }
    const form = enlarge(formH, half, size);
    const red = enlarge(formR, half, size);
    const green = enlarge(formG, half, size);
    const blue = enlarge(formB, half, size);
    const stoneness = enlarge(formStone, half, size);
    const crownOf = enlarge(formCrown, half, size);
    const grain = noiseField(size, rng.fork('grain'), { cells: cellsFor(112, scale), octaves: 2 });

    const { height, albedo, roughness } = layers;
    for (let i = 0; i < size * size; i++) {
      const st = stoneness[i];
      const g = grain[i];
      // Stones: fine pits; joints: coarse grit.
      const pit = Math.max(0, -g - 0.45);
      height[i] = clamp01(form[i] + st * (0.015 * g - 0.05 * pit) + (1 - st) * 0.05 * g);
      const s = 1 + st * (0.05 * g - 0.15 * pit) + (1 - st) * 0.18 * g;
      albedo[i * 3] = clamp01(red[i] * s);
      albedo[i * 3 + 1] = clamp01(green[i] * s);
      albedo[i * 3 + 2] = clamp01(blue[i] * s);
      roughness[i] = clamp01(0.93 - st * (0.1 + 0.22 * crownOf[i]) + 0.04 * g);
    }
    layers.tintMask = stoneness;
    return layers;
  },
};

/** Bilinear lookup at pixel coordinates (x, y) of an n² field (n a power of two), wrapping. */
function bilinear(field: Float32Array, n: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const tx = x - x0;
  const ty = y - y0;
  const m = n - 1;
  const c0 = x0 & m;
  const c1 = (x0 + 1) & m;
  const r0 = (y0 & m) * n;
  const r1 = ((y0 + 1) & m) * n;
  const top = field[r0 + c0] + (field[r0 + c1] - field[r0 + c0]) * tx;
  const bottom = field[r1 + c0] + (field[r1 + c1] - field[r1 + c0]) * tx;
  return top + (bottom - top) * ty;
}

/** Enlarges an n² field to size² bilinearly, wrapping, pixel centres aligned (n, size powers of two). */
function enlarge(field: Float32Array, n: number, size: number): Float32Array {
  if (n === size) return field;
  const out = new Float32Array(size * size);
  const k = n / size;
  const m = n - 1;
  const c0 = new Int32Array(size);
  const c1 = new Int32Array(size);
  const tx = new Float32Array(size);
  for (let x = 0; x < size; x++) {
    const f = (x + 0.5) * k - 0.5;
    const x0 = Math.floor(f);
    c0[x] = x0 & m;
    c1[x] = (x0 + 1) & m;
    tx[x] = f - x0;
  }
  for (let y = 0, i = 0; y < size; y++) {
    const r0 = c0[y] * n;
    const r1 = c1[y] * n;
    const ty = tx[y];
    for (let x = 0; x < size; x++, i++) {
      const a = field[r0 + c0[x]];
      const top = a + (field[r0 + c1[x]] - a) * tx[x];
      const c = field[r1 + c0[x]];
      out[i] = top + (c + (field[r1 + c1[x]] - c) * tx[x] - top) * ty;
    }
  }
  return out;
}
