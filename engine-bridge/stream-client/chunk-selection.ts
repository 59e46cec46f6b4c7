/**
 * Which chunks of a chunked world to have loaded, and at which level of detail, for a player at
 * (x, z) (glTF metres): every chunk whose footprint is within `radius`, at the LOD whose distance
 * band (the index's `lods`: LOD0 from 0 to 150 m, …) holds the distance from the player to the
 * chunk's footprint (0 inside it); `files[0]` near, later files farther. With the chunks loaded now,
 * a margin of hysteresis keeps a chunk at its LOD (and loaded) until the player is `hysteresis`
 * metres past a boundary, so walking along one does not load and unload the same files over and
 * over. Pure: no Babylon, no network.
 */
import type { ChunkIndex } from '../../generators/export/build-chunked-documents.ts';

export type { ChunkIndex };

export interface ChunkChoice {
  id: string;
  /** Index into the chunk's `files` (0: the most detailed). */
  lod: number;
  file: string;
  /** Metres from the player to the chunk's footprint (0 inside). */
  distance: number;
}

export interface ChunkSelectionOptions {
  /** Chunks farther than this are not loaded (default: the start of the last LOD band plus 200 m, 600 m for the shipped bands). */
  radius?: number;
  /** Metres past a boundary before a loaded chunk changes LOD or unloads (default 20). */
  hysteresis?: number;
  /** The LOD of each chunk loaded now, by id. */
  loaded?: ReadonlyMap<string, number>;
}

/** Horizontal distance from (x, z) to a chunk's bounds (0 when inside). */
export function distanceToChunk(chunk: ChunkIndex['chunks'][number], x: number, z: number): number {
  const dx = Math.max(chunk.bounds.min[0] - x, 0, x - chunk.bounds.max[0]);
  const dz = Math.max(chunk.bounds.min[2] - z, 0, z - chunk.bounds.max[2]);
  return Math.hypot(dx, dz);
}

/** The LOD band a distance falls in (index into `lods`; the last band has no end). */
export function lodForDistance(lods: ChunkIndex['lods'], distance: number): number {
  for (let i = 0; i < lods.length; i++) {
    const to = lods[i].to;
    if (to === null || distance < to) return i;
  }
  return Math.max(0, lods.length - 1);
}

export function defaultChunkRadius(index: ChunkIndex): number {
  const last = index.lods[index.lods.length - 1];
  return (last?.from ?? 400) + 200;
}

/** The chunks to have loaded for a player at (x, z), nearest first. */
export function selectChunks(index: ChunkIndex, x: number, z: number, options: ChunkSelectionOptions = {}): ChunkChoice[] {
  const radius = options.radius ?? defaultChunkRadius(index);
  const margin = options.hysteresis ?? 20;
  const choices: ChunkChoice[] = [];
  for (const chunk of index.chunks) {
    if (chunk.files.length === 0) continue;
    const distance = distanceToChunk(chunk, x, z);
    const current = options.loaded?.get(chunk.id);
    if (distance > radius + (current === undefined ? 0 : margin)) continue;
    let lod = lodForDistance(index.lods, distance);
    if (current !== undefined && lod !== current) {
      // Stay at the current LOD while within `margin` of its band.
      const band = index.lods[current];
      if (band && distance >= band.from - margin && (band.to === null || distance < band.to + margin)) lod = current;
    }
    lod = Math.min(lod, chunk.files.length - 1);
    choices.push({ id: chunk.id, lod, file: chunk.files[lod], distance });
  }
  return choices.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1));
}

export interface ChunkPlan {
  /** Chunks to load (new, or at another LOD), nearest first. */
  load: ChunkChoice[];
  /** Ids of chunks to unload. */
  unload: string[];
}

/** What to change to go from the chunks loaded now to a selection. */
export function planChunkChanges(loaded: ReadonlyMap<string, number>, wanted: readonly ChunkChoice[]): ChunkPlan {
  const wantedIds = new Set(wanted.map((c) => c.id));
  return {
    load: wanted.filter((c) => loaded.get(c.id) !== c.lod),
    unload: [...loaded.keys()].filter((id) => !wantedIds.has(id)).sort(),
  };
}
