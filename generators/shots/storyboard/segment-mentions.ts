/**
 * What one storyboard segment mentions, gathered from its matched words and raw tokens: shot-type,
 * lens, rig, pace, transition, mood and time words; numbers with their units ("5 seconds", "50mm",
 * "6 pm", "360"); verbs; and the things it names (people, pronouns, places) as entities, each with
 * the preposition before it — read from the raw words, skipping articles: "to/toward/into" a
 * destination, "along/through/across/past/over/around/in" a way, "at/on" something to face,
 * "from" a start, "of" a subject — or the verb it is the object of ("watching the sea"). A place
 * right after a structure with "on/by/in/near/at/above/overlooking" only describes it ("the castle
 * on the ridge").
 */
import type { Token } from '../../interpret/tokenize.ts';
import type { Rig } from '../shot-plan-schema.ts';
import type { Mood, ShotType, TransitionKind } from '../timeline.ts';
import type { Cast } from './cast.ts';
import type { WordMatch } from './match-words.ts';
import type { Place, StoryboardReading } from './storyboard-words.ts';

export type Preposition = 'to' | 'via' | 'at' | 'from' | 'of';

/** Preposition phrases, read from the words before a thing; longest first. */
const PREPOSITIONS: ReadonlyArray<[string, Preposition]> = [
  ['all the way to', 'to'],
  ['in front of', 'to'],
  ['as far as', 'to'],
  ['up to', 'to'],
  ['out of', 'from'],
  ['away from', 'from'],
  ['up at', 'at'],
  ['out at', 'at'],
  ['out over', 'at'],
  ['out to', 'at'],
  ['down at', 'at'],
  ['to', 'to'],
  ['toward', 'to'],
  ['towards', 'to'],
  ['into', 'to'],
  ['onto', 'to'],
  ['inside', 'to'],
  ['along', 'via'],
  ['alongside', 'via'],
  ['through', 'via'],
  ['across', 'via'],
  ['past', 'via'],
  ['over', 'via'],
  ['via', 'via'],
  ['around', 'via'],
  ['round', 'via'],
  ['down', 'via'],
  ['up', 'via'],
  ['under', 'via'],
  ['between', 'via'],
  ['among', 'via'],
  ['beside', 'via'],
  ['by', 'via'],
  ['near', 'via'],
  ['in', 'via'],
  ['within', 'via'],
  ['above', 'via'],
  ['overlooking', 'at'],
  ['at', 'at'],
  ['on', 'at'],
  ['upon', 'at'],
  ['atop', 'at'],
  ['from', 'from'],
  ['of', 'of'],
];
const MAX_PREPOSITION_WORDS = 4;
/** Prepositions by which a place describes the structure before it rather than naming a new place. */
const DESCRIBING = new Set(['on', 'upon', 'atop', 'by', 'beside', 'near', 'in', 'within', 'at', 'above', 'overlooking', 'over']);
export const ARTICLES = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'some', 'her', 'his', 'their', 'our', 'my']);

export interface EntityBase {
  phrase: string;
  from: number;
  to: number;
  /** The preposition before it, and its words. */
  preposition?: { kind: Preposition; words: string };
  /** The words from the preposition to the end of the thing ("along the river"). */
  span: string;
  /** The verb it is the object of ("watching the sea"). */
  objectOf?: VerbMention;
  /** A place that only describes the structure before it ("the castle on the ridge"). */
  describes?: Entity;
}
export type Entity = (EntityBase & { kind: 'character'; id: string }) | (EntityBase & { kind: 'place'; place: Place });

export interface VerbMention {
  verb: 'walk' | 'idle' | 'follow' | 'open';
  phrase: string;
  from: number;
  note?: string;
}

export interface SegmentMentions {
  types: Array<{ type: ShotType; strong: boolean; phrase: string }>;
  lensScales: Array<{ scale: number; phrase: string }>;
  lensMm?: { mm: number; phrase: string };
  rigs: Array<{ rig: Rig; phrase: string; note: string }>;
  pace?: { factor: number; phrase: string };
  seconds?: { value: number; phrase: string };
  transitions: Array<{ kind: TransitionKind; applies: 'this' | 'next'; phrase: string }>;
  moods: Array<{ mood: Mood; strength: number; phrase: string }>;
  times: Array<{ hour: number; implied: boolean; phrase: string }>;
  entities: Entity[];
  verbs: VerbMention[];
  /** Notes the words carry ("riding is shown as walking"). */
  wordNotes: string[];
  notices: string[];
  /** Token positions read (for the unused words). */
  usedTokens: Set<number>;
}

