/**
 * Where the ONNX step function runs. `startWorkerRunner` starts worker threads (node:worker_threads),
 * each with its own onnxruntime-node InferenceSession, so inference never blocks the event loop;
 * calls go to the worker with the fewest in flight, and tensors cross by transferring their
 * ArrayBuffers (no copies). `startInProcessRunner` runs the session on the calling thread — for
 * benchmarks that want the bare session, and where a worker cannot start.
 *
 * Measured with the tiny fixture at 128², batch 16 (about 135 ms a call): a 2 ms interval timer
 * fired once during an in-process call and 53 times during a worker's.
 *
 * onnxruntime-node is a Node-API addon, so it loads in any number of worker threads; each worker
 * has its own session and its own intra-op thread pool (`threads`, default 1). Workers are unref'd
 * while idle: a model that was never closed does not keep the process alive.
 */
import { Worker } from 'node:worker_threads';
import { ModelError } from './model-error.ts';

export interface TensorData {
  data: Float32Array;
  dims: number[];
}
export type Feeds = Record<string, TensorData>;

/** One input or output as onnxruntime describes it. */
export interface ValueMetadata {
  name: string;
  isTensor: boolean;
  type?: string;
  /** Fixed sizes as numbers, named dynamic axes as strings; empty when the model gives no shape. */
  shape: Array<number | string>;
}

export interface StepRunner {
  readonly kind: 'workers' | 'in-process';
  readonly inputs: ValueMetadata[];
  readonly outputs: ValueMetadata[];
  /** Runs the model. Input buffers that hold only their tensor are transferred (detached). */
  run(feeds: Feeds): Promise<Record<string, TensorData>>;
  /** Live worker threads (0 after close, and always 0 in process). */
  readonly liveThreads: number;
  close(): Promise<void>;
}

export interface RunnerOptions {
  /** onnxruntime intra-op threads per session. */
  threads: number;
}

interface Pending {
  resolve(outputs: Record<string, TensorData>): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  inFlight: number;
  pending: Map<number, Pending>;
  exited: Promise<void>;
  alive: boolean;
}

let nextId = 0;

/** Starts `workers` worker threads on the model's bytes; resolves when every session has loaded. */
export async function startWorkerRunner(model: Uint8Array, workers: number, options: RunnerOptions): Promise<StepRunner> {
  // One copy of the model's bytes, shared by every worker.
  const shared = new SharedArrayBuffer(model.byteLength);
  new Uint8Array(shared).set(model);
  const slots: Slot[] = [];
  let metadata: { inputs: ValueMetadata[]; outputs: ValueMetadata[] } | undefined;
  let closed = false;
  let failure: ModelError | undefined;

  const startOne = () =>
    new Promise<Slot>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = new Worker(new URL('./ort-worker.mjs', import.meta.url), { workerData: { model: shared, threads: options.threads } });
      } catch (error) {
        reject(new ModelError('MODEL_LOAD', `Cannot start a worker thread for onnxruntime: ${(error as Error).message}. Load the model with {workers: 0} to run it on this thread.`, { cause: error }));
        return;
      }
      let exitDone!: () => void;
      const slot: Slot = { worker, inFlight: 0, pending: new Map(), exited: new Promise((r) => (exitDone = r)), alive: true };
      let ready = false;
      const failAll = (error: ModelError) => {
        for (const pending of slot.pending.values()) pending.reject(error);
        slot.pending.clear();
        slot.inFlight = 0;
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'ready') {
          ready = true;
          metadata ??= { inputs: message.inputs, outputs: message.outputs };
          worker.unref();
          resolve(slot);
        } else if (message.kind === 'result' || (message.kind === 'failed' && message.id !== undefined)) {
          const pending = slot.pending.get(message.id!);
          if (!pending) return;
          slot.pending.delete(message.id!);
          if (--slot.inFlight === 0) worker.unref();
          if (message.kind === 'result') pending.resolve(message.outputs);
          else pending.reject(new ModelError('MODEL_RUN', `onnxruntime failed to run the model: ${message.message}`));
        } else if (message.kind === 'failed') {
          reject(new ModelError('MODEL_LOAD', `onnxruntime cannot load the model: ${message.message.replace(/\.+$/, '')}. Is the file a complete ONNX model (opset ≤ 17)? Export it again.`));
        }
      });
      worker.on('error', (error: Error) => {
        const wrapped = new ModelError(ready ? 'MODEL_RUN' : 'MODEL_LOAD', `The onnxruntime worker thread failed: ${error.message}`, { cause: error });
        failure ??= wrapped;
        failAll(wrapped);
        if (!ready) reject(wrapped);
      });
      worker.on('exit', (code) => {
        slot.alive = false;
        exitDone();
        if (!closed) {
          const error = new ModelError('MODEL_RUN', `The onnxruntime worker thread stopped (exit code ${code}) before the model was closed.`);
          failure ??= error;
          failAll(error);
        }
        if (!ready) reject(failure ?? new ModelError('MODEL_LOAD', `The onnxruntime worker thread stopped (exit code ${code}) while loading the model.`));
      });
    });

  const started = await Promise.allSettled(Array.from({ length: workers }, startOne));
  for (const result of started) if (result.status === 'fulfilled') slots.push(result.value);
  const rejected = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const slot of slots) {
      if (!slot.alive) continue;
      slot.worker.ref();
      slot.worker.postMessage({ kind: 'close' });
    }
    // A worker that does not end on its own within a second is terminated.
    await Promise.all(
      slots.map(async (slot) => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), 1000)));
        const how = await Promise.race([slot.exited, late]);
        clearTimeout(timer);
        if (how === 'late') {
          await slot.worker.terminate();
          await slot.exited;
        }
      }),
    );
  };
  if (rejected) {
    await close();
    throw rejected.reason;
  }

  return {
    kind: 'workers',
    inputs: metadata!.inputs,
    outputs: metadata!.outputs,
    get liveThreads() {
      return slots.filter((s) => s.alive).length;
    },
    run(feeds) {
      if (closed) return Promise.reject(new ModelError('MODEL_CLOSED', 'The world model was closed; load it again to step it.'));
      if (failure) return Promise.reject(failure);
      let slot = slots[0];
      for (const s of slots) if (s.alive && s.inFlight < slot.inFlight) slot = s;
      const id = nextId++;
      const transfer: ArrayBuffer[] = [];
      const message: Feeds = {};
      for (const [name, tensor] of Object.entries(feeds)) {
        let data = tensor.data;
        const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer;
        if (!whole || transfer.includes(data.buffer as ArrayBuffer)) data = data.slice();
        transfer.push(data.buffer as ArrayBuffer);
        message[name] = { data, dims: tensor.dims };
      }
      return new Promise((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        if (slot.inFlight++ === 0) slot.worker.ref();
        slot.worker.postMessage({ kind: 'run', id, feeds: message }, transfer);
      });
    },
    close,
  };
}

