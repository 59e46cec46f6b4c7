/**
 * How a dataset's player explores: four policies that choose each step's action from the pose, so
 * that the recorded trajectories cover what a real player does — walking with momentum, following
 * the world's paths, standing and looking around, circling something worth seeing. All randomness
 * comes from the Rng passed in: the same seed gives the same actions.
 *
 *   wander       random walk with momentum: smoothed speed, turn and look; turns away when blocked
 *   follow-path  walks the world's carved paths (or toward points of interest), steering ahead
 *   look-around  mostly stands, sweeping the view left and right, up and down; a step now and then
 *   orbit        circles a point of interest, strafing while turning to keep it in view
 */
import type { Rng } from '../../generators/seed/rng.ts';
import type { Gameplay } from '../../generators/gameplay/gameplay.ts';
import { clampAction, wrapAngle, type Action, type EyePose } from './action-space.ts';

export const POLICY_NAMES = ['wander', 'follow-path', 'look-around', 'orbit'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

/** How often each policy is chosen for an episode. */
export const POLICY_WEIGHTS: Record<PolicyName, number> = { wander: 0.4, 'follow-path': 0.25, 'look-around': 0.15, orbit: 0.2 };

export interface ExplorationPolicy {
  readonly name: PolicyName;
  /** The action for the step after `pose` (the pose reached by the previous action). */
  next(pose: EyePose): Action;
}

/** Where a policy can go: ground points to walk to and things to look at. */
export interface ExplorationTargets {
  paths: ReadonlyArray<ReadonlyArray<{ x: number; z: number }>>;
  pointsOfInterest: ReadonlyArray<{ x: number; z: number }>;
  /** Half the world's extent along x and z, metres. */
  halfWidth: number;
  halfDepth: number;
}

export function targetsOf(gameplay: Gameplay, width: number, depth: number): ExplorationTargets {
  return {
    paths: gameplay.paths.filter((p) => p.points.length >= 2).map((p) => p.points.map(({ x, z }) => ({ x, z }))),
    pointsOfInterest: [{ x: gameplay.spawn.x, z: gameplay.spawn.z }, ...gameplay.pointsOfInterest.map(({ x, z }) => ({ x, z }))],
    halfWidth: width / 2,
    halfDepth: depth / 2,
  };
}

export function pickPolicy(rng: Rng): PolicyName {
  let u = rng.float() * POLICY_NAMES.reduce((s, n) => s + POLICY_WEIGHTS[n], 0);
  for (const name of POLICY_NAMES) {
    u -= POLICY_WEIGHTS[name];
    if (u < 0) return name;
  }
  return 'wander';
}

/** `focus`: what an orbit circles (default: a point of interest picked with `rng`). */
export function createPolicy(name: PolicyName, targets: ExplorationTargets, rng: Rng, focus?: { x: number; z: number }): ExplorationPolicy {
  switch (name) {
    case 'wander':
      return wander(rng);
    case 'follow-path':
      return followPath(targets, rng);
    case 'look-around':
      return lookAround(rng);
    case 'orbit':
      return orbit(focus ?? rng.pick(targets.pointsOfInterest), rng);
  }
}

/** A smoothed random value (Ornstein–Uhlenbeck): pulled toward `mean`, shaken by `sd` per step. */
class Drift {
  constructor(
    private value: number,
    private readonly mean: number,
    private readonly pull: number,
    private readonly sd: number,
  ) {}
  step(rng: Rng): number {
    this.value += this.pull * (this.mean - this.value) + rng.normal(0, this.sd);
    return this.value;
  }
}

/** The turn action that faces the walker toward (x, z), with a gentle gain. */
function turnToward(pose: EyePose, x: number, z: number, gain = 1.5): number {
  const wanted = Math.atan2(x - pose.x, z - pose.z);
  // +1 turns right: yaw falls.
  return -gain * wrapAngle(wanted - pose.yaw);
}

/** A look action that brings the pitch back toward `target` radians. */
function levelLook(pose: EyePose, target = 0): number {
  return 2 * (target - pose.pitch);
}

/** Notices when the walker pushed forward but stayed put (a collider, a cliff, the edge). */
class StuckWatch {
  private last: EyePose | null = null;
  private steps = 0;
  /** Steps left of turning away. */
  escaping = 0;
  escapeSign = 1;
  update(pose: EyePose, pushed: boolean, rng: Rng): void {
    if (this.last && pushed && Math.hypot(pose.x - this.last.x, pose.z - this.last.z) < 0.02) this.steps++;
    else this.steps = 0;
    this.last = pose;
    if (this.steps >= 3 && this.escaping === 0) {
      this.escaping = rng.int(8, 20);
      this.escapeSign = rng.chance(0.5) ? 1 : -1;
    }
  }
}

function wander(rng: Rng): ExplorationPolicy {
  const speed = new Drift(rng.range(0.4, 1), 0.75, 0.05, 0.08);
  const turn = new Drift(0, 0, 0.12, 0.18);
  const strafe = new Drift(0, 0, 0.2, 0.08);
  const look = new Drift(0, 0, 0.2, 0.15);
  const stuck = new StuckWatch();
  let pushed = false;
  return {
    name: 'wander',
    next(pose) {
      stuck.update(pose, pushed, rng);
      let action: Action;
      if (stuck.escaping > 0) {
        stuck.escaping--;
        action = [stuck.escaping > 4 ? 0 : 0.6, 0, stuck.escapeSign, levelLook(pose)];
      } else {
        action = [speed.step(rng), 0.5 * strafe.step(rng), turn.step(rng), look.step(rng) + levelLook(pose, 0) * 0.5];
      }
      action = clampAction(action);
      pushed = action[0] > 0.2;
      return action;
    },
  };
}

function followPath(targets: ExplorationTargets, rng: Rng): ExplorationPolicy {
  // A path's points in order (either direction), else a tour of points of interest.
  const route =
    targets.paths.length > 0
      ? (() => {
          const path = rng.pick(targets.paths);
          return rng.chance(0.5) ? [...path] : [...path].reverse();
        })()
      : Array.from({ length: 4 }, () => rng.pick(targets.pointsOfInterest));
  let index = 0;
  const look = new Drift(0, 0, 0.2, 0.1);
  const speed = new Drift(0.85, 0.85, 0.1, 0.05);
  const stuck = new StuckWatch();
  let pushed = false;
  return {
    name: 'follow-path',
    next(pose) {
      stuck.update(pose, pushed, rng);
      // Steer toward the first route point at least 6 m ahead.
      while (index < route.length - 1 && Math.hypot(route[index].x - pose.x, route[index].z - pose.z) < 6) index++;
      const goal = route[index];
      let action: Action;
      if (stuck.escaping > 0) {
        stuck.escaping--;
        action = [0.5, stuck.escapeSign, 0.3 * stuck.escapeSign, levelLook(pose)];
      } else if (Math.hypot(goal.x - pose.x, goal.z - pose.z) < 3) {
        // The end of the route: stop and look around.
        action = [0, 0, 0.5, look.step(rng) + levelLook(pose) * 0.5];
      } else {
        const turn = turnToward(pose, goal.x, goal.z);
        action = [speed.step(rng) * (Math.abs(turn) > 1 ? 0.3 : 1), 0, turn, look.step(rng) + levelLook(pose) * 0.5];
      }
      action = clampAction(action);
      pushed = action[0] > 0.2;
      return action;
    },
  };
}

function lookAround(rng: Rng): ExplorationPolicy {
  let turnSign = rng.chance(0.5) ? 1 : -1;
  let untilSwitch = rng.int(10, 40);
  const turn = new Drift(0.6, 0.6, 0.1, 0.1);
  const look = new Drift(0, 0, 0.08, 0.2);
  return {
    name: 'look-around',
    next(pose) {
      if (--untilSwitch <= 0) {
        turnSign = -turnSign;
        untilSwitch = rng.int(10, 40);
      }
      const step = rng.chance(0.05) ? rng.range(0.3, 0.8) : 0;
      return clampAction([step, 0, turnSign * Math.abs(turn.step(rng)), look.step(rng) + levelLook(pose, 0.05) * 0.3]);
    },
  };
}

function orbit(centre: { x: number; z: number }, rng: Rng): ExplorationPolicy {
  const radius = rng.range(8, 25);
  const direction = rng.chance(0.5) ? 1 : -1;
  const look = new Drift(0, 0, 0.2, 0.08);
  return {
    name: 'orbit',
    next(pose) {
      const distance = Math.hypot(centre.x - pose.x, centre.z - pose.z);
      return clampAction([0.15 * (distance - radius), direction * 0.7, turnToward(pose, centre.x, centre.z, 2), look.step(rng) + levelLook(pose) * 0.5]);
    },
  };
}
