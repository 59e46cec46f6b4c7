/**
 * One footstep, as a mono sound that starts exactly at the heel strike: a heel hit, then the toe
 * 60–110 ms later and softer. Each surface is a recipe of a few parts, every number varied a little
 * per step by the seed so no two steps are the same sample:
 *
 * | surface | parts |
 * | --- | --- |
 * | grass | soft thump, a mid-band rustle, a few small crackles |
 * | dirt  | firm low thud, a short low crunch |
 * | stone | light thump, a bright click, ringing modes at 2–6 kHz (the clack) |
 * | wood  | hollow knock: modes at ~190–1650 Hz, a click |
 * | sand  | slow soft shuffle of low noise, a faint grain |
 * | snow  | a crunch of dozens of tiny clicks over ~120 ms, a soft thump |
 * | water | a splash of broad noise, a few bubbles, a low plop |
 */
import type { FootstepSurface } from '../shots/timeline.ts';
import type { Rng } from '../seed/rng.ts';
import { Biquad } from './biquad.ts';
import { whiteNoise } from './random-signals.ts';

const TAIL_SECONDS = 0.45;

export function synthesizeFootstep(surface: FootstepSurface, rng: Rng, sampleRate: number): Float32Array {
  const sound = new Float32Array(Math.ceil(TAIL_SECONDS * sampleRate));
  const parts = new StepParts(sound, rng, sampleRate);
  const toeAt = rng.range(0.06, 0.11);
  const toeGain = rng.range(0.4, 0.65);
  for (const [at, gain] of [[0, 1], [toeAt, toeGain]] as const) {
    const g = gain * rng.range(0.85, 1.15);
    const v = (): number => rng.range(0.9, 1.1);
    switch (surface) {
      case 'grass':
        parts.thump(at, 75 * v(), 0.015, 0.35 * g);
        parts.noise(at, 0.004, 0.05 * v(), 1100 * v(), 0.8, 0.8 * g);
        parts.grains(at, 10, 0.07, 1700 * v(), 2, 0.25 * g);
        break;
      case 'dirt':
        parts.thump(at, 85 * v(), 0.025, 0.9 * g);
        parts.noise(at, 0.002, 0.03 * v(), 520 * v(), 0.7, 0.7 * g);
        parts.grains(at, 5, 0.03, 900 * v(), 1.5, 0.2 * g);
        break;
      case 'stone':
        parts.thump(at, 110 * v(), 0.01, 0.35 * g);
        parts.noise(at, 0.0005, 0.004, 4200 * v(), 0.9, 0.8 * g);
        parts.modes(at, [1900, 3150, 4700, 6200].map((f) => f * v()), [0.035, 0.03, 0.022, 0.016], [0.26, 0.22, 0.17, 0.12].map((a) => a * g));
        break;
      case 'wood':
        parts.thump(at, 120 * v(), 0.02, 0.6 * g);
        parts.modes(at, [190, 410, 870, 1650].map((f) => f * v()), [0.05, 0.04, 0.03, 0.02], [0.35, 0.28, 0.2, 0.1].map((a) => a * g));
        parts.noise(at, 0.0005, 0.003, 2500 * v(), 0.9, 0.6 * g);
        break;
      case 'sand':
        parts.noise(at, 0.012, 0.08 * v(), 650 * v(), 0.6, 0.8 * g);
        parts.thump(at, 60 * v(), 0.02, 0.25 * g);
        parts.grains(at, 16, 0.1, 1100 * v(), 1, 0.06 * g);
        break;
      case 'snow':
        parts.grains(at, 40, 0.12 * v(), 2600 * v(), 1.2, 0.6 * g);
        parts.thump(at, 70 * v(), 0.02, 0.35 * g);
        parts.noise(at, 0.003, 0.06, 1400 * v(), 0.8, 0.3 * g);
        break;
      case 'water':
        parts.noise(at, 0.005, 0.12 * v(), 1100 * v(), 0.5, 0.9 * g);
        parts.thump(at, 80 * v(), 0.03, 0.35 * g);
        parts.bubbles(at, 5, 0.15, 0.12 * g);
        break;
    }
  }
  return sound;
}

