/**
 * Insects: a chorus of a few individuals, each placed once in the stereo field by the seed.
 *
 * - Cicadas: a narrow noise band at 4–7 kHz chopped by a fast pulse train (the tymbal's clicks,
 *   60–140 Hz), swelling and fading over several seconds.
 * - Crickets: a pure tone at 3.5–5 kHz in chirps of 3–5 pulses (~15 ms each), a chirp every
 *   0.4–1 s with a little jitter.
 */
import type { Rng } from '../seed/rng.ts';
import { Biquad } from './biquad.ts';
import { slowRandomCurve, whiteNoise } from './random-signals.ts';
import { sineOfTurns } from './sine-table.ts';
import { createStereoBuffer, equalPowerPan, type StereoBuffer } from './stereo-buffer.ts';

const CICADA_GAIN = 0.9;
const CRICKET_GAIN = 0.08;

export function renderInsects(level: Float32Array, rng: Rng, sampleRate: number): StereoBuffer {
  const n = level.length;
  const out = createStereoBuffer(n);
  const voice = new Float32Array(n);
  const cicadas = rng.int(1, 2);
  for (let k = 0; k < cicadas; k++) {
    const r = rng.fork('cicada', k);
    voice.fill(0);
    renderCicada(voice, r, sampleRate);
    addVoice(out, voice, level, CICADA_GAIN * r.range(0.6, 1), r.range(-0.7, 0.7));
  }
  const crickets = rng.int(2, 4);
  for (let k = 0; k < crickets; k++) {
    const r = rng.fork('cricket', k);
    voice.fill(0);
    renderCricket(voice, r, sampleRate);
    addVoice(out, voice, level, CRICKET_GAIN * r.range(0.4, 1), r.range(-0.9, 0.9));
  }
  return out;
}

function addVoice(out: StereoBuffer, voice: Float32Array, level: Float32Array, gain: number, pan: number): void {
  const { left, right } = equalPowerPan(pan);
  for (let i = 0; i < voice.length; i++) {
    const x = voice[i] * gain * level[i];
    out.left[i] += x * left;
    out.right[i] += x * right;
  }
}

function renderCicada(out: Float32Array, rng: Rng, sampleRate: number): void {
  const n = out.length;
  const band = Biquad.bandpass(rng.range(4200, 6800), 5, sampleRate);
  const pulseHz = rng.range(60, 140);
  const swell = slowRandomCurve(rng.fork('swell'), n, sampleRate, 0.2, 0.6);
  const buzz = band.processBuffer(whiteNoise(rng.fork('noise'), n));
  const turns = pulseHz / sampleRate;
  for (let i = 0; i < n; i++) {
    const pulse = 0.5 + 0.5 * sineOfTurns(turns * i);
    const p2 = pulse * pulse;
    out[i] = buzz[i] * p2 * p2 * (0.15 + 0.85 * swell[i]);
  }
}

function renderCricket(out: Float32Array, rng: Rng, sampleRate: number): void {
  const n = out.length;
  const turns = rng.range(3500, 5000) / sampleRate;
  const pulses = rng.int(3, 5);
  const pulseSamples = Math.round(0.015 * sampleRate);
  const pulseSpacing = Math.round(rng.range(0.025, 0.035) * sampleRate);
  const period = rng.range(0.4, 1) * sampleRate;
  let start = Math.floor(rng.float() * period);
  while (start < n) {
    for (let p = 0; p < pulses; p++) {
      const from = start + p * pulseSpacing;
      for (let i = 0; i < pulseSamples && from + i < n; i++) {
        const env = sineOfTurns(i / pulseSamples / 2);
        out[from + i] += sineOfTurns(turns * (from + i)) * env * env;
      }
    }
    start += Math.round(period * rng.range(0.85, 1.15));
  }
}
