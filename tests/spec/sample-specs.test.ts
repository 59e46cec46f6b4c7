import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWorldSpec } from '../../generators/spec/index.ts';

const DIR = join(import.meta.dirname, '../../samples/specs');

describe('samples/specs', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

  it('has sample specs', () => expect(files.length).toBeGreaterThan(0));

  it.each(files)('%s is a complete, valid WorldSpec', (file) => {
    const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    // Complete: parsing adds nothing, so the file shows every field a designer can edit.
    expect(parseWorldSpec(raw, { source: file })).toEqual(raw);
  });
});
