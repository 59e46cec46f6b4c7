/**
 * Nominal footprints of the structures, in metres: `width` along the asset's x (east when it is not
 * turned), `depth` along its z (its front faces +z). Every factory keeps its base inside this
 * rectangle (loose stones and sails may reach past it); placement keeps clearance around it; the
 * spec rules use it to refuse structures that cannot fit. A village is the whole cluster's extent;
 * a bridge and a pier are drawn at their default span (a span given at placement replaces it).
 */
import type { StructureType } from '../spec/world-spec-schema.ts';

export const STRUCTURE_FOOTPRINTS: Record<StructureType, { width: number; depth: number }> = {
  ruins: { width: 22, depth: 18 },
  tower: { width: 9, depth: 9 },
  castle: { width: 44, depth: 44 },
  fortress: { width: 52, depth: 52 },
  village: { width: 76, depth: 76 },
  house: { width: 9, depth: 8 },
  farmhouse: { width: 26, depth: 14 },
  bridge: { width: 24, depth: 6 },
  temple: { width: 20, depth: 26 },
  chapel: { width: 10, depth: 19 },
  lighthouse: { width: 9, depth: 9 },
  pier: { width: 5, depth: 24 },
  'standing-stones': { width: 19, depth: 19 },
  wall: { width: 40, depth: 4 },
  windmill: { width: 9, depth: 9 },
};
