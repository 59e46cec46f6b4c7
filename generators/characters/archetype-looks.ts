/**
 * What each archetype tends to wear: likelihoods the identity's seed draws from. Weights are
 * relative (they need not sum to 1); colours are sRGB hex, chosen to read at a distance under
 * daylight — dyed cloth is muted, armour is a light steel.
 */
import type { CharacterArchetype } from './character-identity.ts';
import type { CharacterBuild, GarmentKind, HairStyle, HeadwearKind } from './character-design.ts';

export type Weighted<T extends string> = Partial<Record<T, number>>;

export interface ArchetypeLook {
  garment: Weighted<GarmentKind>;
  headwear: Weighted<HeadwearKind>;
  build: Weighted<CharacterBuild>;
  /** Chance of the feminine body variant. */
  feminine: number;
  primary: readonly string[];
  secondary: readonly string[];
  accent: readonly string[];
  /** The hat or hood: 'primary' / 'secondary' to match the clothes, or its own colours. */
  headwearColor: 'primary' | 'secondary' | readonly string[];
  cloak: { chance: number; colors: readonly string[]; hem: [number, number] };
  /** Chance of a beard (masculine adults). */
  beard: number;
  /** Chance of grey or white hair. */
  grey: number;
  /** Hair styles for the masculine and feminine variants. */
  hair: { masculine: Weighted<HairStyle>; feminine: Weighted<HairStyle> };
  /** Steel plates (soldiers sometimes wear them). */
  plates: number;
}

const EARTH = ['#5e5040', '#4a5248', '#6a5a48', '#3e3a44', '#55483a', '#4b4f5c'];
const HAIR_M: Weighted<HairStyle> = { short: 5, cropped: 3, long: 1, bald: 1 };
const HAIR_F: Weighted<HairStyle> = { long: 4, bun: 3, ponytail: 3, short: 1 };

