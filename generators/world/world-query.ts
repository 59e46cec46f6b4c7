/**
 * WorldQuery: questions games, the stream server and the cutscene camera ask of a generated world,
 * answered from the very data the export writes (heightfield, water, biomes, placed objects and
 * their colliders).
 *
 *   heightAt(x, z)            ground height (bilinear)
 *   normalAt(x, z)            ground normal
 *   biomeAt(x, z)             the biome there
 *   waterAt(x, z)             water level and depth, or null on dry ground
 *   objectsIn(box)            placed objects whose footprint meets a box (grid index, 16 m cells)
 *   raycast(origin, dir, max) first hit on the ground or a collider
 *   moveWithCollision(p, s)   a walker's next pose: turn, move, slide along obstacles, follow the
 *                             ground, stop at cliffs and deep water, step onto low boxes (decks)
 * Axes: +x east, +y up, +z south; yaw 0 faces +z, yaw π/2 faces +x.
 */
import type { Vec3 } from '../assets/asset.ts';
import type { Biome } from '../spec/world-spec-schema.ts';
import { bilinear, type Heightfield } from '../terrain/heightfield.ts';
import type { WaterBodies } from '../water/water-bodies.ts';
import type { WorldCollider, WorldObject } from './world-objects.ts';
import type { World } from './world.ts';

export interface Pose {
  x: number;
  /** Feet height. */
  y: number;
  z: number;
  yaw: number;
}

export interface MoveStep {
  /** Metres along the facing direction (negative: backwards). */
  forward: number;
  /** Metres to the right (negative: left). */
  strafe?: number;
  /** Radians to turn before moving (positive turns from +z toward +x). */
  turn?: number;
}

export interface WalkerOptions {
  radius: number;
  height: number;
  /** Steepest slope walked up, rise over run. */
  maxSlope: number;
  /** Highest ledge stepped up onto, metres. */
  maxStep: number;
  /** Deepest water waded, metres. */
  maxWade: number;
}

export const WALKER_DEFAULTS: WalkerOptions = { radius: 0.4, height: 1.8, maxSlope: 0.9, maxStep: 0.6, maxWade: 0.8 };

export interface Box2 {
  minX: number;
  minZ: number;
  maxX: number;
  maxZ: number;
}

export interface RayHit {
  point: Vec3;
  distance: number;
  normal: Vec3;
  /** The object hit, if not the ground. */
  object?: WorldObject;
}

const INDEX_CELL = 16;

export class WorldQuery {
  private readonly index: Map<number, number[]> = new Map();
  private readonly columns: number;

  /** The query over a generated world. */
  static of(world: Pick<World, 'terrain' | 'water' | 'biomes' | 'objects'>): WorldQuery {
    return new WorldQuery(world.terrain, world.water, world.biomes.biomes, world.biomes.dominant, world.objects);
  }

