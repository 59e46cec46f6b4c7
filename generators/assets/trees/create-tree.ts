/**
 * `createTree(kind, seed, style)`: one tree of a species, as an Asset — three LODs under the
 * budgets below, a capsule collider around the trunk, `tree/<kind>/<seed>`.
 *
 * The style is the world's, not the tree's: the same seed in another season is the same tree
 * (same height, limbs and crown), with other leaves or none. The id does not carry the style, so
 * a world instancing trees by id must use one style throughout (as a world has one season).
 */
import { MAX_SEED } from '../../seed/derive-seed.ts';
import { Rng } from '../../seed/rng.ts';
import { SEASONS, TREE_KINDS, type TreeKind } from '../../spec/world-spec-schema.ts';
import type { Asset } from '../asset.ts';
import { acaciaModel } from './acacia.ts';
import { birchModel } from './birch.ts';
import { broadleafModel } from './broadleaf.ts';
import { coniferModel } from './conifer.ts';
import { deadModel } from './dead.ts';
import { AssetError, checkHex, checkRange, finishAsset } from '../finish-asset.ts';
import type { FoliageStyle, Season } from './foliage.ts';
import { mapleModel } from './maple.ts';
import { palmModel } from './palm.ts';
import { renderTree, type TreeModel } from './tree-model.ts';
import { twistedModel } from './twisted.ts';

export const NAME = 'createTree';

export interface TreeStyle {
  season?: Season;
  /** sRGB hex replacing the species' summer green (the palette's foliage override). */
  foliage?: string | null;
  /** 0..1: snow on upward-facing leaves (and, on bare trees, along the tops of branches). */
  snow?: number;
}

export const TREE_STYLE_DEFAULTS: Required<TreeStyle> = { season: 'summer', foliage: null, snow: 0 };

/** Most triangles at LOD0, LOD1, LOD2. */
export const TREE_BUDGETS = [3000, 900, 250] as const;

const SPECIES: Record<TreeKind, (rng: Rng, style: FoliageStyle) => TreeModel> = {
  broadleaf: broadleafModel,
  conifer: coniferModel,
  birch: birchModel,
  maple: mapleModel,
  palm: palmModel,
  acacia: acaciaModel,
  twisted: twistedModel,
  dead: deadModel,
};

export function createTree(kind: TreeKind, seed: number, style: TreeStyle = {}): Asset {
  const options = normaliseStyle(style, 'createTree');
  if (!TREE_KINDS.includes(kind)) {
    throw new AssetError('ASSET_OPTIONS', `createTree: kind ${JSON.stringify(kind)} is not a tree kind; use one of ${TREE_KINDS.join(', ')}.`);
  }
  checkSeed(seed, 'createTree');
  const model = SPECIES[kind](new Rng(seed).fork('tree', kind), options);
  const lods = renderTree(model, options.snow);
  return finishAsset(`tree/${kind}/${seed}`, 'tree', lods, { shape: 'capsule', radius: round3(model.trunk.radius), height: Math.floor(model.trunk.height * 1000) / 1000 }, [0.25, 0.08]);
}

/** Checks and fills a style; shared by the plant factories. */
export function normaliseStyle(style: TreeStyle, where: string): FoliageStyle {
  const options = { ...TREE_STYLE_DEFAULTS, ...stripUndefined(style) };
  if (!SEASONS.includes(options.season)) {
    throw new AssetError('ASSET_OPTIONS', `${where}: style.season is ${JSON.stringify(options.season)}; use one of ${SEASONS.join(', ')}.`);
  }
  checkHex(options.foliage, `${where}: style.foliage`);
  checkRange(options.snow, 0, 1, `${where}: style.snow`);
  return { season: options.season, foliage: options.foliage, snow: options.snow };
}

export function checkSeed(seed: number, where: string): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new AssetError('ASSET_OPTIONS', `${where}: seed is ${seed}; give an integer from 0 to ${MAX_SEED}.`);
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
