import { readFile } from 'node:fs/promises';
import { interpretPrompt, type Explanation } from '../../generators/interpret/index.ts';
import { parseWorldSpec, SpecError, type WorldSpec } from '../../generators/spec/index.ts';
import { generateToDirectory } from '../generate-to-directory.ts';
import { integerFlag, parseFlags } from '../parse-flags.ts';
import { UsageError } from '../usage-error.ts';
import type { Verb } from './verb.ts';

export const generateVerb: Verb = {
  name: 'generate',
  summary: 'Make a world (.glb) from a prompt or a spec',
  help: `Usage: worldsmith generate "<prompt>" --out DIR [--seed N] [--chunks] [--no-compress] [--no-textures] [--json] [--no-preview]
       worldsmith generate --spec spec.json --out DIR [--seed N] [--chunks] [--no-compress] [--no-textures] [--json] [--no-preview]

Writes, atomically (nothing half-written is ever left):
  DIR/world.glb     the world: terrain, water, plants and rocks (GPU-instanced, LOD chains),
                    structures, colliders, spawn, points of interest, paths, navmesh, sun;
                    tileable PBR textures on ground, bark, rock, stone, wood, roofs and metal;
                    meshopt-compressed; the spec in asset.extras
  DIR/navmesh.bin   the navmesh in Detour's own format
  DIR/chunks/       with --chunks: one glb per terrain chunk and level of detail, plus index.json
  DIR/spec.json     the complete WorldSpec it was made from (edit it and pass it to --spec)
  DIR/report.json   counts, sizes, timings per stage and the validator's verdict
  DIR/relief.png    a top-down shaded-relief map (unless --no-preview)
  DIR/view.png      a perspective view, lit by the world's sun and fogged by its weather
Same spec and seed give byte-identical world.glb.

Options:
  --out DIR      output directory (created if missing)
  --spec FILE    a WorldSpec JSON file instead of a prompt
  --seed N       world seed, 0 to 4294967295 (overrides the spec's)
  --json         print report.json to stdout instead of a summary
  --no-compress  write plain float32 geometry (no KHR_mesh_quantization / EXT_meshopt_compression)
  --no-textures  vertex colours only (no texture sets: smaller, faster)
  --chunks       also write the streamable chunk set (DIR/chunks/)
  --no-preview   skip relief.png and view.png

Examples:
  worldsmith generate "a volcanic island with black sand beaches at dusk" --seed 3 --out out/island
  worldsmith generate --spec out/island/spec.json --seed 4 --out out/island-4`,
  async run(args, io) {
    const { values, positionals } = parseFlags('generate', args, {
      out: { type: 'string' },
      spec: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      'no-preview': { type: 'boolean' },
      'no-compress': { type: 'boolean' },
      chunks: { type: 'boolean' },
      'no-textures': { type: 'boolean' },
    });
    if (!values.out) throw new UsageError('generate needs --out DIR. See `worldsmith generate --help`.', 'generate');
    if (values.spec && positionals.length > 0) throw new UsageError('Give either a prompt or --spec, not both.', 'generate');
    if (!values.spec && positionals.length === 0) throw new UsageError('generate needs a prompt in quotes, or --spec FILE.', 'generate');
    const seed = integerFlag('generate', 'seed', values.seed, 0, 4294967295);

    let spec: WorldSpec;
    let explanation: Explanation | undefined;
    if (values.spec) {
      const raw = await readSpecFile(values.spec);
      spec = parseWorldSpec(seed === undefined ? raw : { ...(raw as object), seed }, { source: values.spec });
    } else {
      const interpretation = interpretPrompt(positionals.join(' '), { seed });
      spec = interpretation.spec;
      explanation = interpretation.explanation;
    }
    await generateToDirectory(
      {
        spec,
        outDir: values.out,
        explanation,
        preview: !values['no-preview'],
        json: values.json === true,
        compress: !values['no-compress'],
        chunks: values.chunks === true,
        textures: !values['no-textures'],
      },
      io,
    );
    return 0;
  },
};

async function readSpecFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the spec file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, 'generate');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SpecError([{ path: '', value: undefined, problem: `not valid JSON (${(error as Error).message})`, allowed: 'a JSON object' }], {
      source: path,
    });
  }
}
