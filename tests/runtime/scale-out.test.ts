/**
 * Scale-out on Colyseus's Redis presence and driver: two server processes share one real
 * redis-server (started here; .ci/run installs it), a token secret and a store. A player who joins
 * through one process and a player who joins through the other land in the same world room, see
 * each other in the state and both get frames. Skipped, saying so, where redis-server is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { decodeFrameHeader } from '../../engine-bridge/stream-client/stream-protocol.ts';

const redisServer = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => spawnSync(p, ['--version']).status === 0);
if (!redisServer) console.warn('scale-out test skipped: redis-server is not installed (apt-get install redis-server; .ci/run does).');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const children: ChildProcess[] = [];
let store: string;

function startProcess(options: Record<string, unknown>): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('../helpers/serve-process.mts', import.meta.url).pathname, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}: ${out}`)));
  });
}

describe.skipIf(!redisServer)('two processes sharing rooms through Redis', () => {
  let ports: number[] = [];
  let worldId = '';

  beforeAll(async () => {
    store = await mkdtemp(join(tmpdir(), 'worldsmith-scale-'));
    const redisPort = await freePort();
    const redis = spawn(redisServer!, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(redis);
    await new Promise<void>((resolve) => redis.stdout!.on('data', (d: Buffer) => /Ready to accept connections/.test(d.toString()) && resolve()));
    const spec = JSON.parse(await readFile(new URL('../../samples/specs/river-valley-256.json', import.meta.url), 'utf8'));
    const [a, b] = [await freePort(), await freePort()];
    const common = { host: '127.0.0.1', store, redis: `redis://127.0.0.1:${redisPort}`, tokenSecret: 'a shared secret for the test processes', model: null, settings: { source: 'render' } };
    ports = await Promise.all([startProcess({ ...common, port: a, worlds: [{ spec }] }), startProcess({ ...common, port: b })]);
    worldId = ((await (await fetch(`http://127.0.0.1:${ports[0]}/api/worlds`)).json()) as { worlds: Array<{ id: string }> }).worlds[0].id;
  });

  afterAll(async () => {
    for (const c of children.reverse()) {
      c.kill('SIGTERM');
      await new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)));
    }
    if (store) await rm(store, { recursive: true, force: true });
  });

  it('puts players who join through different processes in one room, each streamed frames', async () => {
    // The token comes from the second process, which learns of the world through the shared store.
    const tokenFrom = async (port: number) =>
      ((await (await fetch(`http://127.0.0.1:${port}/api/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ worldId }) })).json()) as { token: string }).token;
    const rooms = [];
    for (const port of ports) {
      const room = await new Client(`ws://127.0.0.1:${port}`).joinOrCreate('world', { worldId, token: await tokenFrom(ports[1]), name: `via ${port}` });
      const frames: number[] = [];
      room.onMessage('frame', (bytes: Uint8Array) => frames.push(decodeFrameHeader(bytes).frameSeq));
      room.onMessage('hello', () => undefined);
      room.onMessage('notice', () => undefined);
      rooms.push({ room, frames });
    }
    expect(rooms[1].room.roomId).toBe(rooms[0].room.roomId);
    const end = Date.now() + 20_000;
    while (Date.now() < end && !(rooms.every((r) => r.frames.length >= 10) && rooms[1].room.state.players?.size === 2)) await new Promise((r) => setTimeout(r, 50));
    expect(rooms.map((r) => r.frames.length >= 10)).toEqual([true, true]);
    expect([...rooms[1].room.state.players.values()].map((p: { name: string }) => p.name).sort()).toEqual(ports.map((p) => `via ${p}`).sort());
    // One room in all: hosted by one of the processes.
    const roomCounts = await Promise.all(ports.map(async (p) => Number(/^worldsmith_rooms (\d+)/m.exec(await (await fetch(`http://127.0.0.1:${p}/metrics`)).text())?.[1] ?? 0)));
    expect(roomCounts.reduce((a, b) => a + b, 0)).toBe(1);
    for (const r of rooms) await r.room.leave();
  });
});
