import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CharacterError, designCharacter, type CharacterIdentity } from '../../generators/characters/index.ts';
import { CHARACTER_ARCHETYPES } from '../../generators/spec/world-spec-schema.ts';

const who = (archetype: CharacterIdentity['archetype'], identitySeed: number, traits?: string[]): CharacterIdentity => ({ id: archetype, archetype, identitySeed, traits });
const seeds = Array.from({ length: 40 }, (_, i) => i * 7919 + 3);

describe('designCharacter', () => {
  it('gives the same person for the same identity, whatever the id', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHARACTER_ARCHETYPES), fc.integer({ min: 0, max: 0xffffffff }), (archetype, seed) => {
        const a = designCharacter(who(archetype, seed));
        const b = designCharacter({ ...who(archetype, seed), id: 'someone-else', name: 'Ada' });
        expect({ ...b, id: a.id }).toEqual(a);
      }),
      { numRuns: 40, seed: 1 },
    );
  });

  it('gives different looks for different seeds', () => {
    for (const archetype of CHARACTER_ARCHETYPES) {
      const looks = new Set(seeds.map((s) => JSON.stringify({ ...designCharacter(who(archetype, s)), identitySeed: 0 })));
      expect(looks.size, archetype).toBe(seeds.length);
      const skins = new Set(seeds.map((s) => designCharacter(who(archetype, s)).colors.skin));
      expect(skins.size, archetype).toBeGreaterThan(20);
    }
  });

  it('keeps heights human: adults 1.55–1.95 m, children 1.1–1.3 m', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHARACTER_ARCHETYPES), fc.integer({ min: 0, max: 0xffffffff }), (archetype, seed) => {
        const d = designCharacter(who(archetype, seed));
        const [lo, hi] = archetype === 'child' ? [1.1, 1.3] : [1.55, 1.95];
        expect(d.proportions.height).toBeGreaterThanOrEqual(lo);
        expect(d.proportions.height).toBeLessThanOrEqual(hi);
        const p = d.proportions;
        expect(p.ankleHeight).toBeLessThan(p.kneeHeight);
        expect(p.kneeHeight).toBeLessThan(p.hipHeight);
        expect(p.hipHeight + p.torsoLength + p.headRadii[1] * 2).toBeLessThan(p.height);
      }),
      { numRuns: 200, seed: 2 },
    );
  });

  it('dresses each archetype as itself', () => {
    const designs = (a: CharacterIdentity['archetype']) => seeds.map((s) => designCharacter(who(a, s)));
    const share = (a: CharacterIdentity['archetype'], test: (d: ReturnType<typeof designCharacter>) => boolean) => designs(a).filter(test).length / seeds.length;
    expect(share('knight', (d) => d.garment.kind === 'armour')).toBe(1);
    expect(share('knight', (d) => d.headwear === 'helmet' || d.headwear === 'great-helm')).toBeGreaterThan(0.75);
    expect(share('wizard', (d) => d.headwear === 'pointed-hat')).toBeGreaterThan(0.6);
    expect(share('wizard', (d) => d.garment.kind === 'robe')).toBe(1);
    expect(share('monk', (d) => d.garment.kind === 'robe')).toBe(1);
    expect(share('soldier', (d) => d.headwear === 'helmet')).toBeGreaterThan(0.75);
    expect(share('explorer', (d) => d.headwear === 'wide-hat')).toBeGreaterThan(0.5);
    expect(share('merchant', (d) => d.headwear === 'merchant-hat')).toBeGreaterThan(0.5);
    expect(share('keeper', (d) => d.cloak !== null)).toBe(1);
    expect(share('wanderer', (d) => d.cloak !== null)).toBeGreaterThan(0.75);
    expect(share('hunter', (d) => d.headwear === 'hood')).toBeGreaterThan(0.4);
    expect(share('child', (d) => d.child && d.beard === 'none')).toBe(1);
    // Archetypes differ in dress on the same seed.
    const kinds = new Set(CHARACTER_ARCHETYPES.map((a) => `${designCharacter(who(a, 5)).garment.kind}/${designCharacter(who(a, 5)).headwear}`));
    expect(kinds.size).toBeGreaterThan(5);
  });

  it('lets trait words pin a look', () => {
    for (const s of seeds.slice(0, 10)) {
      const plain = designCharacter(who('villager', s));
      const red = designCharacter(who('villager', s, ['she', 'red cloak', 'hooded', 'tall']));
      expect(red.cloak).not.toBeNull();
      expect(red.colors.cloak).toBe('#a8432f');
      expect(red.headwear).toBe('hood');
      expect(red.body).toBe('feminine');
      expect(red.proportions.height).toBeGreaterThan(designCharacter(who('villager', s, ['she'])).proportions.height);
      // Pinning one aspect leaves the others as the seed drew them.
      expect(red.colors.skin).toBe(plain.colors.skin);
      expect(red.colors.primary).toBe(plain.colors.primary);
      expect(red.notes.length).toBeGreaterThan(0);
      expect(designCharacter(who('monk', s, ['bearded', 'he'])).beard).not.toBe('none');
      expect(designCharacter(who('soldier', s, ['in blue'])).colors.primary).toBe('#3a6ea5');
      expect(designCharacter(who('knight', s, ['short'])).proportions.height).toBeLessThan(designCharacter(who('knight', s)).proportions.height + 1e-9);
    }
  });

  it('refuses identities it cannot make, saying what to change', () => {
    expect(() => designCharacter({ id: 'x', archetype: 'pirate' as never, identitySeed: 1 })).toThrow(CharacterError);
    expect(() => designCharacter({ id: 'x', archetype: 'knight', identitySeed: -1 })).toThrow(/identitySeed -1/);
    expect(() => designCharacter({ id: 'x', archetype: 'knight', identitySeed: 1.5 })).toThrow(CharacterError);
    expect(() => designCharacter({ id: 'x', archetype: 'knight', identitySeed: 1, traits: 'tall' as never })).toThrow(/traits/);
  });
});
