/**
 * A world as streamable chunks: one document per terrain chunk and level of detail, plus a
 * `common` document (sun, spawn, points of interest, paths, navmesh) and an index a game reads to
 * decide what to load as the player moves.
 *
 *   LOD0  full terrain detail, every plant, structures at LOD0, the chunk's colliders
 *   LOD1  every 2nd terrain sample (skirted), plants and structures at their LOD1
 *   LOD2  every 4th sample (skirted), trees, bushes and rocks at LOD2 — grass and flowers left out
 * Switch distances are measured from the camera to the chunk's bounds. Every terrain chunk of every
 * file is quantized on one shared grid, so neighbours of the same level meet exactly.
 */
import type { Document } from '@gltf-transform/core';
import { describeWorld, type World } from '../world/world.ts';
import { WORLDSMITH_VERSION } from '../version.ts';
import { composeDocument, type ComposedCounts } from './compose-document.ts';
import { chunkRanges, TERRAIN_CHUNK_DEFAULTS } from './terrain-chunks.ts';

export const CHUNK_LODS = [
  { level: 0, step: 1, from: 0, to: 150 },
  { level: 1, step: 2, from: 150, to: 400 },
  { level: 2, step: 4, from: 400, to: null },
] as const;

export interface ChunkIndex {
  format: 'worldsmith-chunks';
  version: 1;
  worldsmith: string;
  seed: number;
  size: { width: number; depth: number };
  chunkCells: number;
  seaLevel: number | null;
  lods: ReadonlyArray<{ level: number; step: number; from: number; to: number | null }>;
  common: string;
  chunks: Array<{
    id: string;
    x: number;
    z: number;
    bounds: { min: [number, number, number]; max: [number, number, number] };
    /** File per level of detail, LOD0 first. */
    files: string[];
  }>;
}

export interface ChunkedDocuments {
  documents: Array<{ file: string; doc: Document; counts: ComposedCounts }>;
  index: ChunkIndex;
}

export async function buildChunkedDocuments(world: World, options: { compress?: boolean; chunkCells?: number } = {}): Promise<ChunkedDocuments> {
  const chunkCells = options.chunkCells ?? TERRAIN_CHUNK_DEFAULTS.chunkCells;
  const compress = options.compress ?? true;
  const field = world.terrain;
  const documents: ChunkedDocuments['documents'] = [];
  const common = await composeDocument(world, {
    terrain: { ranges: [], step: 1 },
    water: false,
    scatter: false,
    structures: false,
    colliders: false,
    gameplay: true,
    light: true,
    chunkCells,
    compress,
    sceneName: 'Common',
    assetExtras: { spec: world.spec, stats: describeWorld(world), part: 'common' },
  });
  documents.push({ file: 'common.glb', ...common });

  const index: ChunkIndex = {
    format: 'worldsmith-chunks',
    version: 1,
    worldsmith: WORLDSMITH_VERSION,
    seed: world.spec.seed,
    size: { width: field.width, depth: field.depth },
    chunkCells,
    seaLevel: world.water.seaLevel,
    lods: CHUNK_LODS,
    common: 'common.glb',
    chunks: [],
  };
  for (const range of chunkRanges(field, chunkCells)) {
    const region = {
      minX: -field.width / 2 + range.x0 * field.dx,
      maxX: range.x1 === field.nx - 1 ? Infinity : -field.width / 2 + range.x1 * field.dx,
      minZ: -field.depth / 2 + range.z0 * field.dz,
      maxZ: range.z1 === field.nz - 1 ? Infinity : -field.depth / 2 + range.z1 * field.dz,
    };
    const id = `chunk_${range.cx}_${range.cz}`;
    const files: string[] = [];
    let bounds: ChunkIndex['chunks'][number]['bounds'] | undefined;
    for (const lod of CHUNK_LODS) {
      const { doc, counts } = await composeDocument(world, {
        terrain: { ranges: [range], step: lod.step },
        region,
        level: lod.level,
        skipFamilies: lod.level >= 2 ? ['grass', 'flowers'] : [],
        water: true,
        scatter: true,
        structures: true,
        colliders: lod.level === 0,
        colliderChunk: { cx: range.cx, cz: range.cz },
        gameplay: false,
        light: false,
        chunkCells,
        compress,
        sceneName: `${id}/lod${lod.level}`,
        assetExtras: { chunk: [range.cx, range.cz], lod: lod.level, seed: world.spec.seed },
      });
      const file = `${id}_lod${lod.level}.glb`;
      documents.push({ file, doc, counts });
      files.push(file);
      if (lod.level === 0) {
        const terrain = doc.getRoot().listNodes().find((n) => (n.getExtras() as { worldsmith?: { role?: string } }).worldsmith?.role === 'terrain-chunk');
        bounds = (terrain?.getExtras() as { worldsmith: { bounds: ChunkIndex['chunks'][number]['bounds'] } }).worldsmith.bounds;
      }
    }
    index.chunks.push({ id, x: range.cx, z: range.cz, bounds: bounds!, files });
  }
  return { documents, index };
}
