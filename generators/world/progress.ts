/** Typed progress for long work: which stage, how far, and how long it has run. */
import { throwIfAborted } from '../worldsmith-error.ts';

export interface ProgressEvent {
  stage: string;
  done: number;
  total: number;
  /** Milliseconds since the stage started. */
  ms: number;
  /** Set on the one event that ends the stage. */
  finished?: true;
}

export type ProgressListener = (event: ProgressEvent) => void;

/** A monotonic clock in milliseconds. Injected so generation code never reads the wall clock. */
export type Clock = () => number;

export const defaultClock: Clock = () => performance.now();

/** Runs named stages in order, reporting start, progress and end of each, checking for abort. */
export class StageRunner {
  readonly timings: Record<string, number> = {};

  constructor(
    private readonly listener: ProgressListener | undefined,
    private readonly clock: Clock,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Runs a stage, then yields to the event loop so signals and other work get a turn. */
  async step<T>(stage: string, work: (report: (done: number, total: number) => void) => T | Promise<T>): Promise<T> {
    const result = await this.run(stage, work);
    await new Promise<void>((resolve) => setImmediate(resolve));
    return result;
  }

  async run<T>(stage: string, work: (report: (done: number, total: number) => void) => T | Promise<T>): Promise<T> {
    throwIfAborted(this.signal, stage);
    const start = this.clock();
    this.listener?.({ stage, done: 0, total: 1, ms: 0 });
    const report = (done: number, total: number) => {
      throwIfAborted(this.signal, stage);
      this.listener?.({ stage, done, total, ms: this.clock() - start });
    };
    const result = await work(report);
    const ms = this.clock() - start;
    this.timings[stage] = ms;
    this.listener?.({ stage, done: 1, total: 1, ms, finished: true });
    return result;
  }
}
