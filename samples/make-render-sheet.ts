/**
 * `npx tsx samples/make-render-sheet.ts`: a world rendered by the render bridge (Babylon.js in
 * headless Chromium), written to samples/gallery/rendered-world.jpg — the player's view from the
 * spawn and the overview, side by side. The prompt is from the public suite's kind of words; the
 * world is textured (the texture lab's sets) as `worldsmith generate` writes it.
 */
import { mkdir } from 'node:fs/promises';
import sharp from 'sharp';
import { encodeImageWithSharp } from '../engine-bridge/images/sharp-image-encoder.ts';
import { readGlbInfo } from '../engine-bridge/render/glb-info.ts';
import { overviewCamera, renderStill, spawnCamera } from '../engine-bridge/render/render-still.ts';
import { buildWorldDocument } from '../generators/export/build-world-document.ts';
import { encodeWorldTextures } from '../generators/export/world-textures.ts';
import { writeGlb } from '../generators/export/write-glb.ts';
import { interpretPrompt } from '../generators/interpret/index.ts';
import { generateWorld } from '../generators/world/generate-world.ts';

const OUT = 'samples/gallery/rendered-world.jpg';
const PROMPT = 'rolling grassland with scattered oak trees, a stone farmhouse and a river at noon';
const { spec } = interpretPrompt(PROMPT, { seed: 3 });
const { world } = await generateWorld(spec);
const glb = await writeGlb((await buildWorldDocument(world, { textures: await encodeWorldTextures(world.textures!, encodeImageWithSharp) })).doc);
const info = readGlbInfo(glb);
const size = { width: 960, height: 540 };
const spawn = await renderStill(glb, { ...size, camera: spawnCamera(info.spawn!) });
const overview = await renderStill(glb, { ...size, camera: overviewCamera(info.size, info.heightRange) });
await mkdir('samples/gallery', { recursive: true });
await sharp({ create: { width: size.width * 2 + 8, height: size.height, channels: 3, background: '#111' } })
  .composite([
    { input: Buffer.from(spawn.png), left: 0, top: 0 },
    { input: Buffer.from(overview.png), left: size.width + 8, top: 0 },
  ])
  .jpeg({ quality: 86 })
  .toFile(OUT);
console.log(`wrote ${OUT} (${spawn.browser.kind} Chromium, ${spawn.browser.renderer}; ${Math.round(spawn.ms.total)} + ${Math.round(overview.ms.total)} ms)`);
