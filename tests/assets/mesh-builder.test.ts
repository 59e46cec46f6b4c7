import { describe, expect, it } from 'vitest';
import type { AssetLod, Vec3 } from '../../generators/assets/asset.ts';
import { box, ellipsoid, frustum, gableRoof, linear, MeshBuilder, prism } from '../../generators/assets/mesh-builder.ts';
import { compose, rotationY, rotationZ, scaling, translation } from '../../generators/assets/transform.ts';

/** For a convex closed shape: every face points away from the centroid, and vertex normals agree. */
function expectOutward(lod: AssetLod): void {
  for (const part of lod.parts) {
    const p = part.positions;
    const n = part.normals;
    const centroid = [0, 0, 0];
    for (let i = 0; i < p.length; i += 3) for (let a = 0; a < 3; a++) centroid[a] += p[i + a] / (p.length / 3);
    for (let t = 0; t < part.indices.length; t += 3) {
      const [a, b, c] = [part.indices[t], part.indices[t + 1], part.indices[t + 2]].map((i) => [p[i * 3], p[i * 3 + 1], p[i * 3 + 2]] as Vec3);
      const e1 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
      const e2 = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
      const face = [e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]];
      const mid = [(a[0] + b[0] + c[0]) / 3 - centroid[0], (a[1] + b[1] + c[1]) / 3 - centroid[1], (a[2] + b[2] + c[2]) / 3 - centroid[2]];
      expect(face[0] * mid[0] + face[1] * mid[1] + face[2] * mid[2]).toBeGreaterThan(0);
      const v = part.indices[t];
      expect(face[0] * n[v * 3] + face[1] * n[v * 3 + 1] + face[2] * n[v * 3 + 2]).toBeGreaterThan(0);
    }
    for (let i = 0; i < n.length; i += 3) expect(Math.hypot(n[i], n[i + 1], n[i + 2])).toBeCloseTo(1, 5);
  }
}

const grey = linear('#808080');

describe('MeshBuilder shapes', () => {
  it('box: 12 outward triangles', () => {
    const b = new MeshBuilder();
    box(b, 'stone', [2, 3, 4], grey);
    const lod = b.build();
    expect(lod.triangles).toBe(12);
    expectOutward(lod);
  });

  it('frustum with caps, along any axis, is closed and outward', () => {
    for (const [from, to] of [
      [[0, 0, 0], [0, 5, 0]],
      [[1, 2, 3], [4, 1, -2]],
      [[0, 0, 0], [0, -3, 0]],
    ] as Array<[Vec3, Vec3]>) {
      const b = new MeshBuilder();
      frustum(b, 'bark', from, to, 0.5, 0.3, 8, grey, { capFrom: true, capTo: true });
      const lod = b.build();
      expect(lod.triangles).toBe(2 * 8 + 2 * 6);
      expectOutward(lod);
    }
  });

  it('ellipsoid: 20·4^n outward triangles, displaced or not', () => {
    for (const n of [0, 1, 2]) {
      const b = new MeshBuilder();
      ellipsoid(b, 'rock', [0, 1, 0], [2, 1, 1.5], n, grey, (d) => 1 + 0.1 * d[0]);
      const lod = b.build();
      expect(lod.triangles).toBe(20 * 4 ** n);
      expectOutward(lod);
    }
  });

  it('prism over a counter-clockwise polygon, both caps', () => {
    const b = new MeshBuilder();
    prism(b, 'plaster', [[0, 0], [2, 0], [2, 1], [0, 1]], 0, 3, grey, { top: true, bottom: true });
    expectOutward(b.build());
  });

  it('gable roof faces out and up', () => {
    const b = new MeshBuilder();
    gableRoof(b, 'roof-tiles', 4, 3, 2, 1.5, 0, grey);
    const lod = b.build();
    expect(lod.triangles).toBe(6);
    // Without overhang the roof and gables close a prism with the (missing) ceiling: check slopes face up.
    const part = lod.parts[0];
    for (let v = 0; v < 4; v++) expect(part.normals[v * 3 + 1]).toBeGreaterThan(0);
  });

  it('transforms move, turn and mirror shapes and keep them outward', () => {
    for (const m of [translation(5, 1, -2), rotationY(0.7), compose(rotationZ(0.4), scaling(2, 0.5, 1)), scaling(-1, 1, 1)]) {
      const b = new MeshBuilder();
      b.within(m, () => box(b, 'wood', [1, 1, 1], grey));
      expectOutward(b.build());
    }
  });
});
