/**
 * The camera of each shot type as a function of time: where it stands and what it looks at, given
 * where the subject is at that moment. Pure geometry — the framing step (`frame-shots.ts`) chooses
 * rig parameters that keep the camera clear of the world and the subject in sight.
 *
 * Conventions: azimuth 0 puts the camera south (+z) of the subject, 90 east (+x). For shots that
 * follow a character (tracking, over-the-shoulder, close-up) the azimuth is measured from the way
 * the character faces, so 180 is behind them. Heights are above the subject's base.
 */
import type { Rig, Shot } from './shot-plan-schema.ts';
import type { ShotType, TimelineCamera, Vec3 } from './timeline.ts';

/** The subject at one moment, as a camera sees it. */
export interface SubjectPose {
  base: Vec3;
  aim: Vec3;
  radius: number;
  height: number;
  /** For characters: the way they face (smoothed, for a calm camera), and what they look at. */
  heading?: number;
  lookAt?: Vec3 | null;
}

export type ResolvedRig = Required<Rig>;

/** Full-frame focal length by shot type, mm. */
export const DEFAULT_FOCAL_LENGTH: Record<ShotType, number> = {
  establishing: 24,
  aerial: 24,
  dolly: 35,
  orbit: 35,
  tracking: 35,
  'over-the-shoulder': 50,
  'close-up': 85,
  pov: 24,
};

/** Shot types whose azimuth turns with the character they follow. */
export const CHARACTER_RELATIVE: ReadonlySet<ShotType> = new Set(['tracking', 'over-the-shoulder', 'close-up', 'pov']);

/** Vertical field of view of a full-frame (24 mm tall) sensor behind a lens, degrees. */
export function verticalFov(focalLengthMm: number): number {
  return (2 * Math.atan(12 / focalLengthMm) * 180) / Math.PI;
}

export function focalLength(shot: Shot): number {
  return shot.lens?.focalLengthMm ?? DEFAULT_FOCAL_LENGTH[shot.type];
}

/** The rig a shot type uses on a subject of this size, before the world is consulted. */
export function defaultRig(type: ShotType, subject: SubjectPose, isCharacter: boolean, isWorld: boolean): ResolvedRig {
  const size = Math.max(subject.radius, subject.height);
  const rig = (distance: number, height: number, azimuthDegrees: number, travel = 0, orbitDegrees = 0): ResolvedRig => ({ distance, height, azimuthDegrees, orbitDegrees, travel });
  switch (type) {
    case 'establishing':
      return isWorld ? rig(subject.radius * 1.15, subject.radius * 0.42, 0, subject.radius * 0.08) : rig(Math.max(45, size * 4), Math.max(12, size * 1.3), 0, Math.max(3, size * 0.25));
    case 'aerial':
      return isWorld ? rig(subject.radius * 0.95, subject.radius * 0.6, 0, subject.radius * 0.35) : rig(Math.max(80, size * 5), Math.max(45, size * 3), 0, Math.max(25, size * 2));
    case 'dolly':
      return isCharacter ? rig(8, 1.7, 20, 3) : rig(Math.max(14, size * 3.2), Math.max(2, subject.height * 0.45), 0, Math.max(4, size * 1.1));
    case 'orbit':
      return isCharacter ? rig(5, 1.8, 0, 0, 70) : rig(Math.max(16, size * 2.6), Math.max(4, size * 0.9), 0, 0, 75);
    case 'tracking':
      return isCharacter ? rig(5.5, 2.1, 155) : rig(Math.max(14, size * 3), Math.max(2, subject.height * 0.5), 90, Math.max(4, size));
    case 'over-the-shoulder':
      return isCharacter ? rig(1.5, 1.78, 180) : rig(Math.max(10, size * 2.5), 1.7, 0);
    case 'close-up':
      // Head and shoulders at 85 mm: 2.2 m away, level with the eyes.
      return isCharacter ? rig(2.2, subject.height * 0.93, 25) : rig(Math.max(6, size * 1.6), Math.max(1.6, subject.height * 0.5), 0);
    case 'pov':
      // Their eyes (a walker of average height when nobody's).
      return rig(0, isCharacter ? subject.height * 0.93 : 1.62, 0);
  }
}

/**
 * The camera at `t` seconds into a shot lasting `seconds` (t may run past the end during a
 * crossfade: moving rigs keep moving).
 */
export function cameraAt(type: ShotType, rig: ResolvedRig, subject: SubjectPose, t: number, seconds: number, fovDegrees: number): TimelineCamera {
  const u = t / seconds;
  const ease = u <= 1 ? smoothstep(u) : 1 + (u - 1) * 1.5;
  const [bx, by, bz] = subject.base;
  const toRad = Math.PI / 180;
  const relative = CHARACTER_RELATIVE.has(type) && subject.heading !== undefined;
  const heading = relative ? subject.heading! : 0;
  if (type === 'pov') {
    const eye: Vec3 = [bx, by + rig.height + 0.025 * Math.sin(t * Math.PI * 2 * 1.8), bz];
    const look = subject.lookAt ?? [bx + Math.sin(heading) * 30, by + rig.height - 2, bz + Math.cos(heading) * 30];
    return { position: eye, target: look, fovDegrees };
  }
  if (type === 'over-the-shoulder' && relative) {
    const back = heading + rig.azimuthDegrees * toRad;
    const shoulder = 0.5;
    // Behind, and a shoulder's width to the right (right of facing yaw is (−cos, +sin)).
    const position: Vec3 = [
      bx + Math.sin(back) * rig.distance - Math.cos(heading) * shoulder,
      by + rig.height,
      bz + Math.cos(back) * rig.distance + Math.sin(heading) * shoulder,
    ];
    const look = subject.lookAt ?? [bx + Math.sin(heading) * 25, by + 1.5, bz + Math.cos(heading) * 25];
    return { position, target: look, fovDegrees };
  }
  let azimuth = heading + (rig.azimuthDegrees + (type === 'orbit' ? rig.orbitDegrees * ease : 0)) * toRad;
  let distance = rig.distance;
  let lateral = 0;
  if (type === 'tracking' && !relative) lateral = rig.travel * (ease - 0.5);
  else if (type !== 'orbit' && type !== 'tracking') distance -= rig.travel * ease;
  const sideX = Math.cos(azimuth);
  const sideZ = -Math.sin(azimuth);
  const position: Vec3 = [bx + Math.sin(azimuth) * distance + sideX * lateral, by + rig.height, bz + Math.cos(azimuth) * distance + sideZ * lateral];
  if (type === 'aerial' && distance < 0) azimuth += Math.PI; // flown past: keep looking at it
  const target: Vec3 = type === 'tracking' && relative ? [subject.aim[0] + Math.sin(heading) * 1.5, subject.aim[1], subject.aim[2] + Math.cos(heading) * 1.5] : subject.aim;
  return { position, target, fovDegrees };
}

function smoothstep(u: number): number {
  const x = Math.max(0, Math.min(1, u));
  return x * x * (3 - 2 * x);
}
