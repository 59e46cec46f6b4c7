/**
 * What a material family draws: the physical layers of one square tile, all size² and all
 * tileable. Maps (normal, occlusion, packed ORM) are derived from these later, in one place.
 *
 *   height     0 (deepest) .. 1 (highest), relief the normal map and occlusion are made from
 *   albedo     sRGB 0..1, three floats per pixel
 *   roughness  0 (mirror) .. 1 (chalk)
 *   metallic   0 (dielectric) .. 1 (bare metal)
 *   emissive   sRGB 0..1 per pixel where the surface glows (lava), or null
 *   tintMask   where colour words apply (1 on the bricks, 0 on the mortar), or null for everywhere
 */
export interface MaterialLayers {
  size: number;
  height: Float32Array;
  albedo: Float32Array;
  roughness: Float32Array;
  metallic: Float32Array;
  emissive: Float32Array | null;
  tintMask: Float32Array | null;
}

export function createLayers(size: number): MaterialLayers {
  const n = size * size;
  return {
    size,
    height: new Float32Array(n),
    albedo: new Float32Array(n * 3),
    roughness: new Float32Array(n).fill(0.8),
    metallic: new Float32Array(n),
    emissive: null,
    tintMask: null,
  };
}

/** Sets pixel i's albedo. */
export function setAlbedo(layers: MaterialLayers, i: number, r: number, g: number, b: number): void {
  layers.albedo[i * 3] = r;
  layers.albedo[i * 3 + 1] = g;
  layers.albedo[i * 3 + 2] = b;
}

