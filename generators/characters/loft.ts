/**
 * A smooth tube through a list of elliptical rings: the shape of a torso, a limb, a skirt, a boot.
 * Each ring has a centre, two radii — `rx` across the body (along x as far as the tube's axis
 * allows) and `rd` the other way (depth) — and a colour; the axis at a ring runs from the ring
 * before to the ring after. Ends can stay open (a skirt's hem) or close with a dome (a shoulder, a
 * fingertip). Normals are averaged from the faces, so the tube shades smoothly.
 */
import { type MeshBuilder } from '../assets/mesh-builder.ts';
import type { Rgb } from '../biomes/color.ts';
import { PIECE } from './skinned-mesh-builder.ts';
import { add, cross, normalize, scale, sub, type Vec3 } from './quaternion.ts';

export interface LoftRing {
  center: Vec3;
  rx: number;
  rd: number;
  color: Rgb;
}

export interface LoftOptions {
  /** Close the first / last ring with a dome this tall (0: flat). Absent: open. */
  capStart?: number;
  capEnd?: number;
  /** Sides of every ring (default 10). */
  segments?: number;
}

export function loft(b: MeshBuilder, rings: readonly LoftRing[], options: LoftOptions = {}): void {
  const segments = options.segments ?? 10;
  const positions: Vec3[] = [];
  const colors: Rgb[] = [];
  const triangles: Array<[number, number, number]> = [];
  const axes: Vec3[] = rings.map((_, i) => normalize(sub(rings[Math.min(rings.length - 1, i + 1)].center, rings[Math.max(0, i - 1)].center)));
  const ringIds: number[][] = rings.map((ring, i) => {
    const a = axes[i];
    const ref: Vec3 = Math.abs(a[0]) < 0.9 ? [1, 0, 0] : [0, 0, 1];
    const u = normalize(sub(ref, scale(a, ref[0] * a[0] + ref[1] * a[1] + ref[2] * a[2])));
    const v = cross(a, u);
    const ids: number[] = [];
    for (let s = 0; s < segments; s++) {
      const t = (s / segments) * Math.PI * 2;
      ids.push(positions.length);
      positions.push(add(ring.center, add(scale(u, ring.rx * Math.cos(t)), scale(v, ring.rd * Math.sin(t)))));
      colors.push(ring.color);
    }
    return ids;
  });
  for (let i = 0; i + 1 < rings.length; i++) {
    for (let s = 0; s < segments; s++) {
      const s1 = (s + 1) % segments;
      const [a0, a1, b0, b1] = [ringIds[i][s], ringIds[i][s1], ringIds[i + 1][s], ringIds[i + 1][s1]];
      triangles.push([a0, a1, b1], [a0, b1, b0]);
    }
  }
  const cap = (end: 'start' | 'end', dome: number) => {
    const i = end === 'start' ? 0 : rings.length - 1;
    const outward = end === 'start' ? scale(axes[0], -1) : axes[i];
    const pole = positions.length;
    positions.push(add(rings[i].center, scale(outward, dome)));
    colors.push(rings[i].color);
    for (let s = 0; s < segments; s++) {
      const s1 = (s + 1) % segments;
      if (end === 'end') triangles.push([ringIds[i][s], ringIds[i][s1], pole]);
      else triangles.push([ringIds[i][s1], ringIds[i][s], pole]);
    }
  };
  if (options.capStart !== undefined) cap('start', options.capStart);
  if (options.capEnd !== undefined) cap('end', options.capEnd);

  const normals: Vec3[] = positions.map(() => [0, 0, 0]);
  for (const [x, y, z] of triangles) {
    const n = cross(sub(positions[y], positions[x]), sub(positions[z], positions[x]));
    for (const v of [x, y, z]) normals[v] = add(normals[v], n);
  }
  const ids = positions.map((p, i) => b.vertex(PIECE, p, normalize(normals[i]), colors[i]));
  for (const [x, y, z] of triangles) b.triangle(PIECE, ids[x], ids[y], ids[z]);
}
