/**
 * Framing: a shot's camera path checked against the World — never under the ground or the water,
 * never inside a building or a tree, the subject in sight (a ray from the camera reaches it before
 * the ground or anything else) — and, where the plan leaves rig parameters open, the search for
 * ones that pass: first around the subject (azimuth), then nearer or farther, then higher. A path
 * that dips a little into a hillside is lifted as a whole; one that cannot be fixed within what the
 * plan fixed is refused before anything is rendered.
 */
import type { WorldCollider } from '../world/world-objects.ts';
import type { WorldQuery } from '../world/world-query.ts';
import { cameraAt, type ResolvedRig, type SubjectPose } from './camera-rigs.ts';
import type { Rig } from './shot-plan-schema.ts';
import type { ShotType, TimelineCamera, Vec3 } from './timeline.ts';

export interface FramingInput {
  type: ShotType;
  seconds: number;
  fovDegrees: number;
  /** The subject at `t` seconds into the shot. */
  subjectAt: (t: number) => SubjectPose;
  /** What the subject is, for line of sight: the whole world (no single point to see), a character, or a place. */
  subjectKind: 'world' | 'character' | 'place';
  /** Objects whose ids start with this belong to the subject (a structure's own pieces do not block it). */
  ownObjects?: string;
}

export interface FramingResult {
  rig: ResolvedRig;
  /** Metres the whole path was raised to clear the ground. */
  lift: number;
  /** Share of the checked moments that passed (1: all). */
  score: number;
  problems: string[];
}

const SAMPLES = 12;
/** Accepted when no candidate passes everywhere: a brief occlusion (a tree trunk sweeping past). */
const ACCEPTABLE_SCORE = 0.8;

export function checkFraming(input: FramingInput, rig: ResolvedRig, query: WorldQuery, maxLift: number): FramingResult {
  const times = Array.from({ length: SAMPLES }, (_, i) => (input.seconds * i) / (SAMPLES - 1));
  const poses = times.map((t) => input.subjectAt(t));
  const cameras = times.map((t, i) => cameraAt(input.type, rig, poses[i], t, input.seconds, input.fovDegrees));
  const clearance = input.type === 'pov' ? 0 : input.subjectKind === 'world' || input.type === 'aerial' ? 8 : 0.6;
  let lift = 0;
  for (const camera of cameras) lift = Math.max(lift, floorAt(query, camera.position) + clearance - camera.position[1]);
  const problems: string[] = [];
  if (lift > maxLift) {
    const worst = cameras.reduce((a, c) => (floorAt(query, c.position) - c.position[1] > floorAt(query, a.position) - a.position[1] ? c : a));
    problems.push(`the camera passes ${lift.toFixed(1)} m under the ground or water near (${worst.position[0].toFixed(0)}, ${worst.position[2].toFixed(0)})`);
    return { rig, lift, score: 0, problems };
  }
  lift = Math.max(0, lift);
  let passed = 0;
  cameras.forEach((camera, i) => {
    const position: Vec3 = [camera.position[0], camera.position[1] + lift, camera.position[2]];
    const problem = momentProblem(query, { ...camera, position }, poses[i], input);
    if (problem) problems.push(`at ${times[i].toFixed(1)} s ${problem}`);
    else passed++;
  });
  return { rig, lift, score: passed / SAMPLES, problems };
}

/**
 * The rig that frames the shot: the plan's own values where it gives them, searched where it does
 * not. Returns the best found (score 1 when a clean one exists); the caller refuses a low score.
 */
