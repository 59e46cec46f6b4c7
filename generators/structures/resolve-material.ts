/**
 * What a structure is built of when a spec says "auto" (or asks for something the type cannot be
 * made of): by type first, then by biome. Deserts and canyons build in sandstone, cold forests
 * and jungles in timber, farmland in brick, everything else in grey stone. Rope makes only
 * footbridges; standing stones and temples are always masonry.
 */
import type { Biome, StructureType } from '../spec/world-spec-schema.ts';

export type BuildingMaterial = 'stone' | 'wood' | 'sandstone' | 'brick' | 'rope';
export type RequestedMaterial = BuildingMaterial | 'auto';

const DRY: ReadonlySet<Biome> = new Set<Biome>(['desert', 'canyon', 'savanna']);
const TIMBER: ReadonlySet<Biome> = new Set<Biome>(['taiga', 'jungle', 'swamp', 'tundra']);

/** Types that can only be masonry (stone, sandstone or brick). */
const MASONRY_ONLY: ReadonlySet<StructureType> = new Set<StructureType>(['standing-stones', 'temple', 'ruins', 'lighthouse', 'castle', 'fortress']);

export function resolveMaterial(type: StructureType, requested: RequestedMaterial, biome: Biome): BuildingMaterial {
  if (requested !== 'auto' && allows(type, requested)) return requested;
  if (requested === 'rope') return type === 'pier' ? 'wood' : resolveMaterial(type, 'auto', biome);
  if (requested === 'wood' && MASONRY_ONLY.has(type)) return biome === 'desert' || biome === 'canyon' ? 'sandstone' : 'stone';

  const dry = DRY.has(biome);
  switch (type) {
    case 'pier':
      return 'wood';
    case 'bridge':
      if (biome === 'jungle' || biome === 'swamp') return 'rope';
      if (biome === 'taiga' || biome === 'tundra') return 'wood';
      return dry ? 'sandstone' : 'stone';
    case 'house':
    case 'farmhouse':
    case 'village':
      if (dry) return 'sandstone';
      if (TIMBER.has(biome) || biome === 'temperate-forest') return 'wood';
      if (biome === 'grassland') return 'brick';
      return 'stone';
    case 'chapel':
    case 'windmill':
      if (dry) return 'sandstone';
      if (biome === 'grassland') return 'brick';
      if (TIMBER.has(biome) && type === 'windmill') return 'wood';
      return 'stone';
    case 'tower':
    case 'wall':
      if (TIMBER.has(biome)) return 'wood';
      return dry ? 'sandstone' : 'stone';
    case 'temple':
      return dry || biome === 'jungle' ? 'sandstone' : 'stone';
    default:
      return dry ? 'sandstone' : 'stone';
  }
}

function allows(type: StructureType, material: BuildingMaterial): boolean {
  if (material === 'rope') return type === 'bridge';
  if (material === 'wood') return !MASONRY_ONLY.has(type);
  return true;
}
