/**
 * A stream: babbling band-passed noise over a low rumble, and bubbles — the sound of running water
 * is mostly small bubbles ringing as they form (Minnaert resonance), each a decaying sine whose
 * pitch rises as it nears the surface (after van den Doel, "Physically based models for liquid
 * sounds", 2005). Bubbles arrive as a Poisson process thinned by the level, so a quiet brook has
 * fewer of them, not just quieter ones.
 */
import type { Rng } from '../seed/rng.ts';
import { Biquad } from './biquad.ts';
import { slowRandomCurve, whiteNoise } from './random-signals.ts';
import { sineOfTurns } from './sine-table.ts';
import { addPanned, createStereoBuffer, type StereoBuffer } from './stereo-buffer.ts';

const BABBLE_GAIN = 0.3;
const RUMBLE_GAIN = 0.45;
const BUBBLE_GAIN = 0.035;
/** Bubbles per second at level 1. */
const BUBBLE_RATE = 90;

export function renderWater(level: Float32Array, rng: Rng, sampleRate: number): StereoBuffer {
  const n = level.length;
  const out = createStereoBuffer(n);
  const babble = slowRandomCurve(rng.fork('babble'), n, sampleRate, 9);
  for (const [side, channel] of [['left', out.left], ['right', out.right]] as const) {
    const noise = whiteNoise(rng.fork('noise', side), n);
    const band = Biquad.bandpass(950, 0.6, sampleRate).processBuffer(noise, new Float32Array(n));
    const rumble = Biquad.lowpass(180, 0.7, sampleRate).processBuffer(noise);
    for (let i = 0; i < n; i++) channel[i] = band[i] * BABBLE_GAIN * (0.55 + 0.9 * babble[i]) + rumble[i] * RUMBLE_GAIN;
  }
  addBubbles(out, level, rng.fork('bubbles'), sampleRate);
  for (let i = 0; i < n; i++) {
    out.left[i] *= level[i];
    out.right[i] *= level[i];
  }
  return out;
}

function addBubbles(out: StereoBuffer, level: Float32Array, rng: Rng, sampleRate: number): void {
  const n = level.length;
  let t = 0;
  for (;;) {
    t += -Math.log(1 - rng.float()) / BUBBLE_RATE;
    const start = Math.floor(t * sampleRate);
    if (start >= n) break;
    const accept = rng.float();
    const radius = rng.float();
    const pan = rng.range(-0.85, 0.85);
    const loudness = rng.range(0.3, 1);
    if (accept >= level[start]) continue;
    // Bigger bubbles ring lower, longer and louder.
    const f0 = 2600 * Math.pow(0.2, radius);
    const decay = 0.004 + 0.016 * radius;
    const rise = rng.range(0.3, 0.9);
    const length = Math.ceil(decay * 5 * sampleRate);
    const sound = new Float32Array(length);
    const fall = Math.exp(-1 / (decay * sampleRate));
    const turns = f0 / sampleRate;
    const glide = (turns * rise) / length;
    let phase = 0;
    let env = 1;
    for (let i = 0; i < length; i++) {
      phase += turns + glide * i;
      sound[i] = sineOfTurns(phase) * env * (i < 48 ? i / 48 : 1);
      env *= fall;
    }
    addPanned(out, sound, start, BUBBLE_GAIN * loudness * (0.5 + radius), pan);
  }
}
