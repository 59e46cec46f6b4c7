/**
 * Every placed object of a world with its collider in world space: what queries, collision and
 * the navmesh read. Built from the scatter sets and the structures' pieces, so queries see exactly
 * what the export writes.
 */
import type { Asset, Collider, Vec3 } from '../assets/asset.ts';

/** A world-space collision shape. */
export type WorldCollider =
  | { shape: 'capsule'; x: number; z: number; bottom: number; top: number; radius: number }
  | { shape: 'sphere'; center: Vec3; radius: number }
  | { shape: 'box'; center: Vec3; half: Vec3; yaw: number };

export interface WorldObject {
  /** Stable: `<asset id>#<instance>` for scatter, `<structure id>/<piece>` for structures. */
  id: string;
  kind: Asset['kind'];
  assetId: string;
  x: number;
  y: number;
  z: number;
  yaw: number;
  scale: number;
  colliders: WorldCollider[];
  /** Horizontal reach of the object (for the spatial index). */
  radius: number;
}

/** An asset's collider, placed: scaled, turned by `yaw` about +Y (rotationY convention), moved. */
export function placeCollider(collider: Collider, x: number, y: number, z: number, yaw: number, scale: number): WorldCollider[] {
  const cos = Math.cos(yaw);
  const sin = Math.sin(yaw);
  // rotationY(yaw): local (lx, lz) → world (lx·cos + lz·sin, −lx·sin + lz·cos).
  const place = (p: Vec3): Vec3 => [x + (p[0] * cos + p[2] * sin) * scale, y + p[1] * scale, z + (-p[0] * sin + p[2] * cos) * scale];
  switch (collider.shape) {
    case 'capsule':
      return [{ shape: 'capsule', x, z, bottom: y, top: y + collider.height * scale, radius: collider.radius * scale }];
    case 'sphere':
      return [{ shape: 'sphere', center: place(collider.center), radius: collider.radius * scale }];
    case 'boxes':
      return collider.boxes.map((b) => ({
        shape: 'box' as const,
        center: place(b.center),
        half: [(b.size[0] * scale) / 2, (b.size[1] * scale) / 2, (b.size[2] * scale) / 2] as Vec3,
        yaw: yaw + b.yaw,
      }));
    case 'none':
      return [];
  }
}

/** Horizontal reach of an asset's footprint from its origin, scaled. */
export function reachOf(asset: Asset, scale: number): number {
  const { min, max } = asset.bounds;
  return Math.max(Math.abs(min[0]), Math.abs(max[0]), Math.abs(min[2]), Math.abs(max[2])) * Math.SQRT2 * scale;
}
