/**
 * Composes a glTF-Transform Document from chosen parts of a World: the one builder behind the
 * single world.glb, each chunk file of the chunked export, and the chunked export's common file.
 *
 * Compression: everything but the terrain is reordered and quantized by glTF-Transform (per-mesh
 * volumes, instance batches corrected); the terrain is added afterwards on its own shared grid so
 * seams stay exact across chunks and files; EXT_meshopt_compression is applied when written.
 */
import { Document, Logger, type Node } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { quantize, reorder } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';
import { WORLDSMITH_VERSION } from '../version.ts';
import type { World } from '../world/world.ts';
import { AssetMeshes } from './asset-meshes.ts';
import { addColliderNodes } from './collider-nodes.ts';
import { addGameplayNodes } from './gameplay-nodes.ts';
import { addInstancedScatter, type Region } from './instanced-scatter.ts';
import { addKeyLight } from './key-light.ts';
import { createGroundMaterials, createWaterMaterial } from './materials.ts';
import { roleExtras } from './node-roles.ts';
import { addStructureNodes } from './structure-nodes.ts';
import { buildTerrainChunk, terrainChunkContext, terrainUvMetres, type ChunkRange } from './terrain-chunks.ts';
import { addWaterMeshes } from './water-meshes.ts';
import { DETAIL_LEVEL, WorldTextureBinder, type EncodedWorldTexture } from './world-textures.ts';

export interface DocumentParts {
  /** Terrain chunks to include and the sample step (1 = full detail). */
  terrain: { ranges: readonly ChunkRange[]; step: number };
  /** Limit water, scatter, structures and colliders to a rectangle. */
  region?: Region;
  /** One level of detail for scatter and structures; undefined: LOD0 with an MSFT_lod chain. */
  level?: number;
  /** Scatter families left out. */
  skipFamilies?: readonly string[];
  water: boolean;
  scatter: boolean;
  structures: boolean;
  /** Colliders; with `region`, only that chunk's (`colliderChunk`). */
  colliders: boolean;
  colliderChunk?: { cx: number; cz: number };
  gameplay: boolean;
  light: boolean;
  chunkCells: number;
  compress: boolean;
  sceneName: string;
  /** Extra fields for asset.extras.worldsmith. */
  assetExtras: Record<string, unknown>;
  /** The world's texture sets, encoded (world-textures.ts); without them, vertex colours only. */
  textures?: ReadonlyMap<string, EncodedWorldTexture>;
}

export interface ComposedCounts {
  terrainChunks: number;
  terrainVertices: number;
  terrainTriangles: number;
  waterMeshes: number;
  waterTriangles: number;
  instancedNodes: number;
  instances: number;
  structures: number;
  structurePieces: number;
  colliders: number;
  materials: number;
}

