/**
 * The score played: per shot, into its own buffer over its span, then faded by how much of the
 * picture that shot holds (so cuts switch harmony in ~40 ms and crossfades cross-fade it), and the
 * whole bed dipped by the black of fades.
 *
 * - **Pad**: each upper voice two polyBLEP sawtooths ±5–9 cents apart, one leaning left, one right,
 *   plus a sine; the bass a sine with a little saw. Through a 12 dB/oct low-pass whose cut-off
 *   (mood-dependent) breathes slowly. Chords swell in over 0.4 s and ring 0.6 s past their end —
 *   except the first chord after a cut, which must land on the cut and comes in over 60 ms.
 * - **Drone**: the shot's tonic, two octaves under middle C or so, sine and octave, slowly pulsing.
 * - **Line**: a Karplus–Strong pluck (tuned with a fractional allpass) or a soft FM bell (ratio
 *   3.5, index falling fast, so the strike shimmers and the tail is nearly pure).
 */
import type { Timeline } from '../shots/timeline.ts';
import type { Rng } from '../seed/rng.ts';
import { Biquad } from './biquad.ts';
import { midiToHz, type MusicPlan, type ShotScore } from './music-plan.ts';
import { sineOfTurns } from './sine-table.ts';
import { createStereoBuffer, equalPowerPan, type StereoBuffer } from './stereo-buffer.ts';
import { framesToSamples, type VisibleWeights } from './timeline-curves.ts';

const PAD_GAIN = 0.035;
const BASS_GAIN = 0.05;
const DRONE_GAIN = 0.025;
const PLUCK_GAIN = 0.11;
const BELL_GAIN = 0.06;
const PAD_CUTOFF: Record<string, number> = { calm: 1100, hopeful: 1500, mysterious: 800, tense: 1300, sombre: 700, triumphant: 2000 };
const CHORD_ATTACK = 0.4;
const CUT_ATTACK = 0.06;
const CHORD_RELEASE = 0.6;
const LINE_TAIL_SECONDS = 2;
/** How much of the music a fully black frame takes away. */
export const MUSIC_BLACK_DIP = 0.85;
/** Smoothing of the harmony's hand-over at a cut, seconds. */
const MUSIC_SWITCH_SECONDS = 0.04;

export function renderMusic(timeline: Timeline, plan: MusicPlan, weights: VisibleWeights, rng: Rng, sampleRate: number, frameCount: number): StereoBuffer {
  const out = createStereoBuffer(frameCount);
  for (const score of plan.shots) {
    const from = Math.round(score.from * sampleRate);
    const to = Math.min(frameCount, Math.round((score.to + LINE_TAIL_SECONDS) * sampleRate));
    if (to <= from) continue;
    const local = createStereoBuffer(to - from);
    const shotRng = rng.fork('shot', score.shot);
    renderPad(local, score, from, sampleRate, shotRng.fork('pad'));
    renderDrone(local, score, from, sampleRate);
    renderLine(local, score, from, sampleRate, shotRng.fork('line'));
    const share = framesToSamples(weights.shares[score.shot], timeline.fps, sampleRate, { from, to }, MUSIC_SWITCH_SECONDS).values;
    for (let i = 0; i < local.left.length; i++) {
      out.left[from + i] += local.left[i] * share[i];
      out.right[from + i] += local.right[i] * share[i];
    }
  }
  const dipPerFrame = weights.black.map((b) => 1 - MUSIC_BLACK_DIP * b);
  const dip = framesToSamples(dipPerFrame, timeline.fps, sampleRate, { from: 0, to: frameCount }, 0.15).values;
  for (let i = 0; i < frameCount; i++) {
    out.left[i] *= dip[i];
    out.right[i] *= dip[i];
  }
  return out;
}

