/** Rocks: loose rocks and boulders, each `(seed, {color, size}) => Asset`. */
export { BOULDER_BUDGETS, createBoulder } from './boulder.ts';
export { createRock, ROCK_BUDGETS } from './rock.ts';
export { STONE_DEFAULTS, type StoneOptions } from './stone-options.ts';
