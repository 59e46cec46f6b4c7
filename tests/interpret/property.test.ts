/**
 * Whatever string comes in, the interpreter either refuses it with a PromptError of a documented
 * code or returns a spec that parseWorldSpec accepts — never another exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretPrompt, LEXICON, PromptError } from '../../generators/interpret/index.ts';
import { parseWorldSpec } from '../../generators/spec/index.ts';

const REFUSALS_FOR_TEXT = ['PROMPT_EMPTY', 'PROMPT_CONTROL_CHARACTER'];

function checkOutcome(prompt: string, seed?: number): void {
  let result;
  try {
    result = interpretPrompt(prompt, seed === undefined ? undefined : { seed });
  } catch (error) {
    expect(error).toBeInstanceOf(PromptError);
    expect(REFUSALS_FOR_TEXT).toContain((error as PromptError).code);
    return;
  }
  expect(parseWorldSpec(result.input)).toEqual(result.spec);
  expect(result.spec.prompt.length).toBeLessThanOrEqual(2000);
  for (const m of result.explanation.matches) expect(result.explanation.prompt.slice(m.start, m.end)).toBe(m.phrase);
}

const phrases = LEXICON.flatMap((e) => e.phrases);
const glue = [
  'a',
  'the',
  'no',
  'not',
  'very',
  'with',
  'and',
  'or',
  'but',
  ',',
  '.',
  'of',
  'on',
  'at',
  '2',
  '18:30',
  'km',
  'm',
  '99',
  'few',
  'xyzzy',
];
const sentence = fc
  .array(fc.oneof(fc.constantFrom(...phrases), fc.constantFrom(...glue)), { minLength: 1, maxLength: 40 })
  .map((words) => words.join(' '));

describe('interpretPrompt on any string', () => {
  it('random unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => checkOutcome(s)),
      { numRuns: 400 },
    );
  });

  it('random UTF-16 code units, lone surrogates and controls included', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 100 }), (s) => checkOutcome(s)),
      { numRuns: 300 },
    );
  });

  it('random graphemes, emoji and combining marks', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 100 }), (s) => checkOutcome(s)),
      { numRuns: 300 },
    );
  });

  it('random sentences of known words, with any seed: always a valid spec', () => {
    fc.assert(
      fc.property(sentence, fc.integer({ min: 0, max: 0xffffffff }), (s, seed) => {
        const result = interpretPrompt(s, { seed });
        expect(parseWorldSpec(result.input)).toEqual(result.spec);
        expect(result.spec.seed).toBe(seed);
      }),
      { numRuns: 500 },
    );
  });

  it('long random prompts are cut and still valid', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...phrases), { minLength: 400, maxLength: 900 }), (words) => checkOutcome(words.join(' '))),
      { numRuns: 20 },
    );
  });
});
