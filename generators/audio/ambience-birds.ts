/**
 * Birds: each scene has three or four species, drawn by the seed, and every call is one of them,
 * so the same singers come back. A species is a kind of call and its own pitch and pace:
 *
 * - chirps: 2–6 quick downward sweeps (≈ 6 → 3.5 kHz, 40–70 ms each);
 * - trill: a tone warbling 18–30 times a second in pitch and loudness for half a second or more;
 * - whistle: two or three pure slurred notes ("fee-bee"), 200–350 ms each;
 * - warble: a run of 8–14 short notes gliding between random pitches.
 *
 * Calls arrive as a Poisson process (up to ~1.6 a second) thinned by the level, each at its own
 * place in the stereo field and distance; notes are a sine with a touch of second harmonic and a
 * smooth attack and release, synthesised by phase accumulation along the pitch path.
 */
import type { Rng } from '../seed/rng.ts';
import { sineOfTurns } from './sine-table.ts';
import { addPanned, createStereoBuffer, type StereoBuffer } from './stereo-buffer.ts';

const BIRD_GAIN = 0.1;
/** Calls per second at level 1. */
const CALL_RATE = 1.6;

type CallKind = 'chirps' | 'trill' | 'whistle' | 'warble';
const CALL_KINDS: readonly CallKind[] = ['chirps', 'trill', 'whistle', 'warble'];

interface Species {
  kind: CallKind;
  /** Pitch scale of this species (×), and pace (× durations). */
  pitch: number;
  pace: number;
  /** Whistle intervals, fixed per species so it is recognisable. */
  intervals: number[];
}

/** A note: pitch from f0 to f1 (exponential glide), optional vibrato, over `seconds`. */
interface Note {
  at: number;
  seconds: number;
  f0: number;
  f1: number;
  vibratoHz: number;
  vibratoDepth: number;
  tremolo: boolean;
  amplitude: number;
}

export function renderBirds(level: Float32Array, rng: Rng, sampleRate: number): StereoBuffer {
  const n = level.length;
  const out = createStereoBuffer(n);
  const speciesRng = rng.fork('species');
  const species: Species[] = rng.shuffle([...CALL_KINDS]).slice(0, speciesRng.int(3, 4)).map((kind) => ({
    kind,
    pitch: speciesRng.range(0.8, 1.25),
    pace: speciesRng.range(0.8, 1.25),
    intervals: [1, speciesRng.pick([0.84, 0.75, 0.89, 1.12]), speciesRng.pick([0.84, 1, 0.75])],
  }));
  const calls = rng.fork('calls');
  let t = calls.range(0, 0.5);
  for (;;) {
    const start = Math.floor(t * sampleRate);
    if (start >= n) break;
    const callRng = calls.fork('call', start);
    t += -Math.log(1 - calls.float()) / CALL_RATE;
    if (callRng.float() >= level[start]) continue;
    const bird = callRng.pick(species);
    const notes = composeCall(bird, callRng);
    const sound = synthesise(notes, sampleRate);
    const distance = callRng.range(0.25, 1);
    addPanned(out, sound, start, BIRD_GAIN * distance, callRng.range(-0.9, 0.9));
  }
  for (let i = 0; i < n; i++) {
    out.left[i] *= level[i];
    out.right[i] *= level[i];
  }
  return out;
}

function composeCall(bird: Species, rng: Rng): Note[] {
  const notes: Note[] = [];
  const p = bird.pitch;
  const pace = bird.pace;
  switch (bird.kind) {
    case 'chirps': {
      const count = rng.int(2, 6);
      let at = 0;
      for (let k = 0; k < count; k++) {
        const seconds = rng.range(0.04, 0.07) * pace;
        notes.push({ at, seconds, f0: 6000 * p * rng.range(0.95, 1.05), f1: 3500 * p, vibratoHz: 0, vibratoDepth: 0, tremolo: false, amplitude: rng.range(0.7, 1) });
        at += seconds + rng.range(0.06, 0.12) * pace;
      }
      break;
    }
    case 'trill': {
      const f = 4200 * p * rng.range(0.97, 1.03);
      notes.push({ at: 0, seconds: rng.range(0.45, 0.9) * pace, f0: f, f1: f * rng.range(0.9, 1.05), vibratoHz: rng.range(18, 30), vibratoDepth: rng.range(300, 600), tremolo: true, amplitude: 0.8 });
      break;
    }
    case 'whistle': {
      let at = 0;
      const base = 3000 * p;
      const count = rng.int(2, 3);
      for (let k = 0; k < count; k++) {
        const f = base * bird.intervals[k];
        const seconds = rng.range(0.2, 0.35) * pace;
        notes.push({ at, seconds, f0: f * 1.03, f1: f * 0.98, vibratoHz: 6, vibratoDepth: 15, tremolo: false, amplitude: 1 });
        at += seconds + 0.03 * pace;
      }
      break;
    }
    case 'warble': {
      let at = 0;
      let f = rng.range(2600, 4800) * p;
      const count = rng.int(8, 14);
      for (let k = 0; k < count; k++) {
        const next = rng.range(2500, 5000) * p;
        const seconds = rng.range(0.05, 0.09) * pace;
        notes.push({ at, seconds, f0: f, f1: next, vibratoHz: 0, vibratoDepth: 0, tremolo: false, amplitude: rng.range(0.5, 1) });
        f = next;
        at += seconds + rng.range(0, 0.02);
      }
      break;
    }
  }
  return notes;
}

function synthesise(notes: Note[], sampleRate: number): Float32Array {
  const last = notes[notes.length - 1];
  const sound = new Float32Array(Math.ceil((last.at + last.seconds) * sampleRate) + 1);
  for (const note of notes) {
    const from = Math.floor(note.at * sampleRate);
    const length = Math.floor(note.seconds * sampleRate);
    const ramp = Math.min(length / 2, 0.008 * sampleRate);
    const ratio = note.f1 / note.f0;
    let phase = 0;
    for (let i = 0; i < length; i++) {
      const u = i / length;
      const s = i / sampleRate;
      const vib = note.vibratoHz > 0 ? sineOfTurns(note.vibratoHz * s) : 0;
      const f = note.f0 * Math.pow(ratio, u) + note.vibratoDepth * vib;
      phase += f / sampleRate;
      const edge = Math.min(1, i / ramp, (length - i) / ramp);
      const env = edge * edge * (3 - 2 * edge) * (note.tremolo ? 0.55 + 0.45 * vib : 1);
      sound[from + i] += (sineOfTurns(phase) + 0.15 * sineOfTurns(2 * phase)) * env * note.amplitude;
    }
  }
  return sound;
}
