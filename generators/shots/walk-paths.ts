/**
 * Where characters walk: paths on the world's navmesh (Detour, from the serialised navmesh the
 * world carries), as polylines on the ground. Where the navmesh does not join two places (slopes
 * steeper than its agent climbs, or no navmesh at all) the way is found as the world's own trails
 * were: A* over the walk-cost grid (slope², water and buildings), smoothed; and where carving the
 * trails left a cell too steep for that grid, along the trails themselves.
 */
import { importNavMesh, init, NavMeshQuery, type NavMesh } from '@recast-navigation/core';
import { cellCentre, cellOf, findPath, nearestCellWhere, type CostGrid } from '../gameplay/find-path.ts';
import { walkCostGrid } from '../gameplay/walk-cost.ts';
import { structureFootprints } from '../structures/structure-footprints.ts';
import { chaikin } from '../terrain/polyline.ts';
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
    private readonly world: World,
  ) {}

  private grid: CostGrid | null = null;

  static async of(world: World, query: WorldQuery): Promise<WalkPaths> {
    if (!world.navmesh) return new WalkPaths(query, null, null, world);
    ready ??= init();
    await ready;
    const { navMesh } = importNavMesh(world.navmesh.detour);
    return new WalkPaths(query, navMesh, new NavMeshQuery(navMesh, { maxNodes: 8192 }), world);
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
    if (!this.navQuery) return this.gridPath(from, to);
    const result = this.navQuery.computePath(
      { x: from[0], y: from[1], z: from[2] },
      { x: to[0], y: to[1], z: to[2] },
      { halfExtents: { x: 30, y: 60, z: 30 }, maxPathPolys: 4096, maxStraightPathPoints: 4096 },
    );
    const points = result.success ? result.path.map((p): Vec3 => [p.x, p.y, p.z]) : [];
    const end = points[points.length - 1];
    // Detour stops at the nearest reachable polygon: further than a few metres short is no path.
    if (points.length >= 2 && Math.hypot(end[0] - to[0], end[2] - to[2]) <= 6) return points;
    return this.gridPath(from, to);
  }

  /** A* over the walk-cost grid, the corners rounded off (Chaikin, twice). */
  private gridPath(from: Vec3, to: Vec3): Vec3[] | null {
    this.grid ??= walkCostGrid(this.world.terrain, this.world.water, structureFootprints(this.world.structures));
    // A bank point may round into the river: start and end on the nearest passable cells.
    const grid = this.grid;
    const passable = (c: number) => Number.isFinite(grid.cost[c]);
    const start = nearestCellWhere(grid, cellOf(grid, from[0], from[2]), passable, 8);
    const goal = nearestCellWhere(grid, cellOf(grid, to[0], to[2]), passable, 8);
    const cells = start >= 0 && goal >= 0 ? findPath(this.grid, start, goal) : null;
    if (!cells) {
      const trail = routeAlongTrails(this.world.gameplay.paths, from, to);
      return trail ? trail.map((p) => this.ground(p[0], p[2])) : null;
    }
    let points = [{ x: from[0], z: from[2] }, ...cells.slice(1, -1).map((c) => cellCentre(this.grid!, c)), { x: to[0], z: to[2] }];
    const weigh = (a: { x: number; z: number }, b: { x: number; z: number }, wa: number, wb: number) => ({ x: a.x * wa + b.x * wb, z: a.z * wa + b.z * wb });
    for (let i = 0; i < 2 && points.length > 2; i++) points = chaikin(points, weigh);
    return points.map((p) => this.ground(p.x, p.z));
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
