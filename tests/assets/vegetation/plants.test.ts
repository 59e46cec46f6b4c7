import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../generators/assets/asset.ts';
import {
  BUSH_BUDGET,
  createBush,
  createFern,
  createFlowers,
  createGrassClump,
  FERN_BUDGET,
  FLOWERS_BUDGET,
  GRASS_BUDGETS,
  type PlantStyle,
} from '../../../generators/assets/plants/index.ts';
import { AssetError } from '../../../generators/assets/trees/index.ts';
import { SEASONS } from '../../../generators/spec/world-spec-schema.ts';
import { differs, expectAssetContract, meanColor, sizeOf, type Budgets } from './asset-contract.ts';

const seed = fc.integer({ min: 0, max: 0xffff_ffff });

interface Factory {
  name: string;
  create: (seed: number, style?: PlantStyle) => Asset;
  idPrefix: string;
  kind: Asset['kind'];
  budgets: Budgets;
  height: [number, number];
  materials: string[];
  collider: Asset['collider']['shape'];
}

const FACTORIES: Factory[] = [
  { name: 'bush', create: createBush, idPrefix: 'bush/shrub/', kind: 'bush', budgets: [BUSH_BUDGET], height: [0.6, 2], materials: ['bark', 'foliage'], collider: 'sphere' },
  { name: 'grass', create: createGrassClump, idPrefix: 'grass/clump/', kind: 'grass', budgets: [GRASS_BUDGETS.lod0, undefined, GRASS_BUDGETS.lod2], height: [0.25, 0.7], materials: ['grass'], collider: 'none' },
  { name: 'flowers', create: createFlowers, idPrefix: 'flowers/wild/', kind: 'flowers', budgets: [FLOWERS_BUDGET], height: [0.2, 0.52], materials: ['flowers'], collider: 'none' },
  { name: 'fern', create: createFern, idPrefix: 'bush/fern/', kind: 'bush', budgets: [FERN_BUDGET], height: [0.45, 1.2], materials: ['foliage'], collider: 'none' },
];

describe('plant factories', () => {
  for (const f of FACTORIES) {
    for (const season of SEASONS) {
      it(`${f.name} in ${season} keeps the asset contract, budgets and size`, () => {
        fc.assert(
          fc.property(seed, fc.double({ min: 0, max: 1, noNaN: true }), (s, snow) => {
            const asset = f.create(s, { season, snow });
            expect(asset.id).toBe(`${f.idPrefix}${s}`);
            expect(asset.kind).toBe(f.kind);
            expect(asset.collider.shape).toBe(f.collider);
            expectAssetContract(asset, f.budgets);
            for (const part of asset.lods[0].parts) expect(f.materials).toContain(part.material);
            const { height } = sizeOf(asset);
            expect(height).toBeGreaterThanOrEqual(f.height[0] - 0.02);
            expect(height).toBeLessThanOrEqual(f.height[1] + 0.02);
          }),
          { numRuns: 12, seed: 31 },
        );
      });
    }

    it(`${f.name}: the same seed gives the same plant, another seed another`, () => {
      fc.assert(
        fc.property(seed, seed, (a, b) => {
          fc.pre(a !== b);
          expect(f.create(a, { season: 'spring', snow: 0.1 })).toEqual(f.create(a, { season: 'spring', snow: 0.1 }));
          expect(differs(f.create(a), f.create(b))).toBe(true);
        }),
        { numRuns: 10, seed: 5 },
      );
    });
  }

  it('grass is under a metre, has 10–25 blades, and costs at most 16 triangles far away', () => {
    for (let s = 0; s < 40; s++) {
      const grass = createGrassClump(s);
      expect(sizeOf(grass).height).toBeLessThan(1);
      expect(grass.lods[0].triangles).toBeGreaterThanOrEqual(10 * 3);
      expect(grass.lods[0].triangles).toBeLessThanOrEqual(25 * 5);
      expect(grass.lods[2].triangles).toBeLessThanOrEqual(16);
    }
  });

  it('a bush is three to seven clumps, a little wider than tall', () => {
    for (let s = 0; s < 20; s++) {
      const bush = createBush(s);
      const foliage = bush.lods[0].parts.find((p) => p.material === 'foliage');
      const clumps = (foliage?.indices.length ?? 0) / 3 / 80;
      expect(clumps).toBeGreaterThanOrEqual(3);
      expect(clumps).toBeLessThanOrEqual(7);
      const { height, width } = sizeOf(bush);
      expect(width).toBeGreaterThan(height);
    }
  });

  it('the palette recolours grass blades and foliage', () => {
    const [r, g, b] = meanColor(createGrassClump(3, { grass: '#c8a040' }), 'grass') as [number, number, number];
    expect(r).toBeGreaterThan(b * 2);
    expect(r).toBeGreaterThan(g);
    const [br, bg] = meanColor(createBush(3, { foliage: '#a03020' }), 'foliage') as [number, number, number];
    expect(br).toBeGreaterThan(bg * 1.5);
  });

  it('autumn yellows grass and turns bush leaves; winter dries flowers to seed heads', () => {
    const yellow = (a: Asset, material: string) => {
      const [r, g, b] = meanColor(a, material) as [number, number, number];
      return (r + g) / 2 - b;
    };
    const greenness = (a: Asset, material: string) => {
      const [r, g] = meanColor(a, material) as [number, number, number];
      return g - r;
    };
    expect(greenness(createGrassClump(4, { season: 'autumn' }), 'grass')).toBeLessThan(greenness(createGrassClump(4), 'grass'));
    expect(greenness(createBush(4, { season: 'autumn' }), 'foliage')).toBeLessThan(greenness(createBush(4), 'foliage'));
    expect(yellow(createFern(4, { season: 'autumn' }), 'foliage')).toBeGreaterThan(yellow(createFern(4), 'foliage'));
    expect(createFlowers(4, { season: 'winter' }).lods[0].triangles).toBeGreaterThan(0);
  });

  it('refuses bad styles with ASSET_OPTIONS', () => {
    for (const f of FACTORIES) {
      for (const style of [{ grass: 'grassy' }, { season: 'dry' as 'summer' }, { snow: -0.1 }] as PlantStyle[]) {
        expect(() => f.create(1, style)).toThrow(AssetError);
      }
      expect(() => f.create(-3)).toThrow(/seed/);
    }
  });
});
