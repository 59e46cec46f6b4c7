import { describe, expect, it } from 'vitest';
import { MATERIAL_FAMILIES } from '../../generators/textures/families/index.ts';
import { plainRecipe, type MaterialRecipe } from '../../generators/textures/material-recipe.ts';
import { makeTextureSet, type TextureSet } from '../../generators/textures/texture-set.ts';
import { TextureError } from '../../generators/textures/texture-error.ts';

const SIZE = 128;

function stats(data: ArrayLike<number>, channels: number, channel = 0): { mean: number; sd: number } {
  let sum = 0;
  let sq = 0;
  const n = data.length / channels;
  for (let i = 0; i < n; i++) {
    const v = data[i * channels + channel] / 255;
    sum += v;
    sq += v * v;
  }
  const mean = sum / n;
  return { mean, sd: Math.sqrt(Math.max(0, sq / n - mean * mean)) };
}

function luma(set: TextureSet): number {
  const [r, g, b] = set.means.baseColor;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('texture sets', () => {
  it('has at least 16 families, each with phrases, a tile size and its own look', () => {
    expect(MATERIAL_FAMILIES.length).toBeGreaterThanOrEqual(16);
    expect(new Set(MATERIAL_FAMILIES.map((f) => f.id)).size).toBe(MATERIAL_FAMILIES.length);
    const looks = MATERIAL_FAMILIES.map((f) => {
      const set = makeTextureSet(plainRecipe(f.id), { size: SIZE, seed: 1 });
      return { id: f.id, colour: set.means.baseColor, height: stats(set.maps.height.data, 1).sd, rough: set.means.roughness };
    });
    for (const look of looks) {
      // Relief that a normal map can show; not a flat fill.
      expect(look.height, `${look.id} has relief`).toBeGreaterThan(0.01);
    }
    // No two families look alike by colour, relief and roughness together.
    for (let a = 0; a < looks.length; a++) {
      for (let b = a + 1; b < looks.length; b++) {
        const d =
          Math.hypot(...looks[a].colour.map((c, k) => c - looks[b].colour[k])) +
          Math.abs(looks[a].height - looks[b].height) +
          Math.abs(looks[a].rough - looks[b].rough);
        expect(d, `${looks[a].id} vs ${looks[b].id}`).toBeGreaterThan(0.03);
      }
    }
  });

  it('gives every map the right size, range and channels', () => {
    for (const family of MATERIAL_FAMILIES) {
      const set = makeTextureSet(plainRecipe(family.id), { size: SIZE, seed: 4 });
      const { maps } = set;
      expect(maps.baseColor.data.length).toBe(SIZE * SIZE * 3);
      expect(maps.orm.data.length).toBe(SIZE * SIZE * 3);
      expect(maps.roughness.data.length).toBe(SIZE * SIZE);
      expect(maps.metallic !== null).toBe(family.metallic);
      // Normals point out of the surface and are unit length.
      for (let i = 0; i < SIZE * SIZE; i += 97) {
        const [x, y, z] = [0, 1, 2].map((c) => maps.normal.data[i * 3 + c] / 127.5 - 1);
        expect(z).toBeGreaterThan(0);
        expect(Math.hypot(x, y, z)).toBeCloseTo(1, 1);
      }
      // ORM packs the separate maps.
      for (let i = 0; i < SIZE * SIZE; i += 131) {
        expect(maps.orm.data[i * 3]).toBe(maps.occlusion.data[i]);
        expect(maps.orm.data[i * 3 + 1]).toBe(maps.roughness.data[i]);
        expect(maps.orm.data[i * 3 + 2]).toBe(maps.metallic ? maps.metallic.data[i] : 0);
      }
    }
  });

  it('is deterministic: same recipe and seed, same pixels; another seed, other pixels', () => {
    for (const family of ['grass', 'bricks', 'metal', 'lava']) {
      const a = makeTextureSet(plainRecipe(family), { size: SIZE, seed: 11 });
      const b = makeTextureSet(plainRecipe(family), { size: SIZE, seed: 11 });
      const c = makeTextureSet(plainRecipe(family), { size: SIZE, seed: 12 });
      for (const key of ['baseColor', 'normal', 'orm', 'height'] as const) {
        expect(Buffer.from(a.maps[key].data).equals(Buffer.from(b.maps[key].data))).toBe(true);
      }
      expect(Buffer.from(a.maps.baseColor.data).equals(Buffer.from(c.maps.baseColor.data))).toBe(false);
    }
  });

  it('lets words change the surface the way they say', () => {
    const base = (family: string, extra: Partial<MaterialRecipe>): [TextureSet, TextureSet] => [
      makeTextureSet(plainRecipe(family), { size: SIZE, seed: 5 }),
      makeTextureSet({ ...plainRecipe(family), ...extra }, { size: SIZE, seed: 5 }),
    ];
    let [plain, changed] = base('cobblestone', { wet: 1 });
    expect(changed.means.roughness).toBeLessThan(plain.means.roughness * 0.6);
    expect(luma(changed)).toBeLessThan(luma(plain));
    [plain, changed] = base('rock', { lightness: -0.7 });
    expect(luma(changed)).toBeLessThan(luma(plain) * 0.7);
    [plain, changed] = base('plaster', { lightness: 0.6 });
    expect(luma(changed)).toBeGreaterThan(luma(plain));
    [plain, changed] = base('wood-planks', { polished: 1 });
    expect(changed.means.roughness).toBeLessThan(plain.means.roughness * 0.5);
    [plain, changed] = base('metal', { rusty: 0.8 });
    expect(changed.means.metallic).toBeLessThan(plain.means.metallic * 0.7);
    [plain, changed] = base('bricks', { mossy: 0.8 });
    expect(changed.means.baseColor[1] - changed.means.baseColor[0]).toBeGreaterThan(plain.means.baseColor[1] - plain.means.baseColor[0]);
    [plain, changed] = base('plaster', { color: { word: 'blue', hex: '#3a6ea5' } });
    expect(changed.means.baseColor[2]).toBeGreaterThan(changed.means.baseColor[0]);
    [plain, changed] = base('rock', { cracked: 1 });
    expect(stats(changed.maps.height.data, 1).mean).toBeLessThan(stats(plain.maps.height.data, 1).mean);
    [plain, changed] = base('metal', { painted: 1, color: { word: 'red', hex: '#a8432f' } });
    expect(changed.means.baseColor[0]).toBeGreaterThan(changed.means.baseColor[2] + 0.1);
    expect(changed.means.metallic).toBeLessThan(plain.means.metallic * 0.6);
    [plain, changed] = base('plaster', { weathered: 1 });
    expect(changed.means.roughness).toBeGreaterThan(plain.means.roughness);
  });

  it('refuses sizes that are not powers of two in range, and unknown families', () => {
    for (const size of [0, 100, 8, 8192, 1.5]) {
      expect(() => makeTextureSet(plainRecipe('rock'), { size, seed: 1 })).toThrowError(TextureError);
    }
    expect(() => makeTextureSet(plainRecipe('marzipan'), { size: 64, seed: 1 })).toThrowError(/Known families: grass/);
  });
});
