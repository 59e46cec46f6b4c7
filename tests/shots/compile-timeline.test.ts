import { beforeAll, describe, expect, it } from 'vitest';
import { WALK_CONTACTS, WALK_CYCLE_SECONDS } from '../../generators/characters/walk-cycle.ts';
import { compileTimeline } from '../../generators/shots/compile-timeline.ts';
import { parseShotPlan } from '../../generators/shots/parse-shot-plan.ts';
import type { ShotPlan } from '../../generators/shots/shot-plan-schema.ts';
import { SpecError } from '../../generators/spec/spec-error.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { WorldQuery } from '../../generators/world/world-query.ts';
import type { World } from '../../generators/world/world.ts';
import { smallSpec } from '../helpers/world-specs.ts';

/** A valley with a river and a tower on the hill; the knight walks there and stands at its door. */
function samplePlan(): ShotPlan {
  return parseShotPlan({
    version: 1,
    world: { seed: 7 },
    characters: [{ id: 'knight', archetype: 'knight', identitySeed: 5, traits: ['she'] }],
    shots: [
      { id: 'valley', type: 'establishing', subject: 'world', durationSeconds: 3, timeOfDay: { hour: 6.5 } },
      { id: 'follow', type: 'tracking', subject: 'character:knight', durationSeconds: 4, transition: { kind: 'crossfade', durationSeconds: 0.5 }, actions: [{ character: 'knight', do: 'walk', to: 'structure:tower' }] },
      { id: 'door', type: 'close-up', subject: 'character:knight', durationSeconds: 2, actions: [{ character: 'knight', do: 'idle', face: 'structure:tower' }] },
      { id: 'tower', type: 'orbit', subject: 'structure:tower', durationSeconds: 3, transition: { kind: 'fade', durationSeconds: 0.5 } },
    ],
  });
}

