/**
 * The walk's numbers for one body, fixed when the character is built, and each foot's path through
 * a cycle. The timing is everyone's (walk-cycle.ts: WALK_CYCLE_SECONDS, WALK_SPEED_METRES_PER_SECOND,
 * left heel at phase 0, right at 0.5); what adapts to the legs is the share of the cycle a foot is on
 * the ground (the duty factor) and how low the hips ride.
 *
 * No sliding: a planted foot moves backward under the hips at exactly the walking speed, so over the
 * stance it travels speed × duty × cycle; the root moves forward at the same speed, so the foot
 * stays put on the ground. Adults plant a foot for 62 % of the cycle (a normal walk's 60–65 %); short
 * legs (a child) plant for less, down to 42 % (a trot), so the stance stays within reach.
 *
 * The foot is an ellipsoid (footShape below); its lowest point is computed exactly for every
 * pitch, and the ankle is raised so that point rests on y = 0 in stance — heel first at contact
 * (toe up 14°), flat through mid-stance, rolling onto the ball of the foot before it lifts (toe
 * down 40°). Foot roll is why the planted ankle travels less than the hips: the contact point
 * moves from heel to toe.
 *
 * The hips bob (lowest at the contacts, as in a real walk's double support) with the smallest
 * mean drop that keeps a planted ankle within 99 % of the leg's reach all cycle (typically a 4–5 cm
 * bob for an adult). A swinging or toe-rolling foot the leg cannot quite reach is drawn as near as
 * it goes — it is leaving the ground or in the air.
 */
import type { CharacterProportions } from './character-design.ts';
import { J, type CharacterJoint } from './character-skeleton.ts';
import type { Vec3 } from './quaternion.ts';
import { WALK_CYCLE_SECONDS, WALK_SPEED_METRES_PER_SECOND } from './walk-cycle.ts';

export interface FootShape {
  /** The foot ellipsoid's centre relative to the ankle joint (bind pose). */
  center: Vec3;
  radii: Vec3;
}

export interface WalkGait {
  /** Share of the cycle a foot is on the ground. */
  duty: number;
  /** How far a planted foot travels backward under the hips (= speed × duty × cycle). */
  stanceTravel: number;
  thighLength: number;
  shinLength: number;
  /** The hips' height offset over the cycle: −(meanDrop) − bob · (1 + cos 4πφ) / 2. */
  hipDrop: number;
  bob: number;
  /** Sideways shift of the hips toward the planted foot. */
  sway: number;
  /** How high a swinging foot lifts. */
  clearance: number;
  /** Feet are placed at ±footX. */
  footX: number;
  foot: FootShape;
  ankleHeight: number;
}

export const HEEL_STRIKE_PITCH = (14 * Math.PI) / 180;
export const TOE_OFF_PITCH = (-40 * Math.PI) / 180;

export function footShape(p: CharacterProportions): FootShape {
  const H = p.height;
  const ry = 0.021 * H;
  return {
    center: [0, ry - p.ankleHeight, p.footLength * 0.27],
    radii: [0.031 * H * Math.sqrt(p.girth), ry, p.footLength / 2],
  };
}

export function planGait(p: CharacterProportions, joints: readonly CharacterJoint[]): WalkGait {
  const dist = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  const thighLength = dist(joints[J.thighL].position, joints[J.shinL].position);
  const shinLength = dist(joints[J.shinL].position, joints[J.footL].position);
  const leg = thighLength + shinLength;
  const cycleDistance = WALK_SPEED_METRES_PER_SECOND * WALK_CYCLE_SECONDS;
  const duty = Math.min(0.62, Math.max(0.42, (1.22 * leg) / cycleDistance));
  const base = {
    duty,
    stanceTravel: cycleDistance * duty,
    thighLength,
    shinLength,
    sway: 0.022 * leg,
    clearance: 0.11 * leg,
    footX: joints[J.thighL].position[0] * 0.88,
    foot: footShape(p),
    ankleHeight: p.ankleHeight,
  };
  // Smallest mean drop + bob keeping every ankle target within reach (sampled over the cycle).
  const reach = 0.99 * leg;
  const thighY = joints[J.thighL].position[1];
  const samples = 96;
  const allowed: number[] = [];
  for (let i = 0; i < samples; i++) {
    const phase = i / samples;
    let limit = Infinity;
    for (const offset of [0, 0.5]) {
      const track = footTrack(base, (phase + offset) % 1);
      // Only the flat or heel-down planted foot sets the hips' height; a swinging or rolling foot
      // that cannot reach is drawn as near as the leg goes (it is in the air or leaving it).
      if (track.rolling || !track.planted) continue;
      const dx = base.sway;
      const horizontal = Math.min(reach * 0.999, Math.hypot(track.z, dx));
      limit = Math.min(limit, track.ankleY + Math.sqrt(reach * reach - horizontal * horizontal) - thighY);
    }
    allowed.push(limit);
  }
  let best = { hipDrop: 0, bob: 0, cost: Infinity };
  for (let b = 0.015 * leg; b <= 0.07 * leg; b += 0.0025 * leg) {
    let drop = 0.015 * leg;
    allowed.forEach((limit, i) => {
      const c = (1 + Math.cos(4 * Math.PI * (i / samples))) / 2;
      drop = Math.max(drop, -b * c - limit);
    });
    const cost = drop + b / 2;
    if (cost < best.cost - 1e-9) best = { hipDrop: drop, bob: b, cost };
  }
  return { ...base, hipDrop: best.hipDrop, bob: best.bob };
}

