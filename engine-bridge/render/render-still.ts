/**
 * One frame of a .glb, rendered by Babylon.js in headless Chromium, as PNG bytes.
 *
 *   glb ─▶ local server (127.0.0.1) ─▶ Chromium page (WebGL2, Babylon.js) ─▶ one frame ─▶ PNG
 *
 * The browser, the page and the server are always closed — on success, error, timeout or abort.
 * Same glb, camera, size and browser ⇒ the same pixels.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from './launch-browser.ts';
import { findBrowser, type BrowserChoice, type FindBrowserOptions } from './find-browser.ts';
import { readGlbInfo, type GlbEnvironment } from './glb-info.ts';
import { serveFiles } from './local-server.ts';
import { renderPageScript } from './page-bundle.ts';
import type { RenderCamera, RenderJob } from './page/render-job.ts';
import { RenderError } from './render-error.ts';

export interface RenderStillOptions {
  width?: number;
  height?: number;
  /** Default: an overview of the whole world from the south, looking down at 30°. */
  camera?: RenderCamera;
  browser?: FindBrowserOptions;
  /** Sky, ambient light and fog; default: the glb's own (a Worldsmith world's scene extras); null for none. */
  environment?: GlbEnvironment | null;
  /** Give up after this long (default 180 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface RenderedStill {
  png: Uint8Array;
  browser: BrowserChoice;
  camera: RenderCamera;
  stats: Record<string, number>;
  ms: { start: number; load: number; total: number };
}

export const MAX_RENDER_SIZE = 4096;

export async function renderStill(glb: Uint8Array, options: RenderStillOptions = {}): Promise<RenderedStill> {
  const width = options.width ?? 1280;
  const height = options.height ?? 720;
  for (const [name, v] of [['width', width], ['height', height]] as const) {
    if (!Number.isInteger(v) || v < 16 || v > MAX_RENDER_SIZE) {
      throw new RenderError('RENDER_INPUT', `The frame ${name} ${v} is not allowed: give a whole number of pixels from 16 to ${MAX_RENDER_SIZE}.`);
    }
  }
  const info = readGlbInfo(glb);
  const camera = options.camera ?? overviewCamera(info.size, info.heightRange);
  const started = performance.now();
  const choice = await findBrowser(options.browser);
  const script = await renderPageScript();
  const environment = options.environment === undefined ? info.environment : options.environment;
  const job: RenderJob = { url: '/world.glb', width, height, camera, environment };
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#000}canvas{display:block}</style></head>
<body><canvas id="view" width="${width}" height="${height}" style="width:${width}px;height:${height}px"></canvas>
<script>window.__job=${JSON.stringify(job)};</script><script src="/render-page.js"></script></body></html>`;
  const server = await serveFiles(
    new Map([
      ['/', { type: 'text/html', body: html }],
      ['/render-page.js', { type: 'text/javascript', body: script }],
      ['/world.glb', { type: 'model/gltf-binary', body: glb }],
    ]),
  );
  let browser: Browser | undefined;
  const timeoutMs = options.timeoutMs ?? 180_000;
  const abort = () => void browser?.close().catch(() => undefined);
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    options.signal?.throwIfAborted();
    browser = await launchBrowser(choice);
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const loadStart = performance.now();
    await page.goto(`${server.origin}/`);
    try {
      await page.waitForFunction(() => window.__done === true || window.__failed !== undefined, undefined, { timeout: timeoutMs, polling: 50 });
    } catch (error) {
      options.signal?.throwIfAborted();
      throw new RenderError('RENDER_TIMEOUT', `The frame was not drawn within ${Math.round(timeoutMs / 1000)} s. A very large world on a software renderer can need longer: pass a larger timeout (worldsmith render --timeout S).`, { cause: error });
    }
    const failed = await page.evaluate(() => window.__failed);
    if (failed) throw new RenderError('RENDER_PAGE', `Babylon.js could not draw the .glb: ${failed.split('\n')[0]}${pageErrors.length ? ` (page errors: ${pageErrors.join('; ')})` : ''}`);
    const load = performance.now() - loadStart;
    const stats = (await page.evaluate(() => window.__stats)) ?? {};
    // Read the canvas back in the page: it waits for the GPU process to finish drawing (seconds for a
    // large world on a software renderer), where a screenshot would time out waiting for stability.
    const dataUrl = await withTimeout(
      page.evaluate(() => (document.getElementById('view') as HTMLCanvasElement).toDataURL('image/png')),
      timeoutMs,
      () => new RenderError('RENDER_TIMEOUT', `Reading the frame back took longer than ${Math.round(timeoutMs / 1000)} s: pass a larger timeout (worldsmith render --timeout S).`),
    );
    const png = new Uint8Array(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
    return { png, browser: choice, camera, stats, ms: { start: loadStart - started, load, total: performance.now() - started } };
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await browser?.close().catch(() => undefined);
    await server.close();
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(error()), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** At the spawn, eye height 1.7 m, facing the way the player faces, looking a little down. */
export function spawnCamera(spawn: { position: [number, number, number]; yaw: number }): RenderCamera {
  const [x, y, z] = spawn.position;
  const eye: [number, number, number] = [x, y + 1.7, z];
  return { position: eye, target: [x + Math.sin(spawn.yaw) * 40, y - 1.5, z + Math.cos(spawn.yaw) * 40], fovDegrees: 60 };
}

/** From the south (+Z), above the world, looking at its middle 30° down: the whole map in frame. */
export function overviewCamera(size: { width: number; depth: number } | null, heightRange: [number, number] | null): RenderCamera {
  const extent = Math.max(size?.width ?? 512, size?.depth ?? 512);
  const [low, high] = heightRange ?? [0, extent * 0.1];
  const middle = (low + high) / 2;
  const distance = extent * 0.95;
  const pitch = (30 * Math.PI) / 180;
  return {
    position: [0, middle + distance * Math.sin(pitch), distance * Math.cos(pitch)],
    target: [0, middle, 0],
    fovDegrees: 50,
  };
}
