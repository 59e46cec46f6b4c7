/**
 * A ShotPlan filmed in a World — everything `worldsmith cutscene` writes, in memory:
 *
 *   plan + World ─compileTimeline─▶ Timeline ─┬─buildCutsceneDocument─▶ cutscene.glb (validated)
 *                                              ├─renderVideo (Chromium, Babylon, WebCodecs)─▶ H.264 MP4
 *                                              ├─mixSoundtrack─▶ PCM ─muxSoundtrack (ffmpeg, AAC)─▶ cutscene.mp4
 *                                              └─makeContactSheet (frames decoded from the MP4)─▶ PNG
 *
 * The plan is compiled — every subject found, every camera framed — before a browser starts, so a
 * plan that cannot be filmed fails in a fraction of a second. Same plan, world, size, fps and
 * browser ⇒ the same bytes in every file.
 */
import type { ShotPlan } from '../../generators/shots/shot-plan-schema.ts';
import { compileTimeline } from '../../generators/shots/compile-timeline.ts';
import type { Timeline } from '../../generators/shots/timeline.ts';
import { mixSoundtrack } from '../../generators/audio/mix-soundtrack.ts';
import { buildCutsceneDocument } from '../../generators/export/build-cutscene-document.ts';
import { ExportError } from '../../generators/export/export-error.ts';
import { validateGlb } from '../../generators/export/validate-glb.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import type { World } from '../../generators/world/world.ts';
import type { FindBrowserOptions } from '../render/find-browser.ts';
import { muxSoundtrack } from '../video/mux-soundtrack.ts';
import { renderVideo, type RenderedVideo, type VideoEncoderChoice } from '../video/render-video.ts';
import { validateVideoInput } from '../video/video-input.ts';
import { makeContactSheet } from './contact-sheet.ts';

export interface FilmCutsceneOptions {
  width: number;
  height: number;
  fps: number;
  browser?: FindBrowserOptions;
  encoder?: VideoEncoderChoice;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Stages as they go: compile, glb, frames (with frame counts), sound, mux, sheet. */
  onProgress?: (progress: { stage: string; done: number; total: number }) => void;
}

export interface FilmedCutscene {
  timeline: Timeline;
  /** H.264 + AAC, moov first. */
  mp4: Uint8Array;
  glb: Uint8Array;
  contactSheet: Uint8Array;
  notes: string[];
  video: RenderedVideo;
  ms: { compile: number; glb: number; video: number; sound: number; mux: number; sheet: number; total: number };
}

export async function filmCutscene(plan: ShotPlan, world: World, worldGlb: Uint8Array, options: FilmCutsceneOptions): Promise<FilmedCutscene> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  let mark = started;
  const lap = () => {
    const now = performance.now();
    const ms = now - mark;
    mark = now;
    return Math.round(ms);
  };

  progress({ stage: 'compile', done: 0, total: 1 });
  const { timeline, notes } = await compileTimeline(plan, world, { fps: options.fps });
  // Size, fps and the world glb checked here too, before the browser starts.
  validateVideoInput({ world: worldGlb, timeline, width: options.width, height: options.height });
  const compile = lap();

  progress({ stage: 'glb', done: 0, total: 1 });
  const glb = await writeGlb(buildCutsceneDocument(timeline));
  const validation = await validateGlb(glb, 5);
  if (validation.errors > 0) {
    throw new ExportError(`cutscene.glb failed the glTF validator with ${validation.errors} errors (first: ${validation.messages[0]?.code} ${validation.messages[0]?.message}). This is a Worldsmith bug: please report it with the plan.`);
  }
  const actors = timeline.characters.length > 0 ? await writeGlb(buildCutsceneDocument(timeline, { cameras: false, clips: false })) : undefined;
  const glbMs = lap();

  const video = await renderVideo(
    { world: worldGlb, actors, timeline, width: options.width, height: options.height },
    {
      browser: options.browser,
      encoder: options.encoder,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      onProgress: (p) => progress({ stage: 'frames', done: p.frame, total: p.frames }),
    },
  );
  const videoMs = lap();

  progress({ stage: 'sound', done: 0, total: 1 });
  const soundtrack = mixSoundtrack(timeline, { seed: world.spec.seed, signal: options.signal });
  const sound = lap();

  progress({ stage: 'mux', done: 0, total: 1 });
  const mp4 = await muxSoundtrack(video.mp4, soundtrack, { signal: options.signal });
  const mux = lap();

  progress({ stage: 'sheet', done: 0, total: 1 });
  const contactSheet = await makeContactSheet(mp4, timeline, { signal: options.signal });
  const sheet = lap();
  return { timeline, mp4, glb, contactSheet, notes, video, ms: { compile, glb: glbMs, video: videoMs, sound, mux, sheet, total: Math.round(performance.now() - started) } };
}