describe('compileTimeline (ShotPlan + World → Timeline)', () => {
  let world: World;
  let query: WorldQuery;
  let compiled: Awaited<ReturnType<typeof compileTimeline>>;
  beforeAll(async () => {
    ({ world } = await generateWorld(smallSpec({ seed: 7, size: { width: 256, depth: 256, cellSize: 2 }, water: { rivers: 1 }, structures: [{ type: 'tower' }], terrain: { landform: 'valley' } }), { textures: false }));
    query = WorldQuery.of(world);
    compiled = await compileTimeline(samplePlan(), world, { fps: 24 });
  }, 120_000);

  it('lays the shots end to end: frames, seconds and cuts add up', () => {
    const { timeline } = compiled;
    expect(timeline.shots.map((s) => s.frameCount)).toEqual([72, 96, 48, 72]);
    expect(timeline.frameCount).toBe(288);
    expect(timeline.frames).toHaveLength(288);
    expect(timeline.durationSeconds).toBe(12);
    expect(timeline.cuts).toEqual([0, 3, 7, 9]);
    for (const c of timeline.characters) expect(c.frames).toHaveLength(288);
  });

  it('keeps every camera above the ground and the water, and out of objects', () => {
    for (const layers of compiled.timeline.frames) {
      for (const { camera } of layers) {
        const [x, y, z] = camera.position;
        expect(y).toBeGreaterThan(query.heightAt(x, z) + 0.2);
        const water = query.waterAt(x, z);
        if (water) expect(y).toBeGreaterThan(water.level);
      }
    }
  });

  it('sees the knight: in the tracking and close-up shots nothing hides her on most frames', () => {
    const { timeline } = compiled;
    for (const shot of timeline.shots.filter((s) => s.subject === 'character:knight')) {
      let seen = 0;
      for (let f = shot.startFrame; f < shot.startFrame + shot.frameCount; f++) {
        const camera = timeline.frames[f][timeline.frames[f].length - 1].camera;
        const p = timeline.characters[0].frames[f].position;
        const chest: [number, number, number] = [p[0], p[1] + 1.3, p[2]];
        const to: [number, number, number] = [chest[0] - camera.position[0], chest[1] - camera.position[1], chest[2] - camera.position[2]];
        const reach = Math.hypot(...to);
        const hit = query.raycast(camera.position, to, reach);
        if (!hit || hit.distance > reach - 0.5) seen++;
      }
      expect(seen / shot.frameCount).toBeGreaterThan(0.8);
    }
  });

  it('walks the knight on the ground to the tower door, then she stands there facing it', () => {
    const { timeline } = compiled;
    const frames = timeline.characters[0].frames;
    const follow = timeline.shots[1];
    const walking = frames.slice(follow.startFrame, follow.startFrame + follow.frameCount);
    expect(walking.filter((f) => f.clip === 'walk').length).toBeGreaterThan(follow.frameCount * 0.8);
    for (const f of frames) expect(Math.abs(f.position[1] - query.heightAt(f.position[0], f.position[2]))).toBeLessThan(1.01);
    const door = frames[timeline.shots[2].startFrame];
    const tower = world.structures[0].centre;
    expect(Math.hypot(door.position[0] - tower.x, door.position[2] - tower.z)).toBeLessThan(30);
    const last = frames[timeline.shots[2].startFrame + timeline.shots[2].frameCount - 1];
    const toward = Math.atan2(tower.x - last.position[0], tower.z - last.position[2]);
    expect(Math.abs(Math.atan2(Math.sin(last.yaw - toward), Math.cos(last.yaw - toward)))).toBeLessThan(0.3);
    expect(last.clip).toBe('idle');
  });

  it('puts a footstep on each contact of the walk cycle', () => {
    const { timeline } = compiled;
    const frames = timeline.characters[0].frames;
    const walkSeconds = frames.filter((f) => f.clip === 'walk').length / timeline.fps;
    const expected = (walkSeconds / WALK_CYCLE_SECONDS) * WALK_CONTACTS.length;
    expect(timeline.footsteps.length).toBeGreaterThanOrEqual(Math.floor(expected) - 1);
    expect(timeline.footsteps.length).toBeLessThanOrEqual(Math.ceil(expected) + 1);
    for (const step of timeline.footsteps) {
      const f = Math.floor(step.time * timeline.fps);
      expect(frames[f].clip === 'walk' || frames[f + 1]?.clip === 'walk').toBe(true);
    }
    expect(new Set(timeline.footsteps.map((s) => s.foot))).toEqual(new Set(['left', 'right']));
  });

  it('crossfades and fades: two layers across a crossfade, opacity dipping through black at a fade', () => {
    const { timeline } = compiled;
    const follow = timeline.shots[1];
    const mixing = timeline.frames[follow.startFrame + 5];
    expect(mixing.map((l) => l.shot)).toEqual([0, 1]);
    expect(mixing[1].opacity).toBeGreaterThan(0.3);
    expect(mixing[1].opacity).toBeLessThan(0.7);
    expect(timeline.frames[follow.startFrame + 12]).toHaveLength(1);
    const tower = timeline.shots[3];
    expect(timeline.frames[tower.startFrame - 1][0].opacity).toBeLessThan(0.2);
    expect(timeline.frames[tower.startFrame][0].opacity).toBeLessThan(0.2);
    expect(timeline.frames[tower.startFrame + 8][0].opacity).toBe(1);
  });

  it('lights each shot at its hour: dawn is dimmer and warmer than the world’s own noon', () => {
    const [dawn, noon] = compiled.timeline.shots;
    expect(dawn.lighting.hour).toBe(6.5);
    expect(noon.lighting.hour).toBe(world.spec.time.hour);
    expect(dawn.lighting.key.intensity).toBeLessThan(noon.lighting.key.intensity);
    expect(dawn.lighting.key.color[2] / dawn.lighting.key.color[0]).toBeLessThan(noon.lighting.key.color[2] / noon.lighting.key.color[0]);
  });

  it('is deterministic: the same plan and world give the same timeline', async () => {
    const again = await compileTimeline(samplePlan(), world, { fps: 24 });
    expect(JSON.stringify(again.timeline)).toBe(JSON.stringify(compiled.timeline));
  });

  it('refuses a subject the world does not have, naming the shot and what there is', async () => {
    const plan = samplePlan();
    plan.shots[3].subject = 'structure:castle';
    await expect(compileTimeline(plan, world, { fps: 24 })).rejects.toMatchObject({ code: 'PLAN_UNKNOWN_SUBJECT', path: '/shots/3/subject', message: expect.stringMatching(/structure-1 \(tower\)/) });
  });

  it('refuses a fixed camera path through the mountain that framing may not move', async () => {
    const plan = samplePlan();
    // A fixed camera 20 m inside the hillside 100 m from the tower, where the ground is highest.
    const tower = world.structures[0].centre;
    const base = query.heightAt(tower.x, tower.z);
    let best = { azimuth: 0, rise: -Infinity };
    for (let azimuth = 0; azimuth < 360; azimuth += 15) {
      const a = (azimuth * Math.PI) / 180;
      const x = tower.x + Math.sin(a) * 100;
      const z = tower.z + Math.cos(a) * 100;
      if (Math.abs(x) > 120 || Math.abs(z) > 120) continue;
      const rise = query.heightAt(x, z) - base;
      if (rise > best.rise) best = { azimuth, rise };
    }
    plan.shots[3] = { ...plan.shots[3], type: 'dolly', rig: { distance: 100, height: best.rise - 20, azimuthDegrees: best.azimuth, travel: 0 } };
    await expect(compileTimeline(plan, world, { fps: 24 })).rejects.toMatchObject({ code: 'PLAN_CAMERA_BLOCKED', path: '/shots/3/rig' });
  });

  it('refuses a plan made for another world', async () => {
    const plan = { ...samplePlan(), world: { seed: 8 } };
    await expect(compileTimeline(plan, world, { fps: 24 })).rejects.toMatchObject({ code: 'PLAN_WORLD_MISMATCH' });
  });
});

describe('parseShotPlan', () => {
  it('refuses a zero-length shot and an unknown character, listing both', () => {
    const bad = { version: 1, characters: [], shots: [{ id: 'a', type: 'orbit', subject: 'world', durationSeconds: 0 }, { id: 'b', type: 'close-up', subject: 'character:ghost', durationSeconds: 2 }] };
    expect(() => parseShotPlan(bad)).toThrow(SpecError);
    try {
      parseShotPlan(bad);
    } catch (error) {
      expect((error as SpecError).issues.map((i) => i.path)).toContain('/shots/0/durationSeconds');
    }
    const unknown = { version: 1, characters: [], shots: [{ id: 'b', type: 'close-up', subject: 'character:ghost', durationSeconds: 2 }] };
    expect(() => parseShotPlan(unknown)).toThrow(/\/shots\/0\/subject: unknown character/);
  });

  it('refuses unknown shot types with a suggestion', () => {
    expect(() => parseShotPlan({ version: 1, characters: [], shots: [{ id: 'a', type: 'orbitt', subject: 'world', durationSeconds: 2 }] })).toThrow(/did you mean "orbit"/);
  });
});
