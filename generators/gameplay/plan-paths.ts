/**
 * Walkable paths joining the spawn and every point of interest: a minimum spanning tree over
 * straight-line distances picks which pairs to join (no redundant trails), A* finds each trail on
 * the cost grid, and Chaikin smoothing plus 2 m resampling turns grid steps into a winding path.
 * Heights follow the ground, averaged along the path so it climbs evenly.
 */
import { heightAt, type Heightfield } from '../terrain/heightfield.ts';
import { chaikin, resample } from '../terrain/polyline.ts';
import { cellCentre, cellOf, findPath, type CostGrid } from './find-path.ts';
import type { PointOfInterest, Spawn, WalkPath } from './gameplay.ts';

export const PATH_WIDTH = 2.6;

export function planPaths(
  grid: CostGrid,
  field: Heightfield,
  spawn: Spawn,
  points: readonly PointOfInterest[],
): { paths: WalkPath[]; notes: string[] } {
  const nodes = [{ id: 'spawn', x: spawn.x, z: spawn.z }, ...points.map((p) => ({ id: p.id, x: p.approach.x, z: p.approach.z }))];
  const notes: string[] = [];
  const paths: WalkPath[] = [];
  for (const [a, b] of spanningTree(nodes)) {
    const from = nodes[a];
    const to = nodes[b];
    const cells = findPath(grid, cellOf(grid, from.x, from.z), cellOf(grid, to.x, to.z));
    if (!cells) {
      notes.push(`No walkable path from ${from.id} to ${to.id}: water or cliffs are in the way.`);
      continue;
    }
    let line = [{ x: from.x, z: from.z }, ...cells.slice(1, -1).map((c) => cellCentre(grid, c)), { x: to.x, z: to.z }];
    for (let k = 0; k < 2; k++) line = chaikin(line, weighPoint);
    line = resample(line, 2, 0.3, pointAlong);
    const raw = line.map((p) => heightAt(field, p.x, p.z));
    const points3 = line.map((p, i) => {
      let sum = 0;
      let count = 0;
      for (let k = Math.max(0, i - 3); k <= Math.min(raw.length - 1, i + 3); k++) {
        sum += raw[k];
        count++;
      }
      return { x: p.x, y: sum / count, z: p.z };
    });
    let length = 0;
    for (let i = 1; i < points3.length; i++) length += Math.hypot(points3[i].x - points3[i - 1].x, points3[i].z - points3[i - 1].z);
    // Both ends in one place (a point of interest at the spawn): nothing to walk.
    if (points3.length < 2 || length < 1) continue;
    paths.push({ id: `path-${paths.length + 1}`, from: from.id, to: to.id, points: points3, width: PATH_WIDTH, length });
  }
  return { paths, notes };
}

/** Prim's algorithm on straight-line distances; edges as index pairs, in the order they join. */
function spanningTree(nodes: ReadonlyArray<{ x: number; z: number }>): Array<[number, number]> {
  const n = nodes.length;
  if (n < 2) return [];
  const inTree = new Uint8Array(n);
  const best = new Float64Array(n).fill(Infinity);
  const parent = new Int32Array(n).fill(-1);
  const edges: Array<[number, number]> = [];
  best[0] = 0;
  for (let k = 0; k < n; k++) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!inTree[i] && (u < 0 || best[i] < best[u])) u = i;
    inTree[u] = 1;
    if (parent[u] >= 0) edges.push([parent[u], u]);
    for (let v = 0; v < n; v++) {
      if (inTree[v]) continue;
      const d = Math.hypot(nodes[u].x - nodes[v].x, nodes[u].z - nodes[v].z);
      if (d < best[v]) {
        best[v] = d;
        parent[v] = u;
      }
    }
  }
  return edges;
}

type Point2 = { x: number; z: number };

const weighPoint = (a: Point2, b: Point2, wa: number, wb: number): Point2 => ({ x: wa * a.x + wb * b.x, z: wa * a.z + wb * b.z });

const pointAlong = (a: Point2, b: Point2, t: number, length: number): Point2 => ({
  x: a.x + ((b.x - a.x) * t) / length,
  z: a.z + ((b.z - a.z) * t) / length,
});
