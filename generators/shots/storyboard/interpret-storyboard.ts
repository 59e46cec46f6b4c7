/**
 * `interpretStoryboard(text, world, {seed})`: storyboard text → a draft ShotPlan for that world,
 * and an explanation of which words chose what. See README.md.
 *
 * Each segment (`readStoryboard`) is tokenized with the world interpreter's tokenizer, its words
 * found (`matchWords`) and read into a draft shot (`readShot`); then what carries from shot to
 * shot is applied here: the time of day and the mood until a shot changes them, where each
 * character stands (their last destination), and a transition said at the end of one segment
 * ("fade to black") for the next shot. Last, lengths are kept within the plan's limits and the
 * plan goes through `parseShotPlan`, so a draft is always a valid ShotPlan.
 */
import { tokenize } from '../../interpret/tokenize.ts';
import { MAX_SEED } from '../../seed/derive-seed.ts';
import type { World } from '../../world/world.ts';
import { parseShotPlan } from '../parse-shot-plan.ts';
import { MAX_SHOTS, SHOT_PLAN_VERSION, type Shot, type ShotPlan } from '../shot-plan-schema.ts';
import type { Mood, TransitionKind } from '../timeline.ts';
import { Cast } from './cast.ts';
import { matchWords } from './match-words.ts';
import { readShot, type Chosen } from './read-shot.ts';
import { readStoryboard } from './read-storyboard.ts';
import { FADE_OUT_SECONDS, MAX_TOTAL_SECONDS, MIN_SHOT_SECONDS, TRANSITION_SECONDS } from './shot-defaults.ts';
import { describeCharacters, type ShotChoice, type ShotExplanation, type StoryboardExplanation } from './storyboard-explanation.ts';
import { StoryboardError } from './storyboard-error.ts';
import { WorldPlaces } from './world-places.ts';

export const NAME = 'interpretStoryboard';

export interface StoryboardOptions {
  /** The seed the looks of characters the world spec does not list derive from (default: the world's seed). */
  seed?: number;
}

export interface StoryboardInterpretation {
  plan: ShotPlan;
  explanation: StoryboardExplanation;
}

const DEFAULT_MOOD: Mood = 'calm';
const MAX_TITLE = 120;
const MAX_DESCRIPTION = 400;

