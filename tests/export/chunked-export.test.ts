import { beforeAll, describe, expect, it } from 'vitest';
import { buildChunkedDocuments, CHUNK_LODS, type ChunkedDocuments } from '../../generators/export/build-chunked-documents.ts';
import { validateGlb } from '../../generators/export/validate-glb.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { readGlb, roleOf, worldPositions } from '../helpers/decode-glb.ts';
import { smallSpec } from '../helpers/world-specs.ts';

describe('chunked export', () => {
  let built: ChunkedDocuments;
  const files = new Map<string, Uint8Array>();
  beforeAll(async () => {
    const { world } = await generateWorld(
      smallSpec({ seed: 3, size: { width: 256, depth: 192, cellSize: 1 }, water: { sea: 0.2, lakes: 1 }, structures: [{ type: 'house' }] }),
      { navmesh: false },
    );
    built = await buildChunkedDocuments(world, { chunkCells: 64 });
    for (const d of built.documents) files.set(d.file, await writeGlb(d.doc));
  });

  it('writes a common file and every chunk at every level, all valid, listed in the index', async () => {
    expect(built.index.chunks).toHaveLength(4 * 3);
    expect(files.size).toBe(1 + 4 * 3 * CHUNK_LODS.length);
    for (const chunk of built.index.chunks) {
      expect(chunk.files).toEqual(CHUNK_LODS.map((l) => `${chunk.id}_lod${l.level}.glb`));
      expect(chunk.bounds.max[0]).toBeGreaterThan(chunk.bounds.min[0]);
    }
    for (const [name, bytes] of files) {
      const summary = await validateGlb(bytes);
      if (summary.errors > 0 || summary.warnings > 0) throw new Error(`${name}: ${JSON.stringify(summary.messages.slice(0, 3))}`);
    }
  });

  it('makes coarser levels lighter, and their terrain seams meet exactly after decoding', async () => {
    const triangles = (file: string) => built.documents.find((d) => d.file === file)!.counts.terrainTriangles;
    for (const chunk of built.index.chunks) {
      const [l0, l1, l2] = chunk.files.map(triangles);
      expect(l1).toBeLessThan(l0);
      expect(l2).toBeLessThan(l1);
    }
    for (const lod of [0, 1, 2]) {
      const border = new Map<string, number>();
      let shared = 0;
      for (const chunk of built.index.chunks) {
        const doc = await readGlb(files.get(chunk.files[lod])!);
        const node = doc.getRoot().listNodes().find((n) => roleOf(n) === 'terrain-chunk')!;
        const p = worldPositions(node);
        for (let i = 0; i < p.length; i += 3) {
          // Compare the vertices that sit on a chunk border line (x or z a multiple of 64 m from the west/north edge).
          const onBorder = Math.abs(((p[i] + 128) / 64) % 1) < 1e-6 || Math.abs(((p[i + 2] + 96) / 64) % 1) < 1e-6;
          if (!onBorder) continue;
          const key = `${p[i].toFixed(4)},${p[i + 2].toFixed(4)}`;
          const before = border.get(key);
          if (before !== undefined && Math.abs(before - p[i + 1]) < 2) {
            shared++;
            expect(p[i + 1]).toBe(before);
          } else if (before === undefined) border.set(key, p[i + 1]);
        }
      }
      expect(shared).toBeGreaterThan(50);
    }
  });
});
