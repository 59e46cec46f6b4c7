/**
 * Small worlds that hold what the storyboard suite names. Generated without textures or navmesh
 * (the interpreter reads neither): about a second each.
 */
import { generateWorld } from '../../../generators/world/generate-world.ts';
import type { World } from '../../../generators/world/world.ts';
import { smallSpec } from '../../helpers/world-specs.ts';

/** A volcanic island: tower, lighthouse, castle, ruined chapel, a river, a lake, grassland (meadow) and swamp; a keeper. */
export const ISLAND_SPEC = smallSpec({
  seed: 7,
  size: { width: 320, depth: 320, cellSize: 2.5 },
  terrain: { landform: 'island', features: ['volcano'] },
  water: { rivers: 1, lakes: 1, sea: 0.4 },
  biomes: { grassland: 1, swamp: 0.6, 'temperate-forest': 0.5 },
  structures: [{ type: 'tower' }, { type: 'lighthouse', placement: 'coast' }, { type: 'castle' }, { type: 'chapel', condition: 'ruined' }],
  characters: [{ id: 'keeper', archetype: 'keeper', identitySeed: 1234 }],
});

/** A river valley with a tower and no characters. */
export const VALLEY_SPEC = smallSpec({
  seed: 11,
  size: { width: 256, depth: 256, cellSize: 2 },
  terrain: { landform: 'valley' },
  water: { rivers: 1 },
  structures: [{ type: 'tower' }],
});

export async function makeWorld(spec: typeof ISLAND_SPEC): Promise<World> {
  return (await generateWorld(spec, { textures: false, navmesh: false })).world;
}
