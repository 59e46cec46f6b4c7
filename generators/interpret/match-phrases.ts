/**
 * Finds the lexicon's phrases in the token list, left to right, longest first: "golden hour"
 * beats "golden", "standing stones" beats "stone". A window is tried as written, then with its
 * last word made singular ("palm trees" → "palm tree"), so plurals need no entries of their own
 * and a plural listed on purpose ("falls", "woods") keeps its own meaning.
 */
import { MAX_PHRASE_WORDS, PHRASE_INDEX, type LexiconEntry, type PhraseIndex } from './lexicon/index.ts';
import { IRREGULAR_PLURALS, singularCandidates } from './singular-forms.ts';
import type { Token } from './tokenize.ts';

export interface PhraseMatch {
  /** Token positions covered: first, and one past the last. */
  from: number;
  to: number;
  /** The words as they appear in the prompt. */
  phrase: string;
  start: number;
  end: number;
  /** Readings, in the order the binder tries them. */
  readings: readonly LexiconEntry[];
  /** Matched through a singular form ("huts", "knights"): a count of more than one when nothing else says. */
  plural: boolean;
}

export function matchPhrases(tokens: readonly Token[], text: string, index: PhraseIndex = PHRASE_INDEX): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = longestPhraseAt(tokens, i, index, MAX_PHRASE_WORDS);
    if (!found) {
      i++;
      continue;
    }
    const first = tokens[i];
    const last = tokens[i + found.length - 1];
    matches.push({
      from: i,
      to: i + found.length,
      phrase: text.slice(first.start, last.end),
      start: first.start,
      end: last.end,
      readings: found.readings,
      plural: found.plural,
    });
    i += found.length;
  }
  return matches;
}

/**
 * The longest phrase of the index starting at token `at` (up to `maxWords` words, as written, then
 * with the last word made singular), with its readings and whether it was read as a plural. Shared
 * with the storyboard interpreter, whose index holds its own entry type.
 */
export function longestPhraseAt<T>(
  tokens: readonly Token[],
  at: number,
  index: ReadonlyMap<string, readonly T[]>,
  maxWords: number,
): { length: number; readings: readonly T[]; plural: boolean } | undefined {
  for (let length = maxWords; length >= 1; length--) {
    const window = tokens.slice(at, at + length);
    if (window.length < length || window.some((t) => t.kind !== 'word')) continue;
    const words = window.map((t) => t.norm);
    const exact = index.get(words.join(' '));
    if (exact) return { length, readings: exact, plural: IRREGULAR_PLURALS.has(words[length - 1]) };
    const head = words.slice(0, -1);
    for (const singular of singularCandidates(words[length - 1])) {
      const readings = index.get([...head, singular].join(' '));
      if (readings) return { length, readings, plural: !words[length - 1].endsWith("'s") };
    }
  }
  return undefined;
}
