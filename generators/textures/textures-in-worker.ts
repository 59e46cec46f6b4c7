/**
 * A world's texture sets, made on the other core: they depend only on the spec, so generation
 * starts them in a worker thread before shaping the terrain and collects them at the end. The same
 * pure computation either way (same requests, same pixels); if a worker cannot start, they are
 * made here instead.
 */
import { Worker } from 'node:worker_threads';
import { makeTextureSet, type TextureSet } from './texture-set.ts';
import type { TextureRequest } from './world-texture-recipes.ts';

/** A texture set as it crosses threads: everything but the family's functions. */
export type WorldTextureSet = Omit<TextureSet, 'family'> & { familyId: string };

export function makeWorldTextures(requests: readonly TextureRequest[]): Map<string, WorldTextureSet> {
  return new Map(requests.map((r) => [r.key, portable(makeTextureSet(r.recipe, { size: r.size, seed: r.seed }))]));
}

export function makeWorldTexturesInWorker(requests: readonly TextureRequest[], signal?: AbortSignal): Promise<Map<string, WorldTextureSet>> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./textures-worker.mjs', import.meta.url), { workerData: { requests } });
  } catch {
    return Promise.resolve(makeWorldTextures(requests));
  }
  return new Promise((resolve, reject) => {
    const abort = () => {
      void worker.terminate();
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.once('message', (sets: Array<[string, WorldTextureSet]>) => {
      signal?.removeEventListener('abort', abort);
      void worker.terminate();
      resolve(new Map(sets));
    });
    worker.once('error', (error) => {
      signal?.removeEventListener('abort', abort);
      reject(error);
    });
  });
}

function portable(set: TextureSet): WorldTextureSet {
  const { family, ...rest } = set;
  return { ...rest, familyId: family.id };
}
