/**
 * The shape of the vocabulary. Words are data: each entry lists its phrases (1–3 words, lower
 * case, singular where a plural is regular — the matcher finds "trees", "cliffs", "berries",
 * "wolves" from "tree", "cliff", "berry", "wolf"), the concept it names, and what it sets.
 *
 * An entry's `role` says how it takes part in a sentence:
 * - `term`: a thing or quality that sets fields on its own ("desert", "misty", "river");
 * - `structure`, `character`: an item to add to /structures or /characters;
 * - the rest are modifiers that bind to a nearby term ("dense" → the next thing that has an
 *   amount, "red" → the next surface, "ruined" → the next structure, "two" → the next countable).
 *
 * One phrase may have several readings ("stone" is a bridge's material or a rock); the binder
 * takes the first reading that finds what it needs, and term readings always do.
 */
import type { PaletteTarget } from '../../spec/index.ts';

export type WordKind = 'noun' | 'adjective';

/**
 * One thing a word sets. `path` is a JSON pointer into WorldSpec; the set-like lists
 * (/terrain/features, /vegetation/treeKinds) are addressed by member: `/terrain/features/volcano`
 * = true. The weights under /biomes accumulate.
 */
export interface Setting {
  path: string;
  value: number | string | boolean;
  /** `set` replaces; `atLeast` is a floor (a bare "river" means at least one, never fewer);
   *  `exclude` (only in `whenNegated`) rules one value out ("not snowy": any weather but snow). */
  op?: 'set' | 'atLeast' | 'exclude';
  /** Only implied by the word ("hills" implies relief 0.5); lowest priority, any stated word beats it. */
  implied?: boolean;
}

interface EntryBase {
  phrases: readonly string[];
  /** What the words mean, as `domain:name`: `biome:desert`, `weather:fog`. */
  concept: string;
  /** Said in the explanation whenever the entry is used. */
  note?: string;
}

export interface TermEntry extends EntryBase {
  role: 'term';
  /** Noun settings beat adjective settings; biome nouns weigh 1, adjectives 0.5. */
  kind?: WordKind;
  /** The biome this word adds weight to: 1 for a noun, 0.5 for an adjective, unless `biomeWeight` says. */
  biome?: string;
  biomeWeight?: number;
  sets?: readonly Setting[];
  /** Paths an intensity word scales when bound here ("dense forest" → trees). A path the entry
   *  does not set itself is scaled after everything else resolves ("sparse tundra" → all plants). */
  amounts?: readonly string[];
  /** The count field a number sets when bound here ("two rivers" → /water/rivers 2). */
  countPath?: string;
  /** The surface a colour word right before it paints ("black sand" → /palette/colors/sand). */
  colourTarget?: PaletteTarget;
  /** The surface a green colour paints instead: "grey hills" are rock, "green hills" are grass. */
  greenColourTarget?: PaletteTarget;
  /** Size words bound here size the world ("endless savanna"); a plural keeps them off ("small islands"). */
  world?: boolean;
  /** A climate adjective ("snowy"): before another biome's noun it keeps that biome and brings only its weather. */
  climate?: boolean;
  /** What "no X" sets, when not simply the zero of each setting (see negate-setting.ts). */
  whenNegated?: readonly Setting[];
  /** A general word ("water", "vegetation"): a specific mention elsewhere beats its negation. */
  general?: boolean;
  /** A point of interest this word adds to /gameplay/pointsOfInterest. */
  pointOfInterest?: 'summit' | 'viewpoint' | 'crater' | 'oasis';
}

export interface StructureEntry extends EntryBase {
  role: 'structure';
  structure: string;
  /** Condition and placement when no word says otherwise ("ruins" are ruined, a bridge crosses water). */
  defaults?: { condition?: string; placement?: string };
  /** Settings the structure implies ("a bridge" implies water to cross). Always implied priority. */
  sets?: readonly Setting[];
  /** A general word ("buildings"): only meaningful negated ("no buildings"). */
  general?: boolean;
}

export interface CharacterEntry extends EntryBase {
  role: 'character';
  /** An archetype, or `any` for "people" (only meaningful negated). */
  archetype: string;
}

export interface IntensityEntry extends EntryBase {
  role: 'intensity';
  /** -1 … 1: how far it moves an amount towards 0 (negative) or 1 (positive). */
  strength: number;
  /** An amplifier ("very", "extremely") strengthens the next intensity word instead of an amount. */
  amplifies?: number;
  /** Set whether or not it binds ("lush" is also a vibrant mood). */
  alsoSets?: readonly Setting[];
  alsoKind?: WordKind;
}

export interface StructureModifierEntry extends EntryBase {
  role: 'structure-modifier';
  condition?: string;
  material?: string;
  /** "lone": a count of one. */
  count?: number;
}

export interface PlacementEntry extends EntryBase {
  role: 'placement';
  placement: string;
  /** Prepositional phrases ("on a ridge") look back for their structure first; adjectives ("hidden") look ahead. */
  looks: 'back' | 'ahead';
  /** What the phrase says about the land whether or not a structure is near ("by the river": there is a river). */
  sets?: readonly Setting[];
}

export interface ColourEntry extends EntryBase {
  role: 'colour';
  hex: string;
  /** A colour of living plants: on hills and mountains it paints their grass, not their rock. */
  green?: boolean;
  /** Without a surface after it the colour tints the whole palette instead. */
  tint: readonly Setting[];
}

export interface ShadeEntry extends EntryBase {
  role: 'shade';
  /** -1 … 1: towards black (negative) or white (positive). */
  lightness: number;
}

export interface SizeEntry extends EntryBase {
  role: 'size';
  metres: number;
}

export interface NumberEntry extends EntryBase {
  role: 'number';
  value: number;
  /** A digit or number word ("3", "three") is an explicit number; "a few" and "many" are not. */
  explicit: boolean;
  /** Bound to an amount rather than a count ("a few trees"), it acts as this intensity. */
  asIntensity?: number;
}

export interface UnitEntry extends EntryBase {
  role: 'unit';
  /** Metres per unit, for sizes. */
  metres?: number;
  /** Clock suffix, for times of day. */
  clock?: 'am' | 'pm' | 'oclock';
}

export interface MeanderEntry extends EntryBase {
  role: 'meander';
  meander: number;
}

export interface NegationEntry extends EntryBase {
  role: 'negation';
}

export type LexiconEntry =
  | TermEntry
  | StructureEntry
  | CharacterEntry
  | IntensityEntry
  | StructureModifierEntry
  | PlacementEntry
  | ColourEntry
  | ShadeEntry
  | SizeEntry
  | NumberEntry
  | UnitEntry
  | MeanderEntry
  | NegationEntry;

export type EntryRole = LexiconEntry['role'];

/** Shorthands that keep the word lists readable. */
export const set = (path: string, value: number | string | boolean): Setting => ({ path, value });
export const atLeast = (path: string, value: number): Setting => ({ path, value, op: 'atLeast' });
export const implied = (path: string, value: number | string | boolean): Setting => ({ path, value, implied: true });
export const impliedAtLeast = (path: string, value: number): Setting => ({ path, value, op: 'atLeast', implied: true });

export const PLANT_AMOUNTS = ['/vegetation/trees', '/vegetation/shrubs', '/vegetation/grass', '/vegetation/flowers'] as const;
