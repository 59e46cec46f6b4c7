/**
 * One number for "how far is this job": each kind's stages weighted by their usual share of the
 * time (BENCHMARKS.md), the running stage counted by its done/total. Stages a kind does not list
 * count as small ones. Never goes backwards, and reaches 1 only when the job is done.
 */
import type { JobKind } from './job.ts';

const STAGE_WEIGHTS: Record<JobKind, Record<string, number>> = {
  // makeWorldFiles' stages (shares of the standard world's time) and the chunk set.
  generate: { interpret: 0.2, shape: 11, erosion: 22, features: 0.2, water: 7, structures: 5, gameplay: 2, biomes: 0.5, ground: 5, scatter: 18, objects: 3, navmesh: 1, sky: 0.2, 'texture sets': 1, 'texture encoding': 2, document: 16, glb: 7, validate: 3, chunks: 8, store: 1 },
  // filmCutscene's stages: the frames are nearly all of it.
  cutscene: { world: 2, compile: 1, glb: 1, frames: 88, sound: 3, mux: 2, sheet: 3, store: 1 },
};
const UNKNOWN_STAGE_WEIGHT = 0.5;

export interface ProgressTracker {
  /** The job's fraction after this event. */
  update(stage: string, done: number, total: number): number;
}

export function trackJobProgress(kind: JobKind): ProgressTracker {
  const weights = STAGE_WEIGHTS[kind];
  const totalWeight = Object.values(weights).reduce((a, b) => a + b, 0);
  const finished = new Set<string>();
  let current: string | null = null;
  let best = 0;
  const weightOf = (stage: string) => weights[stage] ?? UNKNOWN_STAGE_WEIGHT;
  return {
    update(stage, done, total) {
      if (current !== null && current !== stage) finished.add(current);
      current = stage;
      let sum = 0;
      for (const s of finished) sum += weightOf(s);
      sum += weightOf(stage) * (total > 0 ? Math.min(1, Math.max(0, done / total)) : 0);
      best = Math.max(best, Math.min(0.99, sum / totalWeight));
      return best;
    },
  };
}
