/**
 * Tileable noise: every field here repeats exactly across the texture's edges, because every
 * lattice is periodic with a whole number of cells across the tile. That is what makes a texture
 * set seamless by construction, not by blending its borders.
 *
 *   periodicGradientNoise  Perlin-style gradient noise on a periodic lattice (cellsX × cellsY)
 *   noiseField             fBm or ridged sums of it over a size × size tile; each octave doubles
 *                          the cell counts, so each octave still tiles
 *   warpField              domain warping that stays periodic (offsets are themselves periodic)
 *
 * Coordinates: pixel (x, y) of a size² tile samples the lattice at ((x + 0.5) / size) × cells.
 * Values of the gradient noise are about [-1, 1].
 */
import type { Rng } from '../seed/rng.ts';

export interface PeriodicNoise {
  cellsX: number;
  cellsY: number;
  /** Unit gradients per lattice point, row-major (cellsY rows of cellsX). */
  gx: Float64Array;
  gy: Float64Array;
  /** Noise at lattice coordinates (any real numbers; wraps every cellsX, cellsY). */
  at(x: number, y: number): number;
}

export function periodicGradientNoise(rng: Rng, cellsX: number, cellsY = cellsX): PeriodicNoise {
  const px = Math.max(1, Math.round(cellsX));
  const py = Math.max(1, Math.round(cellsY));
  const gx = new Float64Array(px * py);
  const gy = new Float64Array(px * py);
  for (let i = 0; i < px * py; i++) {
    const angle = rng.float() * 2 * Math.PI;
    gx[i] = Math.cos(angle);
    gy[i] = Math.sin(angle);
  }
  const at = (x: number, y: number): number => {
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const fx = x - x0;
    const fy = y - y0;
    const i0 = ((x0 % px) + px) % px;
    const j0 = ((y0 % py) + py) % py;
    const i1 = i0 + 1 === px ? 0 : i0 + 1;
    const j1 = j0 + 1 === py ? 0 : j0 + 1;
    const a = j0 * px + i0;
    const b = j0 * px + i1;
    const c = j1 * px + i0;
    const d = j1 * px + i1;
    const n00 = gx[a] * fx + gy[a] * fy;
    const n10 = gx[b] * (fx - 1) + gy[b] * fy;
    const n01 = gx[c] * fx + gy[c] * (fy - 1);
    const n11 = gx[d] * (fx - 1) + gy[d] * (fy - 1);
    const u = fx * fx * fx * (fx * (fx * 6 - 15) + 10);
    const v = fy * fy * fy * (fy * (fy * 6 - 15) + 10);
    const top = n00 + (n10 - n00) * u;
    const bottom = n01 + (n11 - n01) * u;
    return 1.41 * (top + (bottom - top) * v);
  };
  return { cellsX: px, cellsY: py, gx, gy, at };
}

export interface NoiseFieldOptions {
  /** Lattice cells across the tile for the first octave (x; y defaults to the same). */
  cells: number;
  cellsY?: number;
  /** Octaves, each with twice the cells (default 4). */
  octaves?: number;
  /** Amplitude factor per octave (default 0.5). */
  gain?: number;
  /** Ridged multifractal (1 − |n|, squared) instead of fBm. */
  ridged?: boolean;
  /** Periodic displacement of the lookup: [dx, dy] fields in lattice cells of the first octave. */
  warp?: readonly [Float32Array, Float32Array];
}

/**
 * A size² field of fBm (about [-1, 1]) or ridged noise (0..1). Each octave draws its own
 * lattice from `rng`, so the same rng state gives the same field.
 */