export function interpretStoryboard(text: string, world: World, options: StoryboardOptions = {}): StoryboardInterpretation {
  const seed = checkInputs(world, options);
  const read = readStoryboard(text);
  const places = new WorldPlaces(world);
  const cast = new Cast(world, seed.value);
  const positions = new Map<string, string>();
  const notes = [...read.notes];

  const shots: Shot[] = [];
  const explained: ShotExplanation[] = [];
  let carriedHour: { value: number; from: string } | undefined;
  let carriedMood: { value: Mood; from: string } | undefined;
  let pending: (Chosen<TransitionKind> & { from: string }) | undefined;
  const explicitSeconds = new Set<number>();

  for (const segment of read.segments) {
    const tokens = tokenize(segment.text);
    const draft = readShot(segment.text, tokens, matchWords(tokens, segment.text), { cast, places, positions });
    if (draft.transitionOnly) {
      const t = draft.transitionNext ?? draft.transition!;
      if (pending) notes.push(`"${pending.words.join(' ')}" is followed by "${t.words.join(' ')}"; the later is kept`);
      pending = { ...t, from: segment.text };
      continue;
    }
    if (draft.empty) {
      notes.push(`"${segment.text}" names nothing a shot can show, so it makes no shot${draft.unused.length ? ` (not understood: ${draft.unused.join(', ')})` : ''}`);
      continue;
    }
    if (shots.length === MAX_SHOTS) {
      notes.push(`a plan holds at most ${MAX_SHOTS} shots; "${segment.text}" and what follows are left out`);
      break;
    }
    const id = `shot-${shots.length + 1}`;
    const choices: ShotChoice[] = [];
    const notices = [...draft.notices];
    const choose = (field: ShotChoice['field'], c: { value: unknown; words: string[]; detail?: string }, how: ShotChoice['how']) =>
      choices.push({ field, value: c.value, words: c.words, how, ...(c.detail ? { detail: c.detail } : {}) });

    choose('type', draft.type, draft.type.how);
    choose('subject', draft.subject, draft.subject.how);
    for (const a of draft.actions) choose('action', a, a.words.length ? 'words' : 'inferred');

    let hour: number | undefined;
    if (draft.hour) {
      hour = draft.hour.value;
      choose('time', draft.hour, draft.hour.implied ? 'inferred' : 'words');
      carriedHour = { value: hour, from: id };
    } else if (carriedHour) {
      hour = carriedHour.value;
      choose('time', { value: hour, words: [], detail: `from ${carriedHour.from}` }, 'carried');
    }
    let mood: Mood;
    if (draft.mood) {
      mood = draft.mood.value;
      choose('mood', draft.mood, 'words');
      carriedMood = { value: mood, from: id };
    } else if (carriedMood) {
      mood = carriedMood.value;
      choose('mood', { value: mood, words: [], detail: `from ${carriedMood.from}` }, 'carried');
    } else {
      mood = DEFAULT_MOOD;
      choose('mood', { value: mood, words: [], detail: 'no mood word yet' }, 'default');
    }
    choose('duration', draft.durationSeconds, draft.durationSeconds.how);
    if (draft.durationSeconds.stated) explicitSeconds.add(shots.length);
    choose('lens', draft.focalLengthMm, draft.focalLengthMm.how);
    if (draft.rig) choose('rig', draft.rig, 'words');

    let transition: Chosen<TransitionKind> | undefined = draft.transition;
    if (pending) {
      if (transition) notices.push(`"${pending.words.join(' ')}" before this shot and "${transition.words.join(' ')}" in it; "${transition.words.join(' ')}" is kept`);
      else transition = { value: pending.value, words: pending.words, detail: `said before this shot ("${pending.from}")` };
      pending = undefined;
    }
    if (transition && shots.length === 0 && transition.value === 'crossfade') {
      notices.push(`"${transition.words.join(' ')}": the first shot has nothing to cross-fade from, so it fades in from black`);
      transition = { ...transition, value: 'fade' };
    }

    const shot: Shot = {
      id,
      type: draft.type.value,
      subject: draft.subject.value,
      durationSeconds: draft.durationSeconds.value,
      lens: { focalLengthMm: draft.focalLengthMm.value },
      ...(draft.rig ? { rig: draft.rig.value } : {}),
      ...(transition ? { transition: { kind: transition.value } } : {}),
      ...(hour !== undefined ? { timeOfDay: { hour } } : {}),
      mood,
      ...(draft.actions.length ? { actions: draft.actions.map((a) => a.value) } : {}),
      description: segment.text.slice(0, MAX_DESCRIPTION),
    };
    shots.push(shot);
    explained.push({ shot: id, text: segment.text, choices, unused: draft.unused, notices });
    if (transition) choices.push({ field: 'transition', value: transition.value, words: transition.words, how: 'words', ...(transition.detail ? { detail: transition.detail } : {}) });
    for (const [who, where] of draft.arrivals) positions.set(who, where);
    if (draft.transitionNext) pending = { ...draft.transitionNext, from: segment.text };
  }

  if (shots.length === 0) {
    throw new StoryboardError(
      'STORYBOARD_NO_SHOTS',
      `The storyboard "${read.text}" makes no shot: ${notes.length ? notes.join('; ') : 'it holds only transitions'}. Describe what each shot shows, e.g. "wide establishing shot of the valley at dawn; fade to black".`,
    );
  }

  let ending: StoryboardExplanation['ending'];
  if (pending) {
    if (pending.value === 'fade') {
      ending = { kind: 'fade-to-black', durationSeconds: FADE_OUT_SECONDS, words: pending.words };
      const last = shots[shots.length - 1];
      last.description = `${last.description} (then fade to black)`.slice(0, MAX_DESCRIPTION);
      notes.push(`"${pending.words.join(' ')}" ends the film: ShotPlan v1 has no fade-out, so it is kept as explanation.ending (fade to black over ${FADE_OUT_SECONDS} s) and in the last shot's description`);
    } else notes.push(`"${pending.words.join(' ')}" at the end has no shot to begin; ignored`);
  }

  fitLengths(shots, explicitSeconds, notes, explained);
  for (const [i, shot] of shots.entries()) {
    if (!shot.transition || shot.transition.kind === 'cut') continue;
    const wanted = TRANSITION_SECONDS[shot.transition.kind];
    const seconds = Math.min(wanted, Math.floor((shot.durationSeconds / 2) * 100) / 100);
    shot.transition.durationSeconds = seconds;
    const choice = explained[i].choices.find((c) => c.field === 'transition');
    if (choice && seconds < wanted) choice.detail = [choice.detail, `${seconds} s: at most half the shot`].filter(Boolean).join('; ');
  }

  const plan = parseShotPlan(
    {
      version: SHOT_PLAN_VERSION,
      title: titleOf(read.text),
      world: { seed: world.spec.seed },
      characters: cast.characters,
      shots,
    },
    { source: 'the storyboard interpreter (a bug: please report the storyboard)' },
  );
  return {
    plan,
    explanation: {
      storyboard: read.text,
      seed,
      shots: explained,
      characters: describeCharacters(cast.members),
      ...(ending ? { ending } : {}),
      notes,
    },
  };
}

