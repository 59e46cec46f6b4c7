/**
 * ffmpeg and ffprobe as child processes: stdin for piping frames, stdout collected, the last lines
 * of stderr kept for the error message, killed on abort. A failure is a RenderError
 * (`RENDER_ENCODE`) that names the tool, what it was doing and ends with ffmpeg's own last lines.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { CancelledError } from '../../generators/worldsmith-error.ts';
import { RenderError } from '../render/render-error.ts';

export interface ToolProcess {
  stdin: Writable;
  /** Resolves with stdout when the tool exits 0; rejects with a RenderError (or CancelledError on abort). */
  done: Promise<Buffer>;
  /** Stops the tool now (SIGKILL); `done` then rejects. Safe to call twice. */
  kill(): void;
  /** The last lines the tool wrote to stderr. */
  stderrTail(): string;
}

const TAIL_BYTES = 4096;

export function startTool(binary: string, args: readonly string[], what: string, signal?: AbortSignal): ToolProcess {
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let tail = '';
  const stdout: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES);
  });
  // A tool that exits before reading all its input makes the pipe fail; its exit status says why.
  child.stdin.on('error', () => undefined);
  const stderrTail = () =>
    tail
      .trim()
      .split('\n')
      .slice(-6)
      .join('\n');
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const onAbort = () => kill();
  signal?.addEventListener('abort', onAbort, { once: true });
  const done = new Promise<Buffer>((resolve, reject) => {
    child.once('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new RenderError('RENDER_TOOL', `${binary} could not be started for ${what}: ${error.message}. Install ffmpeg or set WORLDSMITH_FFMPEG.`, { cause: error }));
    });
    child.once('close', (code, exitSignal) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) reject(new CancelledError(what, signal.reason));
      else if (code === 0) resolve(Buffer.concat(stdout));
      else reject(new RenderError('RENDER_ENCODE', `${binary} failed ${what} (${exitSignal ? `killed by ${exitSignal}` : `exit ${code}`}). Its last words:\n${stderrTail() || '(nothing on stderr)'}`));
    });
  });
  // Callers that stop a tool (kill on cleanup) need not await it.
  done.catch(() => undefined);
  return { stdin: child.stdin, done, kill, stderrTail };
}

/** Runs a tool to the end with no input; its stdout. */
export async function runTool(binary: string, args: readonly string[], what: string, signal?: AbortSignal): Promise<Buffer> {
  if (signal?.aborted) throw new CancelledError(what, signal.reason);
  const tool = startTool(binary, args, what, signal);
  tool.stdin.end();
  return tool.done;
}

/** Flags that keep ffmpeg's output free of version strings, dates and other run-to-run noise. */
export const BITEXACT_OUTPUT_FLAGS = ['-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact', '-map_metadata', '-1'];
