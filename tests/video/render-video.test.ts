import { access, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenderError } from '../../engine-bridge/render/render-error.ts';
import { extractFramePng } from '../../engine-bridge/video/extract-frame.ts';
import { listBoxes, mp4DurationSeconds } from '../../engine-bridge/video/mp4-boxes.ts';
import { muxSoundtrack } from '../../engine-bridge/video/mux-soundtrack.ts';
import { findFfmpeg } from '../../engine-bridge/video/find-ffmpeg.ts';
import { probeMedia } from '../../engine-bridge/video/probe-media.ts';
import { renderVideo, type RenderedVideo } from '../../engine-bridge/video/render-video.ts';
import { CancelledError } from '../../generators/worldsmith-error.ts';
import { CROSSFADE_FRAMES, FADE_FRAMES, FPS, FRAME_COUNT, makeActorsGlb, makeVideoScene, SHOT_A_FRAMES, type VideoScene } from './video-fixtures.ts';

/**
 * The video renderer, end to end, in the embedded Chromium (SwiftShader): a small world, a skinned
 * actor, two shots with a fade in and a crossfade, 18 frames at 320×180, 12 fps. Regenerate the
 * reference frame after a deliberate change to worlds, rendering or encoding:
 * UPDATE_REFERENCES=1 npx vitest run tests/video
 */
const REFERENCE = 'tests/fixtures/video/small-world-frame-6.png';
const SIZE = { width: 320, height: 180 };

interface Pixels {
  data: Buffer;
  width: number;
  height: number;
}

async function pixels(png: Uint8Array): Promise<Pixels> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const mean = (p: Pixels) => p.data.reduce((sum, v) => sum + v, 0) / p.data.length;

/** Mean absolute difference per sample, 0…255. */
function difference(a: Pixels, b: Pixels | ((i: number) => number)): number {
  let total = 0;
  for (let i = 0; i < a.data.length; i++) total += Math.abs(a.data[i] - (typeof b === 'function' ? b(i) : b.data[i]));
  return total / a.data.length;
}

/** Processes descended from this one whose name says Chromium or ffmpeg. */
async function browserAndEncoderDescendants(): Promise<string[]> {
  const parents = new Map<number, { ppid: number; name: string }>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), { ppid, name });
    } catch {
      // Gone already.
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parents.get(pid)?.ppid, depth = 0; p && depth < 64; p = parents.get(p)?.ppid, depth++) if (p === process.pid) return true;
    return false;
  };
  return [...parents].filter(([pid, { name }]) => descends(pid) && /chrom|headless|ffmpeg/i.test(name)).map(([pid, { name }]) => `${pid} ${name}`);
}

