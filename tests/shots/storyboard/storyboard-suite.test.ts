/**
 * The public storyboard suite (/work/shared/prompts/storyboards.txt): every line must give the
 * shots it asks for, in order, with the right types, subjects, times, transitions and characters.
 * The lines are copied here so the suite runs without the shared folder; when it is there, the
 * copy is checked against it. Expectations are written by hand from the words, not from output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { interpretStoryboard, type StoryboardInterpretation } from '../../../generators/shots/storyboard/index.ts';
import { parseShotPlan } from '../../../generators/shots/parse-shot-plan.ts';
import type { World } from '../../../generators/world/world.ts';
import { ISLAND_SPEC, makeWorld, VALLEY_SPEC } from './story-worlds.ts';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/prompts/storyboards.txt');

let island: World;
let valley: World;
beforeAll(async () => {
  [island, valley] = await Promise.all([makeWorld(ISLAND_SPEC), makeWorld(VALLEY_SPEC)]);
});

/** Words of the suite the interpreter reads without using; everything else must be understood. */
const ALLOWED_UNUSED = new Set<string>();

interface SuiteCase {
  line: string;
  world: () => World;
  check: (r: StoryboardInterpretation, world: World) => void;
}

const structureOf = (world: World, type: string) => world.structures.find((s) => s.type === type)!;
const pointXZ = (ref: string) => ref.slice('point:'.length).split(',').map(Number) as [number, number];
const isDry = (world: World, ref: string) => {
  const [x, z] = pointXZ(ref);
  const t = world.terrain;
  const i = Math.round((z + t.depth / 2) / t.dz) * t.nx + Math.round((x + t.width / 2) / t.dx);
  return Number.isNaN(world.water.surface[i]) || world.water.surface[i] <= t.heights[i];
};

