/**
 * Size and number words. Size words ("huge", "tiny") bind to a world noun after them ("a huge
 * valley"), never to a plural ("small islands" are small islands in a world of the usual size)
 * or to a structure ("a small village"). Explicit lengths ("2 km", "500 m") come from a number
 * and a unit. Numbers bind to the next countable thing: structures, characters, rivers, lakes,
 * waterfalls. Vague quantities ("a few", "many") bound to an amount act as intensities.
 */
import type { LexiconEntry } from './lexicon-entry.ts';

function size(name: string, metres: number, phrases: string[]): LexiconEntry {
  return { role: 'size', concept: `size:${name}`, metres, phrases };
}

function numberWord(value: number, phrases: string[]): LexiconEntry {
  return { role: 'number', concept: `number:${value}`, value, explicit: true, phrases };
}

function quantity(name: string, value: number, asIntensity: number, phrases: string[]): LexiconEntry {
  return { role: 'number', concept: `quantity:${name}`, value, explicit: false, asIntensity, phrases };
}

export const SIZE_WORDS: readonly LexiconEntry[] = [
  size('tiny', 128, ['tiny', 'miniature', 'minuscule', 'pocket sized', 'very small', 'little']),
  size('small', 256, ['small', 'compact', 'modest', 'smallish', 'petite']),
  size('medium', 512, ['medium', 'medium sized', 'mid sized', 'average sized']),
  size('large', 1024, ['large', 'big', 'wide', 'broad', 'expansive', 'sprawling', 'spacious', 'great']),
  size('huge', 2048, [
    'huge',
    'vast',
    'endless',
    'enormous',
    'immense',
    'gigantic',
    'giant',
    'massive',
    'boundless',
    'infinite',
    'limitless',
    'sweeping',
    'very large',
    'never ending',
    'epic',
    'continental',
  ]),

  { role: 'unit', concept: 'unit:km', metres: 1000, phrases: ['km', 'kilometre', 'kilometres', 'kilometer', 'kilometers', 'k'] },
  { role: 'unit', concept: 'unit:m', metres: 1, phrases: ['m', 'metre', 'metres', 'meter', 'meters'] },
  { role: 'unit', concept: 'unit:mile', metres: 1609, phrases: ['mile', 'miles', 'mi'] },
  { role: 'unit', concept: 'unit:am', clock: 'am', phrases: ['am', 'a m'] },
  { role: 'unit', concept: 'unit:pm', clock: 'pm', phrases: ['pm', 'p m'] },
  { role: 'unit', concept: 'unit:oclock', clock: 'oclock', phrases: ["o'clock", 'oclock'] },

  numberWord(1, ['one', 'a single']),
  numberWord(2, ['two', 'pair of', 'a pair of', 'twin', 'a couple of', 'couple of']),
  numberWord(3, ['three', 'trio of', 'a trio of', 'triple']),
  numberWord(4, ['four']),
  numberWord(5, ['five']),
  numberWord(6, ['six', 'half a dozen']),
  numberWord(7, ['seven']),
  numberWord(8, ['eight']),
  numberWord(9, ['nine']),
  numberWord(10, ['ten']),
  numberWord(11, ['eleven']),
  numberWord(12, ['twelve', 'a dozen', 'dozen']),
  quantity('few', 3, -0.6, ['a few', 'a handful of', 'handful of', 'a number of']),
  quantity('some', 2, -0.1, ['some']),
  quantity('several', 4, 0.1, ['several', 'various', 'multiple']),
  quantity('many', 6, 0.45, [
    'many',
    'lots of',
    'a lot of',
    'numerous',
    'countless',
    'dozens of',
    'plenty of',
    'scores of',
    'hundreds of',
    'a multitude of',
  ]),
];