export function chooseFraming(input: FramingInput, defaults: ResolvedRig, given: Rig | undefined, query: WorldQuery): FramingResult {
  const azimuths = given?.azimuthDegrees !== undefined ? [given.azimuthDegrees] : [0, 30, -30, 60, -60, 90, -90, 120, -120, 150, -150, 180].map((d) => defaults.azimuthDegrees + d);
  const distances = given?.distance !== undefined ? [given.distance] : [1, 0.75, 1.35, 0.55].map((m) => defaults.distance * m);
  const heights = given?.height !== undefined ? [given.height] : [1, 1.6, 2.4].map((m) => defaults.height * m);
  const heightFixed = given?.height !== undefined;
  let best: FramingResult | null = null;
  for (const height of heights) {
    for (const distance of distances) {
      for (const azimuthDegrees of azimuths) {
        const rig: ResolvedRig = { ...defaults, ...given, distance, height, azimuthDegrees } as ResolvedRig;
        // An open height may rise freely; a fixed one only a little.
        const maxLift = heightFixed ? Math.max(1, Math.abs(height) * 0.15) : Math.max(2, distance * 0.25);
        const result = checkFraming(input, rig, query, maxLift);
        if (result.score === 1) return result;
        if (!best || result.score > best.score) best = result;
      }
    }
  }
  return best!;
}

export function isAcceptable(result: FramingResult): boolean {
  return result.score >= ACCEPTABLE_SCORE;
}

/** The higher of ground and water under a point. */
function floorAt(query: WorldQuery, p: Vec3): number {
  const ground = query.heightAt(p[0], p[2]);
  const water = query.waterAt(p[0], p[2]);
  return Math.max(ground, water?.level ?? -Infinity);
}

function momentProblem(query: WorldQuery, camera: TimelineCamera, subject: SubjectPose, input: FramingInput): string | null {
  const p = camera.position;
  for (const object of query.objectsIn({ minX: p[0] - 0.3, maxX: p[0] + 0.3, minZ: p[2] - 0.3, maxZ: p[2] + 0.3, minY: p[1] - 0.3, maxY: p[1] + 0.3 })) {
    if (input.ownObjects && object.id.startsWith(input.ownObjects) && input.subjectKind !== 'place') continue;
    if (object.colliders.some((c) => inside(p, c, 0.25))) return `the camera is inside ${object.id}`;
  }
  const to: Vec3 = [camera.target[0] - p[0], camera.target[1] - p[1], camera.target[2] - p[2]];
  const distance = Math.hypot(to[0], to[1], to[2]);
  if (distance < 1e-3) return null;
  if (input.subjectKind === 'world') {
    // No single point to see: the middle of the view must reach far, and most of the frame must
    // not be a near wall of hillside.
    const hit = query.raycast(p, to, distance);
    if (hit && hit.distance < distance * 0.6) return `the view is blocked by ${hit.object ? hit.object.id : 'the ground'} ${hit.distance.toFixed(0)} m ahead`;
    const near = viewRays(camera).filter((ray) => {
      const h = query.raycast(p, ray, distance * 0.3);
      return h !== null;
    }).length;
    return near > 3 ? `${near} of 9 points of the frame are ground within ${(distance * 0.3).toFixed(0)} m` : null;
  }
  const aim = input.type === 'pov' || input.type === 'over-the-shoulder' ? camera.target : subject.aim;
  const toAim: Vec3 = [aim[0] - p[0], aim[1] - p[1], aim[2] - p[2]];
  const reach = Math.hypot(toAim[0], toAim[1], toAim[2]);
  const tolerance = input.subjectKind === 'character' ? 0.45 : Math.max(0.8, subject.radius * 0.9);
  const hit = query.raycast(p, toAim, reach);
  if (hit && hit.distance < reach - tolerance && !(hit.object && input.ownObjects && hit.object.id.startsWith(input.ownObjects))) {
    return `${hit.object ? hit.object.id : 'the ground'} hides the subject ${hit.distance.toFixed(1)} m from the camera`;
  }
  const leaves = foliageBetween(query, p, aim, tolerance);
  return leaves ? `the leaves of ${leaves} hide the subject` : null;
}

/**
 * Colliders are trunks; what hides a subject in a forest is the crown. A tree's crown is taken as an
 * upright cylinder of three quarters of its reach, from a third of its height to its top; a bush as
 * one as tall as it is wide. Returns the first object whose crown the sight line passes through.
 */