export const ARCHETYPE_LOOKS: Record<CharacterArchetype, ArchetypeLook> = {
  wanderer: {
    garment: { tunic: 5, jacket: 2, robe: 1 },
    headwear: { hood: 6, 'wide-hat': 2, none: 2 },
    build: { slight: 3, average: 5, broad: 2 },
    feminine: 0.4,
    primary: EARTH,
    secondary: ['#3b3430', '#4a4036', '#2f3236'],
    accent: ['#8a6a3a', '#6b5a3a'],
    headwearColor: 'secondary',
    cloak: { chance: 0.9, colors: ['#4a3f33', '#3f4a3c', '#5a4a3a', '#3a3a42', '#5b3a2e'], hem: [0.22, 0.32] },
    beard: 0.45,
    grey: 0.2,
    hair: { masculine: HAIR_M, feminine: HAIR_F },
    plates: 0,
  },
  knight: {
    garment: { armour: 1 },
    headwear: { 'great-helm': 5, helmet: 4, none: 1 },
    build: { average: 4, broad: 6 },
    feminine: 0.25,
    primary: ['#8e2323', '#23408e', '#2f5e2f', '#d8d2c2', '#2a2a2e', '#b8902f', '#6b1f4a'],
    secondary: ['#d8c27a', '#e8e2d2', '#2a2a2e'],
    accent: ['#d4a53c', '#e8e2d2'],
    headwearColor: ['#a9b0b8'],
    cloak: { chance: 0.35, colors: ['#6e1f2a', '#22325e', '#e0dacb', '#2a2a2e'], hem: [0.2, 0.3] },
    beard: 0.3,
    grey: 0.1,
    hair: { masculine: { short: 6, cropped: 4 }, feminine: { bun: 4, ponytail: 3, short: 2 } },
    plates: 1,
  },
  explorer: {
    garment: { jacket: 7, tunic: 3 },
    headwear: { 'wide-hat': 7, cap: 1, none: 2 },
    build: { slight: 3, average: 6, broad: 2 },
    feminine: 0.45,
    primary: ['#8a6a3e', '#6b4a2b', '#5a6a4a', '#9a7b4a', '#4f5a45'],
    secondary: ['#c2b08a', '#6a5a45', '#3f3a33'],
    accent: ['#a0522d', '#c28e2b'],
    headwearColor: ['#6b4a2b', '#8a7250', '#4a3a2a'],
    cloak: { chance: 0.05, colors: EARTH, hem: [0.4, 0.5] },
    beard: 0.35,
    grey: 0.1,
    hair: { masculine: HAIR_M, feminine: HAIR_F },
    plates: 0,
  },
  keeper: {
    garment: { robe: 4, tunic: 4, jacket: 2 },
    headwear: { hood: 4, none: 5, 'wide-hat': 1 },
    build: { slight: 3, average: 5, broad: 2 },
    feminine: 0.4,
    primary: ['#3d4a3a', '#4a4440', '#39404a', '#5a4e3e', '#5e5a50'],
    secondary: ['#2f2b28', '#4a3f33'],
    accent: ['#9a8450', '#7a6a4a'],
    headwearColor: ['#3a3834', '#3d4a3a'],
    cloak: { chance: 1, colors: ['#2f3a2f', '#3a3632', '#2e3440', '#4a3c30'], hem: [0.12, 0.2] },
    beard: 0.6,
    grey: 0.55,
    hair: { masculine: { short: 3, long: 3, bald: 2, cropped: 1 }, feminine: { long: 3, bun: 4, ponytail: 1 } },
    plates: 0,
  },
  villager: {
    garment: { tunic: 6, dress: 2, jacket: 1 },
    headwear: { none: 7, cap: 2, 'wide-hat': 1 },
    build: { slight: 2, average: 6, broad: 3 },
    feminine: 0.5,
    primary: ['#8c7b5e', '#6b5a45', '#7d8a6a', '#9a8f7a', '#5d6a78', '#8a6a5a', '#a89a7a'],
    secondary: ['#5a4a3a', '#4a4a48', '#6a5e4e'],
    accent: ['#c8bca0', '#d6ccb4', '#a89878'],
    headwearColor: ['#b8a888', '#6a5e4e', '#8a7a5e'],
    cloak: { chance: 0.05, colors: EARTH, hem: [0.4, 0.5] },
    beard: 0.4,
    grey: 0.2,
    hair: { masculine: HAIR_M, feminine: HAIR_F },
    plates: 0,
  },
  monk: {
    garment: { robe: 1 },
    headwear: { hood: 5, none: 5 },
    build: { slight: 3, average: 5, broad: 2 },
    feminine: 0.3,
    primary: ['#6b4a2f', '#6e6a62', '#2b2824', '#cfc8b6', '#c9822a', '#5a3a2a'],
    secondary: ['#4a3a2a', '#3a3632'],
    accent: ['#b39b6a', '#9a8458'],
    headwearColor: 'primary',
    cloak: { chance: 0, colors: EARTH, hem: [0.2, 0.3] },
    beard: 0.4,
    grey: 0.3,
    hair: { masculine: { bald: 4, cropped: 4, short: 2 }, feminine: { bun: 3, cropped: 2, long: 1 } },
    plates: 0,
  },
  hunter: {
    garment: { tunic: 6, jacket: 4 },
    headwear: { hood: 6, cap: 2, none: 2 },
    build: { slight: 3, average: 5, broad: 3 },
    feminine: 0.4,
    primary: ['#3f5a2c', '#556b2f', '#5b4630', '#4a5a3a', '#6b5a3a'],
    secondary: ['#5b4630', '#3f3428', '#4a4032'],
    accent: ['#8a6a3a', '#a0522d'],
    headwearColor: ['#3f5a2c', '#4a5a3a', '#5b4630'],
    cloak: { chance: 0.35, colors: ['#3a4a2a', '#4a4030', '#33402e'], hem: [0.4, 0.55] },
    beard: 0.5,
    grey: 0.1,
    hair: { masculine: HAIR_M, feminine: HAIR_F },
    plates: 0,
  },
  merchant: {
    garment: { robe: 5, jacket: 3, dress: 1 },
    headwear: { 'merchant-hat': 7, none: 3 },
    build: { slight: 2, average: 4, broad: 5 },
    feminine: 0.35,
    primary: ['#7a1f3d', '#1f5a5a', '#8a5a1a', '#3a2a6a', '#6e2a1e', '#2a4a7a'],
    secondary: ['#c2a05a', '#2a2a2e', '#e0d6c0'],
    accent: ['#d4a53c', '#c9b27a'],
    headwearColor: 'primary',
    cloak: { chance: 0.15, colors: ['#3a2a4a', '#4a2a2a'], hem: [0.2, 0.3] },
    beard: 0.5,
    grey: 0.25,
    hair: { masculine: HAIR_M, feminine: HAIR_F },
    plates: 0,
  },
  soldier: {
    garment: { tunic: 8, armour: 2 },
    headwear: { helmet: 9, none: 1 },
    build: { average: 5, broad: 5 },
    feminine: 0.25,
    primary: ['#7a2a22', '#2e3e5e', '#5a5f3a', '#6a5a3a', '#4a2a2a'],
    secondary: ['#4a4038', '#3a3632', '#5a4a3a'],
    accent: ['#c9b27a', '#8a8a8a'],
    headwearColor: ['#8d949c'],
    cloak: { chance: 0.15, colors: ['#5a2a22', '#2e3444'], hem: [0.3, 0.45] },
    beard: 0.35,
    grey: 0.05,
    hair: { masculine: { short: 5, cropped: 5 }, feminine: { bun: 4, ponytail: 4 } },
    plates: 0.4,
  },
  child: {
    garment: { tunic: 7, dress: 3 },
    headwear: { none: 8, cap: 2 },
    build: { slight: 4, average: 6 },
    feminine: 0.5,
    primary: ['#a65a3a', '#4a6a9a', '#7a8a3a', '#b08a3a', '#8a4a6a', '#5a8a7a'],
    secondary: ['#5a4a3a', '#4a4a58', '#6a5a48'],
    accent: ['#d8c8a4', '#c9822a'],
    headwearColor: ['#8a3a2a', '#4a6a9a', '#b8a888'],
    cloak: { chance: 0.05, colors: EARTH, hem: [0.3, 0.4] },
    beard: 0,
    grey: 0,
    hair: { masculine: { short: 6, cropped: 2, long: 1 }, feminine: { long: 3, ponytail: 3, bun: 1, short: 1 } },
    plates: 0,
  },
  wizard: {
    garment: { robe: 1 },
    headwear: { 'pointed-hat': 8, hood: 2 },
    build: { slight: 5, average: 4, broad: 1 },
    feminine: 0.35,
    primary: ['#2d3f7a', '#4b2e6e', '#5a5a66', '#6e1f2a', '#1f4a4a', '#3a3a3e'],
    secondary: ['#2a2a30', '#3a2a4a', '#4a4a52'],
    accent: ['#d4a53c', '#c0c4c8'],
    headwearColor: 'primary',
    cloak: { chance: 0.3, colors: ['#2a2a3a', '#3a2a4a', '#4a4a52'], hem: [0.15, 0.25] },
    beard: 0.85,
    grey: 0.8,
    hair: { masculine: { long: 6, short: 2, bald: 1 }, feminine: { long: 6, bun: 2 } },
    plates: 0,
  },
};

/** A weighted choice, in the fixed order of `order` so the seed always means the same thing. */
export function pickWeighted<T extends string>(weights: Weighted<T>, order: readonly T[], u: number): T {
  const items = order.filter((k) => (weights[k] ?? 0) > 0);
  const total = items.reduce((s, k) => s + (weights[k] ?? 0), 0);
  let x = u * total;
  for (const k of items) {
    x -= weights[k] ?? 0;
    if (x < 0) return k;
  }
  return items[items.length - 1];
}

/** Skin tones from light to deep (sRGB). A design picks between neighbours, so every shade occurs. */
export const SKIN_TONES = ['#f1d0b8', '#e6b794', '#d39f7a', '#bf8761', '#a36c4a', '#85553a', '#6a412c', '#4d2f22'];

/** Natural hair colours, and the greys of age. */
export const HAIR_COLORS = ['#17120f', '#2e1f16', '#4a301f', '#6b4128', '#8a4a25', '#a86a3a', '#c9a56a', '#dcc28e'];
export const GREY_HAIR = ['#8e8a84', '#aaa6a0', '#d4d0c8'];
