/**
 * The wire contract between `worldsmith serve` and game clients (the server in runtime/, the client
 * library beside this file, the load test). Plain data and two pure functions; no Node and no DOM,
 * so it bundles into a browser page as is.
 *
 * Joining: HTTP `POST /api/tokens {worldId}` (or `{prompt, seed}`) → `{token, expiresAt, worldId}`; then a Colyseus join of the room
 * `world` with `JoinOptions` (the room for that world is found or created).
 *
 * Client → server (Colyseus messages):
 *   'action'  { seq, action: [forward, strafe, turn, look] }  held until the next one; seq rises
 * Server → client:
 *   'hello'   HelloMessage, once after joining
 *   'frame'   bytes: a FRAME_HEADER_BYTES header (decodeFrameHeader) then the JPEG or WebP image
 *   'notice'  NoticeMessage: shutting down, quality changed, cut off (and why)
 *   state     WorldRoomState (Colyseus schema): every player's pose, so games can draw the others
 */

export const WORLD_ROOM = 'world';
export const PROTOCOL_VERSION = 1;

export type FrameFormat = 'jpeg' | 'webp';
export type FrameSource = 'model' | 'render';

export interface JoinOptions {
  worldId: string;
  /** From `POST /api/tokens`: signed, expiring, bound to worldId. */
  token: string;
  /** Frames per second wanted (1…the room's tick rate, 20 by default). */
  fps?: number;
  format?: FrameFormat;
  /** Starting image quality 1…100 (the server lowers it under load and raises it back). */
  quality?: number;
  /** Shown to other players. */
  name?: string;
  /** Force the room's frame source (rooms are per world and, when asked, per source); default: the server's choice. */
  source?: FrameSource;
}

export interface ActionMessage {
  /** Rises by one (or more) with every message; echoed in frame headers as `lastActionSeq`. */
  seq: number;
  /** [forward, strafe, turn, look], each −1…1 (clamped). */
  action: [number, number, number, number];
}

export interface HelloMessage {
  protocol: number;
  worldId: string;
  sessionId: string;
  source: FrameSource;
  width: number;
  height: number;
  /** The simulation's ticks per second: the pose moves, and the model steps, at this rate. */
  tickRate: number;
  /** Frames per second this client is sent at most. */
  fps: number;
  format: FrameFormat;
  /** The world's spawn, as the first pose: [x, y, z, yaw, pitch] (eye, glTF metres, radians). */
  pose: [number, number, number, number, number];
  /** Where the world's chunk index is, for games that stream geometry instead of frames. */
  chunksUrl: string;
  worldUrl: string;
}

export type NoticeKind = 'shutdown' | 'quality' | 'kicked' | 'warning';

export interface NoticeMessage {
  kind: NoticeKind;
  message: string;
  /** For 'shutdown': try again after this many milliseconds. */
  retryAfterMs?: number;
  /** For 'quality': the quality and size now used. */
  quality?: number;
}

/** Frame header flags. */
export const FRAME_FLAGS = {
  /** Drawn by the world model (else by the renderer). */
  model: 1,
  /** The model was re-anchored on a rendered frame at this frame. */
  anchored: 2,
  /** Sent at reduced quality or rate because the server or the link is overloaded. */
  degraded: 4,
} as const;

export const FRAME_MAGIC = 0x31465357; // 'WSF1' little-endian
export const FRAME_HEADER_BYTES = 48;
/** `lastActionSeq` before any action arrived. */
export const NO_ACTION = 0xffffffff;

export interface FrameHeader {
  version: number;
  format: FrameFormat;
  width: number;
  height: number;
  flags: number;
  /** Frames sent to this client so far, counting this one (1, 2, …). */
  frameSeq: number;
  /** The simulation tick the frame shows. */
  tick: number;
  /** The last action message applied before this frame (NO_ACTION: none yet). */
  lastActionSeq: number;
  /** Image quality 1…100 used. */
  quality: number;
  /** The eye the frame is seen from: glTF metres and radians. */
  pose: [number, number, number, number, number];
}

const FORMAT_CODES: Record<FrameFormat, number> = { jpeg: 1, webp: 2 };

/**
 * Layout, little-endian: u32 magic · u8 version · u8 format (1 JPEG, 2 WebP) · u16 width ·
 * u16 height · u16 flags · u32 frameSeq · u32 tick · u32 lastActionSeq · u8 quality · 3 bytes
 * reserved · f32 × 5 pose · 4 bytes reserved — 48 bytes, then the image.
 */
export function encodeFrameHeader(h: FrameHeader, out = new Uint8Array(FRAME_HEADER_BYTES)): Uint8Array {
  const v = new DataView(out.buffer, out.byteOffset, FRAME_HEADER_BYTES);
  v.setUint32(0, FRAME_MAGIC, true);
  v.setUint8(4, h.version);
  v.setUint8(5, FORMAT_CODES[h.format]);
  v.setUint16(6, h.width, true);
  v.setUint16(8, h.height, true);
  v.setUint16(10, h.flags, true);
  v.setUint32(12, h.frameSeq >>> 0, true);
  v.setUint32(16, h.tick >>> 0, true);
  v.setUint32(20, h.lastActionSeq >>> 0, true);
  v.setUint8(24, h.quality);
  for (let i = 0; i < 5; i++) v.setFloat32(28 + 4 * i, h.pose[i], true);
  return out;
}

/** The header of a frame message, or an Error naming what is wrong. */
export function decodeFrameHeader(bytes: Uint8Array): FrameHeader {
  if (bytes.byteLength < FRAME_HEADER_BYTES) throw new Error(`A frame message is at least ${FRAME_HEADER_BYTES} bytes; got ${bytes.byteLength}.`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, FRAME_HEADER_BYTES);
  if (v.getUint32(0, true) !== FRAME_MAGIC) throw new Error('Not a Worldsmith frame (bad magic): is the server a Worldsmith stream server?');
  const version = v.getUint8(4);
  if (version !== PROTOCOL_VERSION) throw new Error(`Frame protocol version ${version}; this client speaks ${PROTOCOL_VERSION}. Update the client library.`);
  const code = v.getUint8(5);
  const format = code === 1 ? 'jpeg' : code === 2 ? 'webp' : null;
  if (!format) throw new Error(`Unknown frame format code ${code}.`);
  const pose = [0, 1, 2, 3, 4].map((i) => v.getFloat32(28 + 4 * i, true)) as FrameHeader['pose'];
  return {
    version,
    format,
    width: v.getUint16(6, true),
    height: v.getUint16(8, true),
    flags: v.getUint16(10, true),
    frameSeq: v.getUint32(12, true),
    tick: v.getUint32(16, true),
    lastActionSeq: v.getUint32(20, true),
    quality: v.getUint8(24),
    pose,
  };
}

/** The image bytes after the header. */
export function frameImage(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(FRAME_HEADER_BYTES);
}
