/**
 * Reads a dataset directory (models/CONTRACT.md, version 1): `index.json` checked against the
 * contract with every problem listed (file and JSON path), the shard files it names checked to
 * exist, and each shard's `.frames.gz` checked against its sha256 (of the file as stored) when it
 * is first read. Episodes come out as RGB uint8 frames [T, H, W, 3] with their actions, poses and
 * times. The two most recently read shards are kept decoded, since episodes are read in index
 * order and a shard holds many.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { collectSchemaIssues } from '../../generators/spec/parse-world-spec.ts';
import { formatIssue, type SpecIssue } from '../../generators/spec/spec-error.ts';
import { ActionSpaceSchema, WorldEntrySchema } from '../inference/model-card.ts';
import { DatasetError } from './dataset-error.ts';
import type { DatasetSplit } from './write-dataset.ts';

const gunzipAsync = promisify(gunzip);

const DATASET_FORMAT = 'worldsmith-dataset';
export const DATASET_SPLITS: readonly DatasetSplit[] = ['train', 'validation', 'test', 'test-unseen-world'];
export type { DatasetSplit };

const EpisodeEntrySchema = Type.Object({
  id: Type.String({ minLength: 1 }),
  world: Type.String(),
  split: Type.Union(DATASET_SPLITS.map((s) => Type.Literal(s))),
  policy: Type.String(),
  seed: Type.Integer(),
  frames: Type.Integer({ minimum: 1 }),
  shard: Type.String({ minLength: 1 }),
  offset: Type.Integer({ minimum: 0 }),
});
export type EpisodeEntry = Static<typeof EpisodeEntrySchema>;

export const DatasetIndexSchema = Type.Object({
  format: Type.Literal(DATASET_FORMAT),
  version: Type.Literal(1),
  frameSize: Type.Integer({ minimum: 1 }),
  channels: Type.Literal(3),
  fps: Type.Number({ exclusiveMinimum: 0 }),
  fovDegrees: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 180 }),
  actionSpace: ActionSpaceSchema,
  pose: Type.Object({ fields: Type.Array(Type.String()) }),
  worlds: Type.Array(WorldEntrySchema),
  episodes: Type.Array(EpisodeEntrySchema),
  shards: Type.Array(
    Type.Object({
      name: Type.String({ minLength: 1 }),
      frames: Type.Integer({ minimum: 0 }),
      sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    }),
  ),
  splits: Type.Record(Type.String(), Type.Number()),
  seed: Type.Integer(),
  command: Type.String(),
  generator: Type.String(),
});
export type DatasetIndex = Static<typeof DatasetIndexSchema>;

export interface Episode {
  entry: EpisodeEntry;
  /** Frame count T. */
  frames: number;
  width: number;
  height: number;
  /** RGB uint8 [T, H, W, 3], rows top to bottom (a view into the decoded shard). */
  pixels: Uint8Array;
  /** [T][4]: actions[t] moved the player from poses[t−1] to poses[t]; actions[0] is zeros. */
  actions: number[][];
  /** [T][5]: [x, y, z, yaw, pitch] of frame t. */
  poses: number[][];
  /** [T]: t / fps. */
  times: number[];
}

export interface Dataset {
  readonly directory: string;
  readonly index: DatasetIndex;
  /** sha256 of index.json as stored. */
  readonly indexSha256: string;
  /** The episodes of a split (all when none is given), in index order. */
  episodes(split?: DatasetSplit): EpisodeEntry[];
  readEpisode(episode: string | EpisodeEntry): Promise<Episode>;
  /** A shard's frames, RGB uint8 [n, H, W, 3], checked against its sha256. */
  readShardFrames(name: string): Promise<Uint8Array>;
}

interface ShardData {
  pixels: Uint8Array;
  episodes: Map<string, { actions: unknown; poses: unknown; times: unknown }>;
}

