/**
 * Where characters walk: paths on the world's navmesh (Detour, from the serialised navmesh the
 * world carries), as polylines on the ground; where the navmesh does not join two places (slopes
 * steeper than its agent climbs) but the world's carved trails do, along the trails. Without a
 * navmesh (a world too small or too wet to have one) a straight line over the terrain is used, and
 * the caller says so.
 */
import { importNavMesh, init, NavMeshQuery, type NavMesh } from '@recast-navigation/core';
import type { WalkPath } from '../gameplay/gameplay.ts';
import type { World } from '../world/world.ts';
import type { WorldQuery } from '../world/world-query.ts';
import type { Vec3 } from './timeline.ts';
import { routeAlongTrails } from './trail-routes.ts';

let ready: Promise<void> | undefined;

export class WalkPaths {
  private constructor(
    private readonly query: WorldQuery,
    private readonly navMesh: NavMesh | null,
    private readonly navQuery: NavMeshQuery | null,
    private readonly trails: readonly WalkPath[],
  ) {}

  static async of(world: World, query: WorldQuery): Promise<WalkPaths> {
    if (!world.navmesh) return new WalkPaths(query, null, null, world.gameplay.paths);
    ready ??= init();
    await ready;
    const { navMesh } = importNavMesh(world.navmesh.detour);
    return new WalkPaths(query, navMesh, new NavMeshQuery(navMesh, { maxNodes: 8192 }), world.gameplay.paths);
  }

  get onNavMesh(): boolean {
    return this.navQuery !== null;
  }

  /** The nearest walkable point within `reach` metres, or null. */
  nearestWalkable(p: Vec3, reach = 30): Vec3 | null {
    if (!this.navQuery) return this.ground(p[0], p[2]);
    const found = this.navQuery.findClosestPoint({ x: p[0], y: p[1], z: p[2] }, { halfExtents: { x: reach, y: 60, z: reach } });
    if (!found.success || found.polyRef === 0) return null;
    return [found.point.x, found.point.y, found.point.z];
  }

  /** A walkable polyline from `from` to `to` (both snapped to the navmesh), or null if none joins them. */
  path(from: Vec3, to: Vec3): Vec3[] | null {
    if (!this.navQuery) return [this.ground(from[0], from[2]), this.ground(to[0], to[2])];
    const result = this.navQuery.computePath(
      { x: from[0], y: from[1], z: from[2] },
      { x: to[0], y: to[1], z: to[2] },
      { halfExtents: { x: 30, y: 60, z: 30 }, maxPathPolys: 4096, maxStraightPathPoints: 4096 },
    );
    const points = result.success ? result.path.map((p): Vec3 => [p.x, p.y, p.z]) : [];
    const end = points[points.length - 1];
    // Detour stops at the nearest reachable polygon: further than a few metres short is no path.
    if (points.length >= 2 && Math.hypot(end[0] - to[0], end[2] - to[2]) <= 6) return points;
    const trail = routeAlongTrails(this.trails, from, to);
    return trail ? trail.map((p) => this.ground(p[0], p[2])) : null;
  }

  destroy(): void {
    this.navQuery?.destroy();
    this.navMesh?.destroy();
  }

  private ground(x: number, z: number): Vec3 {
    return [x, this.query.heightAt(x, z), z];
  }
}

/** Total length of a polyline, metres (horizontal). */
export function polylineLength(points: readonly Vec3[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) length += Math.hypot(points[i][0] - points[i - 1][0], points[i][2] - points[i - 1][2]);
  return length;
}

/** The point `distance` metres along a polyline (clamped to its ends), and the heading there. */
export function pointAlong(points: readonly Vec3[], distance: number): { point: Vec3; yaw: number } {
  let left = Math.max(0, distance);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const segment = Math.hypot(b[0] - a[0], b[2] - a[2]);
    if (left <= segment || i === points.length - 1) {
      const t = segment > 0 ? Math.min(1, left / segment) : 0;
      return {
        point: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t],
        yaw: segment > 0 ? Math.atan2(b[0] - a[0], b[2] - a[2]) : 0,
      };
    }
    left -= segment;
  }
  return { point: points[0], yaw: 0 };
}

/** Distance along a polyline of the point on it nearest to `p`. */
export function distanceAlongNearest(points: readonly Vec3[], p: Vec3): number {
  let best = Infinity;
  let bestAlong = 0;
  let along = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const dx = b[0] - a[0];
    const dz = b[2] - a[2];
    const segment = Math.hypot(dx, dz);
    const t = segment > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[2] - a[2]) * dz) / (segment * segment))) : 0;
    const d = Math.hypot(a[0] + dx * t - p[0], a[2] + dz * t - p[2]);
    if (d < best) {
      best = d;
      bestAlong = along + t * segment;
    }
    along += segment;
  }
  return bestAlong;
}
