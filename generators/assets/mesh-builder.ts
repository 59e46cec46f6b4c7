/**
 * Builds an AssetLod from simple shapes. Geometry goes into one part per material; a transform
 * stack places shapes (push a transform, draw in local space, pop). Shapes:
 *   box          flat-shaded cuboid
 *   frustum      a tapered tube between any two points (trunks, branches, columns, towers)
 *   ellipsoid    an icosphere, optionally displaced (rocks, foliage clumps, bushes)
 *   ribbon       a strip along a polyline (grass blades, palm fronds, leaves)
 *   prism        a polygon extruded upward (walls, floors, platforms)
 *   gableRoof    a pitched roof over a rectangle
 * Colours are linear RGB (see `linear()`); normals are unit length; winding is counter-clockwise
 * seen from outside.
 */
import { hexToRgb, srgbToLinear, type Rgb } from '../biomes/color.ts';
import type { AssetLod, AssetPart, Vec3 } from './asset.ts';
import type { AssetMaterialName } from './asset-materials.ts';
import { applyToNormal, applyToPoint, cross, identity, multiply, normalize, subtract, type Mat4 } from './transform.ts';

interface PartBuffers {
  positions: number[];
  normals: number[];
  colors: number[];
  indices: number[];
}

export class MeshBuilder {
  private readonly parts = new Map<AssetMaterialName, PartBuffers>();
  private readonly stack: Mat4[] = [identity()];

  /** Draws inside `transform` (applied after any outer transform). */
  within<T>(transform: Mat4, draw: () => T): T {
    this.stack.push(multiply(this.stack[this.stack.length - 1], transform));
    try {
      return draw();
    } finally {
      this.stack.pop();
    }
  }

  /** Adds a vertex in local space; returns its index within the material's part. */
  vertex(material: AssetMaterialName, position: Vec3, normal: Vec3, color: Rgb): number {
    const part = this.part(material);
    const m = this.stack[this.stack.length - 1];
    const p = applyToPoint(m, position);
    const n = applyToNormal(m, normal);
    const index = part.positions.length / 3;
    part.positions.push(p[0], p[1], p[2]);
    part.normals.push(n[0], n[1], n[2]);
    part.colors.push(color[0], color[1], color[2]);
    return index;
  }

  triangle(material: AssetMaterialName, a: number, b: number, c: number): void {
    const part = this.part(material);
    // A mirroring transform would turn the winding inside out; keep faces facing out.
    const m = this.stack[this.stack.length - 1];
    const det = m[0] * (m[5] * m[10] - m[9] * m[6]) - m[4] * (m[1] * m[10] - m[9] * m[2]) + m[8] * (m[1] * m[6] - m[5] * m[2]);
    if (det < 0) part.indices.push(a, c, b);
    else part.indices.push(a, b, c);
  }

  /** Vertices added so far for a material (so a shape can index its own). */
  vertexCount(material: AssetMaterialName): number {
    return (this.parts.get(material)?.positions.length ?? 0) / 3;
  }

