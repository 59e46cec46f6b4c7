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
import type { Region } from './instanced-scatter.ts';
import { roleExtras } from './node-roles.ts';

/**
 * `clip`: only water inside a rectangle (chunked export) — the sea quad is cut to it, lakes keep
 * the cells whose corner lies in it, rivers the triangles whose centre does.
 */
export function addWaterMeshes(doc: Document, world: World, parent: Node, water: Material, clip?: Region): { meshes: number; triangles: number } {
  let meshes = 0;
  let triangles = 0;
  const field = world.terrain;
  const area: Region = clip ?? { minX: -field.width / 2, minZ: -field.depth / 2, maxX: field.width / 2, maxZ: field.depth / 2 };
  if (world.water.seaLevel !== null) {
    const level = world.water.seaLevel;
    const { minX: x0, minZ: z0, maxX: x1, maxZ: z1 } = area;
    const position = new Float32Array([x0, level, z0, x0, level, z1, x1, level, z1, x1, level, z0]);
    const uv = new Float32Array([x0 / 8, z0 / 8, x0 / 8, z1 / 8, x1 / 8, z1 / 8, x1 / 8, z0 / 8]);
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
    const mesh = lakeSurface(field, world.water.surface, lake, area);
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
    const mesh = clip ? clipMesh(riverRibbon(river), clip) : riverRibbon(river);
    if (!mesh) continue;
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

/**
 * A lake's surface: cells of `step` samples (about 4 m) any of whose samples is flooded. Water is
 * flat, and the shore rises above it, so a coarse grid's overlap hides under the bank.
 */
function lakeSurface(field: Heightfield, surface: Float32Array, lake: Lake, area: Region): SurfaceMesh | undefined {
  const { nx, nz, heights } = field;
  const level = Math.fround(lake.level);
  const step = Math.max(1, Math.round(LAKE_CELL / Math.min(field.dx, field.dz)));
  const floodedSample = (i: number) => surface[i] === level && heights[i] < level;
  const flooded = (ix: number, iz: number) => {
    for (let z = iz; z <= Math.min(nz - 1, iz + step); z++) for (let x = ix; x <= Math.min(nx - 1, ix + step); x++) if (floodedSample(z * nx + x)) return true;
    return false;
  };
  const snap = (i: number) => Math.floor(i / step) * step;
  const ix0 = snap(Math.max(0, lake.bounds.ix0 - 1));
  const iz0 = snap(Math.max(0, lake.bounds.iz0 - 1));
  const ix1 = Math.min(nx - 1, snap(lake.bounds.ix1 + 1) + step);
  const iz1 = Math.min(nz - 1, snap(lake.bounds.iz1 + 1) + step);
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
  for (let iz = iz0; iz < iz1; iz += step) {
    for (let ix = ix0; ix < ix1; ix += step) {
      const cornerX = -field.width / 2 + ix * field.dx;
      const cornerZ = -field.depth / 2 + iz * field.dz;
      if (cornerX < area.minX || cornerX >= area.maxX || cornerZ < area.minZ || cornerZ >= area.maxZ) continue;
      if (!flooded(ix, iz)) continue;
      const ix2 = Math.min(nx - 1, ix + step);
      const iz2 = Math.min(nz - 1, iz + step);
      const a = vertex(ix, iz);
      const b = vertex(ix2, iz);
      const c = vertex(ix, iz2);
      const e = vertex(ix2, iz2);
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

/** Lake surface cell size, metres. */
const LAKE_CELL = 4;

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

/** The triangles of a mesh whose centre lies in a region, with only the vertices they use. */
function clipMesh(mesh: SurfaceMesh, region: Region): SurfaceMesh | undefined {
  const remap = new Map<number, number>();
  const position: number[] = [];
  const normal: number[] = [];
  const uv: number[] = [];
  const indices: number[] = [];
  const p = mesh.position;
  for (let t = 0; t < mesh.indices.length; t += 3) {
    const corners = [mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]];
    const cx = (p[corners[0] * 3] + p[corners[1] * 3] + p[corners[2] * 3]) / 3;
    const cz = (p[corners[0] * 3 + 2] + p[corners[1] * 3 + 2] + p[corners[2] * 3 + 2]) / 3;
    if (cx < region.minX || cx >= region.maxX || cz < region.minZ || cz >= region.maxZ) continue;
    for (const v of corners) {
      let k = remap.get(v);
      if (k === undefined) {
        k = position.length / 3;
        remap.set(v, k);
        position.push(p[v * 3], p[v * 3 + 1], p[v * 3 + 2]);
        normal.push(mesh.normal[v * 3], mesh.normal[v * 3 + 1], mesh.normal[v * 3 + 2]);
        uv.push(mesh.uv[v * 2], mesh.uv[v * 2 + 1]);
      }
      indices.push(k);
    }
  }
  if (indices.length === 0) return undefined;
  return {
    position: Float32Array.from(position),
    normal: Float32Array.from(normal),
    uv: Float32Array.from(uv),
    indices: position.length / 3 > 65535 ? Uint32Array.from(indices) : Uint16Array.from(indices),
  };
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
