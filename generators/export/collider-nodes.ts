/**
 * Colliders for engines: the terrain as coarse collision meshes (one per terrain chunk, a sample
 * every ~4 m, hidden material) and every structure's boxes as nodes (translation = box centre,
 * rotation = its yaw, `extras.worldsmith.size` = full size). Instanced plants and rocks carry their
 * collider in their own node's extras (scaled per instance), so they need no node each.
 * All have role `collider` with a `shape` of `mesh` or `box`.
 */
import type { Document, Node } from '@gltf-transform/core';
import type { Heightfield } from '../terrain/heightfield.ts';
import type { WorldObject } from '../world/world-objects.ts';
import { hiddenMaterial } from './hidden-material.ts';
import type { Region } from './instanced-scatter.ts';
import { roleExtras } from './node-roles.ts';

const COLLIDER_SPACING = 4;

export function addColliderNodes(
  doc: Document,
  parent: Node,
  field: Heightfield,
  structureObjects: readonly WorldObject[],
  chunkCells: number,
  /** Only these chunks (chunked export); default every chunk. */
  only?: { cx: number; cz: number; region: Region },
): { terrainMeshes: number; boxes: number } {
  const buffer = doc.getRoot().listBuffers()[0];
  const material = hiddenMaterial(doc);
  const step = Math.max(1, Math.round(COLLIDER_SPACING / Math.min(field.dx, field.dz)));
  let terrainMeshes = 0;
  for (let z0 = 0, cz = 0; z0 < field.nz - 1; z0 += chunkCells, cz++) {
    for (let x0 = 0, cx = 0; x0 < field.nx - 1; x0 += chunkCells, cx++) {
      if (only && (only.cx !== cx || only.cz !== cz)) continue;
      const x1 = Math.min(x0 + chunkCells, field.nx - 1);
      const z1 = Math.min(z0 + chunkCells, field.nz - 1);
      const xs = samplesBetween(x0, x1, step);
      const zs = samplesBetween(z0, z1, step);
      const position = new Float32Array(xs.length * zs.length * 3);
      zs.forEach((iz, j) =>
        xs.forEach((ix, i) => {
          position.set([-field.width / 2 + ix * field.dx, field.heights[iz * field.nx + ix], -field.depth / 2 + iz * field.dz], (j * xs.length + i) * 3);
        }),
      );
      const indices: number[] = [];
      for (let j = 0; j < zs.length - 1; j++) {
        for (let i = 0; i < xs.length - 1; i++) {
          const a = j * xs.length + i;
          indices.push(a, a + xs.length, a + xs.length + 1, a, a + xs.length + 1, a + 1);
        }
      }
      const name = `Colliders/terrain/chunk_${cx}_${cz}`;
      const primitive = doc
        .createPrimitive()
        .setAttribute('POSITION', doc.createAccessor(`${name}/POSITION`, buffer).setType('VEC3').setArray(position))
        .setIndices(doc.createAccessor(`${name}/indices`, buffer).setType('SCALAR').setArray(position.length / 3 > 65535 ? Uint32Array.from(indices) : Uint16Array.from(indices)))
        .setMaterial(material);
      parent.addChild(
        doc.createNode(name).setMesh(doc.createMesh(name).addPrimitive(primitive)).setExtras(roleExtras('collider', { shape: 'mesh', of: 'terrain', chunk: [cx, cz] })),
      );
      terrainMeshes++;
    }
  }
  let boxes = 0;
  for (const object of structureObjects) {
    const r = only?.region;
    if (r && (object.x < r.minX || object.x >= r.maxX || object.z < r.minZ || object.z >= r.maxZ)) continue;
    object.colliders.forEach((c, k) => {
      if (c.shape !== 'box') return;
      parent.addChild(
        doc
          .createNode(`Colliders/${object.id}/box-${k + 1}`)
          .setTranslation(c.center)
          .setRotation([0, Math.sin(c.yaw / 2), 0, Math.cos(c.yaw / 2)])
          .setExtras(roleExtras('collider', { shape: 'box', of: object.id, size: [c.half[0] * 2, c.half[1] * 2, c.half[2] * 2] })),
      );
      boxes++;
    });
  }
  return { terrainMeshes, boxes };
}

function samplesBetween(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i += step) out.push(i);
  out.push(to);
  return out;
}
