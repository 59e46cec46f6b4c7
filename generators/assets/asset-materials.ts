/**
 * The materials assets are made of. Colour comes from vertex colours (glTF multiplies COLOR_0 into
 * a white baseColor), so one material serves every species and stone; the material says how the
 * surface reflects. The texture lab will give each of these a tileable PBR set.
 * Exported as `Asset/<name>`.
 */
export const ASSET_MATERIALS = {
  bark: { roughness: 0.9, metallic: 0, doubleSided: false },
  foliage: { roughness: 0.75, metallic: 0, doubleSided: true },
  grass: { roughness: 0.8, metallic: 0, doubleSided: true },
  flowers: { roughness: 0.7, metallic: 0, doubleSided: true },
  rock: { roughness: 0.9, metallic: 0, doubleSided: false },
  stone: { roughness: 0.85, metallic: 0, doubleSided: false },
  wood: { roughness: 0.8, metallic: 0, doubleSided: false },
  'roof-tiles': { roughness: 0.7, metallic: 0, doubleSided: false },
  thatch: { roughness: 0.95, metallic: 0, doubleSided: false },
  plaster: { roughness: 0.9, metallic: 0, doubleSided: false },
  metal: { roughness: 0.45, metallic: 0.8, doubleSided: false },
  rope: { roughness: 0.95, metallic: 0, doubleSided: false },
  /** A lit window or a lighthouse lamp: emits its vertex colour. */
  lamp: { roughness: 0.4, metallic: 0, doubleSided: false, emissive: true },
} as const;

export type AssetMaterialName = keyof typeof ASSET_MATERIALS;

export function isAssetMaterial(name: string): name is AssetMaterialName {
  return Object.hasOwn(ASSET_MATERIALS, name);
}
