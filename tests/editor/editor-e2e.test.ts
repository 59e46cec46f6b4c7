/**
 * The editor end to end, in a real headless Chromium (Playwright + the embedded Chromium, the
 * renderer every machine has) against a real server: type a prompt and see the preview draw the
 * world (non-blank, and within a tolerance of a committed reference), switch on the overlays, edit a
 * field and regenerate (the comparison shows what changed), make a texture and save it to the world,
 * plan a storyboard, edit the timeline, film it with a progress bar and play the MP4 in the page,
 * download every export and check each file, and walk the world in play mode.
 *
 * Screenshots of each step go to .vitest-out/editor/; with UPDATE_SCREENSHOTS=1 to
 * editor/screenshots/ (committed, shown in the README). The preview reference:
 * UPDATE_REFERENCES=1 npx vitest run tests/editor
 */
import { execFileSync } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../engine-bridge/render/find-browser.ts';
import { launchBrowser } from '../../engine-bridge/render/launch-browser.ts';
import { probeMedia } from '../../engine-bridge/video/probe-media.ts';
import { validateGlb } from '../../generators/export/validate-glb.ts';
import { startStreamServer, type StreamServer } from '../../runtime/server/start-stream-server.ts';

const SHOTS = process.env.UPDATE_SCREENSHOTS ? 'editor/screenshots' : '.vitest-out/editor';
const REFERENCE = 'tests/fixtures/editor/preview-reference.png';
const PROMPT = 'a small grassy valley with a river and a tower';
const STORYBOARD = 'wide establishing shot of the valley for 1 second; orbit around the tower for 1 second';

let server: StreamServer;
let browser: Browser;
let page: Page;
let store: string;
let downloads: string;
const pageErrors: string[] = [];

const screenshot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const idle = async (timeout = 240_000) => {
  await page.waitForTimeout(200);
  await page.waitForFunction(() => document.body.dataset.busy === '0', null, { timeout });
};
async function canvasPixels(selector: string, width = 160, height = 90) {
  const png = await page.locator(selector).screenshot();
  const { data } = await sharp(png).removeAlpha().resize(width, height, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  return { png, data };
}
function meanDifference(a: Buffer, b: Buffer): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += Math.abs(a[i] - b[i]);
  return total / a.length;
}
function standardDeviation(a: Buffer): number {
  let sum = 0;
  for (const v of a) sum += v;
  const mean = sum / a.length;
  let sq = 0;
  for (const v of a) sq += (v - mean) ** 2;
  return Math.sqrt(sq / a.length);
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  store = await mkdtemp(join(tmpdir(), 'ws-editor-e2e-'));
  downloads = join(store, 'downloads');
  await mkdir(downloads);
  server = await startStreamServer({ port: 0, host: '127.0.0.1', model: null, store });
  browser = await launchBrowser(await findBrowser({}));
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  // Two cores shared with another test file: a software-rendered page answers slowly at times.
  page.setDefaultTimeout(90_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(store, { recursive: true, force: true });
});

