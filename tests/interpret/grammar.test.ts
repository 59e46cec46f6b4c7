import { BIOME_TABLE } from '../../generators/biomes/biome-table.ts';
import type { Biome, WorldSpec } from '../../generators/spec/index.ts';
/**
 * Plurals, negation and its scope, intensity and what it binds to.
 */
import { describe, expect, it } from 'vitest';
import { conceptsOf, read, unusedWords, level } from './read-prompt.ts';

describe('plurals', () => {
  it.each([
    ['trees', 'plants:trees'],
    ['tree', 'plants:trees'],
    ['cliffs', 'relief:cliffs'],
    ['mesas', 'biome:canyon'],
    ['beaches', 'biome:coast'],
    ['ruins', 'structure:ruins'],
    ['berries', 'plants:shrubs'],
    ['wolves', 'unsupported:wildlife'],
    ['leaves', 'plants:foliage'],
    ['marshes', 'biome:swamp'],
    ['cottages', 'structure:house'],
    ['sentries', 'character:soldier'],
    ['children', 'character:child'],
  ])('"%s" reads as %s', (word, concept) => {
    const i = read(word);
    expect(conceptsOf(i)).toEqual([concept]);
    expect(unusedWords(i)).toEqual([]);
  });

  it('a plural listed on purpose keeps its own meaning', () => {
    expect(conceptsOf(read('woods'))).toEqual(['biome:temperate-forest']);
    expect(conceptsOf(read('falls'))).toEqual(['water:waterfall']);
    expect(read('islands').spec.terrain.landform).toBe('archipelago');
    expect(read('an island').spec.terrain.landform).toBe('island');
  });

  it('says that animals are understood but not in WorldSpec', () => {
    expect(read('wolves').explanation.matches[0].note).toMatch(/no wildlife/);
  });
});

describe('negation', () => {
  it('"no trees" → no trees', () => {
    expect(read('hills with no trees').spec.vegetation.trees).toBe(0);
  });

  it('"without water" → no water of any kind', () => {
    const { water } = read('an island without water').spec;
    expect([water.rivers, water.lakes, water.waterfalls]).toEqual([0, 0, 0]);
  });

  it('"not snowy" rules snow out', () => {
    const { spec } = read('mountains, not snowy');
    expect(spec.weather.kind).not.toBe('snow');
    expect(spec.time.season).not.toBe('winter');
    expect(spec.biomes.tundra).toBeUndefined();
  });

  it('"no trees or water" negates both', () => {
    const { spec } = read('a valley with no trees or water');
    expect(spec.vegetation.trees).toBe(0);
    expect(spec.water.rivers).toBe(0);
    expect(spec.water.lakes).toBe(0);
  });

  it('"neither trees nor grass" negates both', () => {
    const { vegetation } = read('neither trees nor grass').spec;
    expect([vegetation.trees, vegetation.grass]).toEqual([0, 0]);
  });

  it('a list after a comma stays negated while it runs to "or"', () => {
    const { vegetation } = read('a plain with no trees, shrubs or grass').spec;
    expect([vegetation.trees, vegetation.shrubs, vegetation.grass]).toEqual([0, 0, 0]);
  });

  it.each([
    ['no trees but a river', 'but'],
    ['no trees with a lake', 'with'],
    ['no trees, a lake', 'a comma'],
    ['no trees and a lake', '"and a"'],
    ['no trees. a lake', 'a full stop'],
    ['no trees in thick fog by a lake', 'a preposition'],
  ])('"%s": the scope ends at %s', (prompt) => {
    const { spec } = read(prompt);
    expect(spec.vegetation.trees).toBe(0);
    expect(spec.water.rivers + spec.water.lakes).toBeGreaterThanOrEqual(1);
  });

  it('an adjective inside a negation describes the noun that is negated', () => {
    const { spec } = read('a valley with no snowy peaks');
    expect(spec.biomes.mountains ?? 0).toBe(0);
    expect(spec.weather.kind).not.toBe('snow');
  });

  it('"no towers" removes towers; "no buildings" names none', () => {
    expect(read('a ruined tower, no towers').spec.structures).toEqual([]);
    expect(read('a valley, no buildings').spec.structures).toEqual([]);
  });

  it('"no paths"', () => {
    expect(read('a forest with no paths').spec.gameplay.paths).toBe(false);
  });

  it('"not flat" rules flatness out rather than setting relief to 0', () => {
    expect(read('not flat').spec.terrain.relief).toBeGreaterThan(0.3);
  });

  it('a negation of what WorldSpec cannot hold says so', () => {
    const { explanation } = read('no wolves');
    expect(explanation.matches.find((m) => m.phrase === 'wolves')?.note).toMatch(/nothing in WorldSpec to rule out/);
  });
});

