/**
 * Two-bone inverse kinematics for a leg: the thigh and shin world rotations that put the ankle on
 * a target, the knee bending toward a pole direction (forward). Each bone turns from its bind
 * direction to its new one about the knee's hinge, so a bone keeps its twist. A target out of reach
 * is approached as far as the leg goes (the leg straightens toward it).
 */
import { cross, dot, normalize, quatFromBasis, quatMultiply, quatConjugate, scale, sub, add, type Quat, type Vec3 } from './quaternion.ts';

export interface TwoBoneSolution {
  upper: Quat;
  lower: Quat;
  /** Where the end lands (the target, or as near as the leg reaches). */
  end: Vec3;
}

/**
 * `root` the hip joint, `target` the ankle, `restUpper`/`restLower` the bones' bind directions
 * (unit, hip→knee and knee→ankle; both perpendicular to +x), lengths `a`, `b`.
 */
export function solveTwoBone(root: Vec3, target: Vec3, a: number, b: number, restUpper: Vec3, restLower: Vec3, pole: Vec3): TwoBoneSolution {
  const toTarget = sub(target, root);
  const u = normalize(toTarget);
  const dist = Math.min((a + b) * 0.99995, Math.max(Math.abs(a - b) + 1e-4, Math.hypot(...toTarget)));
  const cosA = Math.min(1, Math.max(-1, (a * a + dist * dist - b * b) / (2 * a * dist)));
  const sinA = Math.sqrt(1 - cosA * cosA);
  const bend = normalize(sub(pole, scale(u, dot(pole, u))));
  const upperDir = add(scale(u, cosA), scale(bend, sinA));
  const knee = add(root, scale(upperDir, a));
  const end = add(root, scale(u, dist));
  const lowerDir = normalize(sub(end, knee));
  const hinge = normalize(cross(bend, u));
  const frame = (dir: Vec3, axis: Vec3): Quat => {
    const y = scale(dir, -1);
    return quatFromBasis(axis, y, cross(axis, y));
  };
  const x: Vec3 = [1, 0, 0];
  return {
    upper: quatMultiply(frame(upperDir, hinge), quatConjugate(frame(restUpper, x))),
    lower: quatMultiply(frame(lowerDir, hinge), quatConjugate(frame(restLower, x))),
    end,
  };
}