const SUITE: SuiteCase[] = [
  {
    line: 'wide establishing shot of the valley at dawn; follow the wanderer along the river to the tower; close-up as she opens the door',
    world: () => valley,
    check: ({ plan, explanation }, world) => {
      expect(plan.shots.map((s) => s.type)).toEqual(['establishing', 'tracking', 'close-up']);
      expect(plan.shots.map((s) => s.subject)).toEqual(['world', 'character:wanderer', 'character:wanderer']);
      // Dawn, carried through the scene; dawn is hopeful.
      expect(plan.shots.map((s) => s.timeOfDay?.hour)).toEqual([6, 6, 6]);
      expect(plan.shots[0].mood).toBe('hopeful');
      expect(plan.shots[0].lens!.focalLengthMm).toBeLessThan(24);
      const walk = plan.shots[1].actions![0];
      expect(walk).toMatchObject({ character: 'wanderer', do: 'walk', to: 'structure:tower' });
      expect(walk.via).toMatch(/^point:/);
      // The via point is on the river's dry bank, within a few metres of the river.
      expect(isDry(world, walk.via!)).toBe(true);
      const [vx, vz] = pointXZ(walk.via!);
      const nearest = Math.min(...world.water.rivers[0].points.map((p) => Math.hypot(p.x - vx, p.z - vz) - p.width / 2));
      expect(nearest).toBeLessThan(6);
      // She stands at the tower she walked to, facing its door.
      expect(plan.shots[2].actions).toEqual([{ character: 'wanderer', do: 'idle', to: 'structure:tower', face: 'structure:tower' }]);
      expect(plan.characters).toEqual([expect.objectContaining({ id: 'wanderer', archetype: 'wanderer', traits: ['she'] })]);
      expect(explanation.shots[2].choices.find((c) => c.field === 'action')!.detail).toMatch(/door/);
      expect(plan.shots.every((s) => !s.transition)).toBe(true);
    },
  },
  {
    line: 'aerial fly-over of the island; slow dolly toward the crater; the explorer looks up at the smoke',
    world: () => island,
    check: ({ plan }, world) => {
      expect(plan.shots.map((s) => s.type)).toEqual(['aerial', 'dolly', 'tracking']);
      const crater = world.gameplay.pointsOfInterest.find((p) => p.kind === 'crater')!;
      expect(plan.shots.map((s) => s.subject)).toEqual(['world', `poi:${crater.id}`, 'character:explorer']);
      // "slow": longer than a dolly's 4 s.
      expect(plan.shots[1].durationSeconds).toBeCloseTo(5.6, 5);
      expect(plan.shots[2].actions).toEqual([{ character: 'explorer', do: 'idle', face: `poi:${crater.id}` }]);
      expect(plan.characters.map((c) => c.id)).toEqual(['keeper', 'explorer']);
      expect(plan.shots.every((s) => s.timeOfDay === undefined)).toBe(true);
    },
  },
  {
    line: 'orbit around the lighthouse at sunset; over-the-shoulder shot of the keeper watching the sea; fade to black',
    world: () => island,
    check: ({ plan, explanation }, world) => {
      expect(plan.shots.map((s) => s.type)).toEqual(['orbit', 'over-the-shoulder']);
      expect(plan.shots.map((s) => s.subject)).toEqual(['structure:lighthouse', 'character:keeper']);
      expect(plan.shots.map((s) => s.timeOfDay?.hour)).toEqual([18.5, 18.5]);
      const face = plan.shots[1].actions![0];
      expect(face).toMatchObject({ character: 'keeper', do: 'idle' });
      // The keeper faces a point of the sea.
      const [x, z] = pointXZ(face.face!);
      const t = world.terrain;
      const i = Math.round((z + t.depth / 2) / t.dz) * t.nx + Math.round((x + t.width / 2) / t.dx);
      expect(world.water.seaMask![i]).toBe(1);
      // The world's keeper keeps their identity seed.
      expect(plan.characters).toEqual([{ id: 'keeper', archetype: 'keeper', identitySeed: 1234 }]);
      // "fade to black" at the end: no extra shot; the ending is reported.
      expect(explanation.ending).toEqual({ kind: 'fade-to-black', durationSeconds: 1, words: ['fade to black'] });
      expect(plan.shots[1].description).toMatch(/fade to black/);
    },
  },
  {
    line: "tracking shot of a knight riding across the meadow; low-angle shot of the castle on the ridge; close-up of the knight's face",
    world: () => island,
    check: ({ plan, explanation }, world) => {
      expect(plan.shots.map((s) => s.type)).toEqual(['tracking', 'establishing', 'close-up']);
      expect(plan.shots.map((s) => s.subject)).toEqual(['character:knight', 'structure:castle', 'character:knight']);
      const ride = plan.shots[0].actions![0];
      expect(ride).toMatchObject({ character: 'knight', do: 'walk' });
      // The meadow is grassland ground.
      const [x, z] = pointXZ(ride.to!);
      const t = world.terrain;
      const i = Math.round((z + t.depth / 2) / t.dz) * t.nx + Math.round((x + t.width / 2) / t.dx);
      expect(world.biomes.biomes[world.biomes.dominant[i]]).toBe('grassland');
      expect(explanation.shots[0].choices.find((c) => c.field === 'action')!.detail).toMatch(/horses/);
      // Low angle: a low camera; the rest of the rig is left to framing.
      expect(plan.shots[1].rig).toEqual({ height: 0.6 });
      // One knight, standing where the ride ended.
      expect(plan.characters.filter((c) => c.archetype === 'knight')).toHaveLength(1);
      expect(plan.shots[2].actions).toEqual([{ character: 'knight', do: 'idle', to: ride.to }]);
      expect(structureOf(world, 'castle').pieces.length).toBeGreaterThan(0);
    },
  },
  {
    line: 'POV walk through the fog in the swamp; wide shot of the ruined chapel; crossfade to the moon',
    world: () => island,
    check: ({ plan }, world) => {
      expect(plan.shots.map((s) => s.type)).toEqual(['pov', 'establishing', 'aerial']);
      expect(plan.shots[0].subject).toMatch(/^point:/);
      const [x, z] = pointXZ(plan.shots[0].subject);
      const t = world.terrain;
      const i = Math.round((z + t.depth / 2) / t.dz) * t.nx + Math.round((x + t.width / 2) / t.dx);
      expect(world.biomes.biomes[world.biomes.dominant[i]]).toBe('swamp');
      expect(plan.shots.slice(1).map((s) => s.subject)).toEqual(['structure:chapel', 'world']);
      expect(plan.shots.map((s) => s.mood)).toEqual(['mysterious', 'sombre', 'sombre']);
      expect(plan.shots.map((s) => s.transition?.kind)).toEqual([undefined, undefined, 'crossfade']);
      // The moon is seen at night.
      expect(plan.shots[2].timeOfDay?.hour).toBeGreaterThanOrEqual(21);
    },
  },
];

describe('the public storyboard suite', () => {
  it('matches the shared copy when it is there', () => {
    if (!existsSync(SHARED)) return;
    const shared = readFileSync(SHARED, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    expect(SUITE.map((c) => c.line)).toEqual(shared);
  });

  for (const c of SUITE) {
    it(c.line, () => {
      const world = c.world();
      const result = interpretStoryboard(c.line, world);
      expect(() => parseShotPlan(JSON.parse(JSON.stringify(result.plan)))).not.toThrow();
      c.check(result, world);
      const unused = result.explanation.shots.flatMap((s) => s.unused).filter((w) => !ALLOWED_UNUSED.has(w));
      expect(unused).toEqual([]);
      // Every storyboard word that named a thing the world has was found: no stand-ins.
      expect(result.explanation.shots.flatMap((s) => s.notices).filter((n) => /stands in|instead/.test(n))).toEqual([]);
    });
  }
});