  build(): AssetLod {
    const parts: AssetPart[] = [];
    let triangles = 0;
    for (const [material, buffers] of [...this.parts.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      if (buffers.indices.length === 0) continue;
      parts.push({
        material,
        positions: Float32Array.from(buffers.positions),
        normals: Float32Array.from(buffers.normals),
        colors: Float32Array.from(buffers.colors, (c) => Math.min(1, Math.max(0, c))),
        indices: Uint32Array.from(buffers.indices),
      });
      triangles += buffers.indices.length / 3;
    }
    return { parts, triangles };
  }

  private part(material: AssetMaterialName): PartBuffers {
    let part = this.parts.get(material);
    if (!part) this.parts.set(material, (part = { positions: [], normals: [], colors: [], indices: [] }));
    return part;
  }
}

/** An sRGB hex colour as linear RGB, for vertex colours. */
export function linear(hex: string): Rgb {
  const [r, g, b] = hexToRgb(hex);
  return [srgbToLinear(r), srgbToLinear(g), srgbToLinear(b)];
}

/** Multiplies a linear colour's brightness (1 = unchanged). */
export function shade(color: Rgb, factor: number): Rgb {
  return [color[0] * factor, color[1] * factor, color[2] * factor];
}

type ColorSource = Rgb | ((position: Vec3, normal: Vec3) => Rgb);

function colorAt(source: ColorSource, position: Vec3, normal: Vec3): Rgb {
  return typeof source === 'function' ? source(position, normal) : source;
}

/** An axis-aligned box of `size`, centred on `center` (local space), flat-shaded: 12 triangles. */
export function box(b: MeshBuilder, material: AssetMaterialName, size: Vec3, color: ColorSource, center: Vec3 = [0, size[1] / 2, 0]): void {
  const [hx, hy, hz] = [size[0] / 2, size[1] / 2, size[2] / 2];
  const faces: Array<{ n: Vec3; corners: Vec3[] }> = [
    { n: [1, 0, 0], corners: [[hx, -hy, hz], [hx, -hy, -hz], [hx, hy, -hz], [hx, hy, hz]] },
    { n: [-1, 0, 0], corners: [[-hx, -hy, -hz], [-hx, -hy, hz], [-hx, hy, hz], [-hx, hy, -hz]] },
    { n: [0, 1, 0], corners: [[-hx, hy, hz], [hx, hy, hz], [hx, hy, -hz], [-hx, hy, -hz]] },
    { n: [0, -1, 0], corners: [[-hx, -hy, -hz], [hx, -hy, -hz], [hx, -hy, hz], [-hx, -hy, hz]] },
    { n: [0, 0, 1], corners: [[-hx, -hy, hz], [hx, -hy, hz], [hx, hy, hz], [-hx, hy, hz]] },
    { n: [0, 0, -1], corners: [[hx, -hy, -hz], [-hx, -hy, -hz], [-hx, hy, -hz], [hx, hy, -hz]] },
  ];
  for (const face of faces) {
    const ids = face.corners.map((c) => {
      const p: Vec3 = [c[0] + center[0], c[1] + center[1], c[2] + center[2]];
      return b.vertex(material, p, face.n, colorAt(color, p, face.n));
    });
    b.triangle(material, ids[0], ids[1], ids[2]);
    b.triangle(material, ids[0], ids[2], ids[3]);
  }
}

export interface FrustumOptions {
  /** Close the end at `from` / at `to` with a flat cap. */
  capFrom?: boolean;
  capTo?: boolean;
  /** Colour along the tube, t from 0 (`from`) to 1 (`to`). */
  colorAlong?: (t: number) => Rgb;
}

/**
 * A tapered tube from `from` to `to` with `segments` sides (≥ 3), smooth-shaded sides:
 * 2 × segments triangles (segments for a cone, whose pointed end is one radius 0), plus
 * segments − 2 per cap.
 */
export function frustum(
  b: MeshBuilder,
  material: AssetMaterialName,
  from: Vec3,
  to: Vec3,
  radiusFrom: number,
  radiusTo: number,
  segments: number,
  color: Rgb,
  options: FrustumOptions = {},
): void {
  const axis = normalize(subtract(to, from));
  const helper: Vec3 = Math.abs(axis[1]) < 0.95 ? [0, 1, 0] : [1, 0, 0];
  const u = normalize(cross(axis, helper));
  const v = cross(axis, u);
  const length = Math.hypot(to[0] - from[0], to[1] - from[1], to[2] - from[2]);
  const slope = (radiusFrom - radiusTo) / Math.max(1e-6, length);
  const ring = (center: Vec3, radius: number, t: number) => {
    const ids: number[] = [];
    for (let s = 0; s < segments; s++) {
      const a = (s / segments) * Math.PI * 2;
      const dir: Vec3 = [u[0] * Math.cos(a) + v[0] * Math.sin(a), u[1] * Math.cos(a) + v[1] * Math.sin(a), u[2] * Math.cos(a) + v[2] * Math.sin(a)];
      const p: Vec3 = [center[0] + dir[0] * radius, center[1] + dir[1] * radius, center[2] + dir[2] * radius];
      const n = normalize([dir[0] + axis[0] * slope, dir[1] + axis[1] * slope, dir[2] + axis[2] * slope]);
      ids.push(b.vertex(material, p, n, options.colorAlong ? options.colorAlong(t) : color));
    }
    return ids;
  };
  const bottom = ring(from, radiusFrom, 0);
  const top = ring(to, radiusTo, 1);
  for (let s = 0; s < segments; s++) {
    const s1 = (s + 1) % segments;
    // At a pointed end (radius 0) one triangle of each side quad would have no area: skip it.
    if (radiusFrom > 0) b.triangle(material, bottom[s], bottom[s1], top[s1]);
    if (radiusTo > 0 || radiusFrom === 0) b.triangle(material, bottom[s], top[s1], top[s]);
  }
  const cap = (center: Vec3, radius: number, normal: Vec3, t: number, flip: boolean) => {
    const ids: number[] = [];
    for (let s = 0; s < segments; s++) {
      const a = (s / segments) * Math.PI * 2;
      const p: Vec3 = [
        center[0] + (u[0] * Math.cos(a) + v[0] * Math.sin(a)) * radius,
        center[1] + (u[1] * Math.cos(a) + v[1] * Math.sin(a)) * radius,
        center[2] + (u[2] * Math.cos(a) + v[2] * Math.sin(a)) * radius,
      ];
      ids.push(b.vertex(material, p, normal, options.colorAlong ? options.colorAlong(t) : color));
    }
    for (let s = 1; s < segments - 1; s++) {
      if (flip) b.triangle(material, ids[0], ids[s + 1], ids[s]);
      else b.triangle(material, ids[0], ids[s], ids[s + 1]);
    }
  };
  if (options.capTo && radiusTo > 0) cap(to, radiusTo, axis, 1, false);
  if (options.capFrom && radiusFrom > 0) cap(from, radiusFrom, [-axis[0], -axis[1], -axis[2]], 0, true);
}

/**
 * An ellipsoid from a subdivided icosahedron: 20 × 4^subdivisions triangles. `displace(direction)`
 * scales the radius along each unit direction (1 = unchanged), for rocks and lumpy foliage;
 * normals are recomputed from the displaced surface.
 */
export function ellipsoid(
  b: MeshBuilder,
  material: AssetMaterialName,
  center: Vec3,
  radii: Vec3,
  subdivisions: number,
  color: ColorSource,
  displace?: (direction: Vec3) => number,
): void {
  const { vertices, faces } = icosphere(subdivisions);
  const positions: Vec3[] = vertices.map((d) => {
    const k = displace ? displace(d) : 1;
    return [center[0] + d[0] * radii[0] * k, center[1] + d[1] * radii[1] * k, center[2] + d[2] * radii[2] * k];
  });
  const normals: Vec3[] = vertices.map(() => [0, 0, 0]);
  for (const [a, c, e] of faces) {
    const n = cross(subtract(positions[c], positions[a]), subtract(positions[e], positions[a]));
    for (const v of [a, c, e]) {
      normals[v][0] += n[0];
      normals[v][1] += n[1];
      normals[v][2] += n[2];
    }
  }
  const ids = positions.map((p, i) => {
    const n = normalize(normals[i]);
    return b.vertex(material, p, n, colorAt(color, p, n));
  });
  for (const [a, c, e] of faces) b.triangle(material, ids[a], ids[c], ids[e]);
}

/**
 * A strip along `points`, `widths[i]` wide at each point, spread along `side` (a unit vector, or
 * one per point). Normals face `side × direction`. For double-sided materials (grass, foliage).
 */
export function ribbon(
  b: MeshBuilder,
  material: AssetMaterialName,
  points: Vec3[],
  widths: number[],
  side: Vec3 | Vec3[],
  color: Rgb | ((t: number) => Rgb),
): void {
  const ids: Array<[number, number]> = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    const s = Array.isArray(side[0]) ? (side as Vec3[])[i] : (side as Vec3);
    const next = points[Math.min(points.length - 1, i + 1)];
    const prev = points[Math.max(0, i - 1)];
    const along = normalize(subtract(next, prev));
    const n = normalize(cross(s, along));
    const half = widths[i] / 2;
    const c = typeof color === 'function' ? color(i / Math.max(1, points.length - 1)) : color;
    ids.push([
      b.vertex(material, [p[0] - s[0] * half, p[1] - s[1] * half, p[2] - s[2] * half], n, c),
      b.vertex(material, [p[0] + s[0] * half, p[1] + s[1] * half, p[2] + s[2] * half], n, c),
    ]);
  }
  for (let i = 0; i < ids.length - 1; i++) {
    const [l0, r0] = ids[i];
    const [l1, r1] = ids[i + 1];
    if (widths[i] > 0) b.triangle(material, l0, r0, r1);
    if (widths[i + 1] > 0) b.triangle(material, l0, r1, l1);
  }
}

