/**
 * `connectWorldStream`: a game's connection to `worldsmith serve`, in the browser or in Node.
 * It gets a join token (given, from `getToken`, or from `POST {serverUrl}/api/tokens`), joins the
 * world's Colyseus room with @colyseus/sdk, and then:
 *   - hands every frame to `onFrame(header, imageBytes)`, and the hello, notices and players
 *     (from the room state) to their listeners;
 *   - sends the action set with `setAction` (paced by action-pacer.ts: when it changes, at most
 *     20 times a second, and once a second unchanged as a keep-alive), seq rising across reconnects;
 *   - keeps latency (action sent → first frame acknowledging it) and fps received (stream-stats.ts);
 *   - when the connection drops or the room goes away without `close()`, reconnects with backoff
 *     (250 ms doubling to 8 s; a shutdown notice's retryAfterMs first) with a fresh token and a new
 *     joinOrCreate; status goes 'connecting' → 'streaming' → 'reconnecting' → 'streaming' … 'closed'.
 * The SDK's own reconnection is switched off: the server does not keep seats for dropped players.
 */
import { Client, type Room } from '@colyseus/sdk';
import { createActionPacer, type ActionVector } from './action-pacer.ts';
import { createStreamStats, type LatencyStats } from './stream-stats.ts';
import { decodeFrameHeader, frameImage, WORLD_ROOM, type FrameFormat, type FrameHeader, type HelloMessage, type JoinOptions, type NoticeMessage } from './stream-protocol.ts';

export type StreamStatus = 'connecting' | 'streaming' | 'reconnecting' | 'closed';

/** Another (or this) player as the room state has them. */
export interface PlayerView {
  sessionId: string;
  name: string;
  x: number;
  y: number;
  z: number;
  yaw: number;
  pitch: number;
  /** True for this client's own player. */
  self: boolean;
}

export interface WorldStreamOptions {
  /** http(s)://host:port of the server (its WebSocket is on the same port). */
  serverUrl: string;
  worldId: string;
  /** A join token for the first join; reconnects get a fresh one (getToken or the server's API). */
  token?: string;
  /** Where tokens come from (default: POST {serverUrl}/api/tokens {worldId}). */
  getToken?: (worldId: string) => Promise<string>;
  fps?: number;
  /** Frame size in pixels (square; the server lists the sizes it streams). */
  size?: number;
  format?: FrameFormat;
  quality?: number;
  name?: string;
  /** The Colyseus client class to use (default @colyseus/sdk's). */
  sdk?: { Client: typeof Client };
  reconnect?: { minDelayMs?: number; maxDelayMs?: number; maxAttempts?: number };
  /** Action pacing: sends per second at most and the keep-alive period. */
  actionHz?: number;
  keepAliveMs?: number;
  /** Latency samples kept (default 100). */
  latencyWindow?: number;
}

type Listener<A extends unknown[]> = (...args: A) => void;

export interface WorldStream {
  onFrame(listener: Listener<[FrameHeader, Uint8Array]>): () => void;
  onHello(listener: Listener<[HelloMessage]>): () => void;
  onNotice(listener: Listener<[NoticeMessage]>): () => void;
  onPlayers(listener: Listener<[PlayerView[]]>): () => void;
  onStatus(listener: Listener<[StreamStatus]>): () => void;
  onError(listener: Listener<[Error]>): () => void;
  /** [forward, strafe, turn, look], each −1…1; held until the next call. */
  setAction(action: readonly number[]): void;
  readonly status: StreamStatus;
  /** The last hello (null before the first join). */
  readonly hello: HelloMessage | null;
  readonly latency: LatencyStats;
  /** Frames received in the last second. */
  readonly fps: number;
  readonly framesReceived: number;
  /** Joins so far (1 after the first, 2 after one reconnect, …). */
  readonly joins: number;
  /** The seq of the last action sent. */
  readonly lastActionSeq: number;
  /** The SDK room of the current connection (null between connections). */
  readonly room: Room | null;
  close(): Promise<void>;
}

function createEmitter<A extends unknown[]>() {
  const listeners = new Set<Listener<A>>();
  return {
    add(listener: Listener<A>) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(...args: A) {
      for (const l of [...listeners]) l(...args);
    },
  };
}

