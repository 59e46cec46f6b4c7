/**
 * World → glTF-Transform Document. The scene "World" holds:
 *   Terrain/            chunk meshes (role terrain-chunk), one primitive per ground material
 *   Water/              sea, lakes and rivers (roles sea, lake, river)
 *   Sun | Moon          the key light (KHR_lights_punctual)
 * `asset.extras.worldsmith` carries the full WorldSpec and the world's statistics, so a .glb
 * always says how to make it again; `scene.extras.worldsmith.environment` carries sky colours,
 * ambient light and fog for renderers (glTF has no fog of its own).
 */
import { Document } from '@gltf-transform/core';
import { describeWorld, type World } from '../world/world.ts';
import { WORLDSMITH_VERSION } from '../version.ts';
import { addKeyLight } from './key-light.ts';
import { createGroundMaterials, createWaterMaterial } from './materials.ts';
import { roleExtras } from './node-roles.ts';
import { addTerrainChunks, TERRAIN_CHUNK_DEFAULTS, type TerrainChunkOptions } from './terrain-chunks.ts';
import { addWaterMeshes } from './water-meshes.ts';

export interface WorldDocumentCounts {
  terrainChunks: number;
  terrainVertices: number;
  terrainTriangles: number;
  waterMeshes: number;
  waterTriangles: number;
  materials: number;
}

export function buildWorldDocument(world: World, options: Partial<TerrainChunkOptions> = {}): { doc: Document; counts: WorldDocumentCounts } {
  const doc = new Document();
  doc.createBuffer('world');
  const asset = doc.getRoot().getAsset();
  asset.generator = `Worldsmith ${WORLDSMITH_VERSION}`;
  asset.extras = {
    worldsmith: { version: WORLDSMITH_VERSION, spec: world.spec, stats: describeWorld(world) },
  };

  const sky = world.sky;
  const scene = doc.createScene('World').setExtras({
    worldsmith: {
      environment: {
        zenith: sky.zenith,
        horizon: sky.horizon,
        ambient: sky.ambient,
        fog: sky.fog,
        weather: world.spec.weather,
        time: world.spec.time,
      },
    },
  });
  doc.getRoot().setDefaultScene(scene);

  const groundMaterials = createGroundMaterials(doc, world);
  const terrainNode = doc.createNode('Terrain').setExtras(roleExtras('terrain', {
    size: [world.terrain.width, world.terrain.depth],
    samples: [world.terrain.nx, world.terrain.nz],
  }));
  const terrain = addTerrainChunks(doc, world, terrainNode, groundMaterials, { ...TERRAIN_CHUNK_DEFAULTS, ...options });
  scene.addChild(terrainNode);

  const waterNode = doc.createNode('Water').setExtras(roleExtras('water', { seaLevel: world.water.seaLevel }));
  const water = addWaterMeshes(doc, world, waterNode, createWaterMaterial(doc, world));
  if (water.meshes > 0) scene.addChild(waterNode);
  else waterNode.dispose();

  scene.addChild(addKeyLight(doc, sky));

  // Ground materials no chunk uses (a class that never won a triangle) are dropped.
  for (const material of groundMaterials) {
    if (material.listParents().filter((p) => p.propertyType === 'Primitive').length === 0) material.dispose();
  }
  return {
    doc,
    counts: {
      terrainChunks: terrain.chunks,
      terrainVertices: terrain.vertices,
      terrainTriangles: terrain.triangles,
      waterMeshes: water.meshes,
      waterTriangles: water.triangles,
      materials: doc.getRoot().listMaterials().length,
    },
  };
}
