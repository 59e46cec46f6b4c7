/**
 * PBR materials: one per ground class (each biome in the mix, rock, sand, snow), water and ice.
 * Ground materials are white and take their colour from the vertex colours (glTF multiplies
 * COLOR_0 into baseColor); they differ in roughness. Named `Ground/<class>` and `Water`/`Ice`.
 */
import type { Document, Material } from '@gltf-transform/core';
import { hexToRgb, srgbToLinear } from '../biomes/color.ts';
import type { World } from '../world/world.ts';
import { ICE_COLOR, WATER_COLOR } from '../world/relief-preview.ts';

export function createGroundMaterials(doc: Document, world: World): Material[] {
  return world.ground.materials.map((m) =>
    doc
      .createMaterial(`Ground/${m.id}`)
      .setBaseColorFactor([1, 1, 1, 1])
      .setRoughnessFactor(m.roughness)
      .setMetallicFactor(0)
      .setExtras({ worldsmith: { ground: m.id } }),
  );
}

export function createWaterMaterial(doc: Document, world: World): Material {
  const frozen = world.water.frozen;
  const hex = world.spec.palette.colors.water ?? (frozen ? ICE_COLOR : WATER_COLOR);
  const [r, g, b] = hexToRgb(hex).map(srgbToLinear);
  return doc
    .createMaterial(frozen ? 'Ice' : 'Water')
    .setBaseColorFactor([r, g, b, frozen ? 1 : 0.78])
    .setAlphaMode(frozen ? 'OPAQUE' : 'BLEND')
    .setRoughnessFactor(frozen ? 0.35 : 0.06)
    .setMetallicFactor(0);
}
