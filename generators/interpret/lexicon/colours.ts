/**
 * Colour words. A colour binds to the surface noun right after it ("black sand", "red sandstone
 * mesas", "golden savanna") and sets /palette/colors/<surface>; the surfaces are the
 * `colourTarget`s of other entries (sand, rock, grass, foliage, water, soil, snow). Without a
 * surface it tints the whole palette instead, with a note. Shades ("dark", "pale") adjust the
 * colour after them.
 *
 * The hex values are the colour as it reads on terrain at noon, not the saturated primaries:
 * "red" sandstone is a rust red, "black" sand is volcanic near-black.
 */
import { set, type LexiconEntry, type Setting } from './lexicon-entry.ts';

const WARMTH = '/palette/warmth';
const SATURATION = '/palette/saturation';
const BRIGHTNESS = '/palette/brightness';

function colour(name: string, hex: string, phrases: string[], tint: Setting[]): LexiconEntry {
  return { role: 'colour', concept: `colour:${name}`, hex, phrases, tint, ...(GREENS.has(name) ? { green: true } : {}) };
}

const GREENS = new Set(['green', 'emerald']);

export const COLOUR_WORDS: readonly LexiconEntry[] = [
  colour('red', '#a8432f', ['red', 'reddish', 'red orange', 'scarlet', 'vermilion', 'blood red'], [set(WARMTH, 0.4)]),
  colour('crimson', '#8e1b2c', ['crimson', 'maroon', 'burgundy', 'wine red', 'carmine'], [set(WARMTH, 0.35), set(SATURATION, 1.15)]),
  colour('orange', '#c8702a', ['orange', 'orangey', 'tangerine', 'burnt orange', 'orange red'], [set(WARMTH, 0.45)]),
  colour('rust', '#9c4a25', ['rust', 'rusty', 'rust red', 'russet', 'terracotta', 'copper', 'coppery'], [set(WARMTH, 0.4)]),
  colour('ochre', '#c28e2b', ['ochre', 'ocher', 'mustard', 'tawny', 'amber'], [set(WARMTH, 0.35)]),
  colour('yellow', '#d8c04a', ['yellow', 'yellowish', 'lemon', 'sulphur', 'sulfur', 'straw'], [set(WARMTH, 0.3)]),
  colour(
    'golden',
    '#d4a53c',
    ['golden', 'gold', 'honey', 'wheat coloured', 'bronze', 'brass'],
    [set('/palette/mood', 'golden'), set(WARMTH, 0.5)],
  ),
  colour('beige', '#d8c8a4', ['beige', 'tan', 'buff', 'sand coloured', 'khaki', 'fawn'], [set(WARMTH, 0.15)]),
  colour('brown', '#6b4a2f', ['brown', 'brownish', 'chocolate', 'umber', 'sepia', 'muddy'], [set(SATURATION, 0.85), set(WARMTH, 0.15)]),
  colour('green', '#4f7d36', ['green', 'greenish', 'leaf green', 'grass green', 'olive', 'sage', 'lime'], [set(SATURATION, 1.1)]),
  colour('emerald', '#2e8b57', ['emerald', 'jade', 'forest green', 'viridian', 'malachite'], [set(SATURATION, 1.2)]),
  colour(
    'turquoise',
    '#3fb8af',
    ['turquoise', 'teal', 'aquamarine', 'aqua', 'cyan', 'cerulean'],
    [set(WARMTH, -0.2), set(SATURATION, 1.15)],
  ),
  colour(
    'blue',
    '#3a6ea5',
    ['blue', 'bluish', 'azure', 'sapphire', 'cobalt', 'navy', 'indigo', 'sky blue', 'ice blue'],
    [set(WARMTH, -0.35)],
  ),
  colour(
    'purple',
    '#6b4a8a',
    ['purple', 'violet', 'lilac', 'mauve', 'plum', 'amethyst', 'lavender coloured', 'magenta'],
    [set('/palette/mood', 'mystical')],
  ),
  colour('pink', '#d98ba0', ['pink', 'rose', 'rosy', 'blush', 'salmon', 'coral', 'pinkish'], [set(WARMTH, 0.2), set(SATURATION, 1.1)]),
  colour(
    'white',
    '#f2f2ee',
    ['white', 'snow white', 'ivory', 'bone white', 'chalk', 'chalky', 'pearl', 'milky', 'bleached', 'alabaster', 'whitish', 'cream'],
    [set(BRIGHTNESS, 1.15)],
  ),
  colour('silver', '#b8bcc2', ['silver', 'silvery', 'platinum', 'pewter'], [set(WARMTH, -0.2), set(BRIGHTNESS, 1.05)]),
  colour(
    'grey',
    '#808080',
    [
      'grey',
      'gray',
      'greyish',
      'grayish',
      'slate grey',
      'slate gray',
      'ash grey',
      'ash gray',
      'dove grey',
      'stone grey',
      'steel grey',
      'leaden',
    ],
    [set(SATURATION, 0.7)],
  ),
  colour('charcoal', '#3a3a3c', ['charcoal', 'graphite', 'sooty', 'smoky grey', 'gunmetal'], [set(BRIGHTNESS, 0.8), set(SATURATION, 0.7)]),
  colour(
    'black',
    '#1c1c1e',
    ['black', 'jet black', 'ink black', 'inky', 'obsidian black', 'ebony', 'onyx', 'coal black', 'blackish', 'pitch'],
    [set(BRIGHTNESS, 0.75)],
  ),

  { role: 'shade', concept: 'shade:dark', lightness: -0.4, phrases: ['dark', 'deep', 'dusky'] },
  { role: 'shade', concept: 'shade:light', lightness: 0.35, phrases: ['light', 'pale', 'pastel', 'soft', 'faded', 'washed out'] },
  { role: 'shade', concept: 'shade:bright', lightness: 0.15, phrases: ['bright', 'vivid', 'brilliant'] },
];
