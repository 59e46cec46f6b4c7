/**
 * Limbs — trunks, branches, twigs, stems — as polylines with a radius at each point, and the
 * tube that draws one: rings of `sides` vertices carried along the curve by parallel transport
 * (so the tube does not twist), consecutive rings stitched like the kit's `frustum` (same winding,
 * outward), sharing each ring between neighbouring segments so a bent limb has no gaps or
 * overlaps at its joints. A limb whose last radius is 0 ends in a point; a `broken` one ends in a
 * jagged crown of splinters around a pale crater.
 *
 * Triangles: 2 · sides per segment, sides for a pointed last segment, 3 · sides more for a
 * broken end.
 */
import type { Rgb } from '../../biomes/color.ts';
import { mix32 } from '../../seed/derive-seed.ts';
import type { Rng } from '../../seed/rng.ts';
import type { Vec3 } from '../asset.ts';
import type { AssetMaterialName } from '../asset-materials.ts';
import type { MeshBuilder } from '../mesh-builder.ts';
import { add, cross, dot, normalize, scale, subtract } from '../transform.ts';

export interface Limb {
  points: Vec3[];
  radii: number[];
  /** 0 the trunk, 1 a main branch, 2 a branch of that, 3 a twig. */
  order: number;
  /** Ends in splinters rather than tapering (a snapped top). */
  broken?: boolean;
}

/** Colour of a tube vertex: `t` 0..1 along the limb, `around` 0..1 around it. */
export type BarkPaint = (limb: Limb, t: number, around: number, position: Vec3, normal: Vec3) => Rgb;

/**
 * A limb along a quadratic Bézier from `start` to `end` that leaves `start` along
 * `startDirection`; `wobble` (metres per metre of length) kinks the inner points sideways.
 */
export function curvedLimb(
  start: Vec3,
  startDirection: Vec3,
  end: Vec3,
  radiusFrom: number,
  radiusTo: number,
  segments: number,
  order: number,
  rng?: Rng,
  wobble = 0,
): Limb {
  const distance = length(subtract(end, start));
  const control = add(start, scale(normalize(startDirection), distance * 0.45));
  // Kinks are a few smooth waves (half, whole and one-and-a-half periods along the limb) in
  // random directions, not noise per point: a limb bends, it does not zig-zag.
  const waves: Vec3[] =
    rng && wobble > 0
      ? [1, 0.55, 0.3].map((k) => [rng.normal(0, wobble * distance * k), rng.normal(0, wobble * distance * k * 0.5), rng.normal(0, wobble * distance * k)])
      : [];
  const points: Vec3[] = [];
  const radii: number[] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const a = (1 - t) * (1 - t);
    const b = 2 * (1 - t) * t;
    const c = t * t;
    let p: Vec3 = [
      a * start[0] + b * control[0] + c * end[0],
      a * start[1] + b * control[1] + c * end[1],
      a * start[2] + b * control[2] + c * end[2],
    ];
    waves.forEach((wave, k) => {
      p = add(p, scale(wave, Math.sin(Math.PI * t * (k + 1)) * (k === 0 ? 1 : Math.sin(Math.PI * t))));
    });
    points.push(p);
    radii.push(radiusFrom + (radiusTo - radiusFrom) * t);
  }
  return { points, radii, order };
}

export interface WalkOptions {
  /** Standard deviation of the turn at each step, radians. */
  wobble: number;
  /** Added to the direction at each step (per metre): +Y bends up, −Y droops. */
  tropism: Vec3;
}

/** A limb grown step by step from `start`: turns at random and bends with `tropism`. */
export function walkLimb(
  rng: Rng,
  start: Vec3,
  direction: Vec3,
  limbLength: number,
  radiusFrom: number,
  radiusTo: number,
  segments: number,
  order: number,
  options: WalkOptions,
): Limb {
  const step = limbLength / segments;
  const points: Vec3[] = [start];
  const radii: number[] = [radiusFrom];
  let dir = normalize(direction);
  let p = start;
  for (let i = 1; i <= segments; i++) {
    dir = normalize([
      dir[0] + rng.normal(0, options.wobble) + options.tropism[0] * step,
      dir[1] + rng.normal(0, options.wobble) + options.tropism[1] * step,
      dir[2] + rng.normal(0, options.wobble) + options.tropism[2] * step,
    ]);
    p = add(p, scale(dir, step));
    points.push(p);
    radii.push(radiusFrom + (radiusTo - radiusFrom) * (i / segments));
  }
  return { points, radii, order };
}

