/**
 * One dataset episode, planned without rendering: a start pose on dry, walkable ground, then a
 * policy's actions applied step by step through the World query API. Actions are rounded to 4
 * decimals and poses to 0.1 mm and 10 µrad before they are used, so the recorded numbers are the
 * very numbers that produced the next pose and the rendered camera.
 */
import { Rng } from '../../generators/seed/rng.ts';
import type { WorldQuery } from '../../generators/world/world-query.ts';
import { ACTION_SPACE, applyAction, wrapAngle, ZERO_ACTION, type Action, type EyePose } from './action-space.ts';
import { createPolicy, type ExplorationTargets, type PolicyName } from './exploration-policies.ts';

export interface PlannedEpisode {
  policy: PolicyName;
  seed: number;
  /** actions[t] moved the player from poses[t − 1] to poses[t]; actions[0] is zero. */
  actions: Action[];
  poses: EyePose[];
}

export interface PlanEpisodeInput {
  query: WorldQuery;
  targets: ExplorationTargets;
  policy: PolicyName;
  seed: number;
  frames: number;
  fps: number;
}

export function planEpisode({ query, targets, policy, seed, frames, fps }: PlanEpisodeInput): PlannedEpisode {
  const rng = new Rng(seed);
  const focus = rng.pick(targets.pointsOfInterest);
  const start = startPose(query, targets, policy, focus, rng.fork('start'));
  const chooser = createPolicy(policy, targets, rng.fork('policy'), focus);
  const actions: Action[] = [ZERO_ACTION];
  const poses: EyePose[] = [start];
  for (let t = 1; t < frames; t++) {
    const action = roundAction(chooser.next(poses[t - 1]));
    actions.push(action);
    poses.push(roundPose(applyAction(query, poses[t - 1], action, fps)));
  }
  return { policy, seed, actions, poses };
}

/** Where an episode begins: by a path for path followers, on the circle for orbits, else anywhere dry and level enough. */
function startPose(query: WorldQuery, targets: ExplorationTargets, policy: PolicyName, focus: { x: number; z: number }, rng: Rng): EyePose {
  const candidates: Array<{ x: number; z: number }> = [];
  for (let attempt = 0; attempt < 200; attempt++) {
    let x: number;
    let z: number;
    if (policy === 'follow-path' && targets.paths.length > 0) {
      const path = rng.pick(targets.paths);
      const p = rng.pick(path);
      x = p.x + rng.range(-1, 1);
      z = p.z + rng.range(-1, 1);
    } else if (policy === 'orbit') {
      const angle = rng.range(-Math.PI, Math.PI);
      const r = rng.range(8, 25);
      x = focus.x + Math.sin(angle) * r;
      z = focus.z + Math.cos(angle) * r;
    } else {
      x = rng.range(-0.85, 0.85) * targets.halfWidth;
      z = rng.range(-0.85, 0.85) * targets.halfDepth;
    }
    if (Math.abs(x) > targets.halfWidth - 2 || Math.abs(z) > targets.halfDepth - 2) continue;
    if (query.waterAt(x, z)) continue;
    const normal = query.normalAt(x, z);
    if (normal[1] < 0.8) continue;
    if (query.objectsIn({ minX: x - 1, minZ: z - 1, maxX: x + 1, maxZ: z + 1 }).some((o) => o.colliders.length > 0)) continue;
    candidates.push({ x, z });
    break;
  }
  const { x, z } = candidates[0] ?? { x: 0, z: 0 };
  const yaw = policy === 'orbit' ? Math.atan2(focus.x - x, focus.z - z) : rng.range(-Math.PI, Math.PI);
  return roundPose({ x, y: query.heightAt(x, z) + ACTION_SPACE.eyeHeight, z, yaw, pitch: rng.range(-0.1, 0.1) });
}

function roundAction(a: Action): Action {
  const r = (v: number) => Math.round(v * 1e4) / 1e4 + 0;
  return [r(a[0]), r(a[1]), r(a[2]), r(a[3])];
}

function roundPose(p: EyePose): EyePose {
  const m = (v: number) => Math.round(v * 1e4) / 1e4 + 0;
  const a = (v: number) => Math.round(v * 1e5) / 1e5 + 0;
  return { x: m(p.x), y: m(p.y), z: m(p.z), yaw: a(wrapAngle(p.yaw)), pitch: a(p.pitch) };
}
