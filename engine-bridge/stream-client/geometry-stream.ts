/**
 * For games that draw the world themselves instead of showing frames: streams a world's chunk
 * glbs from `worldsmith serve` into a Babylon scene around the player. `start()` fetches the chunk
 * index (GET /api/worlds/:id/chunks/index.json) and loads `common.glb` (sun, sky, spawn); then each
 * `update(x, z)` (glTF metres, e.g. the hello's or the room state's pose) loads the chunks within
 * the radius at the LOD for their distance and unloads the far ones (chunk-selection.ts decides).
 * A chunk that changes LOD keeps its old container until the new one is in, so no holes open.
 * Loads run a few at a time, nearest first; an update while loading replans when they finish.
 *
 * Worlds are meshopt-compressed: the meshopt decoder is installed (installMeshoptDecoder) before
 * the first load. Files are fetched with `fetch` and handed to Babylon as bytes, so this runs in
 * a browser and in Node (NullEngine) alike.
 */
import { LoadAssetContainerAsync, type AssetContainer, type Scene } from '@babylonjs/core';
import '@babylonjs/loaders/glTF/index.js';
import { installMeshoptDecoder } from '../babylon/install-meshopt-decoder.ts';
import { planChunkChanges, selectChunks, type ChunkIndex, type ChunkSelectionOptions } from './chunk-selection.ts';

export interface GeometryStreamOptions {
  serverUrl: string;
  worldId: string;
  /** Chunks farther than this are not loaded (see chunk-selection.ts for the default). */
  radius?: number;
  hysteresis?: number;
  /** Loads at once (default 3). */
  concurrency?: number;
  /** Load common.glb (the world's light and gameplay nodes) first (default true). */
  loadCommon?: boolean;
}

export interface GeometryStream {
  /** Fetch the index (and common.glb); resolves with the index. */
  start(): Promise<ChunkIndex>;
  /** The player is at (x, z): load and unload toward that; resolves when this plan is done. */
  update(x: number, z: number): Promise<void>;
  /** LOD loaded per chunk id. */
  readonly loaded: ReadonlyMap<string, number>;
  readonly index: ChunkIndex | null;
  dispose(): void;
}

export function createGeometryStream(scene: Scene, options: GeometryStreamOptions): GeometryStream {
  const base = `${options.serverUrl.replace(/\/$/, '')}/api/worlds/${encodeURIComponent(options.worldId)}/chunks/`;
  const concurrency = options.concurrency ?? 3;
  const containers = new Map<string, { lod: number; container: AssetContainer }>();
  const loadedLods = new Map<string, number>();
  let index: ChunkIndex | null = null;
  let common: AssetContainer | null = null;
  let disposed = false;
  let running: Promise<void> | null = null;
  let wantedAt: { x: number; z: number } | null = null;

  const loadFile = async (file: string): Promise<AssetContainer> => {
    const response = await fetch(base + encodeURIComponent(file));
    if (!response.ok) throw new Error(`GET ${base}${file}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return LoadAssetContainerAsync(bytes, scene, { pluginExtension: '.glb', name: file });
  };

  const runPlan = async (x: number, z: number) => {
    if (!index) throw new Error('createGeometryStream: call start() before update().');
    const selection: ChunkSelectionOptions = { radius: options.radius, hysteresis: options.hysteresis, loaded: loadedLods };
    const plan = planChunkChanges(loadedLods, selectChunks(index, x, z, selection));
    for (const id of plan.unload) {
      const entry = containers.get(id);
      entry?.container.removeAllFromScene();
      entry?.container.dispose();
      containers.delete(id);
      loadedLods.delete(id);
    }
    const queue = [...plan.load];
    const worker = async () => {
      for (let next = queue.shift(); next && !disposed; next = queue.shift()) {
        const container = await loadFile(next.file);
        if (disposed) return container.dispose();
        container.addAllToScene();
        const old = containers.get(next.id);
        if (old) {
          old.container.removeAllFromScene();
          old.container.dispose();
        }
        containers.set(next.id, { lod: next.lod, container });
        loadedLods.set(next.id, next.lod);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  };

  return {
    async start() {
      await installMeshoptDecoder();
      const response = await fetch(base + 'index.json');
      if (!response.ok) throw new Error(`GET ${base}index.json: HTTP ${response.status}`);
      index = (await response.json()) as ChunkIndex;
      if (options.loadCommon !== false && index.common) {
        common = await loadFile(index.common);
        if (!disposed) common.addAllToScene();
      }
      return index;
    },
    update(x, z) {
      wantedAt = { x, z };
      // One plan at a time; the newest position wins when it finishes.
      running ??= (async () => {
        try {
          while (wantedAt && !disposed) {
            const at = wantedAt;
            wantedAt = null;
            await runPlan(at.x, at.z);
          }
        } finally {
          running = null;
        }
      })();
      return running;
    },
    get loaded() {
      return loadedLods;
    },
    get index() {
      return index;
    },
    dispose() {
      disposed = true;
      for (const { container } of containers.values()) {
        container.removeAllFromScene();
        container.dispose();
      }
      containers.clear();
      loadedLods.clear();
      common?.removeAllFromScene();
      common?.dispose();
    },
  };
}
