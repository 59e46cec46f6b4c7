/**
 * What every drawing step of a character shares: the design, the skeleton, linear colours, the
 * mesh being built, the weighing functions of each body region, and the torso's cross-section at
 * any height (so clothes can wrap the body they cover).
 */
import { linear } from '../assets/mesh-builder.ts';
import type { Rgb } from '../biomes/color.ts';
import type { CharacterColors, CharacterDesign, CharacterProportions } from './character-design.ts';
import { ARM_SPREAD_RADIANS, J, type CharacterJoint } from './character-skeleton.ts';
import type { Vec3 } from './quaternion.ts';
import { blendWeights, chain, rigid, smoothstep, type Weigh } from './skin-weights.ts';
import type { SkinnedMeshBuilder } from './skinned-mesh-builder.ts';

export interface TorsoSection {
  y: number;
  rx: number;
  rd: number;
  /** The section's centre, forward of the spine (a chest is deeper in front). */
  z: number;
}

export interface DrawContext {
  design: CharacterDesign;
  p: CharacterProportions;
  H: number;
  joints: readonly CharacterJoint[];
  /** The design's colours, linear. */
  c: Record<keyof CharacterColors, Rgb>;
  mesh: SkinnedMeshBuilder;
  weigh: {
    torso: Weigh;
    head: Weigh;
    neck: Weigh;
    arm: (side: 1 | -1) => Weigh;
    leg: (side: 1 | -1) => Weigh;
    /** A skirt: the torso at the waist, more and more each thigh (by side) toward the hem. */
    skirt: (hemY: number) => Weigh;
    cloak: Weigh;
  };
  /** The torso's sections from crotch to neck, bottom first. */
  torso: TorsoSection[];
  /** The torso section at height y (interpolated). */
  torsoAt(y: number): TorsoSection;
  /** The arm's hanging direction (unit) and its joints' bind positions, per side. */
  arm(side: 1 | -1): { dir: Vec3; shoulder: Vec3; elbow: Vec3; wrist: Vec3 };
  pos(joint: number): Vec3;
}

/** Torso shape: fractions of the hip→shoulder span (s) and of height (rx, rd, z), per body. */
const TORSO_PROFILES = {
  masculine: [
    [-0.16, 0.056, 0.05, 0],
    [0, 0.094, 0.062, 0],
    [0.2, 0.088, 0.058, 0],
    [0.37, 0.083, 0.056, 0.002],
    [0.58, 0.092, 0.062, 0.004],
    [0.77, 0.1, 0.064, 0.004],
    [0.93, 0.1, 0.056, 0],
    [1.02, 0.074, 0.044, -0.003],
    [1.07, 0.034, 0.032, -0.004],
  ],
  feminine: [
    [-0.16, 0.06, 0.052, 0],
    [0, 0.103, 0.066, -0.002],
    [0.2, 0.095, 0.06, 0],
    [0.4, 0.073, 0.052, 0.002],
    [0.6, 0.082, 0.06, 0.006],
    [0.76, 0.089, 0.068, 0.01],
    [0.93, 0.09, 0.054, 0],
    [1.02, 0.068, 0.042, -0.003],
    [1.07, 0.032, 0.03, -0.004],
  ],
} as const;

