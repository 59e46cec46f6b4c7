import { describe, expect, it } from 'vitest';
import { resolveCover } from '../../generators/biomes/natural-cover.ts';
import { parseWorldSpec } from '../../generators/spec/index.ts';

describe('cover levels', () => {
  it('default to "auto", accept 0..1, refuse anything else', () => {
    const spec = parseWorldSpec({ seed: 1 });
    expect(spec.vegetation.trees).toBe('auto');
    expect(spec.rocks.density).toBe('auto');
    expect(parseWorldSpec({ seed: 1, vegetation: { trees: 0.3 } }).vegetation.trees).toBe(0.3);
    expect(() => parseWorldSpec({ seed: 1, vegetation: { trees: 'lots' } })).toThrow(/\/vegetation\/trees.*a number from 0 to 1 or exactly "auto"/);
    expect(() => parseWorldSpec({ seed: 1, vegetation: { grass: 2 } })).toThrow(/\/vegetation\/grass/);
  });

  it('"auto" is each biome\'s natural cover; a number is the same everywhere', () => {
    expect(resolveCover('auto', 'trees', 'desert')).toBeLessThan(resolveCover('auto', 'trees', 'jungle'));
    expect(resolveCover('auto', 'rocks', 'volcanic')).toBeGreaterThan(resolveCover('auto', 'rocks', 'swamp'));
    expect(resolveCover(0.25, 'trees', 'desert')).toBe(0.25);
    expect(resolveCover(0.25, 'trees', 'jungle')).toBe(0.25);
  });
});
