/**
 * Seeded 3D value noise for displacing and mottling stone: random values on the integer lattice
 * (hashed from the seed and the cell, so nothing is stored), blended with the quintic fade, summed
 * over octaves. Output in about [-1, 1]. Value noise, not gradient noise: on an icosphere of a few
 * hundred vertices its slightly blobby look is what a weathered stone wants.
 */
import { mix32 } from '../../seed/derive-seed.ts';

export type Noise3D = (x: number, y: number, z: number) => number;

export function createLatticeNoise(seed: number): Noise3D {
  const s = mix32(seed);
  const value = (x: number, y: number, z: number): number => {
    const h = mix32(s ^ mix32(Math.imul(x, 0x8da6b343) ^ mix32(Math.imul(y, 0xd8163841) ^ mix32(Math.imul(z, 0xcb1ab31f)))));
    return (h / 4294967296) * 2 - 1;
  };
  const fade = (t: number) => t * t * t * (t * (t * 6 - 15) + 10);
  return (x, y, z) => {
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const z0 = Math.floor(z);
    const fx = fade(x - x0);
    const fy = fade(y - y0);
    const fz = fade(z - z0);
    const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
    const plane = (zz: number) =>
      lerp(lerp(value(x0, y0, zz), value(x0 + 1, y0, zz), fx), lerp(value(x0, y0 + 1, zz), value(x0 + 1, y0 + 1, zz), fx), fy);
    return lerp(plane(z0), plane(z0 + 1), fz);
  };
}

/** Octaves of `noise`, each at twice the frequency and `gain` times the amplitude; about [-1, 1]. */
export function fbm3(noise: Noise3D, x: number, y: number, z: number, octaves: number, gain = 0.5): number {
  let sum = 0;
  let norm = 0;
  let amplitude = 1;
  let f = 1;
  for (let o = 0; o < octaves; o++) {
    sum += amplitude * noise(x * f + o * 17.1, y * f - o * 9.3, z * f + o * 5.7);
    norm += amplitude;
    amplitude *= gain;
    f *= 2.03;
  }
  return sum / norm;
}
