/**
 * A material description → a MaterialRecipe, with an explanation of every word.
 *
 * "old mossy red bricks", "very wet dark cobblestone", "rusty painted metal", "large pale sand".
 * Words are matched longest phrase first ("forest floor" before "forest"). The family is the last
 * family word (English puts the head noun last: "stone bricks" are bricks); earlier family words
 * are reported as not used. Modifiers take "very" (1), plain (0.7) or "slightly" (0.35), and "not"
 * or "no" to cancel ("not wet"). Colour words are the interpreter's; metal names (copper, brass,
 * bronze, gold, silver) give a colour and, with no other family word, the metal family.
 *
 * Empty text, or text with no word this knows, is a TextureError listing the families.
 */
import { COLOUR_WORDS } from '../interpret/lexicon/colours.ts';
import { MATERIAL_FAMILIES } from './families/index.ts';
import { plainRecipe, type MaterialRecipe, type Modifier } from './material-recipe.ts';
import { TextureError } from './texture-error.ts';

export interface WordUse {
  /** The words as written (lower case). */
  words: string;
  /** What they did, in a few words. */
  meaning: string;
}

export interface MaterialDescription {
  recipe: MaterialRecipe;
  used: WordUse[];
  /** Words that changed nothing. */
  unused: string[];
  notes: string[];
}

type Entry =
  | { kind: 'family'; family: string }
  | { kind: 'modifier'; modifier: Modifier }
  | { kind: 'size'; scale: number }
  | { kind: 'lightness'; lightness: number }
  | { kind: 'colour'; name: string; hex: string; metal?: boolean }
  | { kind: 'intensity'; value: number }
  | { kind: 'negation' }
  | { kind: 'filler' };

const MODIFIER_PHRASES: Record<Modifier, readonly string[]> = {
  wet: ['wet', 'damp', 'soaked', 'rain soaked', 'moist', 'glistening', 'puddled', 'slick'],
  mossy: ['mossy', 'moss covered', 'moss grown', 'overgrown', 'lichen covered'],
  cracked: ['cracked', 'cracking', 'broken', 'fractured', 'crazed', 'crumbling', 'split'],
  weathered: ['weathered', 'old', 'ancient', 'aged', 'worn', 'eroded', 'faded', 'dirty', 'grimy', 'rustic', 'dusty', 'timeworn'],
  polished: ['polished', 'smooth', 'glossy', 'shiny', 'lacquered', 'varnished', 'sleek', 'buffed'],
  rusty: ['rusty', 'rusted', 'corroded', 'oxidised', 'oxidized', 'rust covered'],
  painted: ['painted', 'paint', 'enamelled', 'enameled', 'coated'],
};

const SIZE_PHRASES: Array<[number, readonly string[]]> = [
  [1.6, ['large', 'big', 'huge', 'giant', 'chunky', 'coarse', 'wide', 'broad', 'oversized']],
  [0.6, ['small', 'tiny', 'fine', 'little', 'narrow', 'thin', 'miniature', 'mini']],
];

const LIGHTNESS_PHRASES: Array<[number, readonly string[]]> = [
  [-0.7, ['dark', 'darker', 'deep', 'dusky', 'dim', 'shadowy']],
  [0.6, ['light', 'lighter', 'pale', 'pastel', 'bright', 'bleached', 'sun bleached']],
];

const INTENSITY_PHRASES: Array<[number, readonly string[]]> = [
  [1, ['very', 'extremely', 'heavily', 'really', 'thoroughly', 'deeply', 'completely', 'totally', 'quite']],
  [0.35, ['slightly', 'a bit', 'a little', 'somewhat', 'lightly', 'partly', 'barely', 'faintly']],
];

const METAL_COLOURS: Array<[string, string]> = [
  ['copper', '#b4683f'],
  ['brass', '#b59a4a'],
  ['bronze', '#8c6a3f'],
  ['gold', '#d4a53c'],
  ['golden', '#d4a53c'],
  ['silver', '#c4c7cc'],
];

const FILLER = [
  'a', 'an', 'the', 'of', 'with', 'and', 'in', 'on', 'made', 'texture', 'textures', 'material', 'materials',
  'surface', 'pattern', 'tileable', 'seamless', 'pbr', 'set', 'some', 'covered', 'like', 'look', 'style', 'for', 'game',
  'tile', 'tiling', 'wall', 'floor', 'ground', 'by', 'from',
];

const NEGATIONS = ['not', 'no', 'without', 'non', 'un'];

const LEXICON: Map<string, Entry> = buildLexicon();
const LONGEST_PHRASE = Math.max(...[...LEXICON.keys()].map((k) => k.split(' ').length));

function buildLexicon(): Map<string, Entry> {
  const lexicon = new Map<string, Entry>();
  const add = (phrase: string, entry: Entry): void => {
    if (!lexicon.has(phrase)) lexicon.set(phrase, entry);
  };
  for (const family of MATERIAL_FAMILIES) {
    for (const phrase of [family.id.replaceAll('-', ' '), ...family.phrases]) add(phrase, { kind: 'family', family: family.id });
  }
  for (const [modifier, phrases] of Object.entries(MODIFIER_PHRASES)) for (const p of phrases) add(p, { kind: 'modifier', modifier: modifier as Modifier });
  for (const [name, hex] of METAL_COLOURS) add(name, { kind: 'colour', name, hex, metal: name !== 'golden' });
  for (const [scale, phrases] of SIZE_PHRASES) for (const p of phrases) add(p, { kind: 'size', scale });
  for (const [lightness, phrases] of LIGHTNESS_PHRASES) for (const p of phrases) add(p, { kind: 'lightness', lightness });
  for (const [value, phrases] of INTENSITY_PHRASES) for (const p of phrases) add(p, { kind: 'intensity', value });
  for (const p of NEGATIONS) add(p, { kind: 'negation' });
  for (const entry of COLOUR_WORDS) {
    if (entry.role !== 'colour' || !entry.hex) continue;
    const name = entry.concept.replace(/^colour:/, '');
    for (const p of entry.phrases) add(p, { kind: 'colour', name, hex: entry.hex });
  }
  // Family words that are filler elsewhere ("ground" is dirt) were added first; plain filler last.
  for (const p of FILLER) add(p, { kind: 'filler' });
  return lexicon;
}

