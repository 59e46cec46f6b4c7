/**
 * The score, before any sound: for each shot a key, a mode, a tempo, chords on a grid anchored at
 * the shot's cut, and the notes of its arpeggio or bell line.
 *
 * - **Mood → music.** Each mood lists (mode, progression) pairs and a tempo: calm and hopeful in
 *   major, mysterious in Dorian, tense in Phrygian (the ♭II), sombre in Aeolian, triumphant in
 *   major or Mixolydian. Progressions use no diminished triads.
 * - **Keys stay close.** The first shot's key signature is drawn from ♭♭…♯♯; each next shot's is
 *   the same (half the time) or one step round the circle of fifths, and its tonic is the new
 *   mode's tonic in that signature. So a crossfade overlays two related keys, never distant ones.
 * - **A new chord at every cut**, exactly at the cut time; if it would repeat the chord sounding at
 *   the cut, the progression starts one chord later.
 * - **Voice leading.** Three upper voices (G3…G5) take, among every voicing of the triad, the one
 *   that moves least from the last (ties to the middle of the range); the bass takes the root
 *   nearest the last bass note in E1…E3.
 * - **The line** (arpeggio or bell) plays only chord tones, on a grid from the cut, so nothing clashes.
 */
import type { Mood, Timeline } from '../shots/timeline.ts';
import { Rng } from '../seed/rng.ts';

export const MODES = {
  ionian: [0, 2, 4, 5, 7, 9, 11],
  dorian: [0, 2, 3, 5, 7, 9, 10],
  phrygian: [0, 1, 3, 5, 7, 8, 10],
  lydian: [0, 2, 4, 6, 7, 9, 11],
  mixolydian: [0, 2, 4, 5, 7, 9, 10],
  aeolian: [0, 2, 3, 5, 7, 8, 10],
} as const;
export type ModeName = keyof typeof MODES;

/** How far each mode's tonic sits above the major key sharing its signature. */
const MODE_OFFSET: Record<ModeName, number> = { ionian: 0, dorian: 2, phrygian: 4, lydian: 5, mixolydian: 7, aeolian: 9 };

export type LineInstrument = 'pluck' | 'bell';

interface MoodScore {
  tempo: number;
  beatsPerChord: number;
  choices: Array<{ mode: ModeName; progression: number[] }>;
  line: LineInstrument;
  /** Line notes per beat, and the chance each grid step sounds. */
  subdivision: number;
  density: number;
}

export const MOOD_SCORES: Record<Mood, MoodScore> = {
  calm: {
    tempo: 66,
    beatsPerChord: 8,
    choices: [
      { mode: 'ionian', progression: [1, 4, 1, 5] },
      { mode: 'ionian', progression: [1, 6, 4, 5] },
      { mode: 'lydian', progression: [1, 2, 1, 5] },
    ],
    line: 'pluck',
    subdivision: 2,
    density: 0.55,
  },
  hopeful: {
    tempo: 84,
    beatsPerChord: 8,
    choices: [
      { mode: 'ionian', progression: [1, 5, 6, 4] },
      { mode: 'ionian', progression: [1, 3, 4, 5] },
      { mode: 'mixolydian', progression: [1, 7, 4, 1] },
    ],
    line: 'pluck',
    subdivision: 2,
    density: 0.75,
  },
  mysterious: {
    tempo: 60,
    beatsPerChord: 8,
    choices: [
      { mode: 'dorian', progression: [1, 4, 1, 7] },
      { mode: 'dorian', progression: [1, 2, 1, 4] },
      { mode: 'aeolian', progression: [1, 6, 3, 7] },
    ],
    line: 'bell',
    subdivision: 1,
    density: 0.75,
  },
  tense: {
    tempo: 96,
    beatsPerChord: 4,
    choices: [
      { mode: 'phrygian', progression: [1, 2, 1, 7] },
      { mode: 'phrygian', progression: [1, 2, 6, 2] },
      { mode: 'aeolian', progression: [1, 6, 4, 5] },
    ],
    line: 'pluck',
    subdivision: 2,
    density: 0.9,
  },
  sombre: {
    tempo: 56,
    beatsPerChord: 8,
    choices: [
      { mode: 'aeolian', progression: [1, 6, 4, 1] },
      { mode: 'aeolian', progression: [1, 4, 6, 5] },
      { mode: 'dorian', progression: [1, 7, 4, 1] },
    ],
    line: 'bell',
    subdivision: 1,
    density: 0.45,
  },
  triumphant: {
    tempo: 100,
    beatsPerChord: 4,
    choices: [
      { mode: 'ionian', progression: [1, 4, 5, 1] },
      { mode: 'ionian', progression: [1, 6, 4, 5] },
      { mode: 'mixolydian', progression: [1, 7, 4, 1] },
    ],
    line: 'pluck',
    subdivision: 2,
    density: 0.85,
  },
};

