/**
 * The two looping clips, as functions of time: `sampleClip(model, 'walk' | 'idle', t)`.
 *
 * walk — in place (the cutscene moves the root at WALK_SPEED_METRES_PER_SECOND): the feet follow
 *   their tracks (walk-gait.ts) by two-bone IK, so a planted foot never slides and never sinks; the
 *   left heel lands at phase 0 and the right at 0.5; the hips bob (lowest at the contacts), sway
 *   over the planted foot, turn with the forward leg and drop on the swing side; the chest turns
 *   against them; the arms swing opposite the legs, elbows bending as they come forward; the head
 *   stays level and looking ahead; a cloak trails.
 * idle — breathing (chest and shoulders), a slow weight shift from foot to foot with the feet
 *   planted (IK), a look to each side, arms settling; one IDLE_CYCLE_SECONDS loop.
 *
 * Every term is periodic in its cycle, so t and t + cycle give the same pose.
 */
import type { CharacterModel } from './character-model.ts';
import { bindPose, poseJoints, type CharacterPose } from './character-pose.ts';
import { J } from './character-skeleton.ts';
import { footTrack } from './walk-gait.ts';
import { normalize, quatConjugate, quatEuler, quatMultiply, rotX, sub, type Quat, type Vec3 } from './quaternion.ts';
import { solveTwoBone } from './two-bone-ik.ts';
import { IDLE_CYCLE_SECONDS, WALK_CYCLE_SECONDS } from './walk-cycle.ts';
import { CharacterError } from './character-error.ts';

export const CLIP_NAMES = ['idle', 'walk'] as const;
export type ClipName = (typeof CLIP_NAMES)[number];

/** Seconds per loop of a clip. */
export function clipDuration(clip: ClipName): number {
  return clip === 'walk' ? WALK_CYCLE_SECONDS : IDLE_CYCLE_SECONDS;
}

export function sampleClip(model: CharacterModel, clip: ClipName, t: number): CharacterPose {
  if (!Number.isFinite(t)) throw new CharacterError(`sampleClip: time ${t} is not a finite number of seconds.`);
  if (clip === 'walk') return walkPose(model, cyclePhase(t, WALK_CYCLE_SECONDS));
  if (clip === 'idle') return idlePose(model, cyclePhase(t, IDLE_CYCLE_SECONDS));
  throw new CharacterError(`sampleClip: no clip "${String(clip)}"; the clips are ${CLIP_NAMES.join(', ')}.`);
}

/** 0 ≤ phase < 1. */
function cyclePhase(t: number, cycle: number): number {
  const phase = (t / cycle) % 1;
  return phase < 0 ? phase + 1 : phase;
}

const deg = (d: number) => (d * Math.PI) / 180;
const TAU = Math.PI * 2;

export function walkPose(model: CharacterModel, phase: number): CharacterPose {
  const g = model.gait;
  const pose = bindPose(model.joints.length);
  const r = pose.rotations;
  const w = TAU * phase;
  pose.hipsOffset = [g.sway * Math.sin(w), -g.hipDrop - (g.bob * (1 + Math.cos(2 * w))) / 2, 0];
  const hipsYaw = -deg(5) * Math.cos(w);
  const hipsRoll = deg(3) * Math.sin(w + 0.35);
  r[J.hips] = quatEuler(deg(2), hipsYaw, hipsRoll);
  r[J.spine] = quatEuler(deg(2), -hipsYaw * 0.6, -hipsRoll * 0.7);
  const chestYaw = -hipsYaw * 1.3;
  r[J.chest] = quatEuler(deg(1) + deg(1) * Math.cos(2 * w), chestYaw, -hipsRoll * 0.3);
  r[J.neck] = quatEuler(-deg(2), -(hipsYaw * 0.4 + chestYaw) * 0.5, 0);
  r[J.head] = quatEuler(-deg(1) - deg(1.2) * Math.cos(2 * w), -(hipsYaw * 0.4 + chestYaw) * 0.5, 0);
  const armSwing = deg(20);
  for (const side of [1, -1] as const) {
    // The left arm is back when the left leg is forward (phase 0).
    const swing = side * armSwing * Math.cos(w);
    const forward = Math.max(0, -swing / armSwing);
    const [shoulder, upper, fore, hand] = side === 1 ? [J.shoulderL, J.upperArmL, J.forearmL, J.handL] : [J.shoulderR, J.upperArmR, J.forearmR, J.handR];
    r[shoulder] = quatEuler(swing * 0.15, 0, 0);
    r[upper] = quatEuler(swing, 0, side * deg(2));
    r[fore] = rotX(-deg(14) - deg(24) * forward);
    r[hand] = quatEuler(-deg(6), 0, 0);
  }
  r[J.cloak] = quatEuler(deg(13) + deg(3) * Math.cos(2 * w), deg(3) * Math.sin(w), 0);
  placeFeet(model, pose, (side) => {
    const track = footTrack(g, side === 1 ? phase : (phase + 0.5) % 1);
    return { target: [side * g.footX, track.ankleY, track.z], pitch: track.pitch };
  });
  return pose;
}