export async function composeDocument(world: World, parts: DocumentParts): Promise<{ doc: Document; counts: ComposedCounts }> {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.SILENT));
  doc.createBuffer('world');
  const asset = doc.getRoot().getAsset();
  asset.generator = `Worldsmith ${WORLDSMITH_VERSION}`;
  asset.extras = { worldsmith: { version: WORLDSMITH_VERSION, ...parts.assetExtras } };
  const sky = world.sky;
  const scene = doc.createScene(parts.sceneName).setExtras({
    worldsmith: {
      environment: { zenith: sky.zenith, horizon: sky.horizon, ambient: sky.ambient, fog: sky.fog, weather: world.spec.weather, time: world.spec.time },
    },
  });
  doc.getRoot().setDefaultScene(scene);
  const counts: ComposedCounts = {
    terrainChunks: 0,
    terrainVertices: 0,
    terrainTriangles: 0,
    waterMeshes: 0,
    waterTriangles: 0,
    instancedNodes: 0,
    instances: 0,
    structures: 0,
    structurePieces: 0,
    colliders: 0,
    materials: 0,
  };
  const group = (name: string, role: Parameters<typeof roleExtras>[0], details: Record<string, unknown> = {}): Node =>
    doc.createNode(name).setExtras(roleExtras(role, details));
  const attach = (node: Node, used: boolean) => (used ? scene.addChild(node) : node.dispose());

  const terrainNode = group('Terrain', 'terrain', { size: [world.terrain.width, world.terrain.depth], samples: [world.terrain.nx, world.terrain.nz] });
  if (parts.terrain.ranges.length > 0) scene.addChild(terrainNode);

  if (parts.water) {
    const waterNode = group('Water', 'water', { seaLevel: world.water.seaLevel });
    const water = addWaterMeshes(doc, world, waterNode, createWaterMaterial(doc, world), parts.region);
    counts.waterMeshes = water.meshes;
    counts.waterTriangles = water.triangles;
    attach(waterNode, water.meshes > 0);
  }
  const binder = parts.textures && parts.textures.size > 0 ? new WorldTextureBinder(doc, parts.textures) : undefined;
  const meshes = new AssetMeshes(doc, doc.getRoot().listBuffers()[0], binder);
  if (parts.scatter) {
    const scatterNode = group('Scatter', 'scatter');
    const scatter = addInstancedScatter(doc, scatterNode, world.scatter, meshes, { level: parts.level, region: parts.region, skipFamilies: parts.skipFamilies });
    counts.instancedNodes = scatter.nodes;
    counts.instances = scatter.instances;
    attach(scatterNode, scatter.nodes > 0);
  }
  if (parts.structures) {
    const structuresNode = group('Structures', 'structures');
    const structures = addStructureNodes(doc, structuresNode, world.structures, meshes, { level: parts.level, region: parts.region });
    counts.structures = structures.structures;
    counts.structurePieces = structures.pieces;
    attach(structuresNode, structures.structures > 0);
  }
  if (parts.colliders) {
    const collidersNode = group('Colliders', 'colliders');
    const only = parts.region && parts.colliderChunk ? { ...parts.colliderChunk, region: parts.region } : undefined;
    const colliders = addColliderNodes(doc, collidersNode, world.terrain, world.objects.filter((o) => o.kind === 'structure'), parts.chunkCells, only);
    counts.colliders = colliders.terrainMeshes + colliders.boxes;
    attach(collidersNode, counts.colliders > 0);
  }
  if (parts.gameplay) {
    const gameplayNode = group('Gameplay', 'gameplay');
    addGameplayNodes(doc, gameplayNode, world.gameplay, world.navmesh);
    scene.addChild(gameplayNode);
  }
  if (parts.light) scene.addChild(addKeyLight(doc, sky));

  if (parts.compress && doc.getRoot().listMeshes().length > 0) {
    await MeshoptEncoder.ready;
    await doc.transform(reorder({ encoder: MeshoptEncoder, target: 'size' }), quantize({ quantizePosition: 14, quantizeNormal: 10, quantizeColor: 10 }));
  }

  // The terrain goes in after quantize(): it is quantized on its own shared grid (terrain-chunks.ts).
  if (parts.terrain.ranges.length > 0) {
    const groundMaterials = createGroundMaterials(doc, world, binder && { binder, uvMetres: terrainUvMetres(world, parts.compress) });
    const context = terrainChunkContext(doc, world, groundMaterials, { quantize: parts.compress, colorGain: binder ? 1 / DETAIL_LEVEL : 1, tangents: binder !== undefined });
    for (const range of parts.terrain.ranges) {
      const chunk = buildTerrainChunk(doc, context, range, parts.terrain.step);
      terrainNode.addChild(chunk.node);
      counts.terrainChunks++;
      counts.terrainVertices += chunk.vertices;
      counts.terrainTriangles += chunk.triangles;
    }
    for (const material of groundMaterials) {
      if (material.listParents().filter((p) => p.propertyType === 'Primitive').length === 0) material.dispose();
    }
    // Textures of ground classes this part of the world does not have.
    for (const texture of doc.getRoot().listTextures()) {
      if (!texture.listParents().some((p) => p.propertyType === 'Material')) texture.dispose();
    }
  }
  if (parts.compress && doc.getRoot().listMeshes().length > 0) {
    doc.createExtension(KHRMeshQuantization).setRequired(true);
    doc.createExtension(EXTMeshoptCompression).setRequired(true).setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.QUANTIZE });
  }
  counts.materials = doc.getRoot().listMaterials().length;
  return { doc, counts };
}
