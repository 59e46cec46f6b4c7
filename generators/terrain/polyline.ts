/**
 * Polylines over the ground (rivers, paths): corner cutting and even spacing. Points may carry more
 * than x and z (a river's drainage area); the caller says how to blend two points, so every field
 * is carried along.
 */

/** Blends two points: `wa · a + wb · b`, field by field. */
export type WeighPoints<T> = (a: T, b: T, wa: number, wb: number) => T;

/** The point `distance` metres from `a` towards `b`, which lie `length` metres apart. */
export type PointAlong<T> = (a: T, b: T, distance: number, length: number) => T;

/** Chaikin corner cutting: each segment becomes its points at ¼ and ¾; keeps both ends. */
export function chaikin<T>(points: T[], weigh: WeighPoints<T>): T[] {
  if (points.length < 3) return points;
  const out: T[] = [points[0]];
  for (let i = 0; i < points.length - 1; i++) {
    out.push(weigh(points[i], points[i + 1], 0.75, 0.25), weigh(points[i], points[i + 1], 0.25, 0.75));
  }
  out.push(points[points.length - 1]);
  return out;
}

/**
 * Points every `spacing` metres along the polyline, starting at its first point; the last point is
 * added too unless the spacing already ended within `endShare` of a spacing from it.
 */
export function resample<T extends { x: number; z: number }>(points: T[], spacing: number, endShare: number, along: PointAlong<T>): T[] {
  const out: T[] = [points[0]];
  let carried = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    const length = Math.hypot(b.x - a.x, b.z - a.z);
    let t = spacing - carried;
    while (t <= length) {
      out.push(along(a, b, t, length));
      t += spacing;
    }
    carried = length - (t - spacing);
  }
  const last = points[points.length - 1];
  const end = out[out.length - 1];
  if (Math.hypot(last.x - end.x, last.z - end.z) > spacing * endShare) out.push(last);
  return out;
}
