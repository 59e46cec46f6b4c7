/**
 * The `generate` job: a world of the catalog made (in its worker thread) and its files written to
 * the store, with the generation's stages as progress. Cancelling stops the worker.
 */
import type { WorldCatalog } from '../worlds/world-catalog.ts';
import type { JobWork } from './job-queue.ts';

export function generateJob(catalog: WorldCatalog): JobWork {
  return async (job, { signal, progress }) => {
    const world = await catalog.load(job.worldId, {
      signal,
      onProgress: (event) => progress(event.stage, event.done, event.total),
    });
    return { worldId: world.id, stats: world.stats };
  };
}
