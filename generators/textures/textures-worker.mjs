// Makes a world's texture sets in a worker thread (see textures-in-worker.ts). Plain JavaScript, so
// it can start under any loader: it registers tsx itself to load the TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { makeWorldTextures } = await import('./textures-in-worker.ts');
const sets = [...makeWorldTextures(workerData.requests).entries()];
const transfer = sets.flatMap(([, set]) => Object.values(set.maps).filter(Boolean).map((map) => map.data.buffer));
parentPort.postMessage(sets, transfer);
