/**
 * The style plants take: a tree's (season, foliage override, snow) plus the palette's grass
 * colour, which recolours grass blades and flower stems.
 */
import { checkHex } from '../finish-asset.ts';
import { normaliseStyle, type TreeStyle } from '../trees/create-tree.ts';
import type { FoliageStyle } from '../trees/foliage.ts';

export interface PlantStyle extends TreeStyle {
  /** sRGB hex replacing the grass green (the palette's grass override). */
  grass?: string | null;
}

export const PLANT_STYLE_DEFAULTS: Required<PlantStyle> = { season: 'summer', foliage: null, snow: 0, grass: null };

export interface NormalPlantStyle extends FoliageStyle {
  grass: string | null;
}

export function normalisePlantStyle(style: PlantStyle, where: string): NormalPlantStyle {
  const grass = style.grass ?? null;
  checkHex(grass, `${where}: style.grass`);
  return { ...normaliseStyle(style, where), grass };
}
