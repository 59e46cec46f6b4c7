/**
 * A tiny dataset in the world-model contract's format (models/CONTRACT.md, version 1), without a
 * world or a renderer: each frame is a procedural panorama seen from the pose — colours are smooth
 * functions of the view ray's yaw and pitch and of the eye's position — so turning shifts the image
 * sideways and looking shifts it vertically, as in a rendered world. The geometry is the renderer's
 * (glTF, right-handed, y up; yaw from +z toward +x): the image's right is the smaller yaw, turn +1
 * turns right (yaw falls), strafe +1 steps right. Poses follow seeded random actions at the
 * contract's speeds. Same options, same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SyntheticDatasetOptions {
  /** Frame width and height in pixels (a multiple of 8). */
  size?: number;
  /** Episodes per split. */
  train?: number;
  validation?: number;
  test?: number;
  /** Frames per episode. */
  frames?: number;
  /** Episodes per shard. */
  episodesPerShard?: number;
  seed?: number;
}

export const SYNTHETIC_DATASET_DEFAULTS: Required<SyntheticDatasetOptions> = {
  size: 16,
  train: 4,
  validation: 1,
  test: 1,
  frames: 24,
  episodesPerShard: 4,
  seed: 1,
};

const FPS = 20;
const FOV_DEGREES = 60;
const ACTION_SPACE = {
  version: 1,
  names: ['forward', 'strafe', 'turn', 'look'],
  low: [-1, -1, -1, -1],
  high: [1, 1, 1, 1],
  walkSpeed: 4,
  turnDegreesPerSecond: 90,
  lookDegreesPerSecond: 60,
  eyeHeight: 1.7,
  maxPitchDegrees: 45,
};
const WORLD = { id: 'synthetic', seed: 1, size: 64, heightRange: [0, 4], holdout: false };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pose = [number, number, number, number, number];

function renderFrame(pose: Pose, size: number, out: Uint8Array, at: number): void {
  const [x, y, z, yaw, pitch] = pose;
  const tanV = Math.tan(((FOV_DEGREES / 2) * Math.PI) / 180);
  for (let i = 0; i < size; i += 1) {
    const v = ((2 * i + 1) / size - 1) * tanV;
    for (let j = 0; j < size; j += 1) {
      const u = ((2 * j + 1) / size - 1) * tanV;
      const theta = yaw - Math.atan(u);
      const phi = pitch - Math.atan(v);
      const k = at + (i * size + j) * 3;
      out[k] = Math.round(255 * (0.5 + 0.45 * Math.sin(3 * theta + 0.05 * x)));
      out[k + 1] = Math.round(255 * (0.5 + 0.45 * Math.cos(2 * theta + 3 * phi + 0.1 * y)));
      out[k + 2] = Math.round(255 * (0.5 + 0.45 * Math.sin(4 * phi + 0.05 * z + theta)));
    }
  }
}

function episode(rand: () => number, frames: number): { actions: number[][]; poses: Pose[]; times: number[] } {
  const dt = 1 / FPS;
  const half = WORLD.size / 2;
  const maxPitch = (ACTION_SPACE.maxPitchDegrees * Math.PI) / 180;
  let pose: Pose = [(rand() - 0.5) * half, ACTION_SPACE.eyeHeight + 1, (rand() - 0.5) * half, rand() * 2 * Math.PI - Math.PI, 0];
  const actions: number[][] = [[0, 0, 0, 0]];
  const poses: Pose[] = [pose];
  let action = [0, 0, 0, 0];
  for (let t = 1; t < frames; t += 1) {
    if (t === 1 || rand() < 0.15) action = [rand() * 2 - 1, rand() * 2 - 1, rand() * 2 - 1, rand() * 2 - 1].map((a) => Math.round(a * 100) / 100);
    const [x, y, z, yaw, pitch] = pose;
    const nyaw = yaw - action[2] * ((ACTION_SPACE.turnDegreesPerSecond * Math.PI) / 180) * dt;
    const npitch = Math.max(-maxPitch, Math.min(maxPitch, pitch + action[3] * ((ACTION_SPACE.lookDegreesPerSecond * Math.PI) / 180) * dt));
    const step = ACTION_SPACE.walkSpeed * dt;
    // forward along (sin yaw, cos yaw), right along (−cos yaw, sin yaw)
    const nx = Math.max(-half, Math.min(half, x + step * (action[0] * Math.sin(nyaw) - action[1] * Math.cos(nyaw))));
    const nz = Math.max(-half, Math.min(half, z + step * (action[0] * Math.cos(nyaw) + action[1] * Math.sin(nyaw))));
    pose = [nx, y, nz, nyaw, npitch];
    actions.push(action);
    poses.push(pose);
  }
  return { actions, poses, times: poses.map((_, t) => t / FPS) };
}

/** Writes the dataset into dir (index.json, shards/) and returns the index. */
export function writeSyntheticDataset(dir: string, options: SyntheticDatasetOptions = {}): Record<string, unknown> {
  const o = { ...SYNTHETIC_DATASET_DEFAULTS, ...options };
  if (o.size % 8 !== 0) throw new Error(`synthetic dataset: size ${o.size} is not a multiple of 8`);
  const rand = mulberry32(o.seed);
  const splits: string[] = [
    ...Array.from({ length: o.train }, () => 'train'),
    ...Array.from({ length: o.validation }, () => 'validation'),
    ...Array.from({ length: o.test }, () => 'test'),
  ];
  mkdirSync(join(dir, 'shards'), { recursive: true });
  const episodes: Record<string, unknown>[] = [];
  const shards: Record<string, unknown>[] = [];
  const frameBytes = o.size * o.size * 3;
  for (let s = 0; s * o.episodesPerShard < splits.length; s += 1) {
    const name = `shards/shard-${String(s).padStart(4, '0')}`;
    const members = splits.slice(s * o.episodesPerShard, (s + 1) * o.episodesPerShard);
    const pixels = new Uint8Array(members.length * o.frames * frameBytes);
    const sidecar: Record<string, unknown>[] = [];
    members.forEach((split, m) => {
      const id = `e${String(s * o.episodesPerShard + m).padStart(4, '0')}`;
      const seed = Math.floor(rand() * 0xffffffff);
      const ep = episode(mulberry32(seed), o.frames);
      ep.poses.forEach((pose, t) => renderFrame(pose, o.size, pixels, (m * o.frames + t) * frameBytes));
      sidecar.push({ id, ...ep });
      episodes.push({ id, world: WORLD.id, split, policy: 'random', seed, frames: o.frames, shard: name, offset: m * o.frames });
    });
    const gz = gzipSync(pixels, { level: 6 });
    writeFileSync(join(dir, `${name}.frames.gz`), gz);
    writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ episodes: sidecar })}\n`);
    shards.push({ name, frames: members.length * o.frames, sha256: createHash('sha256').update(gz).digest('hex') });
  }
  const total = splits.length;
  const index = {
    format: 'worldsmith-dataset',
    version: 1,
    frameSize: o.size,
    channels: 3,
    fps: FPS,
    fovDegrees: FOV_DEGREES,
    actionSpace: ACTION_SPACE,
    pose: { fields: ['x', 'y', 'z', 'yaw', 'pitch'] },
    worlds: [WORLD],
    episodes,
    shards,
    splits: { train: o.train / total, validation: o.validation / total, test: o.test / total },
    seed: o.seed,
    command: `writeSyntheticDataset ${JSON.stringify(o)}`,
    generator: 'worldsmith tests/helpers/synthetic-dataset.ts',
  };
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return index;
}
