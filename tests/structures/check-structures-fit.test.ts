import { describe, expect, it } from 'vitest';
import { parseWorldSpec, type WorldSpecInput } from '../../generators/spec/index.ts';
import { checkStructuresFit } from '../../generators/structures/index.ts';

const spec = (input: Partial<WorldSpecInput>) => parseWorldSpec({ seed: 1, ...input } as WorldSpecInput);

describe('checkStructuresFit', () => {
  it('passes structures that fit, with the water they need', () => {
    expect(
      checkStructuresFit(
        spec({
          size: { width: 512, depth: 512, cellSize: 2 },
          water: { rivers: 1, sea: 0.3 },
          structures: [{ type: 'castle' }, { type: 'village' }, { type: 'bridge' }, { type: 'pier' }, { type: 'lighthouse' }, { type: 'tower', count: 3 }],
        }),
      ),
    ).toEqual([]);
  });

  it('refuses 40 castles in a 128 m world, saying how many fit and how big a world they need', () => {
    const issues = checkStructuresFit(spec({ size: { width: 128, depth: 128, cellSize: 1 }, structures: [{ type: 'castle', count: 40 }] }));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('/structures/0/count');
    expect(issues[0].value).toBe(40);
    expect(issues[0].problem).toMatch(/more than 40% of the 128 × 128 m world/);
    expect(issues[0].allowed).toMatch(/lower \/structures\/0\/count to 1/);
    expect(issues[0].allowed).toMatch(/enlarge \/size to at least \d+ × \d+ m/);
  });

  it('refuses a structure that fits nowhere: too big for the world, not one of it fits', () => {
    const issues = checkStructuresFit(spec({ size: { width: 48, depth: 48, cellSize: 1 }, structures: [{ type: 'fortress' }] }));
    expect(issues.map((i) => i.path)).toEqual(['/structures/0/type', '/structures']);
    expect(issues[0].problem).toMatch(/a fortress needs 52 × 52 m plus 4 m to the edges, and the world is only 48 × 48 m/);
    expect(issues[0].allowed).toMatch(/at least 60 × 60 m/);
    expect(issues[1].allowed).toMatch(/remove some structures, or enlarge \/size/);
  });

  it('refuses a bridge without rivers, a pier without water, a lighthouse without sea or lake', () => {
    const issues = checkStructuresFit(spec({ size: { width: 512, depth: 512, cellSize: 2 }, structures: [{ type: 'house' }, { type: 'bridge' }, { type: 'pier' }, { type: 'lighthouse' }] }));
    expect(issues.map((i) => i.path)).toEqual(['/structures/1/type', '/structures/2/type', '/structures/3/type']);
    expect(issues[0].problem).toMatch(/a bridge needs a river to cross/);
    expect(issues[0].allowed).toMatch(/set \/water\/rivers to 1 or more/);
    expect(issues[1].allowed).toMatch(/\/water\/sea/);
    expect(issues[2].allowed).toMatch(/\/water\/sea above 0 or \/water\/lakes/);
    const withWater = checkStructuresFit(spec({ size: { width: 512, depth: 512, cellSize: 2 }, water: { lakes: 1 }, structures: [{ type: 'pier' }, { type: 'lighthouse' }] }));
    expect(withWater).toEqual([]);
  });
});