function renderPad(local: StereoBuffer, score: ShotScore, offset: number, sampleRate: number, rng: Rng): void {
  const n = local.left.length;
  const dryLeft = new Float32Array(n);
  const dryRight = new Float32Array(n);
  score.chords.forEach((chord, k) => {
    const attack = k === 0 && score.from === score.cut ? CUT_ATTACK : k === 0 ? Math.min(CHORD_ATTACK, Math.max(CUT_ATTACK, score.cut - score.from)) : CHORD_ATTACK;
    const start = Math.max(0, Math.round(chord.start * sampleRate) - offset);
    const end = Math.min(n, Math.round((chord.end + CHORD_RELEASE) * sampleRate) - offset);
    if (end <= start) return;
    const envelope = chordEnvelope(end - start, Math.round(chord.start * sampleRate) - offset - start, Math.round(chord.end * sampleRate) - offset - start, attack * sampleRate, CHORD_RELEASE * sampleRate);
    chord.voicing.forEach((midi, voice) => {
      const frequency = midiToHz(midi);
      const isBass = voice === 0;
      const detune = Math.pow(2, rng.range(5, 9) / 1200);
      const incA = (frequency * detune) / sampleRate;
      const incB = frequency / detune / sampleRate;
      const incS = frequency / sampleRate;
      let pa = rng.float();
      let pb = rng.float();
      let ps = 0;
      const lean = isBass ? 0 : (voice - 2) * 0.25;
      const gain = isBass ? BASS_GAIN : PAD_GAIN;
      for (let i = start; i < end; i++) {
        const env = envelope[i - start] * gain;
        pa += incA;
        if (pa >= 1) pa -= 1;
        ps += incS;
        if (ps >= 1) ps -= 1;
        const sine = sineOfTurns(ps);
        if (isBass) {
          const x = (sine + 0.15 * polyBlepSaw(pa, incA)) * env;
          dryLeft[i] += x;
          dryRight[i] += x;
        } else {
          pb += incB;
          if (pb >= 1) pb -= 1;
          const sawA = polyBlepSaw(pa, incA);
          const sawB = polyBlepSaw(pb, incB);
          dryLeft[i] += ((0.65 - lean) * sawA + (0.35 + lean) * sawB + 0.5 * sine) * env;
          dryRight[i] += ((0.35 + lean) * sawA + (0.65 - lean) * sawB + 0.5 * sine) * env;
        }
      }
    });
  });
  const base = PAD_CUTOFF[score.mood];
  const filters = [new Biquad(), new Biquad()];
  const block = 128;
  for (let start = 0; start < n; start += block) {
    const t = (offset + start) / sampleRate;
    const cutoff = base * (1 + 0.25 * Math.sin(2 * Math.PI * 0.07 * t));
    filters[0].setLowpass(cutoff, 0.8, sampleRate);
    filters[1].setLowpass(cutoff * 1.03, 0.8, sampleRate);
    const end = Math.min(n, start + block);
    filters[0].processRange(dryLeft, dryLeft, start, end);
    filters[1].processRange(dryRight, dryRight, start, end);
  }
  for (let i = 0; i < n; i++) {
    local.left[i] += dryLeft[i];
    local.right[i] += dryRight[i];
  }
}

/** sin² swell from `attackStart` over `attackSamples`, cos² fall from `releaseStart`; indices local. */
function chordEnvelope(length: number, attackStart: number, releaseStart: number, attackSamples: number, releaseSamples: number): Float32Array {
  const envelope = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const a = (i - attackStart) / Math.max(1, attackSamples);
    let env = a < 0 ? 0 : a < 1 ? Math.sin((a * Math.PI) / 2) ** 2 : 1;
    if (i >= releaseStart) env *= Math.cos((Math.min(1, (i - releaseStart) / releaseSamples) * Math.PI) / 2) ** 2;
    envelope[i] = env;
  }
  return envelope;
}

function renderDrone(local: StereoBuffer, score: ShotScore, offset: number, sampleRate: number): void {
  let midi = 31 + ((score.tonic - 31 + 120) % 12);
  if (midi < 31) midi += 12;
  const inc = midiToHz(midi) / sampleRate;
  const start = Math.max(0, Math.round(score.from * sampleRate) - offset);
  const end = Math.min(local.left.length, Math.round((score.to + CHORD_RELEASE) * sampleRate) - offset);
  const fade = 0.5 * sampleRate;
  let phase = 0;
  for (let i = start; i < end; i++) {
    phase += inc;
    if (phase >= 1) phase -= 1;
    const t = (offset + i) / sampleRate;
    const edge = Math.min(1, (i - start) / fade, (end - i) / fade);
    const pulse = 0.8 + 0.2 * sineOfTurns(0.11 * t);
    const x = (sineOfTurns(phase) + 0.35 * sineOfTurns(2 * phase)) * DRONE_GAIN * pulse * edge;
    local.left[i] += x;
    local.right[i] += x;
  }
}

