import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../generators/assets/asset.ts';
import { BOULDER_BUDGETS, createBoulder, createRock, ROCK_BUDGETS } from '../../../generators/assets/rocks/index.ts';
import { AssetError } from '../../../generators/assets/trees/index.ts';
import { BIOME_TABLE } from '../../../generators/biomes/biome-table.ts';
import { differs, expectAssetContract, meanColor, sizeOf } from './asset-contract.ts';

const seed = fc.integer({ min: 0, max: 0xffff_ffff });
const color = fc.constantFrom(...Object.values(BIOME_TABLE).map((b) => b.rock));
const size = fc.double({ min: 0, max: 1, noNaN: true });

const STONES = [
  { name: 'rock', create: createRock, id: 'rock/stone/', budgets: [ROCK_BUDGETS.lod0, undefined, ROCK_BUDGETS.lod2], across: [0.3, 1.5] },
  { name: 'boulder', create: createBoulder, id: 'boulder/stone/', budgets: [BOULDER_BUDGETS.lod0, undefined, BOULDER_BUDGETS.lod2], across: [1.5, 5] },
] as const;

/** Every face of a stone points away from its middle, and its corner normals agree with it. */
function expectOutward(asset: Asset): void {
  const { min, max } = asset.bounds;
  const middle = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
  for (const lod of asset.lods) {
    for (const part of lod.parts) {
      const p = part.positions;
      const n = part.normals;
      let inward = 0;
      for (let t = 0; t < part.indices.length; t += 3) {
        const [a, b, c] = [part.indices[t], part.indices[t + 1], part.indices[t + 2]];
        const e1 = [p[b * 3] - p[a * 3], p[b * 3 + 1] - p[a * 3 + 1], p[b * 3 + 2] - p[a * 3 + 2]];
        const e2 = [p[c * 3] - p[a * 3], p[c * 3 + 1] - p[a * 3 + 1], p[c * 3 + 2] - p[a * 3 + 2]];
        const face = [e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]];
        const centre = [0, 1, 2].map((k) => (p[a * 3 + k] + p[b * 3 + k] + p[c * 3 + k]) / 3 - middle[k]);
        if (face[0] * centre[0] + face[1] * centre[1] + face[2] * centre[2] <= 0) inward++;
        for (const v of [a, b, c]) if (face[0] * n[v * 3] + face[1] * n[v * 3 + 1] + face[2] * n[v * 3 + 2] <= 0) inward++;
      }
      expect(inward, `${asset.id}: faces or normals pointing in`).toBe(0);
    }
  }
}

describe('stone factories', () => {
  for (const stone of STONES) {
    it(`${stone.name}: contract, budgets, size across, outward faces`, () => {
      fc.assert(
        fc.property(seed, color, size, (s, c, z) => {
          const asset = stone.create(s, { color: c, size: z });
          expect(asset.id).toBe(`${stone.id}${s}`);
          expect(asset.kind).toBe(stone.name);
          expect(asset.collider.shape).toBe('sphere');
          expectAssetContract(asset, [...stone.budgets]);
          expect(asset.lods.every((lod) => lod.parts.every((p) => p.material === 'rock'))).toBe(true);
          const { width, height } = sizeOf(asset);
          expect(width).toBeGreaterThanOrEqual(stone.across[0] - 1e-3);
          expect(width).toBeLessThanOrEqual(stone.across[1] + 1e-3);
          expect(height).toBeLessThan(width * 1.2);
          expect(height).toBeGreaterThan(0.05);
          expectOutward(asset);
        }),
        { numRuns: 25, seed: 11 },
      );
    });

    it(`${stone.name}: the same seed gives the same stone, another seed another`, () => {
      fc.assert(
        fc.property(seed, seed, (a, b) => {
          fc.pre(a !== b);
          expect(stone.create(a, { color: '#7d7a72', size: 0.4 })).toEqual(stone.create(a, { color: '#7d7a72', size: 0.4 }));
          expect(differs(stone.create(a), stone.create(b))).toBe(true);
        }),
        { numRuns: 8, seed: 3 },
      );
    });

    it(`${stone.name}: bigger with a bigger size, coloured by its colour, darker in crevices`, () => {
      const mean = (z: number) => [1, 2, 3, 4, 5, 6].reduce((sum, s) => sum + sizeOf(stone.create(s, { size: z })).width, 0) / 6;
      expect(mean(1)).toBeGreaterThan(mean(0) * 1.8);
      const [r, g, b] = meanColor(stone.create(8, { color: '#a4532f' }), 'rock') as [number, number, number];
      expect(r).toBeGreaterThan(g * 1.5);
      expect(g).toBeGreaterThan(b);
      // Colour varies over the stone (mottling, crevices), not one flat tone.
      const part = stone.create(8, { color: '#7d7a72' }).lods[0].parts[0];
      let low = Infinity;
      let high = -Infinity;
      for (let i = 0; i < part.colors.length; i += 3) {
        low = Math.min(low, part.colors[i + 1]);
        high = Math.max(high, part.colors[i + 1]);
      }
      expect(high / low).toBeGreaterThan(1.5);
    });
  }

  it('refuses bad options with ASSET_OPTIONS', () => {
    for (const create of [createRock, createBoulder]) {
      expect(() => create(1, { color: 'grey' })).toThrow(AssetError);
      expect(() => create(1, { size: 1.5 })).toThrow(/size/);
      expect(() => create(Number.NaN)).toThrow(/seed/);
    }
  });
});
