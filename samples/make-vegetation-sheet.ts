/**
 * `npx tsx samples/make-vegetation-sheet.ts`: a captioned contact sheet of the vegetation and
 * rock factories, written to samples/gallery/assets-vegetation.jpg:
 *
 *   one row per factory (every tree kind, bush, grass, flowers, fern, rock, boulder): four seeds
 *   at LOD0 in summer, then the first seed in autumn and in winter under snow (rocks: two more
 *   biomes' rock colours); and a last row with LOD0, LOD1 and LOD2 of a broadleaf and a conifer.
 *
 * Each tile is framed to its asset, so sizes are in the captions (height, triangles).
 */
import { mkdir } from 'node:fs/promises';
import sharp, { type OverlayOptions } from 'sharp';
import type { Asset } from '../generators/assets/asset.ts';
import { createBush, createFern, createFlowers, createGrassClump, type PlantStyle } from '../generators/assets/plants/index.ts';
import { createBoulder, createRock } from '../generators/assets/rocks/index.ts';
import { createTree } from '../generators/assets/trees/index.ts';
import { BIOME_TABLE } from '../generators/biomes/biome-table.ts';
import { renderAsset } from '../generators/preview/render-asset.ts';
import { TREE_KINDS } from '../generators/spec/world-spec-schema.ts';
import { captionedTile } from '../engine-bridge/images/captioned-tile.ts';

const OUT = 'samples/gallery/assets-vegetation.jpg';
const TILE = { width: 232, height: 232, caption: 30 };
const COLUMNS = 6;
const SEEDS = [1, 2, 3, 4];
const AUTUMN: PlantStyle = { season: 'autumn' };
const WINTER: PlantStyle = { season: 'winter', snow: 0.5 };

interface Tile {
  asset: Asset;
  lod: number;
  caption: string;
}

const timings: Array<{ what: string; ms: number }> = [];
function timed(what: string, make: () => Asset): Asset {
  const start = performance.now();
  const asset = make();
  timings.push({ what, ms: performance.now() - start });
  return asset;
}

function describe(asset: Asset, lod = 0): string {
  const height = asset.bounds.max[1] - asset.bounds.min[1];
  const width = Math.max(asset.bounds.max[0] - asset.bounds.min[0], asset.bounds.max[2] - asset.bounds.min[2]);
  return `${height.toFixed(1)}×${width.toFixed(1)} m · ${asset.lods[lod].triangles} tris`;
}

const rows: Tile[][] = [];
for (const kind of TREE_KINDS) {
  const row: Tile[] = SEEDS.map((seed) => {
    const asset = timed(`tree/${kind}`, () => createTree(kind, seed, { season: 'summer' }));
    return { asset, lod: 0, caption: `${kind} #${seed} · ${describe(asset)}` };
  });
  const autumn = createTree(kind, 1, AUTUMN);
  const winter = createTree(kind, 1, WINTER);
  row.push({ asset: autumn, lod: 0, caption: `${kind} #1 autumn · ${autumn.lods[0].triangles} tris` });
  row.push({ asset: winter, lod: 0, caption: `${kind} #1 winter, snow · ${winter.lods[0].triangles} tris` });
  rows.push(row);
}

const plants: Array<[string, (seed: number, style: PlantStyle) => Asset]> = [
  ['bush', createBush],
  ['grass', createGrassClump],
  ['flowers', createFlowers],
  ['fern', createFern],
];
for (const [name, create] of plants) {
  const row: Tile[] = SEEDS.map((seed) => {
    const asset = timed(name, () => create(seed, { season: 'summer' }));
    return { asset, lod: 0, caption: `${name} #${seed} · ${describe(asset)}` };
  });
  row.push({ asset: create(1, AUTUMN), lod: 0, caption: `${name} #1 autumn` });
  row.push({ asset: create(1, WINTER), lod: 0, caption: `${name} #1 winter, snow` });
  rows.push(row);
}

const stones: Array<[string, typeof createRock, number]> = [
  ['rock', createRock, 0.5],
  ['boulder', createBoulder, 0.5],
];
for (const [name, create, size] of stones) {
  const color = BIOME_TABLE['temperate-forest'].rock;
  const row: Tile[] = SEEDS.map((seed) => {
    const asset = timed(name, () => create(seed, { color, size }));
    return { asset, lod: 0, caption: `${name} #${seed} · ${describe(asset)}` };
  });
  for (const [biome, seed] of [['canyon', 5], ['volcanic', 6]] as const) {
    const asset = create(seed, { color: BIOME_TABLE[biome].rock, size });
    row.push({ asset, lod: 0, caption: `${name} #${seed} ${biome} · ${describe(asset)}` });
  }
  rows.push(row);
}

const broadleaf = createTree('broadleaf', 1);
const conifer = createTree('conifer', 1);
rows.push([
  ...[0, 1, 2].map((lod) => ({ asset: broadleaf, lod, caption: `broadleaf #1 LOD${lod} · ${broadleaf.lods[lod].triangles} tris` })),
  ...[0, 1, 2].map((lod) => ({ asset: conifer, lod, caption: `conifer #1 LOD${lod} · ${conifer.lods[lod].triangles} tris` })),
]);

const cell = { width: TILE.width + 4, height: TILE.height + TILE.caption + 4 };
const composites: OverlayOptions[] = [];
for (let r = 0; r < rows.length; r++) {
  for (let c = 0; c < rows[r].length; c++) {
    composites.push({ input: await tile(rows[r][c]), left: c * cell.width + 2, top: r * cell.height + 2 });
  }
}
await mkdir('samples/gallery', { recursive: true });
await sharp({ create: { width: COLUMNS * cell.width, height: rows.length * cell.height, channels: 3, background: '#111' } })
  .composite(composites)
  .jpeg({ quality: 78, mozjpeg: true })
  .toFile(OUT);

const byWhat = new Map<string, number[]>();
for (const { what, ms } of timings) byWhat.set(what, [...(byWhat.get(what) ?? []), ms]);
for (const [what, ms] of byWhat) console.error(`${what.padEnd(16)} ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(1)} ms per asset`);
console.error(`wrote ${OUT}`);

async function tile({ asset, lod, caption }: Tile): Promise<Buffer> {
  const image = renderAsset(asset, { lod, width: TILE.width, height: TILE.height });
  const picture = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } }).png().toBuffer();
  return captionedTile(picture, TILE, [{ text: caption, x: 6, y: 19, size: caption.length > 40 ? 10 : 11 }]);
}