export function gatherMentions(text: string, tokens: readonly Token[], matches: readonly WordMatch[], cast: Cast): SegmentMentions {
  const notices: string[] = [];
  const covered: Array<WordMatch | undefined> = new Array(tokens.length).fill(undefined);
  for (const m of matches) for (let t = m.from; t < m.to; t++) covered[t] = m;
  const usedTokens = new Set<number>();
  const useMatch = (m: WordMatch) => {
    for (let t = m.from; t < m.to; t++) usedTokens.add(t);
  };

  const types: Array<{ type: ShotType; strong: boolean; phrase: string }> = [];
  const lensScales: Array<{ scale: number; phrase: string }> = [];
  let lensMm: { mm: number; phrase: string } | undefined;
  const rigs: Array<{ rig: Rig; phrase: string; note: string }> = [];
  let pace: { factor: number; phrase: string } | undefined;
  let seconds: { value: number; phrase: string } | undefined;
  const transitions: Array<{ kind: TransitionKind; applies: 'this' | 'next'; phrase: string }> = [];
  const moods: Array<{ mood: Mood; strength: number; phrase: string }> = [];
  const times: Array<{ hour: number; implied: boolean; phrase: string }> = [];
  const entities: Entity[] = [];
  const verbs: VerbMention[] = [];
  const wordNotes: string[] = [];
  let another = false;

  // Numbers with their units: "5 seconds", "50mm", "6 pm", "360 degrees"; and clock times.
  const numberBefore = (m: WordMatch): Token | undefined => {
    const t = tokens[m.from - 1];
    return t && t.kind === 'number' && !covered[t.index] ? t : undefined;
  };
  for (const t of tokens) {
    if (t.kind === 'time') {
      if (Number.isFinite(t.value)) {
        times.push({ hour: t.value!, implied: false, phrase: t.text });
        usedTokens.add(t.index);
      } else notices.push(`"${t.text}" is no time of day (hours 0–24, minutes 0–59)`);
    }
  }

  for (const m of matches) {
    for (const entry of m.words) {
      for (const r of entry.readings) readReading(r, m, entry.note);
    }
  }

  function readReading(r: StoryboardReading, m: WordMatch, note: string | undefined): void {
    switch (r.role) {
      case 'shot-type':
        types.push({ type: r.type, strong: r.strong, phrase: m.phrase });
        break;
      case 'lens':
        lensScales.push({ scale: r.scale, phrase: m.phrase });
        break;
      case 'rig':
        rigs.push({ rig: r.rig, phrase: m.phrase, note: r.note });
        break;
      case 'pace':
        pace = { factor: r.factor, phrase: m.phrase };
        break;
      case 'transition':
        transitions.push({ kind: r.kind, applies: r.applies, phrase: m.phrase });
        break;
      case 'mood':
        moods.push({ mood: r.mood, strength: r.strength, phrase: m.phrase });
        break;
      case 'time':
        times.push({ hour: r.hour, implied: r.implied ?? false, phrase: m.phrase });
        break;
      case 'another':
        another = true;
        break;
      case 'character': {
        const found = cast.mention(r.archetype, m.phrase.replace(/'s$/, ''), another);
        another = false;
        if (found.notice) notices.push(found.notice);
        if (found.id) entities.push({ kind: 'character', id: found.id, phrase: m.phrase, span: m.phrase, from: m.from, to: m.to });
        break;
      }
      case 'pronoun': {
        const found = cast.pronoun(m.phrase, r.trait);
        if (found.notice) notices.push(found.notice);
        if (found.id) entities.push({ kind: 'character', id: found.id, phrase: m.phrase, span: m.phrase, from: m.from, to: m.to });
        break;
      }
      case 'place':
        entities.push({ kind: 'place', place: r.place, phrase: m.phrase, span: m.phrase, from: m.from, to: m.to });
        break;
      case 'verb':
        verbs.push({ verb: r.verb, phrase: m.phrase, from: m.from, ...(r.note ? { note: r.note } : {}) });
        break;
      case 'unit': {
        const n = numberBefore(m);
        if (!n) return;
        usedTokens.add(n.index);
        const value = n.value!;
        if (r.unit === 'seconds') seconds = { value, phrase: `${n.text} ${m.phrase}` };
        else if (r.unit === 'mm') lensMm = { mm: value, phrase: `${n.text} ${m.phrase}` };
        else if (r.unit === 'degrees') {
          rigs.push({ rig: { orbitDegrees: Math.min(720, value) }, phrase: `${n.text} ${m.phrase}`, note: `orbitDegrees ${Math.min(720, value)}` });
          types.push({ type: 'orbit', strong: false, phrase: `${n.text} ${m.phrase}` });
        } else if (value >= 0 && value <= 24) {
          const hour = r.unit === 'pm' && value < 12 ? value + 12 : r.unit === 'am' && value === 12 ? 0 : value;
          times.push({ hour, implied: false, phrase: `${n.text} ${m.phrase}` });
        } else {
          notices.push(`"${n.text} ${m.phrase}" is no time of day`);
          return;
        }
        break;
      }
      case 'filler':
        break;
    }
    if (note && !wordNotes.includes(note)) wordNotes.push(note);
    useMatch(m);
  }

  // "360" alone: a full orbit.
  for (const t of tokens) {
    if (t.kind === 'number' && !usedTokens.has(t.index) && (t.value === 360 || t.value === 180)) {
      rigs.push({ rig: { orbitDegrees: t.value }, phrase: t.text, note: `orbitDegrees ${t.value}` });
      types.push({ type: 'orbit', strong: t.value === 360, phrase: t.text });
      usedTokens.add(t.index);
    }
  }

  // Prepositions and verb objects, from the words just before each entity.
  for (const e of entities) {
    let j = e.from - 1;
    while (j >= 0 && tokens[j].kind === 'word' && ARTICLES.has(tokens[j].norm) && !(covered[j] && !isPossessive(covered[j]!))) j--;
    const run: Token[] = [];
    while (j >= 0 && run.length < MAX_PREPOSITION_WORDS && tokens[j].kind === 'word' && !covered[j]) run.unshift(tokens[j--]);
    for (let len = Math.min(run.length, MAX_PREPOSITION_WORDS); len >= 1 && !e.preposition; len--) {
      const words = run.slice(run.length - len).map((t) => t.norm).join(' ');
      const hit = PREPOSITIONS.find(([p]) => p === words);
      if (hit) {
        e.preposition = { kind: hit[1], words };
        e.span = text.slice(run[run.length - len].start, tokens[e.to - 1].end);
        for (const t of run.slice(run.length - len)) usedTokens.add(t.index);
      }
    }
    if (!e.preposition && run.length === 0 && j >= 0) {
      const verb = verbs.find((v) => covered[j]?.from === v.from);
      if (verb) e.objectOf = verb;
    }
  }
  // A place right after a structure, with "on/by/in…", describes it.
  for (let i = 1; i < entities.length; i++) {
    const e = entities[i];
    const before = entities[i - 1];
    const between = verbs.some((v) => v.from > before.from && v.from < e.from);
    if (e.kind === 'place' && before.kind === 'place' && before.place.kind === 'structure' && !before.describes && e.place.kind !== 'structure' && e.place.kind !== 'door' && !between && e.preposition && DESCRIBING.has(e.preposition.words)) {
      e.describes = before;
    }
  }

  return { types, lensScales, ...(lensMm ? { lensMm } : {}), rigs, ...(pace ? { pace } : {}), ...(seconds ? { seconds } : {}), transitions, moods, times, entities, verbs, wordNotes, notices, usedTokens };
}

function isPossessive(m: WordMatch): boolean {
  return m.words.some((w) => w.readings.some((r) => r.role === 'pronoun')) && /^(her|his|their|its)$/.test(m.phrase);
}
