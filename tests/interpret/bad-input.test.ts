import { describe, expect, it } from 'vitest';
import { interpretPrompt, MAX_PROMPT_CHARS, PromptError } from '../../generators/interpret/index.ts';
import { WorldsmithError } from '../../generators/worldsmith-error.ts';

function refusal(input: unknown, options?: unknown): PromptError {
  try {
    interpretPrompt(input, options as { seed?: number });
  } catch (error) {
    expect(error).toBeInstanceOf(PromptError);
    expect(error).toBeInstanceOf(WorldsmithError);
    return error as PromptError;
  }
  throw new Error(`expected ${String(input)} to be refused`);
}

describe('input that is not a prompt', () => {
  it.each([
    ['a number', 42],
    ['an object', { prompt: 'a forest' }],
    ['null', null],
    ['undefined', undefined],
    ['an array', ['a forest']],
    ['a Buffer', Buffer.from('a forest')],
    ['a Uint8Array', new Uint8Array([97])],
    ['a boolean', true],
  ])('refuses %s with PROMPT_NOT_TEXT and says what to pass', (_name, input) => {
    const error = refusal(input);
    expect(error.code).toBe('PROMPT_NOT_TEXT');
    expect(error.message).toMatch(/must be text/);
    expect(error.message).toMatch(/interpretPrompt\("/);
  });

  it('tells a caller with bytes how to decode them', () => {
    expect(refusal(Buffer.from('a forest')).message).toMatch(/toString\("utf8"\)/);
  });

  it.each([
    ['empty', ''],
    ['spaces', '     '],
    ['tabs and newlines', '\t\n\r\n  \t'],
    ['zero-width characters', '\u200b\u200b\ufeff'],
    ['unicode spaces', '\u3000\u00a0\u2003'],
  ])('refuses %s with PROMPT_EMPTY and gives an example', (_name, input) => {
    const error = refusal(input);
    expect(error.code).toBe('PROMPT_EMPTY');
    expect(error.message).toMatch(/e\.g\. "/);
  });

  it.each([
    ['BEL', 'a misty\u0007 valley', 'U+0007', 7],
    ['escape', '\u001b[31mred hills', 'U+001B', 0],
    ['DEL', 'a forest\u007f', 'U+007F', 8],
    ['a C1 control', 'dunes\u0085here', 'U+0085', 5],
  ])('refuses %s with PROMPT_CONTROL_CHARACTER naming the code point and index', (_name, input, codePoint, index) => {
    const error = refusal(input);
    expect(error.code).toBe('PROMPT_CONTROL_CHARACTER');
    expect(error.message).toContain(codePoint);
    expect(error.message).toContain(`index ${index}`);
    expect(error.message).toMatch(/remove control characters/);
  });

  it('refuses NUL', () => {
    const error = refusal('a forest\u0000 at dawn');
    expect(error.code).toBe('PROMPT_CONTROL_CHARACTER');
    expect(error.message).toMatch(/NUL character at index 8/);
  });

  it('refuses U+FFFD, the mark of bytes that were not UTF-8, and says to re-save', () => {
    const error = refusal(Buffer.from([0x61, 0x20, 0xff, 0x20, 0x62]).toString('utf8'));
    expect(error.code).toBe('PROMPT_CONTROL_CHARACTER');
    expect(error.message).toMatch(/U\+FFFD at index 2/);
    expect(error.message).toMatch(/UTF-8/);
  });

  it('refuses a lone surrogate', () => {
    const error = refusal('a forest \ud83c');
    expect(error.code).toBe('PROMPT_CONTROL_CHARACTER');
    expect(error.message).toMatch(/lone surrogate U\+D83C at index 9/);
  });

  it('accepts tab, newline and carriage return, and whole surrogate pairs', () => {
    const { spec } = interpretPrompt('a misty\tpine valley\r\nwith a river 🌲 at dawn');
    expect(spec.time.hour).toBe(6);
    expect(spec.prompt).toBe('a misty pine valley with a river 🌲 at dawn');
  });

  it.each([[-1], [1.5], [2 ** 32], [Number.NaN], [Number.POSITIVE_INFINITY], ['7']])('refuses the seed %s with PROMPT_BAD_SEED', (seed) => {
    const error = refusal('a forest', { seed });
    expect(error.code).toBe('PROMPT_BAD_SEED');
    expect(error.message).toMatch(/0 to 4294967295/);
  });

  it('refuses options that are not an object', () => {
    expect(refusal('a forest', 7).code).toBe('PROMPT_BAD_OPTIONS');
  });
});

describe('long prompts', () => {
  it('reads the first 2000 characters of a 100 000-character prompt, cut at a word, with a note', () => {
    const long = 'a misty pine valley with a ruined tower '.repeat(2600).slice(0, 100_000);
    const { spec, explanation } = interpretPrompt(long);
    expect(spec.prompt.length).toBeLessThanOrEqual(MAX_PROMPT_CHARS);
    expect(long.startsWith(spec.prompt)).toBe(true);
    expect(long[spec.prompt.length]).toBe(' ');
    expect(explanation.prompt).toBe(spec.prompt);
    expect(explanation.notes.join(' ')).toMatch(/\d{5} characters long; only the first \d+ were read/);
    expect(spec.structures.length).toBeGreaterThan(0);
  });

  it('cuts a 100 000-character word at the limit and says so', () => {
    const { spec, explanation } = interpretPrompt('x'.repeat(100_000));
    expect(spec.prompt).toHaveLength(MAX_PROMPT_CHARS);
    expect(explanation.notes[0]).toMatch(/cut inside a word/);
  });

  it('never cuts a surrogate pair in half', () => {
    const { spec } = interpretPrompt(`a${'🌲'.repeat(5000)}`);
    expect(spec.prompt).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('keeps a prompt of exactly 2000 characters whole', () => {
    const exact = `${'forest '.repeat(285)}hills`.slice(0, 2000);
    const { explanation } = interpretPrompt(exact);
    expect(explanation.notes).toEqual([]);
  });
});

describe('unicode', () => {
  it('normalises with NFKC, lower-cases and folds accents', () => {
    const { explanation, spec } = interpretPrompt('ＲＥＤ Sandstone MESAS at Midday, an old Château, ﬁeld');
    expect(explanation.prompt).toBe('red sandstone mesas at midday, an old chateau, field');
    expect(spec.palette.colors.rock).toBeDefined();
    expect(spec.time.hour).toBe(12);
    expect(spec.structures[0]).toMatchObject({ type: 'castle', condition: 'weathered' });
    expect(explanation.unused).toEqual([]);
  });

  it('reads curly apostrophes as straight ones', () => {
    expect(interpretPrompt('a village at 6 o’clock').spec.time.hour).toBe(6);
  });

  it('reports offsets into the text it read', () => {
    const { explanation } = interpretPrompt('A  Misty   VALLEY');
    for (const m of explanation.matches) expect(explanation.prompt.slice(m.start, m.end)).toBe(m.phrase);
    for (const u of explanation.unused) expect(explanation.prompt.slice(u.start, u.start + u.word.length)).toBe(u.word);
  });

  it('lists words of other scripts as unused rather than failing', () => {
    const { explanation } = interpretPrompt('森 a forest 山');
    expect(explanation.unused.map((u) => u.word)).toEqual(['森', '山']);
  });
});
