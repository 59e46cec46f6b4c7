/**
 * `npx tsx samples/make-texture-sheet.ts`: a captioned contact sheet of every material family,
 * written to samples/gallery/texture-families.jpg. Each family gets three seeds, plain, and one
 * description with words that change it; every tile shows the set at 512² repeated 2 × 2, lit by its
 * normal map from the upper left, so a seam would show as a cross through the tile.
 */
import { mkdir } from 'node:fs/promises';
import sharp, { type OverlayOptions } from 'sharp';
import { describeMaterial } from '../generators/textures/describe-material.ts';
import { MATERIAL_FAMILIES } from '../generators/textures/families/index.ts';
import { plainRecipe, type MaterialRecipe } from '../generators/textures/material-recipe.ts';
import { renderLitTiles } from '../generators/textures/preview-sheet.ts';
import { makeTextureSet } from '../generators/textures/texture-set.ts';
import { captionedTile } from '../engine-bridge/images/captioned-tile.ts';

const OUT = 'samples/gallery/texture-families.jpg';
const TILE = 200;
const CAPTION = 26;
const SEEDS = [1, 2, 3];
const FAMILIES_PER_ROW = 2;

/** One description per family, showing words at work. */
const VARIANTS: Record<string, string> = {
  grass: 'wet dark grass',
  moss: 'golden moss',
  'forest-floor': 'wet forest floor',
  dirt: 'cracked dirt',
  mud: 'very wet mud',
  sand: 'large dark sand',
  snow: 'small snow',
  ice: 'cracked ice',
  rock: 'mossy rock',
  'cliff-face': 'red cliff face',
  cobblestone: 'old mossy cobblestone',
  bricks: 'old white bricks',
  'roof-tiles': 'mossy grey roof tiles',
  'wood-planks': 'painted blue wood planks',
  bark: 'mossy bark',
  plaster: 'cracked old plaster',
  metal: 'rusty painted metal',
  lava: 'large lava',
};

interface Tile {
  recipe: MaterialRecipe;
  seed: number;
  caption: string;
}

const tiles: Tile[] = [];
for (const family of MATERIAL_FAMILIES) {
  for (const seed of SEEDS) tiles.push({ recipe: plainRecipe(family.id), seed, caption: `${family.id} #${seed}` });
  const text = VARIANTS[family.id] ?? family.id;
  tiles.push({ recipe: describeMaterial(text).recipe, seed: 1, caption: `"${text}"` });
}

const perRow = FAMILIES_PER_ROW * (SEEDS.length + 1);
const cell = { width: TILE + 4, height: TILE + CAPTION + 4 };
const rows = Math.ceil(tiles.length / perRow);
const composites: OverlayOptions[] = [];
for (const [k, tile] of tiles.entries()) {
  const left = (k % perRow) * cell.width + 2 + (k % perRow >= SEEDS.length + 1 ? 12 : 0);
  composites.push({ input: await render(tile), left, top: Math.floor(k / perRow) * cell.height + 2 });
}
await mkdir('samples/gallery', { recursive: true });
await sharp({ create: { width: perRow * cell.width + 12, height: rows * cell.height, channels: 3, background: '#222' } })
  .composite(composites)
  .jpeg({ quality: 86 })
  .toFile(OUT);
console.log(`wrote ${OUT}: ${tiles.length} tiles`);

async function render({ recipe, seed, caption }: Tile): Promise<Buffer> {
  const set = makeTextureSet(recipe, { size: 512, seed });
  const lit = renderLitTiles(set, TILE / 2, 2);
  const picture = await sharp(lit.data, { raw: { width: lit.width, height: lit.height, channels: 3 } }).png().toBuffer();
  return captionedTile(picture, { width: TILE, height: TILE, caption: CAPTION }, [{ text: caption, x: 6, y: 18, size: 12 }]);
}
