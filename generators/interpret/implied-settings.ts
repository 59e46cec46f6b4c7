/**
 * What a world's main biome and its landform imply when no word says otherwise: a desert has few
 * trees, mountains are high and ridged, an island sits in the sea. These claims have the lowest
 * priority ("implied"), so any stated word beats them, and they come from the *final* biome mix
 * and landform, so "no mountains" implies nothing mountainous.
 *
 * Only the dominant biome implies (the largest weight; the first mentioned on a tie): blending
 * every biome's cover would put trees into a salt desert because mountains ring it.
 */
import { BIOME_TABLE } from '../biomes/biome-table.ts';
import type { Biome, Landform } from '../spec/index.ts';
import type { Claim } from './claims.ts';
import type { Setting } from './lexicon/index.ts';
import { implied as imply, impliedAtLeast } from './lexicon/index.ts';

const relief = (v: number) => imply('/terrain/relief', v);

/**
 * A biome's natural cover, from the generators' own table: the base that "sparse" and "dense"
 * scale. Where no word touches a cover field the spec keeps "auto" (see build-spec-input.ts).
 */
function naturalCover(biome: Biome): Setting[] {
  const c = BIOME_TABLE[biome].cover;
  return [
    imply('/vegetation/trees', c.trees),
    imply('/vegetation/shrubs', c.shrubs),
    imply('/vegetation/grass', c.grass),
    imply('/vegetation/flowers', c.flowers),
    imply('/rocks/density', c.rocks),
  ];
}

const BIOME_SHAPES: Readonly<Record<Biome, readonly Setting[]>> = {
  'temperate-forest': [relief(0.4)],
  taiga: [relief(0.45), imply('/palette/warmth', -0.1)],
  jungle: [
    relief(0.45),
    imply('/terrain/erosion', 0.65),
    imply('/weather/wind', 0.15),
  ],
  desert: [
    relief(0.25),
    imply('/terrain/roughness', 0.3),
    imply('/terrain/ridges', 0.15),
    imply('/terrain/erosion', 0.15),
    imply('/terrain/features/dunes', true),
    imply('/weather/wind', 0.4),
    imply('/palette/warmth', 0.25),
  ],
  savanna: [
    relief(0.2),
    imply('/vegetation/treeKinds/acacia', true),
    imply('/palette/warmth', 0.2),
  ],
  tundra: [
    relief(0.2),
    imply('/time/season', 'winter'),
    imply('/palette/mood', 'cold'),
    imply('/palette/warmth', -0.4),
  ],
  swamp: [
    relief(0.08),
    imply('/terrain/roughness', 0.2),
    imply('/terrain/erosion', 0.1),
    imply('/water/lakes', 6),
    imply('/water/meander', 0.8),
    imply('/weather/fog', 0.3),
  ],
  mountains: [
    relief(0.85),
    imply('/terrain/ridges', 0.6),
    imply('/terrain/maxHeight', 300),
    imply('/terrain/roughness', 0.65),
    imply('/terrain/thermalErosion', 0.5),
    imply('/terrain/landform', 'mountain'),
  ],
  canyon: [
    relief(0.6),
    imply('/terrain/plateaus', 0.5),
    imply('/terrain/cliffs', 0.75),
    imply('/terrain/erosion', 0.7),
    imply('/terrain/maxHeight', 200),
    imply('/terrain/landform', 'canyon'),
  ],
  coast: [relief(0.3), imply('/terrain/landform', 'coast')],
  volcanic: [
    relief(0.55),
    imply('/terrain/roughness', 0.7),
    imply('/terrain/maxHeight', 250),
    imply('/terrain/features/volcano', true),
  ],
  grassland: [relief(0.3)],
};

export const BIOME_IMPLIES: Readonly<Record<Biome, readonly Setting[]>> = Object.fromEntries(
  (Object.keys(BIOME_SHAPES) as Biome[]).map((b) => [b, [...naturalCover(b), ...BIOME_SHAPES[b]]]),
) as unknown as Record<Biome, readonly Setting[]>;

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
