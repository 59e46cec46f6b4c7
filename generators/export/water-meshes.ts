/**
 * Water surfaces as meshes:
 *  - the sea: one quad over the whole world at sea level (the terrain hides it inland);
 *  - lakes: the grid cells any of whose corners is under the lake, at the lake's level — the
 *    shore edge tucks under the bank;
 *  - rivers: a ribbon along each river, a little wider than its channel, at the water level of
 *    each point. A waterfall is two points at one place, so its quad stands vertical; normals come
 *    from the ribbon's own shape, so the falling curtain faces downstream. TEXCOORD_0 runs along
 *    the river (v, metres / 8) and across it (u, 0..1) for flowing-water shaders.
 */
import type { Document, Material, Node } from '@gltf-transform/core';
import type { Heightfield } from '../terrain/heightfield.ts';
import type { Lake, River } from '../water/water-bodies.ts';
import type { World } from '../world/world.ts';
import { roleExtras } from './node-roles.ts';

export function addWaterMeshes(doc: Document, world: World, parent: Node, water: Material): { meshes: number; triangles: number } {
  let meshes = 0;
  let triangles = 0;
  const field = world.terrain;
  if (world.water.seaLevel !== null) {
    const level = world.water.seaLevel;
    const hw = field.width / 2;
    const hd = field.depth / 2;
    const position = new Float32Array([-hw, level, -hd, -hw, level, hd, hw, level, hd, hw, level, -hd]);
    const uv = new Float32Array([-hw / 8, -hd / 8, -hw / 8, hd / 8, hw / 8, hd / 8, hw / 8, -hd / 8]);
    const normal = new Float32Array([0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0]);
    parent.addChild(
      surfaceNode(doc, 'Water/sea', position, normal, uv, new Uint16Array([0, 1, 2, 0, 2, 3]), water).setExtras(
        roleExtras('sea', { level, frozen: world.water.frozen }),
      ),
    );
    meshes++;
    triangles += 2;
  }
  for (const lake of world.water.lakes) {
    const mesh = lakeSurface(field, world.water.surface, lake);
    if (!mesh) continue;
    parent.addChild(
      surfaceNode(doc, `Water/${lake.id}`, mesh.position, mesh.normal, mesh.uv, mesh.indices, water).setExtras(
        roleExtras('lake', { id: lake.id, level: lake.level, centre: [lake.centre.x, lake.centre.z], frozen: world.water.frozen }),
      ),
    );
    meshes++;
    triangles += mesh.indices.length / 3;
  }
  for (const river of world.water.rivers) {
    const mesh = riverRibbon(river);
    parent.addChild(
      surfaceNode(doc, `Water/${river.id}`, mesh.position, mesh.normal, mesh.uv, mesh.indices, water).setExtras(
        roleExtras('river', {
          id: river.id,
          mouth: river.mouth,
          waterfalls: world.water.waterfalls.filter((f) => f.riverId === river.id).map((f) => ({ id: f.id, at: [f.x, f.z], top: f.top, bottom: f.bottom })),
          frozen: world.water.frozen,
        }),
      ),
    );
    meshes++;
    triangles += mesh.indices.length / 3;
  }
  return { meshes, triangles };
}

function surfaceNode(
  doc: Document,
  name: string,
  position: Float32Array<ArrayBuffer>,
  normal: Float32Array<ArrayBuffer>,
  uv: Float32Array<ArrayBuffer>,
  indices: Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>,
  material: Material,
): Node {
  const buffer = doc.getRoot().listBuffers()[0];
  const primitive = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor(`${name}/POSITION`, buffer).setType('VEC3').setArray(position))
    .setAttribute('NORMAL', doc.createAccessor(`${name}/NORMAL`, buffer).setType('VEC3').setArray(normal))
    .setAttribute('TEXCOORD_0', doc.createAccessor(`${name}/TEXCOORD_0`, buffer).setType('VEC2').setArray(uv))
    .setIndices(doc.createAccessor(`${name}/indices`, buffer).setType('SCALAR').setArray(indices))
    .setMaterial(material);
  return doc.createNode(name).setMesh(doc.createMesh(name).addPrimitive(primitive));
}

interface SurfaceMesh {
  position: Float32Array<ArrayBuffer>;
  normal: Float32Array<ArrayBuffer>;
  uv: Float32Array<ArrayBuffer>;
  indices: Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;
}

function lakeSurface(field: Heightfield, surface: Float32Array, lake: Lake): SurfaceMesh | undefined {
  const { nx, nz, heights } = field;
  const level = Math.fround(lake.level);
  const flooded = (i: number) => surface[i] === level && heights[i] < level;
  const ix0 = Math.max(0, lake.bounds.ix0 - 1);
  const iz0 = Math.max(0, lake.bounds.iz0 - 1);
  const ix1 = Math.min(nx - 1, lake.bounds.ix1 + 1);
  const iz1 = Math.min(nz - 1, lake.bounds.iz1 + 1);
  const w = ix1 - ix0 + 1;
  const vertexOf = new Int32Array(w * (iz1 - iz0 + 1)).fill(-1);
  const position: number[] = [];
  const uv: number[] = [];
  const indices: number[] = [];
  const vertex = (ix: number, iz: number): number => {
    const local = (iz - iz0) * w + (ix - ix0);
    if (vertexOf[local] < 0) {
      vertexOf[local] = position.length / 3;
      const x = -field.width / 2 + ix * field.dx;
      const z = -field.depth / 2 + iz * field.dz;
      position.push(x, lake.level, z);
      uv.push(x / 8, z / 8);
    }
    return vertexOf[local];
  };
  for (let iz = iz0; iz < iz1; iz++) {
    for (let ix = ix0; ix < ix1; ix++) {
      const i = iz * nx + ix;
      if (!(flooded(i) || flooded(i + 1) || flooded(i + nx) || flooded(i + nx + 1))) continue;
      const a = vertex(ix, iz);
      const b = vertex(ix + 1, iz);
      const c = vertex(ix, iz + 1);
      const e = vertex(ix + 1, iz + 1);
      indices.push(a, c, e, a, e, b);
    }
  }
  if (indices.length === 0) return undefined;
  const count = position.length / 3;
  const normal = new Float32Array(count * 3);
  for (let v = 0; v < count; v++) normal[v * 3 + 1] = 1;
  return {
    position: Float32Array.from(position),
    normal,
    uv: Float32Array.from(uv),
    indices: count > 65535 ? Uint32Array.from(indices) : Uint16Array.from(indices),
  };
}