/** The session on the calling thread: inference blocks the event loop while it runs. */
export async function startInProcessRunner(model: Uint8Array, options: RunnerOptions): Promise<StepRunner> {
  // The package is CommonJS: loaders differ on whether its exports arrive as `default`.
  const loaded = await import('onnxruntime-node');
  const ort = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
  let session: Awaited<ReturnType<typeof ort.InferenceSession.create>>;
  try {
    session = await ort.InferenceSession.create(model, { intraOpNumThreads: options.threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });
  } catch (error) {
    throw new ModelError('MODEL_LOAD', `onnxruntime cannot load the model: ${(error as Error).message.replace(/\.+$/, '')}. Is the file a complete ONNX model (opset ≤ 17)? Export it again.`, { cause: error });
  }
  const describe = (list: typeof session.inputMetadata): ValueMetadata[] =>
    list.map((m) => ({ name: m.name, isTensor: m.isTensor, type: m.isTensor ? m.type : undefined, shape: m.isTensor ? [...m.shape] : [] }));
  let closed = false;
  return {
    kind: 'in-process',
    inputs: describe(session.inputMetadata),
    outputs: describe(session.outputMetadata),
    liveThreads: 0,
    async run(feeds) {
      if (closed) throw new ModelError('MODEL_CLOSED', 'The world model was closed; load it again to step it.');
      const tensors: Record<string, InstanceType<typeof ort.Tensor>> = {};
      for (const [name, { data, dims }] of Object.entries(feeds)) tensors[name] = new ort.Tensor('float32', data, dims);
      let results;
      try {
        results = await session.run(tensors);
      } catch (error) {
        throw new ModelError('MODEL_RUN', `onnxruntime failed to run the model: ${(error as Error).message}`, { cause: error });
      }
      const outputs: Record<string, TensorData> = {};
      for (const [name, tensor] of Object.entries(results)) outputs[name] = { data: tensor.data as Float32Array, dims: [...tensor.dims] };
      return outputs;
    },
    async close() {
      if (closed) return;
      closed = true;
      await session.release();
    },
  };
}

type WorkerMessage =
  | { kind: 'ready'; inputs: ValueMetadata[]; outputs: ValueMetadata[] }
  | { kind: 'result'; id: number; outputs: Record<string, TensorData> }
  | { kind: 'failed'; id?: number; stage: 'load' | 'run'; message: string };