function foliageBetween(query: WorldQuery, from: Vec3, to: Vec3, spareAtEnd: number): string | null {
  const box = { minX: Math.min(from[0], to[0]), maxX: Math.max(from[0], to[0]), minZ: Math.min(from[2], to[2]), maxZ: Math.max(from[2], to[2]) };
  const dx = to[0] - from[0];
  const dz = to[2] - from[2];
  const length2 = dx * dx + dz * dz;
  const length = Math.sqrt(length2) || 1;
  for (const object of query.objectsIn(box)) {
    if (object.kind !== 'tree' && object.kind !== 'bush') continue;
    const trunk = object.colliders.find((c) => c.shape === 'capsule');
    const top = trunk && trunk.shape === 'capsule' ? trunk.top : object.y + object.radius;
    const bottom = object.kind === 'tree' ? object.y + (top - object.y) * 0.35 : object.y;
    const radius = object.radius * (object.kind === 'tree' ? 0.75 : 0.6);
    const t = length2 > 0 ? Math.max(0, Math.min(1, ((object.x - from[0]) * dx + (object.z - from[2]) * dz) / length2)) : 0;
    if ((1 - t) * length < spareAtEnd + radius * 0.5) continue;
    const y = from[1] + (to[1] - from[1]) * t;
    if (Math.hypot(from[0] + dx * t - object.x, from[2] + dz * t - object.z) < radius && y > bottom && y < top) return object.id;
  }
  return null;
}

/** Directions through a 3×3 grid of the frame (16:9), for judging what a wide view shows. */
function viewRays(camera: TimelineCamera): Vec3[] {
  const f: Vec3 = [camera.target[0] - camera.position[0], camera.target[1] - camera.position[1], camera.target[2] - camera.position[2]];
  const fl = Math.hypot(...f) || 1;
  const forward: Vec3 = [f[0] / fl, f[1] / fl, f[2] / fl];
  const rl = Math.hypot(forward[2], forward[0]) || 1;
  const right: Vec3 = [-forward[2] / rl, 0, forward[0] / rl];
  const up: Vec3 = [right[1] * forward[2] - right[2] * forward[1], right[2] * forward[0] - right[0] * forward[2], right[0] * forward[1] - right[1] * forward[0]];
  const tanY = Math.tan((camera.fovDegrees * Math.PI) / 360) * 0.8;
  const tanX = tanY * (16 / 9);
  const rays: Vec3[] = [];
  for (const sy of [-1, 0, 1]) {
    for (const sx of [-1, 0, 1]) {
      rays.push([forward[0] + right[0] * sx * tanX + up[0] * sy * tanY, forward[1] + right[1] * sx * tanX + up[1] * sy * tanY, forward[2] + right[2] * sx * tanX + up[2] * sy * tanY]);
    }
  }
  return rays;
}

function inside(p: Vec3, c: WorldCollider, margin: number): boolean {
  switch (c.shape) {
    case 'capsule':
      return Math.hypot(p[0] - c.x, p[2] - c.z) < c.radius + margin && p[1] > c.bottom - margin && p[1] < c.top + margin;
    case 'sphere':
      return Math.hypot(p[0] - c.center[0], p[1] - c.center[1], p[2] - c.center[2]) < c.radius + margin;
    case 'box': {
      const dx = p[0] - c.center[0];
      const dz = p[2] - c.center[2];
      // Into the box's frame (turned by yaw about +Y).
      const lx = dx * Math.cos(c.yaw) - dz * Math.sin(c.yaw);
      const lz = dx * Math.sin(c.yaw) + dz * Math.cos(c.yaw);
      return Math.abs(lx) < c.half[0] + margin && Math.abs(p[1] - c.center[1]) < c.half[1] + margin && Math.abs(lz) < c.half[2] + margin;
    }
  }
}
