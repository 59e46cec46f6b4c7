/**
 * `npx tsx samples/make-structure-sheet.ts`: a captioned contact sheet of every structure type,
 * intact, weathered and ruined, for two seeds (the second in another material where the type
 * has one), and a castle at LOD0, LOD1 and LOD2 — written to samples/gallery/assets-structures.jpg
 * so anyone can see what the factories make.
 */
import { mkdir } from 'node:fs/promises';
import sharp, { type OverlayOptions } from 'sharp';
import type { Asset } from '../generators/assets/asset.ts';
import { renderAsset } from '../generators/preview/render-asset.ts';
import { STRUCTURE_TYPES, type StructureType } from '../generators/spec/world-spec-schema.ts';
import { createStructure, resolveMaterial, type BuildingMaterial, type StructureCondition } from '../generators/structures/index.ts';
import { captionedTile } from '../engine-bridge/images/captioned-tile.ts';

const OUT = 'samples/gallery/assets-structures.jpg';
const TILE = { width: 232, height: 200, caption: 22 };
const CONDITIONS: StructureCondition[] = ['intact', 'weathered', 'ruined'];
const SEEDS = [1, 2];
/** The second seed's material, where a type is drawn differently in it. */
const ALTERNATE: Partial<Record<StructureType, BuildingMaterial>> = {
  tower: 'wood',
  bridge: 'rope',
  temple: 'sandstone',
  wall: 'wood',
  windmill: 'wood',
  house: 'stone',
  village: 'brick',
  fortress: 'sandstone',
  pier: 'stone',
  chapel: 'brick',
};

interface Tile {
  asset: Asset;
  caption: string;
  lod?: number;
}

const rows: Tile[][] = STRUCTURE_TYPES.map((type) =>
  CONDITIONS.flatMap((condition) =>
    SEEDS.map((seed, k) => {
      const material = k === 1 && ALTERNATE[type] ? ALTERNATE[type] : resolveMaterial(type, 'auto', 'temperate-forest');
      const asset = createStructure(type, seed, { condition, material });
      return { asset, caption: `${type} · ${condition} · ${material} · ${asset.lods[0].triangles}▲` };
    }),
  ),
);
const castle = createStructure('castle', 1);
rows.push(castle.lods.map((lod, i) => ({ asset: castle, lod: i, caption: `castle LOD${i} · ${lod.triangles}▲` })));

const columns = Math.max(...rows.map((r) => r.length));
const cell = { width: TILE.width + 4, height: TILE.height + TILE.caption + 4 };
const composites: OverlayOptions[] = [];
for (const [r, row] of rows.entries()) {
  for (const [c, tile] of row.entries()) {
    composites.push({ input: await captioned(tile), left: c * cell.width + 2, top: r * cell.height + 2 });
  }
}
await mkdir('samples/gallery', { recursive: true });
await sharp({ create: { width: columns * cell.width, height: rows.length * cell.height, channels: 3, background: '#111' } })
  .composite(composites)
  .jpeg({ quality: 78, mozjpeg: true })
  .toFile(OUT);
console.error(`wrote ${OUT}`);

async function captioned(tile: Tile): Promise<Buffer> {
  const image = renderAsset(tile.asset, { lod: tile.lod ?? 0, width: TILE.width, height: TILE.height, azimuth: 35, elevation: 20 });
  const picture = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } }).png().toBuffer();
  return captionedTile(picture, TILE, [{ text: tile.caption, x: 6, y: 15, size: 11 }]);
}
