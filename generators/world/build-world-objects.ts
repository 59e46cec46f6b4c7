/**
 * Every placed object of a world with its world-space colliders: each scatter instance and each
 * structure piece. Queries, collision and the navmesh read this list.
 */
import type { InstanceSet } from '../export/instanced-scatter.ts';
import type { StructureForExport } from '../export/structure-nodes.ts';
import { placeCollider, reachOf, type WorldObject } from './world-objects.ts';

export function buildWorldObjects(scatter: readonly InstanceSet[], structures: readonly StructureForExport[]): WorldObject[] {
  const objects: WorldObject[] = [];
  for (const set of scatter) {
    for (let i = 0; i < set.count; i++) {
      const x = set.positions[i * 3];
      const y = set.positions[i * 3 + 1];
      const z = set.positions[i * 3 + 2];
      const yaw = set.yaws[i];
      const scale = set.scales[i];
      objects.push({
        id: `${set.asset.id}#${i}`,
        kind: set.asset.kind,
        assetId: set.asset.id,
        x,
        y,
        z,
        yaw,
        scale,
        colliders: placeCollider(set.asset.collider, x, y, z, yaw, scale),
        radius: reachOf(set.asset, scale),
      });
    }
  }
  for (const s of structures) {
    s.pieces.forEach((piece, k) => {
      objects.push({
        id: `${s.id}/piece-${k + 1}`,
        kind: 'structure',
        assetId: piece.asset.id,
        x: piece.x,
        y: piece.y,
        z: piece.z,
        yaw: piece.yaw,
        scale: 1,
        colliders: placeCollider(piece.asset.collider, piece.x, piece.y, piece.z, piece.yaw, 1),
        radius: reachOf(piece.asset, 1),
      });
    });
  }
  return objects;
}
