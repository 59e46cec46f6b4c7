/**
 * The skeleton every character shares: 20 joints, named alike in every file so a cutscene and a
 * game can address them by name. In the bind pose every joint's rotation is the identity (a
 * relaxed stance, arms hanging 7° out from the body), so an animation's local rotations are
 * rotations away from that stance and the inverse bind matrices are pure translations.
 *
 * Left is the character's own left: +x, since they face +z.
 */
import type { CharacterProportions } from './character-design.ts';
import type { Vec3 } from './quaternion.ts';

export const JOINT_NAMES = [
  'hips',
  'spine',
  'chest',
  'neck',
  'head',
  'shoulder.L',
  'upperArm.L',
  'forearm.L',
  'hand.L',
  'shoulder.R',
  'upperArm.R',
  'forearm.R',
  'hand.R',
  'thigh.L',
  'shin.L',
  'foot.L',
  'thigh.R',
  'shin.R',
  'foot.R',
  'cloak',
] as const;
export type JointName = (typeof JOINT_NAMES)[number];

/** Index of each joint by name: `J.thighL`… */
export const J = {
  hips: 0,
  spine: 1,
  chest: 2,
  neck: 3,
  head: 4,
  shoulderL: 5,
  upperArmL: 6,
  forearmL: 7,
  handL: 8,
  shoulderR: 9,
  upperArmR: 10,
  forearmR: 11,
  handR: 12,
  thighL: 13,
  shinL: 14,
  footL: 15,
  thighR: 16,
  shinR: 17,
  footR: 18,
  cloak: 19,
} as const;

export const JOINT_PARENTS: readonly number[] = [-1, J.hips, J.spine, J.chest, J.neck, J.chest, J.shoulderL, J.upperArmL, J.forearmL, J.chest, J.shoulderR, J.upperArmR, J.forearmR, J.hips, J.thighL, J.shinL, J.hips, J.thighR, J.shinR, J.chest];

/** How far the arms hang out from the body in the bind pose. */
export const ARM_SPREAD_RADIANS = (7 * Math.PI) / 180;

export interface CharacterJoint {
  name: JointName;
  /** Index of the parent joint, −1 for the root (hips). */
  parent: number;
  /** Bind position in the character's space (feet on y = 0, facing +z). */
  position: Vec3;
  /** Bind offset from the parent joint (the glTF node's translation; the root's is its position). */
  translation: Vec3;
}

/** Joints in JOINT_NAMES order; every parent comes before its children. */
export function buildSkeleton(p: CharacterProportions): CharacterJoint[] {
  const H = p.height;
  const shoulderY = p.hipHeight + p.torsoLength;
  const neckY = shoulderY + 0.012 * H;
  const headY = Math.min(neckY + p.neckLength, H - 1.6 * p.headRadii[1]);
  const arm = (side: 1 | -1): Vec3[] => {
    const shoulder: Vec3 = [side * p.shoulderWidth * 0.16, shoulderY - 0.012 * H, 0];
    const upper: Vec3 = [(side * p.shoulderWidth) / 2, shoulderY - 0.022 * H, -0.004 * H];
    const dir: Vec3 = [side * Math.sin(ARM_SPREAD_RADIANS), -Math.cos(ARM_SPREAD_RADIANS), 0];
    const elbow: Vec3 = [upper[0] + dir[0] * p.upperArm, upper[1] + dir[1] * p.upperArm, upper[2]];
    const wrist: Vec3 = [elbow[0] + dir[0] * p.forearm, elbow[1] + dir[1] * p.forearm, elbow[2]];
    return [shoulder, upper, elbow, wrist];
  };
  const leg = (side: 1 | -1): Vec3[] => [
    [(side * p.hipWidth) / 2, p.hipHeight, 0],
    [(side * p.hipWidth) / 2, p.kneeHeight, 0.004 * H],
    [(side * p.hipWidth) / 2, p.ankleHeight, 0],
  ];
  const positions: Vec3[] = [
    [0, p.hipHeight + 0.035 * H, 0],
    [0, p.hipHeight + 0.33 * p.torsoLength, 0],
    [0, p.hipHeight + 0.62 * p.torsoLength, 0],
    [0, neckY, -0.005 * H],
    [0, headY, -0.004 * H],
    ...arm(1),
    ...arm(-1),
    ...leg(1),
    ...leg(-1),
    [0, shoulderY - 0.004 * H, -0.075 * H * p.girth],
  ];
  return positions.map((position, i) => {
    const parent = JOINT_PARENTS[i];
    const base = parent < 0 ? [0, 0, 0] : positions[parent];
    return {
      name: JOINT_NAMES[i],
      parent,
      position,
      translation: [position[0] - base[0], position[1] - base[1], position[2] - base[2]] as Vec3,
    };
  });
}
