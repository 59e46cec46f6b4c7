/**
 * A texture set → the files `worldsmith texture` writes, in memory:
 *
 *   basecolor.<ext>  normal.<ext>  roughness.<ext>  ao.<ext>  height.<ext>  orm.<ext>
 *                    (height.png is 16-bit greyscale; JPEG and WebP heights are 8-bit)
 *   metallic.<ext>   (metal only)   emissive.<ext>  (lava only)
 *   material.json    what the set is and how to use it (glTF wiring included)
 *   preview.png      the maps side by side and a 3×3 tiled, lit view (always PNG)
 *
 * Encoding is the injected encoder's; images are encoded concurrently (sharp runs off the main
 * thread).
 */
import { WORLDSMITH_VERSION } from '../version.ts';
import type { MaterialDescription } from './describe-material.ts';
import { FILE_EXTENSIONS, type ImageEncoder, type ImageFormat } from './image-encoder.ts';
import { renderPreviewSheet } from './preview-sheet.ts';
import type { TexturePixels, TextureSet } from './texture-set.ts';

export interface TextureFile {
  name: string;
  bytes: Uint8Array;
}

export interface TextureSetFilesOptions {
  format: ImageFormat;
  encode: ImageEncoder;
  /** The description and its explanation, recorded in material.json. */
  description?: { text: string; explanation: MaterialDescription };
  /** Write preview.png (default true). */
  preview?: boolean;
}

export const MAP_FILE_NAMES = {
  baseColor: 'basecolor',
  normal: 'normal',
  roughness: 'roughness',
  occlusion: 'ao',
  height: 'height',
  height16: 'height',
  metallic: 'metallic',
  orm: 'orm',
  emissive: 'emissive',
} as const;

export async function makeTextureSetFiles(set: TextureSet, options: TextureSetFilesOptions): Promise<{ files: TextureFile[]; material: MaterialJson }> {
  const ext = FILE_EXTENSIONS[options.format];
  // PNG carries the height at 16 bits; JPEG and WebP are 8-bit formats.
  const skip = options.format === 'png' ? 'height' : 'height16';
  const maps = Object.entries(set.maps).filter((entry): entry is [keyof typeof MAP_FILE_NAMES, TexturePixels] => entry[1] !== null && entry[0] !== skip);
  const names = Object.fromEntries(maps.map(([key]) => [key === 'height16' ? 'height' : key, `${MAP_FILE_NAMES[key]}.${ext}`])) as Partial<Record<keyof typeof MAP_FILE_NAMES, string>>;
  // The maps encode off the main thread while the preview's pixels are drawn on it.
  const encoding = Promise.all(
    maps.map(async ([key, pixels]) => ({ name: `${MAP_FILE_NAMES[key]}.${ext}`, bytes: await options.encode(pixels, options.format, { quality: key === 'normal' ? 95 : 90 }) })),
  );
  const preview = options.preview === false ? undefined : options.encode(renderPreviewSheet(set), 'png');
  const material = materialJson(set, names, options);
  const files: TextureFile[] = [...(await encoding), { name: 'material.json', bytes: new TextEncoder().encode(`${JSON.stringify(material, null, 2)}\n`) }];
  if (preview) files.push({ name: 'preview.png', bytes: await preview });
  return { files, material };
}

export interface MaterialJson {
  worldsmith: string;
  name: string;
  description: string | null;
  explanation: { used: MaterialDescription['used']; unused: string[]; notes: string[] } | null;
  family: string;
  recipe: TextureSet['recipe'];
  seed: number;
  size: number;
  format: ImageFormat;
  tileMetres: number;
  normalConvention: string;
  colorSpaces: Record<string, 'sRGB' | 'linear'>;
  maps: Partial<Record<keyof typeof MAP_FILE_NAMES, string>>;
  heightBits: 8 | 16;
  gltf: Record<string, unknown>;
  means: TextureSet['means'];
}

function materialJson(set: TextureSet, names: Partial<Record<keyof typeof MAP_FILE_NAMES, string>>, options: TextureSetFilesOptions): MaterialJson {
  const name = options.description?.text.trim() || set.family.id;
  return {
    worldsmith: WORLDSMITH_VERSION,
    name,
    description: options.description?.text ?? null,
    explanation: options.description
      ? { used: options.description.explanation.used, unused: options.description.explanation.unused, notes: options.description.explanation.notes }
      : null,
    family: set.family.id,
    recipe: set.recipe,
    seed: set.seed,
    size: set.size,
    format: options.format,
    tileMetres: set.tileMetres,
    normalConvention: 'OpenGL (as glTF): +X right, +Y up (green up), +Z out of the surface. For DirectX-style engines, invert green.',
    colorSpaces: { baseColor: 'sRGB', emissive: 'sRGB', normal: 'linear', roughness: 'linear', occlusion: 'linear', height: 'linear', metallic: 'linear', orm: 'linear' },
    maps: names,
    heightBits: options.format === 'png' ? 16 : 8,
    gltf: {
      pbrMetallicRoughness: {
        baseColorTexture: names.baseColor,
        metallicRoughnessTexture: names.orm,
        baseColorFactor: [1, 1, 1, 1],
        metallicFactor: 1,
        roughnessFactor: 1,
      },
      normalTexture: { image: names.normal, scale: 1 },
      occlusionTexture: { image: names.orm, strength: 1, channel: 'R' },
      ...(names.emissive ? { emissiveTexture: names.emissive, emissiveFactor: [1, 1, 1] } : {}),
      textureRepeatMetres: set.tileMetres,
    },
    means: set.means,
  };
}