/** Ribbon half-width as a share of the channel's half-width: the edges tuck into the banks. */
const RIBBON_WIDEN = 1.2;

/**
 * Each side of the ribbon is offset from the centre line along a tangent averaged over about a
 * channel width. On the inner side of a tight bend an offset point can land behind the previous
 * one, which would fold the strip over; such a point reuses the previous vertex instead, so the
 * inner bank becomes a fan. A waterfall (same place, lower water) always gets its own vertices,
 * so the curtain stands.
 */
function riverRibbon(river: River): SurfaceMesh {
  const pts = river.points;
  const n = pts.length;
  const position: number[] = [];
  const uv: number[] = [];
  const indices: number[] = [];
  const left = new Int32Array(n);
  const right = new Int32Array(n);
  let travelled = 0;
  for (let i = 0; i < n; i++) {
    const p = pts[i];
    if (i > 0) travelled += Math.hypot(p.x - pts[i - 1].x, p.z - pts[i - 1].z);
    const [tx, tz] = smoothedTangent(pts, i);
    const half = (p.width / 2) * RIBBON_WIDEN;
    // Left of the flow is (tz, −tx) with +x east and +z south.
    const sides: Array<[Int32Array, number, number, number]> = [
      [left, p.x + tz * half, p.z - tx * half, 0],
      [right, p.x - tz * half, p.z + tx * half, 1],
    ];
    const drops = i > 0 && pts[i - 1].level - p.level > 0.01;
    for (const [side, x, z, u] of sides) {
      if (i > 0 && !drops) {
        const previous = side[i - 1];
        const ahead = (x - position[previous * 3]) * tx + (z - position[previous * 3 + 2]) * tz;
        if (ahead < 0.05) {
          side[i] = previous;
          continue;
        }
      }
      side[i] = position.length / 3;
      position.push(x, p.level, z);
      uv.push(u, travelled / 8);
    }
  }
  for (let i = 0; i < n - 1; i++) {
    const l0 = left[i];
    const r0 = right[i];
    const l1 = left[i + 1];
    const r1 = right[i + 1];
    // Counter-clockwise seen from above, whichever way the river flows; a collapsed side
    // leaves one triangle of the quad.
    if (l1 !== l0) indices.push(l0, r0, l1);
    if (r1 !== r0) indices.push(r0, r1, l1);
  }
  const positions = Float32Array.from(position);
  const index = position.length / 3 > 65535 ? Uint32Array.from(indices) : Uint16Array.from(indices);
  return { position: positions, normal: ribbonNormals(positions, index), uv: Float32Array.from(uv), indices: index };
}

/** Horizontal unit tangent at point i, averaged over about one channel width either side. */
function smoothedTangent(pts: River['points'], i: number): [number, number] {
  const spacing = Math.max(0.25, Math.hypot(pts[Math.min(pts.length - 1, i + 1)].x - pts[Math.max(0, i - 1)].x, pts[Math.min(pts.length - 1, i + 1)].z - pts[Math.max(0, i - 1)].z) / 2);
  for (let k = Math.max(1, Math.min(8, Math.round(pts[i].width / spacing))); k <= pts.length; k++) {
    const a = pts[Math.max(0, i - k)];
    const b = pts[Math.min(pts.length - 1, i + k)];
    const length = Math.hypot(b.x - a.x, b.z - a.z);
    if (length > 1e-6) return [(b.x - a.x) / length, (b.z - a.z) / length];
  }
  return [1, 0];
}

/** Area-weighted vertex normals from the ribbon's triangles. */
function ribbonNormals(position: Float32Array, indices: Uint16Array | Uint32Array): Float32Array<ArrayBuffer> {
  const normal = new Float32Array(position.length);
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t] * 3;
    const b = indices[t + 1] * 3;
    const c = indices[t + 2] * 3;
    const ux = position[b] - position[a];
    const uy = position[b + 1] - position[a + 1];
    const uz = position[b + 2] - position[a + 2];
    const vx = position[c] - position[a];
    const vy = position[c + 1] - position[a + 1];
    const vz = position[c + 2] - position[a + 2];
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    const nz = ux * vy - uy * vx;
    for (const v of [a, b, c]) {
      normal[v] += nx;
      normal[v + 1] += ny;
      normal[v + 2] += nz;
    }
  }
  for (let v = 0; v < normal.length; v += 3) {
    const length = Math.hypot(normal[v], normal[v + 1], normal[v + 2]);
    if (length > 0) {
      normal[v] /= length;
      normal[v + 1] /= length;
      normal[v + 2] /= length;
    } else normal[v + 1] = 1;
  }
  return normal;
}
