/**
 * Which texture set each of a world's materials wears: ground classes (each biome in the mix,
 * rock, sand, snow) and the asset materials that have a surface worth a texture (bark, rock,
 * stone, wood, roof tiles, plaster, metal). Leaves, grass blades, flowers, rope and lamps stay
 * plain vertex colour: at their size a texture would be noise.
 *
 * Sets are seeded from the world seed by name, so each world's sets are its own and adding a
 * material never changes another's. Ground sets are 512² (seen up close underfoot), asset sets
 * 256² (seen on objects a few metres across).
 */
import type { AssetMaterialName } from '../assets/asset-materials.ts';
import { deriveSeed } from '../seed/derive-seed.ts';
import type { Biome, WorldSpec } from '../spec/world-spec-schema.ts';
import { plainRecipe, type MaterialRecipe } from './material-recipe.ts';

export interface TextureRequest {
  /** `ground/<id>` or `asset/<material>`. */
  key: string;
  recipe: MaterialRecipe;
  size: number;
  seed: number;
}

export const GROUND_TEXTURE_SIZE = 512;
export const ASSET_TEXTURE_SIZE = 256;

const BIOME_SURFACES: Record<Biome, Partial<MaterialRecipe> & { family: string }> = {
  'temperate-forest': { family: 'forest-floor' },
  taiga: { family: 'forest-floor', scale: 0.8 },
  jungle: { family: 'forest-floor', wet: 0.4 },
  desert: { family: 'sand', scale: 1.3 },
  savanna: { family: 'grass', scale: 1.2 },
  tundra: { family: 'moss', scale: 0.8 },
  swamp: { family: 'mud', wet: 0.5 },
  mountains: { family: 'rock' },
  canyon: { family: 'dirt', cracked: 0.5 },
  coast: { family: 'grass' },
  volcanic: { family: 'dirt', lightness: -0.6 },
  grassland: { family: 'grass' },
};

const GROUND_CLASSES: Record<string, Partial<MaterialRecipe> & { family: string }> = {
  rock: { family: 'rock' },
  sand: { family: 'sand' },
  snow: { family: 'snow' },
};

export const ASSET_SURFACES: Partial<Record<AssetMaterialName, Partial<MaterialRecipe> & { family: string }>> = {
  bark: { family: 'bark' },
  rock: { family: 'rock', scale: 0.5 },
  // Dressed stone: large blocks in courses.
  stone: { family: 'bricks', scale: 2, color: { word: 'grey', hex: '#8a8780' } },
  wood: { family: 'wood-planks' },
  'roof-tiles': { family: 'roof-tiles' },
  plaster: { family: 'plaster' },
  metal: { family: 'metal' },
};

/** The requests for a world's ground classes (in the order the ground's materials list them). */
export function worldTextureRequests(spec: Pick<WorldSpec, 'seed' | 'biomes'>): TextureRequest[] {
  const biomes = (Object.entries(spec.biomes) as Array<[Biome, number | undefined]>).filter((e) => (e[1] ?? 0) > 0).map(([b]) => b);
  const requests: TextureRequest[] = [];
  const add = (key: string, surface: Partial<MaterialRecipe> & { family: string }, size: number): void => {
    requests.push({ key, recipe: { ...plainRecipe(surface.family), ...surface }, size, seed: deriveSeed(spec.seed, 'textures', key) });
  };
  for (const biome of biomes) add(`ground/${biome}`, BIOME_SURFACES[biome], GROUND_TEXTURE_SIZE);
  for (const [id, surface] of Object.entries(GROUND_CLASSES)) add(`ground/${id}`, surface, GROUND_TEXTURE_SIZE);
  for (const [name, surface] of Object.entries(ASSET_SURFACES)) add(`asset/${name}`, surface!, ASSET_TEXTURE_SIZE);
  return requests;
}
