/**
 * `buildDataset`: trajectories through generated worlds, rendered, written as a world-model dataset
 * (models/CONTRACT.md):
 *
 *   worlds ─▶ plan every episode (policy, start, actions → poses through WorldQuery) ─▶ splits
 *     ─▶ per shard: one headless-Chromium render of its episodes' cameras (drawRawFrames, RGBA read
 *        back) ─▶ RGB uint8 frames, gzip ─▶ shard files ─▶ index.json
 *
 * Everything is planned from the seed before anything is drawn, so the same worlds, options and
 * seed give the same bytes. Work goes into `OUT.partial/`: each finished shard is written there
 * atomically and recorded, so a build that is stopped (or crashes) and is run again with the same
 * arguments renders only the shards it lacks. The finished directory replaces OUT in one rename.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FindBrowserOptions } from '../../engine-bridge/render/find-browser.ts';
import { drawRawFrames } from '../../engine-bridge/video/render-video.ts';
import { deriveSeed } from '../../generators/seed/derive-seed.ts';
import { Rng } from '../../generators/seed/rng.ts';
import { shotLighting } from '../../generators/shots/shot-lighting.ts';
import type { FrameLayer, Timeline } from '../../generators/shots/timeline.ts';
import type { WorldSpec } from '../../generators/spec/world-spec-schema.ts';
import { WORLDSMITH_VERSION } from '../../generators/version.ts';
import { CancelledError } from '../../generators/worldsmith-error.ts';
import { WorldQuery } from '../../generators/world/world-query.ts';
import type { World } from '../../generators/world/world.ts';
import { ACTION_SPACE, POSE_FIELDS, viewDirection, type EyePose } from './action-space.ts';
import { DatasetError } from './dataset-error.ts';
import { pickPolicy, targetsOf } from './exploration-policies.ts';
import { planEpisode, type PlannedEpisode } from './plan-episode.ts';

export const DATASET_FORMAT = 'worldsmith-dataset';
export const DATASET_VERSION = 1;
export const DATASET_SIZES = [64, 128] as const;
export const DATASET_DEFAULTS = { framesPerEpisode: 128, fps: 20, fovDegrees: 60, episodesPerShard: 8, splits: { train: 0.8, validation: 0.1, test: 0.1 } };
/** Small frames lose nothing by switching to coarser levels of detail sooner (see drawRawFrames). */
const LOD_DISTANCE_SCALE = 0.15;

export type DatasetSplit = 'train' | 'validation' | 'test' | 'test-unseen-world';

export interface DatasetWorld {
  /** Stable name in the index (e.g. from the spec's hash). */
  id: string;
  spec: WorldSpec;
  world: World;
  glb: Uint8Array;
  /** Every episode of a holdout world goes to `test-unseen-world`. */
  holdout: boolean;
}

export interface BuildDatasetOptions {
  out: string;
  /** Episodes per world. */
  episodes: number;
  frameSize: (typeof DATASET_SIZES)[number];
  seed: number;
  framesPerEpisode?: number;
  fps?: number;
  episodesPerShard?: number;
  /** The command line, recorded in the index. */
  command?: string;
  browser?: FindBrowserOptions;
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: { shard: number; shards: number; frame: number; frames: number; reused: boolean }) => void;
}

export interface DatasetIndexEpisode {
  id: string;
  world: string;
  split: DatasetSplit;
  policy: string;
  seed: number;
  frames: number;
  shard: string;
  offset: number;
}

export interface DatasetIndex {
  format: typeof DATASET_FORMAT;
  version: typeof DATASET_VERSION;
  frameSize: number;
  channels: 3;
  fps: number;
  fovDegrees: number;
  actionSpace: typeof ACTION_SPACE;
  pose: { fields: string[] };
  /** `size`: the world's larger side in metres (worlds are centred on the origin). */
  worlds: Array<{ id: string; seed: number; size: number; heightRange: [number, number]; holdout: boolean }>;
  episodes: DatasetIndexEpisode[];
  shards: Array<{ name: string; frames: number; sha256: string; bytes: number }>;
  splits: typeof DATASET_DEFAULTS.splits;
  seed: number;
  command: string;
  generator: string;
}

