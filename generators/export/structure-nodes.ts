/**
 * Structures: a parent node per structure (role `structure`: type, condition, material, how it was
 * placed) with a node per piece (a village's houses, a castle…) drawing the piece's LOD0, chained
 * to its LOD1/LOD2 with MSFT_lod. Pieces are turned `yaw` about +Y and stand at (x, y, z).
 */
import type { Document, Node } from '@gltf-transform/core';
import type { Asset } from '../assets/asset.ts';
import { AssetMeshes, screenCoverage } from './asset-meshes.ts';
import type { Region } from './instanced-scatter.ts';
import { MSFT_LOD, MSFTLod } from './msft-lod.ts';
import { roleExtras } from './node-roles.ts';

/** What export needs of a placed structure. */
export interface StructureForExport {
  id: string;
  type: string;
  condition: string;
  material: string;
  placement: string;
  note?: string;
  pieces: ReadonlyArray<{ asset: Asset; x: number; y: number; z: number; yaw: number; foundation: string }>;
}

export interface StructureExportOptions {
  /** Write only this level of detail, without an MSFT_lod chain (chunked export). */
  level?: number;
  /** Only pieces standing inside this rectangle (min inclusive, max exclusive). */
  region?: Region;
}

export function addStructureNodes(
  doc: Document,
  parent: Node,
  allStructures: readonly StructureForExport[],
  meshes: AssetMeshes,
  options: StructureExportOptions = {},
): { structures: number; pieces: number } {
  const inside = (p: { x: number; z: number }) =>
    !options.region || (p.x >= options.region.minX && p.x < options.region.maxX && p.z >= options.region.minZ && p.z < options.region.maxZ);
  const structures = allStructures.map((s) => ({ ...s, pieces: s.pieces.filter(inside) })).filter((s) => s.pieces.length > 0);
  if (structures.length === 0) return { structures: 0, pieces: 0 };
  const lodExtension = options.level === undefined ? doc.createExtension(MSFTLod) : undefined;
  let pieces = 0;
  for (const s of structures) {
    const group = doc.createNode(`Structures/${s.id}`).setExtras(
      roleExtras('structure', { id: s.id, type: s.type, condition: s.condition, material: s.material, placement: s.placement, ...(s.note ? { note: s.note } : {}) }),
    );
    s.pieces.forEach((piece, k) => {
      const rotation: [number, number, number, number] = [0, Math.sin(piece.yaw / 2), 0, Math.cos(piece.yaw / 2)];
      const name = `Structures/${s.id}/piece-${k + 1}`;
      const node = doc
        .createNode(name)
        .setTranslation([piece.x, piece.y, piece.z])
        .setRotation(rotation)
        .setExtras(roleExtras('structure-piece', { asset: piece.asset.id, foundation: piece.foundation, collider: piece.asset.collider }));
      if (!lodExtension) {
        node.setMesh(meshes.lod(piece.asset, options.level ?? 0));
      } else {
        const lods = meshes.lods(piece.asset);
        const lod = lodExtension.createLod().setCoverage(screenCoverage(piece.asset.bounds.max[1] - piece.asset.bounds.min[1], piece.asset.lodDistances));
        for (let level = 1; level < lods.length; level++) {
          lod.addLod(doc.createNode(`${name}/lod${level}`).setMesh(lods[level]).setTranslation([piece.x, piece.y, piece.z]).setRotation(rotation));
        }
        node.setMesh(lods[0]).setExtension(MSFT_LOD, lod);
      }
      group.addChild(node);
      pieces++;
    });
    parent.addChild(group);
  }
  return { structures: structures.length, pieces };
}
