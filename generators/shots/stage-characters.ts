/**
 * Where every character is, and what they do, at every frame: the plan's actions played out on the
 * World. A walk follows a navmesh path at the walk cycle's speed; the part of the path a shot shows
 * is the part its duration allows — ending at the destination, or centred where the path passes
 * the `via` place ("along the river") — and the character is at the destination when the next shot
 * begins (film cuts hide the rest of the way, as editors do). Idle characters stand, breathing,
 * turned toward what they face. A character's first place is its first walk's start, a spot in
 * sight of what it first faces, or beside the spawn.
 */
import { WALK_SPEED_METRES_PER_SECOND } from '../characters/walk-cycle.ts';
import type { World } from '../world/world.ts';
import type { WorldQuery } from '../world/world-query.ts';
import type { PlaceSubject, SubjectRef } from './resolve-subject.ts';
import type { ShotPlan } from './shot-plan-schema.ts';
import { ShotPlanError } from './shot-plan-error.ts';
import type { CharacterFrame, Vec3 } from './timeline.ts';
import { distanceAlongNearest, pointAlong, polylineLength, type WalkPaths } from './walk-paths.ts';

export interface ShotSpan {
  startFrame: number;
  frameCount: number;
}

export interface StagedCharacters {
  /** Per character id: one frame per timeline frame. */
  frames: Map<string, CharacterFrame[]>;
  notes: string[];
}

/** Seconds a walker stands still at the end of a shot after arriving. */
const ARRIVAL_SETTLE = 0.4;
/** Radians per second a character turns toward where it goes or looks. */
const TURN_RATE = 5;