export interface BuiltDataset {
  index: DatasetIndex;
  /** Shards rendered in this run, and shards taken from an interrupted earlier run. */
  rendered: number;
  reused: number;
  ms: { plan: number; render: number; total: number };
}

interface PlannedShard {
  name: string;
  world: DatasetWorld;
  episodes: Array<PlannedEpisode & { id: string; split: DatasetSplit }>;
}

export async function buildDataset(worlds: readonly DatasetWorld[], options: BuildDatasetOptions): Promise<BuiltDataset> {
  const started = performance.now();
  const framesPerEpisode = options.framesPerEpisode ?? DATASET_DEFAULTS.framesPerEpisode;
  const fps = options.fps ?? DATASET_DEFAULTS.fps;
  const perShard = options.episodesPerShard ?? DATASET_DEFAULTS.episodesPerShard;
  checkOptions(worlds, options, framesPerEpisode, fps, perShard);
  const size = options.frameSize;

  const shards = planShards(worlds, options, framesPerEpisode, fps, perShard);
  const planMs = performance.now() - started;
  const planKey = sha256(JSON.stringify({ size, fps, framesPerEpisode, seed: options.seed, shards: shards.map((s) => ({ name: s.name, world: s.world.id, episodes: s.episodes })) }));

  const partial = `${options.out}.partial`;
  const done = await openProgress(partial, planKey);
  let rendered = 0;
  let reused = 0;
  const renderStart = performance.now();
  const shardRecords: DatasetIndex['shards'] = [];
  for (let s = 0; s < shards.length; s++) {
    if (options.signal?.aborted) throw new CancelledError('dataset', options.signal.reason);
    const shard = shards[s];
    const frames = shard.episodes.length * framesPerEpisode;
    const previous = done.shards[shard.name];
    if (previous && (await shardIntact(partial, shard.name, previous.sha256))) {
      shardRecords.push(previous);
      reused++;
      options.onProgress?.({ shard: s + 1, shards: shards.length, frame: frames, frames, reused: true });
      continue;
    }
    const rgb = await renderShard(shard, size, fps, options, (frame) => options.onProgress?.({ shard: s + 1, shards: shards.length, frame, frames, reused: false }));
    const gz = gzipSync(rgb, { level: 6 });
    const record = { name: shard.name, frames, sha256: sha256(gz), bytes: gz.byteLength };
    const sidecar = JSON.stringify({ episodes: shard.episodes.map((e) => ({ id: e.id, actions: e.actions, poses: e.poses.map(poseArray), times: e.poses.map((_, t) => round6(t / fps)) })) });
    await writeAtomic(join(partial, `${shard.name}.frames.gz`), gz);
    await writeAtomic(join(partial, `${shard.name}.json`), sidecar);
    done.shards[shard.name] = record;
    await writeAtomic(join(partial, 'progress.json'), JSON.stringify(done));
    shardRecords.push(record);
    rendered++;
  }
  const renderMs = performance.now() - renderStart;

  const index: DatasetIndex = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    frameSize: size,
    channels: 3,
    fps,
    fovDegrees: DATASET_DEFAULTS.fovDegrees,
    actionSpace: ACTION_SPACE,
    pose: { fields: [...POSE_FIELDS] },
    worlds: worlds.map((w) => ({ id: w.id, seed: w.spec.seed, size: Math.max(w.world.terrain.width, w.world.terrain.depth), heightRange: heightRange(w.world), holdout: w.holdout })),
    episodes: shards.flatMap((shard) =>
      shard.episodes.map((e, k) => ({ id: e.id, world: shard.world.id, split: e.split, policy: e.policy, seed: e.seed, frames: framesPerEpisode, shard: shard.name, offset: k * framesPerEpisode })),
    ),
    shards: shardRecords,
    splits: DATASET_DEFAULTS.splits,
    seed: options.seed,
    command: options.command ?? '',
    generator: `worldsmith ${WORLDSMITH_VERSION}`,
  };
  await writeAtomic(join(partial, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
  await rm(join(partial, 'progress.json'), { force: true });
  await replaceDirectory(partial, options.out);
  return { index, rendered, reused, ms: { plan: planMs, render: renderMs, total: performance.now() - started } };
}

function checkOptions(worlds: readonly DatasetWorld[], options: BuildDatasetOptions, framesPerEpisode: number, fps: number, perShard: number): void {
  const refuse = (message: string): never => {
    throw new DatasetError('DATASET_INPUT', message);
  };
  if (worlds.length === 0) refuse('A dataset needs at least one world: pass --world DIR (a directory `worldsmith generate` wrote).');
  const ids = new Set(worlds.map((w) => w.id));
  if (ids.size !== worlds.length) refuse('The same world was given twice: give each --world once.');
  if (worlds.every((w) => w.holdout)) refuse('Every world is held out: at least one world must be left for training.');
  if (!(DATASET_SIZES as readonly number[]).includes(options.frameSize)) refuse(`The frame size ${options.frameSize} is not offered: choose ${DATASET_SIZES.join(' or ')}.`);
  if (!Number.isInteger(options.episodes) || options.episodes < 1 || options.episodes > 100_000) refuse(`episodes ${options.episodes} is not allowed: give a whole number of episodes per world from 1 to 100000.`);
  if (!Number.isInteger(framesPerEpisode) || framesPerEpisode < 2 || framesPerEpisode > 10_000) refuse(`framesPerEpisode ${framesPerEpisode} is not allowed: give 2 to 10000.`);
  if (!Number.isInteger(fps) || fps < 1 || fps > 120) refuse(`fps ${fps} is not allowed: give 1 to 120.`);
  if (!Number.isInteger(perShard) || perShard < 1) refuse(`episodesPerShard ${perShard} is not allowed: give a whole number from 1.`);
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffff_ffff) refuse(`seed ${options.seed} is not allowed: give a whole number from 0 to 4294967295.`);
}

