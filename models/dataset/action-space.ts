/**
 * The world model's action space (version 1) and how an action moves the player: four numbers in
 * [−1, 1] — forward, strafe, turn, look — applied for one step of 1 / fps seconds, on the ground,
 * through the World query API (terrain following, colliders, the world's edge, deep water). The
 * dataset records these actions and the poses they led to; the stream server applies them the
 * same way. See models/CONTRACT.md.
 */
import type { WorldQuery } from '../../generators/world/world-query.ts';

export const ACTION_NAMES = ['forward', 'strafe', 'turn', 'look'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** [forward, strafe, turn, look], each in [−1, 1]. */
export type Action = [number, number, number, number];

/** The eye: position in the world's glTF metres (y up), yaw from +z toward +x, pitch up positive. */
export interface EyePose {
  x: number;
  y: number;
  z: number;
  yaw: number;
  pitch: number;
}

export const ACTION_SPACE = {
  version: 1,
  names: [...ACTION_NAMES],
  low: [-1, -1, -1, -1],
  high: [1, 1, 1, 1],
  /** Metres per second at forward or strafe ±1. */
  walkSpeed: 4,
  /** At turn ±1; +1 turns right (yaw falls). */
  turnDegreesPerSecond: 90,
  /** At look ±1; +1 looks up. */
  lookDegreesPerSecond: 60,
  /** The eye above the ground. */
  eyeHeight: 1.7,
  maxPitchDegrees: 45,
  /** Deeper water stops the walker. */
  maxWadeMetres: 0.5,
} as const;

export type ActionSpace = typeof ACTION_SPACE;

export const POSE_FIELDS = ['x', 'y', 'z', 'yaw', 'pitch'] as const;

export const ZERO_ACTION: Action = [0, 0, 0, 0];

/** The action clamped to [−1, 1] per axis (NaN becomes 0): what a server applies to any input. */
export function clampAction(action: readonly number[]): Action {
  const c = (v: number | undefined) => (Number.isFinite(v) ? Math.max(-1, Math.min(1, v as number)) : 0);
  return [c(action[0]), c(action[1]), c(action[2]), c(action[3])];
}

/** The pose after `action` for one step of `1 / fps` seconds. */
export function applyAction(query: WorldQuery, pose: EyePose, action: Action, fps: number): EyePose {
  const dt = 1 / fps;
  const [forward, strafe, turn, look] = clampAction(action);
  const s = ACTION_SPACE;
  const turnRadians = (-turn * s.turnDegreesPerSecond * Math.PI * dt) / 180;
  const feet = query.moveWithCollision(
    { x: pose.x, y: pose.y - s.eyeHeight, z: pose.z, yaw: pose.yaw },
    { forward: forward * s.walkSpeed * dt, strafe: strafe * s.walkSpeed * dt, turn: turnRadians },
    { maxWade: s.maxWadeMetres },
  );
  const maxPitch = (s.maxPitchDegrees * Math.PI) / 180;
  const pitch = Math.max(-maxPitch, Math.min(maxPitch, pose.pitch + (look * s.lookDegreesPerSecond * Math.PI * dt) / 180));
  return { x: feet.x, y: feet.y + s.eyeHeight, z: feet.z, yaw: wrapAngle(feet.yaw), pitch };
}

/** The direction the eye looks in (unit vector). */
export function viewDirection(pose: Pick<EyePose, 'yaw' | 'pitch'>): [number, number, number] {
  const c = Math.cos(pose.pitch);
  return [Math.sin(pose.yaw) * c, Math.sin(pose.pitch), Math.cos(pose.yaw) * c];
}

/** An angle in (−π, π]. */
export function wrapAngle(a: number): number {
  const t = a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
  return t === -Math.PI ? Math.PI : t;
}
