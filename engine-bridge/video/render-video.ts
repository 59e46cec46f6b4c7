/**
 * A timeline of camera frames over a world, drawn by Babylon.js in headless Chromium and encoded to
 * H.264 (yuv420p) in an MP4, video only (`muxSoundtrack` adds the sound).
 *
 *   world.glb (+ actors.glb) ─▶ local server ─▶ Chromium page: per frame i, t = i / fps:
 *     actors' 'cutscene' animation at t; per layer: shot lighting, camera, instance LODs, render,
 *     composite with opacity over black ─▶ 'webcodecs': VideoEncoder + mediabunny in the page, the
 *     MP4 POSTed back  |  'ffmpeg': RGBA POSTed per frame, piped to libx264
 *
 * Time advances by the frame index, never the clock: the same inputs give the same MP4 bytes with
 * the same browser, renderer and encoder. Inputs are checked before any browser starts. The browser,
 * the server, ffmpeg and the temp directory are closed and removed on success, error, timeout and
 * abort. Which encoder is the default, and why, with numbers: README.md beside this file.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../render/launch-browser.ts';
import { CancelledError } from '../../generators/worldsmith-error.ts';
import { findBrowser, type BrowserChoice, type FindBrowserOptions } from '../render/find-browser.ts';
import { serveFiles, type LocalServer, type UploadPath } from '../render/local-server.ts';
import { pageScript } from '../render/page-bundle.ts';
import type { VideoJob, VideoPageEncoder, VideoPageEvent, VideoPageStats } from '../render/page/video-job.ts';
import { RenderError } from '../render/render-error.ts';
import { startFfmpegFrameEncoder, X264_SETTINGS, type FfmpegFrameEncoder } from './ffmpeg-frame-encoder.ts';
import { findFfmpeg } from './find-ffmpeg.ts';
import { zeroMp4Timestamps } from './mp4-boxes.ts';
import { withTempDirectory } from './temp-directory.ts';
import { validateVideoInput, VIDEO_ANIMATION_NAME, type VideoInput } from './video-input.ts';

export type VideoEncoderChoice = 'webcodecs' | 'ffmpeg';

export interface VideoProgress {
  /** Frames drawn and handed to the encoder so far. */
  frame: number;
  frames: number;
}

export interface RenderVideoOptions {
  browser?: FindBrowserOptions;
  signal?: AbortSignal;
  onProgress?: (progress: VideoProgress) => void;
  /** Give up when loading, or any one frame, takes longer than this (default 180 s). */
  timeoutMs?: number;
  /** Default: RENDER_VIDEO_DEFAULTS.encoder (see README.md for why). */
  encoder?: VideoEncoderChoice;
  /** Where the job's temp directory goes (default: the system's). */
  tempDirectory?: string;
  /**
   * Multiplies every asset's LOD switch distances (default 1). Small frames lose nothing by
   * switching sooner: the world model's 64² datasets pass about 0.1.
   */
  lodDistanceScale?: number;
}

export interface DrawRawFramesOptions extends Omit<RenderVideoOptions, 'encoder'> {
  /** Each frame's RGBA pixels (width × height × 4, rows top to bottom), in order, as it is drawn. */
  onFrame: (index: number, rgba: Uint8Array) => void | Promise<void>;
}

export const RENDER_VIDEO_DEFAULTS = {
  encoder: 'webcodecs' as VideoEncoderChoice,
  timeoutMs: 180_000,
  /** WebCodecs target: bits per pixel per frame (0.15 ⇒ 3.3 Mb/s at 1280×720, 24 fps). */
  bitsPerPixel: 0.15,
  /** A key frame every this many seconds. */
  keyFrameSeconds: 2,
};

export interface VideoRenderStats extends VideoPageStats {
  encoder: VideoEncoderChoice | 'raw' | 'none';
  /** Milliseconds Node spent waiting for ffmpeg (ffmpeg) or the caller's onFrame (raw) to take frames. */
  pipeMs: number;
}

export interface RenderedVideo {
  /** H.264 yuv420p in MP4 (moov first), video only. */
  mp4: Uint8Array;
  frames: number;
  browser: BrowserChoice;
  /**
   * start: finding and starting the browser; load: the page, the world and actors; render: every
   * frame drawn, captured and handed to the encoder; encode: from the last frame to the MP4 in hand
   * (encoder flush, muxing, upload or ffmpeg's finish); total.
   */
  ms: { start: number; load: number; render: number; encode: number; total: number };
  stats: VideoRenderStats;
}

