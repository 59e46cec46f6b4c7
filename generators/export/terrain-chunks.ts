/**
 * The terrain as a grid of chunk meshes. Neighbouring chunks share their border samples, so at the
 * same level of detail positions, normals, UVs and colours along a seam are the very same numbers
 * on both sides.
 *
 * Each chunk is one mesh whose primitives share the chunk's vertex accessors and differ only in
 * their indices: one primitive per ground material (a biome, rock, sand, snow) present in it.
 * Each quad is split along the diagonal with the smaller height difference, which follows ridges
 * and valleys instead of cutting across them.
 *
 * Levels of detail take every 2nd, 4th… sample; coarser chunks get skirts (a strip hanging down
 * from their border) so a chunk next to one of another level shows no crack.
 *
 * Quantized chunks (KHR_mesh_quantization) use one grid shared by every chunk: int16 positions
 * under a node scale, int8 normals, int16 UVs — a shared border vertex gets the very same integers
 * in both chunks, so seams stay exact (per-mesh quantization would snap each chunk to its own grid
 * and open hairline cracks). Unquantized chunks are float32, positioned relative to the chunk centre.
 */
import { type Buffer, type Document, type Material, type Node } from '@gltf-transform/core';
import type { World } from '../world/world.ts';
import { roleExtras } from './node-roles.ts';
import { terrainNormals } from './terrain-normals.ts';

export interface TerrainChunkOptions {
  /** Cells along a chunk's side (a chunk has one more sample). */
  chunkCells: number;
  /** Metres per texture repeat for TEXCOORD_0 (unquantized chunks). */
  uvMetres: number;
  /** Store chunks quantized on the shared grid (see above). */
  quantize: boolean;
}

export const TERRAIN_CHUNK_DEFAULTS: TerrainChunkOptions = { chunkCells: 128, uvMetres: 8, quantize: false };

/** How far skirts hang below a coarse chunk's border, metres per sample step. */
const SKIRT_PER_STEP = 1.5;
/** Room under the lowest ground for skirts on the quantization grid. */
const SKIRT_MARGIN = 16;

/** The shared quantization grid: world metres = node translation + integer × node scale. */
export interface TerrainGrid {
  horizontalStep: number;
  verticalStep: number;
  baseY: number;
}

export function terrainGrid(field: { width: number; depth: number; heights: Float32Array }): TerrainGrid {
  let min = Infinity;
  let max = -Infinity;
  for (const h of field.heights) {
    if (h < min) min = h;
    if (h > max) max = h;
  }
  return {
    horizontalStep: Math.max(field.width, field.depth) / 2 / 32767,
    verticalStep: Math.max(1e-4, (max - min + 2 * SKIRT_MARGIN) / 65534),
    baseY: (min + max) / 2,
  };
}

/** A chunk's sample ranges (inclusive) and its grid coordinates. */
export interface ChunkRange {
  cx: number;
  cz: number;
  x0: number;
  z0: number;
  x1: number;
  z1: number;
}

export function chunkRanges(field: { nx: number; nz: number }, chunkCells: number): ChunkRange[] {
  const ranges: ChunkRange[] = [];
  for (let z0 = 0, cz = 0; z0 < field.nz - 1; z0 += chunkCells, cz++) {
    for (let x0 = 0, cx = 0; x0 < field.nx - 1; x0 += chunkCells, cx++) {
      ranges.push({ cx, cz, x0, z0, x1: Math.min(x0 + chunkCells, field.nx - 1), z1: Math.min(z0 + chunkCells, field.nz - 1) });
    }
  }
  return ranges;
}

/** What every chunk of one document shares. */
export interface TerrainChunkContext {
  world: World;
  normals: Float32Array;
  materials: Material[];
  buffer: Buffer;
  grid?: TerrainGrid;
  uvMetres: number;
  /** Multiplies vertex colours (1 / DETAIL_LEVEL under detail textures; else 1). */
  colorGain: number;
  /** Write TANGENT (for normal-mapped ground materials). */
  tangents: boolean;
}

export function terrainChunkContext(
  doc: Document,
  world: World,
  materials: Material[],
  options: { quantize: boolean; uvMetres?: number; colorGain?: number; tangents?: boolean },
): TerrainChunkContext {
  return {
    world,
    normals: terrainNormals(world.terrain),
    materials,
    buffer: doc.getRoot().listBuffers()[0],
    grid: options.quantize ? terrainGrid(world.terrain) : undefined,
    uvMetres: options.uvMetres ?? TERRAIN_CHUNK_DEFAULTS.uvMetres,
    colorGain: options.colorGain ?? 1,
    tangents: options.tangents ?? false,
  };
}

