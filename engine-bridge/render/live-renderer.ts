/**
 * A world kept open in headless Chromium, drawing frames on demand: the stream server's `render`
 * frame source and the world model's true frames (warm-up and re-anchoring).
 *
 *   openLiveRenderer(world.glb, {width, height, lighting}) ─▶ page loads the world once
 *   draw([camera, …]) ─▶ one page call: each camera drawn, read back ─▶ RGB uint8 frames
 *
 * Calls are queued: one draw runs at a time (the page has one canvas). Frames are small (the world
 * model's 64² or 128²), so they come back as base64 through the DevTools protocol. `close()` ends
 * the browser and the local server; a browser that dies makes every later draw fail with
 * RENDER_BROWSER, and the owner decides whether to open another.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './launch-browser.ts';
import type { TimelineLighting } from '../../generators/shots/timeline.ts';
import { findBrowser, type BrowserChoice, type FindBrowserOptions } from './find-browser.ts';
import { readGlbInfo } from './glb-info.ts';
import { serveFiles, type LocalServer } from './local-server.ts';
import { pageScript } from './page-bundle.ts';
import type { LiveJob } from './page/live-job.ts';
import type { RenderCamera } from './page/render-job.ts';
import { lowerBrowserPriority } from './lower-browser-priority.ts';
import { RenderError } from './render-error.ts';

export interface LiveRendererOptions {
  width: number;
  height: number;
  lighting: TimelineLighting;
  /** Vertical field of view (default 60°, the world model's datasets'). */
  fovDegrees?: number;
  /** Multiplies the LOD switch distances (default 0.1: small frames lose nothing by switching sooner). */
  lodDistanceScale?: number;
  browser?: FindBrowserOptions;
  /** Give up when loading the world, or one draw, takes longer than this (default 120 s). */
  timeoutMs?: number;
  /**
   * Run Chromium at this nice value (Linux; 0 leaves it), so its drawing yields to the caller's
   * time-critical work. Default 0; the stream server passes 10.
   */
  niceness?: number;
}

export interface LiveRenderer {
  readonly width: number;
  readonly height: number;
  readonly browser: BrowserChoice;
  /** Draws each camera; RGB uint8 frames (width × height × 3), in order. */
  draw(cameras: readonly RenderCamera[]): Promise<Uint8Array[]>;
  /** Draws queued or running, including this one. */
  readonly pending: number;
  readonly closed: boolean;
  close(): Promise<void>;
}

export const LIVE_RENDERER_DEFAULTS = { fovDegrees: 60, lodDistanceScale: 0.1, timeoutMs: 120_000 };
const MAX_LIVE_SIZE = 1024;

