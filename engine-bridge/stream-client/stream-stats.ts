/**
 * A stream's numbers as the player feels them: action-to-frame latency (from sending action seq N
 * to the first frame whose header's `lastActionSeq` is N or later; last, p50 and p99 over the last
 * `window` actions) and frames received per second (over the last second). Pure: the caller passes
 * the clock.
 */
import { NO_ACTION } from './stream-protocol.ts';

export interface LatencyStats {
  /** Milliseconds; null until a first action was acknowledged. */
  lastMs: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  /** Acknowledged actions in the window. */
  samples: number;
}

export interface StreamStats {
  actionSent(seq: number, atMs: number): void;
  frameReceived(lastActionSeq: number, atMs: number): void;
  /** Forget actions in flight (after a reconnect: the new session never acknowledges them). */
  forgetPending(): void;
  latency(): LatencyStats;
  /** Frames received in the last second (as of the last frame or `nowMs`). */
  fps(nowMs?: number): number;
  readonly framesReceived: number;
}

/** The q-quantile (0…1) of numbers, nearest rank; null for none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export function createStreamStats(options: { window?: number } = {}): StreamStats {
  const window = options.window ?? 100;
  const pending: Array<{ seq: number; at: number }> = [];
  const samples: number[] = [];
  const frameTimes: number[] = [];
  let framesReceived = 0;
  let lastMs: number | null = null;
  let lastFrameAt = 0;

  const dropOldFrames = (now: number) => {
    while (frameTimes.length > 0 && frameTimes[0] <= now - 1000) frameTimes.shift();
  };

  return {
    actionSent(seq, atMs) {
      pending.push({ seq, at: atMs });
      // A server that never answers must not grow this without bound.
      if (pending.length > 1000) pending.shift();
    },
    frameReceived(lastActionSeq, atMs) {
      framesReceived++;
      lastFrameAt = atMs;
      frameTimes.push(atMs);
      dropOldFrames(atMs);
      if (lastActionSeq === NO_ACTION) return;
      while (pending.length > 0 && pending[0].seq <= lastActionSeq) {
        lastMs = atMs - pending.shift()!.at;
        samples.push(lastMs);
        if (samples.length > window) samples.shift();
      }
    },
    forgetPending() {
      pending.length = 0;
    },
    latency() {
      return { lastMs, p50Ms: quantile(samples, 0.5), p99Ms: quantile(samples, 0.99), samples: samples.length };
    },
    fps(nowMs = lastFrameAt) {
      dropOldFrames(nowMs);
      return frameTimes.length;
    },
    get framesReceived() {
      return framesReceived;
    },
  };
}