/** Metres per unit of the terrain's TEXCOORD_0: half the world's extent on the quantized grid. */
export function terrainUvMetres(world: World, quantize: boolean, uvMetres = TERRAIN_CHUNK_DEFAULTS.uvMetres): number {
  return quantize ? Math.max(world.terrain.width, world.terrain.depth) / 2 : uvMetres;
}

export function addTerrainChunks(
  doc: Document,
  world: World,
  parent: Node,
  materials: Material[],
  options: TerrainChunkOptions = TERRAIN_CHUNK_DEFAULTS,
): { chunks: number; vertices: number; triangles: number } {
  const context = terrainChunkContext(doc, world, materials, options);
  let vertices = 0;
  let triangles = 0;
  const ranges = chunkRanges(world.terrain, options.chunkCells);
  for (const range of ranges) {
    const chunk = buildTerrainChunk(doc, context, range, 1);
    parent.addChild(chunk.node);
    vertices += chunk.vertices;
    triangles += chunk.triangles;
  }
  return { chunks: ranges.length, vertices, triangles };
}

/** One chunk's node, taking every `step`-th sample (step 1: full detail; > 1 adds skirts). */
export function buildTerrainChunk(
  doc: Document,
  context: TerrainChunkContext,
  range: ChunkRange,
  step: number,
): { node: Node; vertices: number; triangles: number } {
  const field = context.world.terrain;
  const { nx, heights } = field;
  const colors = context.world.ground.colors;
  const classes = context.world.ground.material;
  const normals = context.normals;
  const xs = sampleIndices(range.x0, range.x1, step);
  const zs = sampleIndices(range.z0, range.z1, step);
  const w = xs.length;
  const d = zs.length;
  const skirt = step > 1;
  const border = skirt ? 2 * (w - 1) + 2 * (d - 1) : 0;
  const count = w * d + border;
  const originX = -field.width / 2 + ((range.x0 + range.x1) / 2) * field.dx;
  const originZ = -field.depth / 2 + ((range.z0 + range.z1) / 2) * field.dz;

  // World-space attributes first; quantized or made chunk-relative below.
  const world = new Float64Array(count * 3);
  const normal = new Float32Array(count * 3);
  const color = new Uint16Array(count * 4);
  const gain = context.colorGain;
  const sampleOf = new Int32Array(count);
  let minY = Infinity;
  let maxY = -Infinity;
  const put = (v: number, g: number, drop: number) => {
    const ix = g % nx;
    const iz = (g - ix) / nx;
    const y = heights[g] - drop;
    world[v * 3] = -field.width / 2 + ix * field.dx;
    world[v * 3 + 1] = y;
    world[v * 3 + 2] = -field.depth / 2 + iz * field.dz;
    normal[v * 3] = normals[g * 3];
    normal[v * 3 + 1] = normals[g * 3 + 1];
    normal[v * 3 + 2] = normals[g * 3 + 2];
    color[v * 4] = Math.round(Math.min(1, colors[g * 3] * gain) * 65535);
    color[v * 4 + 1] = Math.round(Math.min(1, colors[g * 3 + 1] * gain) * 65535);
    color[v * 4 + 2] = Math.round(Math.min(1, colors[g * 3 + 2] * gain) * 65535);
    color[v * 4 + 3] = 65535;
    sampleOf[v] = g;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  };
  for (let j = 0; j < d; j++) for (let i = 0; i < w; i++) put(j * w + i, zs[j] * nx + xs[i], 0);

  // Triangles grouped by ground material: count per material, then fill typed arrays.
  const maxTriangles = 2 * (w - 1) * (d - 1) + 2 * border;
  const triangleCorners = new Uint32Array(maxTriangles * 3);
  const triangleMaterial = new Uint8Array(maxTriangles);
  const perMaterial = new Int32Array(context.materials.length);
  let triangleCount = 0;
  const addTriangle = (a: number, b: number, c: number) => {
    const ka = classes[sampleOf[a]];
    const kb = classes[sampleOf[b]];
    const k = kb === classes[sampleOf[c]] ? kb : ka;
    const o = triangleCount * 3;
    triangleCorners[o] = a;
    triangleCorners[o + 1] = b;
    triangleCorners[o + 2] = c;
    triangleMaterial[triangleCount++] = k;
    perMaterial[k]++;
  };
  for (let j = 0; j < d - 1; j++) {
    for (let i = 0; i < w - 1; i++) {
      const a = j * w + i; // north-west
      const b = a + 1; // north-east
      const c = a + w; // south-west
      const e = c + 1; // south-east
      // Counter-clockwise seen from above (+Y), so faces point up; split along the flatter diagonal.
      if (Math.abs(world[a * 3 + 1] - world[e * 3 + 1]) <= Math.abs(world[b * 3 + 1] - world[c * 3 + 1])) {
        addTriangle(a, c, e);
        addTriangle(a, e, b);
      } else {
        addTriangle(a, c, b);
        addTriangle(b, c, e);
      }
    }
  }
  if (skirt) {
    // Walk the border counter-clockwise seen from above, hanging a strip below each edge.
    const ring: number[] = [];
    for (let i = 0; i < w - 1; i++) ring.push(i); // north, west → east
    for (let j = 0; j < d - 1; j++) ring.push(j * w + (w - 1)); // east, north → south
    for (let i = w - 1; i > 0; i--) ring.push((d - 1) * w + i); // south, east → west
    for (let j = d - 1; j > 0; j--) ring.push(j * w); // west, south → north
    const drop = SKIRT_PER_STEP * step;
    ring.forEach((v, k) => put(w * d + k, sampleOf[v], drop));
    for (let k = 0; k < ring.length; k++) {
      const p = ring[k];
      const q = ring[(k + 1) % ring.length];
      const pLow = w * d + k;
      const qLow = w * d + ((k + 1) % ring.length);
      // The ring runs counter-clockwise in the (x, z) plane, so (p, q, pLow) faces outward.
      addTriangle(p, q, pLow);
      addTriangle(q, qLow, pLow);
    }
  }

  const wide = count > 65535;
  const groups = new Map<number, Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>();
  const filled = new Int32Array(context.materials.length);
  perMaterial.forEach((n, m) => {
    if (n > 0) groups.set(m, wide ? new Uint32Array(n * 3) : new Uint16Array(n * 3));
  });
  for (let t = 0; t < triangleCount; t++) {
    const m = triangleMaterial[t];
    const list = groups.get(m)!;
    const o = filled[m]++ * 3;
    list[o] = triangleCorners[t * 3];
    list[o + 1] = triangleCorners[t * 3 + 1];
    list[o + 2] = triangleCorners[t * 3 + 2];
  }

  const name = `Terrain/chunk_${range.cx}_${range.cz}${step > 1 ? `/lod${Math.log2(step)}` : ''}`;
  const grid = context.grid;
  const node = doc.createNode(name);
  let positionArray: Float32Array<ArrayBuffer> | Int16Array<ArrayBuffer>;
  let normalArray: Float32Array<ArrayBuffer> | Int8Array<ArrayBuffer>;
  let uvArray: Float32Array<ArrayBuffer> | Int16Array<ArrayBuffer>;
  if (grid) {
    positionArray = new Int16Array(count * 3);
    normalArray = new Int8Array(count * 3);
    uvArray = new Int16Array(count * 2);
    for (let v = 0; v < count; v++) {
      const x = Math.round(world[v * 3] / grid.horizontalStep);
      const z = Math.round(world[v * 3 + 2] / grid.horizontalStep);
      positionArray[v * 3] = x;
      positionArray[v * 3 + 1] = Math.round((world[v * 3 + 1] - grid.baseY) / grid.verticalStep);
      positionArray[v * 3 + 2] = z;
      for (let a = 0; a < 3; a++) normalArray[v * 3 + a] = Math.round(normal[v * 3 + a] * 127);
      // UV = world x, z ÷ half the world's extent (−1..1); textures repeat via KHR_texture_transform.
      uvArray[v * 2] = x;
      uvArray[v * 2 + 1] = z;
    }
    node.setTranslation([0, grid.baseY, 0]).setScale([grid.horizontalStep, grid.verticalStep, grid.horizontalStep]);
  } else {
    positionArray = new Float32Array(count * 3);
    uvArray = new Float32Array(count * 2);
    for (let v = 0; v < count; v++) {
      positionArray[v * 3] = world[v * 3] - originX;
      positionArray[v * 3 + 1] = world[v * 3 + 1];
      positionArray[v * 3 + 2] = world[v * 3 + 2] - originZ;
      uvArray[v * 2] = world[v * 3] / context.uvMetres;
      uvArray[v * 2 + 1] = world[v * 3 + 2] / context.uvMetres;
    }
    normalArray = normal;
    node.setTranslation([originX, 0, originZ]);
  }
  const buffer = context.buffer;
  const quantized = grid !== undefined;
  const positionAccessor = doc.createAccessor(`${name}/POSITION`, buffer).setType('VEC3').setArray(positionArray);
  const normalAccessor = doc.createAccessor(`${name}/NORMAL`, buffer).setType('VEC3').setArray(normalArray).setNormalized(quantized);
  const uvAccessor = doc.createAccessor(`${name}/TEXCOORD_0`, buffer).setType('VEC2').setArray(uvArray).setNormalized(quantized);
  const colorAccessor = doc.createAccessor(`${name}/COLOR_0`, buffer).setType('VEC4').setArray(color).setNormalized(true);
  const tangentAccessor = context.tangents
    ? doc.createAccessor(`${name}/TANGENT`, buffer).setType('VEC4').setArray(terrainTangents(normal, quantized)).setNormalized(quantized)
    : undefined;
  const mesh = doc.createMesh(name);
  let triangles = 0;
  for (const key of [...groups.keys()].sort((p, q) => p - q)) {
    const indices = groups.get(key)!;
    mesh.addPrimitive(
      doc
        .createPrimitive()
        .setAttribute('POSITION', positionAccessor)
        .setAttribute('NORMAL', normalAccessor)
        .setAttribute('TEXCOORD_0', uvAccessor)
        .setAttribute('COLOR_0', colorAccessor)
        .setAttribute('TANGENT', tangentAccessor ?? null)
        .setIndices(doc.createAccessor(`${name}/indices/${context.materials[key].getName()}`, buffer).setType('SCALAR').setArray(indices))
        .setMaterial(context.materials[key]),
    );
    triangles += indices.length / 3;
  }
  const halfW = (range.x1 - range.x0) * field.dx * 0.5;
  const halfD = (range.z1 - range.z0) * field.dz * 0.5;
  node.setMesh(mesh).setExtras(
    roleExtras('terrain-chunk', {
      chunk: [range.cx, range.cz],
      lod: Math.log2(step),
      samples: { x0: range.x0, z0: range.z0, x1: range.x1, z1: range.z1, step },
      bounds: { min: [originX - halfW, minY, originZ - halfD], max: [originX + halfW, maxY, originZ + halfD] },
    }),
  );
  return { node, vertices: count, triangles };
}

