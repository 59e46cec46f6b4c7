// Runs buildNavMesh in a worker thread (see navmesh-in-worker.ts). Plain JavaScript, so it can
// start under any loader: it registers tsx itself to load the TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { buildNavMesh } = await import('./build-navmesh.ts');
const { field, surface, structures } = workerData;
const navmesh = await buildNavMesh(field, { surface }, structures);
parentPort.postMessage(navmesh, navmesh ? [navmesh.positions.buffer, navmesh.indices.buffer] : []);
