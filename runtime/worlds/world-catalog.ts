/**
 * The worlds a server knows, by id, and the ones loaded in memory for rooms.
 *
 *   add(spec | {prompt, seed}) ─▶ id = world-<seed>-<sha256(spec JSON)[0:8]> (the id the world model's
 *                                  datasets and card use), spec.json written to the store
 *   load(id) ─▶ generated in a worker thread on first use, kept (LRU), files written to the store
 *
 * The store is a directory (`<store>/worlds/<id>/spec.json`, `world.glb`, `chunks/…`); a restarted
 * server finds its worlds there. Generation is deterministic, so a world made again is the same
 * bytes. Paths under the store come only from ids this file made and checked: no client string
 * ever becomes a path.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChunkIndex } from '../../generators/export/build-chunked-documents.ts';
import { interpretPrompt } from '../../generators/interpret/interpret-prompt.ts';
import { parseWorldSpec } from '../../generators/spec/parse-world-spec.ts';
import type { WorldSpec } from '../../generators/spec/world-spec-schema.ts';
import { WorldQuery } from '../../generators/world/world-query.ts';
import type { ProgressEvent } from '../../generators/world/progress.ts';
import type { World } from '../../generators/world/world.ts';
import { ServerError } from '../server-error.ts';
import { writeFileAtomic } from '../store/atomic-files.ts';
import { generateWorldInWorker, prewarmWorldWorker, type GeneratedWorld } from './generate-in-worker.ts';

export interface LoadedWorld {
  id: string;
  spec: WorldSpec;
  world: World;
  query: WorldQuery;
  glb: Uint8Array;
  chunkIndex: ChunkIndex;
  /** Chunk glbs by file name (as the index names them). */
  chunks: ReadonlyMap<string, Uint8Array>;
  stats: WorldFileStats;
}

/** What a generated world's files hold: the editor's statistics. */
export interface WorldFileStats {
  glbBytes: number;
  /** Terrain and water triangles (plants, rocks and structures are counted in `instances` and `structures`). */
  triangles: number;
  terrainTriangles: number;
  waterTriangles: number;
  instances: number;
  instancedNodes: number;
  structures: number;
  colliders: number;
  navmeshTriangles: number;
  pointsOfInterest: number;
  paths: number;
  materials: number;
  chunks: number;
}

export type WorldStatus = 'known' | 'generating' | 'ready' | 'failed';

export interface WorldSummary {
  id: string;
  seed: number;
  prompt: string;
  size: { width: number; depth: number };
  status: WorldStatus;
  error?: string;
  /** Once generated (here, or by another process sharing the store). */
  stats?: WorldFileStats;
}

export interface LoadOptions {
  /** The generation's stages, when this call (or one before it still running) generates the world. */
  onProgress?: (event: ProgressEvent) => void;
  /** Stops waiting; stops the generation too when this call started it. */
  signal?: AbortSignal;
}

export interface WorldCatalog {
  /** Adds a world (idempotent: the same spec is the same id). */
  add(input: { spec: unknown } | { prompt: string; seed?: number }): Promise<WorldSummary>;
  get(id: string): WorldSummary | undefined;
  /** Like `get`, but also looks in the store (another process sharing it may have added the world). */
  find(id: string): Promise<WorldSummary | undefined>;
  list(): WorldSummary[];
  /** The world in memory, generated on first use; concurrent calls share one generation. */
  load(id: string, options?: LoadOptions): Promise<LoadedWorld>;
  /** The world's spec, if known. */
  spec(id: string): WorldSpec | undefined;
  /**
   * A file of a world generated before (by this process or another sharing the store): world.glb,
   * chunks/index.json or a chunk the index names — read from the store without generating again.
   */
  storedFile(id: string, name: string): Promise<Uint8Array | undefined>;
  /** Worlds in memory now. */
  readonly loaded: number;
}

export interface WorldCatalogOptions {
  /** The store directory; none keeps everything in memory. */
  store?: string;
  /** Worlds kept in memory at once (least recently used go first; rooms hold their own). */
  maxLoaded?: number;
  /** Generate here instead of in a worker (tests that count threads). */
  generate?: (spec: WorldSpec, options: { signal?: AbortSignal; onProgress?: (event: ProgressEvent) => void }) => Promise<GeneratedWorld>;
}

const ID_PATTERN = /^world-\d{1,10}-[0-9a-f]{8}$/;