/**
 * Tangents for normal maps on the ground: +x (the direction U grows) made perpendicular to the
 * normal; w = +1, so the bitangent cross(n, t) points to −z, the direction V falls — "up" in the
 * image, as glTF's normal maps (OpenGL convention) expect.
 */
function terrainTangents(normal: Float32Array, quantized: boolean): Float32Array<ArrayBuffer> | Int8Array<ArrayBuffer> {
  const count = normal.length / 3;
  const out = quantized ? new Int8Array(count * 4) : new Float32Array(count * 4);
  const k = quantized ? 127 : 1;
  for (let v = 0; v < count; v++) {
    const nx = normal[v * 3];
    const ny = normal[v * 3 + 1];
    const nz = normal[v * 3 + 2];
    // t = X − n (n·X), normalised (Z − n (n·Z) on ground facing straight along x).
    let tx = 1 - nx * nx;
    let ty = -nx * ny;
    let tz = -nx * nz;
    let length = Math.hypot(tx, ty, tz);
    if (length < 1e-4) {
      tx = -nz * nx;
      ty = -nz * ny;
      tz = 1 - nz * nz;
      length = Math.hypot(tx, ty, tz) || 1;
    }
    // Int8Array stores by truncation: round first.
    out[v * 4] = quantized ? Math.round((tx / length) * k) : tx / length;
    out[v * 4 + 1] = quantized ? Math.round((ty / length) * k) : ty / length;
    out[v * 4 + 2] = quantized ? Math.round((tz / length) * k) : tz / length;
    out[v * 4 + 3] = k;
  }
  return out;
}

/** from, from + step, … up to and always including `to`. */
function sampleIndices(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i += step) out.push(i);
  out.push(to);
  return out;
}