export async function openLiveRenderer(glb: Uint8Array, options: LiveRendererOptions): Promise<LiveRenderer> {
  const { width, height } = options;
  for (const [name, v] of [['width', width], ['height', height]] as const) {
    if (!Number.isInteger(v) || v < 8 || v > MAX_LIVE_SIZE) throw new RenderError('RENDER_INPUT', `The live renderer's ${name} ${v} is not allowed: give a whole number of pixels from 8 to ${MAX_LIVE_SIZE}.`);
  }
  readGlbInfo(glb, 'the world');
  const timeoutMs = options.timeoutMs ?? LIVE_RENDERER_DEFAULTS.timeoutMs;
  const job: LiveJob = {
    worldUrl: '/world.glb',
    width,
    height,
    fovDegrees: options.fovDegrees ?? LIVE_RENDERER_DEFAULTS.fovDegrees,
    lighting: options.lighting,
    lodDistanceScale: options.lodDistanceScale ?? LIVE_RENDERER_DEFAULTS.lodDistanceScale,
  };
  const choice = await findBrowser(options.browser);
  const script = await pageScript('live-page');
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#000}canvas{display:block}</style></head>
<body><canvas id="view" width="${width}" height="${height}" style="width:${width}px;height:${height}px"></canvas><canvas id="out" width="${width}" height="${height}"></canvas>
<script>window.__liveJob=${JSON.stringify(job).replace(/</g, '\\u003c')};</script><script src="/live-page.js"></script></body></html>`;
  const server: LocalServer = await serveFiles(
    new Map([
      ['/', { type: 'text/html', body: html }],
      ['/live-page.js', { type: 'text/javascript', body: script }],
      ['/world.glb', { type: 'model/gltf-binary', body: glb }],
    ]),
  );
  let browser: Browser | undefined;
  let dead: RenderError | null = null;
  try {
    browser = await launchBrowser(choice);
    browser.on('disconnected', () => (dead ??= new RenderError('RENDER_BROWSER', 'Chromium closed under the live renderer (it may have run out of memory); open the world again.')));
    const page: Page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.origin}/`);
    const loaded = await page
      .waitForFunction(() => window.__liveReady === true || typeof window.__liveFailed === 'string', undefined, { timeout: timeoutMs, polling: 50 })
      .catch(() => null);
    if (!loaded) throw new RenderError('RENDER_TIMEOUT', `Loading the world into the live renderer took longer than ${Math.round(timeoutMs / 1000)} s; pass a larger timeoutMs.`);
    const failed = await page.evaluate(() => window.__liveFailed);
    // Chromium's processes are all up once the world has loaded.
    if (options.niceness) lowerBrowserPriority(options.niceness);
    if (failed) throw new RenderError('RENDER_PAGE', `The live page failed to load the world: ${failed.split('\n')[0]}${pageErrors.length ? ` (page errors: ${pageErrors.join('; ')})` : ''}`);

    const frameBytes = width * height * 3;
    let queue: Promise<unknown> = Promise.resolve();
    let pending = 0;
    let closed = false;
    const drawNow = async (cameras: readonly RenderCamera[]): Promise<Uint8Array[]> => {
      if (closed) throw new RenderError('RENDER_BROWSER', 'The live renderer is closed.');
      if (dead) throw dead;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RenderError('RENDER_TIMEOUT', `Drawing ${cameras.length} live frame(s) took longer than ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
      });
      try {
        const base64 = await Promise.race([page.evaluate((c) => window.__drawFrames!(c), cameras as RenderCamera[]), timeout]);
        const bytes = Buffer.from(base64, 'base64');
        if (bytes.length !== cameras.length * frameBytes) throw new RenderError('RENDER_PAGE', `The live page returned ${bytes.length} bytes for ${cameras.length} frame(s) of ${width}×${height}.`);
        return cameras.map((_, i) => new Uint8Array(bytes.buffer, bytes.byteOffset + i * frameBytes, frameBytes));
      } catch (error) {
        if (dead) throw dead;
        if (error instanceof RenderError) throw error;
        throw new RenderError('RENDER_PAGE', `The live page failed to draw: ${(error as Error).message.split('\n')[0]}`, { cause: error });
      } finally {
        clearTimeout(timer);
      }
    };
    const openedBrowser = browser;
    return {
      width,
      height,
      browser: choice,
      get pending() {
        return pending;
      },
      get closed() {
        return closed || dead !== null;
      },
      draw(cameras) {
        for (const c of cameras) checkCamera(c);
        pending++;
        const result = queue.then(() => drawNow(cameras));
        queue = result.catch(() => undefined).finally(() => pending--);
        return result;
      },
      async close() {
        if (closed) return;
        closed = true;
        await openedBrowser.close().catch(() => undefined);
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server.close();
    throw error;
  }
}

function checkCamera(c: RenderCamera): void {
  const ok = (v: unknown) => Array.isArray(v) && v.length === 3 && v.every(Number.isFinite);
  if (!c || !ok(c.position) || !ok(c.target) || !(c.fovDegrees > 0 && c.fovDegrees < 180)) {
    throw new RenderError('RENDER_INPUT', 'A live camera needs a finite position and target (glTF metres) and a field of view between 0 and 180 degrees.');
  }
}
