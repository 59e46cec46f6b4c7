/**
 * A world a designer can walk through and ship: plants, rocks and structures placed sensibly,
 * gameplay data, colliders and a navmesh, exported compressed — and all of it agreeing.
 */
import { NullEngine } from '@babylonjs/core/Engines/nullEngine.js';
import { LoadAssetContainerAsync } from '@babylonjs/core/Loading/sceneLoader.js';
import { Scene } from '@babylonjs/core/scene.js';
import '@babylonjs/loaders/glTF/index.js';
import type { Node } from '@gltf-transform/core';
import type { InstancedMesh } from '@gltf-transform/extensions';
import { beforeAll, describe, expect, it } from 'vitest';
import { installMeshoptDecoder } from '../../engine-bridge/babylon/install-meshopt-decoder.ts';
import { buildWorldDocument, type WorldDocumentCounts } from '../../generators/export/build-world-document.ts';
import { validateGlb } from '../../generators/export/validate-glb.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { heightAt } from '../../generators/terrain/heightfield.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { WorldQuery } from '../../generators/world/world-query.ts';
import type { World } from '../../generators/world/world.ts';
import { roleOf, readGlb } from '../helpers/decode-glb.ts';
import { smallSpec } from '../helpers/world-specs.ts';

const SPEC = smallSpec({
  seed: 77,
  size: { width: 320, depth: 320, cellSize: 1 },
  terrain: { relief: 0.45 },
  water: { rivers: 1, lakes: 1 },
  biomes: { 'temperate-forest': 1, grassland: 0.6 },
  structures: [{ type: 'tower', condition: 'ruined' }, { type: 'house' }, { type: 'bridge' }],
  gameplay: { pointsOfInterest: [{ id: 'lookout', kind: 'viewpoint' }] },
});