export function noiseField(size: number, rng: Rng, options: NoiseFieldOptions): Float32Array {
  const octaves = options.octaves ?? 4;
  const gain = options.gain ?? 0.5;
  const out = new Float32Array(size * size);
  let amplitude = 1;
  let total = 0;
  for (let o = 0; o < octaves; o++) {
    const scale = 2 ** o;
    const noise = periodicGradientNoise(rng, options.cells * scale, (options.cellsY ?? options.cells) * scale);
    if (options.warp) addWarpedOctave(out, size, noise, scale, amplitude, options.ridged === true, options.warp);
    else addOctave(out, size, noise, amplitude, options.ridged === true);
    total += amplitude;
    amplitude *= gain;
  }
  for (let i = 0; i < out.length; i++) out[i] /= total;
  return out;
}

/**
 * Two periodic offset fields for domain warping, in lattice cells of the warped field's first
 * octave, at most about `strength` cells.
 */
export function warpField(size: number, rng: Rng, cells: number, strength: number): readonly [Float32Array, Float32Array] {
  const dx = noiseField(size, rng, { cells, octaves: 3 });
  const dy = noiseField(size, rng, { cells, octaves: 3 });
  for (let i = 0; i < dx.length; i++) {
    dx[i] *= strength;
    dy[i] *= strength;
  }
  return [dx, dy];
}

/** One unwarped octave on the pixel grid: lattice lookups without wrapping arithmetic per pixel. */
function addOctave(out: Float32Array, size: number, noise: PeriodicNoise, amplitude: number, ridged: boolean): void {
  const { cellsX: px, cellsY: py, gx, gy } = noise;
  const sx = px / size;
  const sy = py / size;
  const cellOf = new Int32Array(size);
  const fracOf = new Float64Array(size);
  const fadeOf = new Float64Array(size);
  for (let x = 0; x < size; x++) {
    const lx = (x + 0.5) * sx;
    const i0 = Math.min(px - 1, Math.floor(lx));
    const f = lx - i0;
    cellOf[x] = i0;
    fracOf[x] = f;
    fadeOf[x] = f * f * f * (f * (f * 6 - 15) + 10);
  }
  for (let y = 0, p = 0; y < size; y++) {
    const ly = (y + 0.5) * sy;
    const j0 = Math.min(py - 1, Math.floor(ly));
    const fy = ly - j0;
    const v = fy * fy * fy * (fy * (fy * 6 - 15) + 10);
    const row0 = j0 * px;
    const row1 = (j0 + 1 === py ? 0 : j0 + 1) * px;
    const fy1 = fy - 1;
    for (let x = 0; x < size; x++, p++) {
      const i0 = cellOf[x];
      const i1 = i0 + 1 === px ? 0 : i0 + 1;
      const fx = fracOf[x];
      const fx1 = fx - 1;
      const a = row0 + i0;
      const b = row0 + i1;
      const c = row1 + i0;
      const d = row1 + i1;
      const n00 = gx[a] * fx + gy[a] * fy;
      const n10 = gx[b] * fx1 + gy[b] * fy;
      const n01 = gx[c] * fx + gy[c] * fy1;
      const n11 = gx[d] * fx1 + gy[d] * fy1;
      const u = fadeOf[x];
      const top = n00 + (n10 - n00) * u;
      const n = 1.41 * (top + (n01 + (n11 - n01) * u - top) * v);
      if (ridged) {
        const r = 1 - Math.abs(n);
        out[p] += amplitude * r * r;
      } else out[p] += amplitude * n;
    }
  }
}

function addWarpedOctave(
  out: Float32Array,
  size: number,
  noise: PeriodicNoise,
  scale: number,
  amplitude: number,
  ridged: boolean,
  warp: readonly [Float32Array, Float32Array],
): void {
  const sx = noise.cellsX / size;
  const sy = noise.cellsY / size;
  for (let y = 0, i = 0; y < size; y++) {
    const ly = (y + 0.5) * sy;
    for (let x = 0; x < size; x++, i++) {
      const n = noise.at((x + 0.5) * sx + warp[0][i] * scale, ly + warp[1][i] * scale);
      if (ridged) {
        const r = 1 - Math.abs(n);
        out[i] += amplitude * r * r;
      } else out[i] += amplitude * n;
    }
  }
}