export const MAX_DESCRIPTION_LENGTH = 500;

export function describeMaterial(text: unknown): MaterialDescription {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new TextureError('TEXTURE_DESCRIPTION', `The material description is empty. Describe a surface, e.g. "old mossy red bricks". Known families: ${familyList()}.`);
  }
  const notes: string[] = [];
  let source = text;
  if (source.length > MAX_DESCRIPTION_LENGTH) {
    source = source.slice(0, MAX_DESCRIPTION_LENGTH);
    notes.push(`The description was cut to its first ${MAX_DESCRIPTION_LENGTH} characters.`);
  }
  const words = source.toLowerCase().normalize('NFKC').match(/[\p{L}]+/gu) ?? [];
  const matches: Array<{ words: string; entry: Entry | null }> = [];
  for (let i = 0; i < words.length; ) {
    let found = false;
    for (let n = Math.min(LONGEST_PHRASE, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const entry = LEXICON.get(phrase) ?? LEXICON.get(singular(phrase));
      if (entry) {
        matches.push({ words: phrase, entry });
        i += n;
        found = true;
        break;
      }
    }
    if (!found) {
      matches.push({ words: words[i], entry: null });
      i++;
    }
  }

  const families = matches.filter((m) => m.entry?.kind === 'family');
  const metalColour = matches.find((m) => m.entry?.kind === 'colour' && m.entry.metal);
  const head = families.at(-1);
  const familyId = head?.entry?.kind === 'family' ? head.entry.family : metalColour ? 'metal' : undefined;
  if (!familyId) {
    const unknown = matches.filter((m) => m.entry === null).map((m) => m.words);
    throw new TextureError(
      'TEXTURE_DESCRIPTION',
      `"${text.trim().slice(0, 80)}" names no material this knows${unknown.length ? ` (unknown: ${unknown.slice(0, 8).join(', ')})` : ''}. ` +
        `Name one family — ${familyList()} — with any of: colours (red, grey, …), dark/light, large/small, ${Object.keys(MODIFIER_PHRASES).join(', ')}.`,
    );
  }

  const recipe = plainRecipe(familyId);
  const used: WordUse[] = [];
  const unused: string[] = [];
  let intensity: { value: number; words: string } | null = null;
  let negated: string | null = null;
  for (const m of matches) {
    const entry = m.entry;
    if (!entry) {
      unused.push(m.words);
      continue;
    }
    switch (entry.kind) {
      case 'filler':
        break;
      case 'intensity':
        intensity = { value: entry.value, words: m.words };
        continue;
      case 'negation':
        negated = m.words;
        continue;
      case 'family':
        if (m === head) used.push({ words: m.words, meaning: `family ${entry.family}` });
        else {
          unused.push(m.words);
          notes.push(`"${m.words}" names another family; a set is one family, and the last named (${familyId}) is the surface.`);
        }
        break;
      case 'modifier': {
        const amount = negated ? 0 : (intensity?.value ?? 0.7);
        recipe[entry.modifier] = amount;
        used.push({ words: [negated, intensity?.words, m.words].filter(Boolean).join(' '), meaning: negated ? `not ${entry.modifier}` : `${entry.modifier} ${amount}` });
        break;
      }
      case 'size': {
        const strength = intensity?.value === 1 ? 1.5 : intensity?.value === 0.35 ? 0.5 : 1;
        recipe.scale = round(Math.pow(entry.scale, strength));
        used.push({ words: [intensity?.words, m.words].filter(Boolean).join(' '), meaning: `features ×${recipe.scale}` });
        break;
      }
      case 'lightness': {
        const strength = intensity?.value === 1 ? 1.35 : intensity?.value === 0.35 ? 0.5 : 1;
        recipe.lightness = round(Math.max(-1, Math.min(1, entry.lightness * strength)));
        used.push({ words: [intensity?.words, m.words].filter(Boolean).join(' '), meaning: recipe.lightness < 0 ? `darker ${-recipe.lightness}` : `lighter ${recipe.lightness}` });
        break;
      }
      case 'colour':
        if (familyId === 'lava' || familyId === 'snow') {
          // Recolouring lava's glow or snow would make neither: say so rather than do it badly.
          notes.push(`"${m.words}" was not applied: ${familyId} keeps its own colour.`);
          unused.push(m.words);
          break;
        }
        recipe.color = { word: m.words, hex: entry.hex };
        used.push({ words: m.words, meaning: entry.metal && !head ? `family metal, colour ${entry.hex}` : `colour ${entry.hex}` });
        break;
    }
    intensity = null;
    negated = null;
  }
  return { recipe, used, unused, notes };
}

export function familyList(): string {
  return MATERIAL_FAMILIES.map((f) => f.id).join(', ');
}

function singular(phrase: string): string {
  return phrase.replace(/(?<=[a-z]{3})(es|s)$/u, (m) => (m === 'es' ? 'e' : '')).replace(/ies$/u, 'y');
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
