/**
 * The dataset builder: the action space's movement, the exploration policies, the splits, and a
 * tiny dataset rendered end to end — the same bytes twice, readable by the reader, and an
 * interrupted build that goes on from its finished shards to the same bytes.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeImageWithSharp } from '../../engine-bridge/images/sharp-image-encoder.ts';
import { buildWorldDocument } from '../../generators/export/build-world-document.ts';
import { encodeWorldTextures } from '../../generators/export/world-textures.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { Rng } from '../../generators/seed/rng.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { WorldQuery } from '../../generators/world/world-query.ts';
import type { World } from '../../generators/world/world.ts';
import { ACTION_SPACE, applyAction, clampAction, type EyePose } from '../../models/dataset/action-space.ts';
import { POLICY_NAMES, targetsOf } from '../../models/dataset/exploration-policies.ts';
import { planEpisode } from '../../models/dataset/plan-episode.ts';
import { readDataset } from '../../models/dataset/read-dataset.ts';
import { buildDataset, splitEpisodes, type DatasetWorld } from '../../models/dataset/write-dataset.ts';
import { CancelledError } from '../../generators/worldsmith-error.ts';
import { smallSpec } from '../helpers/world-specs.ts';

const FPS = 20;
let world: World;
let query: WorldQuery;
let datasetWorld: DatasetWorld;
let dir: string;

beforeAll(async () => {
  const spec = smallSpec({ seed: 5, size: { width: 96, depth: 96, cellSize: 2 }, structures: [{ type: 'house' }] });
  ({ world } = await generateWorld(spec));
  query = WorldQuery.of(world);
  const textures = await encodeWorldTextures(world.textures!, encodeImageWithSharp);
  const glb = await writeGlb((await buildWorldDocument(world, { textures })).doc);
  datasetWorld = { id: 'small', spec, world, glb, holdout: false };
  dir = await mkdtemp(join(tmpdir(), 'worldsmith-dataset-test-'));
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The spawn: level, dry, open ground by construction. */
function dryFlatPose(): EyePose {
  const { x, z } = world.gameplay.spawn;
  return { x, y: query.heightAt(x, z) + ACTION_SPACE.eyeHeight, z, yaw: 0, pitch: 0 };
}

describe('the action space', () => {
  it('walks 4 m/s forward, turns right at 90°/s and looks up at 60°/s, on the ground', () => {
    const start = dryFlatPose();
    const moved = applyAction(query, start, [1, 0, 0, 0], FPS);
    expect(Math.hypot(moved.x - start.x, moved.z - start.z)).toBeCloseTo(ACTION_SPACE.walkSpeed / FPS, 2);
    expect(moved.z - start.z).toBeCloseTo(ACTION_SPACE.walkSpeed / FPS, 2); // yaw 0 faces +z
    expect(moved.y - query.heightAt(moved.x, moved.z)).toBeCloseTo(ACTION_SPACE.eyeHeight, 3);
    const turned = applyAction(query, start, [0, 0, 1, 0], FPS);
    expect(turned.yaw).toBeCloseTo(-(Math.PI / 2) / FPS, 6); // right = yaw falls
    const looked = applyAction(query, start, [0, 0, 0, 1], FPS);
    expect(looked.pitch).toBeCloseTo((Math.PI / 3) / FPS, 6);
  });

  it('clamps pitch to ±45°, and actions to [−1, 1] with NaN as 0', () => {
    let pose = dryFlatPose();
    for (let i = 0; i < 40; i++) pose = applyAction(query, pose, [0, 0, 0, 1], FPS);
    expect(pose.pitch).toBeCloseTo(Math.PI / 4, 9);
    expect(clampAction([5, -7, Number.NaN, 0.5])).toEqual([1, -1, 0, 0.5]);
  });

  it('never leaves the world, however long it walks toward the edge', () => {
    let pose = dryFlatPose();
    for (let i = 0; i < 600; i++) pose = applyAction(query, pose, [1, 0.3, 0, 0], FPS);
    expect(Math.abs(pose.x)).toBeLessThan(48);
    expect(Math.abs(pose.z)).toBeLessThan(48);
  });
});

