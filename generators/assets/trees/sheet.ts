/**
 * A sheet: a grid of points in rows, stitched into triangles — the shape for conifer skirts
 * (rows are rings around the trunk, the first a single apex, `closed` around), palm fronds and
 * fern leaves (rows across the leaf). Each triangle is turned so its front faces `facing` at its
 * middle; triangles with no area (a leaf's pointed tip) are dropped; vertex normals are the
 * area-weighted mean of the faces around them. For double-sided materials.
 */
import type { Rgb } from '../../biomes/color.ts';
import type { Vec3 } from '../asset.ts';
import type { AssetMaterialName } from '../asset-materials.ts';
import type { MeshBuilder } from '../mesh-builder.ts';
import { cross, normalize, subtract } from '../transform.ts';
import { snowed } from './foliage.ts';

export interface Sheet {
  /** Rows of points; a row of one point is a pole that the next row fans out from. */
  rows: Vec3[][];
  /** A colour per point, linear RGB. */
  colors: Rgb[][];
  /** Each row closes on itself (a ring). */
  closed: boolean;
  /** The way the front faces near a point. */
  facing: (p: Vec3) => Vec3;
}

export function drawSheet(b: MeshBuilder, material: AssetMaterialName, sheet: Sheet, snow = 0): void {
  const positions: Vec3[] = [];
  const colors: Rgb[] = [];
  const rowStart: number[] = [];
  sheet.rows.forEach((row, r) => {
    rowStart.push(positions.length);
    row.forEach((p, j) => {
      positions.push(p);
      colors.push(sheet.colors[r][j]);
    });
  });
  const triangles: Array<[number, number, number]> = [];
  const add = (a: number, c: number, e: number) => {
    const n = cross(subtract(positions[c], positions[a]), subtract(positions[e], positions[a]));
    if (Math.hypot(n[0], n[1], n[2]) < 1e-10) return;
    const mid: Vec3 = [
      (positions[a][0] + positions[c][0] + positions[e][0]) / 3,
      (positions[a][1] + positions[c][1] + positions[e][1]) / 3,
      (positions[a][2] + positions[c][2] + positions[e][2]) / 3,
    ];
    const f = sheet.facing(mid);
    if (n[0] * f[0] + n[1] * f[1] + n[2] * f[2] < 0) triangles.push([a, e, c]);
    else triangles.push([a, c, e]);
  };
  for (let r = 0; r < sheet.rows.length - 1; r++) {
    const lower = sheet.rows[r];
    const upper = sheet.rows[r + 1];
    const count = Math.max(lower.length, upper.length);
    const spans = sheet.closed ? count : count - 1;
    for (let j = 0; j < spans; j++) {
      const j1 = (j + 1) % count;
      if (lower.length === 1) {
        add(rowStart[r], rowStart[r + 1] + j, rowStart[r + 1] + j1);
      } else if (upper.length === 1) {
        add(rowStart[r] + j, rowStart[r] + j1, rowStart[r + 1]);
      } else {
        add(rowStart[r] + j, rowStart[r] + j1, rowStart[r + 1] + j1);
        add(rowStart[r] + j, rowStart[r + 1] + j1, rowStart[r + 1] + j);
      }
    }
  }
  const normals: Vec3[] = positions.map(() => [0, 0, 0]);
  for (const [a, c, e] of triangles) {
    const n = cross(subtract(positions[c], positions[a]), subtract(positions[e], positions[a]));
    for (const v of [a, c, e]) {
      normals[v][0] += n[0];
      normals[v][1] += n[1];
      normals[v][2] += n[2];
    }
  }
  const used = new Set(triangles.flat());
  const ids = new Map<number, number>();
  for (const v of [...used].sort((x, y) => x - y)) {
    const n = normals[v];
    const unit = Math.hypot(n[0], n[1], n[2]) > 1e-12 ? normalize(n) : normalize(sheet.facing(positions[v]));
    ids.set(v, b.vertex(material, positions[v], unit, snowed(colors[v], unit[1], snow)));
  }
  for (const [a, c, e] of triangles) b.triangle(material, ids.get(a) as number, ids.get(c) as number, ids.get(e) as number);
}
