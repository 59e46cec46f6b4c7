/**
 * What every `world` room in this process shares: the world catalog, the token issuer, the world
 * model, the renderer factory, the metrics and the limits. Colyseus constructs rooms itself (and,
 * scaled out, from options that crossed Redis as JSON), so the context is set once per process
 * here rather than passed through room options.
 */
import type { LiveRenderer, LiveRendererOptions } from '../../engine-bridge/render/live-renderer.ts';
import type { FrameSource as FrameSourceKind } from '../../engine-bridge/stream-client/stream-protocol.ts';
import type { WorldModel } from '../../models/inference/world-model.ts';
import type { TokenIssuer } from '../auth/join-token.ts';
import type { StreamMetrics } from '../metrics/metrics.ts';
import { ServerError } from '../server-error.ts';
import type { WorldCatalog } from '../worlds/world-catalog.ts';

export interface StreamLimits {
  /** World rooms in this process. */
  maxRooms: number;
  clientsPerRoom: number;
  /** Streams in this process, all rooms together (its capacity). */
  maxStreams: number;
  /** Messages a client may send per second (a burst of twice this is allowed). */
  messagesPerSecond: number;
  /** Malformed or unknown messages a client may send before it is cut off. */
  maxBadMessages: number;
}

export const STREAM_LIMIT_DEFAULTS: StreamLimits = { maxRooms: 16, clientsPerRoom: 16, maxStreams: 32, messagesPerSecond: 60, maxBadMessages: 50 };

export interface StreamSettings {
  /** Simulation ticks per second (the model's fps: 20). */
  tickRate: number;
  /** 'auto': the model for the worlds it was trained on, the renderer for the others. */
  source: FrameSourceKind | 'auto';
  /** Frame sizes a client may ask for (square). */
  sizes: readonly number[];
  defaultSize: number;
  /** Re-anchor each model stream on a rendered frame at most this often, in ticks (0: never). */
  anchorEveryTicks: number;
  /** Rendered anchors per second per room, all its model streams together (the renderer's CPU budget). */
  anchorsPerSecond: number;
  /** A batch slower than this share of a tick marks the room overloaded (lower quality). */
  budgetShare: number;
}

export const STREAM_SETTING_DEFAULTS: StreamSettings = { tickRate: 20, source: 'auto', sizes: [64, 128], defaultSize: 64, anchorEveryTicks: 10, anchorsPerSecond: 4, budgetShare: 0.8 };

export interface RoomContext {
  catalog: WorldCatalog;
  tokens: TokenIssuer;
  metrics: StreamMetrics;
  /** The world model, loaded on first use; null when the server runs without one. */
  model: () => Promise<WorldModel | null>;
  openRenderer: (glb: Uint8Array, options: LiveRendererOptions) => Promise<LiveRenderer>;
  limits: StreamLimits;
  settings: StreamSettings;
  /** Streams open now, all rooms (the capacity check). */
  streams: number;
  rooms: number;
  /** True once shutdown began: no new rooms or joins. */
  draining: boolean;
}

let current: RoomContext | null = null;

export function setRoomContext(context: RoomContext | null): void {
  current = context;
}

export function roomContext(): RoomContext {
  if (!current) throw new ServerError('SERVER', 'No stream server context in this process: start rooms through startStreamServer.');
  return current;
}
