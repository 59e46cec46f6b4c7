/**
 * The navmesh built on the other core: Recast takes seconds on a large world, and nothing else
 * needs to wait for it, so generation starts it in a worker thread as soon as the terrain is final
 * and collects it at the end. The same pure computation either way (same inputs, same bytes); if a
 * worker cannot start, it runs here instead.
 */
import { Worker } from 'node:worker_threads';
import type { Heightfield } from '../terrain/heightfield.ts';
import type { WaterBodies } from '../water/water-bodies.ts';
import type { WorldObject } from '../world/world-objects.ts';
import { buildNavMesh, type NavMeshData } from './build-navmesh.ts';

export function buildNavMeshInWorker(
  field: Heightfield,
  water: WaterBodies,
  structures: readonly WorldObject[],
  signal?: AbortSignal,
): Promise<NavMeshData | null> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./navmesh-worker.mjs', import.meta.url), {
      workerData: { field, surface: water.surface, structures: structures.map((s) => ({ colliders: s.colliders })) },
    });
  } catch {
    return buildNavMesh(field, water, structures);
  }
  return new Promise((resolve, reject) => {
    const abort = () => {
      void worker.terminate();
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.once('message', (navmesh: NavMeshData | null) => {
      signal?.removeEventListener('abort', abort);
      void worker.terminate();
      resolve(navmesh);
    });
    worker.once('error', (error) => {
      signal?.removeEventListener('abort', abort);
      reject(error);
    });
  });
}
