import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../generators/seed/rng.ts';
import { parseWorldSpec, STRUCTURE_PLACEMENTS, STRUCTURE_TYPES, type WorldSpec, type WorldSpecInput } from '../../generators/spec/index.ts';
import { heightAt, type Heightfield } from '../../generators/terrain/heightfield.ts';
import type { WaterBodies } from '../../generators/water/water-bodies.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { arbitraryWorldSpec } from '../helpers/world-specs.ts';
import {
  checkStructuresFit,
  CLEARANCE,
  levelFoundations,
  PLINTH_REVEAL,
  placeStructures,
  spanPads,
  type PlacedPiece,
  type PlacedStructure,
} from '../../generators/structures/index.ts';
import { corners, rectsOverlap, samplesIn, sampleIndex, surveySite, toWorld, SEA } from '../../generators/structures/site-survey.ts';

interface TestWorld {
  base: WorldSpecInput;
  terrain: Heightfield;
  water: WaterBodies;
}

const SIZE = { width: 256, depth: 256, cellSize: 2 };

/** A world without structures (so its ground is untouched), from generateWorld. */
async function makeWorld(seed: number, water: WorldSpecInput['water'], relief = 0.3): Promise<TestWorld> {
  const base: WorldSpecInput = { seed, size: SIZE, water, terrain: { relief } };
  const { world } = await generateWorld(parseWorldSpec(base), { navmesh: false });
  return { base, terrain: world.terrain, water: world.water };
}

function copyField(field: Heightfield): Heightfield {
  return { ...field, heights: field.heights.slice() };
}

/** Places the structures on a copy of the world's ground, then levels it. */
function place(world: TestWorld, structures: WorldSpecInput['structures'], extra: Partial<WorldSpecInput> = {}, seed = 5): { spec: WorldSpec; field: Heightfield; placed: PlacedStructure[] } {
  const spec = parseWorldSpec({ ...world.base, ...extra, structures });
  const field = copyField(world.terrain);
  const placed = placeStructures(field, world.water, spec, new Rng(seed).fork('structures'));
  levelFoundations(field, placed, world.water);
  return { spec, field, placed };
}

const wet = (water: WaterBodies, field: Heightfield, x: number, z: number) => !Number.isNaN(water.surface[sampleIndex(field, x, z)]);

/** What every placement must hold, whatever was asked. */
function expectSound(world: TestWorld, field: Heightfield, placed: PlacedStructure[]): void {
  const problems: string[] = [];
  const all = placed.flatMap((s) => s.pieces.map((p) => ({ s, p })));
  for (const [k, { s, p }] of all.entries()) {
    const where = `${s.id} (${s.type}) piece at (${p.x.toFixed(1)}, ${p.z.toFixed(1)})`;
    for (const [x, z] of corners(p)) if (Math.abs(x) > field.width / 2 || Math.abs(z) > field.depth / 2) problems.push(`${where} leaves the map`);
    for (const other of all.slice(k + 1)) {
      const gap = other.s === s ? 0 : CLEARANCE - 0.01;
      if (rectsOverlap(p, other.p, gap)) problems.push(`${where} overlaps ${other.s.id}`);
    }
    if (p.foundation !== 'span') {
      if (samplesIn(field, p).some((i) => !Number.isNaN(world.water.surface[i])) || corners(p).some(([x, z]) => wet(world.water, field, x, z))) problems.push(`${where} stands on water`);
    }
    const ground = corners(p).map(([x, z]) => heightAt(field, x, z));
    if (p.foundation === 'levelled') {
      for (const g of ground) if (Math.abs(g - p.y) > 0.3) problems.push(`${where}: a corner is ${(g - p.y).toFixed(2)} m off the levelled ground`);
    } else if (p.foundation === 'plinth' || p.foundation === 'stilts') {
      if (p.y + p.asset.bounds.min[1] > Math.min(...ground) + 0.05) problems.push(`${where}: the ${p.foundation} stops above the lowest ground`);
      if (p.y < Math.max(...ground) - 0.3) problems.push(`${where}: buried under its highest corner`);
      // A stone plinth stands in an embankment that fills the ground to just below its top.
      if (p.foundation === 'plinth' && Math.min(...ground) < p.y - PLINTH_REVEAL - 0.05) problems.push(`${where}: the plinth rises ${(p.y - Math.min(...ground)).toFixed(2)} m out of its embankment`);
    } else {
      // A span: its pads are levelled to the deck ends, and it reaches down to the ground beneath.
      for (const pad of spanPads(s.type, p, field)) {
        const [x, z] = toWorld(pad, 0, 0);
        if (!wet(world.water, field, x, z) && Math.abs(heightAt(field, x, z) - p.y) > 0.3) problems.push(`${where}: end pad ${(heightAt(field, x, z) - p.y).toFixed(2)} m off the deck`);
      }
      // Posts and piers go down to the bed; a rope bridge hangs from posts sunk in its banks.
      const beneath = p.asset.id.includes('-rope') ? spanPads(s.type, p, field).map((pad) => heightAt(field, pad.x, pad.z)) : samplesIn(field, p).map((i) => field.heights[i]);
      if (p.y + p.asset.bounds.min[1] > Math.min(...beneath) + 0.6) problems.push(`${where}: the span's supports stop above the ground`);
    }
  }
  expect(problems).toEqual([]);
}

