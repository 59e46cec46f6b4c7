/**
 * One storyboard segment → a draft shot: its type, subject, actions, time, mood, pace, lens, rig
 * hints and transitions, each with the words that chose it. The words are gathered by
 * `gatherMentions`, what the people do by `readActions`; what carries across shots (the time of
 * day, the mood, where each character stands) is applied by `interpretStoryboard`.
 */
import { STOPWORDS } from '../../interpret/lexicon/index.ts';
import type { Token } from '../../interpret/tokenize.ts';
import { MAX_SHOT_SECONDS, type Rig, type ShotAction } from '../shot-plan-schema.ts';
import type { Mood, ShotType, TransitionKind } from '../timeline.ts';
import type { WordMatch } from './match-words.ts';
import { readActions, type ActionContext } from './read-actions.ts';
import { ARTICLES, gatherMentions } from './segment-mentions.ts';
import { DEFAULT_FOCAL_LENGTH_MM, DEFAULT_SECONDS, MAX_FOCAL_LENGTH_MM, MIN_FOCAL_LENGTH_MM, MIN_SHOT_SECONDS } from './shot-defaults.ts';

const CHARACTER_TYPES = new Set<ShotType>(['tracking', 'close-up', 'over-the-shoulder', 'pov']);

export interface Chosen<T> {
  value: T;
  /** The words that chose it. */
  words: string[];
  detail?: string;
}

export interface ShotDraft {
  /** A segment with only transition words ("fade to black") makes no shot. */
  transitionOnly: boolean;
  /** Nothing in the segment was understood. */
  empty: boolean;
  type: Chosen<ShotType> & { how: 'words' | 'inferred' };
  subject: Chosen<string> & { how: 'words' | 'inferred' };
  actions: Array<Chosen<ShotAction>>;
  hour?: Chosen<number> & { implied: boolean };
  mood?: Chosen<Mood>;
  /** `stated`: a number of seconds was said (kept when the plan is shortened). */
  durationSeconds: Chosen<number> & { how: 'words' | 'default'; stated: boolean };
  focalLengthMm: Chosen<number> & { how: 'words' | 'default' };
  rig?: Chosen<Rig>;
  transition?: Chosen<TransitionKind>;
  /** "fade to black": how the next shot begins. */
  transitionNext?: Chosen<TransitionKind>;
  unused: string[];
  notices: string[];
  /** Where each acting character ends up (their last destination), by id. */
  arrivals: Map<string, string>;
}

export type ShotContext = ActionContext;