  constructor(
    readonly terrain: Heightfield,
    readonly water: WaterBodies,
    private readonly biomeIds: readonly Biome[],
    private readonly dominant: Uint8Array,
    readonly objects: readonly WorldObject[],
  ) {
    this.columns = Math.ceil(terrain.width / INDEX_CELL) + 1;
    objects.forEach((o, i) => {
      const [c0, r0] = this.cellOf(o.x - o.radius, o.z - o.radius);
      const [c1, r1] = this.cellOf(o.x + o.radius, o.z + o.radius);
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const key = r * this.columns + c;
          let list = this.index.get(key);
          if (!list) this.index.set(key, (list = []));
          list.push(i);
        }
      }
    });
  }

  heightAt(x: number, z: number): number {
    const t = this.terrain;
    return bilinear(t.heights, t.nx, t.nz, (x + t.width / 2) / t.dx, (z + t.depth / 2) / t.dz);
  }

  normalAt(x: number, z: number): Vec3 {
    const e = Math.min(this.terrain.dx, this.terrain.dz);
    const gx = (this.heightAt(x + e, z) - this.heightAt(x - e, z)) / (2 * e);
    const gz = (this.heightAt(x, z + e) - this.heightAt(x, z - e)) / (2 * e);
    const l = Math.hypot(gx, 1, gz);
    return [-gx / l, 1 / l, -gz / l];
  }

  biomeAt(x: number, z: number): Biome {
    return this.biomeIds[this.dominant[this.sampleIndex(x, z)]];
  }

  waterAt(x: number, z: number): { level: number; depth: number } | null {
    const i = this.sampleIndex(x, z);
    const level = this.water.surface[i];
    const ground = this.heightAt(x, z);
    if (Number.isNaN(level) || level <= ground) return null;
    return { level, depth: level - ground };
  }

  /** Objects whose footprint meets the box (and, when given, whose height range meets minY..maxY). */
  objectsIn(box: Box2 & { minY?: number; maxY?: number }): WorldObject[] {
    const found = new Set<number>();
    const [c0, r0] = this.cellOf(box.minX, box.minZ);
    const [c1, r1] = this.cellOf(box.maxX, box.maxZ);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        for (const i of this.index.get(r * this.columns + c) ?? []) {
          const o = this.objects[i];
          if (o.x + o.radius < box.minX || o.x - o.radius > box.maxX || o.z + o.radius < box.minZ || o.z - o.radius > box.maxZ) continue;
          if (box.minY !== undefined && box.maxY !== undefined && (o.y > box.maxY || o.y + 60 < box.minY)) continue;
          found.add(i);
        }
      }
    }
    return [...found].sort((a, b) => a - b).map((i) => this.objects[i]);
  }

  /** The first hit along a ray on the ground or on an object's collider, within `maxDistance`. */
  raycast(origin: Vec3, direction: Vec3, maxDistance = 1000): RayHit | null {
    const l = Math.hypot(direction[0], direction[1], direction[2]);
    if (l === 0) return null;
    const dir: Vec3 = [direction[0] / l, direction[1] / l, direction[2] / l];
    const ground = this.raycastGround(origin, dir, maxDistance);
    let best: RayHit | null = ground;
    let limit = ground ? ground.distance : maxDistance;
    // Objects in the cells the ray crosses (sampled every half cell).
    const seen = new Set<number>();
    for (let s = 0; s <= limit + INDEX_CELL; s += INDEX_CELL / 2) {
      const [c, r] = this.cellOf(origin[0] + dir[0] * s, origin[2] + dir[2] * s);
      for (const i of this.index.get(r * this.columns + c) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        for (const collider of this.objects[i].colliders) {
          const hit = rayCollider(origin, dir, collider);
          if (hit && hit.distance < limit) {
            limit = hit.distance;
            best = { ...hit, object: this.objects[i] };
          }
        }
      }
    }
    return best;
  }

  moveWithCollision(pose: Pose, step: MoveStep, options: Partial<WalkerOptions> = {}): Pose {
    const o = { ...WALKER_DEFAULTS, ...options };
    const yaw = pose.yaw + (step.turn ?? 0);
    const forward: [number, number] = [Math.sin(yaw), Math.cos(yaw)];
    const right: [number, number] = [-Math.cos(yaw), Math.sin(yaw)];
    const dx = forward[0] * step.forward + right[0] * (step.strafe ?? 0);
    const dz = forward[1] * step.forward + right[1] * (step.strafe ?? 0);
    const distance = Math.hypot(dx, dz);
    const steps = Math.max(1, Math.ceil(distance / (o.radius / 2)));
    let x = pose.x;
    let z = pose.z;
    let y = this.standingHeight(x, z, pose.y, o);
    for (let k = 0; k < steps; k++) {
      const sx = dx / steps;
      const sz = dz / steps;
      // Try the whole step, then slide along each axis.
      for (const [tx, tz] of [[sx, sz], [sx, 0], [0, sz]] as Array<[number, number]>) {
        if (tx === 0 && tz === 0) continue;
        const next = this.tryStep(x, z, y, x + tx, z + tz, o);
        if (next !== null) {
          x += tx;
          z += tz;
          y = next;
          break;
        }
      }
    }
    return { x, y, z, yaw };
  }

  /** The feet height after a step, or null if the step is blocked. */
  private tryStep(x: number, z: number, y: number, nx: number, nz: number, o: WalkerOptions): number | null {
    const t = this.terrain;
    if (Math.abs(nx) > t.width / 2 - o.radius || Math.abs(nz) > t.depth / 2 - o.radius) return null;
    const water = this.waterAt(nx, nz);
    const ny = this.standingHeight(nx, nz, y, o);
    if (water && water.depth > o.maxWade && ny < water.level - o.maxWade) return null;
    const run = Math.hypot(nx - x, nz - z);
    if (ny - y > o.maxStep && (ny - y) / Math.max(run, 1e-6) > o.maxSlope) return null;
    if (this.blockedAt(nx, nz, ny, o)) return null;
    return ny;
  }

  /** Ground or a low box top (a deck) under the walker: whichever is highest within a step up. */
  private standingHeight(x: number, z: number, feet: number, o: WalkerOptions): number {
    let height = this.heightAt(x, z);
    for (const object of this.objectsIn({ minX: x - o.radius, minZ: z - o.radius, maxX: x + o.radius, maxZ: z + o.radius })) {
      for (const c of object.colliders) {
        if (c.shape !== 'box') continue;
        const top = c.center[1] + c.half[1];
        if (top <= feet + o.maxStep && top > height && insideBox2(x, z, c, 0)) height = top;
      }
    }
    return height;
  }

  private blockedAt(x: number, z: number, feet: number, o: WalkerOptions): boolean {
    for (const object of this.objectsIn({ minX: x - o.radius, minZ: z - o.radius, maxX: x + o.radius, maxZ: z + o.radius })) {
      for (const c of object.colliders) {
        if (c.shape === 'capsule') {
          if (c.top < feet || c.bottom > feet + o.height) continue;
          if (Math.hypot(x - c.x, z - c.z) < c.radius + o.radius) return true;
        } else if (c.shape === 'sphere') {
          const dy = Math.max(0, Math.max(feet - c.center[1], c.center[1] - (feet + o.height)));
          if (Math.hypot(x - c.center[0], dy, z - c.center[2]) < c.radius + o.radius * 0.5) return true;
        } else {
          const bottom = c.center[1] - c.half[1];
          const top = c.center[1] + c.half[1];
          // A top within a step is walked onto, not into.
          if (top <= feet + o.maxStep || bottom > feet + o.height) continue;
          if (insideBox2(x, z, c, o.radius)) return true;
        }
      }
    }
    return false;
  }

  private raycastGround(origin: Vec3, dir: Vec3, maxDistance: number): RayHit | null {
    const stepLength = Math.min(this.terrain.dx, this.terrain.dz) * 0.5;
    const above = (s: number) => origin[1] + dir[1] * s - this.heightAt(origin[0] + dir[0] * s, origin[2] + dir[2] * s);
    let previous = 0;
    if (above(0) < 0) return null;
    for (let s = stepLength; s <= maxDistance; s += stepLength) {
      if (above(s) <= 0) {
        let lo = previous;
        let hi = s;
        for (let k = 0; k < 24; k++) {
          const mid = (lo + hi) / 2;
          if (above(mid) > 0) lo = mid;
          else hi = mid;
        }
        const point: Vec3 = [origin[0] + dir[0] * hi, origin[1] + dir[1] * hi, origin[2] + dir[2] * hi];
        return { point, distance: hi, normal: this.normalAt(point[0], point[2]) };
      }
      previous = s;
      const x = origin[0] + dir[0] * s;
      const z = origin[2] + dir[2] * s;
      if (Math.abs(x) > this.terrain.width / 2 + 1 || Math.abs(z) > this.terrain.depth / 2 + 1) {
        // Left the world; a ray heading back in is not followed.
        if (x * dir[0] > 0 || z * dir[2] > 0) break;
      }
    }
    return null;
  }

  private sampleIndex(x: number, z: number): number {
    const t = this.terrain;
    const ix = Math.min(t.nx - 1, Math.max(0, Math.round((x + t.width / 2) / t.dx)));
    const iz = Math.min(t.nz - 1, Math.max(0, Math.round((z + t.depth / 2) / t.dz)));
    return iz * t.nx + ix;
  }

  private cellOf(x: number, z: number): [number, number] {
    const c = Math.min(this.columns - 1, Math.max(0, Math.floor((x + this.terrain.width / 2) / INDEX_CELL)));
    const r = Math.max(0, Math.floor((z + this.terrain.depth / 2) / INDEX_CELL));
    return [c, r];
  }
}