function centreOf(p: PlacedPiece): [number, number] {
  return [p.x, p.z];
}

function median(values: ArrayLike<number>): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('placeStructures', () => {
  let mixed: TestWorld;
  let rivers: TestWorld;
  let lakes: TestWorld;
  let dry: TestWorld;

  beforeAll(async () => {
    [mixed, rivers, lakes, dry] = await Promise.all([
      makeWorld(3, { rivers: 1, sea: 0.2, lakes: 1 }),
      makeWorld(7, { rivers: 2 }),
      makeWorld(9, { lakes: 2 }),
      makeWorld(4, {}),
    ]);
  });

  it('places every placement kind soundly: in the map, apart, dry, grounded', () => {
    const placements = ['auto', 'ridge', 'peak', 'valley', 'river', 'lake', 'coast', 'water-crossing', 'hidden', 'centre'] as const;
    for (const world of [mixed, rivers, lakes, dry]) {
      const structures = placements.map((placement, i) => ({ type: (['tower', 'house', 'chapel', 'windmill', 'farmhouse'] as const)[i % 5], placement }));
      const { field, placed } = place(world, structures);
      expect(placed.map((s) => s.id)).toEqual(structures.map((_, i) => `structure-${i + 1}`));
      for (const s of placed) expect(s.pieces.length, `${s.id} ${s.placement} ${s.note}`).toBeGreaterThan(0);
      expectSound(world, field, placed);
    }
  });

  it('places every type, with its auto placement, soundly', () => {
    const types = ['ruins', 'tower', 'castle', 'fortress', 'village', 'house', 'farmhouse', 'bridge', 'temple', 'chapel', 'lighthouse', 'pier', 'standing-stones', 'wall', 'windmill'] as const;
    const { field, placed } = place(mixed, types.slice(0, 8).map((type) => ({ type })));
    expectSound(mixed, field, placed);
    const second = place(mixed, types.slice(8).map((type) => ({ type })));
    expectSound(mixed, second.field, second.placed);
    for (const s of [...placed, ...second.placed]) expect(s.pieces.length, `${s.type}: ${s.note}`).toBeGreaterThan(0);
  });

  it('one structure per count unit; a village is 5–12 houses facing its centre', () => {
    const { field, placed } = place(mixed, [{ type: 'village' }, { type: 'tower', count: 3 }]);
    expectSound(mixed, field, placed);
    expect(placed.map((s) => s.type)).toEqual(['village', 'tower', 'tower', 'tower']);
    const village = placed[0];
    const houses = village.pieces.filter((p) => p.asset.id.startsWith('structure/house'));
    expect(houses.length).toBeGreaterThanOrEqual(5);
    expect(houses.length).toBeLessThanOrEqual(12);
    for (const p of village.pieces) {
      if (p.asset.id.includes('/well')) continue;
      const [x, z] = centreOf(p);
      const toCentre = Math.atan2(village.centre.x - x, village.centre.z - z);
      const off = Math.abs(Math.atan2(Math.sin(toCentre - p.yaw), Math.cos(toCentre - p.yaw)));
      expect(off, `a house at (${x.toFixed(0)}, ${z.toFixed(0)}) faces ${p.yaw.toFixed(2)}`).toBeLessThan(Math.PI / 3);
    }
  });

  it('castles on ridges stand higher than the map’s median', () => {
    for (const world of [mixed, rivers, dry]) {
      const { placed } = place(world, [{ type: 'castle', placement: 'ridge' }]);
      const castle = placed[0].pieces[0];
      expect(placed[0].placement).toBe('ridge');
      expect(heightAt(world.terrain, castle.x, castle.z)).toBeGreaterThan(median(world.terrain.heights));
    }
  });

  it('peaks are high, valleys low, hidden sites far from the spawn, centres central', () => {
    const { placed } = place(dry, [
      { type: 'tower', placement: 'peak' },
      { type: 'house', placement: 'valley' },
      { type: 'standing-stones', placement: 'hidden' },
      { type: 'windmill', placement: 'centre' },
    ]);
    const sorted = Array.from(dry.terrain.heights).sort((a, b) => a - b);
    const at = (s: PlacedStructure) => heightAt(dry.terrain, s.centre.x, s.centre.z);
    expect(at(placed[0])).toBeGreaterThan(sorted[Math.floor(sorted.length * 0.75)]);
    expect(at(placed[1])).toBeLessThan(median(dry.terrain.heights));
    expect(Math.hypot(placed[2].centre.x, placed[2].centre.z)).toBeGreaterThan(0.35 * Math.hypot(128, 128));
    expect(Math.hypot(placed[3].centre.x, placed[3].centre.z)).toBeLessThan(0.3 * Math.hypot(128, 128));
  });

  it('bridges cross a river: ends dry on opposite banks, the deck above the water', () => {
    // Three bridges over two rivers; two over the mixed world's one short (~120 m) river.
    for (const [world, stone] of [[rivers, 2], [mixed, 1]] as const) {
      const { field, placed } = place(world, [{ type: 'bridge', count: stone }, { type: 'bridge', material: 'rope' }]);
      expectSound(world, field, placed);
      for (const s of placed) {
        expect(s.placement).toBe('water-crossing');
        const p = s.pieces[0];
        expect(p.foundation).toBe('span');
        const a = toWorld(p, -p.halfWidth, 0);
        const b = toWorld(p, p.halfWidth, 0);
        expect(wet(world.water, field, ...a)).toBe(false);
        expect(wet(world.water, field, ...b)).toBe(false);
        // Between the ends: water, and the deck above it with room to spare.
        let crossesWater = false;
        for (let t = 0; t <= 1; t += 0.01) {
          const x = a[0] + (b[0] - a[0]) * t;
          const z = a[1] + (b[1] - a[1]) * t;
          const i = sampleIndex(field, x, z);
          if (!Number.isNaN(world.water.surface[i])) {
            crossesWater = true;
            const sag = p.asset.id.includes('-rope') ? p.halfWidth * 2 * 0.05 : 0;
            expect(p.y - sag).toBeGreaterThan(world.water.surface[i] + 1.5);
          }
        }
        expect(crossesWater).toBe(true);
        // Opposite banks: the ends lie on either side of the river's course nearby.
        const river = world.water.rivers.flatMap((r) => r.points.slice(0, -1).map((q, k) => [q, r.points[k + 1]] as const));
        const [q0, q1] = river.reduce((best, seg) => (Math.hypot(seg[0].x - p.x, seg[0].z - p.z) < Math.hypot(best[0].x - p.x, best[0].z - p.z) ? seg : best));
        const side = ([x, z]: [number, number]) => Math.sign((q1.x - q0.x) * (z - q0.z) - (q1.z - q0.z) * (x - q0.x));
        expect(side(a)).toBe(-side(b));
      }
    }
  });

  it('a pier reaches from a dry shore out over the water, its deck above it', () => {
    for (const world of [mixed, lakes, rivers]) {
      const { field, placed } = place(world, [{ type: 'pier' }]);
      expectSound(world, field, placed);
      const p = placed[0].pieces[0];
      expect(p.foundation).toBe('span');
      const land = toWorld(p, 0, -p.halfDepth);
      const end = toWorld(p, 0, p.halfDepth - 0.5);
      expect(wet(world.water, field, ...land)).toBe(false);
      expect(wet(world.water, field, ...end)).toBe(true);
      expect(p.y).toBeGreaterThan(world.water.surface[sampleIndex(field, ...end)] + 0.8);
    }
  });

  it('a lighthouse stands near the sea, or on a lake shore without one', () => {
    const survey = surveySite(mixed.terrain, mixed.water);
    const { placed } = place(mixed, [{ type: 'lighthouse' }]);
    const p = placed[0].pieces[0];
    expect(placed[0].placement).toBe('coast');
    expect(survey.distSea[sampleIndex(mixed.terrain, p.x, p.z)]).toBeLessThan(30);
    expect(survey.kind[sampleIndex(mixed.terrain, p.x, p.z)]).not.toBe(SEA);
    const onLake = place(lakes, [{ type: 'lighthouse' }]).placed[0];
    expect(onLake.placement).toBe('lake');
    expect(surveySite(lakes.terrain, lakes.water).distLake[sampleIndex(lakes.terrain, onLake.centre.x, onLake.centre.z)]).toBeLessThan(30);
  });

  it('river, lake and coast placements stand beside their water, and fall back with a note when there is none', () => {
    const survey = surveySite(mixed.terrain, mixed.water);
    const { placed } = place(mixed, [
      { type: 'house', placement: 'river' },
      { type: 'chapel', placement: 'lake' },
      { type: 'house', placement: 'coast' },
    ]);
    const at = (s: PlacedStructure) => sampleIndex(mixed.terrain, s.centre.x, s.centre.z);
    expect(survey.distRiver[at(placed[0])]).toBeLessThan(40);
    expect(survey.distLake[at(placed[1])]).toBeLessThan(40);
    expect(survey.distSea[at(placed[2])]).toBeLessThan(40);
    for (const s of placed) expect(s.note).toBeUndefined();
    const fallback = place(dry, [{ type: 'house', placement: 'coast' }, { type: 'bridge' }]).placed;
    expect(fallback[0].pieces.length).toBe(1);
    expect(fallback[0].note).toMatch(/no coast site found/);
    expect(fallback[1].pieces.length).toBe(1);
    expect(fallback[1].note).toMatch(/no river/);
  });

  it('honours a position', () => {
    // A flat, dry spot away from the water, found the slow way.
    let best = { x: 0, z: 0, range: Infinity };
    for (let z = -90; z <= 90; z += 6) {
      for (let x = -90; x <= 90; x += 6) {
        const heights = [-6, 0, 6].flatMap((ox) => [-6, 0, 6].map((oz) => heightAt(mixed.terrain, x + ox, z + oz)));
        const dryHere = [-12, 0, 12].every((ox) => [-12, 0, 12].every((oz) => !wet(mixed.water, mixed.terrain, x + ox, z + oz)));
        const range = Math.max(...heights) - Math.min(...heights);
        if (dryHere && range < best.range) best = { x, z, range };
      }
    }
    const { placed } = place(mixed, [{ type: 'house', position: { x: best.x, z: best.z } }, { type: 'tower', position: { x: best.x + 40, z: best.z } }]);
    expect(placed[0].placement).toBe('position');
    expect(Math.hypot(placed[0].centre.x - best.x, placed[0].centre.z - best.z)).toBeLessThan(3);
    expect(placed[1].placement).toBe('position');
  });

  it('is deterministic, and another seed places differently', () => {
    const structures = [{ type: 'village' as const }, { type: 'tower' as const, count: 2 }, { type: 'bridge' as const }, { type: 'pier' as const }];
    const summary = (placed: PlacedStructure[]) => placed.map((s) => ({ ...s, pieces: s.pieces.map((p) => ({ ...p, asset: p.asset.id })) }));
    const a = place(mixed, structures);
    const b = place(mixed, structures);
    expect(summary(a.placed)).toEqual(summary(b.placed));
    expect(Array.from(a.field.heights)).toEqual(Array.from(b.field.heights));
    const c = place(mixed, structures, {}, 6);
    expect(summary(c.placed)).not.toEqual(summary(a.placed));
  });

  it('levels a footprint flat and blends back to the terrain', () => {
    const { field, placed } = place(dry, [{ type: 'house', placement: 'centre' }]);
    const p = placed[0].pieces[0];
    expect(p.foundation).toBe('levelled');
    for (const i of samplesIn(field, p)) expect(field.heights[i]).toBeCloseTo(p.y, 4);
    // Far away nothing moved.
    const far = samplesIn(field, { ...p, halfWidth: 3, halfDepth: 3, x: p.x > 0 ? p.x - 60 : p.x + 60 });
    for (const i of far) expect(field.heights[i]).toBe(dry.terrain.heights[i]);
  });

  it('never throws and never overlaps when the map is crowded', () => {
    const { field, placed } = place(mixed, [{ type: 'castle', count: 6 }, { type: 'village', count: 3 }, { type: 'house', count: 20 }]);
    expectSound(mixed, field, placed);
    expect(placed.length).toBe(29);
    for (const s of placed) if (s.pieces.length === 0) expect(s.note).toMatch(/no free/);
  });

  it('holds on any world that passes the fit check (property)', async () => {
    const structure = fc.record({
      type: fc.constantFrom(...STRUCTURE_TYPES),
      placement: fc.constantFrom(...STRUCTURE_PLACEMENTS),
      count: fc.integer({ min: 1, max: 3 }),
      condition: fc.constantFrom('intact', 'weathered', 'ruined'),
    });
    await fc.assert(
      fc.asyncProperty(arbitraryWorldSpec, fc.array(structure, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 1000 }), async (generated, structures, seed) => {
        const spec = parseWorldSpec({ ...generated, structures });
        fc.pre(checkStructuresFit(spec).length === 0);
        const { world } = await generateWorld(parseWorldSpec({ ...generated, structures: [] }), { navmesh: false });
        const test: TestWorld = { base: { ...generated, structures: [] } as WorldSpecInput, terrain: world.terrain, water: world.water };
        const field = copyField(world.terrain);
        const placed = placeStructures(field, world.water, spec, new Rng(seed));
        levelFoundations(field, placed, world.water);
        expect(placed.length).toBe(structures.reduce((n, s) => n + s.count, 0));
        expectSound(test, field, placed);
        for (const s of placed) if (s.pieces.length === 0) expect(s.note).toBeTruthy();
      }),
      { numRuns: Number(process.env.STRUCTURE_RUNS ?? 12), seed: Number(process.env.STRUCTURE_SEED ?? 20240601), endOnFailure: true },
    );
  });
});
