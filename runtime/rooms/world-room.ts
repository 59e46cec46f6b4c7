/**
 * The `world` room: one per generated world, every player in it streamed their own frames.
 *
 *   join (token checked in static onAuth, before any room is made) ─▶ the player at the spawn, a
 *   stream opened on the room's frame source (the model warms on rendered frames) ─▶ 'hello'
 *   every tick (tickRate/s): each player's held action moves its pose through WorldQuery (terrain,
 *   colliders, water) ─▶ one batch of frames for all ready players (model or renderer) ─▶ each
 *   player's FrameSender (its fps, backpressure, quality) ─▶ binary 'frame' messages
 *
 * A tick that comes while the previous batch is still running waits for it (one tick at most: a
 * second late tick replaces it, counted as skipped): poses keep moving at the tick rate, fewer
 * frames are sent, and the room is marked overloaded so its quality drops — it degrades instead of
 * falling behind. Bad messages are counted and dropped; a
 * client over its message rate or bad-message allowance is cut off with a notice.
 */
import { CloseCode, Room, ServerError as ColyseusError, type AuthContext, type Client, type RoomException, type RoomMethodName } from '@colyseus/core';
import type { LiveRenderer } from '../../engine-bridge/render/live-renderer.ts';
import { WORLD_ROOM, PROTOCOL_VERSION, type FrameSource as FrameSourceKind, type HelloMessage, type NoticeMessage } from '../../engine-bridge/stream-client/stream-protocol.ts';
import { shotLighting } from '../../generators/shots/shot-lighting.ts';
import { ACTION_SPACE, applyAction, ZERO_ACTION, type Action, type EyePose } from '../../models/dataset/action-space.ts';
import { ServerError } from '../server-error.ts';
import { createFrameSender, type FrameSender } from '../streams/frame-sender.ts';
import type { DrawFrames, FrameRequest, FrameSource } from '../streams/frame-source.ts';
import { createModelFrameSource } from '../streams/model-frame-source.ts';
import { createRenderFrameSource } from '../streams/render-frame-source.ts';
import { createRateLimiter, readActionMessage, readJoinOptions, type StreamChoice } from '../streams/client-messages.ts';
import type { LoadedWorld } from '../worlds/world-catalog.ts';
import { roomContext, type RoomContext } from './room-context.ts';
import { PlayerState, WorldRoomState } from './world-room-state.ts';

interface Player {
  client: Client;
  choice: StreamChoice;
  pose: EyePose;
  action: Action;
  lastActionSeq: number;
  /** The earliest action not yet shown in a sent frame: its seq and arrival time. */
  unacked: { seq: number; at: number } | null;
  ready: boolean;
  sender: FrameSender;
  limiter: { take(): boolean };
  badMessages: number;
  state: PlayerState;
}

const toColyseus = (error: unknown) => (error instanceof ServerError ? new ColyseusError(error.status, `${error.code}: ${error.message}`) : error);

export class WorldRoom extends Room<{ state: WorldRoomState }> {
  private ctx!: RoomContext;
  private world!: LoadedWorld;
  private source!: FrameSource;
  private sourceKind!: FrameSourceKind;
  private renderers = new Map<string, Promise<LiveRenderer>>();
  private players = new Map<string, Player>();
  private tick = 0;
  private batchInFlight: Promise<void> | null = null;
  private overloaded = false;
  private tickWaiting = false;
  private disposing = false;
  private counted = false;
  private ready: Promise<void> = Promise.resolve();

  /** Runs in the matchmaking request, before a room is found or made: a bad token makes nothing. */
  static override async onAuth(_token: string, options: { worldId?: unknown; token?: unknown; source?: unknown }, _context: AuthContext) {
    const ctx = roomContext();
    try {
      if (ctx.draining) throw new ServerError('LIMIT', 'The server is shutting down; join again in a few seconds (another process will take you).');
      if (typeof options?.worldId !== 'string') throw new ServerError('REQUEST', 'Join option "worldId" is missing: give the id POST /api/worlds returned.');
      const claims = ctx.tokens.verify(options.token, options.worldId);
      if (!(await ctx.catalog.find(options.worldId))) throw new ServerError('WORLD_UNKNOWN', `No world "${options.worldId.slice(0, 80)}" on this server.`);
      if (ctx.streams >= ctx.limits.maxStreams) throw new ServerError('LIMIT', `This server is streaming to ${ctx.streams} clients, its limit; try again later or another server.`);
      readJoinOptions(options, ctx.settings);
      if (options.source !== undefined && options.source !== 'model' && options.source !== 'render') throw new ServerError('REQUEST', `Join option "source" is ${JSON.stringify(options.source)}; give "model" or "render", or leave it out for the server's choice.`);
      return claims;
    } catch (error) {
      throw toColyseus(error);
    }
  }