/** POST {serverUrl}/api/tokens: the server's own token endpoint (open unless it runs with an API key). */
export async function fetchJoinToken(serverUrl: string, worldId: string): Promise<string> {
  const response = await fetch(`${serverUrl.replace(/\/$/, '')}/api/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ worldId }) });
  const body = (await response.json().catch(() => null)) as { token?: string; error?: { message?: string } } | null;
  if (!response.ok || typeof body?.token !== 'string') throw new Error(`No join token from ${serverUrl}/api/tokens (HTTP ${response.status}): ${body?.error?.message ?? 'no token in the answer'}`);
  return body.token;
}

/** Backoff before reconnect attempt n (1, 2, …): minDelay doubling, capped. Deterministic. */
export function reconnectDelayMs(attempt: number, minDelayMs = 250, maxDelayMs = 8000): number {
  return Math.min(maxDelayMs, minDelayMs * 2 ** Math.max(0, attempt - 1));
}

const ACTION_TICK_MS = 25;

export function connectWorldStream(options: WorldStreamOptions): WorldStream {
  const serverUrl = options.serverUrl.replace(/\/$/, '');
  const ClientClass = options.sdk?.Client ?? Client;
  const getToken = options.getToken ?? ((worldId: string) => fetchJoinToken(serverUrl, worldId));
  const events = {
    frame: createEmitter<[FrameHeader, Uint8Array]>(),
    hello: createEmitter<[HelloMessage]>(),
    notice: createEmitter<[NoticeMessage]>(),
    players: createEmitter<[PlayerView[]]>(),
    status: createEmitter<[StreamStatus]>(),
    error: createEmitter<[Error]>(),
  };
  const pacer = createActionPacer({ maxHz: options.actionHz, keepAliveMs: options.keepAliveMs });
  const stats = createStreamStats({ window: options.latencyWindow });
  const minDelayMs = options.reconnect?.minDelayMs ?? 250;
  const maxDelayMs = options.reconnect?.maxDelayMs ?? 8000;
  const maxAttempts = options.reconnect?.maxAttempts ?? Infinity;

  let status: StreamStatus = 'connecting';
  let hello: HelloMessage | null = null;
  let room: Room | null = null;
  let joins = 0;
  let closed = false;
  let givenToken = options.token;
  let failedAttempts = 0;
  let retryAfterMs: number | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const setStatus = (next: StreamStatus) => {
    if (next === status) return;
    status = next;
    events.status.emit(next);
  };
  const reportError = (error: unknown) => events.error.emit(error instanceof Error ? error : new Error(String(error)));

  const actionTimer = setInterval(() => {
    if (!room || status !== 'streaming') return;
    const message = pacer.poll(performance.now());
    if (!message) return;
    room.send('action', message);
    stats.actionSent(message.seq, performance.now());
  }, ACTION_TICK_MS);

  const emitPlayers = (current: Room) => {
    const players = (current.state as { players?: Map<string, Omit<PlayerView, 'sessionId' | 'self'>> } | undefined)?.players;
    if (!players) return;
    const list: PlayerView[] = [];
    players.forEach((p, sessionId) => list.push({ sessionId, name: p.name, x: p.x, y: p.y, z: p.z, yaw: p.yaw, pitch: p.pitch, self: sessionId === current.sessionId }));
    events.players.emit(list);
  };

  const join = async () => {
    const token = givenToken ?? (await getToken(options.worldId));
    givenToken = undefined;
    const joinOptions: JoinOptions = { worldId: options.worldId, token, fps: options.fps, format: options.format, quality: options.quality, name: options.name };
    for (const key of Object.keys(joinOptions) as Array<keyof JoinOptions>) if (joinOptions[key] === undefined) delete joinOptions[key];
    if (options.size !== undefined) (joinOptions as JoinOptions & { size: number }).size = options.size;
    const client = new ClientClass(serverUrl);
    const joined = await client.joinOrCreate(WORLD_ROOM, joinOptions);
    if (closed) {
      await joined.leave(true).catch(() => undefined);
      return;
    }
    joined.reconnection.enabled = false;
    room = joined;
    joins++;
    failedAttempts = 0;
    stats.forgetPending();
    pacer.resendNow();
    joined.onMessage('hello', (message: HelloMessage) => {
      hello = message;
      setStatus('streaming');
      events.hello.emit(message);
    });
    joined.onMessage('notice', (message: NoticeMessage) => {
      if (message.kind === 'shutdown' && message.retryAfterMs !== undefined) retryAfterMs = message.retryAfterMs;
      events.notice.emit(message);
    });
    joined.onMessage('frame', (bytes: Uint8Array) => {
      let header: FrameHeader;
      try {
        header = decodeFrameHeader(bytes);
      } catch (error) {
        return reportError(error);
      }
      stats.frameReceived(header.lastActionSeq, performance.now());
      events.frame.emit(header, frameImage(bytes));
    });
    joined.onStateChange(() => emitPlayers(joined));
    joined.onLeave((code: number, reason?: string) => {
      if (room === joined) room = null;
      if (closed) return;
      reportError(new Error(`The stream connection closed (code ${code}${reason ? `: ${reason}` : ''}); reconnecting.`));
      scheduleReconnect();
    });
  };

  const attempt = () => {
    retryTimer = null;
    if (closed) return;
    join().catch((error: unknown) => {
      if (closed) return;
      reportError(error);
      failedAttempts++;
      scheduleReconnect();
    });
  };

  function scheduleReconnect() {
    if (closed || retryTimer) return;
    if (failedAttempts >= maxAttempts) {
      reportError(new Error(`Gave up reconnecting after ${failedAttempts} failed attempts.`));
      void stream.close();
      return;
    }
    setStatus(joins === 0 ? 'connecting' : 'reconnecting');
    const delay = retryAfterMs ?? reconnectDelayMs(failedAttempts + 1, minDelayMs, maxDelayMs);
    retryAfterMs = null;
    retryTimer = setTimeout(attempt, delay);
  }

  const stream: WorldStream = {
    onFrame: (l) => events.frame.add(l),
    onHello: (l) => events.hello.add(l),
    onNotice: (l) => events.notice.add(l),
    onPlayers: (l) => events.players.add(l),
    onStatus: (l) => events.status.add(l),
    onError: (l) => events.error.add(l),
    setAction(action) {
      pacer.set(action);
    },
    get status() {
      return status;
    },
    get hello() {
      return hello;
    },
    get latency() {
      return stats.latency();
    },
    get fps() {
      return stats.fps(performance.now());
    },
    get framesReceived() {
      return stats.framesReceived;
    },
    get joins() {
      return joins;
    },
    get lastActionSeq() {
      return pacer.lastSeq;
    },
    get room() {
      return room;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(actionTimer);
      if (retryTimer) clearTimeout(retryTimer);
      const current = room;
      room = null;
      setStatus('closed');
      if (current) await current.leave(true).catch(() => undefined);
    },
  };

  // Start after the caller had a chance to add listeners.
  retryTimer = setTimeout(attempt, 0);
  return stream;
}

export type { ActionVector };