/**
 * A polygon of (x, z) pairs, counter-clockwise in the (x, z) plane (positive Σ x_i·z_{i+1} − x_{i+1}·z_i)
 * and convex or star-shaped around its first vertex, extruded from `bottom` to `top`:
 * flat-shaded sides, optional caps.
 */
export function prism(
  b: MeshBuilder,
  material: AssetMaterialName,
  polygon: Array<[number, number]>,
  bottom: number,
  top: number,
  color: ColorSource,
  caps: { top?: boolean; bottom?: boolean } = { top: true, bottom: false },
): void {
  const n = polygon.length;
  for (let i = 0; i < n; i++) {
    const [x0, z0] = polygon[i];
    const [x1, z1] = polygon[(i + 1) % n];
    const normal = normalize([z1 - z0, 0, -(x1 - x0)]);
    const corners: Vec3[] = [[x0, bottom, z0], [x1, bottom, z1], [x1, top, z1], [x0, top, z0]];
    const ids = corners.map((p) => b.vertex(material, p, normal, colorAt(color, p, normal)));
    b.triangle(material, ids[0], ids[2], ids[1]);
    b.triangle(material, ids[0], ids[3], ids[2]);
  }
  const cap = (y: number, up: boolean) => {
    const normal: Vec3 = [0, up ? 1 : -1, 0];
    const ids = polygon.map(([x, z]) => b.vertex(material, [x, y, z], normal, colorAt(color, [x, y, z], normal)));
    for (let i = 1; i < n - 1; i++) {
      if (up) b.triangle(material, ids[0], ids[i + 1], ids[i]);
      else b.triangle(material, ids[0], ids[i], ids[i + 1]);
    }
  };
  if (caps.top) cap(top, true);
  if (caps.bottom) cap(bottom, false);
}

