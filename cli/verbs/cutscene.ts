import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { filmCutscene } from '../../engine-bridge/cutscene/film-cutscene.ts';
import { FPS_CHOICES } from '../../generators/shots/compile-timeline.ts';
import { parseShotPlan } from '../../generators/shots/parse-shot-plan.ts';
import { createProgressReporter, formatBytes, formatMs } from '../progress-reporter.ts';
import { integerFlag, parseFlags, sizeFlag } from '../parse-flags.ts';
import { readWorldDirectory } from '../read-world-directory.ts';
import { UsageError } from '../usage-error.ts';
import { writeFilesAtomically } from '../write-atomic.ts';
import type { Verb } from './verb.ts';

export const cutsceneVerb: Verb = {
  name: 'cutscene',
  summary: 'Film a shot plan in a world: MP4 with sound, glTF animations, timeline, contact sheet',
  help: `Usage: worldsmith cutscene PLAN.json --world DIR --out DIR [--size WxH] [--fps 24|30] [--encoder webcodecs|ffmpeg] [--system-chromium] [--gpu] [--browser PATH] [--timeout S] [--json]

Compiles the plan against the world (every subject found, every camera kept clear of the ground and
objects with its subject in sight, walks on the navmesh) — a plan that cannot be filmed is refused
here, before anything is rendered — then films it with Babylon.js in headless Chromium at a fixed
time step, scores it (ambience, footsteps, music changing at the cuts) and writes, atomically:

  cutscene.mp4        H.264 (yuv420p) + AAC, +faststart
  cutscene.glb        the characters (skinned, idle and walk clips) and one camera per shot, all
                      moved by the glTF animation "cutscene", for engines to play in real time
  timeline.json       every frame's camera(s), every character's pose, the shots, footsteps, cuts
  contact-sheet.png   the middle frame of each shot, captioned

The same plan, world, size, fps and browser give the same bytes.

Options:
  --world DIR     a directory \`worldsmith generate\` wrote (spec.json and world.glb)
  --out DIR       where to write
  --size WxH      frame size, even numbers (default 1280x720)
  --fps N         24 (default) or 30
  --encoder E     webcodecs (default: H.264 in the page) or ffmpeg (raw frames piped to libx264)
  --system-chromium, --gpu, --browser PATH   the browser, as for \`worldsmith render\`
  --timeout S     give up when loading or any one frame takes longer (default 180)
  --json          print the result (files, durations, timings) as JSON

Example:
  worldsmith plan "wide establishing shot of the valley at dawn; follow the knight to the tower" --world out/valley --out out/valley/plan.json
  worldsmith cutscene out/valley/plan.json --world out/valley --out out/valley/cutscene --size 640x360`,
  async run(args, io) {
    const { values, positionals } = parseFlags('cutscene', args, {
      world: { type: 'string' },
      out: { type: 'string' },
      size: { type: 'string' },
      fps: { type: 'string' },
      encoder: { type: 'string' },
      gpu: { type: 'boolean' },
      'system-chromium': { type: 'boolean' },
      browser: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('cutscene needs one plan file (PLAN.json, from `worldsmith plan`). See `worldsmith cutscene --help`.', 'cutscene');
    if (!values.world) throw new UsageError('cutscene needs --world DIR (a directory `worldsmith generate` wrote).', 'cutscene');
    if (!values.out) throw new UsageError('cutscene needs --out DIR.', 'cutscene');
    const fps = integerFlag('cutscene', 'fps', values.fps, 1, 120) ?? 24;
    if (!(FPS_CHOICES as readonly number[]).includes(fps)) throw new UsageError(`--fps must be ${FPS_CHOICES.join(' or ')} (got ${fps}).`, 'cutscene');
    const [width, height] = sizeFlag('cutscene', values.size ?? '1280x720');
    if (width % 2 || height % 2) throw new UsageError(`--size ${width}x${height}: H.264 (yuv420p) needs even sides, e.g. ${width + (width % 2)}x${height + (height % 2)}.`, 'cutscene');
    const encoder = values.encoder ?? 'webcodecs';
    if (encoder !== 'webcodecs' && encoder !== 'ffmpeg') throw new UsageError(`--encoder must be webcodecs or ffmpeg (got "${encoder}").`, 'cutscene');
    const timeoutSeconds = integerFlag('cutscene', 'timeout', values.timeout, 1, 86400) ?? 180;
    const existing = await stat(values.out).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new UsageError(`--out ${values.out} is a file, not a directory.`, 'cutscene');

    const planPath = positionals[0];
    let planText: string;
    try {
      planText = await readFile(planPath, 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read ${planPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, 'cutscene');
    }
    let planJson: unknown;
    try {
      planJson = JSON.parse(planText);
    } catch (error) {
      throw new UsageError(`${planPath} is not JSON: ${(error as Error).message}.`, 'cutscene');
    }
    const plan = parseShotPlan(planJson, { source: planPath });

    const progress = createProgressReporter(io.stderr);
    const stageStart = new Map<string, number>();
    let current: { stage: string; done: number; total: number } | null = null;
    const report = (p: { stage: string; done: number; total: number; finished?: boolean }) => {
      if (!stageStart.has(p.stage)) stageStart.set(p.stage, performance.now());
      progress.update({ ...p, ms: performance.now() - stageStart.get(p.stage)! } as Parameters<typeof progress.update>[0]);
    };
    const advance = (p: { stage: string; done: number; total: number }) => {
      if (current && current.stage !== p.stage) report({ ...current, done: current.total, finished: true });
      current = p;
      report(p);
    };
    let filmed;
    try {
      const { world, glb } = await readWorldDirectory(values.world, 'cutscene', {
        glb: true,
        signal: io.signal,
        onProgress: (e) => advance({ stage: 'world', done: e.done, total: e.total }),
      });
      filmed = await filmCutscene(plan, world, glb!, {
        width,
        height,
        fps,
        encoder,
        browser: { executablePath: values.browser, gpu: values.gpu === true, system: values['system-chromium'] === true },
        timeoutMs: timeoutSeconds * 1000,
        signal: io.signal,
        onProgress: advance,
      });
      if (current) report({ ...(current as { stage: string; done: number; total: number }), finished: true });
    } finally {
      progress.end();
    }
    const files = [
      { path: join(values.out, 'cutscene.mp4'), data: filmed.mp4 },
      { path: join(values.out, 'cutscene.glb'), data: filmed.glb },
      { path: join(values.out, 'timeline.json'), data: `${JSON.stringify(filmed.timeline)}\n` },
      { path: join(values.out, 'contact-sheet.png'), data: filmed.contactSheet },
    ];
    await writeFilesAtomically(files, io.signal);
    const t = filmed.timeline;
    const fpsAchieved = t.frameCount / (filmed.ms.video / 1000);
    if (values.json) {
      io.out(
        `${JSON.stringify(
          {
            out: values.out,
            files: Object.fromEntries(files.map((f) => [f.path, typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.byteLength])),
            width,
            height,
            fps,
            frames: t.frameCount,
            durationSeconds: t.durationSeconds,
            shots: t.shots.map((s) => ({ id: s.id, type: s.type, subject: s.subject, startSeconds: s.startSeconds, durationSeconds: s.durationSeconds })),
            notes: filmed.notes,
            browser: filmed.video.browser,
            ms: filmed.ms,
            videoStats: filmed.video.stats,
          },
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    for (const note of filmed.notes) io.err(`note: ${note}\n`);
    io.out(
      `${values.out}/cutscene.mp4  ${width}×${height} · ${t.frameCount} frames at ${fps} fps (${t.durationSeconds.toFixed(2)} s) · ${t.shots.length} shots · ` +
        `${formatBytes(filmed.mp4.byteLength)} · rendered at ${fpsAchieved.toFixed(1)} fps · ${formatMs(filmed.ms.total)} in all\n` +
        `${values.out}/cutscene.glb  ${formatBytes(filmed.glb.byteLength)} · ${t.characters.length} characters, ${t.shots.length} cameras, animation "cutscene"\n` +
        `${values.out}/timeline.json, ${values.out}/contact-sheet.png\n`,
    );
    return 0;
  },
};
