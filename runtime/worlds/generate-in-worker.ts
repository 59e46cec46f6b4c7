/**
 * A world's files and its in-memory World, made in a worker thread: generation takes seconds of
 * CPU, and a stream server must not stop streaming while a new world is made. The World crosses back
 * by structured clone (it is plain data and typed arrays), so the server's WorldQuery answers from
 * exactly the world the glb was written from.
 */
import { Worker } from 'node:worker_threads';
import { encodeImageWithSharp } from '../../engine-bridge/images/sharp-image-encoder.ts';
import type { ChunkIndex } from '../../generators/export/build-chunked-documents.ts';
import type { WorldSpec } from '../../generators/spec/world-spec-schema.ts';
import { makeWorldFiles } from '../../generators/world/make-world-files.ts';
import type { ProgressEvent } from '../../generators/world/progress.ts';
import type { World } from '../../generators/world/world.ts';
import type { WorldDocumentCounts } from '../../generators/export/build-world-document.ts';
import { ServerError } from '../server-error.ts';

export interface GeneratedWorld {
  world: World;
  glb: Uint8Array;
  chunks: Array<{ name: string; bytes: Uint8Array }>;
  chunkIndex: ChunkIndex;
  specJson: string;
  /** What the glb holds (terrain, instances, structures, colliders, navmesh…). */
  counts: WorldDocumentCounts;
}

/** In the worker (or in process): the spec's world, its textured glb and its chunk set. */
export async function generateWorldFiles(spec: WorldSpec, onProgress?: (event: ProgressEvent) => void): Promise<GeneratedWorld> {
  const files = await makeWorldFiles(spec, { preview: false, chunks: true, encodeImage: encodeImageWithSharp, onProgress });
  return { world: files.world, glb: files.glb, chunks: files.chunks!.files, chunkIndex: files.chunks!.index, specJson: files.specJson, counts: files.report.counts };
}

/**
 * A worker started ahead of need: loading the generators into a new thread takes ~0.8 s, so one
 * waits, loaded, for the next world's spec. Each worker makes one world and ends (nothing carries
 * over from one generation to the next); a new spare is started once a generation is over. Unref'd:
 * a spare never keeps the process alive.
 */
let spare: Worker | null = null;

function startWorker(): Worker {
  const worker = new Worker(new URL('./world-worker.mjs', import.meta.url));
  worker.unref();
  worker.once('exit', () => {
    if (spare === worker) spare = null;
  });
  return worker;
}

/** Starts the spare worker now (a server calls it at start, so its first world does not wait). */
export function prewarmWorldWorker(): void {
  spare ??= startWorker();
}

export function generateWorldInWorker(spec: WorldSpec, options: { signal?: AbortSignal; onProgress?: (event: ProgressEvent) => void } = {}): Promise<GeneratedWorld> {
  const worker = spare ?? startWorker();
  spare = null;
  // At work it keeps the process alive until the world is made (only a waiting spare is unref'd).
  worker.ref();
  worker.postMessage({ spec });
  return new Promise((resolve, reject) => {
    const stop = () => {
      void worker.terminate();
      setImmediate(prewarmWorldWorker);
      reject(new ServerError('WORLD_FAILED', `Generating world ${spec.seed} was cancelled.`, { cause: options.signal?.reason }));
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    const finish = () => {
      options.signal?.removeEventListener('abort', stop);
      void worker.terminate();
      setImmediate(prewarmWorldWorker);
    };
    worker.on('message', (message: { kind: 'progress'; event: ProgressEvent } | { kind: 'done'; result: GeneratedWorld } | { kind: 'failed'; message: string; code?: string }) => {
      if (message.kind === 'progress') options.onProgress?.(message.event);
      else if (message.kind === 'done') {
        finish();
        resolve(message.result);
      } else {
        finish();
        reject(new ServerError('WORLD_FAILED', `Generating the world failed: ${message.message}${message.code ? ` (${message.code})` : ''}`));
      }
    });
    worker.once('error', (error) => {
      finish();
      reject(new ServerError('WORLD_FAILED', `The world generation worker failed: ${(error as Error).message}`, { cause: error }));
    });
  });
}
