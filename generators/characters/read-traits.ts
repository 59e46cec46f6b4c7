/**
 * Storyboard words that pin a look: "she", "red cloak", "hooded", "tall", "bearded". Each trait is
 * read on its own; a colour word colours the garment named right after it ("red cloak", "blue
 * robe", "green hood", "grey hair") or, alone, the main garment. The colours are the interpreter's
 * (generators/interpret/lexicon/colours.ts), so a storyboard's "crimson" is the world's crimson.
 */
import { COLOUR_WORDS } from '../interpret/lexicon/colours.ts';
import type { BeardStyle, BodyVariant, CharacterBuild, HairStyle, HeadwearKind } from './character-design.ts';

export interface TraitOverrides {
  body?: BodyVariant;
  build?: CharacterBuild;
  /** Multiplies the height (tall 1.07, short 0.93). */
  heightScale?: number;
  headwear?: HeadwearKind;
  hair?: HairStyle;
  beard?: BeardStyle;
  cloak?: boolean;
  grey?: boolean;
  colors: { primary?: string; secondary?: string; cloak?: string; headwear?: string; hair?: string };
  /** What each word did, for the design's notes. */
  notes: string[];
}

type ColourTarget = 'primary' | 'secondary' | 'cloak' | 'headwear' | 'hair';

const GARMENT_NOUNS: Record<string, ColourTarget> = {
  cloak: 'cloak', cape: 'cloak', mantle: 'cloak', shawl: 'cloak',
  robe: 'primary', robes: 'primary', tunic: 'primary', coat: 'primary', dress: 'primary', jacket: 'primary',
  surcoat: 'primary', tabard: 'primary', clothes: 'primary', garb: 'primary', shirt: 'primary', gown: 'primary',
  trousers: 'secondary', breeches: 'secondary', leggings: 'secondary', skirt: 'secondary',
  hood: 'headwear', hat: 'headwear', cap: 'headwear', helmet: 'headwear', helm: 'headwear',
  hair: 'hair', haired: 'hair', beard: 'hair',
};

/** Hair has its own shades of the colour words (a "red-haired" person is ginger, not scarlet). */
const HAIR_SHADES: Record<string, string> = {
  red: '#8a4a25', crimson: '#7a3a1e', orange: '#a0582a', rust: '#8a4a25', golden: '#c9a56a', yellow: '#d4bc84',
  beige: '#c9b08a', brown: '#4a301f', white: '#d4d0c8', silver: '#aaa6a0', grey: '#8e8a84', black: '#17120f',
};

const PHRASES = COLOUR_WORDS.flatMap((entry) =>
  entry.role === 'colour' ? entry.phrases.map((phrase) => ({ words: phrase.split(' '), name: entry.concept.replace('colour:', ''), hex: entry.hex })) : [],
).sort((a, b) => b.words.length - a.words.length);

const WORD_RULES: Array<{ words: string[]; apply: (o: TraitOverrides) => void; note: string }> = [
  { words: ['she', 'her', 'woman', 'lady', 'girl', 'female', 'heroine', 'queen', 'princess', 'nun', 'priestess', 'witch', 'sorceress'], apply: (o) => (o.body = 'feminine'), note: 'feminine body' },
  { words: ['he', 'him', 'his', 'man', 'boy', 'male', 'hero', 'king', 'prince', 'lord'], apply: (o) => (o.body = 'masculine'), note: 'masculine body' },
  { words: ['tall', 'towering', 'lanky'], apply: (o) => (o.heightScale = 1.07), note: 'taller' },
  { words: ['short', 'small', 'little', 'diminutive'], apply: (o) => (o.heightScale = 0.93), note: 'shorter' },
  { words: ['slight', 'slender', 'thin', 'wiry', 'lean', 'gaunt'], apply: (o) => (o.build = 'slight'), note: 'slight build' },
  { words: ['broad', 'burly', 'stocky', 'strong', 'big', 'hulking', 'stout', 'heavy'], apply: (o) => (o.build = 'broad'), note: 'broad build' },
  { words: ['hooded', 'cowled'], apply: (o) => (o.headwear = 'hood'), note: 'hood' },
  { words: ['helmeted'], apply: (o) => (o.headwear = 'helmet'), note: 'helmet' },
  { words: ['hatless', 'bareheaded'], apply: (o) => (o.headwear = 'none'), note: 'no headwear' },
  { words: ['bearded'], apply: (o) => (o.beard = 'long'), note: 'beard' },
  { words: ['beardless', 'clean-shaven', 'shaven'], apply: (o) => (o.beard = 'none'), note: 'no beard' },
  { words: ['bald'], apply: (o) => (o.hair = 'bald'), note: 'bald' },
  { words: ['long-haired'], apply: (o) => (o.hair = 'long'), note: 'long hair' },
  { words: ['cloaked', 'caped'], apply: (o) => (o.cloak = true), note: 'cloak' },
  { words: ['old', 'elderly', 'aged', 'ancient', 'grey-haired', 'gray-haired', 'white-haired', 'greybeard'], apply: (o) => (o.grey = true), note: 'grey hair' },
];

/** Reads every trait; later traits win where two set the same thing. */
export function readTraits(traits: readonly string[] = []): TraitOverrides {
  const o: TraitOverrides = { colors: {}, notes: [] };
  for (const trait of traits) {
    const words = trait.toLowerCase().replace(/[^a-z\s-]/g, ' ').split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const colour = PHRASES.find((p) => p.words.every((w, k) => words[i + k] === w));
      if (colour) {
        const next = words[i + colour.words.length];
        const target: ColourTarget = next !== undefined && next in GARMENT_NOUNS ? GARMENT_NOUNS[next] : 'primary';
        const hex = target === 'hair' ? (HAIR_SHADES[colour.name] ?? colour.hex) : colour.hex;
        o.colors[target] = hex;
        if (target === 'cloak') o.cloak = true;
        if (target === 'headwear' && (next === 'hood')) o.headwear = 'hood';
        o.notes.push(`"${trait}": ${colour.name} ${target === 'primary' ? 'clothes' : target}`);
        i += colour.words.length - 1 + (target === 'primary' && next === undefined ? 0 : 1);
        continue;
      }
      const word = words[i];
      if ((word === 'cloak' || word === 'cape' || word === 'mantle') && o.cloak === undefined) {
        o.cloak = true;
        o.notes.push(`"${trait}": cloak`);
        continue;
      }
      if (word === 'hood' && o.headwear === undefined) {
        o.headwear = 'hood';
        o.notes.push(`"${trait}": hood`);
        continue;
      }
      const rule = WORD_RULES.find((r) => r.words.includes(word));
      if (rule) {
        rule.apply(o);
        o.notes.push(`"${trait}": ${rule.note}`);
      }
    }
  }
  return o;
}
