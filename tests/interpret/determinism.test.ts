import { describe, expect, it } from 'vitest';
import { interpretPrompt } from '../../generators/interpret/index.ts';
import { seedFromText } from '../../generators/seed/derive-seed.ts';

const PROMPT = 'a misty pine valley with a river and a ruined watchtower at dawn';

describe('determinism', () => {
  it('same prompt and seed: deep-equal output', () => {
    expect(interpretPrompt(PROMPT, { seed: 7 })).toEqual(interpretPrompt(PROMPT, { seed: 7 }));
  });

  it('the seed changes only the seed', () => {
    const a = interpretPrompt(PROMPT, { seed: 1 });
    const b = interpretPrompt(PROMPT, { seed: 2 });
    expect({ ...a.spec, seed: 0 }).toEqual({ ...b.spec, seed: 0 });
    expect(a.explanation.seed).toEqual({ value: 1, source: 'option' });
  });

  it('accepts the whole seed range', () => {
    expect(interpretPrompt(PROMPT, { seed: 0 }).spec.seed).toBe(0);
    expect(interpretPrompt(PROMPT, { seed: 4294967295 }).spec.seed).toBe(4294967295);
  });

  it('without a seed, the seed is the hash of the cleaned prompt, and stable', () => {
    const first = interpretPrompt(PROMPT);
    expect(first.explanation.seed).toEqual({ value: seedFromText(PROMPT), source: 'prompt-hash' });
    expect(first.spec.seed).toBe(seedFromText(PROMPT));
    // Pinned: a change here changes every world made from a bare prompt.
    expect(first.spec.seed).toBe(16508072);
    expect(interpretPrompt(PROMPT)).toEqual(first);
  });

  it('the hash is of the cleaned text: case and spacing do not change the world', () => {
    expect(interpretPrompt('  A Misty  Pine VALLEY ').spec).toEqual(interpretPrompt('a misty pine valley').spec);
    expect(interpretPrompt('a misty pine valley').spec.seed).not.toBe(interpretPrompt('a misty oak valley').spec.seed);
  });

  it('word order inside a list does not change the lists it builds', () => {
    const a = interpretPrompt('a volcano with dunes and terraces').spec.terrain.features;
    const b = interpretPrompt('terraces, dunes and a volcano').spec.terrain.features;
    expect(a).toEqual(b);
  });
});