export async function renderVideo(input: VideoInput, options: RenderVideoOptions = {}): Promise<RenderedVideo> {
  return runVideoPage(input, options, options.encoder ?? RENDER_VIDEO_DEFAULTS.encoder);
}

/**
 * The same frames drawn and composited with nothing captured or encoded — the floor that
 * `renderVideo`'s frames per second are measured against (benchmarks). `mp4` is empty.
 */
export async function drawVideoFrames(input: VideoInput, options: Omit<RenderVideoOptions, 'encoder'> = {}): Promise<RenderedVideo> {
  return runVideoPage(input, options, 'none');
}

/**
 * The same frames read back as raw RGBA and handed to `onFrame`, nothing encoded — for world-model
 * datasets (small frames, where reading pixels back is cheap). `mp4` is empty.
 */
export async function drawRawFrames(input: VideoInput, options: DrawRawFramesOptions): Promise<RenderedVideo> {
  return runVideoPage(input, options, 'raw', options.onFrame);
}

async function runVideoPage(
  input: VideoInput,
  options: RenderVideoOptions,
  encoder: VideoPageEncoder,
  onRawFrame?: (index: number, rgba: Uint8Array) => void | Promise<void>,
): Promise<RenderedVideo> {
  if (encoder !== 'webcodecs' && encoder !== 'ffmpeg' && encoder !== 'raw' && encoder !== 'none') {
    throw new RenderError('RENDER_INPUT', `The encoder '${String(encoder)}' is unknown: choose 'webcodecs' or 'ffmpeg'.`);
  }
  validateVideoInput(input);
  const timeoutMs = options.timeoutMs ?? RENDER_VIDEO_DEFAULTS.timeoutMs;
  if (!(timeoutMs > 0)) throw new RenderError('RENDER_INPUT', `timeoutMs ${timeoutMs} is not allowed: give a positive number of milliseconds.`);
  const lodDistanceScale = options.lodDistanceScale ?? 1;
  if (!(lodDistanceScale > 0 && lodDistanceScale <= 100)) throw new RenderError('RENDER_INPUT', `lodDistanceScale ${lodDistanceScale} is not allowed: give a factor above 0 and at most 100 (1 keeps the exported switch distances).`);
  const { signal } = options;
  if (signal?.aborted) throw new CancelledError('video render', signal.reason);
  const started = performance.now();
  const tools = encoder === 'ffmpeg' ? await findFfmpeg() : null;
  const choice = await findBrowser(options.browser);
  const script = await pageScript('video-page');
  const { timeline, width, height } = input;
  const frames = timeline.frames.length;
  const job: VideoJob = {
    worldUrl: '/world.glb',
    actorsUrl: input.actors ? '/actors.glb' : null,
    animation: VIDEO_ANIMATION_NAME,
    width,
    height,
    fps: timeline.fps,
    frames: timeline.frames,
    lighting: timeline.shots.map((s) => s.lighting),
    encoder,
    lodDistanceScale,
    bitrate: Math.max(200_000, Math.round(width * height * timeline.fps * RENDER_VIDEO_DEFAULTS.bitsPerPixel)),
    keyFrameInterval: Math.max(1, Math.round(timeline.fps * RENDER_VIDEO_DEFAULTS.keyFrameSeconds)),
    uploadPath: '/video.mp4',
    framePath: '/frame',
  };
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#000}canvas{display:block}</style></head>
<body><canvas id="view" width="${width}" height="${height}" style="width:${width}px;height:${height}px"></canvas><canvas id="out" width="${width}" height="${height}"></canvas>
<script>window.__videoJob=${JSON.stringify(job).replace(/</g, '\\u003c')};</script><script src="/video-page.js"></script></body></html>`;

  return withTempDirectory(async (dir) => {
    let browser: Browser | undefined;
    let server: LocalServer | undefined;
    let ffmpeg: FfmpegFrameEncoder | undefined;
    let uploaded: Uint8Array | undefined;
    let pipeMs = 0;
    let timer: NodeJS.Timeout | undefined;
    // The first failure wins; later ones (a closing browser's) are its echoes.
    let failure: Error | undefined;
    let settle: { resolve: (stats: VideoPageStats) => void; reject: (error: Error) => void } | undefined;
    const finished = new Promise<VideoPageStats>((resolve, reject) => (settle = { resolve, reject }));
    finished.catch(() => undefined);
    const fail = (error: Error) => {
      if (failure) return;
      failure = error;
      settle?.reject(error);
      ffmpeg?.kill();
      void browser?.close().catch(() => undefined);
    };
    const watch = (what: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(new RenderError('RENDER_TIMEOUT', `${what} took longer than ${Math.round(timeoutMs / 1000)} s. A large world on a software renderer can need longer per frame: pass a larger timeoutMs.`)), timeoutMs);
    };
    const onAbort = () => fail(new CancelledError('video render', signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    const times = { launched: 0, gotoStart: 0, loaded: 0, lastFrame: 0 };
    try {
      const uploads = new Map<string, UploadPath>([
        [job.uploadPath, { maxBytes: 2 ** 30, receive: (body) => void (uploaded = new Uint8Array(body.buffer, body.byteOffset, body.byteLength)) }],
      ]);
      if (tools) {
        ffmpeg = startFfmpegFrameEncoder(tools.ffmpeg, { width, height, fps: timeline.fps, output: join(dir, 'video.mp4'), signal });
        const encoderRef = ffmpeg;
        uploads.set(job.framePath, {
          maxBytes: width * height * 4,
          receive: async (body) => {
            const t = performance.now();
            try {
              await encoderRef.write(body);
            } catch (error) {
              fail(error as Error);
              throw error;
            }
            pipeMs += performance.now() - t;
          },
        });
      }
      if (onRawFrame) {
        let index = 0;
        uploads.set(job.framePath, {
          maxBytes: width * height * 4,
          receive: async (body) => {
            const t = performance.now();
            try {
              await onRawFrame(index++, new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
            } catch (error) {
              fail(error as Error);
              throw error;
            }
            pipeMs += performance.now() - t;
          },
        });
      }
      const files = new Map([
        ['/', { type: 'text/html', body: html }],
        ['/video-page.js', { type: 'text/javascript', body: script }],
        ['/world.glb', { type: 'model/gltf-binary', body: input.world }],
      ]);
      if (input.actors) files.set('/actors.glb', { type: 'model/gltf-binary', body: input.actors });
      server = await serveFiles(files, uploads);
      watch('Starting Chromium');
      browser = await launchBrowser(choice);
      if (failure) throw failure;
      browser.on('disconnected', () => fail(new RenderError('RENDER_BROWSER', 'Chromium closed while the video was rendering (it may have run out of memory). Try a smaller frame size.')));
      times.launched = performance.now();
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.exposeFunction('__videoEvent', (event: VideoPageEvent) => {
        const now = performance.now();
        if (event.kind === 'loaded') {
          times.loaded = now;
          watch('Drawing frame 1');
        } else if (event.kind === 'frame') {
          times.lastFrame = now;
          options.onProgress?.({ frame: event.frame, frames });
          watch(event.frame < frames ? `Drawing frame ${event.frame + 1}` : 'Finishing the MP4');
        } else if (event.kind === 'done') {
          settle?.resolve(event.stats);
        } else {
          const extra = pageErrors.length ? ` (page errors: ${pageErrors.join('; ')})` : '';
          fail(new RenderError('RENDER_PAGE', `The video page failed: ${event.message.split('\n')[0]}${extra}`));
        }
      });
      times.gotoStart = performance.now();
      watch('Loading the world');
      await page.goto(`${server.origin}/`);
      const stats = await finished;
      clearTimeout(timer);
      let mp4: Uint8Array;
      if (ffmpeg) mp4 = await ffmpeg.finish();
      else if (encoder === 'webcodecs') {
        if (!uploaded) throw new RenderError('RENDER_PAGE', 'The video page finished without uploading its MP4.');
        mp4 = zeroMp4Timestamps(uploaded);
      } else mp4 = new Uint8Array(0);
      const end = performance.now();
      return {
        mp4,
        frames,
        browser: choice,
        ms: {
          start: times.launched - started,
          load: times.loaded - times.gotoStart,
          render: times.lastFrame - times.loaded,
          encode: end - times.lastFrame,
          total: end - started,
        },
        stats: { ...stats, encoder, codec: stats.codec || (encoder === 'ffmpeg' ? `libx264 ${X264_SETTINGS.preset} crf ${X264_SETTINGS.crf}` : ''), pipeMs },
      };
    } catch (error) {
      if (signal?.aborted) throw new CancelledError('video render', signal.reason);
      throw failure ?? error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      ffmpeg?.kill();
      await browser?.close().catch(() => undefined);
      await server?.close();
    }
  }, options.tempDirectory);
}

