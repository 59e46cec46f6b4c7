/**
 * `worldsmith <verb> …`: parses the verb, runs it, and turns errors into a message and an exit
 * code (2 for bad input, 1 for failures, 130 when interrupted). Holds no logic of its own.
 */
import { WorldsmithError } from '../generators/worldsmith-error.ts';
import { WORLDSMITH_VERSION } from '../generators/version.ts';
import { UsageError } from './usage-error.ts';
import { cutsceneVerb } from './verbs/cutscene.ts';
import { datasetVerb } from './verbs/dataset.ts';
import { datasetSplitVerb } from './verbs/dataset-split.ts';
import { demoVerb } from './verbs/demo.ts';
import { evalModelVerb } from './verbs/eval-model.ts';
import { generateVerb } from './verbs/generate.ts';
import { interpretVerb } from './verbs/interpret.ts';
import { planVerb } from './verbs/plan.ts';
import { renderVerb } from './verbs/render.ts';
import { schemaVerb } from './verbs/schema.ts';
import { serveVerb } from './verbs/serve.ts';
import { textureVerb } from './verbs/texture.ts';
import { validateVerb } from './verbs/validate.ts';
import type { CliIo, Verb } from './verbs/verb.ts';

const VERBS: Verb[] = [demoVerb, interpretVerb, generateVerb, textureVerb, renderVerb, planVerb, cutsceneVerb, datasetVerb, datasetSplitVerb, evalModelVerb, serveVerb, validateVerb, schemaVerb];

const INPUT_ERRORS = new Set(['USAGE', 'SPEC_INVALID', 'TEXTURE_DESCRIPTION', 'TEXTURE_SIZE', 'TEXTURE_FORMAT', 'RENDER_INPUT', 'PLAN_UNKNOWN_SUBJECT', 'PLAN_CAMERA_BLOCKED', 'PLAN_NO_PATH', 'PLAN_WORLD_MISMATCH', 'PLAN_OPTIONS', 'DATASET_INPUT', 'DATASET_FORMAT', 'DATASET_MISSING', 'MODEL_CARD', 'MODEL_MISMATCH', 'MODEL_LOAD', 'MODEL_INPUT', 'MODEL_DATASET']);

export function topLevelHelp(): string {
  const width = Math.max(...VERBS.map((v) => v.name.length));
  return `Worldsmith ${WORLDSMITH_VERSION}: a sentence becomes a game-ready world.

Usage: worldsmith <verb> [arguments] [--help]

Verbs:
${VERBS.map((v) => `  ${v.name.padEnd(width)}  ${v.summary}`).join('\n')}

Example:
  worldsmith generate "dense temperate forest on rolling hills with a lake" --seed 7 --out out/forest
`;
}

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [verbName, ...rest] = argv;
  if (verbName === undefined || verbName === '--help' || verbName === '-h' || verbName === 'help') {
    io.out(topLevelHelp());
    return verbName === undefined ? 2 : 0;
  }
  if (verbName === '--version') {
    io.out(`${WORLDSMITH_VERSION}\n`);
    return 0;
  }
  const verb = VERBS.find((v) => v.name === verbName);
  try {
    if (!verb) throw new UsageError(`Unknown verb "${verbName}". Verbs: ${VERBS.map((v) => v.name).join(', ')}.`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`${verb.help}\n`);
      return 0;
    }
    return await verb.run(rest, io);
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CliIo): number {
  if (io.signal.aborted) {
    io.err('worldsmith: interrupted; nothing was written.\n');
    return 130;
  }
  if (error instanceof WorldsmithError) {
    io.err(`worldsmith: ${error.message}\n`);
    if (error.code === 'CANCELLED') return 130;
    return INPUT_ERRORS.has(error.code) || error.name === 'PromptError' || error.name === 'StoryboardError' ? 2 : 1;
  }
  io.err(`worldsmith: unexpected error (a bug — please report it): ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}

function processIo(): CliIo {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort(new Error('SIGINT')));
  process.once('SIGTERM', () => controller.abort(new Error('SIGTERM')));
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stderr: process.stderr,
    signal: controller.signal,
  };
}