/**
 * Makes a trunk's first stretch plumb: a point straight above the foot at `rise` metres, so the
 * root flare sits level on the ground however the trunk bends or leans above it.
 */
export function plumbFoot(limb: Limb, rise: number): void {
  const foot = limb.points[0];
  if (limb.points.length < 2 || limb.points[1][1] <= foot[1] + rise * 1.2) return;
  const next = limb.points[1];
  const f = rise / (next[1] - foot[1]);
  limb.points.splice(1, 0, [foot[0], foot[1] + rise, foot[2]]);
  limb.radii.splice(1, 0, limb.radii[0] + (limb.radii[1] - limb.radii[0]) * f);
}

/** Position, direction and radius at `t` (0..1 of the limb's length). */
export function pointOnLimb(limb: Limb, t: number): { position: Vec3; direction: Vec3; radius: number } {
  const lengths = [0];
  for (let i = 1; i < limb.points.length; i++) lengths.push(lengths[i - 1] + length(subtract(limb.points[i], limb.points[i - 1])));
  const total = lengths[lengths.length - 1];
  const target = Math.min(1, Math.max(0, t)) * total;
  let i = 1;
  while (i < lengths.length - 1 && lengths[i] < target) i++;
  const span = Math.max(1e-9, lengths[i] - lengths[i - 1]);
  const f = Math.min(1, Math.max(0, (target - lengths[i - 1]) / span));
  const a = limb.points[i - 1];
  const b = limb.points[i];
  return {
    position: [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f],
    direction: normalize(subtract(b, a)),
    radius: limb.radii[i - 1] + (limb.radii[i] - limb.radii[i - 1]) * f,
  };
}

/**
 * The limb with every `stride`-th point kept, always the first and last; a trunk also keeps its
 * second point, so its foot stays plumb and its root flare level.
 */
export function simplifyLimb(limb: Limb, stride: number): Limb {
  if (stride <= 1 || limb.points.length <= 2) return limb;
  const keep: number[] = limb.order === 0 ? [0, 1] : [0];
  for (let i = stride; i < limb.points.length - 1; i += stride) if (i > keep[keep.length - 1]) keep.push(i);
  keep.push(limb.points.length - 1);
  return { ...limb, points: keep.map((i) => limb.points[i]), radii: keep.map((i) => limb.radii[i]) };
}

/** Moves and scales a limb about the origin (fitting a tree to its height). */
export function scaleLimb(limb: Limb, k: number): Limb {
  return { ...limb, points: limb.points.map((p) => scale(p, k)), radii: limb.radii.map((r) => r * k) };
}