function renderLine(local: StereoBuffer, score: ShotScore, offset: number, sampleRate: number, rng: Rng): void {
  score.notes.forEach((note, k) => {
    const start = Math.round(note.time * sampleRate) - offset;
    if (start < 0 || start >= local.left.length) return;
    const pan = equalPowerPan(k % 2 === 0 ? -0.3 : 0.3);
    const sound = score.line === 'pluck' ? pluck(midiToHz(note.midi), note.velocity, rng.fork('note', k), sampleRate) : bell(midiToHz(note.midi), note.velocity, sampleRate);
    const gain = score.line === 'pluck' ? PLUCK_GAIN : BELL_GAIN;
    const to = Math.min(sound.length, local.left.length - start);
    for (let i = 0; i < to; i++) {
      local.left[start + i] += sound[i] * gain * pan.left;
      local.right[start + i] += sound[i] * gain * pan.right;
    }
  });
}

/** Karplus–Strong: a noise burst circulating in a delay line one period long, averaged each pass. */
function pluck(frequency: number, velocity: number, rng: Rng, sampleRate: number): Float32Array {
  const seconds = 1.6;
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const period = sampleRate / frequency;
  const length = Math.floor(period - 0.5 - 0.1);
  const fraction = period - 0.5 - length;
  const c = (1 - fraction) / (1 + fraction);
  const line = new Float32Array(length);
  // A soft pick: the burst low-passed, brighter when struck harder.
  const softness = 0.75 - 0.35 * velocity;
  let smooth = 0;
  for (let i = 0; i < length; i++) {
    smooth = smooth * softness + (rng.float() * 2 - 1) * (1 - softness);
    line[i] = smooth;
  }
  let mean = 0;
  for (let i = 0; i < length; i++) mean += line[i];
  mean /= length;
  for (let i = 0; i < length; i++) line[i] -= mean;
  const loss = Math.pow(0.001, 1 / (seconds * frequency));
  let last = 0;
  let apIn = 0;
  let apOut = 0;
  let idx = 0;
  for (let i = 0; i < out.length; i++) {
    const y = line[idx];
    const averaged = 0.5 * (y + last) * loss;
    last = y;
    const ap = c * averaged + apIn - c * apOut;
    apIn = averaged;
    apOut = ap;
    line[idx] = ap;
    idx = idx + 1 === length ? 0 : idx + 1;
    const fadeOut = i > out.length - 480 ? (out.length - i) / 480 : 1;
    out[i] = y * velocity * 2.2 * fadeOut;
  }
  return out;
}

/** Two-operator FM bell: strike shimmer from a fast-falling index, a long nearly pure tail. */
function bell(frequency: number, velocity: number, sampleRate: number): Float32Array {
  const seconds = 2.2;
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const turns = frequency / sampleRate;
  const indexFall = Math.exp(-1 / (0.09 * sampleRate));
  const ampFall = Math.exp(-1 / (0.7 * sampleRate));
  let index = (1.1 * velocity) / (2 * Math.PI);
  let amplitude = velocity;
  for (let i = 0; i < out.length; i++) {
    const attack = Math.min(1, i / (0.004 * sampleRate));
    const fadeOut = i > out.length - 480 ? (out.length - i) / 480 : 1;
    out[i] = sineOfTurns(turns * i + index * sineOfTurns(3.5 * turns * i)) * amplitude * attack * fadeOut;
    index *= indexFall;
    amplitude *= ampFall;
  }
  return out;
}

function polyBlepSaw(phase: number, inc: number): number {
  let y = 2 * phase - 1;
  if (phase < inc) {
    const t = phase / inc;
    y -= t + t - t * t - 1;
  } else if (phase > 1 - inc) {
    const t = (phase - 1) / inc;
    y -= t * t + t + t + 1;
  }
  return y;
}
