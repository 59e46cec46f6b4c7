/**
 * A world's texture sets in its glb. Ground and assets take their colour from vertex colours
 * (biome blends, palette, paths, snow), so their base colour texture is a *detail* texture: the
 * set's base colour divided by its own mean colour and scaled to a mean of DETAIL_LEVEL (0.8) — it
 * carries the set's pattern (blades, pebbles, grain, joints) and its variations of hue, but no
 * colour cast of its own. glTF multiplies baseColorTexture × COLOR_0, so vertex colours of textured
 * materials are raised by 1 / DETAIL_LEVEL to keep their mean. The normal map and the packed ORM
 * (occlusion R, roughness G, metallic B) are the set's own.
 *
 * Textures repeat in world metres through KHR_texture_transform (scale = metres per UV unit ÷ the
 * set's tile size); a viewer without the extension still shows them, at another repeat. Images are
 * JPEG (glTF core, no extension needed), power-of-two sized, sampled with trilinear mipmaps.
 */
import { TextureInfo, type Document, type Material, type Texture } from '@gltf-transform/core';
import { KHRTextureTransform } from '@gltf-transform/extensions';
import type { ImageEncoder } from '../textures/image-encoder.ts';
import type { WorldTextureSet } from '../textures/textures-in-worker.ts';

export const DETAIL_LEVEL = 0.8;

export interface EncodedWorldTexture {
  key: string;
  baseColor: Uint8Array;
  normal: Uint8Array;
  orm: Uint8Array;
  tileMetres: number;
  meanRoughness: number;
  metallic: boolean;
}

export async function encodeWorldTextures(sets: ReadonlyMap<string, WorldTextureSet>, encode: ImageEncoder): Promise<Map<string, EncodedWorldTexture>> {
  const encoded = await Promise.all(
    [...sets.entries()].map(async ([key, set]): Promise<EncodedWorldTexture> => {
      const [baseColor, normal, orm] = await Promise.all([
        encode(detailBaseColor(set), 'jpeg', { quality: 85 }),
        encode(set.maps.normal, 'jpeg', { quality: 92 }),
        encode(set.maps.orm, 'jpeg', { quality: 88 }),
      ]);
      return { key, baseColor, normal, orm, tileMetres: set.tileMetres, meanRoughness: set.means.roughness, metallic: set.maps.metallic !== null };
    }),
  );
  return new Map(encoded.map((e) => [e.key, e]));
}

/**
 * The set's base colour as a detail texture: its pattern around a neutral mean of DETAIL_LEVEL. The
 * brightest pixels clip at 1, which pulls the mean down; the gain is corrected for that, so the mean
 * after clipping is DETAIL_LEVEL (to within a percent).
 */
export function detailBaseColor(set: WorldTextureSet): WorldTextureSet['maps']['baseColor'] {
  const { data, width, height } = set.maps.baseColor;
  const pixels = data.length / 3;
  const gain = set.means.baseColor.map((m) => DETAIL_LEVEL / Math.max(1 / 255, m));
  const stride = Math.max(1, Math.floor(pixels / 4096)) * 3;
  for (let pass = 0; pass < 4; pass++) {
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      let count = 0;
      for (let i = c; i < data.length; i += stride) {
        sum += Math.min(255, data[i] * gain[c]);
        count++;
      }
      gain[c] *= (DETAIL_LEVEL * 255) / Math.max(1, sum / count);
    }
  }
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i += 3) {
    out[i] = Math.min(255, Math.round(data[i] * gain[0]));
    out[i + 1] = Math.min(255, Math.round(data[i + 1] * gain[1]));
    out[i + 2] = Math.min(255, Math.round(data[i + 2] * gain[2]));
  }
  return { width, height, channels: 3, data: out };
}

/** Puts encoded sets on materials of one Document, each image written once. */
export class WorldTextureBinder {
  private readonly textures = new Map<string, Texture>();
  private transform: KHRTextureTransform | undefined;

  constructor(
    private readonly doc: Document,
    private readonly sets: ReadonlyMap<string, EncodedWorldTexture>,
  ) {}

  has(key: string): boolean {
    return this.sets.has(key);
  }

  /**
   * Gives `material` the set `key`, repeating every tile when UVs are `uvMetres` metres per unit.
   * The material's roughness becomes a factor on the set's (its own roughness over the set's mean,
   * at most 1), so a wet world's ground stays glossier.
   */
  bind(material: Material, key: string, uvMetres: number): boolean {
    const set = this.sets.get(key);
    if (!set) return false;
    const scale = uvMetres / set.tileMetres;
    const name = key.replaceAll('/', '-');
    const base = this.texture(`${name}/baseColor`, set.baseColor);
    const orm = this.texture(`${name}/orm`, set.orm);
    const normal = this.texture(`${name}/normal`, set.normal);
    material
      .setBaseColorTexture(base)
      .setMetallicRoughnessTexture(orm)
      .setOcclusionTexture(orm)
      .setNormalTexture(normal)
      .setRoughnessFactor(Math.min(1, Number((material.getRoughnessFactor() / Math.max(0.05, set.meanRoughness)).toFixed(3))))
      .setMetallicFactor(set.metallic ? 1 : 0);
    for (const info of [material.getBaseColorTextureInfo(), material.getMetallicRoughnessTextureInfo(), material.getOcclusionTextureInfo(), material.getNormalTextureInfo()]) {
      if (!info) continue;
      info.setWrapS(TextureInfo.WrapMode.REPEAT).setWrapT(TextureInfo.WrapMode.REPEAT);
      info.setMinFilter(TextureInfo.MinFilter.LINEAR_MIPMAP_LINEAR).setMagFilter(TextureInfo.MagFilter.LINEAR);
      info.setExtension('KHR_texture_transform', this.transformExtension().createTransform().setScale([scale, scale]));
    }
    return true;
  }

  private transformExtension(): KHRTextureTransform {
    this.transform ??= this.doc.createExtension(KHRTextureTransform);
    return this.transform;
  }

  private texture(name: string, image: Uint8Array): Texture {
    let texture = this.textures.get(name);
    if (!texture) {
      texture = this.doc.createTexture(name).setImage(image).setMimeType('image/jpeg');
      this.textures.set(name, texture);
    }
    return texture;
  }
}
