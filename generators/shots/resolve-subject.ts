/**
 * Subject references ("structure:tower", "poi:lake-1", "point:120,-40", "world", "spawn") → a place
 * in the World: where its base is, the point a camera aims at, and how big it is (a camera frames
 * by size). Characters move, so "character:<id>" is resolved per frame by the caller from the
 * staged characters; here it only checks that the character exists.
 *
 * Structures may be named by their id (`structure-2`) or by type (`tower`, the second tower
 * `tower-2`).
 */
import type { PlacedStructure } from '../structures/place-structures.ts';
import type { World } from '../world/world.ts';
import type { WorldQuery } from '../world/world-query.ts';
import { ShotPlanError } from './shot-plan-error.ts';
import type { Vec3 } from './timeline.ts';

export interface PlaceSubject {
  kind: 'world' | 'spawn' | 'structure' | 'poi' | 'point';
  /** On the ground under the subject's middle. */
  base: Vec3;
  /** Where a camera looks. */
  aim: Vec3;
  /** Horizontal radius, metres. */
  radius: number;
  /** Height above the base, metres. */
  height: number;
  /** Where a walker goes to reach it (a door, a shore), on the ground. */
  approach: Vec3;
  label: string;
}

export type SubjectRef = { kind: 'character'; id: string } | PlaceSubject;

export function resolveSubject(ref: string, world: World, query: WorldQuery, characterIds: ReadonlySet<string>, path: string): SubjectRef {
  const colon = ref.indexOf(':');
  const kind = colon < 0 ? ref : ref.slice(0, colon);
  const name = colon < 0 ? '' : ref.slice(colon + 1);
  const ground = (x: number, z: number): Vec3 => [x, query.heightAt(x, z), z];
  switch (kind) {
    case 'world': {
      const { width, depth } = world.spec.size;
      const [low, high] = heightRange(world);
      const middle = (low + high) / 2;
      return { kind: 'world', base: [0, low, 0], aim: [0, middle, 0], radius: Math.max(width, depth) / 2, height: high - low, approach: ground(0, 0), label: 'the world' };
    }
    case 'spawn': {
      const s = world.gameplay.spawn;
      const base = ground(s.x, s.z);
      return { kind: 'spawn', base, aim: [s.x, base[1] + 1.5, s.z], radius: 3, height: 2, approach: base, label: 'the spawn' };
    }
    case 'character':
      if (!characterIds.has(name)) throw new ShotPlanError('PLAN_UNKNOWN_SUBJECT', `there is no character "${name}" in the plan: add it to /characters or name one of ${[...characterIds].join(', ') || '(none)'}.`, { path });
      return { kind: 'character', id: name };
    case 'structure': {
      const structure = findStructure(world.structures, name);
      if (!structure) {
        const known = world.structures.map((s) => `${s.id} (${s.type})`).join(', ') || 'none';
        throw new ShotPlanError('PLAN_UNKNOWN_SUBJECT', `this world has no structure "${name}": its structures are ${known}. Name one of them, or add the structure to the world's spec.`, { path });
      }
      return structureSubject(structure, world, query);
    }
    case 'poi': {
      const poi = world.gameplay.pointsOfInterest.find((p) => p.id === name);
      if (!poi) {
        const known = world.gameplay.pointsOfInterest.map((p) => `${p.id} (${p.kind})`).join(', ') || 'none';
        throw new ShotPlanError('PLAN_UNKNOWN_SUBJECT', `this world has no point of interest "${name}": it has ${known}.`, { path });
      }
      if (poi.source === 'structure') {
        const structure = world.structures.find((s) => s.id === poi.id);
        if (structure) return structureSubject(structure, world, query);
      }
      const base = ground(poi.x, poi.z);
      const size = poi.kind === 'lake' ? lakeRadius(world, poi.id) : poi.kind === 'crater' || poi.kind === 'summit' ? 60 : 12;
      const approach = ground(poi.approach.x, poi.approach.z);
      const water = query.waterAt(poi.x, poi.z);
      const aimY = Math.max(base[1], water?.level ?? -Infinity) + Math.min(size * 0.2, 6);
      return { kind: 'poi', base, aim: [poi.x, aimY, poi.z], radius: size, height: Math.min(size * 0.4, 30), approach, label: poi.label };
    }
    case 'point': {
      const [x, z] = name.split(',').map(Number);
      const { width, depth } = world.spec.size;
      if (!Number.isFinite(x) || !Number.isFinite(z) || Math.abs(x) > width / 2 || Math.abs(z) > depth / 2) {
        throw new ShotPlanError('PLAN_UNKNOWN_SUBJECT', `the point ${name} is not on this map (x within ±${width / 2} m, z within ±${depth / 2} m).`, { path });
      }
      const base = ground(x, z);
      return { kind: 'point', base, aim: [x, base[1] + 1.5, z], radius: 4, height: 3, approach: base, label: `the point ${x}, ${z}` };
    }
    default:
      throw new ShotPlanError('PLAN_UNKNOWN_SUBJECT', `"${ref}" is not a subject: use world, spawn, character:<id>, structure:<id>, poi:<id> or point:<x>,<z>.`, { path });
  }
}

