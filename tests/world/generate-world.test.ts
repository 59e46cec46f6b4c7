import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWorldDocument } from '../../generators/export/build-world-document.ts';
import { validateGlb } from '../../generators/export/validate-glb.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { arbitraryWorldSpec, smallSpec } from '../helpers/world-specs.ts';

async function glbOf(spec: Parameters<typeof generateWorld>[0]): Promise<Uint8Array> {
  const { world } = await generateWorld(spec);
  return writeGlb((await buildWorldDocument(world)).doc);
}

describe('generateWorld', () => {
  it('holds its invariants over random specs: finite, in bounds, valid glTF', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryWorldSpec, async (spec) => {
        // The navmesh has its own tests; here it would only add time.
        const { world } = await generateWorld(spec, { navmesh: false });
        const { heights } = world.terrain;
        for (let i = 0; i < heights.length; i++) {
          if (!Number.isFinite(heights[i]) || heights[i] < 0 || heights[i] > spec.terrain.maxHeight) {
            throw new Error(`height ${heights[i]} at ${i} outside [0, ${spec.terrain.maxHeight}]`);
          }
        }
        for (const c of world.ground.colors) if (!(c >= 0 && c <= 1)) throw new Error(`colour ${c} outside [0, 1]`);
        for (const river of world.water.rivers) {
          for (let i = 1; i < river.points.length; i++) {
            if (river.points[i].level > river.points[i - 1].level + 1e-4) throw new Error(`${river.id} rises at point ${i}`);
          }
        }
        const summary = await validateGlb(await writeGlb((await buildWorldDocument(world)).doc));
        if (summary.errors > 0 || summary.warnings > 0) throw new Error(JSON.stringify(summary.messages.slice(0, 3)));
      }),
      { numRuns: 12, seed: 20261125 },
    );
  });

  it('gives byte-identical glb for the same spec, and another world for another seed', async () => {
    const spec = smallSpec({ water: { rivers: 1, lakes: 1 } });
    const a = await glbOf(spec);
    const b = await glbOf(spec);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await glbOf({ ...spec, seed: spec.seed + 1 });
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('does not change the terrain when only a later stage changes (seeds are derived by name)', async () => {
    const plain = await generateWorld(smallSpec({ time: { hour: 6 } }));
    const other = await generateWorld(smallSpec({ time: { hour: 20 }, palette: { mood: 'gloomy' } }));
    expect(Buffer.from(other.world.terrain.heights.buffer).equals(Buffer.from(plain.world.terrain.heights.buffer))).toBe(true);
    expect(Buffer.from(other.world.ground.colors.buffer).equals(Buffer.from(plain.world.ground.colors.buffer))).toBe(false);
  });

  it('reports each stage and stops when aborted', async () => {
    const stages = new Set<string>();
    await generateWorld(smallSpec(), { onProgress: (e) => stages.add(e.stage) });
    expect([...stages]).toEqual([
      'shape',
      'erosion',
      'features',
      'water',
      'structures',
      'gameplay',
      'biomes',
      'ground',
      'scatter',
      'objects',
      'navmesh',
      'sky',
      'textures',
    ]);
    const controller = new AbortController();
    const running = generateWorld(smallSpec(), {
      signal: controller.signal,
      onProgress: (e) => {
        if (e.stage === 'water') controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('validates its input before working', async () => {
    await expect(generateWorld({ seed: 1 } as never)).resolves.toBeDefined();
    await expect(generateWorld({ seed: 1, terrain: { relief: 9 } } as never)).rejects.toMatchObject({ code: 'SPEC_INVALID' });
  });
});
