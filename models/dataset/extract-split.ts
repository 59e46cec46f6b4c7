/**
 * `extractSplit`: one split of a dataset as a dataset of its own, in the same format — for shipping
 * a model's held-out episodes beside it (a few MB instead of the whole dataset), so anyone can
 * score the model on exactly the frames its card reports. Frames, actions, poses and times are
 * copied unchanged; episodes keep their ids, worlds and policies; the episodes of each source
 * shard go into one shard (same name), so the same source gives the same bytes. The index records
 * where it came from in `command`. Written to `OUT.partial/` and renamed into place; on any failure
 * the partial copy is removed and OUT is left as it was. OUT may not be the source, nor inside or
 * around it (that would replace the dataset being read).
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DatasetError } from './dataset-error.ts';
import { splitCounts, type Dataset, type DatasetIndex, type DatasetSplit, type EpisodeEntry } from './read-dataset.ts';
import { replaceDirectory } from './write-dataset.ts';

export interface ExtractSplitOptions {
  split: DatasetSplit;
  out: string;
  /** At most this many of the split's episodes, in index order (0: all). */
  episodes?: number;
}

export interface ExtractedSplit {
  index: DatasetIndex;
  frames: number;
  bytes: number;
}

export async function extractSplit(dataset: Dataset, options: ExtractSplitOptions): Promise<ExtractedSplit> {
  let chosen = dataset.episodes(options.split);
  if (chosen.length === 0) {
    throw new DatasetError('DATASET_INPUT', `${dataset.directory} has no episodes in split "${options.split}": choose a split it has (${splitCounts(dataset)}).`);
  }
  const limit = options.episodes ?? 0;
  if (!Number.isInteger(limit) || limit < 0) throw new DatasetError('DATASET_INPUT', `episodes ${limit} is not allowed: give a whole number (0: all).`);
  if (limit > 0) chosen = chosen.slice(0, limit);

  if (overlaps(options.out, dataset.directory)) {
    throw new DatasetError('DATASET_INPUT', `The output directory ${options.out} is the dataset ${dataset.directory} itself, inside it or around it: writing there would replace the dataset being read. Choose a directory outside it.`);
  }

  const partial = `${options.out}.partial`;
  await rm(partial, { recursive: true, force: true });
  try {
    return await writeSplit(dataset, chosen, partial, options, limit);
  } catch (error) {
    // Nothing half-written stays: OUT is only ever replaced whole, and the partial copy goes.
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

async function writeSplit(dataset: Dataset, chosen: EpisodeEntry[], partial: string, options: ExtractSplitOptions, limit: number): Promise<ExtractedSplit> {
  await mkdir(join(partial, 'shards'), { recursive: true });
  const frameBytes = dataset.index.frameSize * dataset.index.frameSize * 3;
  const byShard = new Map<string, EpisodeEntry[]>();
  for (const e of chosen) byShard.set(e.shard, [...(byShard.get(e.shard) ?? []), e]);

  const episodes: EpisodeEntry[] = [];
  // As the writer records them: with each file's size.
  const shards: Array<DatasetIndex['shards'][number] & { bytes: number }> = [];
  let bytes = 0;
  for (const [name, list] of byShard) {
    const frames = list.reduce((n, e) => n + e.frames, 0);
    const pixels = new Uint8Array(frames * frameBytes);
    const sidecar: Array<{ id: string; actions: number[][]; poses: number[][]; times: number[] }> = [];
    let offset = 0;
    for (const entry of list) {
      const episode = await dataset.readEpisode(entry);
      pixels.set(episode.pixels, offset * frameBytes);
      sidecar.push({ id: entry.id, actions: episode.actions, poses: episode.poses, times: episode.times });
      episodes.push({ ...entry, offset });
      offset += entry.frames;
    }
    const gz = gzipSync(pixels, { level: 6 });
    await writeFile(join(partial, `${name}.frames.gz`), gz);
    await writeFile(join(partial, `${name}.json`), JSON.stringify({ episodes: sidecar }));
    shards.push({ name, frames, sha256: createHash('sha256').update(gz).digest('hex'), bytes: gz.byteLength });
    bytes += gz.byteLength;
  }
  const source = dataset.index;
  const index: DatasetIndex = {
    ...source,
    episodes,
    shards,
    command: `worldsmith dataset-split ${dataset.directory} --split ${options.split}${limit > 0 ? ` --episodes ${limit}` : ''} (index sha256 ${dataset.indexSha256}); the source was made by: ${source.command}`,
  };
  await writeFile(join(partial, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
  await replaceDirectory(partial, options.out);
  return { index, frames: shards.reduce((n, s) => n + s.frames, 0), bytes };
}

/** Whether one directory is the other, or lies inside it. */
function overlaps(a: string, b: string): boolean {
  const inside = (child: string, parent: string) => {
    const path = relative(resolve(parent), resolve(child));
    return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
  };
  return inside(a, b) || inside(b, a);
}
