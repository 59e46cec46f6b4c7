/**
 * World → one glTF-Transform Document (world.glb). The scene "World" holds:
 *   Terrain/      chunk meshes (role terrain-chunk), one primitive per ground material
 *   Water/        sea, lakes and rivers (roles sea, lake, river)
 *   Scatter/      plants and rocks, GPU-instanced per asset, MSFT_lod chains (role instances)
 *   Structures/   buildings and ruins, a node per piece, MSFT_lod chains (roles structure, structure-piece)
 *   Colliders/    terrain collision meshes and structure boxes (role collider)
 *   Gameplay/     spawn, points of interest, paths, navmesh (roles spawn, point-of-interest, path, navmesh)
 *   Sun | Moon    the key light (KHR_lights_punctual)
 * `asset.extras.worldsmith` carries the full WorldSpec and the world's statistics;
 * `scene.extras.worldsmith.environment` carries sky colours, ambient light and fog.
 * Compressed (quantized + meshopt) unless `compress: false`. With `textures`, ground and asset
 * materials wear the world's texture sets (world-textures.ts), embedded as JPEG.
 */
import type { Document } from '@gltf-transform/core';
import { describeWorld, type World } from '../world/world.ts';
import { composeDocument, type ComposedCounts } from './compose-document.ts';
import { chunkRanges, TERRAIN_CHUNK_DEFAULTS } from './terrain-chunks.ts';
import type { EncodedWorldTexture } from './world-textures.ts';

export interface WorldDocumentOptions {
  /** Quantize and meshopt-compress (default true). */
  compress?: boolean;
  /** Cells along a terrain chunk's side (default 128). */
  chunkCells?: number;
  /** The world's texture sets, encoded (encodeWorldTextures); without them, vertex colours only. */
  textures?: ReadonlyMap<string, EncodedWorldTexture>;
}

export interface WorldDocumentCounts extends ComposedCounts {
  pointsOfInterest: number;
  paths: number;
  navmeshTriangles: number;
}

export async function buildWorldDocument(world: World, options: WorldDocumentOptions = {}): Promise<{ doc: Document; counts: WorldDocumentCounts }> {
  const chunkCells = options.chunkCells ?? TERRAIN_CHUNK_DEFAULTS.chunkCells;
  const { doc, counts } = await composeDocument(world, {
    terrain: { ranges: chunkRanges(world.terrain, chunkCells), step: 1 },
    water: true,
    scatter: true,
    structures: true,
    colliders: true,
    gameplay: true,
    light: true,
    chunkCells,
    compress: options.compress ?? true,
    sceneName: 'World',
    assetExtras: { spec: world.spec, stats: describeWorld(world) },
    textures: options.textures,
  });
  return {
    doc,
    counts: {
      ...counts,
      pointsOfInterest: world.gameplay.pointsOfInterest.length,
      paths: world.gameplay.paths.length,
      navmeshTriangles: world.navmesh ? world.navmesh.indices.length / 3 : 0,
    },
  };
}
