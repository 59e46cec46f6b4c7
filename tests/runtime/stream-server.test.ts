/**
 * The stream server with a real Colyseus server (@colyseus/testing) and real clients
 * (@colyseus/sdk): join with a token, act, and get frames whose header acknowledges the action;
 * bad tokens refused before any room exists; malformed and flooding clients dropped and cut off
 * without disturbing the others; a client that stops reading costs a bounded buffer. The live
 * renderer is a stand-in (no browser); the model source runs the shipped world model.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ColyseusTestServer } from '@colyseus/testing';
import { matchMaker } from '@colyseus/core';
import type { Room as ClientRoom } from '@colyseus/sdk';
import { decodeFrameHeader, FRAME_FLAGS, frameImage, NO_ACTION, type FrameHeader, type HelloMessage, type NoticeMessage } from '../../engine-bridge/stream-client/stream-protocol.ts';
import { startStreamServer, type StreamServer } from '../../runtime/server/start-stream-server.ts';
import { fakeRenderer } from '../helpers/fake-renderer.ts';

const spec = JSON.parse(readFileSync(new URL('../../samples/specs/river-valley-256.json', import.meta.url), 'utf8'));
const renderer = fakeRenderer({ noise: true });
let server: StreamServer;
let colyseus: ColyseusTestServer;
let worldId: string;

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};
const token = async (id = worldId) => (await post('/api/tokens', { worldId: id })).json.token as string;
const until = async (check: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

interface Watched {
  room: ClientRoom;
  frames: FrameHeader[];
  images: Uint8Array[];
  hello: HelloMessage | null;
  notices: NoticeMessage[];
  left: number | null;
}

async function join(options: Record<string, unknown> = {}, id = worldId): Promise<Watched> {
  const room = await colyseus.sdk.joinOrCreate('world', { worldId: id, token: await token(id), ...options });
  const w: Watched = { room, frames: [], images: [], hello: null, notices: [], left: null };
  room.onMessage('frame', (bytes: Uint8Array) => {
    w.frames.push(decodeFrameHeader(bytes));
    if (w.images.length < 3) w.images.push(frameImage(bytes).slice());
  });
  room.onMessage('hello', (m: HelloMessage) => (w.hello = m));
  room.onMessage('notice', (m: NoticeMessage) => w.notices.push(m));
  room.onLeave((code) => (w.left = code));
  return w;
}

beforeAll(async () => {
  server = await startStreamServer({
    port: 0,
    host: '127.0.0.1',
    worlds: [{ spec }],
    samplePage: false,
    openRenderer: renderer.open,
    settings: { source: 'auto', anchorEveryTicks: 5 },
    limits: { messagesPerSecond: 40, maxBadMessages: 10, clientsPerRoom: 8 },
  });
  worldId = server.worldIds[0];
  colyseus = new ColyseusTestServer(server.colyseus);
});

afterAll(async () => {
  await server?.close();
});

describe('joining a world', () => {
  it('issues tokens for known worlds only, and refuses bad requests with a 4xx and a reason', async () => {
    const ok = await post('/api/tokens', { worldId });
    expect(ok.status).toBe(201);
    expect(typeof ok.json.token).toBe('string');
    const unknown = await post('/api/tokens', { worldId: 'world-1-deadbeef' });
    expect(unknown.status).toBe(404);
    expect((unknown.json.error as { message: string }).message).toMatch(/POST \/api\/worlds/);
    const res = await fetch(`${server.url}/api/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    // A path in a file name breaks the route's schema: refused before any lookup.
    const chunk = await fetch(`${server.url}/api/worlds/${worldId}/chunks/..%2F..%2Fpackage.json`);
    expect(chunk.status).toBe(400);
    expect(((await chunk.json()) as { error: { path: string } }).error.path).toBe('/file');
    const missing = await fetch(`${server.url}/api/worlds/${worldId}/chunks/nothing.glb`);
    expect(missing.status).toBe(404);
    // By prompt and seed: the world is added, and its id comes back with the token.
    const byPrompt = await post('/api/tokens', { prompt: 'a small island', seed: 3 });
    expect(byPrompt.status).toBe(201);
    expect(byPrompt.json.worldId).toMatch(/^world-3-[0-9a-f]{8}$/);
    expect(server.catalog.get(byPrompt.json.worldId as string)).toBeDefined();
  });

  it('lets a join choose the frame source: a room per world and source', async () => {
    const modelPlayer = await join({ name: 'm' });
    const renderPlayer = await join({ name: 'r', source: 'render' });
    await until(() => modelPlayer.hello !== null && renderPlayer.hello !== null && renderPlayer.frames.length > 0);
    expect(modelPlayer.hello!.source).toBe('model');
    expect(renderPlayer.hello!.source).toBe('render');
    expect(renderPlayer.room.roomId).not.toBe(modelPlayer.room.roomId);
    expect(renderPlayer.frames[0].flags & FRAME_FLAGS.model).toBe(0);
    await expect(colyseus.sdk.joinOrCreate('world', { worldId, token: await token(), source: 'dream' })).rejects.toThrow(/"source"/);
    await modelPlayer.room.leave();
    await renderPlayer.room.leave();
  });

  it('refuses a bad, foreign or missing token before any room exists', async () => {
    // The rooms of earlier tests close once their players have left.
    await until(() => server.context.rooms === 0);
    const roomsBefore = server.context.rooms;
    const other = (await server.catalog.add({ prompt: 'a small island', seed: 3 })).id;
    const attempts: Array<[Record<string, unknown>, RegExp]> = [
      [{ worldId, token: 'nonsense' }, /TOKEN_INVALID/],
      [{ worldId, token: `${(await token()).slice(0, -2)}AA` }, /TOKEN_INVALID/],
      [{ worldId, token: await token(other) }, /TOKEN_WORLD/],
      [{ worldId }, /TOKEN_MISSING/],
      [{ worldId, token: await token(), size: 99 }, /size/],
    ];
    for (const [options, reason] of attempts) {
      await expect(colyseus.sdk.joinOrCreate('world', options)).rejects.toThrow(reason);
    }
    expect(server.context.rooms).toBe(roomsBefore);
    expect((await matchMaker.query({ name: 'world' })).length).toBe(0);
  });

  it('streams model frames that acknowledge the player\'s actions, and moves the player', async () => {
    const a = await join({ name: 'ann' });
    await until(() => a.hello !== null && a.frames.length >= 5);
    expect(a.hello).toMatchObject({ worldId, source: 'model', width: 64, height: 64, tickRate: 20, format: 'jpeg' });
    expect(a.frames[0].lastActionSeq).toBe(NO_ACTION);
    expect(a.frames[0].flags & FRAME_FLAGS.model).toBeTruthy();
    // A JPEG of the right size.
    expect([...a.images[0].subarray(0, 2)]).toEqual([0xff, 0xd8]);
    const start = a.frames.at(-1)!.pose;
    for (let seq = 1; seq <= 20; seq++) {
      a.room.send('action', { seq, action: [1, 0, 0, 0] });
      await new Promise((r) => setTimeout(r, 50));
    }
    await until(() => a.frames.some((f) => f.lastActionSeq === 20));
    const acked = a.frames.find((f) => f.lastActionSeq === 20)!;
    const moved = Math.hypot(acked.pose[0] - start[0], acked.pose[2] - start[2]);
    expect(moved).toBeGreaterThan(1.5);
    // Sequence numbers rise by one; frames come at about the tick rate.
    const seqs = a.frames.map((f) => f.frameSeq);
    expect(seqs.every((s, i) => i === 0 || s === seqs[i - 1] + 1)).toBe(true);
    // The model was re-anchored on rendered frames along the way.
    expect(a.frames.some((f) => f.flags & FRAME_FLAGS.anchored)).toBe(true);
    // Latency was measured, batches were observed.
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/worldsmith_action_to_frame_seconds_count [1-9]/);
    expect(metrics).toMatch(/worldsmith_inference_batch_size_count [1-9]/);
    await a.room.leave();
  });

  it('puts every player of a world in one room, in the state, each with their own frames', async () => {
    const a = await join({ name: 'ann' });
    const b = await join({ name: 'bob', fps: 10 });
    expect(b.room.roomId).toBe(a.room.roomId);
    await until(() => a.frames.length >= 20 && b.frames.length >= 5);
    await until(() => a.room.state.players?.size === 2);
    const names = [...a.room.state.players.values()].map((p: { name: string }) => p.name).sort();
    expect(names).toEqual(['ann', 'bob']);
    // bob asked for 10 frames a second: about half of ann's.
    const n0 = { a: a.frames.length, b: b.frames.length };
    await new Promise((r) => setTimeout(r, 2000));
    const rate = (b.frames.length - n0.b) / (a.frames.length - n0.a);
    expect(rate).toBeGreaterThan(0.35);
    expect(rate).toBeLessThan(0.65);
    await a.room.leave();
    await b.room.leave();
  });
});

describe('bad clients', () => {
  it('drops malformed and unknown messages, then cuts the sender off; the others keep streaming', async () => {
    const good = await join({ name: 'good' });
    const bad = await join({ name: 'bad' });
    await until(() => good.frames.length >= 3 && bad.frames.length >= 3);
    const garbage: unknown[] = [null, 'x', 42, [], { seq: 'a', action: [0, 0, 0, 0] }, { seq: 1, action: [0, 0, 0] }, { seq: 2, action: [NaN, 0, 0, 0] }, { seq: -1, action: [0, 0, 0, 0] }];
    for (const g of garbage) bad.room.send('action', g as never);
    bad.room.send('teleport', { x: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(bad.left).toBeNull();
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/worldsmith_messages_dropped_total\{reason="malformed"\} ([8-9]|\d\d)/);
    expect(metrics).toMatch(/worldsmith_messages_dropped_total\{reason="unknown"\} [1-9]/);
    for (let i = 0; i < 5; i++) bad.room.send('action', { nonsense: i } as never);
    await until(() => bad.left !== null);
    expect(bad.notices.some((n) => n.kind === 'kicked' && /malformed/.test(n.message))).toBe(true);
    const before = good.frames.length;
    await new Promise((r) => setTimeout(r, 1000));
    expect(good.frames.length - before).toBeGreaterThan(10);
    await good.room.leave();
  });

  it('cuts off a flooding client; the others keep streaming', async () => {
    const good = await join({ name: 'good' });
    const flood = await join({ name: 'flood' });
    await until(() => good.frames.length >= 3 && flood.frames.length >= 3);
    for (let seq = 1; seq <= 400; seq++) flood.room.send('action', { seq, action: [0, 0, 1, 0] });
    await until(() => flood.left !== null);
    expect(flood.notices.some((n) => n.kind === 'kicked')).toBe(true);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/worldsmith_clients_cut_off_total\{reason="flood"\} [1-9]/);
    const before = good.frames.length;
    await new Promise((r) => setTimeout(r, 1000));
    expect(good.frames.length - before).toBeGreaterThan(10);
    await good.room.leave();
  });

  it('holds a bounded buffer for a client that stops reading, drops its frames, and resumes it', async () => {
    const good = await join({ name: 'good' });
    // Another world, so the renderer (here a stand-in drawing noise JPEG cannot shrink) makes its frames: big ones fill buffers sooner.
    const island = (await server.catalog.add({ prompt: 'a small island', seed: 3 })).id;
    const stalled = await join({ name: 'stalled', size: 128, quality: 100 }, island);
    await until(() => good.frames.length >= 3 && stalled.frames.length >= 3 && stalled.hello !== null);
    expect(stalled.hello!.source).toBe('render');
    const serverRoom = matchMaker.getLocalRoomById(stalled.room.roomId)!;
    const serverSide = serverRoom.clients.find((c) => c.sessionId === stalled.room.sessionId) as unknown as { ref: { bufferedAmount: number } };
    // Stop reading: the client's socket is paused, so the kernel's buffers fill, then the server's.
    const socket = (stalled.room.connection.transport as unknown as { ws: { _socket: { pause(): void; resume(): void } } }).ws._socket;
    socket.pause();
    let maxBuffered = 0;
    const dropsBefore = Number(/worldsmith_frames_dropped_total\{reason="backpressure"\} (\d+)/.exec(await (await fetch(`${server.url}/metrics`)).text())?.[1] ?? 0);
    const dropsNow = async () => Number(/worldsmith_frames_dropped_total\{reason="backpressure"\} (\d+)/.exec(await (await fetch(`${server.url}/metrics`)).text())?.[1] ?? 0);
    // The kernel's socket buffers take megabytes first; then the server's buffer fills and frames are dropped.
    const end = Date.now() + 60_000;
    let seenDropsAt = 0;
    while (Date.now() < end && (seenDropsAt === 0 || Date.now() < seenDropsAt + 3000)) {
      maxBuffered = Math.max(maxBuffered, serverSide.ref.bufferedAmount);
      if (seenDropsAt === 0 && (await dropsNow()) > dropsBefore) seenDropsAt = Date.now();
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(seenDropsAt).toBeGreaterThan(0);
    // 256 KiB allowed, plus the one frame that crossed the line (a 128² frame at quality 100 is < 64 KiB).
    expect(maxBuffered).toBeLessThan(256 * 1024 + 64 * 1024);
    const goodBefore = good.frames.length;
    await new Promise((r) => setTimeout(r, 1000));
    expect(good.frames.length - goodBefore).toBeGreaterThan(10);
    socket.resume();
    const stalledBefore = stalled.frames.length;
    await until(() => stalled.frames.length > stalledBefore + 10);
    await good.room.leave();
    await stalled.room.leave();
  });
});

describe('operations', () => {
  it('answers health, readiness and Prometheus metrics', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    for (const name of ['worldsmith_streams', 'worldsmith_frames_sent_total', 'worldsmith_frames_dropped_total', 'worldsmith_action_to_frame_seconds_bucket', 'worldsmith_inference_batch_size_bucket', 'process_resident_memory_bytes']) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/# TYPE worldsmith_action_to_frame_seconds histogram/);
    // While a player streams, the per-stream delivered rate reads about the tick rate.
    const a = await join({ name: 'counted' });
    await until(() => a.frames.length >= 5);
    await new Promise((r) => setTimeout(r, 2100));
    const live = await (await fetch(`${server.url}/metrics`)).text();
    expect(Number(/worldsmith_streams\{source="model"\} (\d+)/.exec(live)?.[1])).toBe(1);
    expect(Number(/worldsmith_delivered_fps\{source="model"\} ([\d.]+)/.exec(live)?.[1])).toBeGreaterThan(12);
    await a.room.leave();
  });

  it('shuts down gracefully: players are told, then disconnected, and readiness goes', async () => {
    const a = await join({ name: 'last' });
    await until(() => a.frames.length >= 3);
    const closing = server.close();
    await until(() => a.left !== null);
    await closing;
    expect(a.notices.some((n) => n.kind === 'shutdown')).toBe(true);
    expect(server.context.draining).toBe(true);
  });
});
