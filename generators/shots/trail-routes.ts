/**
 * Routes along the world's carved paths (gameplay's trail network between the spawn and the points
 * of interest): the way a walker goes where the navmesh is cut by slopes steeper than its agent
 * climbs but the world laid a path. Dijkstra over the trails' points, joined where trails meet.
 */
import type { WalkPath } from '../gameplay/gameplay.ts';
import type { Vec3 } from './timeline.ts';

/** Trail points closer than this join two trails. */
const JOIN = 3;
/** The start and end may be this far off a trail, metres (walked straight). */
const REACH = 40;

export function routeAlongTrails(trails: readonly WalkPath[], from: Vec3, to: Vec3): Vec3[] | null {
  const points: Vec3[] = [];
  const edges: Array<Array<[number, number]>> = [];
  for (const trail of trails) {
    trail.points.forEach((p, i) => {
      const index = points.length;
      points.push([p.x, p.y, p.z]);
      edges.push([]);
      if (i > 0) link(index - 1, index);
    });
  }
  if (points.length === 0) return null;
  function link(a: number, b: number) {
    const d = Math.hypot(points[a][0] - points[b][0], points[a][2] - points[b][2]);
    edges[a].push([b, d]);
    edges[b].push([a, d]);
  }
  // Trails meet at their shared ends (and may cross): join points within JOIN metres.
  const cell = new Map<string, number[]>();
  const key = (x: number, z: number) => `${Math.floor(x / JOIN)},${Math.floor(z / JOIN)}`;
  points.forEach((p, i) => {
    const cx = Math.floor(p[0] / JOIN);
    const cz = Math.floor(p[2] / JOIN);
    for (let dz = -1; dz <= 1; dz++) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const j of cell.get(`${cx + dx},${cz + dz}`) ?? []) {
          if (Math.hypot(points[j][0] - p[0], points[j][2] - p[2]) < JOIN && !edges[i].some(([n]) => n === j)) link(i, j);
        }
      }
    }
    const k = key(p[0], p[2]);
    const list = cell.get(k);
    if (list) list.push(i);
    else cell.set(k, [i]);
  });
  const start = nearest(points, from);
  const goal = nearest(points, to);
  if (start.distance > REACH || goal.distance > REACH) return null;
  const distance = new Float64Array(points.length).fill(Infinity);
  const previous = new Int32Array(points.length).fill(-1);
  const done = new Uint8Array(points.length);
  distance[start.index] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < points.length; i++) if (!done[i] && distance[i] < Infinity && (u < 0 || distance[i] < distance[u])) u = i;
    if (u < 0 || u === goal.index) break;
    done[u] = 1;
    for (const [v, d] of edges[u]) {
      if (distance[u] + d < distance[v]) {
        distance[v] = distance[u] + d;
        previous[v] = u;
      }
    }
  }
  if (distance[goal.index] === Infinity) return null;
  const route: Vec3[] = [];
  for (let i = goal.index; i >= 0; i = previous[i]) route.push(points[i]);
  route.reverse();
  return [from, ...route, to];
}

function nearest(points: readonly Vec3[], p: Vec3): { index: number; distance: number } {
  let index = 0;
  let distance = Infinity;
  points.forEach((q, i) => {
    const d = Math.hypot(q[0] - p[0], q[2] - p[2]);
    if (d < distance) {
      distance = d;
      index = i;
    }
  });
  return { index, distance };
}
