/**
 * Each named conflict rule: the words that trigger it, the outcome, and the rule in `conflicts`.
 */
import { describe, expect, it } from 'vitest';
import { CONFLICT_RULES, type ConflictRuleId } from '../../generators/interpret/index.ts';
import { dominantBiome, read } from './read-prompt.ts';

function rulesOf(prompt: string): string[] {
  return read(prompt).explanation.conflicts.map((c) => c.rule);
}

function expectRule(prompt: string, id: ConflictRuleId): void {
  expect(rulesOf(prompt)).toContain(CONFLICT_RULES[id].statement);
}

describe('conflict rules', () => {
  it('every rule has a one-line statement', () => {
    for (const rule of Object.values(CONFLICT_RULES)) {
      expect(rule.statement).toMatch(/^\S.*[.)]$/);
      expect(rule.statement).not.toContain('\n');
    }
  });

  it.each(['snowy desert', 'snowy jungle'])('"%s": the biome stays, snow comes as weather and winter', (prompt) => {
    const { spec } = read(prompt);
    expect(dominantBiome(spec)).toBe(prompt.split(' ')[1]);
    expect(spec.biomes.tundra).toBeUndefined();
    expect(spec.weather.kind).toBe('snow');
    expect(spec.time.season).toBe('winter');
    expectRule(prompt, 'climateAdjectiveModifiesBiome');
  });

  it('a climate adjective on its own biome is no conflict', () => {
    expect(rulesOf('a tropical jungle')).toEqual([]);
    expect(read('a snowy plain').spec.biomes.tundra).toBe(1);
  });

  it('"flat … mountains" is a basin', () => {
    const { spec } = read('flat land with mountains');
    expect(spec.terrain.landform).toBe('basin');
    expect(spec.terrain.relief).toBeLessThan(0.15);
    expectRule('flat land with mountains', 'flatPlusMountainsIsBasin');
  });

  it('"no water … river": the river stays, sea and lakes go', () => {
    const prompt = 'no water, only a river through the hills';
    const { water } = read(prompt).spec;
    expect(water.rivers).toBe(1);
    expect([water.sea, water.lakes]).toEqual([0, 0]);
    expectRule(prompt, 'specificBeatsGeneralNegation');
  });

  it('"no vegetation … palm trees" (oasis): the palms stay, the rest goes', () => {
    const prompt = 'an oasis with no vegetation but palm trees';
    const { vegetation, water } = read(prompt).spec;
    expect(vegetation.trees).toBeGreaterThan(0);
    expect(vegetation.treeKinds).toContain('palm');
    expect([vegetation.shrubs, vegetation.grass, vegetation.flowers]).toEqual([0, 0, 0]);
    expect(water.lakes).toBe(1);
    expectRule(prompt, 'specificBeatsGeneralNegation');
  });

  it('"no buildings … a tower": the tower stays', () => {
    const prompt = 'no buildings except a lone tower';
    expect(read(prompt).spec.structures.map((s) => s.type)).toEqual(['tower']);
    expectRule(prompt, 'specificBeatsGeneralNegation');
  });

  it('two times of day: the last wins', () => {
    const prompt = 'a village at dawn, then at dusk';
    expect(read(prompt).spec.time.hour).toBe(19.2);
    expectRule(prompt, 'lastTimeOfDayWins');
    expect(read('at 18:30, at noon').spec.time.hour).toBe(12);
  });

  it('two weathers: the later wins', () => {
    const prompt = 'snow, then a storm';
    expect(read(prompt).spec.weather.kind).toBe('storm');
    expectRule(prompt, 'laterWeatherWins');
    // The intensity, wind and clouds that come with each kind follow it without a second report.
    expect(rulesOf(prompt)).toHaveLength(1);
  });

  it('fog and mist combine with any kind', () => {
    const prompt = 'rain in thick fog';
    const { weather } = read(prompt).spec;
    expect(weather.kind).toBe('rain');
    expect(weather.fog).toBeGreaterThan(0.8);
    expectRule(prompt, 'fogCombinesWithWeather');
    expect(read('fog').spec.weather.kind).toBe('fog');
  });

  it('"no trees" in a forest: trees 0, the biome kept for its ground', () => {
    const prompt = 'a pine forest with no trees';
    const { spec } = read(prompt);
    expect(spec.vegetation.trees).toBe(0);
    expect(dominantBiome(spec)).toBe('taiga');
    expect(spec.vegetation.shrubs).toBe('auto');
    expectRule(prompt, 'noTreesKeepsForestGround');
  });

  it('equal words: the later wins, and says so', () => {
    const prompt = 'windy hills, then calm';
    expect(read(prompt).spec.weather.wind).toBeCloseTo(0.1);
    expectRule(prompt, 'laterMentionWins');
  });

  it('a stated amount beats a bare mention', () => {
    const prompt = 'a forest of few trees';
    expect(read(prompt).spec.vegetation.trees).toBeLessThan(0.3);
    expectRule(prompt, 'statedAmountBeatsBareMention');
  });

  it('a waterfall needs a river', () => {
    const prompt = 'a waterfall but no rivers';
    const { water } = read(prompt).spec;
    expect([water.rivers, water.waterfalls]).toEqual([0, 0]);
    expectRule(prompt, 'waterfallNeedsRiver');
  });

  it('a negation beats a mention of the same thing', () => {
    expectRule('a tower and no towers', 'negationBeatsMention');
  });

  it('counts are capped', () => {
    const prompt = '99 rivers';
    expect(read(prompt).spec.water.rivers).toBe(8);
    expectRule(prompt, 'tooMany');
  });

  it('stronger words win without a conflict: a noun beats an adjective, a negation beats both', () => {
    expect(read('a rugged plain').spec.terrain.relief).toBeCloseTo(0.6);
    expect(read('a forest, no trees').spec.vegetation.trees).toBe(0);
    expect(read('three rivers and a river').spec.water.rivers).toBe(3);
  });
});