export interface FootTrack {
  /** Ankle position forward of the hips (character space, in-place walk). */
  z: number;
  /** Ankle height above the ground. */
  ankleY: number;
  /** Toe up (+) or down (−), radians. */
  pitch: number;
  /** True while the foot is on the ground. */
  planted: boolean;
  /** True while the planted foot rolls onto its toes (the reach limit may lift it early). */
  rolling: boolean;
}

/** Shares of the stance: the heel rocker ends, the toe rocker begins. */
const HEEL_ROCKER_END = 0.12;
const TOE_ROCKER_START = 0.55;

type TrackGait = Pick<WalkGait, 'duty' | 'stanceTravel' | 'clearance' | 'foot' | 'ankleHeight'>;

/**
 * A foot's path at its own phase (0 = its heel strike). In stance the foot rolls without slipping:
 * about the heel while the toe comes down, flat, then about the ball of the foot as the heel rises;
 * whatever touches the ground stays where it is while the hips pass over at walking speed.
 */
export function footTrack(g: TrackGait, phase: number): FootTrack {
  const beta = g.duty;
  if (phase < beta) return stanceTrack(g, phase / beta);
  const s = (phase - beta) / (1 - beta);
  const from = stanceTrack(g, 1);
  const to = stanceTrack(g, 0);
  // Hermite from the toe-off to the heel strike, at rest relative to the hips at both ends.
  const m0 = 0;
  const h00 = 2 * s ** 3 - 3 * s ** 2 + 1;
  const h10 = s ** 3 - 2 * s ** 2 + s;
  const h01 = -2 * s ** 3 + 3 * s ** 2;
  const z = h00 * from.z + h10 * m0 + h01 * to.z;
  const pitch = from.pitch + (to.pitch - from.pitch) * smooth(Math.min(1, s / 0.85));
  const extraFrom = from.ankleY - groundedAnkleHeight(g.foot, from.pitch);
  const extraTo = to.ankleY - groundedAnkleHeight(g.foot, to.pitch);
  const lift = g.clearance * Math.sin(Math.PI * s ** 0.8) ** 1.5;
  return { z, ankleY: groundedAnkleHeight(g.foot, pitch) + extraFrom + (extraTo - extraFrom) * s + lift, pitch, planted: false, rolling: false };
}

function stanceTrack(g: TrackGait, u: number): FootTrack {
  const D = g.stanceTravel;
  const footLength = g.foot.radii[2] * 2;
  const heel = g.foot.center[2] - 0.68 * g.foot.radii[2];
  const ball = g.foot.center[2] + 0.6 * g.foot.radii[2];
  // The flat foot's ankle is under the hips a little after the middle of the flat phase.
  const z0 = (D * (HEEL_ROCKER_END + TOE_ROCKER_START)) / 2 + 0.04 * footLength;
  const flatZ = z0 - D * u;
  let pitch = 0;
  let pivot = 0;
  if (u < HEEL_ROCKER_END) {
    pitch = HEEL_STRIKE_PITCH * (1 - smooth(u / HEEL_ROCKER_END));
    pivot = heel;
  } else if (u > TOE_ROCKER_START) {
    pitch = TOE_OFF_PITCH * smooth((u - TOE_ROCKER_START) / (1 - TOE_ROCKER_START));
    pivot = ball;
  }
  // The ankle turned about the pivot (heel or ball, under the foot), which stays where it is; the
  // height is the one at which the pitched foot just touches the ground, so the sole never floats.
  const a = -pitch;
  const vy = g.ankleHeight;
  const vz = -pivot;
  const z = flatZ + pivot + vy * Math.sin(a) + vz * Math.cos(a);
  return { z, ankleY: groundedAnkleHeight(g.foot, pitch), pitch, planted: true, rolling: u > TOE_ROCKER_START };
}

/** The ankle height at which the foot, pitched, just touches y = 0. */
export function groundedAnkleHeight(foot: FootShape, pitch: number): number {
  const a = -pitch; // toe up is a negative turn about +x
  const cy = foot.center[1] * Math.cos(a) - foot.center[2] * Math.sin(a);
  const support = Math.hypot(foot.radii[1] * Math.cos(a), foot.radii[2] * Math.sin(a));
  return support - cy;
}

function smooth(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x * x * (3 - 2 * x);
}
