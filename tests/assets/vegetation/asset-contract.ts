/**
 * The Asset contract (generators/assets/asset.ts) as expectations, shared by the vegetation and
 * rock suites: LOD ladder, budgets, materials, finite unit-normal geometry, colours, indices,
 * bounds, standing on the ground, switch distances and a sane collider.
 */
import { expect } from 'vitest';
import { boundsOf, type Asset, type AssetPart } from '../../../generators/assets/asset.ts';
import { isAssetMaterial } from '../../../generators/assets/asset-materials.ts';

/** Most triangles per LOD (undefined: no budget for that LOD). */
export type Budgets = Array<number | undefined>;

export function expectAssetContract(asset: Asset, budgets: Budgets): void {
  expect(asset.id).toMatch(/^[a-z]+\/[a-z-]+\/\d+$/);
  expect(asset.lods.length).toBeGreaterThanOrEqual(3);
  asset.lods.forEach((lod, i) => {
    if (i > 0) expect(lod.triangles, `${asset.id} LOD${i} < LOD${i - 1}`).toBeLessThan(asset.lods[i - 1].triangles);
    const budget = budgets[i];
    if (budget !== undefined) expect(lod.triangles, `${asset.id} LOD${i} budget`).toBeLessThanOrEqual(budget);
    expect(lod.triangles).toBe(lod.parts.reduce((sum, part) => sum + part.indices.length / 3, 0));
    for (const part of lod.parts) expectPart(asset.id, part);
  });

  // Bounds: those of every LOD, and every vertex inside them.
  expect(asset.bounds).toEqual(boundsOf(asset.lods));
  for (const lod of asset.lods) {
    for (const part of lod.parts) {
      for (let v = 0; v < part.positions.length; v += 3) {
        for (let a = 0; a < 3; a++) {
          expect(part.positions[v + a]).toBeGreaterThanOrEqual(asset.bounds.min[a]);
          expect(part.positions[v + a]).toBeLessThanOrEqual(asset.bounds.max[a]);
        }
      }
    }
  }
  // Stands on the ground at its origin: a little sunk, never floating.
  expect(asset.bounds.min[1], `${asset.id} foot`).toBeGreaterThanOrEqual(-0.6);
  expect(asset.bounds.min[1], `${asset.id} foot`).toBeLessThanOrEqual(0.05);
  expect(asset.bounds.min[0]).toBeLessThan(0);
  expect(asset.bounds.max[0]).toBeGreaterThan(0);
  expect(asset.bounds.min[2]).toBeLessThan(0);
  expect(asset.bounds.max[2]).toBeGreaterThan(0);

  expect(asset.lodDistances).toHaveLength(asset.lods.length - 1);
  asset.lodDistances.forEach((d, i) => {
    expect(Number.isFinite(d) && d > 0).toBe(true);
    if (i > 0) expect(d).toBeGreaterThan(asset.lodDistances[i - 1]);
  });

  const c = asset.collider;
  if (c.shape === 'capsule') {
    expect(c.radius).toBeGreaterThan(0);
    expect(c.height).toBeGreaterThan(c.radius);
    expect(c.height).toBeLessThanOrEqual(asset.bounds.max[1] + 1e-6);
  } else if (c.shape === 'sphere') {
    expect(c.radius).toBeGreaterThan(0);
    expect(c.center.every(Number.isFinite)).toBe(true);
  }
}

function expectPart(id: string, part: AssetPart): void {
  expect(isAssetMaterial(part.material), `${id} material ${part.material}`).toBe(true);
  const count = part.positions.length / 3;
  expect(count).toBeGreaterThan(2);
  expect(part.normals.length).toBe(part.positions.length);
  expect(part.colors.length).toBe(part.positions.length);
  expect(part.indices.length % 3).toBe(0);
  let bad = 0;
  for (let i = 0; i < part.positions.length; i++) {
    if (!Number.isFinite(part.positions[i]) || !Number.isFinite(part.normals[i]) || !Number.isFinite(part.colors[i])) bad++;
    if (part.colors[i] < 0 || part.colors[i] > 1) bad++;
  }
  for (let v = 0; v < part.normals.length; v += 3) {
    if (Math.abs(Math.hypot(part.normals[v], part.normals[v + 1], part.normals[v + 2]) - 1) > 1e-4) bad++;
  }
  for (const index of part.indices) if (index >= count) bad++;
  expect(bad, `${id} ${part.material}: non-finite values, colours out of 0..1, non-unit normals or indices out of range`).toBe(0);
}

/** Height above the ground and widest horizontal extent. */
export function sizeOf(asset: Asset): { height: number; width: number } {
  const { min, max } = asset.bounds;
  return { height: max[1], width: Math.max(max[0] - min[0], max[2] - min[2]) };
}

/** Differs from another asset in its bounds or its LOD0 vertices. */
export function differs(a: Asset, b: Asset): boolean {
  if (JSON.stringify(a.bounds) !== JSON.stringify(b.bounds)) return true;
  const pa = a.lods[0].parts.map((p) => Array.from(p.positions)).flat();
  const pb = b.lods[0].parts.map((p) => Array.from(p.positions)).flat();
  return pa.length !== pb.length || pa.some((x, i) => x !== pb[i]);
}

/** Mean linear colour of a material's vertices in LOD0, or null without that material. */
export function meanColor(asset: Asset, material: string): [number, number, number] | null {
  const part = asset.lods[0].parts.find((p) => p.material === material);
  if (!part) return null;
  const sum: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < part.colors.length; i += 3) for (let a = 0; a < 3; a++) sum[a] += part.colors[i + a];
  const n = part.colors.length / 3;
  return [sum[0] / n, sum[1] / n, sum[2] / n];
}