/** The id the world model's datasets give a world: seed and the spec's hash. */
export function worldIdOf(spec: WorldSpec): string {
  return `world-${spec.seed}-${createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 8)}`;
}

export async function openWorldCatalog(options: WorldCatalogOptions = {}): Promise<WorldCatalog> {
  const maxLoaded = options.maxLoaded ?? 4;
  const generate = options.generate ?? ((spec: WorldSpec, o: { signal?: AbortSignal; onProgress?: (event: ProgressEvent) => void }) => generateWorldInWorker(spec, o));
  // The first world made should not wait for its worker to load the generators.
  if (!options.generate) prewarmWorldWorker();
  const specs = new Map<string, WorldSpec>();
  const stats = new Map<string, WorldFileStats>();
  const progressListeners = new Map<string, Set<(event: ProgressEvent) => void>>();
  const status = new Map<string, { status: WorldStatus; error?: string }>();
  const loaded = new Map<string, Promise<LoadedWorld>>();
  const dirOf = (id: string) => join(options.store!, 'worlds', id);

  /**
   * Takes a world from the store: a directory named by an id this catalog makes, holding a valid
   * spec with that very id. A half-written or foreign directory is not a world. Also how worlds
   * another process sharing the store added since are found.
   */
  const lookInStore = async (id: unknown) => {
    if (typeof id !== 'string' || specs.has(id) || !options.store || !ID_PATTERN.test(id)) return;
    try {
      const spec = parseWorldSpec(JSON.parse(await readFile(join(dirOf(id), 'spec.json'), 'utf8')));
      if (worldIdOf(spec) === id && !specs.has(id)) {
        specs.set(id, spec);
        status.set(id, { status: 'known' });
        // stats.json is written after every other file: with it, the world's files are whole.
        const known = await readFile(join(dirOf(id), 'stats.json'), 'utf8').then((text) => JSON.parse(text) as WorldFileStats, () => undefined);
        if (known) {
          stats.set(id, known);
          status.set(id, { status: 'ready' });
        }
      }
    } catch {
      // Not a world this store made (or not yet whole).
    }
  };

  if (options.store) {
    try {
      await mkdir(join(options.store, 'worlds'), { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new ServerError('SERVER', `The store ${options.store} cannot be used (${code}): give a directory this process may create and write (--store DIR).`, { cause: error });
    }
    for (const id of await readdir(join(options.store, 'worlds'))) await lookInStore(id);
  }

  const summary = (id: string): WorldSummary => {
    const spec = specs.get(id)!;
    const s = status.get(id)!;
    const st = stats.get(id);
    return { id, seed: spec.seed, prompt: spec.prompt, size: { width: spec.size.width, depth: spec.size.depth }, status: s.status, ...(s.error ? { error: s.error } : {}), ...(st ? { stats: st } : {}) };
  };

  const startLoad = (id: string, signal?: AbortSignal): Promise<LoadedWorld> => {
    const spec = specs.get(id)!;
    status.set(id, { status: 'generating' });
    const listeners = new Set<(event: ProgressEvent) => void>();
    progressListeners.set(id, listeners);
    const promise = (async () => {
      const made = await generate(spec, {
        signal,
        onProgress: (event) => {
          for (const listener of listeners) listener(event);
        },
      });
      const c = made.counts;
      const fileStats: WorldFileStats = {
        glbBytes: made.glb.byteLength,
        triangles: c.terrainTriangles + c.waterTriangles,
        terrainTriangles: c.terrainTriangles,
        waterTriangles: c.waterTriangles,
        instances: c.instances,
        instancedNodes: c.instancedNodes,
        structures: c.structures,
        colliders: c.colliders,
        navmeshTriangles: c.navmeshTriangles,
        pointsOfInterest: c.pointsOfInterest,
        paths: c.paths,
        materials: c.materials,
        chunks: made.chunks.length,
      };
      const loadedWorld: LoadedWorld = {
        id,
        spec,
        world: made.world,
        query: WorldQuery.of(made.world),
        glb: made.glb,
        chunkIndex: made.chunkIndex,
        chunks: new Map(made.chunks.map((c) => [c.name, c.bytes])),
        stats: fileStats,
      };
      if (options.store) {
        const dir = dirOf(id);
        await mkdir(join(dir, 'chunks'), { recursive: true });
        await writeFileAtomic(join(dir, 'world.glb'), made.glb);
        for (const c of made.chunks) await writeFileAtomic(join(dir, 'chunks', c.name), c.bytes);
        await writeFileAtomic(join(dir, 'chunks', 'index.json'), `${JSON.stringify(made.chunkIndex, null, 2)}\n`);
        // Last: a world with stats.json has all its files.
        await writeFileAtomic(join(dir, 'stats.json'), `${JSON.stringify(fileStats, null, 2)}\n`);
      }
      stats.set(id, fileStats);
      status.set(id, { status: 'ready' });
      return loadedWorld;
    })();
    promise.then(
      () => progressListeners.delete(id),
      (error: Error) => {
        progressListeners.delete(id);
        loaded.delete(id);
        status.set(id, signal?.aborted ? { status: stats.has(id) ? 'ready' : 'known' } : { status: 'failed', error: error.message });
      },
    );
    return promise;
  };

  return {
    async add(input) {
      let spec: WorldSpec;
      if ('spec' in input) spec = parseWorldSpec(input.spec);
      else {
        if (typeof input.prompt !== 'string') throw new ServerError('REQUEST', 'A world needs "spec" (a WorldSpec) or "prompt" (text) with an optional "seed".');
        spec = interpretPrompt(input.prompt, input.seed === undefined ? {} : { seed: input.seed }).spec;
      }
      const id = worldIdOf(spec);
      if (!specs.has(id)) {
        specs.set(id, spec);
        status.set(id, { status: 'known' });
        if (options.store) {
          await mkdir(dirOf(id), { recursive: true });
          await writeFileAtomic(join(dirOf(id), 'spec.json'), `${JSON.stringify(spec, null, 2)}\n`);
        }
      }
      return summary(id);
    },
    get(id) {
      return typeof id === 'string' && specs.has(id) ? summary(id) : undefined;
    },
    list() {
      return [...specs.keys()].sort().map(summary);
    },
    async find(id) {
      await lookInStore(id);
      return typeof id === 'string' && specs.has(id) ? summary(id) : undefined;
    },
    spec(id) {
      return specs.get(id);
    },
    async storedFile(id, name) {
      await lookInStore(id);
      if (!options.store || !specs.has(id) || !stats.has(id)) return undefined;
      let path: string | undefined;
      if (name === 'world.glb') path = join(dirOf(id), 'world.glb');
      else if (name === 'chunks/index.json') path = join(dirOf(id), 'chunks', 'index.json');
      else if (name.startsWith('chunks/')) {
        // Only names the world's own index lists.
        const index = await readFile(join(dirOf(id), 'chunks', 'index.json'), 'utf8').then((t) => JSON.parse(t) as unknown, () => null);
        const file = name.slice('chunks/'.length);
        if (glbNamesIn(index).has(file)) path = join(dirOf(id), 'chunks', file);
      }
      if (!path) return undefined;
      return readFile(path).then((b) => new Uint8Array(b), () => undefined);
    },
    async load(id, loadOptions = {}) {
      await lookInStore(id);
      if (typeof id !== 'string' || !specs.has(id)) {
        return Promise.reject(new ServerError('WORLD_UNKNOWN', `No world "${String(id).slice(0, 80)}" on this server: add it with POST /api/worlds {prompt, seed} or {spec}, and use the id it returns.`));
      }
      let promise = loaded.get(id);
      if (promise) {
        // Most recently used last.
        loaded.delete(id);
      } else promise = startLoad(id, loadOptions.signal);
      loaded.set(id, promise);
      while (loaded.size > maxLoaded) loaded.delete(loaded.keys().next().value!);
      const { onProgress, signal } = loadOptions;
      if (!onProgress && !signal) return promise;
      const listeners = progressListeners.get(id);
      if (onProgress) listeners?.add(onProgress);
      try {
        if (!signal) return await promise;
        return await new Promise<LoadedWorld>((resolve, reject) => {
          const stop = () => reject(signal.reason instanceof Error ? signal.reason : new Error('cancelled'));
          if (signal.aborted) return stop();
          signal.addEventListener('abort', stop, { once: true });
          promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
        });
      } finally {
        if (onProgress) listeners?.delete(onProgress);
      }
    },
    get loaded() {
      return loaded.size;
    },
  };
}

/** Every .glb file name a chunk index mentions. */
function glbNamesIn(value: unknown, names = new Set<string>()): Set<string> {
  if (typeof value === 'string' && /^[A-Za-z0-9_.-]+\.glb$/.test(value)) names.add(value);
  else if (Array.isArray(value)) for (const v of value) glbNamesIn(v, names);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) glbNamesIn(v, names);
  return names;
}
