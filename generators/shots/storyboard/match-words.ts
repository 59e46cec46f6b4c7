/**
 * Finds storyboard words in a segment's tokens, left to right, longest phrase first ("fade to
 * black" beats "fade", "close up" beats "close"), as written and then with the last word made
 * singular ("knights", "the knight's face") — the world interpreter's `longestPhraseAt` over this
 * index of its own: storyboard words carry several readings at once and run to four words.
 */
import { longestPhraseAt } from '../../interpret/match-phrases.ts';
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
    const found = longestPhraseAt(tokens, i, index, MAX_STORYBOARD_PHRASE_WORDS);
    if (!found) {
      i++;
      continue;
    }
    matches.push({ from: i, to: i + found.length, phrase: text.slice(tokens[i].start, tokens[i + found.length - 1].end), words: found.readings });
    i += found.length;
  }
  return matches;
}
