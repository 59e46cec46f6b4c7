/**
 * The stream client library (engine-bridge/stream-client): the pure parts (input mapping, action
 * pacing, latency stats, chunk selection) and one end to end run against a real `worldsmith serve`
 * in this process: frames acknowledging our actions, a connection cut from the server side and
 * the library joining again, and the sample page and its bundle served.
 */
import { readFileSync } from 'node:fs';
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NullEngine, Scene } from '@babylonjs/core';
import { createGeometryStream } from '../../engine-bridge/stream-client/geometry-stream.ts';
import { createActionPacer } from '../../engine-bridge/stream-client/action-pacer.ts';
import { distanceToChunk, lodForDistance, planChunkChanges, selectChunks, type ChunkIndex } from '../../engine-bridge/stream-client/chunk-selection.ts';
import { combineActions, deadZone, gamepadAction, keyboardAction, mouseAction } from '../../engine-bridge/stream-client/input-actions.ts';
import { createStreamStats, quantile } from '../../engine-bridge/stream-client/stream-stats.ts';
import { NO_ACTION, type FrameHeader } from '../../engine-bridge/stream-client/stream-protocol.ts';
import { connectWorldStream, reconnectDelayMs, type StreamStatus, type WorldStream } from '../../engine-bridge/stream-client/world-stream-client.ts';
import { startStreamServer, type StreamServer } from '../../runtime/server/start-stream-server.ts';

describe('input mapping', () => {
  it('maps keys to [forward, strafe, turn, look]; opposite keys cancel', () => {
    expect(keyboardAction([])).toEqual([0, 0, 0, 0]);
    expect(keyboardAction(['KeyW'])).toEqual([1, 0, 0, 0]);
    expect(keyboardAction(['ArrowDown', 'KeyA'])).toEqual([-1, -1, 0, 0]);
    expect(keyboardAction(['KeyE', 'KeyR'])).toEqual([0, 0, 1, 1]);
    expect(keyboardAction(['ArrowLeft', 'KeyF'])).toEqual([0, 0, -1, -1]);
    expect(keyboardAction(['KeyW', 'KeyS', 'ArrowUp'])).toEqual([1, 0, 0, 0]);
    expect(keyboardAction(['KeyQ', 'KeyE', 'Space'])).toEqual([0, 0, 0, 0]);
  });

  it('turns right and looks up for a mouse moving right and up, scaled by speed and clamped', () => {
    expect(mouseAction(0, 0, 16)).toEqual([0, 0, 0, 0]);
    // 6 px in 10 ms = 600 px/s: full speed by default.
    expect(mouseAction(6, -3, 10)).toEqual([0, 0, 1, 0.5]);
    expect(mouseAction(-60, 60, 10)).toEqual([0, 0, -1, -1]);
    expect(mouseAction(0, -3, 10, { invertY: true })[3]).toBe(-0.5);
    expect(mouseAction(5, 5, 0)).toEqual([0, 0, 0, 0]);
  });

  it('maps gamepad sticks with a dead zone: up on the left stick walks forward', () => {
    expect(deadZone(0.1)).toBe(0);
    expect(deadZone(-1)).toBe(-1);
    expect(deadZone(0.575, 0.15)).toBeCloseTo(0.5);
    expect(gamepadAction([0.05, -1, 1, 1])).toEqual([1, 0, 1, -1]);
    expect(gamepadAction([1, 0.1, -0.1, -1])).toEqual([0, 1, 0, 1]);
    expect(gamepadAction([])).toEqual([0, 0, 0, 0]);
  });

  it('combines sources per axis, clamped', () => {
    expect(combineActions([1, 0, 0.5, 0], [1, -0.25, 0.75, -1])).toEqual([1, -0.25, 1, -1]);
  });
});

describe('action pacing and stream stats', () => {
  it('sends a changed action at most maxHz, repeats it as a keep-alive, seq rising', () => {
    const pacer = createActionPacer({ maxHz: 20, keepAliveMs: 1000 });
    expect(pacer.poll(0)).toEqual({ seq: 1, action: [0, 0, 0, 0] });
    expect(pacer.poll(10)).toBeNull();
    pacer.set([1, 0, 0, 0]);
    expect(pacer.poll(20)).toBeNull(); // within 50 ms of the last send
    pacer.set([1, 2, 0, Number.NaN]);
    expect(pacer.poll(50)).toEqual({ seq: 2, action: [1, 1, 0, 0] });
    expect(pacer.poll(500)).toBeNull();
    expect(pacer.poll(1050)).toEqual({ seq: 3, action: [1, 1, 0, 0] });
    pacer.resendNow();
    expect(pacer.poll(1051)?.seq).toBe(4);
    expect(pacer.lastSeq).toBe(4);
  });

  it('measures latency to the first frame acknowledging each action, ignoring NO_ACTION', () => {
    const stats = createStreamStats({ window: 3 });
    stats.actionSent(1, 0);
    stats.actionSent(2, 10);
    stats.frameReceived(NO_ACTION, 5);
    expect(stats.latency().samples).toBe(0);
    stats.frameReceived(1, 40);
    expect(stats.latency().lastMs).toBe(40);
    stats.frameReceived(1, 50); // acknowledges nothing new
    stats.frameReceived(5, 70); // acknowledges seq 2
    expect(stats.latency()).toEqual({ lastMs: 60, p50Ms: 40, p99Ms: 60, samples: 2 });
    expect(stats.fps(70)).toBe(4);
    expect(stats.fps(1045)).toBe(2);
    expect(stats.fps(1060)).toBe(1);
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(reconnectDelayMs(1)).toBe(250);
    expect(reconnectDelayMs(3)).toBe(1000);
    expect(reconnectDelayMs(20)).toBe(8000);
  });
});