export function stageCharacters(
  plan: ShotPlan,
  spans: readonly ShotSpan[],
  fps: number,
  world: World,
  query: WorldQuery,
  paths: WalkPaths,
  resolve: (ref: string, path: string) => SubjectRef,
): StagedCharacters {
  const totalFrames = spans.reduce((n, s) => n + s.frameCount, 0);
  const notes: string[] = [];
  const frames = new Map<string, CharacterFrame[]>();
  const place = (ref: string, path: string, positions: Map<string, Vec3>): PlaceSubject | { kind: 'character'; base: Vec3; approach: Vec3 } => {
    const subject = resolve(ref, path);
    if (subject.kind !== 'character') return subject;
    const at = positions.get(subject.id) ?? spawnSpot(world, query, 0);
    return { kind: 'character', base: at, approach: at };
  };

  // Where each character stands before its first shot: decided lazily, in plan order.
  const positions = new Map<string, Vec3>();
  const yaws = new Map<string, number>();
  plan.characters.forEach((c, index) => {
    const first = firstPlacement(plan, c.id, index, world, query, paths, (ref, path) => place(ref, path, positions));
    positions.set(c.id, first.position);
    yaws.set(c.id, first.yaw);
    frames.set(c.id, new Array<CharacterFrame>(totalFrames));
  });

  const walked = new Map<string, number>(plan.characters.map((c) => [c.id, 0]));
  const idled = new Map<string, number>(plan.characters.map((c) => [c.id, 0]));
  plan.shots.forEach((shot, k) => {
    const span = spans[k];
    const seconds = span.frameCount / fps;
    for (const character of plan.characters) {
      const out = frames.get(character.id)!;
      const j = shot.actions?.findIndex((a) => a.character === character.id) ?? -1;
      const action = j >= 0 ? shot.actions![j] : undefined;
      const at = `/shots/${k}/actions/${j}`;
      let position = positions.get(character.id)!;
      let yaw = yaws.get(character.id)!;
      const faceRef = action?.face;
      const facePoint = faceRef ? place(faceRef, `${at}/face`, positions).base : null;

      let route: Vec3[] | null = null;
      let windowStart = 0;
      let windowEnd = 0;
      if (action?.do === 'walk' && action.to) {
        const destination = place(action.to, `${at}/to`, positions).approach;
        const goal = paths.nearestWalkable(destination) ?? destination;
        const asked = action.via ? paths.nearestWalkable(place(action.via, `${at}/via`, positions).approach, 60) : null;
        // A bank point may lie across the water from the destination: pass the nearest one that joins it.
        const via = asked ? passableNear(paths, asked, goal) : null;
        if (via) {
          const toGoal = paths.path(via, goal)!;
          // Coming from across the water, the walk the shot shows starts at the `via` place (the cut hides the rest).
          route = joinPaths(paths.path(position, via), toGoal) ?? toGoal;
        }
        if (asked && !route) notes.push(`shot ${shot.id}: ${character.id} cannot pass ${action.via} on the way to ${action.to} (it lies across water or cliffs); the walk goes straight there.`);
        route ??= paths.path(position, goal);
        if (!route) {
          throw new ShotPlanError('PLAN_NO_PATH', `${character.id} cannot walk from (${fmt(position)}) to ${action.to}${action.via ? ` via ${action.via}` : ''}: no way on foot joins them (water or cliffs between). Choose a destination on the same land, or drop the walk.`, { path: `${at}/to` });
        }
        const length = polylineLength(route);
        const budget = Math.max(0, (seconds - ARRIVAL_SETTLE) * WALK_SPEED_METRES_PER_SECOND);
        if (via && length > budget) {
          const centre = distanceAlongNearest(route, via);
          windowStart = Math.min(Math.max(0, centre - budget / 2), Math.max(0, length - budget));
        } else {
          windowStart = Math.max(0, length - budget);
        }
        windowEnd = Math.min(length, windowStart + budget);
        if (windowStart > 0.5) notes.push(`shot ${shot.id}: ${character.id} walks the ${Math.round(windowEnd - windowStart)} m of the ${Math.round(length)} m way the shot's ${seconds.toFixed(1)} s allow${windowEnd < length - 0.5 ? '; the rest happens between shots' : ''}.`);
        position = pointAlong(route, windowStart).point;
        yaw = pointAlong(route, windowStart + 0.5).yaw;
      }

      for (let f = 0; f < span.frameCount; f++) {
        const t = f / fps;
        let walking = false;
        let wantYaw = yaw;
        if (route) {
          const d = windowStart + Math.min(t * WALK_SPEED_METRES_PER_SECOND, windowEnd - windowStart);
          walking = d < windowEnd - 1e-6;
          const here = pointAlong(route, d);
          position = onGround(here.point, query);
          // Head for a point a little ahead, so corners of the path are rounded off.
          const ahead = pointAlong(route, Math.min(d + 1.2, polylineLength(route))).point;
          if (Math.hypot(ahead[0] - position[0], ahead[2] - position[2]) > 0.05) wantYaw = Math.atan2(ahead[0] - position[0], ahead[2] - position[2]);
          if (walking) walked.set(character.id, walked.get(character.id)! + WALK_SPEED_METRES_PER_SECOND / fps);
        }
        if (!walking && facePoint) wantYaw = Math.atan2(facePoint[0] - position[0], facePoint[2] - position[2]);
        yaw = f === 0 && route ? wantYaw : turnToward(yaw, wantYaw, TURN_RATE / fps);
        if (!walking) idled.set(character.id, idled.get(character.id)! + 1 / fps);
        out[span.startFrame + f] = {
          position: [round(position[0]), round(position[1]), round(position[2])],
          yaw: round(yaw),
          clip: walking ? 'walk' : 'idle',
          clipTime: round(walking ? walked.get(character.id)! / WALK_SPEED_METRES_PER_SECOND : idled.get(character.id)!),
        };
      }
      if (route) {
        // Arrived by the next shot, whether or not this one showed the whole way.
        const end = route[route.length - 1];
        position = onGround(end, query);
        yaw = pointAlong(route, Math.max(0, polylineLength(route) - 0.5)).yaw;
      }
      positions.set(character.id, position);
      yaws.set(character.id, yaw);
    }
  });
  return { frames, notes };
}

