/**
 * The server under load, as its own process (so the bots' CPU is not counted as the server's):
 * `startStreamServer` on a free port with the world model's world (samples/specs/river-valley-256.json),
 * plus the `echo` floor room. Prints one line `READY {"port":…,"worldId":…,"pid":…}` on stdout when
 * it listens, and closes gracefully on SIGTERM or SIGINT.
 *
 *   tsx tests/load/serve-for-load.ts
 */
import { readFileSync } from 'node:fs';
import { EchoRoom, ECHO_ROOM } from '../../runtime/rooms/echo-room.ts';
import { startStreamServer } from '../../runtime/server/start-stream-server.ts';

const specPath = new URL('../../samples/specs/river-valley-256.json', import.meta.url);
const spec: unknown = JSON.parse(readFileSync(specPath, 'utf8'));

// WORLDSMITH_ANCHORS_PER_SECOND overrides the anchor budget, to see what anchoring costs.
const anchors = process.env.WORLDSMITH_ANCHORS_PER_SECOND;
const server = await startStreamServer({ port: 0, host: '127.0.0.1', worlds: [{ spec }], samplePage: false, settings: anchors === undefined ? {} : { anchorsPerSecond: Number(anchors) } });
server.colyseus.define(ECHO_ROOM, EchoRoom);
process.stdout.write(`READY ${JSON.stringify({ port: server.port, worldId: server.worldIds[0], pid: process.pid })}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(0), 10_000);
  force.unref();
  server.close().then(
    () => process.exit(0),
    (error: Error) => {
      console.error(`serve-for-load: close failed: ${error.message}`);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