export function makeDrawContext(design: CharacterDesign, joints: readonly CharacterJoint[], mesh: SkinnedMeshBuilder): DrawContext {
  const p = design.proportions;
  const H = p.height;
  const c = Object.fromEntries(Object.entries(design.colors).map(([k, hex]) => [k, linear(hex)])) as Record<keyof CharacterColors, Rgb>;
  const pos = (j: number): Vec3 => joints[j].position;
  const shoulderY = p.hipHeight + p.torsoLength;
  const widen = design.child ? 1.12 : 1;
  const torso: TorsoSection[] = TORSO_PROFILES[design.body].map(([s, rx, rd, z]) => ({
    y: p.hipHeight + s * (shoulderY - p.hipHeight),
    rx: rx * H * p.girth * widen,
    rd: rd * H * p.girth * widen,
    z: z * H,
  }));
  const torsoAt = (y: number): TorsoSection => {
    if (y <= torso[0].y) return { ...torso[0], y };
    for (let i = 1; i < torso.length; i++) {
      if (y <= torso[i].y) {
        const t = (y - torso[i - 1].y) / (torso[i].y - torso[i - 1].y);
        const a = torso[i - 1];
        const b = torso[i];
        return { y, rx: a.rx + (b.rx - a.rx) * t, rd: a.rd + (b.rd - a.rd) * t, z: a.z + (b.z - a.z) * t };
      }
    }
    return { ...torso[torso.length - 1], y };
  };
  const down: Vec3 = [0, -1, 0];
  const up: Vec3 = [0, 1, 0];
  const spineChain = chain(
    [J.hips, J.spine, J.chest, J.neck, J.head],
    [
      { at: pos(J.spine), toward: up, blend: 0.03 * H },
      { at: pos(J.chest), toward: up, blend: 0.035 * H },
      { at: pos(J.neck), toward: up, blend: 0.012 * H },
      { at: pos(J.head), toward: up, blend: 0.012 * H },
    ],
  );
  const thighY = pos(J.thighL)[1];
  const hipRx = torsoAt(p.hipHeight).rx;
  // Below the hip joints the pelvis follows each thigh a little (by side), so a stride does not tear it.
  const torsoWeigh: Weigh = (q) => {
    const base = spineChain(q);
    const a = 0.85 * smoothstep(thighY + 0.012 * H, thighY - 0.045 * H, q[1]);
    if (a <= 0) return base;
    const s = smoothstep(-0.3 * hipRx, 0.3 * hipRx, q[0]);
    return [...base.map(([j, w]): [number, number] => [j, w * (1 - a)]), [J.thighL, a * s], [J.thighR, a * (1 - s)]];
  };
  const arm = (side: 1 | -1) => {
    const dir: Vec3 = [side * Math.sin(ARM_SPREAD_RADIANS), -Math.cos(ARM_SPREAD_RADIANS), 0];
    const [u, f, h] = side === 1 ? [J.upperArmL, J.forearmL, J.handL] : [J.upperArmR, J.forearmR, J.handR];
    return { dir, shoulder: pos(u), elbow: pos(f), wrist: pos(h) };
  };
  const armWeigh = (side: 1 | -1): Weigh => {
    const a = arm(side);
    const [s, u, f, h] = side === 1 ? [J.shoulderL, J.upperArmL, J.forearmL, J.handL] : [J.shoulderR, J.upperArmR, J.forearmR, J.handR];
    return chain(
      [s, u, f, h],
      [
        { at: a.shoulder, toward: a.dir, blend: 0.02 * H },
        { at: a.elbow, toward: a.dir, blend: 0.022 * H },
        { at: a.wrist, toward: a.dir, blend: 0.012 * H },
      ],
    );
  };
  const legWeigh = (side: 1 | -1): Weigh => {
    const [t, s, f] = side === 1 ? [J.thighL, J.shinL, J.footL] : [J.thighR, J.shinR, J.footR];
    return chain(
      [J.hips, t, s, f],
      [
        { at: pos(t), toward: down, blend: 0.03 * H },
        { at: pos(s), toward: down, blend: 0.025 * H },
        { at: pos(f), toward: down, blend: 0.012 * H },
      ],
    );
  };
  // A skirt follows each thigh by side, fully within ~18 cm below the hip joints. A long skirt
  // follows less (its hem would swing far with the legs) and blends the sides across its whole
  // width, so the front stretches between the legs instead of folding over itself.
  const skirt = (hemY: number): Weigh => {
    const long = hemY < p.kneeHeight;
    const follow = long ? 0.62 : 0.85;
    const reach = 0.1 * H;
    return (q) => {
      const base = torsoWeigh(q);
      if (q[1] >= thighY + 0.01 * H) return base;
      const a = follow * smoothstep(thighY + 0.01 * H, thighY - reach, q[1]);
      const half = long ? hipRx + Math.max(0, (thighY - q[1]) / (thighY - hemY)) * 0.1 * H : 0.45 * hipRx;
      const s = smoothstep(-half, half, q[0]);
      return [...base.map(([j, w]): [number, number] => [j, w * (1 - a)]), [J.thighL, a * s], [J.thighR, a * (1 - s)]];
    };
  };
  const cloakTop = pos(J.cloak)[1];
  return {
    design,
    p,
    H,
    joints,
    c,
    mesh,
    weigh: {
      torso: torsoWeigh,
      head: rigid(J.head),
      neck: chain([J.chest, J.neck, J.head], [
        { at: pos(J.neck), toward: up, blend: 0.015 * H },
        { at: pos(J.head), toward: up, blend: 0.015 * H },
      ]),
      arm: armWeigh,
      leg: legWeigh,
      skirt,
      cloak: blendWeights(rigid(J.chest), rigid(J.cloak), (q) => smoothstep(cloakTop - 0.02 * H, cloakTop - 0.12 * H, q[1])),
    },
    torso,
    torsoAt,
    arm,
    pos,
  };
}
