/**
 * The README's sample cutscene: the first storyboard of the public suite, planned and filmed in the
 * benchmark's 256 m river valley (a tower on the hill), at 640×360 and 24 fps. Writes the contact
 * sheet to samples/gallery/cutscene.jpg and the film to out/sample-cutscene/ (not committed).
 *   npx tsx samples/make-cutscene-sample.ts
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { filmCutscene } from '../engine-bridge/cutscene/film-cutscene.ts';
import { encodeImageWithSharp } from '../engine-bridge/images/sharp-image-encoder.ts';
import { buildWorldDocument } from '../generators/export/build-world-document.ts';
import { encodeWorldTextures } from '../generators/export/world-textures.ts';
import { writeGlb } from '../generators/export/write-glb.ts';
import { settleFraming } from '../generators/shots/settle-framing.ts';
import { interpretStoryboard } from '../generators/shots/storyboard/index.ts';
import { parseWorldSpec } from '../generators/spec/index.ts';
import { generateWorld } from '../generators/world/generate-world.ts';
import { CUTSCENE_WORLD_SPEC } from './cutscene-world.ts';

const suite = (await readFile('samples/prompts/storyboards.txt', 'utf8')).split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const storyboard = suite[0];
const { world } = await generateWorld(parseWorldSpec(CUTSCENE_WORLD_SPEC));
const textures = await encodeWorldTextures(world.textures!, encodeImageWithSharp);
const glb = await writeGlb((await buildWorldDocument(world, { textures })).doc);
const { plan, notes } = await settleFraming(interpretStoryboard(storyboard, world).plan, world);
const film = await filmCutscene(plan, world, glb, {
  width: 640,
  height: 360,
  fps: 24,
  onProgress: (p) => p.stage === 'frames' && p.done % 24 === 0 && console.error(`frame ${p.done}/${p.total}`),
});
await mkdir('out/sample-cutscene', { recursive: true });
await writeFile('out/sample-cutscene/cutscene.mp4', film.mp4);
await writeFile('out/sample-cutscene/plan.json', `${JSON.stringify(plan, null, 2)}\n`);
await sharp(film.contactSheet).jpeg({ quality: 85 }).toFile('samples/gallery/cutscene.jpg');
console.log(`"${storyboard}": ${film.timeline.frameCount} frames, ${film.ms.total} ms; notes: ${notes.join(' ')}`);
