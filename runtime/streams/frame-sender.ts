/**
 * One client's outgoing frames: rate, backpressure and quality, never a queue.
 *
 *   offer(frame) ─▶ not due yet (the client's fps)? skip ─▶ link backed up (socket buffer over
 *   `maxBufferedBytes`)? drop, lower quality ─▶ encoding one already? keep only the newest ─▶
 *   encode (sharp, off the event loop) ─▶ header + image, one binary message
 *
 * At most one frame is being encoded and one waiting per client, whatever the client does: a
 * client that stops reading costs a bounded buffer, then gets nothing until it drains. Quality
 * steps down on backpressure and under server load, and climbs back after clean sends.
 */
import sharp from 'sharp';
import { encodeFrameHeader, FRAME_FLAGS, FRAME_HEADER_BYTES, NO_ACTION, PROTOCOL_VERSION, type FrameFormat } from '../../engine-bridge/stream-client/stream-protocol.ts';
import type { EyePose } from '../../models/dataset/action-space.ts';

export interface OutgoingFrame {
  rgb: Uint8Array;
  width: number;
  height: number;
  flags: number;
  tick: number;
  pose: EyePose;
  lastActionSeq: number;
}

export interface FrameSenderOptions {
  /** Frames per second wanted, at most `tickRate`. */
  fps: number;
  /** Frames offered per second (one per simulation tick). */
  tickRate: number;
  format: FrameFormat;
  quality: number;
  /** Bytes the socket may hold unsent before frames are dropped (default 256 KiB). */
  maxBufferedBytes?: number;
  /** The socket's unsent bytes now. */
  bufferedBytes: () => number;
  /** Sends one binary frame message. */
  send: (bytes: Uint8Array) => void;
  now?: () => number;
  onSent?: (info: { bytes: number; encodeMs: number; frame: OutgoingFrame; sentAt: number }) => void;
  onDropped?: (reason: 'backpressure' | 'superseded') => void;
  onQuality?: (quality: number) => void;
}

export const SENDER_DEFAULTS = { maxBufferedBytes: 256 * 1024, minQuality: 25, qualityStep: 10, recoverAfter: 40 };

export interface FrameSender {
  offer(frame: OutgoingFrame, serverOverloaded: boolean): void;
  readonly quality: number;
  readonly sent: number;
  readonly dropped: number;
  /** Stops sending; a frame being encoded is thrown away. */
  close(): void;
}

export function createFrameSender(o: FrameSenderOptions): FrameSender {
  const now = o.now ?? (() => performance.now());
  const maxBuffered = o.maxBufferedBytes ?? SENDER_DEFAULTS.maxBufferedBytes;
  const share = Math.min(1, o.fps / o.tickRate);
  let credit = 1;
  const wanted = o.quality;
  let quality = o.quality;
  let encoding = false;
  let waiting: { frame: OutgoingFrame; overloaded: boolean } | null = null;
  let clean = 0;
  let sent = 0;
  let dropped = 0;
  let closed = false;
  let frameSeq = 0;

  const setQuality = (q: number) => {
    if (q === quality) return;
    quality = q;
    o.onQuality?.(q);
  };

  const encode = async (frame: OutgoingFrame, overloaded: boolean) => {
    encoding = true;
    const started = now();
    const q = overloaded ? Math.min(quality, Math.max(SENDER_DEFAULTS.minQuality, wanted - 2 * SENDER_DEFAULTS.qualityStep)) : quality;
    try {
      const image = sharp(frame.rgb, { raw: { width: frame.width, height: frame.height, channels: 3 } });
      const body = o.format === 'webp' ? await image.webp({ quality: q, effort: 0 }).toBuffer() : await image.jpeg({ quality: q, chromaSubsampling: '4:2:0' }).toBuffer();
      if (closed) return;
      const message = new Uint8Array(FRAME_HEADER_BYTES + body.length);
      frameSeq++;
      encodeFrameHeader(
        {
          version: PROTOCOL_VERSION,
          format: o.format,
          width: frame.width,
          height: frame.height,
          flags: frame.flags | (overloaded || q < wanted ? FRAME_FLAGS.degraded : 0),
          frameSeq,
          tick: frame.tick,
          lastActionSeq: frame.lastActionSeq === -1 ? NO_ACTION : frame.lastActionSeq,
          quality: q,
          pose: [frame.pose.x, frame.pose.y, frame.pose.z, frame.pose.yaw, frame.pose.pitch],
        },
        message,
      );
      message.set(body, FRAME_HEADER_BYTES);
      const encodeMs = now() - started;
      o.send(message);
      sent++;
      o.onSent?.({ bytes: message.length, encodeMs, frame, sentAt: now() });
      if (++clean >= SENDER_DEFAULTS.recoverAfter && quality < wanted) {
        clean = 0;
        setQuality(Math.min(wanted, quality + SENDER_DEFAULTS.qualityStep / 2));
      }
    } finally {
      encoding = false;
      const next = waiting;
      waiting = null;
      if (next && !closed) offer(next.frame, next.overloaded);
    }
  };

  const offer = (frame: OutgoingFrame, overloaded: boolean) => {
    if (closed) return;
    // Each tick's frame earns the client its share of a frame; a whole one is sent.
    credit = Math.min(1, credit + share);
    if (credit < 1 - 1e-9) return;
    credit -= 1;
    if (o.bufferedBytes() > maxBuffered) {
      dropped++;
      clean = 0;
      o.onDropped?.('backpressure');
      setQuality(Math.max(SENDER_DEFAULTS.minQuality, quality - SENDER_DEFAULTS.qualityStep));
      return;
    }
    if (encoding) {
      if (waiting) {
        dropped++;
        o.onDropped?.('superseded');
      }
      waiting = { frame, overloaded };
      return;
    }
    void encode(frame, overloaded).catch(() => {
      dropped++;
    });
  };

  return {
    offer,
    get quality() {
      return quality;
    },
    get sent() {
      return sent;
    },
    get dropped() {
      return dropped;
    },
    close() {
      closed = true;
      waiting = null;
    },
  };
}
