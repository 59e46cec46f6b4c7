/**
 * `createBoulder(seed, {color, size})`: a boulder 1.5–5 m across (size 0 → about 1.5 m, 1 → about
 * 5 m, each seed ±20 %), rounded, angular or a layered slab, set into the ground. Icosphere of
 * 1280 / 320 / 80 triangles; sphere collider.
 */
import { Rng } from '../../seed/rng.ts';
import type { Asset } from '../asset.ts';
import { checkSeed } from '../trees/create-tree.ts';
import { finishAsset } from '../finish-asset.ts';
import { makeStone, type StoneForm } from './stone.ts';
import { normaliseStoneOptions, stoneCollider, type StoneOptions } from './stone-options.ts';

export const NAME = 'createBoulder';

/** Most triangles at LOD0 and LOD2. */
export const BOULDER_BUDGETS = { lod0: 1500, lod2: 80 } as const;

const FORMS: readonly StoneForm[] = ['rounded', 'angular', 'angular', 'slab'];

export function createBoulder(seed: number, options: StoneOptions = {}): Asset {
  const o = normaliseStoneOptions(options, 'createBoulder');
  checkSeed(seed, 'createBoulder');
  const rng = new Rng(seed).fork('boulder');
  const s = rng.fork('size');
  const size = Math.min(5, Math.max(1.5, (1.5 + 3.5 * o.size) * s.range(0.8, 1.2)));
  const lods = makeStone(rng, { form: s.pick(FORMS), size, color: o.color, subdivisions: [3, 2, 1] });
  return finishAsset(`boulder/stone/${seed}`, 'boulder', lods, stoneCollider(lods[0]), [0.25, 0.08]);
}