describe('renderVideo: a timeline to H.264 MP4', () => {
  let scene: VideoScene;
  let first: RenderedVideo;
  const progress: number[] = [];
  let frame: (i: number) => Promise<Pixels>;
  beforeAll(async () => {
    scene = await makeVideoScene();
    first = await renderVideo({ ...scene, ...SIZE }, { onProgress: (p) => progress.push(p.frame) });
    const cache = new Map<number, Promise<Pixels>>();
    frame = (i) => {
      if (!cache.has(i)) cache.set(i, extractFramePng(first.mp4, i).then(pixels));
      return cache.get(i)!;
    };
  }, 300_000);

  it('writes H.264 yuv420p with exactly the timeline frames and duration, moov first', async () => {
    const probe = await probeMedia(first.mp4, { countFrames: true });
    expect(probe.streams).toHaveLength(1);
    const [video] = probe.streams;
    expect(video).toMatchObject({ type: 'video', codec: 'h264', pixelFormat: 'yuv420p', width: SIZE.width, height: SIZE.height, readFrames: FRAME_COUNT });
    expect(video.duration).toBeCloseTo(FRAME_COUNT / FPS, 3);
    expect(video.frameRate).toBeCloseTo(FPS, 6);
    const types = listBoxes(first.mp4).map((b) => b.type);
    expect(types.indexOf('moov')).toBeLessThan(types.indexOf('mdat'));
    expect(first.frames).toBe(FRAME_COUNT);
    expect(progress).toEqual(Array.from({ length: FRAME_COUNT }, (_, i) => i + 1));
    // One render per layer: two in each crossfade frame, none while a fade's opacity is 0.
    expect(first.stats.renders).toBe(FRAME_COUNT + CROSSFADE_FRAMES - 1);
    expect(first.stats.animationSeconds).toBeCloseTo(FRAME_COUNT / FPS, 6);
  });

  it('gives the same bytes again', async () => {
    const again = await renderVideo({ ...scene, ...SIZE });
    expect(Buffer.compare(Buffer.from(again.mp4), Buffer.from(first.mp4))).toBe(0);
  }, 300_000);

  it('matches the committed reference frame within a tolerance', async () => {
    const png = await extractFramePng(first.mp4, 6);
    if (process.env.UPDATE_REFERENCES) await writeFile(REFERENCE, png);
    await access(REFERENCE);
    const got = await pixels(png);
    const want = await pixels(new Uint8Array(await readFile(REFERENCE)));
    expect([got.width, got.height]).toEqual([want.width, want.height]);
    let far = 0;
    for (let i = 0; i < got.data.length; i++) if (Math.abs(got.data[i] - want.data[i]) > 48) far++;
    expect(difference(got, want)).toBeLessThan(3);
    expect(far / got.data.length).toBeLessThan(0.01);
  });

  it('fades in from black', async () => {
    const black = await frame(0);
    const half = await frame(FADE_FRAMES / 2);
    const full = await frame(FADE_FRAMES + 2);
    expect(mean(black)).toBeLessThan(4);
    // Half the opacity over black: half the brightness (video levels are 16…235, so not exactly).
    expect(mean(half) / mean(full)).toBeGreaterThan(0.35);
    expect(mean(half) / mean(full)).toBeLessThan(0.65);
  });

  it('crossfades: the middle frame lies between the two shots', async () => {
    const a = await frame(SHOT_A_FRAMES - 1);
    const b = await frame(SHOT_A_FRAMES + CROSSFADE_FRAMES + 1);
    const k = 2;
    const middle = await frame(SHOT_A_FRAMES + k);
    const alpha = (k + 1) / (CROSSFADE_FRAMES + 1);
    const apart = difference(a, b);
    expect(apart).toBeGreaterThan(20);
    const fromMix = difference(middle, (i) => (1 - alpha) * a.data[i] + alpha * b.data[i]);
    expect(fromMix).toBeLessThan(apart * 0.25);
    expect(difference(middle, a)).toBeGreaterThan(apart * 0.3);
    expect(difference(middle, b)).toBeGreaterThan(apart * 0.2);
  });

  it('plays the actors’ animation at each frame’s time: the actor moves', async () => {
    // Shot A's camera is still, so what changes between its full frames is the actor walking.
    const early = await frame(FADE_FRAMES);
    const late = await frame(SHOT_A_FRAMES - 1);
    const redness = (p: Pixels) => {
      let sumX = 0;
      let n = 0;
      for (let i = 0; i < p.width * p.height; i++) {
        const [r, g, b] = [p.data[i * 3], p.data[i * 3 + 1], p.data[i * 3 + 2]];
        if (r > 90 && r > 2 * g && r > 2 * b) {
          sumX += i % p.width;
          n++;
        }
      }
      return { n, x: sumX / n };
    };
    const [e, l] = [redness(early), redness(late)];
    expect(e.n).toBeGreaterThan(20);
    expect(l.n).toBeGreaterThan(20);
    expect(Math.abs(e.x - l.x)).toBeGreaterThan(4);
  });

  it('muxes an AAC sound track: h264 + aac, as long as the video, moov first, same bytes again', async () => {
    const rate = 48_000;
    const seconds = 2; // longer than the video: cut to it
    const samples = new Float32Array(rate * seconds * 2);
    for (let i = 0; i < rate * seconds; i++) samples[i * 2] = samples[i * 2 + 1] = 0.3 * Math.sin((2 * Math.PI * 440 * i) / rate);
    const muxed = await muxSoundtrack(first.mp4, { samples, sampleRate: rate });
    const probe = await probeMedia(muxed);
    const video = probe.streams.find((s) => s.type === 'video')!;
    const audio = probe.streams.find((s) => s.type === 'audio')!;
    expect(video.codec).toBe('h264');
    expect(audio).toMatchObject({ codec: 'aac', sampleRate: rate, channels: 2 });
    expect(Math.abs(audio.duration! - video.duration!)).toBeLessThan(0.03);
    expect(mp4DurationSeconds(muxed)).toBeCloseTo(FRAME_COUNT / FPS, 1);
    const types = listBoxes(muxed).map((b) => b.type);
    expect(types.indexOf('moov')).toBeLessThan(types.indexOf('mdat'));
    const again = await muxSoundtrack(first.mp4, { samples, sampleRate: rate });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(muxed))).toBe(0);
    await expect(muxSoundtrack(first.mp4, { samples: samples.subarray(1), sampleRate: rate })).rejects.toMatchObject({ code: 'RENDER_INPUT' });
  }, 60_000);

  describe('the ffmpeg encoder', () => {
    let short: VideoScene;
    beforeAll(() => {
      short = { ...scene, timeline: { ...scene.timeline, frames: scene.timeline.frames.slice(4, 10), frameCount: 6, durationSeconds: 6 / FPS } };
    });

    it('pipes raw frames to libx264: h264 yuv420p, every frame, the same bytes again, and a picture like WebCodecs’', async () => {
      const a = await renderVideo({ ...short, ...SIZE }, { encoder: 'ffmpeg' });
      const b = await renderVideo({ ...short, ...SIZE }, { encoder: 'ffmpeg' });
      expect(Buffer.compare(Buffer.from(a.mp4), Buffer.from(b.mp4))).toBe(0);
      const probe = await probeMedia(a.mp4, { countFrames: true });
      expect(probe.streams[0]).toMatchObject({ codec: 'h264', pixelFormat: 'yuv420p', readFrames: 6 });
      expect(probe.streams[0].duration).toBeCloseTo(6 / FPS, 3);
      // Frame 2 of the slice is frame 6 of the whole: both encoders drew the same picture.
      expect(difference(await extractFramePng(a.mp4, 2).then(pixels), await frame(6))).toBeLessThan(6);
    }, 300_000);
  });
});

