/**
 * `npm run train -- ARGS` and `npm run export-model -- ARGS`: runs models/training/train.py or
 * export.py with the Python findTorchPython picks, forwarding the arguments, the output and the
 * exit code. The repository root goes on PYTHONPATH, so paths in ARGS stay relative to the caller.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTorchPython } from './find-python.ts';

const MODULES: Record<string, string> = { train: 'models.training.train', export: 'models.training.export' };
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function pythonModuleCommand(python: string, job: string, args: string[]): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  const module = MODULES[job];
  if (!module) throw new Error(`run-python: unknown job "${job}" (train or export)`);
  const path = process.env.PYTHONPATH ? `${ROOT}:${process.env.PYTHONPATH}` : ROOT;
  return { command: python, args: ['-m', module, ...args], env: { ...process.env, PYTHONPATH: path, PYTHONUNBUFFERED: '1' } };
}

async function main(): Promise<number> {
  const [job, ...args] = process.argv.slice(2);
  if (!job || !MODULES[job]) {
    process.stderr.write('usage: tsx models/training/run-python.ts train|export [ARGS]\n');
    return 2;
  }
  const found = findTorchPython();
  if (!found.found) {
    process.stderr.write(`${found.reason}\n`);
    return 1;
  }
  const run = pythonModuleCommand(found.python, job, args);
  const child = spawn(run.command, run.args, { stdio: 'inherit', env: run.env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolveCode) => {
    child.on('error', (error) => {
      process.stderr.write(`run-python: cannot start ${found.python}: ${error.message}\n`);
      resolveCode(1);
    });
    child.on('close', (code, signal) => resolveCode(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code));
}