/** Every episode of every world, planned and split, grouped into shards of one world each. */
function planShards(worlds: readonly DatasetWorld[], options: BuildDatasetOptions, framesPerEpisode: number, fps: number, perShard: number): PlannedShard[] {
  const shards: PlannedShard[] = [];
  let number = 0;
  let episodeNumber = 0;
  for (const w of worlds) {
    const query = WorldQuery.of(w.world);
    const targets = targetsOf(w.world.gameplay, w.world.terrain.width, w.world.terrain.depth);
    const splits = splitEpisodes(options.episodes, w.holdout, new Rng(deriveSeed(options.seed, 'splits', w.id)));
    const episodes = Array.from({ length: options.episodes }, (_, e) => {
      const seed = deriveSeed(options.seed, 'episode', w.id, e);
      const policy = pickPolicy(new Rng(deriveSeed(seed, 'policy')));
      const planned = planEpisode({ query, targets, policy, seed, frames: framesPerEpisode, fps });
      return { ...planned, id: `e${String(episodeNumber++).padStart(5, '0')}`, split: splits[e] };
    });
    for (let k = 0; k < episodes.length; k += perShard) {
      shards.push({ name: `shards/shard-${String(number++).padStart(4, '0')}`, world: w, episodes: episodes.slice(k, k + perShard) });
    }
  }
  return shards;
}

/** Splits by episode: a seeded shuffle, then test and validation fractions (at least one each from 3 episodes). */
export function splitEpisodes(count: number, holdout: boolean, rng: Rng): DatasetSplit[] {
  if (holdout) return Array.from({ length: count }, () => 'test-unseen-world');
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const { test, validation } = DATASET_DEFAULTS.splits;
  const testCount = count >= 3 ? Math.max(1, Math.round(count * test)) : 0;
  const validationCount = count >= 3 ? Math.max(1, Math.round(count * validation)) : 0;
  const splits: DatasetSplit[] = new Array(count).fill('train');
  order.slice(0, testCount).forEach((i) => (splits[i] = 'test'));
  order.slice(testCount, testCount + validationCount).forEach((i) => (splits[i] = 'validation'));
  return splits;
}

