/** Plants: bushes, grass clumps, wildflowers and ferns, each `(seed, style) => Asset`. */
export { BUSH_BUDGET, BUSH_PALETTE, createBush } from './bush.ts';
export { createFern, FERN_BUDGET, FERN_PALETTE } from './fern.ts';
export { createFlowers, FLOWERS_BUDGET, WILDFLOWERS } from './flowers.ts';
export { createGrassClump, GRASS_BUDGETS } from './grass-clump.ts';
export { PLANT_STYLE_DEFAULTS, type PlantStyle } from './plant-style.ts';