  /**
   * Opens quickly and loads in the background: scaled out, another process waits at most 2 s for
   * this one to create the room before creating its own, and a world can take longer to generate.
   * Joins wait for `ready` (their seats are held for 120 s).
   */
  override onCreate(options: { worldId: string; source?: FrameSourceKind }) {
    this.ctx = roomContext();
    const ctx = this.ctx;
    try {
      if (ctx.rooms >= ctx.limits.maxRooms) throw new ServerError('LIMIT', `This server has ${ctx.rooms} world rooms open, its limit; try again later.`);
    } catch (error) {
      throw toColyseus(error);
    }
    ctx.rooms++;
    this.counted = true;
    ctx.metrics.rooms.set(ctx.rooms);
    this.maxClients = ctx.limits.clientsPerRoom;
    // Colyseus's own cut-off, well above ours: a backstop for floods the handlers never see.
    this.maxMessagesPerSecond = ctx.limits.messagesPerSecond * 4;
    this.seatReservationTimeout = 120;
    this.setState(new WorldRoomState({ worldId: options.worldId, source: '', tickRate: ctx.settings.tickRate, tick: 0 }));
    this.ready = this.load(options);
    this.ready.catch(() => undefined);
    this.onMessage('action', (client, message) => this.onAction(client, message));
    this.onMessage('*', (client) => this.refuse(client, 'unknown'));
    this.setSimulationInterval(() => this.onTick(), 1000 / ctx.settings.tickRate);
  }

  /** The world (generated if needed), the model and the frame source. */
  private async load(options: { worldId: string; source?: FrameSourceKind }) {
    const ctx = this.ctx;
    this.world = await ctx.catalog.load(options.worldId);
    // A join option picks the room's source; otherwise the server's setting does.
    const wanted = options.source ?? ctx.settings.source;
    const model = wanted === 'render' ? null : await ctx.model();
    const knows = model?.card.worlds.some((w) => w.id === this.world.id && !w.holdout) ?? false;
    this.sourceKind = wanted === 'auto' ? (knows ? 'model' : 'render') : wanted;
    if (this.sourceKind === 'model' && !model) throw new ServerError('SERVER', 'The frame source is "model", but this server has no world model: start it with --model DIR or --source render.');
    const draw: DrawFrames = async (size, cameras) => (await this.renderer(size.width, size.height)).draw(cameras);
    this.source =
      this.sourceKind === 'model'
        ? createModelFrameSource(model!, draw, { anchorEveryTicks: ctx.settings.anchorEveryTicks, anchorsPerSecond: ctx.settings.anchorsPerSecond, onAnchor: () => ctx.metrics.anchors.inc(), onBatch: (n) => ctx.metrics.batchSize.observe(n) })
        : createRenderFrameSource(draw);
    this.state.source = this.sourceKind;
    await this.setMetadata({ worldId: this.world.id, source: this.sourceKind } as never);
  }

  /** A failure in a handler or the tick is logged and counted; it never takes the process down. */
  override onUncaughtException(error: RoomException, method: RoomMethodName) {
    // A refusal sent back to the client (a bad join option, a full server) is not a failure.
    const cause = error.cause as { code?: unknown } | undefined;
    const status = cause instanceof ServerError ? cause.status : cause?.code;
    if (typeof status === 'number' && status < 500) return;
    this.ctx?.metrics.roomErrors.inc({ method });
    console.error(`world room ${this.world?.id ?? '?'}: ${method} failed: ${error.message}`);
  }

  private renderer(width: number, height: number): Promise<LiveRenderer> {
    const key = `${width}x${height}`;
    let r = this.renderers.get(key);
    if (!r) {
      r = this.ctx.openRenderer(this.world.glb, { width, height, lighting: shotLighting(this.world.spec, this.world.spec.time.hour) });
      r.catch(() => this.renderers.delete(key));
      this.renderers.set(key, r);
    }
    return r;
  }

