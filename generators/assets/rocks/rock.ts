/**
 * `createRock(seed, {color, size})`: a loose rock 0.3–1.5 m across (size 0 → about 0.3 m, 1 →
 * about 1.5 m, each seed ±25 %), rounded, angular or a layered slab. Icosphere of 320 / 80 / 20
 * triangles; sphere collider.
 */
import { Rng } from '../../seed/rng.ts';
import type { Asset } from '../asset.ts';
import { checkSeed } from '../trees/create-tree.ts';
import { finishAsset } from '../finish-asset.ts';
import { makeStone, type StoneForm } from './stone.ts';
import { normaliseStoneOptions, stoneCollider, type StoneOptions } from './stone-options.ts';

export const NAME = 'createRock';

/** Most triangles at LOD0 and LOD2. */
export const ROCK_BUDGETS = { lod0: 500, lod2: 40 } as const;

const FORMS: readonly StoneForm[] = ['rounded', 'rounded', 'angular', 'angular', 'slab'];

export function createRock(seed: number, options: StoneOptions = {}): Asset {
  const o = normaliseStoneOptions(options, 'createRock');
  checkSeed(seed, 'createRock');
  const rng = new Rng(seed).fork('rock');
  const s = rng.fork('size');
  const size = Math.min(1.5, Math.max(0.3, (0.3 + 1.2 * o.size) * s.range(0.75, 1.25)));
  const lods = makeStone(rng, { form: s.pick(FORMS), size, color: o.color, subdivisions: [2, 1, 0] });
  return finishAsset(`rock/stone/${seed}`, 'rock', lods, stoneCollider(lods[0]), [0.12, 0.04]);
}
