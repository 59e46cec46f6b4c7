// Generates one world in a worker thread (see generate-in-worker.ts), so the server's event loop
// keeps streaming while it works. Plain JavaScript: it registers tsx itself to load the TypeScript.
// It loads the generators first, then waits for its one spec: a spare started ahead of need.
import { once } from 'node:events';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { generateWorldFiles } = await import('./generate-in-worker.ts');
const [{ spec }] = await once(parentPort, 'message');
try {
  const result = await generateWorldFiles(spec, (event) => parentPort.postMessage({ kind: 'progress', event }));
  const transfer = [result.glb.buffer, ...result.chunks.map((c) => c.bytes.buffer)];
  parentPort.postMessage({ kind: 'done', result }, transfer);
} catch (error) {
  parentPort.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error), code: error?.code });
}
