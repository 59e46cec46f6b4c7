/**
 * Seeded raw material for the beds: white noise, and slow random curves (gusts, swells, a
 * chorus of insects breathing) as smooth interpolation between random knots.
 */
import type { Rng } from '../seed/rng.ts';

/**
 * Uniform white noise in [−1, 1): sfc32 (the Rng's own generator) seeded from four draws of `rng`
 * and run inline, since a method call per sample would cost more than the filtering.
 */
export function whiteNoise(rng: Rng, length: number): Float32Array {
  const out = new Float32Array(length);
  let a = rng.nextUint32() | 0;
  let b = rng.nextUint32() | 0;
  let c = rng.nextUint32() | 0;
  let d = rng.nextUint32() | 0;
  for (let i = 0; i < length; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    out[i] = t / 2147483648;
  }
  return out;
}

/**
 * A curve in [0, 1] through a random knot every `1 / knotsPerSecond` seconds, joined by
 * smoothstep so it has no corners; `shape` > 1 makes it rest low and rise in bursts (gusts).
 */
export function slowRandomCurve(rng: Rng, length: number, sampleRate: number, knotsPerSecond: number, shape = 1): Float32Array {
  const out = new Float32Array(length);
  const step = sampleRate / knotsPerSecond;
  const knots = Math.ceil(length / step) + 2;
  const values = new Float64Array(knots);
  for (let k = 0; k < knots; k++) values[k] = Math.pow(rng.float(), shape);
  for (let i = 0; i < length; i++) {
    const position = i / step;
    const k = Math.floor(position);
    const t = position - k;
    const s = t * t * (3 - 2 * t);
    out[i] = values[k] + (values[k + 1] - values[k]) * s;
  }
  return out;
}