/** The parts steps are made of, each added into one buffer at a time offset (seconds). */
class StepParts {
  constructor(
    private readonly out: Float32Array,
    private readonly rng: Rng,
    private readonly sampleRate: number,
  ) {}

  /** A low sine whose pitch drops by half as it decays: the body of the foot landing. */
  thump(at: number, frequency: number, decay: number, gain: number): void {
    const from = Math.round(at * this.sampleRate);
    const length = Math.min(this.out.length - from, Math.ceil(decay * 6 * this.sampleRate));
    let phase = 0;
    for (let i = 0; i < length; i++) {
      const s = i / this.sampleRate;
      phase += (2 * Math.PI * frequency * (0.5 + 0.5 * Math.exp(-s / decay))) / this.sampleRate;
      const attack = Math.min(1, i / (0.001 * this.sampleRate));
      this.out[from + i] += Math.sin(phase) * Math.exp(-s / decay) * attack * gain;
    }
  }

  /** Band-passed noise with a linear attack and an exponential decay. */
  noise(at: number, attack: number, decay: number, frequency: number, q: number, gain: number): void {
    const from = Math.round(at * this.sampleRate);
    const length = Math.min(this.out.length - from, Math.ceil((attack + decay * 6) * this.sampleRate));
    const noise = Biquad.bandpass(frequency, q, this.sampleRate).processBuffer(whiteNoise(this.rng, length));
    const attackSamples = Math.max(1, attack * this.sampleRate);
    const fall = Math.exp(-1 / (decay * this.sampleRate));
    let env = 1;
    for (let i = 0; i < length; i++) {
      if (i < attackSamples) this.out[from + i] += noise[i] * (i / attackSamples) * gain;
      else {
        this.out[from + i] += noise[i] * env * gain;
        env *= fall;
      }
    }
  }

  /** Decaying sines: the ringing of a hard surface. */
  modes(at: number, frequencies: number[], decays: number[], gains: number[]): void {
    const from = Math.round(at * this.sampleRate);
    for (let m = 0; m < frequencies.length; m++) {
      const w = (2 * Math.PI * frequencies[m]) / this.sampleRate;
      const length = Math.min(this.out.length - from, Math.ceil(decays[m] * 6 * this.sampleRate));
      const phase = this.rng.float() * 2 * Math.PI;
      for (let i = 0; i < length; i++) {
        const attack = Math.min(1, i / 12);
        this.out[from + i] += Math.sin(w * i + phase) * Math.exp(-i / (decays[m] * this.sampleRate)) * attack * gains[m];
      }
    }
  }

  /** Many tiny filtered clicks spread over `spread` seconds, densest at the start: crackle, crunch. */
  grains(at: number, count: number, spread: number, frequency: number, q: number, gain: number): void {
    const band = Biquad.bandpass(frequency, q, this.sampleRate);
    const from = Math.round(at * this.sampleRate);
    const length = Math.min(this.out.length - from, Math.ceil((spread + 0.01) * this.sampleRate));
    const clicks = new Float32Array(length);
    for (let k = 0; k < count; k++) {
      const i = Math.floor(Math.pow(this.rng.float(), 1.6) * spread * this.sampleRate);
      clicks[i] += (this.rng.float() * 2 - 1) * (0.5 + this.rng.float());
    }
    band.processBuffer(clicks);
    for (let i = 0; i < length; i++) this.out[from + i] += clicks[i] * gain * 6;
  }

  /** Small rising-pitch bubbles after a splash. */
  bubbles(at: number, count: number, spread: number, gain: number): void {
    for (let k = 0; k < count; k++) {
      const from = Math.round((at + 0.01 + this.rng.float() * spread) * this.sampleRate);
      const f0 = this.rng.range(500, 1500);
      const decay = this.rng.range(0.008, 0.02);
      const length = Math.min(this.out.length - from, Math.ceil(decay * 5 * this.sampleRate));
      let phase = 0;
      for (let i = 0; i < length; i++) {
        const s = i / this.sampleRate;
        phase += (2 * Math.PI * f0 * (1 + (0.15 * s) / decay)) / this.sampleRate;
        this.out[from + i] += Math.sin(phase) * Math.exp(-s / decay) * gain;
      }
    }
  }
}
