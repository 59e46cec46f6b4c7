import { NullEngine } from '@babylonjs/core/Engines/nullEngine.js';
import { LoadAssetContainerAsync } from '@babylonjs/core/Loading/sceneLoader.js';
import type { DirectionalLight } from '@babylonjs/core/Lights/directionalLight.js';
import { Scene } from '@babylonjs/core/scene.js';
import '@babylonjs/loaders/glTF/index.js';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWorldDocument } from '../../generators/export/build-world-document.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { smallSpec } from '../helpers/world-specs.ts';

describe('a generated glb in Babylon.js (NullEngine)', () => {
  const engine = new NullEngine();
  afterAll(() => engine.dispose());

  it('loads with the expected chunks, water, materials and sun', async () => {
    const { world } = await generateWorld(smallSpec({ size: { width: 300, depth: 200, cellSize: 1 }, water: { sea: 0.25, rivers: 1 }, time: { hour: 9 } }));
    const { doc, counts } = await buildWorldDocument(world, { chunkCells: 128, compress: false });
    const glb = await writeGlb(doc);
    const scene = new Scene(engine);
    const container = await LoadAssetContainerAsync(glb, scene, { pluginExtension: '.glb' });

    const roles = (role: string) =>
      container.transformNodes.filter((n) => (n.metadata as { gltf?: { extras?: { worldsmith?: { role?: string } } } })?.gltf?.extras?.worldsmith?.role === role);
    expect(roles('terrain-chunk')).toHaveLength(counts.terrainChunks);
    expect(counts.terrainChunks).toBe(3 * 2);
    // Babylon makes one mesh per glTF primitive, under the chunk's node.
    const terrainMeshes = container.meshes.filter((m) => m.name.startsWith('Terrain/chunk_'));
    const primitives = doc.getRoot().listMeshes().filter((m) => m.getName().startsWith('Terrain/')).flatMap((m) => m.listPrimitives());
    expect(terrainMeshes).toHaveLength(primitives.length);
    const triangles = terrainMeshes.reduce((sum, m) => sum + m.getTotalIndices() / 3, 0);
    expect(triangles).toBe(counts.terrainTriangles);
    expect(container.meshes.some((m) => m.name === 'Water/sea')).toBe(true);

    expect(container.lights).toHaveLength(1);
    const sun = container.lights[0] as DirectionalLight;
    expect(sun.name).toBe('Sun');
    expect(sun.intensity).toBeCloseTo(world.sky.key.intensity, 5);
    expect(container.materials.map((m) => m.name)).toContain('Water');
    scene.dispose();
  });
});