/** The shard's frames, drawn in one browser session: RGB uint8 [frames, size, size, 3]. */
async function renderShard(shard: PlannedShard, size: number, fps: number, options: BuildDatasetOptions, onFrame: (frame: number) => void): Promise<Uint8Array> {
  const poses = shard.episodes.flatMap((e) => e.poses);
  const frames: FrameLayer[][] = poses.map((pose) => [{ shot: 0, opacity: 1, camera: cameraOf(pose) }]);
  const lighting = shotLighting(shard.world.spec, shard.world.spec.time.hour);
  const timeline: Timeline = {
    version: 1,
    fps,
    frameCount: frames.length,
    durationSeconds: frames.length / fps,
    shots: [
      {
        id: 'dataset',
        type: 'pov',
        subject: 'world',
        startFrame: 0,
        frameCount: frames.length,
        startSeconds: 0,
        durationSeconds: frames.length / fps,
        transitionIn: { kind: 'cut', frames: 0 },
        lighting,
        ambience: { wind: 0, water: 0, birds: 0, rain: 0, insects: 0 },
        mood: 'calm',
        description: 'world-model dataset',
      },
    ],
    frames,
    characters: [],
    footsteps: [],
    cuts: [0],
  };
  const pixels = size * size;
  const rgb = new Uint8Array(frames.length * pixels * 3);
  let received = 0;
  await drawRawFrames(
    { world: shard.world.glb, timeline, width: size, height: size },
    {
      browser: options.browser,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      lodDistanceScale: LOD_DISTANCE_SCALE,
      onFrame: (index, rgba) => {
        if (rgba.length !== pixels * 4) throw new DatasetError('DATASET_FORMAT', `Frame ${index} came back with ${rgba.length} bytes, not ${pixels * 4}.`);
        const base = index * pixels * 3;
        for (let p = 0; p < pixels; p++) {
          rgb[base + p * 3] = rgba[p * 4];
          rgb[base + p * 3 + 1] = rgba[p * 4 + 1];
          rgb[base + p * 3 + 2] = rgba[p * 4 + 2];
        }
        received++;
        onFrame(received);
      },
    },
  );
  if (received !== frames.length) throw new DatasetError('DATASET_FORMAT', `The renderer gave ${received} of ${shard.name}'s ${frames.length} frames.`);
  return rgb;
}

export function cameraOf(pose: EyePose): FrameLayer['camera'] {
  const [dx, dy, dz] = viewDirection(pose);
  return { position: [pose.x, pose.y, pose.z], target: [pose.x + dx, pose.y + dy, pose.z + dz], fovDegrees: DATASET_DEFAULTS.fovDegrees };
}

function poseArray(p: EyePose): number[] {
  return [p.x, p.y, p.z, p.yaw, p.pitch];
}

function heightRange(world: World): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const h of world.terrain.heights) {
    if (h < lo) lo = h;
    if (h > hi) hi = h;
  }
  return [Math.round(lo * 100) / 100, Math.round(hi * 100) / 100];
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

interface Progress {
  plan: string;
  shards: Record<string, DatasetIndex['shards'][number]>;
}

/** The interrupted run's record, if it planned the same thing; otherwise a fresh partial directory. */
async function openProgress(partial: string, plan: string): Promise<Progress> {
  try {
    const progress = JSON.parse(await readFile(join(partial, 'progress.json'), 'utf8')) as Progress;
    if (progress.plan === plan && progress.shards && typeof progress.shards === 'object') return progress;
  } catch {
    // No earlier run to go on from.
  }
  await rm(partial, { recursive: true, force: true });
  await mkdir(join(partial, 'shards'), { recursive: true });
  const progress: Progress = { plan, shards: {} };
  await writeAtomic(join(partial, 'progress.json'), JSON.stringify(progress));
  return progress;
}

async function shardIntact(partial: string, name: string, expected: string): Promise<boolean> {
  try {
    const bytes = await readFile(join(partial, `${name}.frames.gz`));
    await stat(join(partial, `${name}.json`));
    return sha256(bytes) === expected;
  } catch {
    return false;
  }
}

async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, data);
  await rename(temp, path);
}

/** `from` takes `to`'s place: the old one is moved aside first and removed after. */
export async function replaceDirectory(from: string, to: string): Promise<void> {
  const aside = `${to}.old-${process.pid}`;
  const existed = await stat(to).then(() => true, () => false);
  if (existed) await rename(to, aside);
  await rename(from, to);
  if (existed) await rm(aside, { recursive: true, force: true });
}
