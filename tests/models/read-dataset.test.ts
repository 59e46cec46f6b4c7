import { createHash } from 'node:crypto';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../models/dataset/dataset-error.ts';
import { readDataset } from '../../models/dataset/read-dataset.ts';
import { scratchDir } from '../helpers/cli-harness.ts';
import { writeSyntheticDataset } from '../helpers/synthetic-dataset.ts';

let scratch: { path: string; remove: () => Promise<void> };
let source: string;
let copies = 0;

beforeAll(async () => {
  scratch = await scratchDir();
  source = join(scratch.path, 'source');
  writeSyntheticDataset(source, { size: 16, train: 3, validation: 1, test: 2, frames: 12, episodesPerShard: 4 });
});
afterAll(() => scratch.remove());

/** A copy of the dataset to damage. */
async function copy(): Promise<string> {
  const dir = join(scratch.path, `copy-${copies++}`);
  await cp(source, dir, { recursive: true });
  return dir;
}

async function editIndex(dir: string, edit: (index: Record<string, any>) => void): Promise<void> {
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
  edit(index);
  await writeFile(join(dir, 'index.json'), JSON.stringify(index));
}

async function rejected(promise: Promise<unknown>, code: string): Promise<DatasetError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  expect((error as DatasetError).code).toBe(code);
  return error as DatasetError;
}

describe('readDataset', () => {
  it('lists episodes by split and gives their frames, actions, poses and times', async () => {
    const dataset = await readDataset(source);
    expect(dataset.indexSha256).toBe(createHash('sha256').update(await readFile(join(source, 'index.json'))).digest('hex'));
    expect(dataset.episodes('train').map((e) => e.id)).toEqual(['e0000', 'e0001', 'e0002']);
    expect(dataset.episodes('test').map((e) => e.id)).toEqual(['e0004', 'e0005']);
    expect(dataset.episodes()).toHaveLength(6);
    const episode = await dataset.readEpisode('e0005');
    expect(episode.frames).toBe(12);
    expect(episode.pixels.length).toBe(12 * 16 * 16 * 3);
    expect(episode.actions[0]).toEqual([0, 0, 0, 0]);
    expect(episode.poses).toHaveLength(12);
    expect(episode.times[3]).toBeCloseTo(3 / 20, 12);
    // e0005 is the second episode of shard 1: frames 12…23 of that shard.
    const shard = gunzipSync(await readFile(join(source, 'shards/shard-0001.frames.gz')));
    expect(Buffer.from(episode.pixels).equals(shard.subarray(12 * 768, 24 * 768))).toBe(true);
    expect((await dataset.readShardFrames('shards/shard-0001')).length).toBe(shard.length);
  });

  it('names the file and every bad field of a bad index', async () => {
    const dir = await copy();
    await editIndex(dir, (index) => {
      delete index.frameSize;
      index.episodes[1].split = 'testing';
      index.shards[0].sha256 = 'nope';
      index.actionSpace.walkSpeed = 0;
    });
    const error = await rejected(readDataset(dir), 'DATASET_FORMAT');
    expect(error.message).toContain(join(dir, 'index.json'));
    expect(error.message).toMatch(/4 problems/);
    for (const path of ['/actionSpace/walkSpeed', '/episodes/1/split', '/frameSize', '/shards/0/sha256']) expect(error.message).toContain(`\n  ${path}: `);
    expect(error.message).toMatch(/\/episodes\/1\/split: not an allowed value \(got "testing"\); allowed: one of "train", "validation", "test", "test-unseen-world"/);
  });

  it('checks references inside the index: shards, worlds, offsets, unique ids', async () => {
    const dir = await copy();
    await editIndex(dir, (index) => {
      index.episodes[0].shard = 'shards/shard-0009';
      index.episodes[1].world = 'elsewhere';
      index.episodes[2].offset = 40;
      index.episodes[3].id = index.episodes[4].id;
    });
    const error = await rejected(readDataset(dir), 'DATASET_FORMAT');
    expect(error.message).toMatch(/\/episodes\/0\/shard: not a shard/);
    expect(error.message).toMatch(/\/episodes\/1\/world: not a world/);
    expect(error.message).toMatch(/\/episodes\/2\/offset: frames 40…51 run past the shard's 48/);
    expect(error.message).toMatch(/\/episodes\/4\/id: a second episode/);
  });

  it("reads an early writer's [width, depth] world size, as the trainer does", async () => {
    const dir = await copy();
    await editIndex(dir, (index) => (index.worlds[0].size = [64, 48]));
    expect((await readDataset(dir)).index.worlds[0].size).toEqual([64, 48]);
  });

  it('refuses a missing shard file, naming it', async () => {
    const dir = await copy();
    await rm(join(dir, 'shards/shard-0001.frames.gz'));
    const error = await rejected(readDataset(dir), 'DATASET_MISSING');
    expect(error.message).toContain(join(dir, 'shards/shard-0001.frames.gz'));
  });

  it('refuses a shard whose bytes differ from its sha256, when it is read', async () => {
    const dir = await copy();
    const path = join(dir, 'shards/shard-0000.frames.gz');
    const bytes = await readFile(path);
    bytes[bytes.length - 5] ^= 0xff;
    await writeFile(path, bytes);
    const dataset = await readDataset(dir);
    const error = await rejected(dataset.readEpisode('e0000'), 'DATASET_FORMAT');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/has sha256 [0-9a-f]{64}, but .*index\.json says/);
    // The other shard still reads.
    expect((await dataset.readEpisode('e0004')).frames).toBe(12);
  });

  it('refuses a missing or unreadable index and an episode its shard does not hold', async () => {
    const missing = await rejected(readDataset(join(scratch.path, 'nowhere')), 'DATASET_MISSING');
    expect(missing.message).toMatch(/ENOENT/);
    const dir = await copy();
    await writeFile(join(dir, 'index.json'), '{');
    expect((await rejected(readDataset(dir), 'DATASET_FORMAT')).message).toMatch(/is not JSON/);

    const other = await copy();
    const sidecar = join(other, 'shards/shard-0000.json');
    const meta = JSON.parse(await readFile(sidecar, 'utf8'));
    meta.episodes[1].poses.pop();
    meta.episodes.splice(2, 1);
    await writeFile(sidecar, JSON.stringify(meta));
    const dataset = await readDataset(other);
    expect((await rejected(dataset.readEpisode('e0001'), 'DATASET_FORMAT')).message).toMatch(/\/poses must be 12 rows of 5/);
    expect((await rejected(dataset.readEpisode('e0002'), 'DATASET_FORMAT')).message).toMatch(/"e0002" \(listed in index\.json\) is not in \/episodes/);
    expect((await rejected(dataset.readEpisode('e9999'), 'DATASET_MISSING')).message).toMatch(/no episode "e9999"/);
  });
});
