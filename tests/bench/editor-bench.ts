/**
 * The editor and its server: what a designer waits for.
 * - A generate job (POST /api/jobs → done, followed as the editor does) against its floor, the same
 *   generation in process (`generateWorldFiles`, no worker, no store, no job bookkeeping).
 * - A cutscene job (a 2 s plan at 320×180) against its floor, `filmCutscene` called directly.
 * - In headless Chromium (embedded, SwiftShader): the editor page from navigation to ready, prompt
 *   → the first preview frame of a new world, and the preview's frame rate; the bundle's size and
 *   build time.
 * Each figure is the median over `runs` worlds (different seeds, so nothing is cached).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filmCutscene } from '../../engine-bridge/cutscene/film-cutscene.ts';
import { findBrowser } from '../../engine-bridge/render/find-browser.ts';
import { launchBrowser } from '../../engine-bridge/render/launch-browser.ts';
import { interpretPrompt } from '../../generators/interpret/index.ts';
import { parseShotPlan } from '../../generators/shots/parse-shot-plan.ts';
import type { Job } from '../../runtime/jobs/job.ts';
import { buildEditorPage } from '../../runtime/server/editor-page.ts';
import { startStreamServer } from '../../runtime/server/start-stream-server.ts';
import { generateWorldFiles } from '../../runtime/worlds/generate-in-worker.ts';
import { machine, median, table } from './bench-report.ts';

const PROMPT = 'a small grassy valley with a river and a tower';
const STORYBOARD = 'wide establishing shot of the valley for 1 second; orbit around the tower for 1 second';

export async function benchEditor(runs: number, log: (line: string) => void): Promise<string> {
  const store = await mkdtemp(join(tmpdir(), 'ws-editor-bench-'));
  const server = await startStreamServer({ port: 0, host: '127.0.0.1', model: null, store, samplePage: false });
  const post = async (path: string, body: unknown) => (await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<any>;
  const finish = async (id: string) => {
    for (;;) {
      const job = (await (await fetch(`${server.url}/api/jobs/${id}`)).json()) as Job;
      if (job.status === 'done') return job;
      if (job.status !== 'queued' && job.status !== 'running') throw new Error(`job ${id} ${job.status}: ${job.error?.message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  try {
    const jobMs: number[] = [];
    const floorMs: number[] = [];
    let lastWorld = '';
    for (let run = 0; run < runs; run++) {
      const seed = 100 + run;
      const { spec } = interpretPrompt(PROMPT, { seed });
      // Quiet first: the server starts a spare world worker after each generation (~0.8 s of CPU).
      await new Promise((r) => setTimeout(r, 2000));
      let start = performance.now();
      await generateWorldFiles(spec);
      floorMs.push(performance.now() - start);
      const world = await post('/api/worlds', { spec });
      await new Promise((r) => setTimeout(r, 2000));
      start = performance.now();
      await finish((await post('/api/jobs', { kind: 'generate', worldId: world.id })).id);
      jobMs.push(performance.now() - start);
      lastWorld = world.id;
      log(`editor: generate job ${Math.round(jobMs.at(-1)!)} ms, in process ${Math.round(floorMs.at(-1)!)} ms`);
    }

    const cutsceneRuns = Math.min(runs, 2);
    const filmJobMs: number[] = [];
    const filmFloorMs: number[] = [];
    const { plan } = await post(`/api/worlds/${lastWorld}/plans`, { storyboard: STORYBOARD });
    const loaded = await server.catalog.load(lastWorld);
    for (let run = 0; run < cutsceneRuns; run++) {
      let start = performance.now();
      await filmCutscene(parseShotPlan(plan), loaded.world, loaded.glb, { width: 320, height: 180, fps: 24 });
      filmFloorMs.push(performance.now() - start);
      start = performance.now();
      await finish((await post('/api/jobs', { kind: 'cutscene', worldId: lastWorld, plan, width: 320, height: 180 })).id);
      filmJobMs.push(performance.now() - start);
      log(`editor: cutscene job ${Math.round(filmJobMs.at(-1)!)} ms, direct ${Math.round(filmFloorMs.at(-1)!)} ms`);
    }

    let start = performance.now();
    const bundle = await buildEditorPage();
    const bundleMs = performance.now() - start;

    const browser = await launchBrowser(await findBrowser({}));
    const readyMs: number[] = [];
    const firstFrameMs: number[] = [];
    const fps: number[] = [];
    try {
      // One page, navigated again each run: the embedded Chromium runs single-process, and closing
      // its last page ends it.
      const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
      await page.goto(`${server.url}/`); // the server bundles the page on its first request
      for (let run = 0; run < runs; run++) {
        await page.goto('about:blank');
        await page.waitForTimeout(1000);
        start = performance.now();
        await page.goto(`${server.url}/`);
        await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 120_000 });
        readyMs.push(performance.now() - start);
        await page.fill('#prompt', PROMPT);
        await page.fill('#seed', String(200 + run));
        await page.check('#seed-lock');
        start = performance.now();
        await page.click('#generate');
        await page.waitForFunction(() => Number(document.body.dataset.previewFrames ?? 0) > 0, null, { timeout: 240_000, polling: 50 });
        firstFrameMs.push(performance.now() - start);
        await page.waitForFunction(() => document.body.dataset.busy === '0', null, { timeout: 60_000 });
        // Flying forward (W held): the preview draws every frame while the camera moves.
        await page.locator('#preview').focus();
        const f0 = Number(await page.evaluate(() => document.body.dataset.previewFrames));
        await page.keyboard.down('w');
        await page.waitForTimeout(5000);
        const f1 = Number(await page.evaluate(() => document.body.dataset.previewFrames));
        await page.keyboard.up('w');
        fps.push((f1 - f0) / 5);
        log(`editor: ready ${Math.round(readyMs.at(-1)!)} ms, prompt → first preview frame ${Math.round(firstFrameMs.at(-1)!)} ms, preview ${fps.at(-1)!.toFixed(1)} fps flying`);
      }
    } finally {
      await browser.close();
    }

    const job = median(jobMs);
    const floor = median(floorMs);
    const filmJob = median(filmJobMs);
    const filmFloor = median(filmFloorMs);
    return [
      '## Editor: what a designer waits for',
      '',
      `"${PROMPT}" (256 m, a new seed each run), served by \`worldsmith serve\` and driven from the editor in headless embedded`,
      `Chromium (SwiftShader). Median of ${runs} run(s) (cutscene: ${cutsceneRuns}) on ${machine()}; no GPU.`,
      '',
      table(
        ['measure', 'value', 'floor (same work, in process)', 'ratio to floor'],
        [
          ['generate job: POST /api/jobs → done (spare worker thread, chunks, files written to the store)', `**${(job / 1000).toFixed(2)} s**`, `${(floor / 1000).toFixed(2)} s`, `${(job / floor).toFixed(2)}×`],
          ['cutscene job: a 2 s plan at 320×180, 24 fps → MP4, glb, timeline, sheet in the store', `**${(filmJob / 1000).toFixed(1)} s**`, `${(filmFloor / 1000).toFixed(1)} s`, `${(filmJob / filmFloor).toFixed(2)}×`],
          ['editor page: navigation → ready (7.7 MB script, schema loaded, form built, jobs and worlds listed)', `**${Math.round(median(readyMs))} ms**`, '', ''],
          ['prompt → first preview frame (interpret, add, generate job, glb download and load, first draw)', `**${(median(firstFrameMs) / 1000).toFixed(2)} s**`, `${(floor / 1000).toFixed(2)} s (generation alone)`, `${(median(firstFrameMs) / floor).toFixed(2)}×`],
          ['preview frame rate while flying (W held), 1366×800 page (SwiftShader)', `**${median(fps).toFixed(1)} fps**`, 'SwiftShader rasterises on the CPU; every plant at full detail', ''],
          ['editor bundle (esbuild, minified)', `${(bundle.script.length / 2 ** 20).toFixed(2)} MiB, built in ${Math.round(bundleMs)} ms`, '', ''],
        ],
      ),
    ].join('\n');
  } finally {
    await server.close();
    await rm(store, { recursive: true, force: true });
  }
}
