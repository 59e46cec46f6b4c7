/**
 * Seeded 2D gradient noise (Perlin's improved noise with 256 random unit gradients rather than
 * 8 axis-aligned ones, which removes the grid-aligned streaks plain Perlin shows in hillshades),
 * and the fractal sums built on it: fBm, ridged multifractal and domain warping.
 *
 * Output of `gradient` is in about [-1, 1]. Frequencies are in cycles per unit of the input
 * coordinates; callers pass metres divided by a wavelength.
 */
import type { Rng } from '../seed/rng.ts';

export type Noise2D = (x: number, y: number) => number;

const TABLE = 256;

export function createGradientNoise(rng: Rng): Noise2D {
  const perm = new Uint8Array(TABLE * 2);
  const order = Array.from({ length: TABLE }, (_, i) => i);
  rng.shuffle(order);
  for (let i = 0; i < TABLE * 2; i++) perm[i] = order[i & 255];
  // Evenly spread angles, shuffled on their own: the gradient at a hash value must not be
  // related to the hash (neighbouring lattice points hash to neighbouring values along one axis).
  const angles = Array.from({ length: TABLE }, (_, i) => (i + rng.float() * 0.8) * ((2 * Math.PI) / TABLE));
  rng.shuffle(angles);
  const gx = Float64Array.from(angles, Math.cos);
  const gy = Float64Array.from(angles, Math.sin);
  // 2D Perlin noise with unit gradients peaks at √2/2: scale to about [-1, 1].
  const SCALE = 1.41;

  return (x: number, y: number): number => {
    const xf0 = Math.floor(x);
    const yf0 = Math.floor(y);
    const xf = x - xf0;
    const yf = y - yf0;
    const X = xf0 & 255;
    const Y = yf0 & 255;
    const a = perm[X] + Y;
    const b = perm[X + 1] + Y;
    const h00 = perm[a];
    const h01 = perm[a + 1];
    const h10 = perm[b];
    const h11 = perm[b + 1];
    const d00 = gx[h00] * xf + gy[h00] * yf;
    const d10 = gx[h10] * (xf - 1) + gy[h10] * yf;
    const d01 = gx[h01] * xf + gy[h01] * (yf - 1);
    const d11 = gx[h11] * (xf - 1) + gy[h11] * (yf - 1);
    const u = xf * xf * xf * (xf * (xf * 6 - 15) + 10);
    const v = yf * yf * yf * (yf * (yf * 6 - 15) + 10);
    const top = d00 + u * (d10 - d00);
    const bottom = d01 + u * (d11 - d01);
    return (top + v * (bottom - top)) * SCALE;
  };
}

export interface FractalOptions {
  octaves: number;
  /** Amplitude ratio between octaves (persistence). */
  gain: number;
  /** Frequency ratio between octaves. */
  lacunarity?: number;
}

// Each octave is rotated and shifted so lattice artefacts of successive octaves do not line up.
const ROT_COS = Math.cos(0.61);
const ROT_SIN = Math.sin(0.61);

/** Fractal Brownian motion, normalised to about [-1, 1]. */
export function fbm(noise: Noise2D, x: number, y: number, options: FractalOptions): number {
  const lacunarity = options.lacunarity ?? 2.01;
  let sum = 0;
  let norm = 0;
  let amplitude = 1;
  let px = x;
  let py = y;
  for (let o = 0; o < options.octaves; o++) {
    sum += amplitude * noise(px, py);
    norm += amplitude;
    amplitude *= options.gain;
    const rx = (px * ROT_COS - py * ROT_SIN) * lacunarity + 17.3;
    const ry = (px * ROT_SIN + py * ROT_COS) * lacunarity - 9.1;
    px = rx;
    py = ry;
  }
  return sum / norm;
}

/**
 * Ridged multifractal (Musgrave): sharp crests where the noise crosses zero, each octave weighted
 * by the one before so detail gathers on the ridges and valleys stay smooth. In [0, 1].
 */
export function ridged(noise: Noise2D, x: number, y: number, options: FractalOptions): number {
  const lacunarity = options.lacunarity ?? 2.01;
  let sum = 0;
  let norm = 0;
  let amplitude = 1;
  let weight = 1;
  let px = x;
  let py = y;
  for (let o = 0; o < options.octaves; o++) {
    let signal = 1 - Math.abs(noise(px, py));
    signal *= signal;
    signal *= weight;
    weight = Math.min(1, Math.max(0, signal * 1.6));
    sum += amplitude * signal;
    norm += amplitude;
    amplitude *= options.gain;
    const rx = (px * ROT_COS - py * ROT_SIN) * lacunarity + 31.7;
    const ry = (px * ROT_SIN + py * ROT_COS) * lacunarity + 5.3;
    px = rx;
    py = ry;
  }
  return sum / norm;
}

export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

export function clamp(x: number, min: number, max: number): number {
  return x < min ? min : x > max ? max : x;
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}