describe('exploration policies', () => {
  const plan = (policy: (typeof POLICY_NAMES)[number], seed: number, frames = 96) =>
    planEpisode({ query, targets: targetsOf(world.gameplay, world.terrain.width, world.terrain.depth), policy, seed, frames, fps: FPS });

  it.each(POLICY_NAMES)('%s: the same seed gives the same episode, another seed another', (policy) => {
    expect(plan(policy, 3)).toEqual(plan(policy, 3));
    expect(plan(policy, 3).poses).not.toEqual(plan(policy, 4).poses);
  });

  it.each(POLICY_NAMES)('%s: every pose is in the world, at eye height over the ground, each reached by its recorded action', (policy) => {
    for (const seed of [1, 2, 3]) {
      const e = plan(policy, seed);
      expect(e.actions[0]).toEqual([0, 0, 0, 0]);
      e.poses.forEach((p, t) => {
        expect(Math.abs(p.x)).toBeLessThan(48);
        expect(Math.abs(p.z)).toBeLessThan(48);
        expect(p.y - query.heightAt(p.x, p.z)).toBeGreaterThan(ACTION_SPACE.eyeHeight - 0.7);
        expect(Math.abs(p.pitch)).toBeLessThanOrEqual(Math.PI / 4 + 1e-9);
        e.actions[t].forEach((a) => expect(Math.abs(a)).toBeLessThanOrEqual(1));
        if (t > 0) {
          const again = applyAction(query, e.poses[t - 1], e.actions[t], FPS);
          expect(Math.hypot(again.x - p.x, again.z - p.z)).toBeLessThan(1e-3);
        }
      });
    }
  });

  it('wander and follow-path travel; look-around turns more than it walks; orbit keeps its distance', () => {
    const travelled = (policy: (typeof POLICY_NAMES)[number]) => {
      const e = plan(policy, 11);
      let d = 0;
      for (let t = 1; t < e.poses.length; t++) d += Math.hypot(e.poses[t].x - e.poses[t - 1].x, e.poses[t].z - e.poses[t - 1].z);
      return d;
    };
    expect(travelled('wander')).toBeGreaterThan(5);
    expect(travelled('follow-path')).toBeGreaterThan(5);
    expect(travelled('look-around')).toBeLessThan(travelled('wander'));
    const look = plan('look-around', 11);
    let turned = 0;
    for (let t = 1; t < look.poses.length; t++) turned += Math.abs(look.poses[t].yaw - look.poses[t - 1].yaw) % Math.PI;
    expect(turned).toBeGreaterThan(1);
  });
});

describe('splits', () => {
  it('holds out about a tenth of the episodes for test and for validation, by episode', () => {
    const splits = splitEpisodes(40, false, new Rng(1));
    expect(splits.filter((s) => s === 'test')).toHaveLength(4);
    expect(splits.filter((s) => s === 'validation')).toHaveLength(4);
    expect(splits.filter((s) => s === 'train')).toHaveLength(32);
    expect(splitEpisodes(3, false, new Rng(1)).sort()).toEqual(['test', 'train', 'validation']);
    expect(new Set(splitEpisodes(5, true, new Rng(1)))).toEqual(new Set(['test-unseen-world']));
  });
});

describe('a dataset rendered end to end', () => {
  const options = (out: string, signal?: AbortSignal, onProgress?: () => void) => ({
    out,
    episodes: 3,
    frameSize: 64 as const,
    framesPerEpisode: 6,
    episodesPerShard: 2,
    seed: 9,
    command: 'test',
    signal,
    onProgress,
  });
  const filesOf = async (root: string) => {
    const names = [...(await readdir(root)).filter((n) => n !== 'shards'), ...(await readdir(join(root, 'shards'))).map((n) => `shards/${n}`)].sort();
    return Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await readFile(join(root, n))).toString('base64')])));
  };

  it('gives the same bytes twice, in the contract the reader reads, with frames that show the world', async () => {
    const a = await buildDataset([datasetWorld], options(join(dir, 'a')));
    const b = await buildDataset([datasetWorld], options(join(dir, 'b')));
    expect(a.rendered).toBe(2);
    expect(await filesOf(join(dir, 'a'))).toEqual(await filesOf(join(dir, 'b')));
    const data = await readDataset(join(dir, 'a'));
    expect(data.index.episodes).toHaveLength(3);
    expect(data.episodes('train').length + data.episodes('validation').length + data.episodes('test').length).toBe(3);
    const episode = await data.readEpisode(data.index.episodes[2].id);
    expect(episode.pixels).toHaveLength(6 * 64 * 64 * 3);
    expect(episode.poses).toHaveLength(6);
    // Not blank: many distinct colours, sky above ground (the top rows brighter or bluer than the bottom ones).
    const colours = new Set<number>();
    for (let p = 0; p < 64 * 64; p++) colours.add((episode.pixels[p * 3] << 16) | (episode.pixels[p * 3 + 1] << 8) | episode.pixels[p * 3 + 2]);
    expect(colours.size).toBeGreaterThan(200);
    expect(b.index).toEqual(a.index);
  }, 240_000);

  it('stopped after its first shard, goes on from there to the same bytes', async () => {
    const controller = new AbortController();
    const stopping = buildDataset([datasetWorld], {
      ...options(join(dir, 'c'), controller.signal),
      // The second shard's first frame: the first shard is on disk.
      onProgress: (p) => {
        if (p.shard === 2 && !controller.signal.aborted) controller.abort(new Error('test stop'));
      },
    });
    await expect(stopping).rejects.toBeInstanceOf(CancelledError);
    const resumed = await buildDataset([datasetWorld], options(join(dir, 'c')));
    expect(resumed.reused).toBe(1);
    expect(resumed.rendered).toBe(1);
    expect(await filesOf(join(dir, 'c'))).toEqual(await filesOf(join(dir, 'a')));
  }, 240_000);
});
