/**
 * When a client sends its action: at once when it changed (but no more often than `maxHz`, so a
 * mouse that changes the action every pointer event does not flood the server: the newest action
 * waits for the next slot), and again unchanged every `keepAliveMs` as a keep-alive. Each message
 * gets the next sequence number. Pure: the caller passes the clock and sends what `poll` returns.
 */
import type { ActionMessage } from './stream-protocol.ts';

export type ActionVector = ActionMessage['action'];

export interface ActionPacerOptions {
  /** Sends per second at most (default 20, the server's tick rate). */
  maxHz?: number;
  /** Re-send an unchanged action this often (default 1000 ms; 0: never). */
  keepAliveMs?: number;
  /** The first seq sent is this plus one (default 0). */
  startSeq?: number;
}

export interface ActionPacer {
  /** The action wanted from now on (clamped to −1…1). */
  set(action: readonly number[]): void;
  /** The message to send now, if any; call it often (every frame or every 1000/maxHz ms). */
  poll(nowMs: number): ActionMessage | null;
  /** Send the current action at the next poll whatever the pacing (after a reconnect). */
  resendNow(): void;
  readonly action: ActionVector;
  /** The seq of the last message handed out (startSeq before any). */
  readonly lastSeq: number;
}

const clamp1 = (v: number) => (Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0);

export function createActionPacer(options: ActionPacerOptions = {}): ActionPacer {
  const minIntervalMs = 1000 / (options.maxHz ?? 20);
  const keepAliveMs = options.keepAliveMs ?? 1000;
  let seq = options.startSeq ?? 0;
  let action: ActionVector = [0, 0, 0, 0];
  let sentAction: ActionVector | null = null;
  let lastSentAt = -Infinity;
  let forced = false;

  return {
    set(next) {
      action = [clamp1(next[0] ?? 0), clamp1(next[1] ?? 0), clamp1(next[2] ?? 0), clamp1(next[3] ?? 0)];
    },
    poll(nowMs) {
      const changed = sentAction === null || action.some((v, i) => v !== sentAction![i]);
      const due = forced || (changed && nowMs - lastSentAt >= minIntervalMs) || (keepAliveMs > 0 && nowMs - lastSentAt >= keepAliveMs);
      if (!due) return null;
      forced = false;
      lastSentAt = nowMs;
      sentAction = [...action];
      return { seq: ++seq, action: [...action] };
    },
    resendNow() {
      forced = true;
    },
    get action() {
      return [...action] as ActionVector;
    },
    get lastSeq() {
      return seq;
    },
  };
}
