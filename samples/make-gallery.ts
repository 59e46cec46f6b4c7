/**
 * `npm run gallery`: makes every prompt of the public suite (seed 1) and writes
 *   samples/gallery/prompt-suite.jpg       a captioned contact sheet of all perspective views
 *   samples/gallery/<slug>.view.jpg        full-size views of the prompts named in FEATURED
 *   samples/gallery/<slug>.relief.jpg      and their top-down relief maps
 * so the README shows real output, and anyone can look at what every prompt gives.
 */
import { readFile, mkdir } from 'node:fs/promises';
import sharp from 'sharp';
import { interpretPrompt } from '../generators/interpret/index.ts';
import type { ReliefImage } from '../generators/terrain/shade-relief.ts';
import { generateWorld } from '../generators/world/generate-world.ts';
import { renderPerspectivePreview } from '../generators/world/perspective-preview.ts';
import { renderReliefPreview } from '../generators/world/relief-preview.ts';

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
for (const prompt of prompts) {
  const start = performance.now();
  const { spec } = interpretPrompt(prompt, { seed: SEED });
  const { world } = await generateWorld(spec);
  const view = renderPerspectivePreview(world, { width: TILE.width, height: TILE.height });
  tiles.push(await captioned(view, prompt));
  if (FEATURED.includes(prompt)) {
    const slug = prompt.split(' ').slice(0, 4).join('-').replace(/[^a-z-]/g, '');
    await jpeg(renderPerspectivePreview(world), `${OUT}/${slug}.view.jpg`);
    await jpeg(renderReliefPreview(world, 540), `${OUT}/${slug}.relief.jpg`);
  }
  console.error(`${Math.round(performance.now() - start)} ms  ${prompt}`);
}

const rows = Math.ceil(tiles.length / COLUMNS);
const cell = { width: TILE.width + 4, height: TILE.height + TILE.caption + 4 };
await sharp({ create: { width: COLUMNS * cell.width, height: rows * cell.height, channels: 3, background: '#111' } })
  .composite(tiles.map((input, i) => ({ input, left: (i % COLUMNS) * cell.width + 2, top: Math.floor(i / COLUMNS) * cell.height + 2 })))
  .jpeg({ quality: 82, mozjpeg: true })
  .toFile(`${OUT}/prompt-suite.jpg`);
console.error(`wrote ${OUT}/prompt-suite.jpg`);

async function captioned(image: ReliefImage, text: string): Promise<Buffer> {
  const picture = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } }).png().toBuffer();
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const caption = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${TILE.width}" height="${TILE.caption}">` +
      `<rect width="100%" height="100%" fill="#111"/>` +
      `<text x="8" y="25" font-family="DejaVu Sans, sans-serif" font-size="${text.length > 62 ? 11 : 13}" fill="#eee">${escaped}</text></svg>`,
  );
  return sharp({ create: { width: TILE.width, height: TILE.height + TILE.caption, channels: 3, background: '#111' } })
    .composite([
      { input: picture, left: 0, top: 0 },
      { input: caption, left: 0, top: TILE.height },
    ])
    .png()
    .toBuffer();
}

async function jpeg(image: ReliefImage, path: string): Promise<void> {
  await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } }).flatten().jpeg({ quality: 85, mozjpeg: true }).toFile(path);
}
