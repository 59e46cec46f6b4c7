import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../models/dataset/dataset-error.ts';
import { extractSplit } from '../../models/dataset/extract-split.ts';
import { readDataset } from '../../models/dataset/read-dataset.ts';
import { cli, scratchDir } from '../helpers/cli-harness.ts';
import { writeSyntheticDataset } from '../helpers/synthetic-dataset.ts';

let scratch: { path: string; remove: () => Promise<void> };
let source: string;

beforeAll(async () => {
  scratch = await scratchDir();
  source = join(scratch.path, 'source');
  // Two shards of four episodes.
  writeSyntheticDataset(source, { size: 16, train: 4, validation: 1, test: 3, frames: 10, episodesPerShard: 4 });
});
afterAll(() => scratch.remove());

describe('extractSplit', () => {
  it('copies the split’s episodes unchanged into a dataset the reader reads', async () => {
    const from = await readDataset(source);
    const out = join(scratch.path, 'test-only');
    const extracted = await extractSplit(from, { split: 'test', out });
    const copy = await readDataset(out);
    const wanted = from.episodes('test');
    expect(wanted.length).toBe(3);
    expect(copy.episodes().map((e) => e.id)).toEqual(wanted.map((e) => e.id));
    expect(copy.episodes('train')).toEqual([]);
    expect(extracted.frames).toBe(30);
    for (const entry of wanted) {
      const a = await from.readEpisode(entry.id);
      const b = await copy.readEpisode(entry.id);
      expect(Buffer.from(b.pixels).equals(Buffer.from(a.pixels))).toBe(true);
      expect(b.actions).toEqual(a.actions);
      expect(b.poses).toEqual(a.poses);
      expect(b.times).toEqual(a.times);
      expect(b.entry.world).toBe(a.entry.world);
    }
    expect(copy.index.command).toContain(`--split test (index sha256 ${from.indexSha256})`);
  });

  it('gives the same bytes from the same source, and takes the first N episodes', async () => {
    const from = await readDataset(source);
    await extractSplit(from, { split: 'test', out: join(scratch.path, 'a') });
    await extractSplit(from, { split: 'test', out: join(scratch.path, 'b') });
    for (const file of ['index.json', 'shards/shard-0001.frames.gz', 'shards/shard-0001.json']) {
      expect((await readFile(join(scratch.path, 'a', file))).equals(await readFile(join(scratch.path, 'b', file)))).toBe(true);
    }
    const two = await extractSplit(from, { split: 'test', out: join(scratch.path, 'two'), episodes: 2 });
    expect(two.index.episodes.map((e) => e.id)).toEqual(from.episodes('test').slice(0, 2).map((e) => e.id));
  });

  it('refuses a split the dataset does not have, naming the splits it has', async () => {
    const from = await readDataset(source);
    const error = await extractSplit(from, { split: 'test-unseen-world', out: join(scratch.path, 'none') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).code).toBe('DATASET_INPUT');
    expect((error as Error).message).toMatch(/train 4, validation 1, test 3, test-unseen-world 0/);
  });

  it('refuses to write over, into or around the dataset it reads, and leaves the dataset whole', async () => {
    const from = await readDataset(source);
    const before = await readFile(join(source, 'index.json'));
    for (const out of [source, join(source, 'inside'), scratch.path]) {
      const error = await extractSplit(from, { split: 'test', out }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatasetError);
      expect((error as Error).message).toMatch(/would replace the dataset being read/);
    }
    expect((await readFile(join(source, 'index.json'))).equals(before)).toBe(true);
    expect((await readDataset(source)).episodes('train').length).toBe(4);
  });

  it('leaves nothing behind when a shard turns out damaged part-way', async () => {
    // One episode a shard, so the test episodes lie in three shards.
    const damaged = join(scratch.path, 'damaged-source');
    writeSyntheticDataset(damaged, { size: 16, train: 1, validation: 1, test: 3, frames: 10, episodesPerShard: 1 });
    const from = await readDataset(damaged);
    // The last test episode's shard no longer matches its sha256; the first one's still does.
    const lastShard = from.episodes('test').at(-1)!.shard;
    expect(from.episodes('test')[0].shard).not.toBe(lastShard);
    await writeFile(join(damaged, `${lastShard}.frames.gz`), 'not gzip');
    const out = join(scratch.path, 'from-damaged');
    const error = await extractSplit(from, { split: 'test', out }).catch((e: unknown) => e);
    expect((error as DatasetError).code).toBe('DATASET_FORMAT');
    expect(await stat(out).catch(() => null)).toBeNull();
    expect(await stat(`${out}.partial`).catch(() => null)).toBeNull();
  });

  it('runs as worldsmith dataset-split, and says what is wrong with its flags', async () => {
    const out = join(scratch.path, 'cli');
    const done = await cli(['dataset-split', source, '--split', 'validation', '--out', out, '--json']);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({ split: 'validation', episodes: 1, frames: 10 });
    const bad = await cli(['dataset-split', source, '--split', 'holdout', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--split must be one of train, validation, test, test-unseen-world/);
  });
});