function insideBox2(x: number, z: number, c: { center: Vec3; half: Vec3; yaw: number }, margin: number): boolean {
  const dx = x - c.center[0];
  const dz = z - c.center[2];
  const cos = Math.cos(c.yaw);
  const sin = Math.sin(c.yaw);
  const lx = dx * cos - dz * sin;
  const lz = dx * sin + dz * cos;
  return Math.abs(lx) < c.half[0] + margin && Math.abs(lz) < c.half[2] + margin;
}

/** Ray against one collider; `dir` is unit length. */
export function rayCollider(origin: Vec3, dir: Vec3, c: WorldCollider): { point: Vec3; distance: number; normal: Vec3 } | null {
  if (c.shape === 'sphere') return raySphere(origin, dir, c.center, c.radius);
  if (c.shape === 'capsule') {
    // Infinite vertical cylinder, clipped to the capsule's straight part, then the two end spheres.
    let best: { point: Vec3; distance: number; normal: Vec3 } | null = null;
    const ox = origin[0] - c.x;
    const oz = origin[2] - c.z;
    const a = dir[0] * dir[0] + dir[2] * dir[2];
    const b = 2 * (ox * dir[0] + oz * dir[2]);
    const k = ox * ox + oz * oz - c.radius * c.radius;
    const disc = b * b - 4 * a * k;
    if (a > 1e-12 && disc >= 0) {
      const t = (-b - Math.sqrt(disc)) / (2 * a);
      const y = origin[1] + dir[1] * t;
      if (t >= 0 && y >= c.bottom + c.radius && y <= c.top - c.radius) {
        const point: Vec3 = [origin[0] + dir[0] * t, y, origin[2] + dir[2] * t];
        best = { point, distance: t, normal: [(point[0] - c.x) / c.radius, 0, (point[2] - c.z) / c.radius] };
      }
    }
    for (const cy of [c.bottom + c.radius, c.top - c.radius]) {
      const hit = raySphere(origin, dir, [c.x, cy, c.z], c.radius);
      if (hit && (!best || hit.distance < best.distance)) best = hit;
    }
    return best;
  }
  // Box: into its frame (turned by yaw about +y), slab test.
  const cos = Math.cos(c.yaw);
  const sin = Math.sin(c.yaw);
  const toLocal = (v: Vec3): Vec3 => [v[0] * cos - v[2] * sin, v[1], v[0] * sin + v[2] * cos];
  const o = toLocal([origin[0] - c.center[0], origin[1] - c.center[1], origin[2] - c.center[2]]);
  const d = toLocal(dir);
  let tmin = -Infinity;
  let tmax = Infinity;
  let axis = 0;
  for (let k = 0; k < 3; k++) {
    if (Math.abs(d[k]) < 1e-12) {
      if (Math.abs(o[k]) > c.half[k]) return null;
      continue;
    }
    let t1 = (-c.half[k] - o[k]) / d[k];
    let t2 = (c.half[k] - o[k]) / d[k];
    if (t1 > t2) [t1, t2] = [t2, t1];
    if (t1 > tmin) {
      tmin = t1;
      axis = k;
    }
    tmax = Math.min(tmax, t2);
    if (tmin > tmax) return null;
  }
  if (tmax < 0) return null;
  const t = Math.max(0, tmin);
  const local: Vec3 = [0, 0, 0];
  local[axis] = d[axis] > 0 ? -1 : 1;
  // Back to world: inverse of toLocal.
  const normal: Vec3 = [local[0] * cos + local[2] * sin, local[1], -local[0] * sin + local[2] * cos];
  return { point: [origin[0] + dir[0] * t, origin[1] + dir[1] * t, origin[2] + dir[2] * t], distance: t, normal };
}

function raySphere(origin: Vec3, dir: Vec3, center: Vec3, radius: number): { point: Vec3; distance: number; normal: Vec3 } | null {
  const ox = origin[0] - center[0];
  const oy = origin[1] - center[1];
  const oz = origin[2] - center[2];
  const b = ox * dir[0] + oy * dir[1] + oz * dir[2];
  const c = ox * ox + oy * oy + oz * oz - radius * radius;
  const disc = b * b - c;
  if (disc < 0) return null;
  const t = -b - Math.sqrt(disc);
  if (t < 0) return null;
  const point: Vec3 = [origin[0] + dir[0] * t, origin[1] + dir[1] * t, origin[2] + dir[2] * t];
  return { point, distance: t, normal: [(point[0] - center[0]) / radius, (point[1] - center[1]) / radius, (point[2] - center[2]) / radius] };
}
