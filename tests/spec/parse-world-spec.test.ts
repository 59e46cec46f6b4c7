import { describe, expect, it } from 'vitest';
import { parseWorldSpec, SpecError, worldSpecJsonSchema, type SpecIssue } from '../../generators/spec/index.ts';

function issuesOf(input: unknown): SpecIssue[] {
  try {
    parseWorldSpec(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return [...(error as SpecError).issues];
  }
  throw new Error('expected a SpecError');
}

describe('parseWorldSpec', () => {
  it('fills every default from a seed alone', () => {
    const spec = parseWorldSpec({ seed: 5 });
    expect(spec.version).toBe(1);
    expect(spec.size).toEqual({ width: 512, depth: 512, cellSize: 1 });
    expect(spec.terrain.landform).toBe('open');
    expect(spec.biomes).toEqual({ 'temperate-forest': 1 });
    expect(spec.water.sea).toBe(0);
    expect(spec.gameplay.pointsOfInterest).toEqual([]);
  });

  it('keeps a given object whole instead of merging its default into it', () => {
    expect(parseWorldSpec({ seed: 1, biomes: { desert: 1 } }).biomes).toEqual({ desert: 1 });
    const palette = parseWorldSpec({ seed: 1, palette: { colors: { sand: '#101010' } } }).palette;
    expect(palette.colors).toEqual({ sand: '#101010' });
    expect(palette.mood).toBe('neutral');
  });

  it('fills defaults inside list items', () => {
    const spec = parseWorldSpec({ seed: 1, structures: [{ type: 'tower' }] });
    expect(spec.structures[0]).toEqual({ type: 'tower', count: 1, condition: 'intact', material: 'auto', placement: 'auto' });
  });

  it('requires the seed', () => {
    const issues = issuesOf({});
    expect(issues).toEqual([expect.objectContaining({ path: '/seed', problem: 'required field is missing' })]);
  });

  it('names every bad field by JSON path, with the value and what is allowed', () => {
    const issues = issuesOf({
      seed: -1,
      terrain: { relief: 2, landform: 'iland' },
      terain: {},
      biomes: { mars: 1 },
      size: { width: 0 },
      structures: [{ type: 'tower', count: 0 }],
    });
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(Object.keys(byPath).sort()).toEqual(
      ['/biomes/mars', '/seed', '/size/width', '/structures/0/count', '/terain', '/terrain/landform', '/terrain/relief'].sort(),
    );
    expect(byPath['/terrain/relief']).toMatchObject({ value: 2, problem: 'too large', allowed: 'a number from 0 to 1' });
    expect(byPath['/terrain/landform'].problem).toContain('did you mean "island"');
    expect(byPath['/terain'].problem).toContain('did you mean "terrain"');
    expect(byPath['/size/width'].allowed).toBe('a number from 16 to 8192');
    expect(byPath['/biomes/mars'].allowed).toContain('temperate-forest');
  });

  it('refuses a world of 0 m, NaN and non-objects', () => {
    expect(issuesOf({ seed: 1, size: { width: 0, depth: 0 } }).map((i) => i.path)).toEqual(['/size/width', '/size/depth']);
    expect(issuesOf({ seed: 1, terrain: { relief: Number.NaN } })[0].path).toBe('/terrain/relief');
    expect(issuesOf([1, 2])[0]).toMatchObject({ path: '', problem: 'a WorldSpec must be a JSON object' });
    expect(issuesOf(null)[0].path).toBe('');
  });

  it('checks rules that span fields', () => {
    const issues = issuesOf({
      seed: 1,
      size: { width: 8000, cellSize: 0.5 },
      biomes: { desert: 0 },
      water: { waterfalls: 1 },
      gameplay: { spawn: { x: 9000, z: 0 }, pointsOfInterest: [{ id: 'a' }, { id: 'a' }] },
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('/size/cellSize');
    expect(paths).toContain('/biomes');
    expect(paths).toContain('/water/waterfalls');
    expect(paths).toContain('/gameplay/spawn');
    expect(paths).toContain('/gameplay/pointsOfInterest/1/id');
    expect(issues.find((i) => i.path === '/size/cellSize')!.allowed).toContain('at least 1.954 m');
  });

  it('says what to do in its message', () => {
    expect(() => parseWorldSpec({ seed: 1, terrain: { relief: 3 } }, { source: 'my.json' })).toThrow(
      /Invalid WorldSpec in my.json: 1 problem\n {2}\/terrain\/relief: too large \(got 3\); allowed: a number from 0 to 1\nFix the fields above/,
    );
  });
});

describe('worldSpecJsonSchema', () => {
  it('is a JSON Schema where only the seed is required', () => {
    const schema = worldSpecJsonSchema() as { required: string[]; properties: Record<string, { required?: string[]; default?: unknown }> };
    expect(schema.required).toEqual(['seed']);
    expect(schema.properties.terrain.required ?? []).toEqual([]);
    expect(schema.properties.terrain.default).toEqual({});
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
