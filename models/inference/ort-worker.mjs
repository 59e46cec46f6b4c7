// One onnxruntime-node InferenceSession in a worker thread (see world-model.ts). Plain JavaScript:
// it needs no TypeScript, so it starts without a loader. Messages:
//   in   {kind: 'run', id, feeds: {name: {data: Float32Array, dims}}}   (buffers transferred)
//        {kind: 'close'}
//   out  {kind: 'ready', inputs, outputs}  the session's input and output metadata
//        {kind: 'result', id, outputs: {name: {data, dims}}}           (buffers transferred)
//        {kind: 'failed', id?, message, stage}
import { parentPort, workerData } from 'node:worker_threads';
import ort from 'onnxruntime-node';

const { model, threads } = workerData;
let session;
try {
  // onnxruntime takes bytes on an ArrayBuffer, not a SharedArrayBuffer: this worker's own copy.
  session = await ort.InferenceSession.create(new Uint8Array(model).slice(), {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
} catch (error) {
  parentPort.postMessage({ kind: 'failed', stage: 'load', message: error?.message ?? String(error) });
}

if (session) {
  const metadata = (list) => list.map((m) => ({ name: m.name, isTensor: m.isTensor, type: m.type, shape: m.isTensor ? [...m.shape] : [] }));
  parentPort.postMessage({ kind: 'ready', inputs: metadata(session.inputMetadata), outputs: metadata(session.outputMetadata) });
  parentPort.on('message', async (message) => {
    if (message.kind === 'close') {
      await session.release().catch(() => {});
      parentPort.close();
      return;
    }
    const { id, feeds } = message;
    try {
      const tensors = {};
      for (const [name, { data, dims }] of Object.entries(feeds)) tensors[name] = new ort.Tensor('float32', data, dims);
      const results = await session.run(tensors);
      const outputs = {};
      const transfer = [];
      for (const [name, tensor] of Object.entries(results)) {
        let data = tensor.data;
        // Transfer the output's buffer when it holds only this tensor; otherwise copy it out.
        if (data.byteOffset !== 0 || data.byteLength !== data.buffer.byteLength) data = data.slice();
        outputs[name] = { data, dims: [...tensor.dims] };
        transfer.push(data.buffer);
      }
      parentPort.postMessage({ kind: 'result', id, outputs }, transfer);
    } catch (error) {
      parentPort.postMessage({ kind: 'failed', id, stage: 'run', message: error?.message ?? String(error) });
    }
  });
}