describe('the editor in a real browser', () => {
  let firstWorld = '';

  it('opens with the WorldSpec form generated from its JSON Schema', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 120_000 });
    for (const path of ['/terrain/maxHeight', '/water/rivers', '/time/hour', '/weather/kind', '/biomes/grassland']) {
      expect(await page.locator(`#spec-form [data-path="${path}"]`).count(), path).toBe(1);
    }
    await screenshot('01-editor');
  });

  it('turns a prompt into a world the preview draws, close to the reference', async () => {
    await page.fill('#prompt', PROMPT);
    await page.fill('#seed', '3');
    await page.check('#seed-lock');
    await page.click('#generate');
    await page.waitForFunction(() => Boolean(document.body.dataset.previewWorld) && Number(document.body.dataset.previewFrames) > 0, null, { timeout: 240_000 });
    await idle();
    firstWorld = (await page.evaluate(() => document.body.dataset.previewWorld))!;
    expect(firstWorld).toMatch(/^world-3-[0-9a-f]{8}$/);
    await expect.poll(() => page.locator('#explanation').innerText()).toMatch(/river/);
    const stats = await page.locator('#stats').innerText();
    expect(stats).toMatch(/triangles/i);
    expect(stats).toMatch(/instances/i);
    await page.waitForTimeout(1000);
    const { png, data } = await canvasPixels('#preview');
    await screenshot('02-world');
    // Not blank: a drawn world has light and shade, sky and ground.
    expect(standardDeviation(data)).toBeGreaterThan(20);
    if (process.env.UPDATE_REFERENCES) await writeFile(REFERENCE, await sharp(png).resize(160, 90, { fit: 'fill' }).png().toBuffer());
    await access(REFERENCE);
    const { data: want } = await sharp(REFERENCE).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(meanDifference(data, want)).toBeLessThan(8);
  });

  it('shows colliders, navmesh, points of interest and chunks when asked', async () => {
    const before = (await canvasPixels('#preview')).data;
    for (const toggle of ['#toggle-colliders', '#toggle-navmesh', '#toggle-poi', '#toggle-chunks']) await page.check(toggle);
    await page.waitForTimeout(1500);
    const after = (await canvasPixels('#preview')).data;
    await screenshot('03-overlays');
    expect(meanDifference(before, after)).toBeGreaterThan(1);
    for (const toggle of ['#toggle-colliders', '#toggle-navmesh', '#toggle-poi', '#toggle-chunks']) await page.uncheck(toggle);
  });

  it('regenerates from an edited field and compares with the previous version', async () => {
    await page.fill('#spec-form [data-path="/terrain/maxHeight"]', '60');
    await page.click('#regenerate');
    await page.waitForFunction((first) => document.body.dataset.previewWorld !== first && Number(document.body.dataset.previewFrames) > 0, firstWorld, { timeout: 240_000 });
    await idle();
    const second = await page.evaluate(() => document.body.dataset.previewWorld);
    expect(second).toMatch(/^world-3-[0-9a-f]{8}$/); // seed locked
    const compare = await page.locator('#compare').innerText();
    expect(compare).toMatch(/\/terrain\/maxHeight/);
    expect(compare).toMatch(/120[\s\S]*60/);
    expect(await page.locator('#compare img').count()).toBeGreaterThanOrEqual(1);
    await screenshot('04-compare');
  });

  it('makes a texture set from a description, previews it tiled and saves it to the world', async () => {
    await page.click('#tab-textures');
    await page.fill('#texture-description', 'old mossy red bricks');
    await page.selectOption('#texture-size', '256');
    await page.click('#texture-make');
    await idle();
    await expect.poll(() => page.locator('#texture-maps img').count()).toBeGreaterThanOrEqual(4);
    await page.waitForTimeout(1500);
    const preview = (await canvasPixels('#texture-preview')).data;
    expect(standardDeviation(preview)).toBeGreaterThan(10);
    await page.click('#texture-save');
    await idle();
    await expect.poll(() => page.locator('#texture-library').innerText()).toMatch(/bricks/);
    await screenshot('05-textures');
  });

  it('plans a storyboard, edits the timeline, films it with a progress bar and plays the MP4', async () => {
    await page.click('#tab-cutscene');
    await page.fill('#storyboard', STORYBOARD);
    await page.click('#plan-make');
    await idle();
    await expect.poll(() => page.locator('#timeline .shot').count()).toBe(2);
    const firstShot = page.locator('#timeline .shot').first();
    const firstText = await firstShot.innerText();
    expect(firstText).toMatch(/establishing/);
    // Retime and reorder.
    await firstShot.locator('.shot-duration').fill('1.5');
    await firstShot.locator('.shot-duration').press('Enter');
    await idle();
    await page.locator('#timeline .shot').first().locator('.shot-right').click();
    await idle();
    expect(await page.locator('#timeline .shot').first().innerText()).toMatch(/orbit/);
    expect(await page.locator('#timeline .shot').nth(1).innerText()).toMatch(/establishing/);
    expect(await page.locator('#plan-error').innerText()).toBe('');
    await screenshot('06-plan');

    await page.selectOption('#render-size', '320x180');
    await page.click('#cutscene-render');
    await page.waitForFunction(() => Number((document.getElementById('render-progress') as HTMLProgressElement | null)?.value ?? 0) > 0.1, null, { timeout: 240_000 });
    await screenshot('07-rendering');
    await page.waitForFunction(() => {
      const video = document.getElementById('cutscene-video') as HTMLVideoElement | null;
      return Boolean(video?.src) && video!.readyState >= 2;
    }, null, { timeout: 300_000 });
    const duration = await page.evaluate(() => (document.getElementById('cutscene-video') as HTMLVideoElement).duration);
    expect(duration).toBeCloseTo(2.5, 0);
    await page.evaluate(() => (document.getElementById('cutscene-video') as HTMLVideoElement).play().catch(() => undefined));
    await page.waitForFunction(() => (document.getElementById('cutscene-video') as HTMLVideoElement).currentTime > 0.3, null, { timeout: 30_000 });
    await page.evaluate(() => (document.getElementById('cutscene-video') as HTMLVideoElement).pause());
    await screenshot('08-cutscene');
  });

  it('downloads every export, and each file is what it says', async () => {
    await page.click('#tab-exports');
    await screenshot('09-exports');
    const files: Record<string, string> = {};
    for (const kind of ['world-glb', 'chunks-zip', 'spec', 'texture-set', 'plan', 'mp4', 'cutscene-glb']) {
      const link = page.locator(`#exports [data-export="${kind}"]`).first();
      expect(await link.count(), kind).toBe(1);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), link.click()]);
      const path = join(downloads, `${kind}-${download.suggestedFilename()}`);
      await download.saveAs(path);
      files[kind] = path;
    }
    expect((await validateGlb(new Uint8Array(await readFile(files['world-glb'])))).errors).toBe(0);
    expect((await validateGlb(new Uint8Array(await readFile(files['cutscene-glb'])))).errors).toBe(0);
    const zipNames = (path: string) => execFileSync('python3', ['-c', 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(" ".join(z.namelist()))', path]).toString();
    expect(zipNames(files['chunks-zip'])).toMatch(/index\.json/);
    expect(zipNames(files['texture-set'])).toMatch(/basecolor\.png/);
    const spec = JSON.parse(await readFile(files.spec, 'utf8'));
    expect(spec.terrain.maxHeight).toBe(60);
    const plan = JSON.parse(await readFile(files.plan, 'utf8'));
    expect(plan.shots.map((s: { type: string }) => s.type)).toEqual(['orbit', 'establishing']);
    const probe = await probeMedia(files.mp4);
    expect(probe.streams.map((s) => s.type).sort()).toEqual(['audio', 'video']);
  });

  it('walks the world in play mode, with fps and latency shown', async () => {
    await page.click('#tab-play');
    const frame = page.frameLocator('#play-frame');
    await expect.poll(async () => Number(await frame.locator('body').getAttribute('data-frames-drawn')), { timeout: 120_000 }).toBeGreaterThan(5);
    await page.locator('#play-frame').focus();
    await page.keyboard.down('w');
    await page.waitForTimeout(1000);
    await page.keyboard.up('w');
    await screenshot('10-play');
    const hud = await frame.locator('#hud').innerText();
    expect(hud).toMatch(/fps/i);
    expect(hud).toMatch(/latency|ms/i);
    await page.click('#tab-world');
  });

  it('opens a spec file from disk, and says plainly when a file is not one', async () => {
    const bad = join(downloads, 'not-a-spec.json');
    await writeFile(bad, '{"seed": 4, "size": ');
    await page.setInputFiles('#spec-open', bad);
    await expect.poll(() => page.locator('#error').innerText()).toMatch(/not-a-spec\.json is not JSON/);
    await page.setInputFiles('#spec-open', 'samples/specs/river-valley-256.json');
    const spec = JSON.parse(await readFile('samples/specs/river-valley-256.json', 'utf8'));
    await page.waitForFunction((seed) => (document.body.dataset.previewWorld ?? '').startsWith(`world-${seed}-`), spec.seed, { timeout: 240_000 });
    await idle();
    expect(await page.inputValue('#seed')).toBe(String(spec.seed));
    expect(Number(await page.inputValue('#spec-form [data-path="/terrain/maxHeight"]'))).toBe(spec.terrain?.maxHeight ?? 120);
    expect(pageErrors).toEqual([]);
  });
});
