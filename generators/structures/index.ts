/** Structures: factories for every StructureType, their placement on the terrain and the checks before generation. */
export { createStructure, createWell, NAME, STRUCTURE_DEFAULTS, STRUCTURE_TRIANGLE_BUDGET, type StructureOptions } from './create-structure.ts';
export { STRUCTURE_FOOTPRINTS } from './footprints.ts';
export { resolveMaterial, type BuildingMaterial, type RequestedMaterial } from './resolve-material.ts';
export type { StructureCondition } from './build-context.ts';
export type { StructurePalette } from './structure-look.ts';
export { StructureError } from './structure-error.ts';
export { planVillage, type VillageLot } from './village.ts';
export { placeStructures, CLEARANCE, LEVEL_RANGE, type PlacedPiece, type PlacedStructure } from './place-structures.ts';
export { levelFoundations, levellingMargins, PLINTH_REVEAL, spanPads } from './level-foundations.ts';
export { checkStructuresFit, CLEARANCE_FACTOR, MAX_BUILT_SHARE } from './check-structures-fit.ts';