/** `structure-2` (its id), `tower` (the first tower) or `tower-2` (the second). */
export function findStructure(structures: readonly PlacedStructure[], name: string): PlacedStructure | undefined {
  const byId = structures.find((s) => s.id === name);
  if (byId) return byId;
  const match = /^(.*?)(?:-(\d+))?$/.exec(name);
  const type = match?.[1] ?? name;
  const nth = Number(match?.[2] ?? 1);
  return structures.filter((s) => s.type === type)[nth - 1] ?? (match?.[2] ? undefined : structures.find((s) => s.type === name));
}

function structureSubject(structure: PlacedStructure, world: World, query: WorldQuery): PlaceSubject {
  let minX = Infinity, maxX = -Infinity, minZ = Infinity, maxZ = -Infinity, top = -Infinity;
  for (const object of world.objects) {
    if (!object.id.startsWith(`${structure.id}/`)) continue;
    minX = Math.min(minX, object.x - object.radius);
    maxX = Math.max(maxX, object.x + object.radius);
    minZ = Math.min(minZ, object.z - object.radius);
    maxZ = Math.max(maxZ, object.z + object.radius);
    for (const c of object.colliders) top = Math.max(top, colliderTop(c));
  }
  const { x, z } = structure.centre;
  const baseY = query.heightAt(x, z);
  const radius = Number.isFinite(minX) ? Math.max(4, Math.hypot(maxX - minX, maxZ - minZ) / 2) : 10;
  const height = Number.isFinite(top) ? Math.max(3, top - baseY) : 8;
  const poi = world.gameplay.pointsOfInterest.find((p) => p.id === structure.id);
  const door = poi?.approach ?? { x, z: z + radius };
  return {
    kind: 'structure',
    base: [x, baseY, z],
    aim: [x, baseY + height * 0.45, z],
    radius,
    height,
    approach: [door.x, query.heightAt(door.x, door.z), door.z],
    label: structure.type,
  };
}

function colliderTop(c: World['objects'][number]['colliders'][number]): number {
  switch (c.shape) {
    case 'capsule':
      return c.top;
    case 'sphere':
      return c.center[1] + c.radius;
    case 'box':
      // A box turned about +Y keeps its vertical extent.
      return c.center[1] + c.half[1];
  }
}

function lakeRadius(world: World, id: string): number {
  const lake = world.water.lakes.find((l) => l.id === id);
  return lake ? Math.max(15, lake.radius) : 40;
}

export function heightRange(world: World): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const h of world.terrain.heights) {
    if (h < low) low = h;
    if (h > high) high = h;
  }
  return [low, high];
}