describe('intensity', () => {
  /** Trees as a number: "auto" reads as the main biome's natural cover. */
  const trees = (prompt: string) => {
    const { spec } = read(prompt);
    const value = spec.vegetation.trees;
    return value === 'auto' ? BIOME_TABLE[dominant(spec)].cover.trees : value;
  };

  it('orders the amounts: very sparse < sparse < bare < dense < very dense', () => {
    const amounts = ['very sparse forest', 'sparse forest', 'forest', 'dense forest', 'very dense forest'].map(trees);
    expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
    expect(new Set(amounts).size).toBe(amounts.length);
  });

  it.each([
    ['few', 'scattered', 'trees'],
    ['slightly', '', 'hilly hills'],
  ])('"%s" and "%s" thin what they bind to', (a, b, noun) => {
    if (noun === 'trees') {
      expect(trees(`${a} trees`)).toBeLessThan(0.3);
      expect(trees(`${b} trees`)).toBeLessThan(0.3);
    } else {
      expect(read(`${a} hilly hills`).spec.terrain.relief).toBeLessThan(read('hilly hills').spec.terrain.relief);
    }
  });

  it('weather: light rain < rain < heavy rain; heavy snowfall is strong; thick fog is thick', () => {
    const intensity = (p: string) => read(p).spec.weather.intensity;
    expect(intensity('light rain')).toBeCloseTo(0.25);
    expect(intensity('light rain')).toBeLessThan(intensity('rain'));
    expect(intensity('rain')).toBeLessThan(intensity('heavy rain'));
    expect(intensity('heavy snowfall')).toBeGreaterThanOrEqual(0.85);
    expect(read('thick fog').spec.weather.fog).toBeCloseTo(0.85, 1);
    expect(read('very thick fog').spec.weather.fog).toBeGreaterThan(read('thick fog').spec.weather.fog);
  });

  it('binds to the thing with an amount at the end of its noun phrase', () => {
    const { spec, explanation } = read('scattered acacia trees');
    expect(spec.vegetation.trees).toBeLessThan(0.2);
    expect(explanation.matches.find((m) => m.phrase === 'scattered')?.note).toMatch(/applies to "trees"/);
  });

  it('an adverb binds to the adjective right after it', () => {
    expect(read('slightly hilly grassland').spec.vegetation.grass).toEqual(read('hilly grassland').spec.vegetation.grass);
    expect(read('slightly hilly grassland').spec.terrain.relief).toBeLessThan(read('hilly grassland').spec.terrain.relief);
    expect(read('a bit foggy').spec.weather.fog).toBeLessThan(read('foggy').spec.weather.fog);
    expect(read('extremely rugged').spec.terrain.roughness).toBeGreaterThan(read('rugged').spec.terrain.roughness);
  });

  it('falls back to the term right before it', () => {
    expect(read('trees sparse and twisted').spec.vegetation.trees).toBeLessThan(0.3);
    expect(read('a river winding through hills').spec.water.meander).toBeGreaterThanOrEqual(0.8);
  });

  it('on a whole biome it thins every plant, after everything else', () => {
    const sparse = read('a sparse tundra plain with few dead trees').spec.vegetation;
    const verySparse = read('a very sparse tundra plain with few dead trees').spec.vegetation;
    expect(level(verySparse.trees)).toBeLessThan(level(sparse.trees));
    expect(read('a tundra plain').spec.vegetation.grass).toBe('auto');
    expect(verySparse.grass).toBeLessThan(BIOME_TABLE.tundra.cover.grass);
  });

  it('vague quantities bound to an amount act as intensities', () => {
    expect(trees('a few trees')).toBeLessThan(trees('trees'));
    expect(trees('lots of trees')).toBeGreaterThan(trees('trees'));
  });

  it('does not undo a stated amount that went the other way', () => {
    expect(trees('a lush jungle with few trees')).toBeLessThan(0.3);
  });

  it('an intensity with nothing to bind says so', () => {
    expect(read('very').explanation.matches[0].note).toMatch(/nothing with an amount/);
  });
});

function dominant(spec: WorldSpec): Biome {
  return (Object.entries(spec.biomes) as Array<[Biome, number]>).sort((a, b) => b[1] - a[1])[0][0];
}