export interface PlannedChord {
  /** Seconds; the first chord of a shot starts at its `from`, the second on the grid after the cut. */
  start: number;
  end: number;
  /** Scale degree, 1 … 7. */
  degree: number;
  /** The triad's pitch classes, root first (0 = C). */
  pitchClasses: number[];
  /** MIDI notes, bass first, then three upper voices low to high. */
  voicing: number[];
}

export interface PlannedNote {
  time: number;
  midi: number;
  /** 0 … 1. */
  velocity: number;
}

export interface ShotScore {
  shot: number;
  mood: Mood;
  /** Pitch class of the tonic, 0 = C. */
  tonic: number;
  mode: ModeName;
  tempo: number;
  /** When this shot's music may sound: its span, widened over the transitions around it. */
  from: number;
  to: number;
  /** The cut: when its first chord must be sounding. */
  cut: number;
  chords: PlannedChord[];
  line: LineInstrument;
  notes: PlannedNote[];
}

export interface MusicPlan {
  shots: ShotScore[];
}

const UPPER_LOW = 55;
const UPPER_HIGH = 79;
const BASS_LOW = 28;
const BASS_HIGH = 52;
/** How long a shot's music keeps sounding past its span when the next one fades or crossfades in. */
const TRANSITION_MARGIN_SECONDS = 0.25;

export function planMusic(timeline: Timeline, seed: number): MusicPlan {
  const rng = new Rng(seed).fork('music-plan');
  const shots: ShotScore[] = [];
  let signature = rng.int(-2, 2);
  let upper: number[] | null = null;
  let bass: number | null = null;
  let previous: ShotScore | null = null;
  timeline.shots.forEach((shot, index) => {
    const shotRng = rng.fork('shot', index);
    const score = MOOD_SCORES[shot.mood];
    if (previous) {
      const step = shotRng.float();
      signature += step < 0.5 ? 0 : step < 0.75 ? 1 : -1;
      if (signature > 4) signature -= 2;
      if (signature < -4) signature += 2;
    }
    const choice = shotRng.pick(score.choices);
    const tonic = mod12(signature * 7 + MODE_OFFSET[choice.mode]);
    const tempo = score.tempo * shotRng.range(0.96, 1.04);
    const chordSeconds = (score.beatsPerChord * 60) / tempo;
    const cut = shot.startSeconds;
    const next = timeline.shots[index + 1];
    const lead = shot.transitionIn.kind === 'cut' ? 0 : shot.transitionIn.frames / timeline.fps + TRANSITION_MARGIN_SECONDS;
    const trail = next && next.transitionIn.kind !== 'cut' ? next.transitionIn.frames / timeline.fps + TRANSITION_MARGIN_SECONDS : 0;
    const from = Math.max(0, cut - lead);
    const to = Math.min(timeline.durationSeconds, cut + shot.durationSeconds + trail);

    let first = 0;
    const sounding = previous ? chordAt(previous, cut) : null;
    const triadOf = (degree: number): number[] => triad(tonic, choice.mode, degree);
    if (sounding && samePitchClasses(triadOf(choice.progression[0]), sounding.pitchClasses)) first = 1;

    const chords: PlannedChord[] = [];
    const count = Math.max(1, Math.ceil((to - cut) / chordSeconds));
    if (sounding) {
      upper = sounding.voicing.slice(1);
      bass = sounding.voicing[0];
    }
    for (let k = 0; k < count; k++) {
      const degree = choice.progression[(first + k) % choice.progression.length];
      const pitchClasses = triadOf(degree);
      upper = voiceUpper(pitchClasses, upper);
      bass = voiceBass(pitchClasses[0], bass);
      chords.push({
        start: k === 0 ? from : cut + k * chordSeconds,
        end: k === count - 1 ? to : cut + (k + 1) * chordSeconds,
        degree,
        pitchClasses,
        voicing: [bass, ...upper],
      });
    }
    const plan: ShotScore = { shot: index, mood: shot.mood, tonic, mode: choice.mode, tempo, from, to, cut, chords, line: score.line, notes: [] };
    plan.notes = planLine(plan, score, shotRng.fork('line'));
    shots.push(plan);
    previous = plan;
  });
  return { shots };
}

