/**
 * MaterialRecipe: what a description asks for, as data — the family and every word's effect. The
 * texture lab turns a recipe (not the words) into a set, so worlds and the editor can build
 * recipes directly.
 */
export interface MaterialRecipe {
  /** A family id (see `MATERIAL_FAMILIES`). */
  family: string;
  /** A colour the main surface takes (sRGB hex), with the word that asked for it. */
  color: { word: string; hex: string } | null;
  /** −1 dark … 0 as drawn … +1 light. */
  lightness: number;
  /** Feature size: 1 as drawn, > 1 larger, < 1 smaller. */
  scale: number;
  /** Each 0 (none) … 1 (very). */
  wet: number;
  mossy: number;
  cracked: number;
  weathered: number;
  polished: number;
  rusty: number;
  painted: number;
}

export const MODIFIERS = ['wet', 'mossy', 'cracked', 'weathered', 'polished', 'rusty', 'painted'] as const;
export type Modifier = (typeof MODIFIERS)[number];

export function plainRecipe(family: string): MaterialRecipe {
  return { family, color: null, lightness: 0, scale: 1, wet: 0, mossy: 0, cracked: 0, weathered: 0, polished: 0, rusty: 0, painted: 0 };
}