/**
 * A pitched roof over a width (x) × depth (z) rectangle at height `eaves`, ridge along x, rising
 * `pitchHeight`, overhanging by `overhang`; the gable ends are closed.
 */
export function gableRoof(
  b: MeshBuilder,
  material: AssetMaterialName,
  width: number,
  depth: number,
  eaves: number,
  pitchHeight: number,
  overhang: number,
  color: Rgb,
  gableColor: Rgb = color,
  gableMaterial: AssetMaterialName = material,
): void {
  const hw = width / 2 + overhang;
  const hd = depth / 2 + overhang;
  const ridge = eaves + pitchHeight;
  const slopeNormal = (sign: number): Vec3 => normalize([0, hd, sign * pitchHeight]);
  for (const sign of [1, -1]) {
    const n = slopeNormal(sign);
    const corners: Vec3[] = [[-hw, eaves, sign * hd], [hw, eaves, sign * hd], [hw, ridge, 0], [-hw, ridge, 0]];
    const ids = corners.map((p) => b.vertex(material, p, n, color));
    if (sign > 0) {
      b.triangle(material, ids[0], ids[1], ids[2]);
      b.triangle(material, ids[0], ids[2], ids[3]);
    } else {
      b.triangle(material, ids[0], ids[2], ids[1]);
      b.triangle(material, ids[0], ids[3], ids[2]);
    }
  }
  const gw = width / 2;
  const gd = depth / 2;
  for (const sign of [1, -1]) {
    const n: Vec3 = [sign, 0, 0];
    // The apex meets the ridge; the gable's slanted edges stay under the overhanging roof.
    const ids = ([[sign * gw, eaves, -gd], [sign * gw, eaves, gd], [sign * gw, eaves + pitchHeight, 0]] as Vec3[]).map((p) =>
      b.vertex(gableMaterial, p, n, gableColor),
    );
    if (sign > 0) b.triangle(gableMaterial, ids[0], ids[2], ids[1]);
    else b.triangle(gableMaterial, ids[0], ids[1], ids[2]);
  }
}

/** Vertices and faces of a unit icosphere (counter-clockwise from outside). */
export function icosphere(subdivisions: number): { vertices: Vec3[]; faces: Array<[number, number, number]> } {
  const t = (1 + Math.sqrt(5)) / 2;
  const vertices: Vec3[] = [
    [-1, t, 0], [1, t, 0], [-1, -t, 0], [1, -t, 0],
    [0, -1, t], [0, 1, t], [0, -1, -t], [0, 1, -t],
    [t, 0, -1], [t, 0, 1], [-t, 0, -1], [-t, 0, 1],
  ].map((v) => normalize(v as Vec3));
  let faces: Array<[number, number, number]> = [
    [0, 11, 5], [0, 5, 1], [0, 1, 7], [0, 7, 10], [0, 10, 11],
    [1, 5, 9], [5, 11, 4], [11, 10, 2], [10, 7, 6], [7, 1, 8],
    [3, 9, 4], [3, 4, 2], [3, 2, 6], [3, 6, 8], [3, 8, 9],
    [4, 9, 5], [2, 4, 11], [6, 2, 10], [8, 6, 7], [9, 8, 1],
  ];
  for (let level = 0; level < subdivisions; level++) {
    const midpoints = new Map<string, number>();
    const next: Array<[number, number, number]> = [];
    const mid = (a: number, b: number) => {
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      let index = midpoints.get(key);
      if (index === undefined) {
        index = vertices.length;
        vertices.push(normalize([(vertices[a][0] + vertices[b][0]) / 2, (vertices[a][1] + vertices[b][1]) / 2, (vertices[a][2] + vertices[b][2]) / 2]));
        midpoints.set(key, index);
      }
      return index;
    };
    for (const [a, b, c] of faces) {
      const ab = mid(a, b);
      const bc = mid(b, c);
      const ca = mid(c, a);
      next.push([a, ab, ca], [b, bc, ab], [c, ca, bc], [ab, bc, ca]);
    }
    faces = next;
  }
  return { vertices, faces };
}
