/**
 * A 10 s cutscene end to end — plan compiled, cutscene glb, every frame drawn and encoded, sound
 * mixed and muxed, contact sheet — at 640×360 and 1280×720, next to the floor measured in the same
 * run: the same frames drawn with nothing captured, encoded, mixed or muxed. The world is the
 * 256 m river valley with a tower (textured) that the CLI tests film; the standard 1 km world
 * draws at several seconds a frame on SwiftShader (see the render section) and is out of reach
 * for repeated 240-frame runs on this machine.
 */
import { filmCutscene, type FilmedCutscene } from '../../engine-bridge/cutscene/film-cutscene.ts';
import { encodeWorldTextures } from '../../generators/export/world-textures.ts';
import { buildCutsceneDocument } from '../../generators/export/build-cutscene-document.ts';
import { buildWorldDocument } from '../../generators/export/build-world-document.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { compileTimeline } from '../../generators/shots/compile-timeline.ts';
import { settleFraming } from '../../generators/shots/settle-framing.ts';
import { interpretStoryboard } from '../../generators/shots/storyboard/index.ts';
import { parseWorldSpec } from '../../generators/spec/index.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { encodeImageWithSharp } from '../../engine-bridge/images/sharp-image-encoder.ts';
import { drawVideoFrames, type RenderedVideo } from '../../engine-bridge/video/render-video.ts';
import { CUTSCENE_BENCH_STORYBOARD, CUTSCENE_WORLD_SPEC } from '../../samples/cutscene-world.ts';
import { machine, median, table } from './bench-report.ts';


const SIZES = [
  [640, 360],
  [1280, 720],
] as const;

export async function benchCutscene(runs: number, log: (line: string) => void): Promise<string> {
  const spec = parseWorldSpec(CUTSCENE_WORLD_SPEC);
  const { world } = await generateWorld(spec);
  const textures = await encodeWorldTextures(world.textures!, encodeImageWithSharp);
  const glb = await writeGlb((await buildWorldDocument(world, { textures })).doc);
  const { plan } = await settleFraming(interpretStoryboard(CUTSCENE_BENCH_STORYBOARD, world).plan, world);
  const { timeline } = await compileTimeline(plan, world, { fps: 24 });
  const rows: Array<Array<string | number>> = [];
  let browserName = '';
  for (const [width, height] of SIZES) {
    const films: FilmedCutscene[] = [];
    const floors: RenderedVideo[] = [];
    for (let run = 0; run < runs; run++) {
      const film = await filmCutscene(plan, world, glb, { width, height, fps: 24 });
      films.push(film);
      log(`cutscene ${width}×${height} run ${run + 1}/${runs}: ${(film.timeline.frameCount / (film.ms.total / 1000)).toFixed(2)} fps end to end, ${film.ms.total} ms`);
      // The floor draws the film's own frames, actors included, with nothing captured or encoded.
      const actors = await writeGlb(buildCutsceneDocument(timeline, { cameras: false, clips: false }));
      const floor = await drawVideoFrames({ world: glb, actors, timeline, width, height });
      floors.push(floor);
      browserName = `${floor.browser.kind} Chromium (${floor.browser.renderer})`;
      log(`cutscene ${width}×${height} floor run ${run + 1}/${runs}: ${(floor.frames / (floor.ms.render / 1000)).toFixed(2)} fps`);
    }
    const frames = timeline.frameCount;
    const endToEnd = median(films.map((f) => frames / (f.ms.total / 1000)));
    const videoOnly = median(films.map((f) => frames / ((f.video.ms.render + f.video.ms.encode) / 1000)));
    const floor = median(floors.map((f) => frames / (f.ms.render / 1000)));
    const captureEncode = median(films.map((f) => (f.video.stats.captureMs + f.video.stats.encodeMs + f.video.stats.finishMs) / (f.ms.total)));
    const m = (pick: (f: FilmedCutscene) => number) => Math.round(median(films.map(pick)));
    rows.push([
      `${width}×${height}`,
      `**${endToEnd.toFixed(2)}**`,
      videoOnly.toFixed(2),
      floor.toFixed(2),
      `${(floor / endToEnd).toFixed(2)}×`,
      `${(captureEncode * 100).toFixed(1)} %`,
      m((f) => f.ms.compile + f.ms.glb),
      m((f) => f.video.ms.start + f.video.ms.load),
      m((f) => f.ms.sound),
      m((f) => f.ms.mux),
      m((f) => f.ms.sheet),
      `${Math.round(median(films.map((f) => f.mp4.length)) / 1024)} KiB`,
    ]);
  }
  return `## Cutscene: a 10 s shot plan to MP4 with sound

"${CUTSCENE_BENCH_STORYBOARD}" — planned and framed on the 256 m textured river valley with a tower and a
knight (4 shots, a skinned character, ${timeline.frameCount} frames at 24 fps), filmed end to end by
\`filmCutscene\` (what \`worldsmith cutscene\` runs): compile, cutscene glb, frames drawn by Babylon.js
in headless ${browserName} and encoded by WebCodecs, sound mixed and muxed as AAC, contact sheet. The
floor draws the same frames (same actors) with nothing captured or encoded. Median of ${runs} run(s)
on ${machine()}; no GPU. Targets from the issue: ≥ 15 fps at 640×360 and ≥ 5 fps at 1280×720.

${table(['frame', 'end-to-end fps', 'video fps (draw + encode)', 'floor fps (draw only)', 'end to end vs floor', 'capture + encode share', 'compile + glb ms', 'browser start + load ms', 'sound ms', 'mux ms', 'sheet ms', 'MP4'], rows)}
`;
}
