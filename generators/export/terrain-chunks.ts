/**
 * The terrain as a grid of chunk meshes. Neighbouring chunks share their border samples, so
 * positions, normals, UVs and colours along a seam are the very same numbers on both sides.
 *
 * Each chunk is one mesh whose primitives share the chunk's vertex accessors and differ only in
 * their indices: one primitive per ground material (a biome, rock, sand, snow) present in it.
 * Each quad is split along the diagonal with the smaller height difference, which follows
 * ridges and valleys instead of cutting across them. Positions are relative to the chunk's node.
 */
import { type Document, type Material, type Node } from '@gltf-transform/core';
import type { World } from '../world/world.ts';
import { roleExtras } from './node-roles.ts';
import { terrainNormals } from './terrain-normals.ts';

export interface TerrainChunkOptions {
  /** Cells along a chunk's side (a chunk has one more sample). */
  chunkCells: number;
  /** Metres per texture repeat for TEXCOORD_0. */
  uvMetres: number;
}

export const TERRAIN_CHUNK_DEFAULTS: TerrainChunkOptions = { chunkCells: 128, uvMetres: 8 };

export function addTerrainChunks(
  doc: Document,
  world: World,
  parent: Node,
  materials: Material[],
  options: TerrainChunkOptions = TERRAIN_CHUNK_DEFAULTS,
): { chunks: number; vertices: number; triangles: number } {
  const field = world.terrain;
  const { nx, nz, heights } = field;
  const normals = terrainNormals(field);
  const colors = world.ground.colors;
  const classes = world.ground.material;
  const buffer = doc.getRoot().listBuffers()[0];
  const step = options.chunkCells;
  let vertexCount = 0;
  let triangleCount = 0;
  let chunkCount = 0;

  for (let z0 = 0, cz = 0; z0 < nz - 1; z0 += step, cz++) {
    for (let x0 = 0, cx = 0; x0 < nx - 1; x0 += step, cx++) {
      const x1 = Math.min(x0 + step, nx - 1);
      const z1 = Math.min(z0 + step, nz - 1);
      const w = x1 - x0 + 1;
      const d = z1 - z0 + 1;
      const originX = -field.width / 2 + ((x0 + x1) / 2) * field.dx;
      const originZ = -field.depth / 2 + ((z0 + z1) / 2) * field.dz;

      const position = new Float32Array(w * d * 3);
      const normal = new Float32Array(w * d * 3);
      const uv = new Float32Array(w * d * 2);
      const color = new Uint16Array(w * d * 4);
      let minY = Infinity;
      let maxY = -Infinity;
      for (let j = 0; j < d; j++) {
        for (let i = 0; i < w; i++) {
          const g = (z0 + j) * nx + (x0 + i);
          const v = j * w + i;
          const x = -field.width / 2 + (x0 + i) * field.dx;
          const z = -field.depth / 2 + (z0 + j) * field.dz;
          const y = heights[g];
          position[v * 3] = x - originX;
          position[v * 3 + 1] = y;
          position[v * 3 + 2] = z - originZ;
          normal[v * 3] = normals[g * 3];
          normal[v * 3 + 1] = normals[g * 3 + 1];
          normal[v * 3 + 2] = normals[g * 3 + 2];
          uv[v * 2] = x / options.uvMetres;
          uv[v * 2 + 1] = z / options.uvMetres;
          color[v * 4] = Math.round(colors[g * 3] * 65535);
          color[v * 4 + 1] = Math.round(colors[g * 3 + 1] * 65535);
          color[v * 4 + 2] = Math.round(colors[g * 3 + 2] * 65535);
          color[v * 4 + 3] = 65535;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
      }

      // Triangles grouped by ground material: count per material, then fill typed arrays.
      const materialCount = materials.length;
      const triangleMaterial = new Uint8Array((w - 1) * (d - 1) * 2);
      const triangleCorners = new Uint32Array((w - 1) * (d - 1) * 6);
      const perMaterial = new Int32Array(materialCount);
      let t = 0;
      for (let j = 0; j < d - 1; j++) {
        for (let i = 0; i < w - 1; i++) {
          const a = j * w + i; // north-west
          const b = a + 1; // north-east
          const c = a + w; // south-west
          const e = c + 1; // south-east
          const ga = (z0 + j) * nx + (x0 + i);
          const ka = classes[ga];
          const kb = classes[ga + 1];
          const kc = classes[ga + nx];
          const ke = classes[ga + nx + 1];
          // Counter-clockwise seen from above (+Y), so faces point up; split along the flatter diagonal.
          if (Math.abs(heights[ga] - heights[ga + nx + 1]) <= Math.abs(heights[ga + 1] - heights[ga + nx])) {
            t = addTriangle(triangleCorners, triangleMaterial, perMaterial, t, a, c, e, ka, kc, ke);
            t = addTriangle(triangleCorners, triangleMaterial, perMaterial, t, a, e, b, ka, ke, kb);
          } else {
            t = addTriangle(triangleCorners, triangleMaterial, perMaterial, t, a, c, b, ka, kc, kb);
            t = addTriangle(triangleCorners, triangleMaterial, perMaterial, t, b, c, e, kb, kc, ke);
          }
        }
      }
      const wide = w * d > 65535;
      const groups = new Map<number, Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>();
      const filled = new Int32Array(materialCount);
      for (let m = 0; m < materialCount; m++) if (perMaterial[m] > 0) groups.set(m, wide ? new Uint32Array(perMaterial[m] * 3) : new Uint16Array(perMaterial[m] * 3));
      for (let k = 0; k < t; k++) {
        const m = triangleMaterial[k];
        const list = groups.get(m)!;
        const o = filled[m] * 3;
        list[o] = triangleCorners[k * 3];
        list[o + 1] = triangleCorners[k * 3 + 1];
        list[o + 2] = triangleCorners[k * 3 + 2];
        filled[m]++;
      }

      const name = `Terrain/chunk_${cx}_${cz}`;
      const positionAccessor = doc.createAccessor(`${name}/POSITION`, buffer).setType('VEC3').setArray(position);
      const normalAccessor = doc.createAccessor(`${name}/NORMAL`, buffer).setType('VEC3').setArray(normal);
      const uvAccessor = doc.createAccessor(`${name}/TEXCOORD_0`, buffer).setType('VEC2').setArray(uv);
      const colorAccessor = doc.createAccessor(`${name}/COLOR_0`, buffer).setType('VEC4').setArray(color).setNormalized(true);
      const mesh = doc.createMesh(name);
      for (const key of [...groups.keys()].sort((p, q) => p - q)) {
        const indices = groups.get(key)!;
        const primitive = doc
          .createPrimitive()
          .setAttribute('POSITION', positionAccessor)
          .setAttribute('NORMAL', normalAccessor)
          .setAttribute('TEXCOORD_0', uvAccessor)
          .setAttribute('COLOR_0', colorAccessor)
          .setIndices(doc.createAccessor(`${name}/indices/${materials[key].getName()}`, buffer).setType('SCALAR').setArray(indices))
          .setMaterial(materials[key]);
        mesh.addPrimitive(primitive);
        triangleCount += indices.length / 3;
      }
      const node = doc
        .createNode(name)
        .setMesh(mesh)
        .setTranslation([originX, 0, originZ])
        .setExtras(
          roleExtras('terrain-chunk', {
            chunk: [cx, cz],
            samples: { x0, z0, x1, z1 },
            bounds: {
              min: [originX - ((w - 1) * field.dx) / 2, minY, originZ - ((d - 1) * field.dz) / 2],
              max: [originX + ((w - 1) * field.dx) / 2, maxY, originZ + ((d - 1) * field.dz) / 2],
            },
          }),
        );
      parent.addChild(node);
      vertexCount += w * d;
      chunkCount++;
    }
  }
  return { chunks: chunkCount, vertices: vertexCount, triangles: triangleCount };
}

/** Appends a triangle; its material is the class two or three corners share, else the first's. */
function addTriangle(
  corners: Uint32Array,
  material: Uint8Array,
  perMaterial: Int32Array,
  t: number,
  a: number,
  b: number,
  c: number,
  ka: number,
  kb: number,
  kc: number,
): number {
  const k = kb === kc ? kb : ka;
  corners[t * 3] = a;
  corners[t * 3 + 1] = b;
  corners[t * 3 + 2] = c;
  material[t] = k;
  perMaterial[k]++;
  return t + 1;
}
