/**
 * recipe + size + seed → a full PBR texture set as pixels (no encoding here):
 *
 *   baseColor  RGB, sRGB                     normal     RGB, OpenGL convention (+Y up)
 *   roughness  grey                          occlusion  grey (ambient occlusion)
 *   height     grey, 0 deepest .. 255 top    metallic   grey (written only where it matters)
 *   height16   the height at 16 bits (0 .. 65535), for PNG files: displacement without terraces
 *   orm        RGB: R occlusion, G roughness, B metallic — glTF's occlusionTexture and
 *              metallicRoughnessTexture in one image
 *   emissive   RGB, sRGB, where the surface glows (lava), else null
 *
 * The family draws the layers; then, in this order: size (through the family's scale), colour,
 * lightness, and the modifiers (weathered, cracked, rusty, painted, mossy, wet, polished) — each
 * with its own named random stream, so adding one never changes the others.
 */
import { Rng } from '../seed/rng.ts';
import { occlusionFromHeight } from './ambient-occlusion.ts';
import { applyModifiers } from './apply-modifiers.ts';
import { findFamily, MATERIAL_FAMILIES } from './families/index.ts';
import type { MaterialFamily } from './material-family.ts';
import type { MaterialRecipe } from './material-recipe.ts';
import { normalsFromHeight } from './normal-map.ts';
import { TextureError } from './texture-error.ts';

export interface TexturePixels {
  width: number;
  height: number;
  /** Grey, RGB, or RGBA (previews). */
  channels: 1 | 3 | 4;
  /** 8 bits per sample, or 16 (height maps, for displacement without terracing). */
  data: Uint8Array | Uint16Array;
}

export interface TextureSet {
  recipe: MaterialRecipe;
  family: MaterialFamily;
  seed: number;
  size: number;
  /** What one tile covers in the world, metres (larger with `scale`). */
  tileMetres: number;
  maps: {
    baseColor: TexturePixels;
    normal: TexturePixels;
    roughness: TexturePixels;
    occlusion: TexturePixels;
    height: TexturePixels;
    height16: TexturePixels;
    metallic: TexturePixels | null;
    orm: TexturePixels;
    emissive: TexturePixels | null;
  };
  /** Averages, for a material's factors and for checks: mean sRGB base colour, roughness, metallic. */
  means: { baseColor: [number, number, number]; roughness: number; metallic: number };
}

export const MIN_TEXTURE_SIZE = 16;
export const MAX_TEXTURE_SIZE = 4096;

export function makeTextureSet(recipe: MaterialRecipe, options: { size: number; seed: number }): TextureSet {
  const { size, seed } = options;
  if (!Number.isInteger(size) || size < MIN_TEXTURE_SIZE || size > MAX_TEXTURE_SIZE || (size & (size - 1)) !== 0) {
    throw new TextureError('TEXTURE_SIZE', `Texture size ${size} is not allowed: use a power of two from ${MIN_TEXTURE_SIZE} to ${MAX_TEXTURE_SIZE} (e.g. 512, 1024, 2048).`);
  }
  const family = findFamily(recipe.family);
  if (!family) {
    throw new TextureError('TEXTURE_DESCRIPTION', `Unknown material family "${recipe.family}". Known families: ${MATERIAL_FAMILIES.map((f) => f.id).join(', ')}.`);
  }
  const rng = new Rng(seed);
  const layers = family.draw({ size, rng: rng.fork('family', family.id), scale: recipe.scale });
  applyModifiers(layers, recipe, rng.fork('modifiers'));

  const n = size * size;
  const occlusion = occlusionFromHeight(layers.height, size, 1);
  // Uint8ClampedArray rounds and clamps on store (0..1 floats scaled to 0..255).
  const baseColor = new Uint8ClampedArray(n * 3);
  const orm = new Uint8ClampedArray(n * 3);
  const roughness = new Uint8ClampedArray(n);
  const occlusionBytes = new Uint8ClampedArray(n);
  const heightBytes = new Uint8ClampedArray(n);
  const metallicBytes = new Uint8ClampedArray(n);
  const { albedo } = layers;
  for (let i = 0; i < n * 3; i++) baseColor[i] = albedo[i] * 255;
  for (let i = 0; i < n; i++) {
    roughness[i] = layers.roughness[i] * 255;
    metallicBytes[i] = layers.metallic[i] * 255;
    occlusionBytes[i] = occlusion[i] * 255;
    heightBytes[i] = layers.height[i] * 255;
    orm[i * 3] = occlusionBytes[i];
    orm[i * 3 + 1] = roughness[i];
    orm[i * 3 + 2] = metallicBytes[i];
  }
  const mean: [number, number, number] = [0, 0, 0];
  let roughSum = 0;
  let metalSum = 0;
  for (let i = 0; i < n; i++) {
    mean[0] += baseColor[i * 3];
    mean[1] += baseColor[i * 3 + 1];
    mean[2] += baseColor[i * 3 + 2];
    roughSum += roughness[i];
    metalSum += metallicBytes[i];
  }
  let emissive: TexturePixels | null = null;
  if (layers.emissive) {
    const data = new Uint8ClampedArray(n * 3);
    for (let i = 0; i < n * 3; i++) data[i] = layers.emissive[i] * 255;
    emissive = { width: size, height: size, channels: 3, data: bytes(data) };
  }
  const grey = (data: Uint8ClampedArray | Uint8Array): TexturePixels => ({ width: size, height: size, channels: 1, data: bytes(data) });
  const rgb = (data: Uint8ClampedArray | Uint8Array): TexturePixels => ({ width: size, height: size, channels: 3, data: bytes(data) });
  return {
    recipe,
    family,
    seed,
    size,
    tileMetres: round(family.tileMetres * recipe.scale, 3),
    maps: {
      baseColor: rgb(baseColor),
      normal: rgb(normalsFromHeight(layers.height, size, family.normalStrength)),
      roughness: grey(roughness),
      occlusion: grey(occlusionBytes),
      height: grey(heightBytes),
      height16: { width: size, height: size, channels: 1, data: height16(layers.height) },
      metallic: family.metallic ? grey(metallicBytes) : null,
      orm: rgb(orm),
      emissive,
    },
    means: {
      baseColor: [round(mean[0] / n / 255, 4), round(mean[1] / n / 255, 4), round(mean[2] / n / 255, 4)],
      roughness: round(roughSum / n / 255, 4),
      metallic: round(metalSum / n / 255, 4),
    },
  };
}

function height16(height: Float32Array): Uint16Array {
  const out = new Uint16Array(height.length);
  for (let i = 0; i < height.length; i++) out[i] = Math.round(Math.min(1, Math.max(0, height[i])) * 65535);
  return out;
}

/** The same bytes as a plain Uint8Array (what encoders and tests take). */
function bytes(data: Uint8ClampedArray | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.length);
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
