/**
 * `npm run bench [-- suite …]`: runs the benchmark suites (all by default) and writes each one's
 * figures into its section of BENCHMARKS.md. `--runs N` sets the repetitions (default 5).
 */
import { parseArgs } from 'node:util';
import { writeSection } from './bench-report.ts';
import { benchCutscene } from './cutscene-bench.ts';
import { benchEditor } from './editor-bench.ts';
import { benchModel } from './model-bench.ts';
import { benchRender } from './render-bench.ts';
import { benchTextures } from './texture-bench.ts';
import { benchVideo } from './video-bench.ts';
import { benchWorld } from './world-bench.ts';

const SUITES: Record<string, (runs: number, log: (line: string) => void) => Promise<string>> = {
  world: benchWorld,
  textures: benchTextures,
  render: benchRender,
  video: benchVideo,
  cutscene: benchCutscene,
  model: benchModel,
  editor: benchEditor,
};

const { values, positionals } = parseArgs({ options: { runs: { type: 'string' } }, allowPositionals: true });
const runs = Number(values.runs ?? 5);
const chosen = positionals.length > 0 ? positionals : Object.keys(SUITES);
for (const name of chosen) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`Unknown suite "${name}". Suites: ${Object.keys(SUITES).join(', ')}.`);
    process.exit(2);
  }
  const section = await suite(runs, (line) => console.error(line));
  await writeSection('BENCHMARKS.md', name, section);
  console.log(section);
}
