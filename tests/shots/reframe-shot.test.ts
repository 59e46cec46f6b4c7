/**
 * reframeShot: a camera picked in the editor's preview becomes a shot's rig, and filming that rig
 * puts the camera where it was picked (at the shot's first frame) — for a place (an orbit of the
 * tower) and for a shot that follows a character (azimuth measured from the way she faces).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileTimeline } from '../../generators/shots/compile-timeline.ts';
import { parseShotPlan } from '../../generators/shots/parse-shot-plan.ts';
import { reframeShot } from '../../generators/shots/reframe-shot.ts';
import { ShotPlanError } from '../../generators/shots/shot-plan-error.ts';
import type { ShotPlan } from '../../generators/shots/shot-plan-schema.ts';
import type { Vec3 } from '../../generators/shots/timeline.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import type { World } from '../../generators/world/world.ts';
import { smallSpec } from '../helpers/world-specs.ts';

const plan: ShotPlan = parseShotPlan({
  version: 1,
  world: { seed: 7 },
  characters: [{ id: 'knight', archetype: 'knight', identitySeed: 5 }],
  shots: [
    { id: 'follow', type: 'tracking', subject: 'character:knight', durationSeconds: 2, actions: [{ character: 'knight', do: 'walk', to: 'structure:tower' }] },
    { id: 'tower', type: 'orbit', subject: 'structure:tower', durationSeconds: 2 },
  ],
});

describe('reframeShot', () => {
  let world: World;
  beforeAll(async () => {
    ({ world } = await generateWorld(smallSpec({ seed: 7, size: { width: 256, depth: 256, cellSize: 2 }, water: { rivers: 1 }, structures: [{ type: 'tower' }], terrain: { landform: 'valley' } }), { textures: false }));
  }, 120_000);

  const firstCamera = async (p: ShotPlan, shotId: string): Promise<Vec3> => {
    const { timeline } = await compileTimeline(p, world, { fps: 24 });
    const shot = timeline.shots.find((s) => s.id === shotId)!;
    const layer = timeline.frames[shot.startFrame].find((l) => timeline.shots[l.shot].id === shotId)!;
    return layer.camera.position;
  };

  for (const shotId of ['tower', 'follow']) {
    it(`puts the ${shotId} shot's camera where it was picked`, async () => {
      const before = await firstCamera(plan, shotId);
      // Pick a camera a little higher and further round than the one framing chose.
      const { timeline } = await compileTimeline(plan, world, { fps: 24 });
      const shot = timeline.shots.find((s) => s.id === shotId)!;
      const layer = timeline.frames[shot.startFrame].find((l) => timeline.shots[l.shot].id === shotId)!;
      const target = layer.camera.target;
      const angle = 0.4;
      const dx = before[0] - target[0];
      const dz = before[2] - target[2];
      const picked: Vec3 = [target[0] + dx * Math.cos(angle) - dz * Math.sin(angle), before[1] + 3, target[2] + dx * Math.sin(angle) + dz * Math.cos(angle)];
      const reframed = await reframeShot(plan, world, shotId, picked);
      const rig = reframed.shots.find((s) => s.id === shotId)!.rig!;
      expect(rig.distance).toBeGreaterThan(0.3);
      const after = await firstCamera(reframed, shotId);
      for (let k = 0; k < 3; k++) expect(Math.abs(after[k] - picked[k]), `axis ${k}: ${after} vs ${picked}`).toBeLessThan(0.6);
      // The other shot is untouched.
      const other = plan.shots.find((s) => s.id !== shotId)!;
      expect(reframed.shots.find((s) => s.id === other.id)).toEqual(other);
    });
  }

  it('refuses a POV shot and an unknown shot, naming them', async () => {
    const pov = parseShotPlan({ ...plan, shots: [{ ...plan.shots[0], type: 'pov' }] });
    await expect(reframeShot(pov, world, 'follow', [0, 50, 0])).rejects.toThrow(/POV shot/);
    await expect(reframeShot(plan, world, 'nope', [0, 50, 0])).rejects.toThrow(ShotPlanError);
  });
});