describe('chunk selection', () => {
  const chunk = (cx: number, cz: number) => ({
    id: `chunk_${cx}_${cz}`,
    x: cx,
    z: cz,
    bounds: { min: [cx * 100, 0, cz * 100] as [number, number, number], max: [cx * 100 + 100, 10, cz * 100 + 100] as [number, number, number] },
    files: [0, 1, 2].map((l) => `chunk_${cx}_${cz}_lod${l}.glb`),
  });
  const index: ChunkIndex = {
    format: 'worldsmith-chunks',
    version: 1,
    worldsmith: 'test',
    seed: 1,
    size: { width: 1000, depth: 100 },
    chunkCells: 64,
    seaLevel: null,
    lods: [
      { level: 0, step: 1, from: 0, to: 150 },
      { level: 1, step: 2, from: 150, to: 400 },
      { level: 2, step: 4, from: 400, to: null },
    ],
    common: 'common.glb',
    // A row of ten 100 m chunks along x, 0…1000.
    chunks: Array.from({ length: 10 }, (_, i) => chunk(i, 0)),
  };

  it('measures distance to a footprint and picks the LOD band', () => {
    expect(distanceToChunk(index.chunks[0], 50, 50)).toBe(0);
    expect(distanceToChunk(index.chunks[0], 103, 104)).toBe(5);
    expect(lodForDistance(index.lods, 0)).toBe(0);
    expect(lodForDistance(index.lods, 150)).toBe(1);
    expect(lodForDistance(index.lods, 5000)).toBe(2);
  });

  it('loads near chunks at LOD0, farther ones coarser, none past the radius, nearest first', () => {
    const chosen = selectChunks(index, 50, 50, { radius: 500 });
    expect(chosen.map((c) => `${c.id}:${c.lod}`)).toEqual(['chunk_0_0:0', 'chunk_1_0:0', 'chunk_2_0:1', 'chunk_3_0:1', 'chunk_4_0:1', 'chunk_5_0:2']);
    expect(chosen[0].file).toBe('chunk_0_0_lod0.glb');
    expect(chosen.at(-1)!.file).toBe('chunk_5_0_lod2.glb');
  });

  it('keeps a loaded chunk at its LOD, and loaded, within the hysteresis margin', () => {
    // chunk_2 starts 150 m away from x = 50: LOD1 when new, but LOD0 if already loaded at LOD0.
    expect(selectChunks(index, 50, 50, { radius: 500 }).find((c) => c.id === 'chunk_2_0')!.lod).toBe(1);
    const loaded = new Map([['chunk_2_0', 0], ['chunk_5_0', 2], ['chunk_9_0', 2]]);
    const kept = selectChunks(index, 45, 50, { radius: 500, hysteresis: 20, loaded });
    expect(kept.find((c) => c.id === 'chunk_2_0')!.lod).toBe(0);
    expect(kept.find((c) => c.id === 'chunk_5_0')).toBeDefined(); // 455 m, inside 500 + 20
    const plan = planChunkChanges(loaded, kept);
    expect(plan.unload).toEqual(['chunk_9_0']);
    expect(plan.load.map((c) => c.id)).toEqual(['chunk_0_0', 'chunk_1_0', 'chunk_3_0', 'chunk_4_0']);
  });
});

