/**
 * The `echo` room: the floor under the `world` room in the load test. It makes no frames — on the
 * same 20 Hz simulation interval it sends every client a pre-made binary 'frame' message of the
 * size a real frame has (the 48-byte header from encodeFrameHeader, echoing the last action seq
 * received, then filler bytes standing in for the JPEG), so what it costs is Colyseus plus the
 * WebSocket and nothing else. Not registered by startStreamServer: the load test defines it with
 * `server.colyseus.define(ECHO_ROOM, EchoRoom)`.
 *
 * Join options: `size` (64 or 128, written in the header), `frameBytes` (the image's byte size,
 * measured from the real stream; default a typical JPEG at that size). Actions are the world
 * room's { seq, action } messages; only the seq is kept.
 */
import { Room, type Client } from '@colyseus/core';
import { encodeFrameHeader, FRAME_FLAGS, FRAME_HEADER_BYTES, NO_ACTION, PROTOCOL_VERSION } from '../../engine-bridge/stream-client/stream-protocol.ts';

export const ECHO_ROOM = 'echo';
export const ECHO_TICK_RATE = 20;
/**
 * Typical JPEG sizes of the model's frames, by frame size: the image bytes per frame the load test
 * received from the `world` room on 2026-12-06 (658 and 1,480 bytes a message, less the header).
 * The load test passes its own measurement as `frameBytes`; these are for other callers.
 */
export const ECHO_DEFAULT_IMAGE_BYTES: Record<number, number> = { 64: 610, 128: 1430 };
const MAX_IMAGE_BYTES = 256 * 1024;

interface EchoClient {
  client: Client;
  size: number;
  /** Header then filler, reused: Colyseus copies it into its own message buffer on send. */
  message: Uint8Array<ArrayBuffer>;
  frameSeq: number;
  lastActionSeq: number;
}

export class EchoRoom extends Room {
  private clients_ = new Map<string, EchoClient>();
  private tick = 0;

  override onCreate() {
    this.maxClients = 64;
    this.onMessage('action', (client, message: unknown) => {
      const c = this.clients_.get(client.sessionId);
      const seq = (message as { seq?: unknown } | null)?.seq;
      if (c && typeof seq === 'number' && Number.isInteger(seq) && seq > c.lastActionSeq) c.lastActionSeq = seq;
    });
    this.setSimulationInterval(() => this.onTick(), 1000 / ECHO_TICK_RATE);
  }

  override onJoin(client: Client, options: { size?: unknown; frameBytes?: unknown } | undefined) {
    const size = options?.size === 128 ? 128 : 64;
    const asked = options?.frameBytes;
    const imageBytes = typeof asked === 'number' && Number.isFinite(asked) ? Math.max(0, Math.min(MAX_IMAGE_BYTES, Math.round(asked))) : ECHO_DEFAULT_IMAGE_BYTES[size];
    const message = new Uint8Array(FRAME_HEADER_BYTES + imageBytes);
    // Filler that looks like nothing compressible; fixed, so every run sends the same bytes.
    for (let i = FRAME_HEADER_BYTES; i < message.length; i++) message[i] = (i * 131 + 17) & 0xff;
    this.clients_.set(client.sessionId, { client, size, message, frameSeq: 0, lastActionSeq: -1 });
  }

  override onLeave(client: Client) {
    this.clients_.delete(client.sessionId);
  }

  private onTick() {
    this.tick++;
    for (const c of this.clients_.values()) {
      c.frameSeq++;
      encodeFrameHeader(
        {
          version: PROTOCOL_VERSION,
          format: 'jpeg',
          width: c.size,
          height: c.size,
          flags: FRAME_FLAGS.model,
          frameSeq: c.frameSeq,
          tick: this.tick,
          lastActionSeq: c.lastActionSeq < 0 ? NO_ACTION : c.lastActionSeq,
          quality: 75,
          pose: [0, 0, 0, 0, 0],
        },
        c.message,
      );
      c.client.sendBytes('frame', c.message);
    }
  }
}
