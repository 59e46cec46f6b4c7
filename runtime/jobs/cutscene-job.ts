/**
 * The `cutscene` job: a ShotPlan filmed in a world (engine-bridge's filmCutscene: compile, glb,
 * frames in headless Chromium, sound, mux, contact sheet), its files written into the store as one
 * directory renamed into place when whole (cutscene-files.ts). The job's id is the cutscene's id.
 */
import { filmCutscene } from '../../engine-bridge/cutscene/film-cutscene.ts';
import type { FindBrowserOptions } from '../../engine-bridge/render/find-browser.ts';
import { parseShotPlan } from '../../generators/shots/parse-shot-plan.ts';
import type { WorldCatalog } from '../worlds/world-catalog.ts';
import { CUTSCENE_FILES, type CutsceneFiles } from './cutscene-files.ts';
import type { JobWork } from './job-queue.ts';

export interface CutsceneJobInput {
  plan: unknown;
  width: number;
  height: number;
  fps: number;
}

export function cutsceneJob(catalog: WorldCatalog, files: CutsceneFiles, browser: FindBrowserOptions = {}): JobWork {
  return async (job, { signal, progress }) => {
    const input = job.input as unknown as CutsceneJobInput;
    const plan = parseShotPlan(input.plan, { source: `job ${job.id}` });
    progress('world', 0, 1);
    const world = await catalog.load(job.worldId, { signal, onProgress: (e) => progress('world', e.done, Math.max(1, e.total)) });
    const filmed = await filmCutscene(plan, world.world, world.glb, {
      width: input.width,
      height: input.height,
      fps: input.fps,
      browser,
      signal,
      onProgress: (p) => progress(p.stage, p.done, p.total),
    });
    signal.throwIfAborted();
    progress('store', 0, 1);
    await files.write(job.id, {
      'cutscene.mp4': filmed.mp4,
      'cutscene.glb': filmed.glb,
      'timeline.json': `${JSON.stringify(filmed.timeline)}\n`,
      'contact-sheet.png': filmed.contactSheet,
      'plan.json': `${JSON.stringify(plan, null, 2)}\n`,
    });
    const url = (name: string) => `/api/cutscenes/${job.id}/${name}`;
    return {
      cutsceneId: job.id,
      worldId: job.worldId,
      width: input.width,
      height: input.height,
      fps: input.fps,
      frames: filmed.timeline.frameCount,
      durationSeconds: filmed.timeline.durationSeconds,
      shots: filmed.timeline.shots.length,
      mp4Bytes: filmed.mp4.byteLength,
      notes: filmed.notes,
      files: { mp4: url(CUTSCENE_FILES[0]), glb: url(CUTSCENE_FILES[1]), timeline: url(CUTSCENE_FILES[2]), contactSheet: url(CUTSCENE_FILES[3]), plan: url(CUTSCENE_FILES[4]) },
    };
  };
}
