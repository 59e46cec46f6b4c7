/**
 * Trees: `createTree(kind, seed, style)` for every TreeKind. (The plant and rock factories also
 * build on this folder's pieces — limbs, foliage clumps and colours, sheets, `finishAsset` —
 * importing them from their files.)
 */
export { createTree, NAME, TREE_BUDGETS, TREE_STYLE_DEFAULTS, type TreeStyle } from './create-tree.ts';
export { AssetError } from '../finish-asset.ts';
export type { FoliageStyle, Season } from './foliage.ts';
