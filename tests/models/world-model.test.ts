import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rgbToPlanes } from '../../models/inference/frame-layout.ts';
import { poseFeatures } from '../../models/inference/model-card.ts';
import { ModelError } from '../../models/inference/model-error.ts';
import { loadWorldModel, type StepInputs, type WorldModel } from '../../models/inference/world-model.ts';

const TINY = 'tests/fixtures/models/tiny';

interface Encoded {
  shape: number[];
  data: string;
}
const reference = JSON.parse(readFileSync(`${TINY}/reference.json`, 'utf8')) as { tolerance: number; inputs: Record<string, Encoded>; outputs: Record<string, Encoded> };
const decode = (t: Encoded) => new Float32Array(new Uint8Array(Buffer.from(t.data, 'base64')).buffer);

function referenceInputs(): StepInputs {
  const [batch, , height, width] = reference.inputs.frame.shape;
  return { batch, height, width, frame: decode(reference.inputs.frame), action: decode(reference.inputs.action), pose: decode(reference.inputs.pose), state: decode(reference.inputs.state) };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** A smooth seeded test frame, RGB uint8. */
function frame(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < 3; c++) out[(y * size + x) * 3 + c] = Math.round(127.5 + 127.5 * Math.sin(0.2 * x * (c + 1) + 0.13 * y + seed));
    }
  }
  return out;
}

const context = (size: number, seed: number) => ({
  frames: [0, 1, 2, 3].map((k) => frame(size, seed + k)),
  actions: [
    [0, 0, 0, 0],
    [0.5, 0, 0.1, 0],
    [0.5, -0.2, 0.1, 0.05],
    [1, 0, -0.3, 0],
  ],
  poses: [0, 1, 2, 3].map((k) => [seed + 0.1 * k, 3.5, -seed, 0.2 * k, 0.01 * k]),
});

const threadCount = () => (existsSync('/proc/self/task') ? readdirSync('/proc/self/task').length : -1);

async function rejected(promise: Promise<unknown>, code: string): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  expect((error as ModelError).code).toBe(code);
  return error as ModelError;
}

let model: WorldModel;
beforeAll(async () => {
  model = await loadWorldModel(TINY);
});
afterAll(() => model?.close());