export async function readDataset(directory: string): Promise<Dataset> {
  const indexPath = join(directory, 'index.json');
  let bytes: Buffer;
  try {
    bytes = await readFile(indexPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DatasetError('DATASET_MISSING', `Cannot read ${indexPath} (${code}): pass a directory \`worldsmith dataset\` wrote.`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new DatasetError('DATASET_FORMAT', `${indexPath} is not JSON: ${(error as Error).message}. Write the dataset again.`, { cause: error });
  }
  const index = parseDatasetIndex(json, indexPath);
  const indexSha256 = createHash('sha256').update(bytes).digest('hex');

  // Every shard file must be there before anything is read.
  const missing: string[] = [];
  for (const shard of index.shards) {
    for (const suffix of ['.frames.gz', '.json']) {
      const path = join(directory, `${shard.name}${suffix}`);
      if (!(await stat(path).catch(() => undefined))?.isFile()) missing.push(path);
    }
  }
  if (missing.length > 0) {
    throw new DatasetError('DATASET_MISSING', `${indexPath} lists shard files that are not there: ${missing.join(', ')}. Copy the whole dataset directory, or write it again.`);
  }

  const shards = new Map(index.shards.map((s) => [s.name, s]));
  const frameBytes = index.frameSize * index.frameSize * 3;
  const cache: Array<{ name: string; data: Promise<ShardData> }> = [];

  const loadShard = async (name: string): Promise<ShardData> => {
    const shard = shards.get(name)!;
    const gzPath = join(directory, `${name}.frames.gz`);
    const jsonPath = join(directory, `${name}.json`);
    const gz = await readFile(gzPath);
    const sha = createHash('sha256').update(gz).digest('hex');
    if (sha !== shard.sha256) {
      throw new DatasetError('DATASET_FORMAT', `${gzPath} has sha256 ${sha}, but ${indexPath} says ${shard.sha256} (shard ${name}): the file is damaged or from another dataset; write the dataset again.`);
    }
    let pixels: Uint8Array;
    try {
      pixels = new Uint8Array(await gunzipAsync(gz));
    } catch (error) {
      throw new DatasetError('DATASET_FORMAT', `${gzPath} is not valid gzip: ${(error as Error).message}.`, { cause: error });
    }
    if (pixels.length !== shard.frames * frameBytes) {
      throw new DatasetError('DATASET_FORMAT', `${gzPath} holds ${pixels.length} bytes; ${indexPath} says ${shard.frames} frames of ${index.frameSize}×${index.frameSize}×3 (${shard.frames * frameBytes} bytes).`);
    }
    let sidecar: unknown;
    try {
      sidecar = JSON.parse(await readFile(jsonPath, 'utf8'));
    } catch (error) {
      throw new DatasetError('DATASET_FORMAT', `${jsonPath} cannot be read as JSON: ${(error as Error).message}.`, { cause: error });
    }
    const list = (sidecar as { episodes?: unknown })?.episodes;
    if (!Array.isArray(list)) throw new DatasetError('DATASET_FORMAT', `${jsonPath}: /episodes is missing or not a list; expected {"episodes": [{"id", "actions", "poses", "times"}]}.`);
    const episodes = new Map<string, { actions: unknown; poses: unknown; times: unknown }>();
    list.forEach((e: { id?: unknown; actions?: unknown; poses?: unknown; times?: unknown }) => {
      if (typeof e?.id === 'string') episodes.set(e.id, { actions: e.actions, poses: e.poses, times: e.times });
    });
    return { pixels, episodes };
  };

  const shardData = (name: string): Promise<ShardData> => {
    const hit = cache.find((c) => c.name === name);
    if (hit) return hit.data;
    const data = loadShard(name);
    cache.unshift({ name, data });
    cache.length = Math.min(cache.length, 2);
    data.catch(() => {
      const at = cache.findIndex((c) => c.data === data);
      if (at >= 0) cache.splice(at, 1);
    });
    return data;
  };

  const byId = new Map(index.episodes.map((e) => [e.id, e]));
  return {
    directory,
    index,
    indexSha256,
    episodes: (split) => index.episodes.filter((e) => split === undefined || e.split === split),
    readShardFrames: async (name) => {
      if (!shards.has(name)) throw new DatasetError('DATASET_MISSING', `${indexPath} has no shard "${name}" (shards: ${[...shards.keys()].join(', ')}).`);
      return (await shardData(name)).pixels;
    },
    async readEpisode(episode) {
      const entry = typeof episode === 'string' ? byId.get(episode) : episode;
      if (!entry) throw new DatasetError('DATASET_MISSING', `${indexPath} has no episode "${String(episode)}".`);
      const data = await shardData(entry.shard);
      const jsonPath = join(directory, `${entry.shard}.json`);
      const meta = data.episodes.get(entry.id);
      if (!meta) throw new DatasetError('DATASET_FORMAT', `${jsonPath}: episode "${entry.id}" (listed in index.json) is not in /episodes.`);
      const t = entry.frames;
      const actions = rows(meta.actions, t, 4, `${jsonPath}: episode "${entry.id}" /actions`);
      const poses = rows(meta.poses, t, 5, `${jsonPath}: episode "${entry.id}" /poses`);
      const times = meta.times;
      if (!Array.isArray(times) || times.length !== t || times.some((v) => !Number.isFinite(v))) {
        throw new DatasetError('DATASET_FORMAT', `${jsonPath}: episode "${entry.id}" /times must be ${t} finite numbers (t / fps), one per frame.`);
      }
      return {
        entry,
        frames: t,
        width: index.frameSize,
        height: index.frameSize,
        pixels: data.pixels.subarray(entry.offset * frameBytes, (entry.offset + t) * frameBytes),
        actions,
        poses,
        times: times as number[],
      };
    },
  };
}

/** How many episodes each split has, for messages: "train 4, validation 1, test 3, test-unseen-world 0". */
export function splitCounts(dataset: Pick<Dataset, 'episodes'>): string {
  return DATASET_SPLITS.map((s) => `${s} ${dataset.episodes(s).length}`).join(', ');
}

/** A parsed index.json → a DatasetIndex, or one DatasetError listing every problem. */
export function parseDatasetIndex(json: unknown, source = 'index.json'): DatasetIndex {
  const fail = (issues: SpecIssue[]) =>
    new DatasetError(
      'DATASET_FORMAT',
      `Invalid dataset index ${source}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}\n` +
        'Write the dataset again with `worldsmith dataset` (models/CONTRACT.md describes each field).',
    );
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw fail([{ path: '', value: json, problem: 'an index must be a JSON object', allowed: `{"format": "${DATASET_FORMAT}", "version": 1, …}` }]);
  const schemaIssues = collectSchemaIssues(DatasetIndexSchema, json);
  if (schemaIssues.length > 0) throw fail(schemaIssues);
  const index = Value.Clone(json) as DatasetIndex;
  const issues: SpecIssue[] = [];
  const shards = new Map(index.shards.map((s) => [s.name, s]));
  const worlds = new Set(index.worlds.map((w) => w.id));
  const ids = new Set<string>();
  index.shards.forEach((s, i) => {
    if (s.name.startsWith('/') || s.name.split(/[\\/]/).includes('..')) issues.push({ path: `/shards/${i}/name`, value: s.name, problem: 'must be inside the dataset directory', allowed: 'a relative name such as "shards/shard-0000"' });
  });
  index.episodes.forEach((e, i) => {
    const at = `/episodes/${i}`;
    if (ids.has(e.id)) issues.push({ path: `${at}/id`, value: e.id, problem: 'a second episode with this id', allowed: 'a unique id' });
    ids.add(e.id);
    if (!worlds.has(e.world)) issues.push({ path: `${at}/world`, value: e.world, problem: 'not a world of /worlds', allowed: [...worlds].join(', ') || 'a world listed in /worlds' });
    const shard = shards.get(e.shard);
    if (!shard) issues.push({ path: `${at}/shard`, value: e.shard, problem: 'not a shard of /shards', allowed: [...shards.keys()].join(', ') || 'a shard listed in /shards' });
    else if (e.offset + e.frames > shard.frames) issues.push({ path: `${at}/offset`, value: e.offset, problem: `frames ${e.offset}…${e.offset + e.frames - 1} run past the shard's ${shard.frames}`, allowed: `≤ ${shard.frames - e.frames}` });
  });
  if (issues.length > 0) throw fail(issues);
  return index;
}

function rows(value: unknown, count: number, width: number, where: string): number[][] {
  const ok = Array.isArray(value) && value.length === count && value.every((r) => Array.isArray(r) && r.length === width && r.every((v) => Number.isFinite(v)));
  if (!ok) throw new DatasetError('DATASET_FORMAT', `${where} must be ${count} rows of ${width} finite numbers, one per frame.`);
  return value as number[][];
}