describe('an explorable world', () => {
  let world: World;
  let glb: Uint8Array;
  let counts: WorldDocumentCounts;
  beforeAll(async () => {
    world = (await generateWorld(SPEC)).world;
    const built = await buildWorldDocument(world);
    counts = built.counts;
    glb = await writeGlb(built.doc);
  });

  it('has plants, rocks, the structures asked for, gameplay data and a navmesh', () => {
    expect(counts.instances).toBeGreaterThan(2000);
    const families = new Set(world.scatter.map((s) => s.variant.family));
    for (const family of ['tree', 'grass', 'rock']) expect(families).toContain(family);
    expect(world.structures.map((s) => s.type).sort()).toEqual(['bridge', 'house', 'tower']);
    expect(world.gameplay.pointsOfInterest.map((p) => p.id)).toContain('lookout');
    expect(world.gameplay.paths.length).toBeGreaterThan(0);
    expect(world.navmesh?.polygons).toBeGreaterThan(100);
  });

  it('puts nothing under water, in a footprint or on a path', () => {
    const field = world.terrain;
    for (const set of world.scatter) {
      for (let i = 0; i < set.count; i++) {
        const x = set.positions[i * 3];
        const z = set.positions[i * 3 + 2];
        const ix = Math.round((x + field.width / 2) / field.dx);
        const iz = Math.round((z + field.depth / 2) / field.dz);
        const s = iz * field.nx + ix;
        const surface = world.water.surface[s];
        if (!Number.isNaN(surface) && surface > field.heights[s]) throw new Error(`${set.asset.id} #${i} stands in water at ${x}, ${z}`);
        for (const p of world.gameplay.paths) {
          for (const q of p.points) if (Math.hypot(q.x - x, q.z - z) < p.width / 2 - 0.5) throw new Error(`${set.asset.id} #${i} on ${p.id}`);
        }
      }
    }
    for (const s of world.structures) {
      for (const piece of s.pieces) {
        const cos = Math.cos(piece.yaw);
        const sin = Math.sin(piece.yaw);
        for (const set of world.scatter) {
          for (let i = 0; i < set.count; i++) {
            const dx = set.positions[i * 3] - piece.x;
            const dz = set.positions[i * 3 + 2] - piece.z;
            const lx = dx * cos - dz * sin;
            const lz = dx * sin + dz * cos;
            if (Math.abs(lx) < piece.halfWidth && Math.abs(lz) < piece.halfDepth) throw new Error(`${set.asset.id} inside ${s.id}`);
          }
        }
      }
    }
  });

  it('keeps scattered objects on the ground', () => {
    for (const set of world.scatter) {
      for (let i = 0; i < set.count; i += 7) {
        const ground = heightAt(world.terrain, set.positions[i * 3], set.positions[i * 3 + 2]);
        expect(Math.abs(set.positions[i * 3 + 1] - ground)).toBeLessThan(0.6);
      }
    }
  });

  it('validates compressed, and reads back with instances, structures, colliders and gameplay by role', async () => {
    const summary = await validateGlb(glb);
    expect(summary.errors).toBe(0);
    expect(summary.warnings).toBe(0);
    const doc = await readGlb(glb);
    const root = doc.getRoot();
    expect(root.listExtensionsUsed().map((e) => e.extensionName)).toEqual(
      expect.arrayContaining(['EXT_meshopt_compression', 'KHR_mesh_quantization', 'EXT_mesh_gpu_instancing', 'MSFT_lod', 'KHR_lights_punctual']),
    );
    const walk = (n: Node): Node[] => [n, ...n.listChildren().flatMap(walk)];
    const nodes = doc.getRoot().getDefaultScene()!.listChildren().flatMap(walk);
    const byRole = (role: string) => nodes.filter((n) => roleOf(n) === role);
    expect(byRole('instances')).toHaveLength(counts.instancedNodes);
    expect(byRole('structure')).toHaveLength(3);
    expect(byRole('collider')).toHaveLength(counts.colliders);
    expect(byRole('spawn')).toHaveLength(1);
    expect(byRole('navmesh')).toHaveLength(1);
    expect(byRole('path')).toHaveLength(world.gameplay.paths.length);
    const instanceTotal = byRole('instances').reduce(
      (sum, n) => sum + n.getExtension<InstancedMesh>('EXT_mesh_gpu_instancing')!.listAttributes()[0].getCount(),
      0,
    );
    expect(instanceTotal).toBe(counts.instances);
  });

  it('loads in Babylon.js (NullEngine) through the packaged meshopt decoder', async () => {
    await installMeshoptDecoder();
    const engine = new NullEngine();
    const scene = new Scene(engine);
    const container = await LoadAssetContainerAsync(glb, scene, { pluginExtension: '.glb' });
    // Babylon makes a mesh per glTF primitive, each carrying the node's thin instances: count once per node.
    const perNode = new Map<string, number>();
    for (const m of container.meshes) {
      if (!m.name.startsWith('Scatter/') || m.name.includes('/lod')) continue;
      perNode.set(m.name.replace(/_primitive\d+$/, ''), (m as unknown as { thinInstanceCount: number }).thinInstanceCount);
    }
    expect([...perNode.values()].reduce((a, b) => a + b, 0)).toBe(counts.instances);
    expect(perNode.size).toBe(counts.instancedNodes);
    expect(container.meshes.some((m) => m.name.startsWith('Structures/'))).toBe(true);
    expect(container.transformNodes.filter((n) => (n.metadata as { gltf?: { extras?: { worldsmith?: { role?: string } } } })?.gltf?.extras?.worldsmith?.role === 'collider').length +
      container.meshes.filter((m) => (m.metadata as { gltf?: { extras?: { worldsmith?: { role?: string } } } })?.gltf?.extras?.worldsmith?.role === 'collider').length).toBe(counts.colliders);
    engine.dispose();
  });

  it('answers queries from the same data: a walker cannot pass through a structure', () => {
    const query = WorldQuery.of(world);
    const tower = world.structures.find((s) => s.type === 'tower')!.pieces[0];
    expect(query.objectsIn({ minX: tower.x - 1, minZ: tower.z - 1, maxX: tower.x + 1, maxZ: tower.z + 1 }).some((o) => o.kind === 'structure')).toBe(true);
    // Walk straight at the tower's centre from 20 m away: the walker stops outside its walls.
    const start = { x: tower.x - 20, y: query.heightAt(tower.x - 20, tower.z), z: tower.z, yaw: Math.PI / 2 };
    const end = query.moveWithCollision(start, { forward: 20 });
    expect(Math.hypot(end.x - tower.x, end.z - tower.z)).toBeGreaterThan(1.5);
    const spawn = world.gameplay.spawn;
    expect(spawn.y).toBeCloseTo(query.heightAt(spawn.x, spawn.z), 3);
  });

  it('is byte-identical when made again', async () => {
    const again = await writeGlb((await buildWorldDocument((await generateWorld(SPEC)).world)).doc);
    expect(Buffer.from(again).equals(Buffer.from(glb))).toBe(true);
  });
});

describe('scatter density', () => {
  it('follows the cover level in proportion', async () => {
    const count = async (trees: number) => {
      const { world } = await generateWorld(
        smallSpec({ seed: 5, size: { width: 256, depth: 256, cellSize: 2 }, terrain: { relief: 0.2 }, biomes: { grassland: 1 }, vegetation: { trees } }),
        { navmesh: false },
      );
      return world.scatter.filter((s) => s.variant.family === 'tree').reduce((sum, s) => sum + s.count, 0);
    };
    const [low, high] = [await count(0.2), await count(0.6)];
    expect(high / low).toBeGreaterThan(2.4);
    expect(high / low).toBeLessThan(3.6);
    expect(await count(0)).toBe(0);
  });
});