/** The chord of a shot sounding at `seconds` (its last, past the end). */
export function chordAt(score: ShotScore, seconds: number): PlannedChord {
  for (const chord of score.chords) if (seconds < chord.end) return chord;
  return score.chords[score.chords.length - 1];
}

export function midiToHz(midi: number): number {
  return 440 * Math.pow(2, (midi - 69) / 12);
}

function triad(tonic: number, mode: ModeName, degree: number): number[] {
  const scale = MODES[mode];
  const at = (k: number): number => mod12(tonic + scale[(degree - 1 + k) % 7]);
  return [at(0), at(2), at(4)];
}

function voiceUpper(pitchClasses: number[], previous: number[] | null): number[] {
  const options = pitchClasses.map((pc) => {
    const notes: number[] = [];
    for (let m = UPPER_LOW; m <= UPPER_HIGH; m++) if (mod12(m) === pc) notes.push(m);
    return notes;
  });
  let best: number[] = [];
  let bestCost = Infinity;
  for (const a of options[0]) {
    for (const b of options[1]) {
      for (const c of options[2]) {
        const voicing = [a, b, c].sort((x, y) => x - y);
        if (voicing[2] - voicing[0] > 14) continue;
        const centre = (voicing[0] + voicing[2]) / 2;
        const movement = previous ? voicing.reduce((sum, m, k) => sum + Math.abs(m - previous[k]), 0) : 0;
        const cost = movement + 0.25 * Math.abs(centre - 66);
        if (cost < bestCost) {
          bestCost = cost;
          best = voicing;
        }
      }
    }
  }
  return best;
}

function voiceBass(root: number, previous: number | null): number {
  const target = previous ?? 40;
  let best = BASS_LOW;
  for (let m = BASS_LOW; m <= BASS_HIGH; m++) {
    if (mod12(m) === root && (mod12(best) !== root || Math.abs(m - target) < Math.abs(best - target))) best = m;
  }
  return best;
}

function planLine(score: ShotScore, mood: MoodScore, rng: Rng): PlannedNote[] {
  const notes: PlannedNote[] = [];
  const step = 60 / score.tempo / mood.subdivision;
  const pattern = rng.pick(['up', 'up-down', 'broken', 'wander'] as const);
  let index = 0;
  let wander = 2;
  let chordIndex = -1;
  for (let k = 0; ; k++) {
    const time = score.cut + k * step;
    if (time >= score.to) break;
    const chord = chordAt(score, time);
    const newChord = score.chords.indexOf(chord) !== chordIndex;
    chordIndex = score.chords.indexOf(chord);
    const sounds = rng.float() < (newChord ? 1 : mood.density);
    const velocityJitter = rng.range(0.6, 0.85);
    if (!sounds) continue;
    const tones = [...chord.voicing.slice(1), chord.voicing[1] + 12, chord.voicing[2] + 12, chord.voicing[3] + 12].map((m) => (score.line === 'bell' ? m + 12 : m));
    let pick: number;
    switch (pattern) {
      case 'up':
        pick = index % tones.length;
        break;
      case 'up-down': {
        const period = 2 * (tones.length - 1);
        const p = index % period;
        pick = p < tones.length ? p : period - p;
        break;
      }
      case 'broken':
        pick = [0, 2, 1, 3, 2, 4, 3, 5][index % 8];
        break;
      case 'wander':
        wander = Math.max(0, Math.min(tones.length - 1, wander + rng.pick([-1, -1, 1, 1, 2, -2])));
        pick = wander;
        break;
    }
    index++;
    notes.push({ time, midi: tones[pick], velocity: newChord ? 1 : velocityJitter });
  }
  return notes;
}

function samePitchClasses(a: number[], b: number[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function mod12(n: number): number {
  return ((n % 12) + 12) % 12;
}
