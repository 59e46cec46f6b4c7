/**
 * The 1 km² "standard world": 1024 m × 1024 m at 1 m (1025² heights), from a prompt with a river,
 * a lake, three structures and a forest, to a compressed .glb (quantized + meshopt) — every stage:
 * interpretation, terrain, erosion, water, structures, gameplay, biomes, ground, scatter, objects,
 * navmesh and texture sets (both on the other core), texture encoding (sharp), document, glb. Validation is a check, not part of making, and is
 * left out.
 * Baseline in the same run: glTF-Transform writing the very same Document again — the floor, since
 * any world must at least be written.
 */
import { encodeImageWithSharp } from '../../engine-bridge/images/sharp-image-encoder.ts';
import { buildWorldDocument, type WorldDocumentCounts } from '../../generators/export/build-world-document.ts';
import { encodeWorldTextures } from '../../generators/export/world-textures.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { interpretPrompt } from '../../generators/interpret/index.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { STANDARD_PROMPT, STANDARD_SEED } from '../../samples/standard-world.ts';
import { machine, median, table } from './bench-report.ts';


export async function benchWorld(runs: number, log: (line: string) => void): Promise<string> {
  const stageTimes: Record<string, number[]> = {};
  const totals: number[] = [];
  const floors: number[] = [];
  let bytes = 0;
  let counts: WorldDocumentCounts | undefined;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    let t = start;
    const { spec } = interpretPrompt(STANDARD_PROMPT, { seed: STANDARD_SEED });
    const timings: Record<string, number> = { interpret: performance.now() - t };
    const generated = await generateWorld(spec);
    Object.assign(timings, generated.timings);
    t = performance.now();
    const textures = await encodeWorldTextures(generated.world.textures!, encodeImageWithSharp);
    timings['texture encoding'] = performance.now() - t;
    t = performance.now();
    const built = await buildWorldDocument(generated.world, { textures });
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
  const c = counts!;
  const rows = Object.entries(stageTimes).map(([stage, times]) => [
    stage === 'navmesh' ? 'navmesh (waited for; built on the other core)' : stage === 'textures' ? 'texture sets (waited for; made on the other core)' : stage,
    Math.round(median(times)),
    `${((100 * median(times)) / total).toFixed(1)}%`,
  ]);
  return `## Standard world: 1 km² at 1 m, from prompt to compressed glb

Prompt: "${STANDARD_PROMPT}" (seed ${STANDARD_SEED}) — 1025² heights, erosion, a river, a lake,
a bridge, a ruined tower and a village, forest, grass and rocks, paths, colliders, a navmesh and
texture sets for the ground and the assets (JPEG, embedded).
Median of ${runs} runs on ${machine()}. Target: under 10 s.

| measure | value |
| --- | --- |
| prompt → compressed .glb, median | **${(total / 1000).toFixed(2)} s** |
| floor: glTF-Transform writing the same Document | ${Math.round(floor)} ms |
| ratio to the floor | ${(total / floor).toFixed(1)}× |
| .glb size (KHR_mesh_quantization + EXT_meshopt_compression) | ${(bytes / 2 ** 20).toFixed(1)} MiB |
| terrain | ${c.terrainChunks} chunks, ${c.terrainVertices.toLocaleString('en')} vertices, ${c.terrainTriangles.toLocaleString('en')} triangles |
| scatter | ${c.instances.toLocaleString('en')} instances in ${c.instancedNodes} instanced nodes |
| structures | ${c.structures} (${c.structurePieces} pieces) |
| gameplay | ${c.pointsOfInterest} points of interest, ${c.paths} paths, navmesh ${c.navmeshTriangles.toLocaleString('en')} triangles, ${c.colliders} colliders |
| water | ${c.waterMeshes} surfaces, ${c.waterTriangles.toLocaleString('en')} triangles |

Time per stage (median; the texture sets are made in a worker thread from the start and the navmesh
in one from the gameplay stage on, so their rows are only the time the main thread still had to wait
for them):

${table(['stage', 'ms', 'share'], rows)}
`;
}
