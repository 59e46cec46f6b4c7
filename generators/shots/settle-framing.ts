/**
 * What `worldsmith plan` writes: the storyboard's draft with the framing chosen against the World
 * written into each shot's rig, so the plan says exactly what will be filmed (and a user edits
 * numbers, not guesses). Compiling is the check: a draft that cannot be framed fails here, with the
 * same error `worldsmith cutscene` would give.
 */
import type { World } from '../world/world.ts';
import { compileTimeline } from './compile-timeline.ts';
import type { ShotPlan } from './shot-plan-schema.ts';

export async function settleFraming(draft: ShotPlan, world: World): Promise<{ plan: ShotPlan; notes: string[] }> {
  const { rigs, notes } = await compileTimeline(draft, world, { fps: 24 });
  const plan: ShotPlan = {
    ...draft,
    world: { seed: world.spec.seed },
    shots: draft.shots.map((shot, i) => {
      const rig = rigs[i];
      const chosen = {
        distance: rig.distance,
        height: rig.height,
        azimuthDegrees: rig.azimuthDegrees,
        ...(shot.type === 'orbit' ? { orbitDegrees: rig.orbitDegrees } : {}),
        ...(rig.travel !== 0 ? { travel: rig.travel } : {}),
      };
      return { ...shot, rig: { ...chosen, ...shot.rig } };
    }),
  };
  return { plan, notes };
}