function firstPlacement(
  plan: ShotPlan,
  id: string,
  index: number,
  world: World,
  query: WorldQuery,
  paths: WalkPaths,
  place: (ref: string, path: string) => { base: Vec3; approach: Vec3 },
): { position: Vec3; yaw: number } {
  for (const [k, shot] of plan.shots.entries()) {
    const j = shot.actions?.findIndex((a) => a.character === id) ?? -1;
    if (j < 0) continue;
    const action = shot.actions![j];
    if (action.do === 'walk' && action.via) {
      // Start a way before the `via` place, so the walk can pass along it.
      const via = place(action.via, `/shots/${k}/actions/${j}/via`).approach;
      const spawn = spawnSpot(world, query, index);
      const toward = Math.atan2(spawn[0] - via[0], spawn[2] - via[2]);
      const start = paths.nearestWalkable([via[0] + Math.sin(toward) * 40, via[1], via[2] + Math.cos(toward) * 40], 60);
      if (start) return { position: onGround(start, query), yaw: toward + Math.PI };
    }
    if (action.do === 'walk') break;
    if (action.face) {
      // In sight of what they face: between it and the spawn, a walk away.
      const target = place(action.face, `/shots/${k}/actions/${j}/face`).base;
      const spawn = spawnSpot(world, query, index);
      const away = Math.hypot(spawn[0] - target[0], spawn[2] - target[2]);
      const reach = Math.min(away, 45);
      const dir = away > 1e-3 ? [(spawn[0] - target[0]) / away, (spawn[2] - target[2]) / away] : [0, 1];
      const spot = paths.nearestWalkable([target[0] + dir[0] * reach, target[1], target[2] + dir[1] * reach], 40);
      if (spot) return { position: onGround(spot, query), yaw: Math.atan2(-dir[0], -dir[1]) };
    }
    break;
  }
  const spot = paths.nearestWalkable(spawnSpot(world, query, index), 20) ?? spawnSpot(world, query, index);
  return { position: onGround(spot, query), yaw: world.gameplay.spawn.yaw };
}

/** Beside the spawn, 2.5 m apart, in a row across the way the player faces. */
function spawnSpot(world: World, query: WorldQuery, index: number): Vec3 {
  const s = world.gameplay.spawn;
  const side = (index % 2 === 0 ? 1 : -1) * Math.ceil(index / 2) * 2.5;
  const x = s.x + Math.cos(s.yaw) * side;
  const z = s.z - Math.sin(s.yaw) * side;
  return [x, query.heightAt(x, z), z];
}

/** Feet on the terrain, unless the navmesh carries them above it (a bridge deck). */
function onGround(p: Vec3, query: WorldQuery): Vec3 {
  const ground = query.heightAt(p[0], p[2]);
  return [p[0], p[1] > ground + 1 ? p[1] : ground, p[2]];
}

/** `p` if a walk from it reaches `goal`, else the nearest walkable point within 40 m that does, else null. */
function passableNear(paths: WalkPaths, p: Vec3, goal: Vec3): Vec3 | null {
  if (paths.path(p, goal)) return p;
  for (const reach of [6, 12, 20, 30, 40]) {
    for (let k = 0; k < 8; k++) {
      const a = (k * Math.PI) / 4;
      const candidate = paths.nearestWalkable([p[0] + Math.sin(a) * reach, p[1], p[2] + Math.cos(a) * reach], 6);
      if (candidate && paths.path(candidate, goal)) return candidate;
    }
  }
  return null;
}

function joinPaths(a: Vec3[] | null, b: Vec3[] | null): Vec3[] | null {
  return a && b ? [...a, ...b.slice(1)] : null;
}

function turnToward(from: number, to: number, maxStep: number): number {
  let delta = to - from;
  delta = Math.atan2(Math.sin(delta), Math.cos(delta));
  return from + Math.max(-maxStep, Math.min(maxStep, delta));
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

function fmt(p: Vec3): string {
  return `${p[0].toFixed(0)}, ${p[2].toFixed(0)}`;
}