/** Draws a limb as a tube. */
export function drawLimb(b: MeshBuilder, material: AssetMaterialName, limb: Limb, sides: number, paint: BarkPaint): void {
  const { points, radii } = limb;
  const n = points.length;
  if (n < 2) return;
  const tangents = points.map((_, i) => normalize(subtract(points[Math.min(n - 1, i + 1)], points[Math.max(0, i - 1)])));
  const lengths = [0];
  for (let i = 1; i < n; i++) lengths.push(lengths[i - 1] + length(subtract(points[i], points[i - 1])));
  const total = Math.max(1e-9, lengths[n - 1]);

  // Parallel transport: each ring's reference direction is the last one with its along-component removed.
  const helper: Vec3 = Math.abs(tangents[0][1]) < 0.95 ? [0, 1, 0] : [1, 0, 0];
  let u = normalize(cross(tangents[0], helper));
  const rings: number[][] = [];
  const frames: Array<{ u: Vec3; v: Vec3 }> = [];
  const pointed = radii[n - 1] <= 0;
  for (let i = 0; i < n; i++) {
    const axis = tangents[i];
    if (i > 0) {
      const projected = subtract(u, scale(axis, dot(u, axis)));
      u = length(projected) > 1e-6 ? normalize(projected) : normalize(cross(axis, Math.abs(axis[1]) < 0.95 ? [0, 1, 0] : [1, 0, 0]));
    }
    const v = cross(axis, u);
    frames.push({ u, v });
    const t = lengths[i] / total;
    if (pointed && i === n - 1) {
      rings.push([b.vertex(material, points[i], axis, paint(limb, 1, 0, points[i], axis))]);
      continue;
    }
    const before = Math.max(0, i - 1);
    const after = Math.min(n - 1, i + 1);
    const slope = (radii[before] - radii[after]) / Math.max(1e-6, lengths[after] - lengths[before]);
    const ring: number[] = [];
    for (let s = 0; s < sides; s++) {
      const a = (s / sides) * Math.PI * 2;
      const dir: Vec3 = [
        u[0] * Math.cos(a) + v[0] * Math.sin(a),
        u[1] * Math.cos(a) + v[1] * Math.sin(a),
        u[2] * Math.cos(a) + v[2] * Math.sin(a),
      ];
      const p: Vec3 = add(points[i], scale(dir, radii[i]));
      const normal = normalize(add(dir, scale(axis, slope)));
      ring.push(b.vertex(material, p, normal, paint(limb, t, s / sides, p, normal)));
    }
    rings.push(ring);
  }
  for (let i = 0; i < n - 1; i++) {
    const bottom = rings[i];
    const top = rings[i + 1];
    for (let s = 0; s < sides; s++) {
      const s1 = (s + 1) % sides;
      if (top.length === 1) {
        b.triangle(material, bottom[s], bottom[s1], top[0]);
      } else {
        b.triangle(material, bottom[s], bottom[s1], top[s1]);
        b.triangle(material, bottom[s], top[s1], top[s]);
      }
    }
  }
  if (limb.broken && !pointed) drawSplinters(b, material, limb, frames[n - 1], tangents[n - 1], sides, paint);
}

/** A snapped end: a ring of splinters of uneven height around a shallow crater of pale wood. */
function drawSplinters(b: MeshBuilder, material: AssetMaterialName, limb: Limb, frame: { u: Vec3; v: Vec3 }, axis: Vec3, sides: number, paint: BarkPaint): void {
  const end = limb.points[limb.points.length - 1];
  const r = limb.radii[limb.radii.length - 1];
  const wood: Rgb = [0.42, 0.38, 0.32];
  const base: number[] = [];
  const tips: number[] = [];
  const inner: number[] = [];
  for (let s = 0; s < sides; s++) {
    const a = (s / sides) * Math.PI * 2;
    const dir: Vec3 = [
      frame.u[0] * Math.cos(a) + frame.v[0] * Math.sin(a),
      frame.u[1] * Math.cos(a) + frame.v[1] * Math.sin(a),
      frame.u[2] * Math.cos(a) + frame.v[2] * Math.sin(a),
    ];
    // Splinter heights follow a fixed uneven pattern so the same limb always breaks the same way.
    const h = r * (0.4 + 1.6 * (mix32(s * 7919 + 17) / 4294967296));
    const p0 = add(end, scale(dir, r));
    const p1 = add(add(end, scale(dir, r * 0.7)), scale(axis, h));
    base.push(b.vertex(material, p0, dir, paint(limb, 1, s / sides, p0, dir)));
    tips.push(b.vertex(material, p1, dir, paint(limb, 1, s / sides, p1, dir)));
    inner.push(b.vertex(material, p1, axis, wood));
  }
  const centre = b.vertex(material, add(end, scale(axis, r * 0.15)), axis, shadeRgb(wood, 0.8));
  for (let s = 0; s < sides; s++) {
    const s1 = (s + 1) % sides;
    b.triangle(material, base[s], base[s1], tips[s1]);
    b.triangle(material, base[s], tips[s1], tips[s]);
    b.triangle(material, inner[s], inner[s1], centre);
  }
}

export function length(v: Vec3): number {
  return Math.hypot(v[0], v[1], v[2]);
}

function shadeRgb(c: Rgb, k: number): Rgb {
  return [c[0] * k, c[1] * k, c[2] * k];
}
