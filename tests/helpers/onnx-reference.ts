/**
 * An exported step function checked against the exporter's `reference.json`: PyTorch's outputs for
 * two seeded streams (base64 little-endian float32), which onnxruntime-node must give within the
 * file's tolerance, in one batch and per stream.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { expect } from 'vitest';

export interface EncodedTensor {
  shape: number[];
  dtype: 'float32';
  data: string;
}
export interface Reference {
  tolerance: number;
  inputs: Record<string, EncodedTensor>;
  outputs: Record<string, EncodedTensor>;
}

function decode(t: EncodedTensor): ort.Tensor {
  const bytes = Buffer.from(t.data, 'base64');
  const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return new ort.Tensor('float32', data, t.shape);
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i += 1) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** One stream (row `i`) of a batch tensor, as a batch of one. */
function row(t: ort.Tensor, i: number): ort.Tensor {
  const per = t.data.length / t.dims[0];
  return new ort.Tensor('float32', (t.data as Float32Array).slice(i * per, (i + 1) * per), [1, ...t.dims.slice(1)]);
}

export async function checkAgainstReference(dir: string): Promise<void> {
  const reference = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8')) as Reference;
  const session = await ort.InferenceSession.create(join(dir, 'model.onnx'), { intraOpNumThreads: 1 });
  try {
    expect(session.inputNames).toEqual(['frame', 'action', 'pose', 'state']);
    expect(session.outputNames).toEqual(['next_frame', 'next_state']);
    const feeds = Object.fromEntries(Object.entries(reference.inputs).map(([k, v]) => [k, decode(v)]));
    const out = await session.run(feeds);
    for (const name of ['next_frame', 'next_state']) {
      const want = decode(reference.outputs[name]);
      expect(out[name].dims).toEqual(want.dims);
      expect(maxDiff(out[name].data as Float32Array, want.data as Float32Array)).toBeLessThanOrEqual(reference.tolerance);
    }
    // Each stream alone gives what it gave in the batch.
    for (let i = 0; i < reference.inputs.frame.shape[0]; i += 1) {
      const single = await session.run(Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, row(v, i)])));
      for (const name of ['next_frame', 'next_state']) {
        expect(maxDiff(single[name].data as Float32Array, row(out[name], i).data as Float32Array)).toBeLessThanOrEqual(1e-5);
      }
    }
  } finally {
    await session.release();
  }
}