  override async onJoin(client: Client, options: unknown) {
    const ctx = this.ctx;
    const choice = readJoinOptions(options, ctx.settings);
    try {
      await this.ready;
    } catch (error) {
      throw toColyseus(error instanceof ServerError ? error : new ServerError('WORLD_FAILED', `World ${this.state.worldId} could not be opened: ${(error as Error).message}`, { cause: error }));
    }
    const spawn = this.world.world.gameplay.spawn;
    const pose: EyePose = { x: spawn.x, y: spawn.y + ACTION_SPACE.eyeHeight, z: spawn.z, yaw: spawn.yaw, pitch: 0 };
    const state = new PlayerState({ name: choice.name || `player ${this.players.size + 1}`, x: pose.x, y: pose.y, z: pose.z, yaw: pose.yaw, pitch: 0, frames: 0 });
    const ws = (client as unknown as { ref?: { bufferedAmount?: number } }).ref;
    const player: Player = {
      client,
      choice,
      pose,
      action: [...ZERO_ACTION],
      lastActionSeq: -1,
      unacked: null,
      ready: false,
      limiter: createRateLimiter(ctx.limits.messagesPerSecond, ctx.limits.messagesPerSecond * 2),
      badMessages: 0,
      state,
      sender: createFrameSender({
        fps: choice.fps,
        tickRate: ctx.settings.tickRate,
        format: choice.format,
        quality: choice.quality,
        bufferedBytes: () => ws?.bufferedAmount ?? 0,
        send: (bytes) => client.sendBytes('frame', bytes),
        onSent: ({ bytes, encodeMs, frame, sentAt }) => {
          ctx.metrics.framesSent.inc({ source: this.sourceKind });
          ctx.metrics.bytesSent.inc(undefined, bytes);
          ctx.metrics.encodeSeconds.observe(encodeMs / 1000);
          state.frames++;
          if (player.unacked && frame.lastActionSeq >= player.unacked.seq) {
            ctx.metrics.latency.observe((sentAt - player.unacked.at) / 1000);
            player.unacked = null;
          }
        },
        onDropped: (reason) => ctx.metrics.framesDropped.inc({ reason }),
        onQuality: (quality) => client.send('notice', { kind: 'quality', message: `Frame quality now ${quality}.`, quality } satisfies NoticeMessage),
      }),
    };
    this.players.set(client.sessionId, player);
    this.state.players.set(client.sessionId, state);
    ctx.streams++;
    ctx.metrics.streams.inc({ source: this.sourceKind });
    try {
      await this.source.open(this.request(client.sessionId, player));
    } catch (error) {
      this.onLeave(client);
      throw toColyseus(new ServerError('SERVER', `The ${this.sourceKind} frame source could not open a stream: ${(error as Error).message}`, { cause: error }));
    }
    if (!this.players.has(client.sessionId)) return;
    player.ready = true;
    const hello: HelloMessage = {
      protocol: PROTOCOL_VERSION,
      worldId: this.world.id,
      sessionId: client.sessionId,
      source: this.sourceKind,
      width: choice.size,
      height: choice.size,
      tickRate: ctx.settings.tickRate,
      fps: choice.fps,
      format: choice.format,
      pose: [pose.x, pose.y, pose.z, pose.yaw, pose.pitch],
      chunksUrl: `/api/worlds/${this.world.id}/chunks/index.json`,
      worldUrl: `/api/worlds/${this.world.id}/world.glb`,
    };
    client.send('hello', hello);
  }

  override onLeave(client: Client) {
    const player = this.players.get(client.sessionId);
    if (!player) return;
    player.sender.close();
    this.players.delete(client.sessionId);
    this.state.players.delete(client.sessionId);
    this.source.close(client.sessionId);
    this.ctx.streams--;
    this.ctx.metrics.streams.inc({ source: this.sourceKind }, -1);
  }

  override async onBeforeShutdown() {
    this.broadcast('notice', { kind: 'shutdown', message: 'The server is shutting down; join again to continue.', retryAfterMs: 2000 } satisfies NoticeMessage);
    // Let the frames being made go out first.
    await this.batchInFlight?.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await this.disconnect(CloseCode.SERVER_SHUTDOWN).catch(() => undefined);
  }