describe('WorldModel over the fixture model', () => {
  it('runs in a worker thread and matches PyTorch (reference.json) within its tolerance', async () => {
    expect(model.runner).toBe('workers');
    expect(model.liveThreads).toBe(1);
    expect(reference.tolerance).toBeLessThanOrEqual(1e-4);
    const out = await model.step(referenceInputs());
    expect(maxDiff(out.nextFrame, decode(reference.outputs.next_frame))).toBeLessThanOrEqual(reference.tolerance);
    expect(maxDiff(out.nextState, decode(reference.outputs.next_state))).toBeLessThanOrEqual(reference.tolerance);
  });

  it('gives the same numbers in process and in two workers', async () => {
    const inProcess = await loadWorldModel(TINY, { workers: 0 });
    const two = await loadWorldModel(TINY, { workers: 2, threads: 1 });
    try {
      expect(inProcess.liveThreads).toBe(0);
      expect(two.liveThreads).toBe(2);
      const base = await model.step(referenceInputs());
      const a = await inProcess.step(referenceInputs());
      const [b, c] = await Promise.all([two.step(referenceInputs()), two.step(referenceInputs())]);
      for (const other of [a, b, c]) {
        expect(maxDiff(other.nextFrame, base.nextFrame)).toBe(0);
        expect(maxDiff(other.nextState, base.nextState)).toBe(0);
      }
    } finally {
      await inProcess.close();
      await two.close();
    }
  });

  it('gives each stream of a batch what it gets alone', async () => {
    const batched = await model.step(referenceInputs());
    const whole = referenceInputs();
    const { height: h, width: w } = whole;
    const frameSize = 3 * h * w;
    const stateSize = whole.state.length / whole.batch;
    for (let i = 0; i < whole.batch; i++) {
      const one = await model.step({
        batch: 1,
        height: h,
        width: w,
        frame: whole.frame.slice(i * frameSize, (i + 1) * frameSize),
        action: whole.action.slice(i * 4, (i + 1) * 4),
        pose: whole.pose!.slice(i * 6, (i + 1) * 6),
        state: whole.state.slice(i * stateSize, (i + 1) * stateSize),
      });
      // Exact (0) on the machines tried; 1e-5 leaves room for kernels that block batches differently.
      expect(maxDiff(one.nextFrame, batched.nextFrame.subarray(i * frameSize, (i + 1) * frameSize))).toBeLessThanOrEqual(1e-5);
      expect(maxDiff(one.nextState, batched.nextState.subarray(i * stateSize, (i + 1) * stateSize))).toBeLessThanOrEqual(1e-5);
    }
  });

  it('streams: three stepped together give the frames each gives alone, over a rollout', async () => {
    const size = model.card.frame.width;
    const contexts = [context(size, 1), context(size, 2), context(size, 3)];
    const together = contexts.map(() => model.openStream());
    await model.warmStreams(contexts.map((c, i) => ({ stream: together[i], ...c })));
    const alone = contexts.map(() => model.openStream());
    for (let i = 0; i < contexts.length; i++) await alone[i].warm(contexts[i].frames, contexts[i].actions, contexts[i].poses);
    for (let n = 1; n <= 3; n++) {
      const action = [0.8, 0.1 * n, -0.2, 0];
      const poses = contexts.map((c) => [c.poses[3][0] + 0.2 * n, 3.5, c.poses[3][2], 0.6 + 0.05 * n, 0.03]);
      const batched = await model.stepStreams(together.map((stream, i) => ({ stream, action, pose: poses[i] })));
      for (let i = 0; i < contexts.length; i++) {
        const single = await alone[i].predict(action, poses[i]);
        expect(single.length).toBe(size * size * 3);
        // Exact on the machines tried; a float difference of 1e-6 could still round one byte the other way.
        expect(maxDiff(single, batched[i])).toBeLessThanOrEqual(1);
      }
    }
    expect(together[0].predicted).toBe(3);
  });

  it('streams follow the contract rollout exactly (warm-up: action that led to the frame, zeros first, its own pose; last true frame fed again)', async () => {
    const size = model.card.frame.width;
    const c = context(size, 5);
    const stream = model.openStream();
    await stream.warm(c.frames, c.actions, c.poses);
    const nextAction = [0.3, 0.3, 0.3, -0.3];
    const nextPose = [6, 3.5, -5, 0.9, 0.05];
    const got = await stream.predict(nextAction, nextPose);

    const channels = model.card.state.channels;
    const d = model.card.state.downsample;
    let state: Float32Array = new Float32Array(channels * (size / d) ** 2);
    const planes = (rgb: Uint8Array) => {
      const out = new Float32Array(3 * size * size);
      rgbToPlanes(rgb, size * size, out);
      return out;
    };
    for (let i = 0; i < 4; i++) {
      const out = await model.step({ batch: 1, height: size, width: size, frame: planes(c.frames[i]), action: Float32Array.from(i === 0 ? [0, 0, 0, 0] : c.actions[i]), pose: poseFeatures(model.card, c.poses[i]), state });
      state = out.nextState;
    }
    const out = await model.step({ batch: 1, height: size, width: size, frame: planes(c.frames[3]), action: Float32Array.from(nextAction), pose: poseFeatures(model.card, nextPose), state });
    const want = new Uint8Array(size * size * 3);
    for (let p = 0; p < size * size; p++) for (let ch = 0; ch < 3; ch++) want[p * 3 + ch] = Math.round(Math.min(1, Math.max(0, out.nextFrame[ch * size * size + p])) * 255);
    expect(maxDiff(got, want)).toBe(0);
  });

  it('runs at another frame size (the network is fully convolutional)', async () => {
    const stream = model.openStream({ width: 64, height: 48 });
    const c = context(8, 1);
    const frames = [0, 1].map(() => new Uint8Array(64 * 48 * 3).fill(100));
    await stream.warm(frames, c.actions.slice(0, 2), c.poses.slice(0, 2));
    const next = await stream.predict([1, 0, 0, 0], c.poses[2]);
    expect(next.length).toBe(64 * 48 * 3);
  });

  it('keeps the event loop free while a step runs (in process it would stall)', async () => {
    const b = 16;
    const s = 128;
    const big = () => ({ batch: b, height: s, width: s, frame: new Float32Array(b * 3 * s * s).fill(0.5), action: new Float32Array(b * 4), pose: new Float32Array(b * 6), state: new Float32Array(b * 24 * 16 * 16) });
    await model.step(big());
    let ticks = 0;
    const timer = setInterval(() => ticks++, 2);
    const started = performance.now();
    await model.step(big());
    const ms = performance.now() - started;
    clearInterval(timer);
    // About 130 ms of inference here; a blocked loop would tick at most once.
    expect(ticks).toBeGreaterThanOrEqual(Math.min(5, Math.floor(ms / 20)));
  });

  it('refuses bad step inputs, naming what is wrong', async () => {
    const good = referenceInputs();
    expect((await rejected(model.step({ ...referenceInputs(), batch: 0 }), 'MODEL_INPUT')).message).toMatch(/batch/);
    expect((await rejected(model.step({ ...referenceInputs(), batch: 3 }), 'MODEL_INPUT')).message).toMatch(/frame has 6144 numbers; \[3, 3, 32, 32\]/);
    expect((await rejected(model.step({ ...referenceInputs(), height: 30 }), 'MODEL_INPUT')).message).toMatch(/multiple of state\.downsample \(8\)/);
    const nan = referenceInputs();
    nan.action[5] = Number.NaN;
    expect((await rejected(model.step(nan), 'MODEL_INPUT')).message).toMatch(/action\[5\] is NaN/);
    expect((await rejected(model.step({ ...referenceInputs(), pose: undefined }), 'MODEL_INPUT')).message).toMatch(/pose must be a Float32Array/);
    // Inputs are transferred to the worker: a second step with the same arrays is refused, not garbage.
    await model.step(good);
    expect((await rejected(model.step(good), 'MODEL_INPUT')).message).toMatch(/detaches its inputs/);

    const stream = model.openStream();
    expect((await rejected(stream.predict([0, 0, 0, 0], [0, 0, 0, 0, 0]), 'MODEL_INPUT')).message).toMatch(/warm it with true frames/);
    const c = context(32, 1);
    expect((await rejected(stream.warm(c.frames, c.actions.slice(1), c.poses), 'MODEL_INPUT')).message).toMatch(/4 frames but 3 actions/);
    expect((await rejected(stream.warm([new Uint8Array(10)], [[0, 0, 0, 0]], [[0, 0, 0, 0, 0]]), 'MODEL_INPUT')).message).toMatch(/3072 bytes/);
    await stream.warm(c.frames, c.actions, c.poses);
    expect((await rejected(stream.predict([2, 0, 0, 0], c.poses[0]), 'MODEL_INPUT')).message).toMatch(/forward is 2; it must be a number from -1 to 1/);
    expect((await rejected(stream.predict([0, 0, 0], c.poses[0]), 'MODEL_INPUT')).message).toMatch(/4 numbers/);
    expect((await rejected(stream.predict([0, 0, 0, 0], [0, 0, Infinity, 0, 0]), 'MODEL_INPUT')).message).toMatch(/finite/);
    expect((await rejected(model.stepStreams([{ stream, action: [0, 0, 0, 0], pose: c.poses[0] }, { stream, action: [0, 0, 0, 0], pose: c.poses[0] }]), 'MODEL_INPUT')).message).toMatch(/listed twice/);
    const first = stream.predict([0, 0, 0, 0], c.poses[0]);
    expect((await rejected(stream.predict([0, 0, 0, 0], c.poses[0]), 'MODEL_INPUT')).message).toMatch(/still stepping/);
    await first;
    expect(() => model.openStream({ width: 20, height: 32 })).toThrow(/multiple of state\.downsample/);
  });

  it('close() ends the worker threads, and a closed model refuses steps', async () => {
    const before = threadCount();
    const extra = await loadWorldModel(TINY, { workers: 3 });
    expect(extra.liveThreads).toBe(3);
    if (before > 0) expect(threadCount()).toBeGreaterThanOrEqual(before + 3);
    const stream = extra.openStream();
    const c = context(32, 1);
    await stream.warm(c.frames, c.actions, c.poses);
    await extra.close();
    expect(extra.liveThreads).toBe(0);
    await rejected(extra.step(referenceInputs()), 'MODEL_CLOSED');
    await rejected(stream.predict([0, 0, 0, 0], c.poses[0]), 'MODEL_CLOSED');
    await extra.close();
    // The process has the threads it had before (Linux: /proc/self/task).
    if (before > 0) expect(threadCount()).toBe(before);

    await model.close();
    expect(model.liveThreads).toBe(0);
    if (before > 0) expect(threadCount()).toBe(before - 1);
  });
});
