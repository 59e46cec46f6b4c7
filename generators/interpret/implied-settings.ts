/**
 * What a world's main biome and its landform imply when no word says otherwise: a desert has few
 * trees, mountains are high and ridged, an island sits in the sea. These claims have the lowest
 * priority ("implied"), so any stated word beats them, and they come from the *final* biome mix
 * and landform, so "no mountains" implies nothing mountainous.
 *
 * Only the dominant biome implies (the largest weight; the first mentioned on a tie): blending
 * every biome's cover would put trees into a salt desert because mountains ring it.
 */
import type { Biome, Landform } from '../spec/index.ts';
import type { Claim } from './claims.ts';
import type { Setting } from './lexicon/index.ts';
import { implied as imply, impliedAtLeast } from './lexicon/index.ts';

const trees = (v: number) => imply('/vegetation/trees', v);
const shrubs = (v: number) => imply('/vegetation/shrubs', v);
const grass = (v: number) => imply('/vegetation/grass', v);
const flowers = (v: number) => imply('/vegetation/flowers', v);
const relief = (v: number) => imply('/terrain/relief', v);
const rocks = (v: number) => imply('/rocks/density', v);

export const BIOME_IMPLIES: Readonly<Record<Biome, readonly Setting[]>> = {
  'temperate-forest': [trees(0.7), shrubs(0.5), grass(0.45), flowers(0.12), relief(0.4), rocks(0.3)],
  taiga: [trees(0.7), shrubs(0.35), grass(0.3), flowers(0.05), relief(0.45), rocks(0.45), imply('/palette/warmth', -0.1)],
  jungle: [
    trees(0.9),
    shrubs(0.8),
    grass(0.5),
    flowers(0.2),
    relief(0.45),
    rocks(0.25),
    imply('/terrain/erosion', 0.65),
    imply('/weather/wind', 0.15),
  ],
  desert: [
    trees(0.05),
    shrubs(0.1),
    grass(0.1),
    flowers(0.02),
    relief(0.25),
    imply('/terrain/roughness', 0.3),
    imply('/terrain/ridges', 0.15),
    imply('/terrain/erosion', 0.15),
    rocks(0.3),
    imply('/terrain/features/dunes', true),
    imply('/weather/wind', 0.4),
    imply('/palette/warmth', 0.25),
  ],
  savanna: [
    trees(0.15),
    shrubs(0.3),
    grass(0.85),
    flowers(0.1),
    relief(0.2),
    rocks(0.2),
    imply('/vegetation/treeKinds/acacia', true),
    imply('/palette/warmth', 0.2),
  ],
  tundra: [
    trees(0.08),
    shrubs(0.2),
    grass(0.3),
    flowers(0.05),
    relief(0.2),
    rocks(0.45),
    imply('/time/season', 'winter'),
    imply('/palette/mood', 'cold'),
    imply('/palette/warmth', -0.4),
  ],
  swamp: [
    trees(0.45),
    shrubs(0.6),
    grass(0.6),
    flowers(0.05),
    relief(0.08),
    imply('/terrain/roughness', 0.2),
    imply('/terrain/erosion', 0.1),
    imply('/water/lakes', 6),
    imply('/water/meander', 0.8),
    imply('/weather/fog', 0.3),
    rocks(0.1),
  ],
  mountains: [
    trees(0.3),
    shrubs(0.3),
    grass(0.4),
    relief(0.85),
    imply('/terrain/ridges', 0.6),
    imply('/terrain/maxHeight', 300),
    imply('/terrain/roughness', 0.65),
    imply('/terrain/thermalErosion', 0.5),
    rocks(0.6),
    imply('/terrain/landform', 'mountain'),
  ],
  canyon: [
    trees(0.08),
    shrubs(0.15),
    grass(0.1),
    flowers(0.02),
    relief(0.6),
    imply('/terrain/plateaus', 0.5),
    imply('/terrain/cliffs', 0.75),
    imply('/terrain/erosion', 0.7),
    imply('/terrain/maxHeight', 200),
    rocks(0.55),
    imply('/terrain/landform', 'canyon'),
  ],
  coast: [trees(0.3), shrubs(0.35), grass(0.5), relief(0.3), rocks(0.35), imply('/terrain/landform', 'coast')],
  volcanic: [
    trees(0.1),
    shrubs(0.15),
    grass(0.15),
    flowers(0.02),
    relief(0.55),
    imply('/terrain/roughness', 0.7),
    imply('/terrain/maxHeight', 250),
    rocks(0.8),
    imply('/terrain/features/volcano', true),
  ],
  grassland: [trees(0.1), shrubs(0.25), grass(0.85), flowers(0.4), relief(0.3), rocks(0.2)],
};

export const LANDFORM_IMPLIES: Readonly<Record<Landform, readonly Setting[]>> = {
  open: [],
  plain: [relief(0.12), imply('/terrain/roughness', 0.25)],
  island: [imply('/water/sea', 0.5)],
  archipelago: [imply('/water/sea', 0.65)],
  coast: [imply('/water/sea', 0.35)],
  valley: [relief(0.55)],
  canyon: [imply('/terrain/cliffs', 0.75), imply('/terrain/plateaus', 0.5), relief(0.6)],
  basin: [relief(0.3), imply('/terrain/maxHeight', 250)],
  mountain: [relief(0.85), imply('/terrain/maxHeight', 300)],
  plateau: [imply('/terrain/plateaus', 0.7), imply('/terrain/cliffs', 0.6)],
};

/** State-level implications come before every word (order < 0), biome before landform. */
const BIOME_ORDER = -2;
const LANDFORM_ORDER = -1;

export function biomeImplications(biome: Biome): Claim[] {
  return BIOME_IMPLIES[biome].map((s) => toClaim(s, `biome:${biome}`, `${biome} is the main biome`, BIOME_ORDER));
}

export function landformImplications(landform: Landform): Claim[] {
  return LANDFORM_IMPLIES[landform].map((s) => toClaim(s, `landform:${landform}`, `the landform is ${landform}`, LANDFORM_ORDER));
}

/** A pier stands in the water the prompt has: a lake, else the sea, else a river; with none, it brings a lake. */
export function pierImplications(hasLake: boolean, hasSea: boolean, hasRiver: boolean): { placement: string; claims: Claim[] } {
  if (hasLake) return { placement: 'lake', claims: [] };
  if (hasSea) return { placement: 'coast', claims: [] };
  if (hasRiver) return { placement: 'river', claims: [] };
  return {
    placement: 'lake',
    claims: [toClaim(impliedAtLeast('/water/lakes', 1), 'structure:pier', 'a pier needs water', LANDFORM_ORDER)],
  };
}

function toClaim(s: Setting, concept: string, because: string, order: number): Claim {
  return { path: s.path, value: s.value, op: s.op === 'atLeast' ? 'atLeast' : 'set', priority: 'implied', order, concept, phrase: because };
}