/** Keeps the whole plan within MAX_TOTAL_SECONDS by scaling the shots whose length no number stated. */
function fitLengths(shots: Shot[], explicit: ReadonlySet<number>, notes: string[], explained: ShotExplanation[]): void {
  const total = shots.reduce((s, shot) => s + shot.durationSeconds, 0);
  if (total <= MAX_TOTAL_SECONDS) return;
  const fixed = shots.reduce((s, shot, i) => s + (explicit.has(i) ? shot.durationSeconds : 0), 0);
  const free = total - fixed;
  const scale = free > 0 && fixed < MAX_TOTAL_SECONDS ? (MAX_TOTAL_SECONDS - fixed) / free : MAX_TOTAL_SECONDS / total;
  shots.forEach((shot, i) => {
    if (explicit.has(i) && free > 0 && fixed < MAX_TOTAL_SECONDS) return;
    shot.durationSeconds = Math.max(MIN_SHOT_SECONDS, Math.floor(shot.durationSeconds * scale * 10) / 10);
    const choice = explained[i].choices.find((c) => c.field === 'duration');
    if (choice) {
      choice.value = shot.durationSeconds;
      choice.detail = [choice.detail, `scaled ×${Math.round(scale * 100) / 100} to fit ${MAX_TOTAL_SECONDS} s`].filter(Boolean).join('; ');
    }
  });
  notes.push(`the shots added up to ${Math.round(total * 10) / 10} s; shortened to about ${MAX_TOTAL_SECONDS} s in all`);
}

function titleOf(text: string): string {
  if (text.length <= MAX_TITLE) return text;
  const cut = text.lastIndexOf(' ', MAX_TITLE - 1);
  return `${text.slice(0, cut > MAX_TITLE / 2 ? cut : MAX_TITLE - 1)}…`;
}

function checkInputs(world: World, options: StoryboardOptions): StoryboardExplanation['seed'] {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new StoryboardError('STORYBOARD_BAD_OPTIONS', `Options must be an object such as { seed: 7 }, but got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : `a ${typeof options}`}.`);
  }
  const { seed } = options;
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)) {
    throw new StoryboardError('STORYBOARD_BAD_OPTIONS', `options.seed must be an integer from 0 to ${MAX_SEED}, but got ${JSON.stringify(seed)}. Leave it out to use the world's seed.`);
  }
  const w = world as Partial<World> | null | undefined;
  if (!w || typeof w !== 'object' || !w.spec || !w.gameplay || !w.terrain || !w.water || !Array.isArray(w.structures) || !w.biomes) {
    throw new StoryboardError('STORYBOARD_BAD_WORLD', 'interpretStoryboard needs a World (the `world` of `await generateWorld(spec)`), to find the places the storyboard names.');
  }
  return seed === undefined ? { value: w.spec.seed, source: 'world' } : { value: seed, source: 'option' };
}
