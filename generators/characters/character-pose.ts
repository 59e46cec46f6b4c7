/**
 * A pose: each joint's rotation relative to the bind pose (its glTF node rotation) and the hips'
 * offset from their bind position (added to the hips node's translation). Forward kinematics and
 * CPU skinning, for clips that aim feet and for tests that measure them.
 */
import type { CharacterModel } from './character-model.ts';
import type { CharacterJoint } from './character-skeleton.ts';
import { add, IDENTITY_QUAT, quatMultiply, quatRotate, sub, type Quat, type Vec3 } from './quaternion.ts';

export interface CharacterPose {
  /** Local rotation per joint (JOINT_NAMES order), unit quaternions [x, y, z, w]. */
  rotations: Quat[];
  /** Added to the hips' bind position (metres, character space). */
  hipsOffset: Vec3;
}

export function bindPose(jointCount: number): CharacterPose {
  return { rotations: Array.from({ length: jointCount }, () => [...IDENTITY_QUAT] as Quat), hipsOffset: [0, 0, 0] };
}

export interface PosedJoints {
  /** World rotation of each joint (character space). */
  rotations: Quat[];
  /** World position of each joint. */
  positions: Vec3[];
}

export function poseJoints(joints: readonly CharacterJoint[], pose: CharacterPose): PosedJoints {
  const rotations: Quat[] = [];
  const positions: Vec3[] = [];
  joints.forEach((joint, i) => {
    if (joint.parent < 0) {
      rotations.push(pose.rotations[i]);
      positions.push(add(joint.translation, pose.hipsOffset));
    } else {
      rotations.push(quatMultiply(rotations[joint.parent], pose.rotations[i]));
      positions.push(add(positions[joint.parent], quatRotate(rotations[joint.parent], joint.translation)));
    }
  });
  return { rotations, positions };
}

/** Every part's vertices in the pose (linear blend skinning), in `model.parts` order. */
export function skinPositions(model: CharacterModel, pose: CharacterPose): Float32Array[] {
  const posed = poseJoints(model.joints, pose);
  return model.parts.map((part) => {
    const out = new Float32Array(part.positions.length);
    for (let v = 0; v < part.positions.length / 3; v++) {
      const p: Vec3 = [part.positions[v * 3], part.positions[v * 3 + 1], part.positions[v * 3 + 2]];
      for (let k = 0; k < 4; k++) {
        const w = part.weights[v * 4 + k];
        if (w === 0) continue;
        const j = part.joints[v * 4 + k];
        const q = add(posed.positions[j], quatRotate(posed.rotations[j], sub(p, model.joints[j].position)));
        out[v * 3] += w * q[0];
        out[v * 3 + 1] += w * q[1];
        out[v * 3 + 2] += w * q[2];
      }
    }
    return out;
  });
}
