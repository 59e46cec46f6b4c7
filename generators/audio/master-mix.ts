/**
 * The last stage: one gain to bring the mix to its target loudness (at most +15 dB, so a near-silent
 * scene is not pumped up into hiss), a peak limiter, a soft ceiling, and 50 ms fades at the ends.
 *
 * The limiter looks ahead 1.5 ms: the gain each sample needs (so |L| and |R| stay under 0.9) is
 * taken as the minimum over the next window (a monotonic deque, O(n)), released at 150 ms, then
 * averaged over the window behind — every window averaged contains the sample, so the averaged gain
 * never exceeds what the sample needs, and attacks become ramps instead of steps. Past it, a tanh
 * knee from 0.9 bends anything left toward the 0.98 ceiling, which a final clamp makes certain.
 */
import type { StereoBuffer } from './stereo-buffer.ts';

export const PEAK_CEILING = 0.98;
const LIMIT_THRESHOLD = 0.9;
const LOOKAHEAD_SECONDS = 0.0015;
const RELEASE_SECONDS = 0.15;
export const EDGE_FADE_SECONDS = 0.05;
export const MAX_MAKEUP_DB = 15;

export function limitAndFade(mix: StereoBuffer, sampleRate: number): void {
  limitPeaks(mix, sampleRate);
  const { left, right } = mix;
  const n = left.length;
  const fade = Math.min(Math.round(EDGE_FADE_SECONDS * sampleRate), Math.floor(n / 2));
  for (let i = 0; i < n; i++) {
    let g = 1;
    if (i < fade) g = i / fade;
    else if (i >= n - fade) g = (n - 1 - i) / fade;
    left[i] = softCeiling(left[i]) * g;
    right[i] = softCeiling(right[i]) * g;
  }
}

function limitPeaks(mix: StereoBuffer, sampleRate: number): void {
  const { left, right } = mix;
  const n = left.length;
  const window = Math.max(1, Math.round(LOOKAHEAD_SECONDS * sampleRate));
  const need = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const p = Math.max(Math.abs(left[i]), Math.abs(right[i]));
    need[i] = p > LIMIT_THRESHOLD ? LIMIT_THRESHOLD / p : 1;
  }
  // Minimum of need[i … i + window − 1], then release toward 1.
  const held = new Float32Array(n);
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let next = 0;
  const release = 1 - Math.exp(-1 / (RELEASE_SECONDS * sampleRate));
  let gain = 1;
  for (let i = 0; i < n; i++) {
    const last = Math.min(n - 1, i + window - 1);
    while (next <= last) {
      while (tail > head && need[deque[tail - 1]] >= need[next]) tail--;
      deque[tail++] = next++;
    }
    while (deque[head] < i) head++;
    const minimum = need[deque[head]];
    gain = Math.min(minimum, gain + (1 - gain) * release);
    held[i] = gain;
  }
  // Average over the window behind each sample.
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += held[i];
    if (i >= window) sum -= held[i - window];
    const g = Math.min(held[i], sum / Math.min(i + 1, window));
    left[i] *= g;
    right[i] *= g;
  }
}

function softCeiling(x: number): number {
  const a = Math.abs(x);
  if (a <= LIMIT_THRESHOLD) return x;
  const room = PEAK_CEILING - LIMIT_THRESHOLD;
  const bent = LIMIT_THRESHOLD + room * Math.tanh((a - LIMIT_THRESHOLD) / room);
  return Math.sign(x) * Math.min(bent, PEAK_CEILING);
}