export function readShot(text: string, tokens: readonly Token[], matches: readonly WordMatch[], ctx: ShotContext): ShotDraft {
  const mentions = gatherMentions(text, tokens, matches, ctx.cast);
  const { types, lensScales, lensMm, rigs, pace, seconds, transitions, moods, times, entities, verbs, wordNotes, usedTokens } = mentions;
  const notices = [...mentions.notices];
  const transitionOnly = transitions.length > 0 && entities.length === 0 && types.length === 0 && verbs.length === 0 && times.length === 0 && moods.length === 0;
  const empty = matches.length === 0 && times.length === 0;

  const { actors, actorEntities, actions, arrivals } = readActions(mentions, ctx, notices);

  // The subject.
  let subject: ShotDraft['subject'] | undefined;
  const strong = types.find((t) => t.strong);
  const chosenType = strong ?? types.find((t) => !t.strong);
  for (const t of types) if (strong && t.strong && t.type !== strong.type) notices.push(`"${t.phrase}" also names a shot type (${t.type}); the first, "${strong.phrase}" (${strong.type}), is kept`);
  const firstEntity = entities.find((e) => !e.describes);
  const skyOnly = firstEntity?.kind === 'place' && firstEntity.place.kind === 'sky';
  if (actors.length > 0 && (!chosenType || CHARACTER_TYPES.has(chosenType.type) || firstEntity?.kind === 'character')) {
    const e = actorEntities[0];
    subject = { value: `character:${e.id}`, words: [e.phrase], how: 'words' };
  } else if (firstEntity) {
    if (firstEntity.kind === 'character') subject = { value: `character:${firstEntity.id}`, words: [firstEntity.phrase], how: 'words' };
    else {
      const found = ctx.places.find(firstEntity.place, 'subject');
      if (found?.notice) notices.push(`"${firstEntity.phrase}": ${found.notice}`);
      const words = [firstEntity.phrase, ...entities.filter((e) => e.describes === firstEntity).map((e) => e.span)];
      const describing = entities.filter((e) => e.describes === firstEntity).map((e) => `"${e.span}" describes the ${firstEntity.phrase}; it does not choose which`);
      subject = { value: found?.ref ?? 'world', words, how: 'words', ...(found ? { detail: [found.label, ...describing].join('; ') } : {}) };
    }
  }

  // The type.
  let type: ShotDraft['type'];
  const toward = entities.find((e) => e.preposition && /^towards?$/.test(e.preposition.words));
  if (chosenType) type = { value: chosenType.type, words: [chosenType.phrase], how: 'words' };
  else if (toward && actors.length === 0) type = { value: 'dolly', words: [toward.preposition!.words], how: 'words' };
  else if (skyOnly) type = { value: 'aerial', words: [], how: 'inferred', detail: 'the sky is filmed from the air' };
  else if (subject?.value.startsWith('character:')) type = { value: 'tracking', words: [], how: 'inferred', detail: 'a character: tracking' };
  else type = { value: 'establishing', words: [], how: 'inferred', detail: 'a place: establishing' };

  if (!subject) {
    const ground = type.value !== 'establishing' && type.value !== 'aerial';
    subject = ground
      ? { value: 'spawn', words: [], how: 'inferred', detail: 'nothing named: the spawn, at ground level' }
      : { value: 'world', words: [], how: 'inferred', detail: 'nothing named: the whole map' };
  }
  if (type.value === 'pov' && subject.value.startsWith('character:')) subject.detail = 'through their eyes';

  // Time: the last time said wins; a night-only thing implies night only when no time is said.
  const stated = times.filter((t) => !t.implied);
  if (stated.length > 1) notices.push(`two times of day (${stated.map((t) => `"${t.phrase}"`).join(', ')}); the last wins`);
  const time = stated[stated.length - 1] ?? times.find((t) => t.implied);
  const hour = time && { value: time.hour, words: [time.phrase], implied: time.implied, ...(time.implied ? { detail: 'implied: it is seen at night' } : {}) };

  // Mood: the strongest word; at equal strength the later.
  let mood: ShotDraft['mood'];
  let best = 0;
  for (const m of moods) {
    if (m.strength >= best) {
      best = m.strength;
      mood = { value: m.mood, words: [m.phrase] };
    }
  }

  // Duration and lens.
  let durationSeconds: ShotDraft['durationSeconds'];
  if (seconds) {
    const value = clamp(seconds.value, MIN_SHOT_SECONDS, MAX_SHOT_SECONDS);
    durationSeconds = { value, words: [seconds.phrase], how: 'words', stated: true, ...(value !== seconds.value ? { detail: `kept within ${MIN_SHOT_SECONDS}–${MAX_SHOT_SECONDS} s` } : {}) };
  } else {
    const base = DEFAULT_SECONDS[type.value];
    const value = round1(base * (pace?.factor ?? 1));
    durationSeconds = pace
      ? { value, words: [pace.phrase], how: 'words', stated: false, detail: `${base} s for ${type.value} × ${pace.factor}` }
      : { value, words: [], how: 'default', stated: false, detail: `${type.value}` };
  }
  if (seconds && pace) notices.push(`"${pace.phrase}" is not applied: the shot's length is stated ("${seconds.phrase}")`);
  let focalLengthMm: ShotDraft['focalLengthMm'];
  if (lensMm) {
    const value = clamp(lensMm.mm, MIN_FOCAL_LENGTH_MM, MAX_FOCAL_LENGTH_MM);
    focalLengthMm = { value, words: [lensMm.phrase], how: 'words' };
  } else {
    const base = DEFAULT_FOCAL_LENGTH_MM[type.value];
    const scale = lensScales.reduce((s, l) => s * l.scale, 1);
    const value = Math.round(clamp(base * scale, MIN_FOCAL_LENGTH_MM, MAX_FOCAL_LENGTH_MM));
    focalLengthMm = lensScales.length
      ? { value, words: lensScales.map((l) => l.phrase), how: 'words', detail: `${base} mm for ${type.value} × ${Math.round(scale * 100) / 100}` }
      : { value, words: [], how: 'default', detail: `${type.value}` };
  }

  // Rig hints.
  let rig: ShotDraft['rig'];
  if (rigs.length > 0) {
    const merged: Rig = {};
    for (const r of rigs) Object.assign(merged, r.rig);
    rig = { value: merged, words: rigs.map((r) => r.phrase), detail: rigs.map((r) => r.note).join('; ') };
  }

  // Transitions: how this shot begins, and how the next does.
  const thisTransitions = transitions.filter((t) => t.applies === 'this');
  const nextTransitions = transitions.filter((t) => t.applies === 'next');
  const transition = thisTransitions[0] && { value: thisTransitions[0].kind, words: [thisTransitions[0].phrase] };
  const transitionNext = nextTransitions[nextTransitions.length - 1] && { value: nextTransitions[nextTransitions.length - 1].kind, words: [nextTransitions[nextTransitions.length - 1].phrase] };

  const unused = tokens
    .filter((t) => !usedTokens.has(t.index) && ((t.kind === 'word' && !STOPWORDS.has(t.norm) && !ARTICLES.has(t.norm)) || t.kind === 'number'))
    .map((t) => t.text);
  for (const note of wordNotes) if (!actions.some((a) => a.detail?.includes(note))) notices.push(note);

  return {
    transitionOnly,
    empty,
    type,
    subject,
    actions,
    ...(hour ? { hour } : {}),
    ...(mood ? { mood } : {}),
    durationSeconds,
    focalLengthMm,
    ...(rig ? { rig } : {}),
    ...(transition ? { transition } : {}),
    ...(transitionNext ? { transitionNext } : {}),
    unused,
    notices: [...new Set(notices)],
    arrivals,
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