export function idlePose(model: CharacterModel, phase: number): CharacterPose {
  const g = model.gait;
  const pose = bindPose(model.joints.length);
  const r = pose.rotations;
  const w = TAU * phase;
  const breath = (1 - Math.cos(w)) / 2;
  const leg = g.thighLength + g.shinLength;
  pose.hipsOffset = [0.014 * Math.sin(w), -0.018 * leg - 0.004 * (1 - Math.cos(2 * w)) / 2, 0];
  const roll = deg(1.6) * Math.sin(w);
  r[J.hips] = quatEuler(0, deg(1.5) * Math.sin(w), roll);
  r[J.spine] = quatEuler(deg(1), 0, -roll * 0.8);
  r[J.chest] = quatEuler(-deg(1.5) * breath, 0, -roll * 0.3);
  r[J.neck] = quatEuler(deg(1), deg(4) * Math.sin(w - 0.4), 0);
  r[J.head] = quatEuler(deg(1.5) * Math.sin(2 * w), deg(9) * Math.sin(w - 0.4), deg(1) * Math.sin(w));
  for (const side of [1, -1] as const) {
    const [shoulder, upper, fore, hand] = side === 1 ? [J.shoulderL, J.upperArmL, J.forearmL, J.handL] : [J.shoulderR, J.upperArmR, J.forearmR, J.handR];
    r[shoulder] = quatEuler(0, 0, side * deg(1.5) * breath);
    r[upper] = quatEuler(deg(2) * Math.sin(w + side), 0, side * deg(1) * breath);
    r[fore] = rotX(-deg(9) - deg(2) * Math.sin(w + side));
    r[hand] = quatEuler(-deg(5), 0, 0);
  }
  r[J.cloak] = quatEuler(deg(2) + deg(1.5) * Math.sin(w), 0, 0);
  const bind = model.joints;
  placeFeet(model, pose, (side) => ({ target: [...bind[side === 1 ? J.footL : J.footR].position] as Vec3, pitch: 0 }));
  return pose;
}

/** Aims both legs at their ankle targets (character space) and turns the feet to their pitch. */
function placeFeet(model: CharacterModel, pose: CharacterPose, foot: (side: 1 | -1) => { target: Vec3; pitch: number }): void {
  const joints = model.joints;
  const posed = poseJoints(joints, pose);
  const hipsWorld = posed.rotations[J.hips];
  for (const side of [1, -1] as const) {
    const [thigh, shin, ankle] = side === 1 ? [J.thighL, J.shinL, J.footL] : [J.thighR, J.shinR, J.footR];
    const { target, pitch } = foot(side);
    const restUpper = normalize(sub(joints[shin].position, joints[thigh].position));
    const restLower = normalize(sub(joints[ankle].position, joints[shin].position));
    const ik = solveTwoBone(posed.positions[thigh], target, model.gait.thighLength, model.gait.shinLength, restUpper, restLower, [0, 0, 1]);
    const footWorld: Quat = rotX(-pitch);
    pose.rotations[thigh] = quatMultiply(quatConjugate(hipsWorld), ik.upper);
    pose.rotations[shin] = quatMultiply(quatConjugate(ik.upper), ik.lower);
    pose.rotations[ankle] = quatMultiply(quatConjugate(ik.lower), footWorld);
  }
}
