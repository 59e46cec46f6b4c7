/**
 * PBR materials: one per ground class (each biome in the mix, rock, sand, snow), water and ice.
 * Ground materials are white and take their colour from the vertex colours (glTF multiplies
 * COLOR_0 into baseColor); they differ in roughness, and, with the world's textures, each wears
 * its texture set as detail (world-textures.ts). Named `Ground/<class>` and `Water`/`Ice`.
 */
import type { Document, Material } from '@gltf-transform/core';
import { hexToRgb, srgbToLinear } from '../biomes/color.ts';
import type { World } from '../world/world.ts';
import type { WorldTextureBinder } from './world-textures.ts';
import { ICE_COLOR, WATER_COLOR } from '../world/relief-preview.ts';

/** `textures` with the UV scale of the terrain's TEXCOORD_0 (metres per UV unit). */
export function createGroundMaterials(doc: Document, world: World, textures?: { binder: WorldTextureBinder; uvMetres: number }): Material[] {
  return world.ground.materials.map((m) => {
    const material = doc
      .createMaterial(`Ground/${m.id}`)
      .setBaseColorFactor([1, 1, 1, 1])
      .setRoughnessFactor(m.roughness)
      .setMetallicFactor(0)
      .setExtras({ worldsmith: { ground: m.id } });
    textures?.binder.bind(material, `ground/${m.id}`, textures.uvMetres);
    return material;
  });
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
