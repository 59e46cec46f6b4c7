/**
 * Rain: dense broadband noise (the hiss of many drops, high-passed so it sits above the wind and
 * the water) with a slow breathing of intensity, a soft low patter, and individual near drops —
 * short clicks ringing at a few kHz, scattered in time and across the stereo field, thinned by
 * the level like the water's bubbles.
 */
import type { Rng } from '../seed/rng.ts';
import { Biquad } from './biquad.ts';
import { slowRandomCurve, whiteNoise } from './random-signals.ts';
import { sineOfTurns } from './sine-table.ts';
import { addPanned, createStereoBuffer, type StereoBuffer } from './stereo-buffer.ts';

const HISS_GAIN = 0.12;
const PATTER_GAIN = 0.09;
const DROP_GAIN = 0.09;
/** Near drops per second at level 1. */
const DROP_RATE = 60;

export function renderRain(level: Float32Array, rng: Rng, sampleRate: number): StereoBuffer {
  const n = level.length;
  const out = createStereoBuffer(n);
  const breathing = slowRandomCurve(rng.fork('breathing'), n, sampleRate, 0.25);
  for (const [side, channel] of [['left', out.left], ['right', out.right]] as const) {
    const noise = whiteNoise(rng.fork('noise', side), n);
    const hiss = Biquad.lowpass(11000, 0.7, sampleRate).processBuffer(Biquad.highpass(1500, 0.7, sampleRate).processBuffer(noise, new Float32Array(n)));
    const patter = Biquad.bandpass(420, 0.8, sampleRate).processBuffer(noise);
    for (let i = 0; i < n; i++) {
      const intensity = 0.8 + 0.4 * breathing[i];
      channel[i] = (hiss[i] * HISS_GAIN + patter[i] * PATTER_GAIN) * intensity;
    }
  }
  addDrops(out, level, rng.fork('drops'), sampleRate);
  for (let i = 0; i < n; i++) {
    out.left[i] *= level[i];
    out.right[i] *= level[i];
  }
  return out;
}

function addDrops(out: StereoBuffer, level: Float32Array, rng: Rng, sampleRate: number): void {
  const n = level.length;
  let t = 0;
  for (;;) {
    t += -Math.log(1 - rng.float()) / DROP_RATE;
    const start = Math.floor(t * sampleRate);
    if (start >= n) break;
    const accept = rng.float();
    const frequency = rng.range(1800, 6500);
    const decay = rng.range(0.0015, 0.005);
    const pan = rng.range(-0.9, 0.9);
    const loudness = Math.pow(rng.float(), 2);
    if (accept >= level[start]) continue;
    const length = Math.ceil(decay * 5 * sampleRate);
    const sound = new Float32Array(length);
    const turns = frequency / sampleRate;
    const fall = Math.exp(-1 / (decay * sampleRate));
    const click = rng.range(0.3, 1);
    let env = 1;
    for (let i = 0; i < length; i++) {
      sound[i] = (sineOfTurns(turns * i) + (i < 3 ? click * (rng.float() * 2 - 1) : 0)) * env;
      env *= fall;
    }
    addPanned(out, sound, start, DROP_GAIN * loudness, pan);
  }
}