describe('end to end against worldsmith serve', () => {
  let server: StreamServer;
  let stream: WorldStream | null = null;

  beforeAll(async () => {
    const spec = JSON.parse(readFileSync(new URL('../../samples/specs/river-valley-256.json', import.meta.url), 'utf8'));
    server = await startStreamServer({ port: 0, worlds: [{ spec }], samplePage: true, settings: { source: 'model' } });
  });

  afterAll(async () => {
    await stream?.close();
    await server?.close();
  });

  /** Resolves with the first frame for which `accept` holds. */
  const frameWhere = (s: WorldStream, accept: (h: FrameHeader) => boolean, timeoutMs = 60_000) =>
    new Promise<FrameHeader>((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no matching frame in ${timeoutMs} ms (status ${s.status}, ${s.framesReceived} frames)`));
      }, timeoutMs);
      const off = s.onFrame((header) => {
        if (!accept(header)) return;
        clearTimeout(timer);
        off();
        resolve(header);
      });
    });

  it('streams frames that acknowledge our actions, reconnects after the server drops us, and frames resume', async () => {
    const statuses: StreamStatus[] = [];
    stream = connectWorldStream({ serverUrl: server.url, worldId: server.worldIds[0], name: 'tester', reconnect: { minDelayMs: 100 } });
    stream.onStatus((s) => statuses.push(s));
    let players: string[] = [];
    stream.onPlayers((list) => (players = list.map((p) => `${p.name}${p.self ? '*' : ''}`)));
    const hello = new Promise((resolve) => stream!.onHello(resolve));

    stream.setAction([1, 0, 0.3, 0]);
    const first = await frameWhere(stream, (h) => h.lastActionSeq !== NO_ACTION && h.lastActionSeq >= 1, 90_000);
    expect(await hello).toMatchObject({ source: 'model', worldId: server.worldIds[0] });
    expect(first.format).toBe('jpeg');
    expect(first.flags & 1).toBe(1); // drawn by the model
    expect(stream.status).toBe('streaming');
    expect(players).toContain('tester*');

    // A new action: frames come that acknowledge its seq, and latency is measured.
    stream.setAction([0, 1, 0, 0]);
    await new Promise((r) => setTimeout(r, 100));
    const seqAfterChange = stream.lastActionSeq;
    expect(seqAfterChange).toBeGreaterThan(1);
    const acked = await frameWhere(stream, (h) => h.lastActionSeq !== NO_ACTION && h.lastActionSeq >= seqAfterChange);
    expect(acked.lastActionSeq).toBeGreaterThanOrEqual(seqAfterChange);
    expect(stream.latency.samples).toBeGreaterThan(0);
    expect(stream.latency.p50Ms).toBeGreaterThan(0);
    expect(stream.fps).toBeGreaterThan(0);

    // Cut the connection from the server side, as a network drop would (no close frame).
    const [cached] = await matchMaker.query({ name: 'world' });
    const room = matchMaker.getLocalRoomById(cached.roomId);
    const sessionId = stream.room!.sessionId;
    const serverClient = room.clients.find((c) => c.sessionId === sessionId)!;
    (serverClient as unknown as { ref: { terminate(): void } }).ref.terminate();

    const framesBefore = stream.framesReceived;
    await new Promise<void>((resolve) => {
      const off = stream!.onStatus((s) => s === 'streaming' && (off(), resolve()));
    });
    expect(statuses).toContain('reconnecting');
    expect(stream.joins).toBe(2);
    expect(stream.room!.sessionId).not.toBe(sessionId);
    const seqAfterReconnect = stream.lastActionSeq;
    const resumed = await frameWhere(stream, (h) => h.lastActionSeq !== NO_ACTION && h.lastActionSeq >= seqAfterReconnect);
    expect(resumed.frameSeq).toBeGreaterThanOrEqual(1);
    expect(stream.framesReceived).toBeGreaterThan(framesBefore);

    await stream.close();
    expect(stream.status).toBe('closed');
    expect(statuses.at(-1)).toBe('closed');
  }, 180_000);

  it('streams the world\'s chunk glbs around a player into a Babylon scene, and unloads them as it moves away', async () => {
    const engine = new NullEngine();
    const scene = new Scene(engine);
    // The valley at 1 m cells: 256 × 256 cells, four terrain chunks of 128 m.
    const spec = JSON.parse(readFileSync(new URL('../../samples/specs/river-valley-256.json', import.meta.url), 'utf8'));
    const fine = await server.catalog.add({ spec: { ...spec, size: { ...spec.size, cellSize: 1 } } });
    const geometry = createGeometryStream(scene, { serverUrl: server.url, worldId: fine.id, radius: 70, hysteresis: 0 });
    const index = await geometry.start();
    expect(index.chunks.length).toBeGreaterThan(1);
    const corner = index.chunks.reduce((a, c) => (c.x + c.z < a.x + a.z ? c : a));
    const far = index.chunks.reduce((a, c) => (c.x + c.z > a.x + a.z ? c : a));
    const centre = (c: typeof corner) => [(c.bounds.min[0] + c.bounds.max[0]) / 2, (c.bounds.min[2] + c.bounds.max[2]) / 2] as const;
    await geometry.update(...centre(corner));
    expect(geometry.loaded.get(corner.id)).toBe(0);
    expect(geometry.loaded.has(far.id)).toBe(false);
    const meshesNear = scene.meshes.filter((m) => m.getTotalVertices() > 0).length;
    expect(meshesNear).toBeGreaterThan(0);
    await geometry.update(...centre(far));
    expect(geometry.loaded.get(far.id)).toBe(0);
    expect(geometry.loaded.has(corner.id)).toBe(false);
    geometry.dispose();
    scene.dispose();
    engine.dispose();
  }, 120_000);

  it('serves the sample page and its bundle', async () => {
    const page = await fetch(`${server.url}/play`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/play.js');
    const script = await fetch(`${server.url}/play.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(10_000);
  }, 60_000);
});
