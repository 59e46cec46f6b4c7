import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssetError, createTree, TREE_BUDGETS } from '../../../generators/assets/trees/index.ts';
import { SEASONS, TREE_KINDS, type TreeKind } from '../../../generators/spec/world-spec-schema.ts';
import { differs, expectAssetContract, meanColor, sizeOf } from './asset-contract.ts';

const seed = fc.integer({ min: 0, max: 0xffff_ffff });
const RUNS = { numRuns: 5, seed: 20_251_125 };

/** Heights the brief gives each species, metres, and the shape it must have. */
const SPECIES: Record<TreeKind, { height: [number, number]; shape: (height: number, width: number) => boolean; deciduous: boolean }> = {
  broadleaf: { height: [9, 16], shape: (h, w) => w > 0.5 * h, deciduous: true },
  conifer: { height: [12, 24], shape: (h, w) => h > 1.5 * w, deciduous: false },
  birch: { height: [10, 17], shape: (h, w) => h > 1.5 * w, deciduous: true },
  maple: { height: [9, 15], shape: (h, w) => w > 0.4 * h, deciduous: true },
  palm: { height: [7, 13], shape: (h, w) => h > w, deciduous: false },
  acacia: { height: [5, 9], shape: (h, w) => w > h, deciduous: false },
  twisted: { height: [5, 9], shape: (h, w) => w > 0.5 * h, deciduous: false },
  dead: { height: [5, 12], shape: (h, w) => h > w * 0.8, deciduous: true },
};

describe('createTree', () => {
  for (const kind of TREE_KINDS) {
    for (const season of SEASONS) {
      it(`${kind} in ${season} keeps the asset contract, budgets and size`, () => {
        fc.assert(
          fc.property(seed, fc.double({ min: 0, max: 1, noNaN: true }), (s, snow) => {
            const tree = createTree(kind, s, { season, snow });
            expect(tree.id).toBe(`tree/${kind}/${s}`);
            expect(tree.kind).toBe('tree');
            expect(tree.collider.shape).toBe('capsule');
            expectAssetContract(tree, [...TREE_BUDGETS]);
            const { height, width } = sizeOf(tree);
            const [low, high] = SPECIES[kind].height;
            // Bare crowns stand a little lower than leafy ones (twigs stop short of where leaves would be).
            const bare = SPECIES[kind].deciduous && (season === 'winter' || kind === 'dead');
            expect(height).toBeGreaterThanOrEqual(low - (bare ? 1.3 : 0.3));
            expect(height).toBeLessThanOrEqual(high + 0.3);
            expect(SPECIES[kind].shape(height, width), `${kind} ${height.toFixed(1)} × ${width.toFixed(1)} m`).toBe(true);
          }),
          RUNS,
        );
      });
    }

    it(`${kind}: the same seed gives the same tree, another seed another`, () => {
      fc.assert(
        fc.property(seed, seed, (a, b) => {
          fc.pre(a !== b);
          expect(createTree(kind, a, { season: 'autumn', snow: 0.2 })).toEqual(createTree(kind, a, { season: 'autumn', snow: 0.2 }));
          expect(differs(createTree(kind, a), createTree(kind, b))).toBe(true);
        }),
        { numRuns: 3, seed: 7 },
      );
    });

    it(`${kind}: individuals vary in height`, () => {
      const heights = [1, 2, 3, 4, 5, 6].map((s) => sizeOf(createTree(kind, s)).height);
      expect(Math.max(...heights) - Math.min(...heights)).toBeGreaterThan(0.08 * Math.max(...heights));
    });
  }

  it('a tree is the same tree in every season: only its leaves change', () => {
    for (const kind of TREE_KINDS) {
      const bark = (season: (typeof SEASONS)[number]) => createTree(kind, 42, { season }).lods[0].parts.find((p) => p.material === 'bark');
      expect(bark('autumn')).toEqual(bark('summer'));
      expect(bark('spring')?.positions).toEqual(bark('summer')?.positions);
    }
  });

  it('winter strips deciduous trees to their branches; evergreens keep foliage', () => {
    for (const kind of ['broadleaf', 'maple', 'birch', 'dead'] as const) {
      const tree = createTree(kind, 3, { season: 'winter' });
      for (const lod of tree.lods) expect(lod.parts.map((p) => p.material)).toEqual(['bark']);
    }
    for (const kind of ['conifer', 'palm', 'twisted', 'acacia'] as const) {
      const tree = createTree(kind, 3, { season: 'winter' });
      for (const lod of tree.lods) expect(lod.parts.map((p) => p.material)).toContain('foliage');
    }
  });

  it('autumn maple is redder than summer maple, and autumn broadleaf and birch turn yellow-orange', () => {
    for (const s of [1, 2, 3]) {
      const redness = (season: 'summer' | 'autumn', kind: TreeKind = 'maple') => {
        const [r, g] = meanColor(createTree(kind, s, { season }), 'foliage') as [number, number, number];
        return r - g;
      };
      expect(redness('autumn')).toBeGreaterThan(redness('summer') + 0.1);
      for (const kind of ['broadleaf', 'birch'] as const) {
        const [r, g, b] = meanColor(createTree(kind, s, { season: 'autumn' }), 'foliage') as [number, number, number];
        expect(r).toBeGreaterThan(b * 2);
        expect(r).toBeGreaterThan(g * 0.9);
      }
      // Maple's autumn is the strongest.
      expect(redness('autumn')).toBeGreaterThan(redness('autumn', 'broadleaf'));
    }
  });

  it('snow whitens foliage; a palette colour recolours it', () => {
    const light = (snow: number) => {
      const [r, g, b] = meanColor(createTree('conifer', 9, { season: 'winter', snow }), 'foliage') as [number, number, number];
      return r + g + b;
    };
    expect(light(1)).toBeGreaterThan(light(0) * 2);
    const [r, g, b] = meanColor(createTree('broadleaf', 9, { foliage: '#c03020' }), 'foliage') as [number, number, number];
    expect(r).toBeGreaterThan(g * 2);
    expect(r).toBeGreaterThan(b * 2);
  });

  it('the collider is the trunk: about its radius and as tall as it', () => {
    for (const kind of TREE_KINDS) {
      const tree = createTree(kind, 5);
      if (tree.collider.shape !== 'capsule') throw new Error('capsule expected');
      expect(tree.collider.radius).toBeLessThan(1.5);
      expect(tree.collider.height).toBeGreaterThan(1.5);
    }
  });

  it('refuses options it cannot honour, saying which and why', () => {
    const bad: Array<() => unknown> = [
      () => createTree('oak' as TreeKind, 1),
      () => createTree('conifer', -1),
      () => createTree('conifer', 1.5),
      () => createTree('conifer', 1, { season: 'monsoon' as 'summer' }),
      () => createTree('conifer', 1, { foliage: 'green' }),
      () => createTree('conifer', 1, { snow: 2 }),
      () => createTree('conifer', 1, { snow: Number.NaN }),
    ];
    for (const call of bad) {
      expect(call).toThrow(AssetError);
      try {
        call();
      } catch (error) {
        expect((error as AssetError).code).toBe('ASSET_OPTIONS');
        expect((error as Error).message).toMatch(/createTree/);
      }
    }
  });
});
