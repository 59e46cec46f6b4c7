/**
 * What the sound track needs of a timeline and its options, checked before any work: every problem
 * is named with its place in the timeline, and what would be accepted.
 */
import { MAX_SEED } from '../seed/derive-seed.ts';
import { FOOTSTEP_SURFACES, MOODS, type Timeline } from '../shots/timeline.ts';
import { AudioError } from './audio-error.ts';
import { AMBIENCE_BEDS } from './soundtrack.ts';

export const MIN_SAMPLE_RATE = 8000;
export const MAX_SAMPLE_RATE = 192000;
/** An hour: well past any cutscene, short of running out of memory. */
export const MAX_SOUNDTRACK_SECONDS = 3600;

export function validateSoundtrackInput(timeline: Timeline, seed: number, sampleRate: number): void {
  const problems: string[] = [];
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) problems.push(`options.seed is ${seed}: use an integer from 0 to ${MAX_SEED}`);
  if (!Number.isInteger(sampleRate) || sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
    problems.push(`options.sampleRate is ${sampleRate}: use an integer from ${MIN_SAMPLE_RATE} to ${MAX_SAMPLE_RATE} (48000 for video)`);
  }
  if (!(timeline.fps > 0) || !Number.isFinite(timeline.fps)) problems.push(`fps is ${timeline.fps}: it must be a positive number`);
  if (!(timeline.durationSeconds > 0) || timeline.durationSeconds > MAX_SOUNDTRACK_SECONDS) {
    problems.push(`durationSeconds is ${timeline.durationSeconds}: it must be above 0 and at most ${MAX_SOUNDTRACK_SECONDS}`);
  }
  if (!Number.isInteger(timeline.frameCount) || timeline.frameCount < 1 || timeline.frames.length !== timeline.frameCount) {
    problems.push(`frames has ${timeline.frames.length} entries for frameCount ${timeline.frameCount}: there must be one entry per frame`);
  }
  if (timeline.shots.length === 0) problems.push('shots is empty: a timeline needs at least one shot');
  timeline.shots.forEach((shot, s) => {
    const where = `shots[${s}] ("${shot.id}")`;
    if (!MOODS.includes(shot.mood)) problems.push(`${where}.mood is "${shot.mood}": use one of ${MOODS.join(', ')}`);
    if (!Number.isFinite(shot.startSeconds) || !(shot.durationSeconds > 0)) problems.push(`${where} spans ${shot.startSeconds} s + ${shot.durationSeconds} s: both must be finite, the duration above 0`);
    if (!(shot.transitionIn.frames >= 0)) problems.push(`${where}.transitionIn.frames is ${shot.transitionIn.frames}: it must be 0 or more`);
    for (const bed of AMBIENCE_BEDS) {
      const level = shot.ambience?.[bed];
      if (!(level >= 0 && level <= 1)) problems.push(`${where}.ambience.${bed} is ${level}: levels go from 0 to 1`);
    }
    if (s > 0 && shot.startSeconds < timeline.shots[s - 1].startSeconds) problems.push(`${where} starts at ${shot.startSeconds} s, before the shot ahead of it: shots must be in time order`);
  });
  const firstBad = timeline.frames.findIndex((layers) => layers.some((l) => !(l.shot >= 0 && l.shot < timeline.shots.length && Number.isInteger(l.shot)) || !(l.opacity >= 0 && l.opacity <= 1)));
  if (firstBad >= 0) problems.push(`frames[${firstBad}] has a layer whose shot is not an index into shots or whose opacity is outside 0…1`);
  timeline.footsteps.forEach((step, k) => {
    if (!Number.isFinite(step.time) || !step.position.every(Number.isFinite)) problems.push(`footsteps[${k}] has a time or position that is not a finite number`);
    if (!FOOTSTEP_SURFACES.includes(step.surface)) problems.push(`footsteps[${k}].surface is "${step.surface}": use one of ${FOOTSTEP_SURFACES.join(', ')}`);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 12);
    const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
    throw new AudioError(problems.some((p) => p.startsWith('options.')) ? 'AUDIO_OPTIONS' : 'AUDIO_TIMELINE', `Cannot score this timeline:\n  ${shown.join('\n  ')}${more}`);
  }
}
