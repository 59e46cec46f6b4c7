import type { StructureType } from '../spec/world-spec-schema.ts';
import type { BuildingMaterial } from './resolve-material.ts';

/** What a structure's drawing function is told, beyond the look and condition in its context. */
export interface StructureParams {
  type: StructureType;
  material: BuildingMaterial;
  /** Bridges and piers: metres from end to end. */
  span: number;
  /** Metres the structure reaches below its origin: a plinth or stilts, a bridge's piers, a pier's posts. */
  foundationDepth: number;
}
