import { describe, expect, it } from 'vitest';
import { Rng } from '../../generators/seed/rng.ts';
import { MATERIAL_FAMILIES } from '../../generators/textures/families/index.ts';
import { plainRecipe } from '../../generators/textures/material-recipe.ts';
import { makeTextureSet, type TexturePixels } from '../../generators/textures/texture-set.ts';
import { seamRatios } from './seam-metrics.ts';

const SIZE = 128;
/**
 * A wrap whose step or kink exceeds every interior boundary's by this factor is a seam. Seamless
 * tiles measure 0.3–1.3 here (8-bit rounding makes the kinks of smooth channels noisy); a seam
 * measures several times more (the ramp below: about 80).
 */
const LIMIT = 1.5;

function expectSeamless(image: TexturePixels, label: string): void {
  for (let c = 0; c < image.channels; c++) {
    const r = seamRatios(image.data, image.width, image.channels, c);
    for (const [k, v] of Object.entries(r)) expect(v, `${label} channel ${c} ${k}`).toBeLessThan(LIMIT);
  }
}

describe('every family tiles without a seam', () => {
  for (const family of MATERIAL_FAMILIES) {
    it(family.id, () => {
      for (const seed of [1, 2]) {
        const set = makeTextureSet(plainRecipe(family.id), { size: SIZE, seed });
        expectSeamless(set.maps.baseColor, `${family.id}/${seed} baseColor`);
        expectSeamless(set.maps.height, `${family.id}/${seed} height`);
        expectSeamless(set.maps.normal, `${family.id}/${seed} normal`);
        expectSeamless(set.maps.orm, `${family.id}/${seed} orm`);
      }
    });
  }

  it('with every modifier and a larger scale', () => {
    for (const family of ['bricks', 'metal', 'wood-planks', 'rock']) {
      const recipe = { ...plainRecipe(family), wet: 1, mossy: 0.7, cracked: 0.7, weathered: 0.7, rusty: 0.5, painted: 0.5, scale: 1.6 };
      const set = makeTextureSet(recipe, { size: SIZE, seed: 9 });
      expectSeamless(set.maps.baseColor, `${family} modified baseColor`);
      expectSeamless(set.maps.normal, `${family} modified normal`);
    }
  });
});

describe('the seam check', () => {
  it('finds the seam in a tile that does not wrap', () => {
    // Smooth noise plus a ramp: continuous inside, a jump from the last column to the first.
    const rng = new Rng(3);
    const values = new Float32Array(SIZE * SIZE);
    for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) values[y * SIZE + x] = x / SIZE + 0.01 * rng.float();
    const r = seamRatios(values, SIZE);
    expect(r.stepX).toBeGreaterThan(LIMIT);
  });

  it('finds a kink: values that meet at the wrap but turn sharply there', () => {
    // Half a sine wave across the tile: 0 at both edges, rising from one and falling into the other.
    const values = new Float32Array(SIZE * SIZE);
    for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) values[y * SIZE + x] = Math.sin((Math.PI * (x + 0.5)) / SIZE);
    const r = seamRatios(values, SIZE);
    expect(r.stepX).toBeLessThan(LIMIT);
    expect(r.kinkX).toBeGreaterThan(LIMIT);
  });
});
