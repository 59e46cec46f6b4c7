/**
 * The video renderer: the test scene's timeline (a small textured world, a skinned actor, a fade,
 * a crossfade; frames 4–15, 12 frames at 12 fps, 15 scene renders) drawn at 640×360 and 1280×720
 * and encoded by WebCodecs in the page and by ffmpeg (libx264 veryfast), next to the floor measured
 * in the same run: the same frames drawn and composited with nothing captured or encoded. Frames
 * per second count frames over drawing and encoding (render + encode), not browser start or
 * loading, which are listed apart. Modes take turns within each run, so noise falls on all alike.
 */
import { drawVideoFrames, renderVideo, type RenderedVideo } from '../../engine-bridge/video/render-video.ts';
import { makeVideoScene } from '../video/video-fixtures.ts';
import { machine, median, table } from './bench-report.ts';

const SIZES = [
  [640, 360],
  [1280, 720],
] as const;
const MODES = ['none', 'webcodecs', 'ffmpeg'] as const;

export async function benchVideo(runs: number, log: (line: string) => void): Promise<string> {
  const scene = await makeVideoScene();
  const timeline = { ...scene.timeline, frames: scene.timeline.frames.slice(4, 16), frameCount: 12, durationSeconds: 1 };
  const rows: Array<Array<string | number>> = [];
  let browserName = '';
  for (const [width, height] of SIZES) {
    const results: Record<(typeof MODES)[number], RenderedVideo[]> = { none: [], webcodecs: [], ffmpeg: [] };
    for (let run = 0; run < runs; run++) {
      for (const mode of MODES) {
        const input = { ...scene, timeline, width, height };
        const video = mode === 'none' ? await drawVideoFrames(input) : await renderVideo(input, { encoder: mode });
        browserName = `${video.browser.kind} Chromium (${video.browser.renderer})`;
        results[mode].push(video);
        log(`video ${width}×${height} ${mode} run ${run + 1}/${runs}: ${fps(video).toFixed(2)} fps, ${Math.round(video.ms.total)} ms in all`);
      }
    }
    const floor = median(results.none.map(fps));
    for (const mode of MODES) {
      const list = results[mode];
      const per = (pick: (v: RenderedVideo) => number) => Math.round(median(list.map(pick)) / list[0].frames);
      rows.push([
        `${width}×${height}`,
        mode === 'none' ? 'none (floor)' : mode,
        `**${median(list.map(fps)).toFixed(2)}**`,
        mode === 'none' ? '1.00×' : `${(floor / median(list.map(fps))).toFixed(2)}×`,
        per((v) => v.stats.drawMs),
        per((v) => v.stats.lodMs),
        per((v) => v.stats.captureMs),
        per((v) => v.stats.encodeMs + v.stats.pipeMs),
        Math.round(median(list.map((v) => v.ms.encode))),
        Math.round(median(list.map((v) => v.ms.start + v.ms.load))),
        mode === 'none' ? '' : `${Math.round(median(list.map((v) => v.mp4.length)) / 1024)} KiB`,
      ]);
    }
  }
  return `## Video: frames to H.264 MP4

The test scene (a 256 m textured world, a skinned actor, a fade and a crossfade; 12 frames at
12 fps, 15 scene renders) drawn by Babylon.js in headless ${browserName} and encoded to H.264
yuv420p MP4. Median of ${runs} runs on ${machine()}; no GPU. fps = frames / (drawing + encoding);
the floor draws and composites the same frames with nothing captured or encoded.

${table(['frame', 'encoder', 'fps', 'time vs floor', 'draw ms/frame', 'of which LOD', 'capture ms/frame', 'encode ms/frame', 'finish ms', 'start + load ms', 'MP4'], rows)}
`;
}

function fps(video: RenderedVideo): number {
  return video.frames / ((video.ms.render + video.ms.encode) / 1000);
}
