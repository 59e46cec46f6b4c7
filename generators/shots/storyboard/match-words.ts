/**
 * Finds storyboard words in a segment's tokens, left to right, longest phrase first ("fade to
 * black" beats "fade", "close up" beats "close"), as written and then with the last word made
 * singular by the world interpreter's `singularCandidates` ("knights", "the knight's face").
 * The world interpreter's `matchPhrases` does the same over its own entry type; storyboard words
 * carry several readings at once and run to four words, so they have this index of their own.
 */
import { singularCandidates } from '../../interpret/singular-forms.ts';
import type { Token } from '../../interpret/tokenize.ts';
import { OWN_WORDS, type StoryboardWord } from './storyboard-words.ts';
import { WORLD_WORDS } from './world-words.ts';

export const MAX_STORYBOARD_PHRASE_WORDS = 4;

export type WordIndex = ReadonlyMap<string, readonly StoryboardWord[]>;

export interface WordMatch {
  /** Token positions covered: first, and one past the last. */
  from: number;
  to: number;
  /** The words as they appear in the segment. */
  phrase: string;
  words: readonly StoryboardWord[];
}

/** The storyboard's own words win a phrase both vocabularies know ("smoke" is the volcano's here, haze there). */
export function buildWordIndex(own: readonly StoryboardWord[], world: readonly StoryboardWord[]): WordIndex {
  const index = new Map<string, StoryboardWord[]>();
  for (const entry of own) {
    for (const phrase of entry.phrases) {
      const list = index.get(phrase) ?? [];
      if (!list.includes(entry)) list.push(entry);
      index.set(phrase, list);
    }
  }
  const ownPhrases = new Set(index.keys());
  for (const entry of world) {
    for (const phrase of entry.phrases) {
      if (ownPhrases.has(phrase)) continue;
      const list = index.get(phrase) ?? [];
      if (!list.includes(entry)) list.push(entry);
      index.set(phrase, list);
    }
  }
  return index;
}

export const STORYBOARD_INDEX: WordIndex = buildWordIndex(OWN_WORDS, WORLD_WORDS);

export function matchWords(tokens: readonly Token[], text: string, index: WordIndex = STORYBOARD_INDEX): WordMatch[] {
  const matches: WordMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = longestAt(tokens, i, index);
    if (!found) {
      i++;
      continue;
    }
    matches.push({ from: i, to: i + found.length, phrase: text.slice(tokens[i].start, tokens[i + found.length - 1].end), words: found.words });
    i += found.length;
  }
  return matches;
}

function longestAt(tokens: readonly Token[], at: number, index: WordIndex): { length: number; words: readonly StoryboardWord[] } | undefined {
  for (let length = MAX_STORYBOARD_PHRASE_WORDS; length >= 1; length--) {
    const window = tokens.slice(at, at + length);
    if (window.length < length || window.some((t) => t.kind !== 'word')) continue;
    const words = window.map((t) => t.norm);
    const exact = index.get(words.join(' '));
    if (exact) return { length, words: exact };
    const head = words.slice(0, -1);
    for (const singular of singularCandidates(words[length - 1])) {
      const found = index.get([...head, singular].join(' '));
      if (found) return { length, words: found };
    }
  }
  return undefined;
}
