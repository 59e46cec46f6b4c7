/**
 * The shape of an Interpretation: spec, input and explanation tell one story.
 */
import { describe, expect, it } from 'vitest';
import { formatExplanation, interpretPrompt } from '../../generators/interpret/index.ts';
import { parseWorldSpec } from '../../generators/spec/index.ts';

const PROMPT = 'a volcanic island with black sand beaches and a smoking crater at dusk, two knights, no trees';

describe('interpretation', () => {
  const result = interpretPrompt(PROMPT);

  it('the spec is the input completed by parseWorldSpec, and carries the cleaned prompt', () => {
    expect(parseWorldSpec(result.input)).toEqual(result.spec);
    expect(result.spec.prompt).toBe(PROMPT);
    expect(result.input.prompt).toBe(PROMPT);
  });

  it('the input holds only what the prompt set', () => {
    const bare = interpretPrompt('hello');
    expect(bare.input).toEqual({ seed: bare.spec.seed, prompt: 'hello' });
    expect(bare.explanation.unused).toEqual([{ word: 'hello', start: 0 }]);
  });

  it('matches name their words by offset, concept and the fields they set', () => {
    for (const m of result.explanation.matches) expect(result.explanation.prompt.slice(m.start, m.end)).toBe(m.phrase);
    const black = result.explanation.matches.find((m) => m.phrase === 'black');
    expect(black).toMatchObject({ concept: 'colour:black', sets: [{ path: '/palette/colors/sand', value: '#1c1c1e' }] });
    const knights = result.explanation.matches.find((m) => m.phrase === 'knights');
    expect(knights?.sets).toEqual([
      { path: '/characters/-', value: { id: 'knight', archetype: 'knight' } },
      { path: '/characters/-', value: { id: 'knight-2', archetype: 'knight' } },
    ]);
    const trees = result.explanation.matches.find((m) => m.phrase === 'trees');
    expect(trees?.sets).toEqual([{ path: '/vegetation/trees', value: 0 }]);
  });

  it('implied settings say which concept implied them, and only those that held', () => {
    const implied = Object.fromEntries(result.explanation.implied.map((i) => [i.path, i]));
    expect(implied['/water/sea']).toEqual({ path: '/water/sea', value: 0.5, because: 'the landform is island' });
    expect(implied['/rocks/density']).toEqual({
      path: '/rocks/density',
      value: 'auto',
      because: 'natural for each biome (volcanic is the main biome: 0.8)',
    });
    expect(implied['/vegetation/trees']).toBeUndefined(); // "no trees" beat the volcanic default
    for (const i of result.explanation.implied) {
      if (!i.path.startsWith('/structures/')) expect(i.value).toEqual(valueAt(result.spec, i.path));
    }
  });

  it('formats a readable account', () => {
    const text = formatExplanation(result.explanation);
    expect(text).toContain(`Prompt: "${PROMPT}"`);
    expect(text).toMatch(/Seed: {3}\d+ \(from the prompt's hash/);
    expect(text).toContain('"black" (colour:black) → /palette/colors/sand = #1c1c1e');
    expect(text).toContain('Implied (any word overrides these):');
    expect(text).toContain('/water/sea = 0.5  — the landform is island');
    expect(formatExplanation(interpretPrompt('hello, rice paddies', { seed: 3 }).explanation)).toMatch(
      /Not understood: hello\n|Not understood: hello$/,
    );
  });

  it('formats conflicts and notes', () => {
    const text = formatExplanation(interpretPrompt(`snowy desert ${'x '.repeat(1100)}`).explanation);
    expect(text).toContain('Conflicts settled:');
    expect(text).toContain('Notes:');
  });
});

function valueAt(spec: unknown, path: string): unknown {
  const parts = path.split('/').slice(1);
  let node: unknown = spec;
  for (const part of parts) {
    if (Array.isArray(node)) return node.includes(part);
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
