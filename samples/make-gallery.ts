/**
 * `npm run gallery`: makes every prompt of the public suite (seed 1) and writes
 *   samples/gallery/prompt-suite.jpg       a captioned contact sheet of all perspective views
 *   samples/gallery/structures-in-worlds.jpg  a close-up of every structure the suite asks for,
 *                                          standing in its world
 *   samples/gallery/<slug>.view.jpg        full-size views of the prompts named in FEATURED
 *   samples/gallery/<slug>.relief.jpg      and their top-down relief maps
 *   samples/gallery/standard-world.view.jpg  the 1 km² world the benchmark measures
 * so the README shows real output, and anyone can look at what every prompt gives.
 * (The asset contact sheets have their own scripts: make-vegetation-sheet.ts, make-structure-sheet.ts.)
 */
import { readFile, mkdir } from 'node:fs/promises';
import sharp from 'sharp';
import { interpretPrompt } from '../generators/interpret/index.ts';
import type { ReliefImage } from '../generators/terrain/shade-relief.ts';
import { generateWorld } from '../generators/world/generate-world.ts';
import { renderPerspectivePreview } from '../generators/world/perspective-preview.ts';
import { renderReliefPreview } from '../generators/world/relief-preview.ts';
import type { World } from '../generators/world/world.ts';
import { STANDARD_PROMPT, STANDARD_SEED } from './standard-world.ts';
import { captionedTile } from '../engine-bridge/images/captioned-tile.ts';

const OUT = 'samples/gallery';
const SEED = 1;
const TILE = { width: 480, height: 270, caption: 40 };
const COLUMNS = 4;
const FEATURED = [
  'a misty pine valley with a river and a ruined watchtower at dawn',
  'a volcanic island with black sand beaches and a smoking crater at dusk',
  'red sandstone mesas and a dry canyon at noon, no vegetation',
  'snowy mountain pass with a frozen lake and a small wooden village',
];

const prompts = (await readFile('samples/prompts/worlds.txt', 'utf8'))
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
await mkdir(OUT, { recursive: true });

const tiles: Buffer[] = [];
const closeUps: Buffer[] = [];
for (const prompt of prompts) {
  const start = performance.now();
  const { spec } = interpretPrompt(prompt, { seed: SEED });
  const { world } = await generateWorld(spec, { navmesh: false });
  const view = renderPerspectivePreview(world, { width: TILE.width, height: TILE.height });
  tiles.push(await captioned(view, prompt));
  for (const { type, image } of structureCloseUps(world)) closeUps.push(await captioned(image, `${type} — ${prompt}`));
  if (FEATURED.includes(prompt)) {
    const slug = prompt.split(' ').slice(0, 4).join('-').replace(/[^a-z-]/g, '');
    await jpeg(renderPerspectivePreview(world), `${OUT}/${slug}.view.jpg`);
    await jpeg(renderReliefPreview(world, 540), `${OUT}/${slug}.relief.jpg`);
  }
  console.error(`${Math.round(performance.now() - start)} ms  ${prompt}`);
}

await contactSheet(tiles, `${OUT}/prompt-suite.jpg`);
await contactSheet(closeUps, `${OUT}/structures-in-worlds.jpg`);

{
  const start = performance.now();
  const { spec } = interpretPrompt(STANDARD_PROMPT, { seed: STANDARD_SEED });
  const { world } = await generateWorld(spec, { navmesh: false });
  await jpeg(renderPerspectivePreview(world), `${OUT}/standard-world.view.jpg`);
  console.error(`${Math.round(performance.now() - start)} ms  ${STANDARD_PROMPT}`);
}

/** A close-up of each placed structure, framed by its size, from the south-west and above. */
function structureCloseUps(world: World): Array<{ type: string; image: ReliefImage }> {
  return world.structures
    .filter((s) => s.pieces.length > 0)
    .map((s) => {
      const reach = Math.max(...s.pieces.map((p) => Math.hypot(p.x - s.centre.x, p.z - s.centre.z) + Math.max(p.halfWidth, p.halfDepth)));
      const image = renderPerspectivePreview(world, { width: TILE.width, height: TILE.height, target: s.centre, distance: Math.max(40, reach * 3.2), pitch: 22, azimuth: 30 });
      return { type: s.type, image };
    });
}

async function contactSheet(images: Buffer[], path: string): Promise<void> {
  const rows = Math.ceil(images.length / COLUMNS);
  const cell = { width: TILE.width + 4, height: TILE.height + TILE.caption + 4 };
  await sharp({ create: { width: COLUMNS * cell.width, height: rows * cell.height, channels: 3, background: '#111' } })
    .composite(images.map((input, i) => ({ input, left: (i % COLUMNS) * cell.width + 2, top: Math.floor(i / COLUMNS) * cell.height + 2 })))
    .jpeg({ quality: 82, mozjpeg: true })
    .toFile(path);
  console.error(`wrote ${path}`);
}

async function captioned(image: ReliefImage, text: string): Promise<Buffer> {
  const picture = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } }).png().toBuffer();
  // One line when it fits, else two, broken at the space nearest the middle.
  const lines = text.length <= 62 ? [text] : splitNearMiddle(text);
  const size = lines.length === 1 ? 13 : 12;
  const top = lines.length === 1 ? 25 : 17;
  return captionedTile(picture, TILE, lines.map((line, k) => ({ text: line, x: 8, y: top + k * 15, size })));
}

function splitNearMiddle(text: string): [string, string] {
  let best = -1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) if (best === -1 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) best = i;
  return best === -1 ? [text, ''] : [text.slice(0, best), text.slice(best + 1)];
}

async function jpeg(image: ReliefImage, path: string): Promise<void> {
  await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } }).flatten().jpeg({ quality: 85, mozjpeg: true }).toFile(path);
}
