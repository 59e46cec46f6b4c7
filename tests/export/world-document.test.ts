import { NodeIO, type Document } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { describe, expect, it } from 'vitest';
import { buildWorldDocument } from '../../generators/export/build-world-document.ts';
import { rotationFromTo } from '../../generators/export/key-light.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { smallSpec } from '../helpers/world-specs.ts';

/** The JSON chunk of a .glb (header 12 bytes, then chunk length and type). */
function glbJson(glb: Uint8Array): { asset: { generator: string } } {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  const length = view.getUint32(12, true);
  return JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + length)));
}

async function roundTrip(doc: Document): Promise<Document> {
  return new NodeIO().registerExtensions(ALL_EXTENSIONS).readBinary(await writeGlb(doc));
}

describe('buildWorldDocument', () => {
  const spec = smallSpec({
    size: { width: 200, depth: 150, cellSize: 1 },
    water: { sea: 0.2, rivers: 1, lakes: 1 },
    biomes: { grassland: 1, mountains: 0.5 },
  });

  it('splits the terrain into chunks whose shared edges match exactly', async () => {
    const { world } = await generateWorld(spec);
    const { doc, counts } = await buildWorldDocument(world, { chunkCells: 64, compress: false });
    expect(counts.terrainChunks).toBe(4 * 3);
    const read = await roundTrip(doc);
    const chunks = read.getRoot().listNodes().filter((n) => (n.getExtras() as { worldsmith?: { role?: string } }).worldsmith?.role === 'terrain-chunk');
    expect(chunks).toHaveLength(12);
    // World-space position → (normal, colour) seen by each chunk; seams must agree.
    const seen = new Map<string, string>();
    let shared = 0;
    for (const node of chunks) {
      const [tx, , tz] = node.getTranslation();
      const primitive = node.getMesh()!.listPrimitives()[0];
      const position = primitive.getAttribute('POSITION')!;
      const normal = primitive.getAttribute('NORMAL')!;
      const color = primitive.getAttribute('COLOR_0')!;
      for (let i = 0; i < position.getCount(); i++) {
        const [x, y, z] = position.getElement(i, [0, 0, 0]);
        const key = `${(x + tx).toFixed(3)},${(z + tz).toFixed(3)}`;
        const value = `${y}|${normal.getElement(i, [0, 0, 0]).join(',')}|${color.getElement(i, [0, 0, 0, 0]).join(',')}`;
        const before = seen.get(key);
        if (before !== undefined) {
          shared++;
          expect(value).toBe(before);
        } else seen.set(key, value);
      }
    }
    expect(shared).toBeGreaterThan(500);
    expect(seen.size).toBe(world.terrain.nx * world.terrain.nz);
  });

  it('faces up, names its parts, carries the spec and the sun', async () => {
    const { world } = await generateWorld(spec);
    const glb = await writeGlb((await buildWorldDocument(world, { compress: false })).doc);
    expect(glbJson(glb).asset.generator).toMatch(/^Worldsmith \d+\.\d+\.\d+$/);
    const read = await new NodeIO().registerExtensions(ALL_EXTENSIONS).readBinary(glb);
    const root = read.getRoot();
    expect((root.getAsset().extras as { worldsmith: { spec: unknown } }).worldsmith.spec).toEqual(world.spec);
    const names = root.listNodes().map((n) => n.getName());
    expect(names).toEqual(expect.arrayContaining(['Terrain', 'Water', 'Water/sea', 'Water/lake-1', 'Water/river-1', 'Sun']));
    expect(root.listMaterials().map((m) => m.getName())).toEqual(expect.arrayContaining(['Ground/grassland', 'Water']));

    // Every terrain and water triangle that is not vertical faces up.
    for (const mesh of root.listMeshes().filter((m) => /^(Terrain|Water)\//.test(m.getName()))) {
      for (const primitive of mesh.listPrimitives()) {
        const position = primitive.getAttribute('POSITION')!;
        const indices = primitive.getIndices()!;
        for (let t = 0; t < indices.getCount(); t += 3) {
          const [a, b, c] = [0, 1, 2].map((k) => position.getElement(indices.getScalar(t + k), [0, 0, 0]));
          const ny = (b[2] - a[2]) * (c[0] - a[0]) - (b[0] - a[0]) * (c[2] - a[2]);
          expect(ny).toBeGreaterThanOrEqual(-1e-9);
        }
      }
    }
  });

  it('turns the sun node so its −Z points from the sky to the ground', () => {
    const q = rotationFromTo([0, 0, -1], [0.3, -0.8, 0.2].map((v, _, a) => v / Math.hypot(...a)) as [number, number, number]);
    // Rotate (0, 0, -1) by q.
    const [x, y, z, w] = q;
    const v = [0, 0, -1];
    const t = [2 * (y * v[2] - z * v[1]), 2 * (z * v[0] - x * v[2]), 2 * (x * v[1] - y * v[0])];
    const r = [v[0] + w * t[0] + (y * t[2] - z * t[1]), v[1] + w * t[1] + (z * t[0] - x * t[2]), v[2] + w * t[2] + (x * t[1] - y * t[0])];
    const n = Math.hypot(0.3, -0.8, 0.2);
    expect(r[0]).toBeCloseTo(0.3 / n, 6);
    expect(r[1]).toBeCloseTo(-0.8 / n, 6);
    expect(r[2]).toBeCloseTo(0.2 / n, 6);
  });
});
