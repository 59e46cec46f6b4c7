/**
 * A material family: one kind of surface with its own structure (bricks are laid in courses,
 * cobbles are cells, grass is blades, wood has grain). A family draws the physical layers of one
 * tileable tile; words that change a family ("wet", "mossy", "red", "large") are applied by the
 * caller — colour and modifiers after drawing, size before (through `scale`).
 */
import type { Rng } from '../seed/rng.ts';
import type { MaterialLayers } from './material-layers.ts';

export interface FamilyContext {
  /** Pixels along the tile's side (a power of two, 64..2048). */
  size: number;
  rng: Rng;
  /**
   * Feature size relative to the family's usual: 1 as drawn, > 1 larger features (fewer across the
   * tile), < 1 smaller. Use `cellsFor(base, scale)` to turn it into whole cell counts.
   */
  scale: number;
}

export interface MaterialFamily {
  /** Stable id, kebab-case: `wood-planks`. */
  id: string;
  /** Words and phrases that name it in a description (lower case, singular and plural). */
  phrases: readonly string[];
  /** What one tile covers in the world, metres (`material.json` and world UVs use it). */
  tileMetres: number;
  /** Strength of the normal map: how much the height's relief tilts the normals. */
  normalStrength: number;
  /** True where the metallic map matters (it is written as its own file then). */
  metallic: boolean;
  draw(context: FamilyContext): MaterialLayers;
}

/** Whole cells across the tile for a feature usually `base` cells across, at `scale`. */
export function cellsFor(base: number, scale: number): number {
  return Math.max(1, Math.round(base / scale));
}
