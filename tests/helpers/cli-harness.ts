/** Runs the CLI in this process with captured output, and makes scratch directories. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/main.ts';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function cli(args: string[], signal: AbortSignal = new AbortController().signal): Promise<CliResult> {
  let out = '';
  let err = '';
  const stderr = { isTTY: false, write: (text: string) => ((err += text), true) } as unknown as NodeJS.WriteStream;
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), stderr, signal });
  return { code, out, err };
}

export async function scratchDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'worldsmith-test-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
