/**
 * Skin weights as functions of a bind-pose position. A limb or the torso is weighted along a chain
 * of joints: each joint boundary is a plane (through the joint, facing down the chain) with a soft
 * band either side, so vertices near a knee or an elbow blend the two bones smoothly and the rest
 * follow one bone rigidly. Weights always sum to 1 (the chain's weights telescope).
 */
import type { Vec3 } from './quaternion.ts';

/** [joint index, weight] pairs; any number, merged and cut to four when the mesh is built. */
export type Influence = Array<[number, number]>;
export type Weigh = (position: Vec3) => Influence;

export interface ChainBoundary {
  /** A point on the boundary plane (the child joint's bind position). */
  at: Vec3;
  /** Unit normal pointing toward the child side. */
  toward: Vec3;
  /** Half-width of the blend band, metres. */
  blend: number;
}

export const rigid =
  (joint: number): Weigh =>
  () => [[joint, 1]];

/** joints[0] … joints[n]; boundaries[k] separates joints[k] from joints[k + 1]. */
export function chain(joints: readonly number[], boundaries: readonly ChainBoundary[]): Weigh {
  return (p) => {
    const out: Influence = [];
    let remaining = 1;
    for (let k = 0; k < joints.length; k++) {
      if (k === joints.length - 1) {
        out.push([joints[k], remaining]);
        break;
      }
      const b = boundaries[k];
      const h = (p[0] - b.at[0]) * b.toward[0] + (p[1] - b.at[1]) * b.toward[1] + (p[2] - b.at[2]) * b.toward[2];
      const past = smoothstep(-b.blend, b.blend, h);
      out.push([joints[k], remaining * (1 - past)]);
      remaining *= past;
      if (remaining <= 0) break;
    }
    return out;
  };
}

/** `a` where t(p) = 0, `b` where t(p) = 1, blended between. */
export function blendWeights(a: Weigh, b: Weigh, t: (p: Vec3) => number): Weigh {
  return (p) => {
    const k = Math.min(1, Math.max(0, t(p)));
    return [...a(p).map(([j, w]): [number, number] => [j, w * (1 - k)]), ...b(p).map(([j, w]): [number, number] => [j, w * k])];
  };
}

/** Merge duplicate joints, keep the four strongest, renormalise to sum 1. */
export function topFour(influence: Influence): { joints: [number, number, number, number]; weights: [number, number, number, number] } {
  const merged = new Map<number, number>();
  for (const [j, w] of influence) if (w > 0) merged.set(j, (merged.get(j) ?? 0) + w);
  const sorted = [...merged.entries()].filter(([, w]) => w >= 1e-3).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 4);
  if (sorted.length === 0) throw new RangeError('skin weights: a vertex has no influence');
  const total = sorted.reduce((s, [, w]) => s + w, 0);
  const joints: [number, number, number, number] = [0, 0, 0, 0];
  const weights: [number, number, number, number] = [0, 0, 0, 0];
  sorted.forEach(([j, w], i) => {
    joints[i] = j;
    weights[i] = w / total;
  });
  // Unused slots repeat no joint with weight: point them at the strongest (weight 0).
  for (let i = sorted.length; i < 4; i++) joints[i] = 0;
  return { joints, weights };
}

export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}