describe('renderVideo: refusals, failures and cleanup', () => {
  let scene: VideoScene;
  let temp: string;
  beforeAll(async () => {
    scene = await makeVideoScene();
    temp = await mkdtemp(join(tmpdir(), 'video-test-'));
  }, 120_000);
  afterAll(async () => {
    await rm(temp, { recursive: true, force: true });
  });

  it('refuses bad inputs before any browser starts', async () => {
    // A browser that does not exist: reaching it would fail with RENDER_BROWSER, not RENDER_INPUT.
    const options = { browser: { executablePath: '/nonexistent/chromium' } };
    const bad = async (input: Parameters<typeof renderVideo>[0], message: RegExp) => {
      const error = await renderVideo(input, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderError);
      expect(error).toMatchObject({ code: 'RENDER_INPUT' });
      expect((error as Error).message).toMatch(message);
    };
    await bad({ ...scene, width: 321, height: 180 }, /width 321 is odd/);
    await bad({ ...scene, width: 320, height: 8 }, /height 8 is not allowed/);
    await bad({ ...scene, ...SIZE, timeline: { ...scene.timeline, frames: [] } }, /timeline\.frames is empty/);
    await bad({ ...scene, ...SIZE, timeline: { ...scene.timeline, fps: 0 } }, /timeline\.fps 0/);
    await bad({ ...scene, ...SIZE, timeline: { ...scene.timeline, fps: 240 } }, /timeline\.fps 240/);
    const layers = scene.timeline.frames.map((f) => f.map((l) => ({ ...l })));
    layers[3][0].shot = 7;
    await bad({ ...scene, ...SIZE, timeline: { ...scene.timeline, frames: layers } }, /timeline\.frames\[3\]\[0\]\.shot 7/);
    await bad({ ...scene, ...SIZE, world: new TextEncoder().encode('not a glb at all, no') }, /not a binary glTF/);
  });

  it('stops when aborted mid-render: rejects, and leaves no Chromium, no ffmpeg and no temp files', async () => {
    const controller = new AbortController();
    const started = renderVideo(
      { ...scene, ...SIZE },
      { encoder: 'ffmpeg', signal: controller.signal, tempDirectory: temp, onProgress: (p) => p.frame === 2 && controller.abort(new Error('enough')) },
    );
    const error = await started.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect(await readdir(temp)).toEqual([]);
    // Chromium's processes exit just after its close resolves; give them a moment.
    let left: string[] = [];
    for (let i = 0; i < 20; i++) {
      left = await browserAndEncoderDescendants();
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(left).toEqual([]);
  }, 180_000);

  it('names the missing animation when the actors glb has none called cutscene', async () => {
    const actors = await makeActorsGlb(() => [0, 0, 0], 1, 'wave');
    const short = { ...scene.timeline, frames: scene.timeline.frames.slice(5, 6) };
    const error = await renderVideo({ ...scene, actors, timeline: short, ...SIZE }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RENDER_PAGE' });
    expect((error as Error).message).toMatch(/no animation named 'cutscene' \(it has 'wave'\)/);
  }, 120_000);

  it('finds ffmpeg and ffprobe with nothing on PATH (the embedded ones), and says clearly when a named one is missing', async () => {
    const saved = { path: process.env.PATH, probe: process.env.WORLDSMITH_FFPROBE, ffmpeg: process.env.WORLDSMITH_FFMPEG };
    try {
      process.env.PATH = '/nonexistent';
      delete process.env.WORLDSMITH_FFPROBE;
      delete process.env.WORLDSMITH_FFMPEG;
      const tools = await findFfmpeg();
      expect(tools.source).toBe('embedded');
      expect(tools.ffprobe).toMatch(/@ffprobe-installer/);
      process.env.WORLDSMITH_FFPROBE = '/nonexistent/ffprobe';
      await expect(probeMedia(new Uint8Array(8))).rejects.toMatchObject({ code: 'RENDER_TOOL', message: expect.stringMatching(/WORLDSMITH_FFPROBE \(\/nonexistent\/ffprobe\) is not an executable file/) });
    } finally {
      process.env.PATH = saved.path;
      if (saved.probe !== undefined) process.env.WORLDSMITH_FFPROBE = saved.probe;
      else delete process.env.WORLDSMITH_FFPROBE;
      if (saved.ffmpeg !== undefined) process.env.WORLDSMITH_FFMPEG = saved.ffmpeg;
    }
  });
});
