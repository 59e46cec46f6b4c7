/**
 * The whole vocabulary, and the phrase index the matcher reads. A phrase may carry several
 * readings ("stone": a material, or rock); they are ordered so that modifiers, which need a
 * target to bind to, are tried before the term readings that always apply.
 */
import { BIOME_WORDS } from './biomes.ts';
import { CHARACTER_WORDS } from './characters.ts';
import { COLOUR_WORDS } from './colours.ts';
import { INTENSITY_WORDS, NEGATION_WORDS } from './function-words.ts';
import { LANDFORM_WORDS } from './landforms.ts';
import type { EntryRole, LexiconEntry } from './lexicon-entry.ts';
import { MOOD_WORDS } from './moods.ts';
import { SIZE_WORDS } from './sizes.ts';
import { STRUCTURE_WORDS } from './structures.ts';
import { TIME_WORDS } from './time.ts';
import { VEGETATION_WORDS } from './vegetation.ts';
import { WATER_WORDS } from './water.ts';
import { WEATHER_WORDS } from './weather.ts';
import { WILDLIFE_WORDS } from './wildlife.ts';

export * from './lexicon-entry.ts';
export { NEW_THING_STARTERS, SCOPE_BREAKERS, SCOPE_JOINERS, STOPWORDS } from './function-words.ts';

/** Every domain's words, by domain name (the tests check coverage per domain). */
export const LEXICON_DOMAINS = {
  biomes: BIOME_WORDS,
  landforms: LANDFORM_WORDS,
  water: WATER_WORDS,
  vegetation: VEGETATION_WORDS,
  structures: STRUCTURE_WORDS,
  time: TIME_WORDS,
  weather: WEATHER_WORDS,
  moods: MOOD_WORDS,
  colours: COLOUR_WORDS,
  sizes: SIZE_WORDS,
  characters: CHARACTER_WORDS,
  wildlife: WILDLIFE_WORDS,
  negation: NEGATION_WORDS,
  intensity: INTENSITY_WORDS,
} as const satisfies Record<string, readonly LexiconEntry[]>;

export const LEXICON: readonly LexiconEntry[] = Object.values(LEXICON_DOMAINS).flat();

/** Which reading of a phrase to try first: the ones that must find a target before the ones that need none. */
const READING_ORDER: readonly EntryRole[] = [
  'unit',
  'number',
  'shade',
  'colour',
  'size',
  'structure-modifier',
  'placement',
  'meander',
  'intensity',
  'negation',
  'structure',
  'character',
  'term',
];

export const MAX_PHRASE_WORDS = 3;

export type PhraseIndex = ReadonlyMap<string, readonly LexiconEntry[]>;

export function buildPhraseIndex(entries: readonly LexiconEntry[]): PhraseIndex {
  const index = new Map<string, LexiconEntry[]>();
  for (const entry of entries) {
    for (const phrase of entry.phrases) {
      const readings = index.get(phrase) ?? [];
      if (!readings.includes(entry)) readings.push(entry);
      index.set(phrase, readings);
    }
  }
  for (const readings of index.values()) {
    readings.sort((a, b) => READING_ORDER.indexOf(a.role) - READING_ORDER.indexOf(b.role));
  }
  return index;
}

export const PHRASE_INDEX: PhraseIndex = buildPhraseIndex(LEXICON);
