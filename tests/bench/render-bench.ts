/**
 * The render bridge, one frame: the standard world (textured, compressed) drawn by Babylon.js in
 * headless Chromium at 640×360 and 1280×720 — browser start, page load (the glb served, decoded,
 * every LOD and texture in), and the whole still to PNG. Baseline in the same run: the same still
 * of an empty scene (a glb with one node and nothing to draw), the floor every frame pays for
 * starting a browser and a WebGL page.
 */
import { Document } from '@gltf-transform/core';
import { encodeImageWithSharp } from '../../engine-bridge/images/sharp-image-encoder.ts';
import { renderStill } from '../../engine-bridge/render/render-still.ts';
import { buildWorldDocument } from '../../generators/export/build-world-document.ts';
import { encodeWorldTextures } from '../../generators/export/world-textures.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { interpretPrompt } from '../../generators/interpret/index.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { STANDARD_PROMPT, STANDARD_SEED } from '../../samples/standard-world.ts';
import { machine, median, table } from './bench-report.ts';

const SIZES = [
  [640, 360],
  [1280, 720],
] as const;

export async function benchRender(runs: number, log: (line: string) => void): Promise<string> {
  const { spec } = interpretPrompt(STANDARD_PROMPT, { seed: STANDARD_SEED });
  const { world } = await generateWorld(spec);
  const glb = await writeGlb((await buildWorldDocument(world, { textures: await encodeWorldTextures(world.textures!, encodeImageWithSharp) })).doc);
  const empty = new Document();
  empty.createBuffer();
  empty.createScene('Empty').addChild(empty.createNode('nothing'));
  const emptyGlb = await writeGlb(empty);
  const rows: Array<Array<string | number>> = [];
  let browserName = '';
  for (const [width, height] of SIZES) {
    const times: Record<string, number[]> = { start: [], load: [], total: [], floor: [] };
    for (let run = 0; run < runs; run++) {
      const still = await renderStill(glb, { width, height });
      const floor = await renderStill(emptyGlb, { width, height });
      browserName = `${still.browser.kind} Chromium (${still.browser.renderer})`;
      times.start.push(still.ms.start);
      times.load.push(still.ms.load);
      times.total.push(still.ms.total);
      times.floor.push(floor.ms.total);
      log(`render ${width}×${height} run ${run + 1}/${runs}: ${Math.round(still.ms.total)} ms (empty scene ${Math.round(floor.ms.total)} ms)`);
    }
    const total = median(times.total);
    const floor = median(times.floor);
    rows.push([`${width}×${height}`, `**${(total / 1000).toFixed(1)} s**`, Math.round(median(times.start)), Math.round(median(times.load)), `${(floor / 1000).toFixed(1)} s`, `${(total / floor).toFixed(1)}×`]);
  }
  return `## Render bridge: one frame of the standard world

The standard world (${(glb.length / 2 ** 20).toFixed(1)} MiB, textured, compressed) drawn by Babylon.js in headless ${browserName}, from
the overview camera, to PNG. Median of ${runs} runs on ${machine()}; no GPU. The floor is the same
still of an empty scene, measured in the same run: starting the browser and a WebGL page.

${table(['frame', 'still', 'browser start ms', 'page load + draw call ms', 'floor (empty scene)', 'ratio'], rows)}

The rest of each still is the software rasteriser drawing the frame before it can be read back.
Plants are drawn at the level of detail of their distance (the page keeps the MSFT_lod levels
Babylon.js would dispose and leaves out instances under 1.5 pixels or out of view); the terrain's
2 M triangles are drawn at full detail — it has no distance LOD in the single .glb. Browser start includes bundling the page on the first run of a machine (then cached)
and, for the embedded Chromium, unpacking it into TMPDIR once. Frame-stepped video capture and its fps come
with the cinematics work.
`;
}