  override async onDispose() {
    this.disposing = true;
    await this.ready.catch(() => undefined);
    for (const id of [...this.players.keys()]) {
      const player = this.players.get(id)!;
      this.onLeave(player.client);
    }
    await this.batchInFlight?.catch(() => undefined);
    await this.source?.dispose();
    for (const r of this.renderers.values()) await r.then((x) => x.close()).catch(() => undefined);
    if (this.counted) {
      this.ctx.rooms--;
      this.ctx.metrics.rooms.set(this.ctx.rooms);
    }
  }

  private request(id: string, p: Player): FrameRequest {
    return { id, width: p.choice.size, height: p.choice.size, pose: { ...p.pose }, action: [...p.action] as Action, tick: this.tick };
  }

  private onAction(client: Client, message: unknown) {
    const player = this.players.get(client.sessionId);
    if (!player) return;
    if (!player.limiter.take()) return this.cutOff(player, 'flood', `more than ${this.ctx.limits.messagesPerSecond} messages a second`);
    const check = readActionMessage(message, player.lastActionSeq);
    if (!check.ok) return this.refuse(client, check.reason);
    player.action = check.action;
    player.lastActionSeq = check.seq;
    player.unacked ??= { seq: check.seq, at: performance.now() };
  }

  private refuse(client: Client, reason: 'malformed' | 'stale' | 'unknown') {
    this.ctx.metrics.messagesDropped.inc({ reason });
    const player = this.players.get(client.sessionId);
    if (!player) return;
    if (!player.limiter.take()) return this.cutOff(player, 'flood', `more than ${this.ctx.limits.messagesPerSecond} messages a second`);
    if (reason !== 'stale' && ++player.badMessages > this.ctx.limits.maxBadMessages) this.cutOff(player, 'bad-messages', `more than ${this.ctx.limits.maxBadMessages} malformed or unknown messages`);
  }

  private cutOff(player: Player, reason: string, why: string) {
    this.ctx.metrics.clientsCut.inc({ reason });
    player.client.send('notice', { kind: 'kicked', message: `Disconnected: ${why}.` } satisfies NoticeMessage);
    this.onLeave(player.client);
    player.client.leave(CloseCode.WITH_ERROR);
  }

  private onTick() {
    this.tick++;
    this.state.tick = this.tick;
    let ready = 0;
    for (const p of this.players.values()) {
      if (!p.ready) continue;
      p.pose = applyAction(this.world.query, p.pose, p.action, this.ctx.settings.tickRate);
      p.state.x = p.pose.x;
      p.state.y = p.pose.y;
      p.state.z = p.pose.z;
      p.state.yaw = p.pose.yaw;
      p.state.pitch = p.pose.pitch;
      ready++;
    }
    if (ready === 0) return;
    if (this.batchInFlight) {
      // The last batch is late: this tick's frames are made as soon as it ends (one tick waits at
      // most; a later one replaces it and the skipped tick is counted), and quality drops meanwhile.
      if (this.tickWaiting) this.ctx.metrics.ticksSkipped.inc();
      this.tickWaiting = true;
      this.overloaded = true;
      return;
    }
    this.startBatch();
  }

  /** One batch of frames for every ready player, at their poses now. */
  private startBatch() {
    const ready = [...this.players.values()].filter((p) => p.ready);
    if (ready.length === 0) return;
    const requests = ready.map((p) => this.request(p.client.sessionId, p));
    const acks = ready.map((p) => p.lastActionSeq);
    const started = performance.now();
    this.batchInFlight = this.source
      .produce(requests)
      .then((frames) => {
        const ms = performance.now() - started;
        this.ctx.metrics.batchSeconds.observe(ms / 1000, { source: this.sourceKind });
        this.overloaded = ms > (1000 / this.ctx.settings.tickRate) * this.ctx.settings.budgetShare;
        frames.forEach((frame, i) => {
          const player = this.players.get(requests[i].id);
          if (!player) return;
          player.sender.offer({ rgb: frame.rgb, width: requests[i].width, height: requests[i].height, flags: frame.flags, tick: requests[i].tick, pose: requests[i].pose, lastActionSeq: acks[i] }, this.overloaded);
        });
      })
      .catch((error: Error) => {
        this.ctx.metrics.framesDropped.inc({ reason: 'source-error' }, requests.length);
        console.error(`world room ${this.world.id}: frame batch failed: ${error.message}`);
      })
      .finally(() => {
        this.batchInFlight = null;
        if (this.tickWaiting && !this.disposing) {
          this.tickWaiting = false;
          this.startBatch();
        }
      });
  }
}

export { WORLD_ROOM };
