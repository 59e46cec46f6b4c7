/**
 * Everything a client sends, checked before the room uses it: join options and action messages.
 * Bad join options are refused with a message naming the field; a bad action message is dropped
 * and counted (the caller cuts a client off after too many). Nothing a client sends is ever a path
 * or reaches the file system.
 */
import { clampAction, type Action } from '../../models/dataset/action-space.ts';
import type { FrameFormat } from '../../engine-bridge/stream-client/stream-protocol.ts';
import { ServerError } from '../server-error.ts';

export interface StreamChoice {
  fps: number;
  format: FrameFormat;
  quality: number;
  size: number;
  name: string;
}

export function readJoinOptions(options: unknown, allowed: { tickRate: number; sizes: readonly number[]; defaultSize: number }): StreamChoice {
  const o = (options && typeof options === 'object' ? options : {}) as Record<string, unknown>;
  const refuse = (message: string): never => {
    throw new ServerError('REQUEST', message);
  };
  const fps = o.fps === undefined ? allowed.tickRate : o.fps;
  if (typeof fps !== 'number' || !Number.isFinite(fps) || fps < 1 || fps > allowed.tickRate) refuse(`Join option "fps" is ${JSON.stringify(fps)}; give frames per second from 1 to ${allowed.tickRate} (the room's tick rate).`);
  const format = o.format ?? 'jpeg';
  if (format !== 'jpeg' && format !== 'webp') refuse(`Join option "format" is ${JSON.stringify(format)}; give "jpeg" or "webp".`);
  const quality = o.quality ?? 75;
  if (typeof quality !== 'number' || !Number.isInteger(quality) || quality < 1 || quality > 100) refuse(`Join option "quality" is ${JSON.stringify(quality)}; give a whole number from 1 to 100.`);
  const size = o.size ?? allowed.defaultSize;
  if (typeof size !== 'number' || !allowed.sizes.includes(size)) refuse(`Join option "size" is ${JSON.stringify(size)}; this server streams ${allowed.sizes.join(' or ')} pixels square.`);
  const rawName = o.name ?? '';
  if (typeof rawName !== 'string') refuse('Join option "name" must be text.');
  // Printable, short: it is shown to other players.
  const name = (rawName as string).replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, 32);
  return { fps: fps as number, format: format as FrameFormat, quality: quality as number, size: size as number, name };
}

export type ActionCheck = { ok: true; seq: number; action: Action } | { ok: false; reason: 'malformed' | 'stale' };

/** An action message: `{seq, action: [4 numbers]}`, seq a whole number above the last one. */
export function readActionMessage(message: unknown, lastSeq: number): ActionCheck {
  if (!message || typeof message !== 'object' || Array.isArray(message)) return { ok: false, reason: 'malformed' };
  const { seq, action } = message as { seq?: unknown; action?: unknown };
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0 || seq >= 0xffffffff) return { ok: false, reason: 'malformed' };
  if (!Array.isArray(action) || action.length !== 4 || !action.every((v) => typeof v === 'number' && Number.isFinite(v))) return { ok: false, reason: 'malformed' };
  if (seq <= lastSeq) return { ok: false, reason: 'stale' };
  return { ok: true, seq, action: clampAction(action as number[]) };
}

/** A token bucket: `rate` per second, bursts of `burst`. */
export function createRateLimiter(rate: number, burst: number, now: () => number = () => performance.now()) {
  let tokens = burst;
  let last = now();
  return {
    take(): boolean {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * rate);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
