/**
 * A screenshot of the sample game page at work: starts `worldsmith serve` in process (the river
 * valley, frames from the world model), opens the page in headless Chromium (findBrowser: the
 * embedded @sparticuz/chromium unless told otherwise), walks forward a little, waits until frames
 * have been drawn and the HUD shows the stream, and writes samples/gallery/play-page.png.
 *
 *   npx tsx samples/make-play-screenshot.ts [--display plane]
 */
import { mkdir, readFile } from 'node:fs/promises';
import { chromium as playwright } from 'playwright-core';
import { findBrowser } from '../engine-bridge/render/find-browser.ts';
import { startStreamServer } from '../runtime/server/start-stream-server.ts';

const display = process.argv.includes('--display') ? process.argv[process.argv.indexOf('--display') + 1] : 'screen';
const out = new URL(display === 'plane' ? './gallery/play-page-plane.png' : './gallery/play-page.png', import.meta.url).pathname;
const spec = JSON.parse(await readFile(new URL('./specs/river-valley-256.json', import.meta.url), 'utf8'));
const server = await startStreamServer({ port: 0, worlds: [{ spec }], samplePage: true, settings: { source: 'model' } });
const choice = await findBrowser();
const browser = await playwright.launch({ executablePath: choice.executablePath, args: choice.args, headless: true, timeout: 60_000 });
try {
  const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
  page.on('console', (m) => console.log(`page: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  await page.goto(`${server.url}/play?name=screenshot${display === 'plane' ? '&display=plane' : ''}`);
  await page.waitForFunction(() => Number(document.body.dataset.framesDrawn ?? 0) >= 1, undefined, { timeout: 120_000 });
  // Walk forward and turn a little, then let the HUD's numbers settle.
  await page.keyboard.down('KeyW');
  await page.waitForTimeout(1500);
  await page.keyboard.up('KeyW');
  await page.waitForTimeout(1500);
  await mkdir(new URL('./gallery/', import.meta.url), { recursive: true });
  await page.screenshot({ path: out });
  const hud = await page.evaluate(() => document.getElementById('hud')!.innerText);
  console.log(`${out}\n${hud}`);
} finally {
  await browser.close();
  await server.close();
}
// The server's model workers and timers may keep the event loop alive after close.
process.exit(0);
