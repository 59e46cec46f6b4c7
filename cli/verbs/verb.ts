/** A CLI verb: its name, one-line summary, full help with an example, and what it does. */
export interface Verb {
  name: string;
  summary: string;
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Where a verb writes: stdout for results, stderr for progress and messages. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  stderr: NodeJS.WriteStream;
  signal: AbortSignal;
}
