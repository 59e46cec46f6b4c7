/**
 * Wind: white noise through a band-pass whose centre and loudness ride slow gusts (a random curve
 * with a knot every ~3 s, skewed to rest low and rise in bursts), plus a faint whistle — a narrow
 * resonance that only speaks in strong gusts. Left and right hear their own noise and the gust a
 * few hundred milliseconds apart, so the bed is wide and moves. Filters are re-tuned every 64
 * samples: cheap, and far too often to hear steps.
 */
import type { Rng } from '../seed/rng.ts';
import { Biquad } from './biquad.ts';
import { slowRandomCurve, whiteNoise } from './random-signals.ts';
import { createStereoBuffer, type StereoBuffer } from './stereo-buffer.ts';

/** Scales the bed to about −26 dBFS RMS at level 1. */
const WIND_GAIN = 0.42;
const BLOCK = 64;

export function renderWind(level: Float32Array, rng: Rng, sampleRate: number): StereoBuffer {
  const n = level.length;
  const out = createStereoBuffer(n);
  const gust = slowRandomCurve(rng.fork('gust'), n + sampleRate, sampleRate, 0.35, 1.6);
  const flutter = slowRandomCurve(rng.fork('flutter'), n, sampleRate, 3);
  const lag = Math.round(0.3 * sampleRate);
  for (const [side, channel] of [['left', out.left], ['right', out.right]] as const) {
    const noise = whiteNoise(rng.fork('noise', side), n);
    const body = new Biquad();
    const whistle = new Biquad();
    const whistling = new Float32Array(n);
    const offset = side === 'left' ? 0 : lag;
    for (let start = 0; start < n; start += BLOCK) {
      const g = gust[start + offset];
      const end = Math.min(n, start + BLOCK);
      body.setBandpass(220 + 900 * g, 0.55, sampleRate).processRange(noise, channel, start, end);
      whistle.setBandpass(520 + 640 * g + 60 * flutter[start], 14, sampleRate).processRange(noise, whistling, start, end);
      const whistleGain = 1.6 * g * g * g;
      for (let i = start; i < end; i++) {
        const amplitude = (0.18 + 0.82 * gust[i + offset]) * (0.85 + 0.3 * flutter[i]);
        channel[i] = channel[i] * amplitude + whistling[i] * whistleGain;
      }
    }
    Biquad.lowpass(2400, 0.7, sampleRate).processBuffer(channel);
    for (let i = 0; i < n; i++) channel[i] *= WIND_GAIN * level[i];
  }
  return out;
}
