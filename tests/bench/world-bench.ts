/**
 * The 1 km² world: 1024 m × 1024 m at 1 m (1025² heights) with erosion, rivers, lakes and a sea,
 * generated and exported to .glb bytes (validation excluded: it is a check, not part of making).
 * Baseline in the same run: glTF-Transform writing the very same Document to .glb — the floor,
 * since any world must at least be written.
 */
import { buildWorldDocument } from '../../generators/export/build-world-document.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { parseWorldSpec } from '../../generators/spec/index.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { machine, median, table } from './bench-report.ts';

export const WORLD_BENCH_SPEC = parseWorldSpec({
  seed: 2026,
  size: { width: 1024, depth: 1024, cellSize: 1 },
  terrain: { landform: 'valley', relief: 0.6, erosion: 0.6 },
  water: { sea: 0.1, rivers: 2, lakes: 2, waterfalls: 1 },
  biomes: { 'temperate-forest': 1, grassland: 0.6, mountains: 0.4 },
});

export async function benchWorld(runs: number, log: (line: string) => void): Promise<string> {
  const stageTimes: Record<string, number[]> = {};
  const totals: number[] = [];
  const floors: number[] = [];
  let bytes = 0;
  let counts: ReturnType<typeof buildWorldDocument>['counts'] | undefined;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const { world, timings } = await generateWorld(WORLD_BENCH_SPEC);
    let t = performance.now();
    const built = buildWorldDocument(world);
    timings.document = performance.now() - t;
    t = performance.now();
    const glb = await writeGlb(built.doc);
    timings.glb = performance.now() - t;
    totals.push(performance.now() - start);
    // The floor: write the same document again, alone.
    t = performance.now();
    await writeGlb(built.doc);
    floors.push(performance.now() - t);
    for (const [stage, ms] of Object.entries(timings)) (stageTimes[stage] ??= []).push(ms);
    bytes = glb.length;
    counts = built.counts;
    log(`world run ${run + 1}/${runs}: ${Math.round(totals[run])} ms (floor ${Math.round(floors[run])} ms)`);
  }
  const total = median(totals);
  const floor = median(floors);
  const rows = Object.entries(stageTimes).map(([stage, times]) => [stage, Math.round(median(times)), `${((100 * median(times)) / total).toFixed(1)}%`]);
  return `## World generation: 1 km² at 1 m (1025² heights)

Spec: valley, erosion 0.6, sea 10%, 2 rivers, 2 lakes, 1 waterfall, three biomes (see
\`tests/bench/world-bench.ts\`). From spec to .glb bytes; median of ${runs} runs on ${machine()}.

| measure | value |
| --- | --- |
| spec → .glb, median | **${(total / 1000).toFixed(2)} s** |
| floor: glTF-Transform writing the same Document | ${Math.round(floor)} ms |
| ratio to the floor | ${(total / floor).toFixed(1)}× |
| .glb size (uncompressed, float32) | ${(bytes / 2 ** 20).toFixed(1)} MiB |
| terrain | ${counts!.terrainChunks} chunks, ${counts!.terrainVertices.toLocaleString('en')} vertices, ${counts!.terrainTriangles.toLocaleString('en')} triangles |
| water | ${counts!.waterMeshes} surfaces, ${counts!.waterTriangles.toLocaleString('en')} triangles |

Time per stage (median):

${table(['stage', 'ms', 'share'], rows)}
`;
}
