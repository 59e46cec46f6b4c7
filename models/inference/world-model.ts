/**
 * A world model: the ONNX step function of models/CONTRACT.md behind a card, run by onnxruntime in
 * worker threads. Two levels:
 *
 *   step(inputs)        one onnxruntime call for a batch of B streams, tensors as the contract
 *                       has them (float32 NCHW frames, actions, pose features, state)
 *   streams             per-stream state for users: `warm(frames, actions, poses)` with true
 *                       context frames, then `predict(action, pose)` → the next RGB uint8 frame;
 *                       `stepStreams` / `warmStreams` step many streams in one call per frame size
 *
 * A stream follows the contract's rollout exactly: warm-up call i feeds true frame i with the action
 * that led to it (zeros for the first) and its own pose, keeping only the state; each prediction
 * then feeds the last frame (the last true one, then the model's own float prediction, not the
 * rounded bytes), the action and the pose of the frame to predict.
 *
 * `loadWorldModel` refuses, before any step, a card that breaks the contract (MODEL_CARD), an ONNX
 * file whose sha256 or inputs and outputs differ from the card (MODEL_MISMATCH), and a file
 * onnxruntime cannot load (MODEL_LOAD).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkModelHash, checkModelTensors } from './check-model-file.ts';
import { planesToRgb, rgbToPlanes } from './frame-layout.ts';
import { ACTION_NAMES, POSE_FEATURES, poseFeatures, readModelCard, type ModelCard } from './model-card.ts';
import { ModelError } from './model-error.ts';
import { startInProcessRunner, startWorkerRunner, type Feeds, type StepRunner } from './step-runner.ts';

export interface WorldModelOptions {
  /** onnxruntime intra-op threads per session. */
  threads?: number;
  /** Worker threads, each with its own session; 0 runs the session on the calling thread. */
  workers?: number;
}

export const WORLD_MODEL_DEFAULTS: Required<WorldModelOptions> = { threads: 1, workers: 1 };

/** One step for a batch, as the ONNX step function takes it. */
export interface StepInputs {
  batch: number;
  height: number;
  width: number;
  /** [B, 3, H, W], 0…1. */
  frame: Float32Array;
  /** [B, 4]. */
  action: Float32Array;
  /** [B, 6] pose features (`poseFeatures`); only when the card's pose.used is true. */
  pose?: Float32Array;
  /** [B, C, H/d, W/d]; zeros at the start of a stream. */
  state: Float32Array;
}

export interface StepOutputs {
  batch: number;
  height: number;
  width: number;
  /** [B, 3, H, W], 0…1. */
  nextFrame: Float32Array;
  /** [B, C, H/d, W/d]. */
  nextState: Float32Array;
}

export interface WorldStream {
  readonly width: number;
  readonly height: number;
  /** Whether `warm` has run since the stream opened or was reset. */
  readonly isWarm: boolean;
  /** Frames predicted since the last warm-up. */
  readonly predicted: number;
  /**
   * Feeds the context: `frames` (RGB uint8, H × W × 3 each, or packed [K, H, W, 3]), `actions[i]`
   * the action that led to frame i (the first is ignored: zeros are fed), `poses[i]` frame i's pose
   * `[x, y, z, yaw, pitch]`. Starts from zero state; K is usually the card's `contextFrames`.
   */
  warm(frames: Uint8Array | readonly Uint8Array[], actions: ArrayLike<ArrayLike<number>>, poses: ArrayLike<ArrayLike<number>>): Promise<void>;
  /** The next frame (RGB uint8, H × W × 3) after `action`, seen from `pose`. */
  predict(action: ArrayLike<number>, pose: ArrayLike<number>): Promise<Uint8Array>;
  /**
   * Re-anchors a warm stream on a true frame (RGB uint8, H × W × 3): the next prediction starts from
   * it instead of the model's own last frame, keeping the state — what a warm-up step feeds. A live
   * server does this with rendered frames so long rollouts do not drift.
   */
  anchor(frame: Uint8Array): void;
  /** Forgets the state and the last frame; `warm` again before predicting. */
  reset(): void;
}

export interface StreamWarmup {
  stream: WorldStream;
  frames: Uint8Array | readonly Uint8Array[];
  actions: ArrayLike<ArrayLike<number>>;
  poses: ArrayLike<ArrayLike<number>>;
}

export interface StreamStep {
  stream: WorldStream;
  action: ArrayLike<number>;
  pose: ArrayLike<number>;
}

export interface WorldModel {
  readonly card: ModelCard;
  /** The directory holding the card. */
  readonly directory: string;
  readonly runner: 'workers' | 'in-process';
  /** Worker threads now running (0 after close). */
  readonly liveThreads: number;
  /** One onnxruntime call. The input arrays are transferred to the worker: they are detached after. */
  step(inputs: StepInputs): Promise<StepOutputs>;
  /** A new stream at the card's frame size or another (multiples of state.downsample). */
  openStream(size?: { width: number; height: number }): WorldStream;
  /** Warms many streams together: one call per context frame and frame size. */
  warmStreams(warmups: readonly StreamWarmup[]): Promise<void>;
  /** One prediction for each stream (each at most once), one call per frame size; frames in order. */
  stepStreams(steps: readonly StreamStep[]): Promise<Uint8Array[]>;
  /** Ends the worker threads; the model refuses further steps. */
  close(): Promise<void>;
}

/** Loads `model-card.json` (from a model directory or the card's path), checks the ONNX file and starts its sessions. */
export async function loadWorldModel(location: string, options: WorldModelOptions = {}): Promise<WorldModel> {
  const o = { ...WORLD_MODEL_DEFAULTS, ...options };
  if (!Number.isInteger(o.threads) || o.threads < 1) throw new ModelError('MODEL_INPUT', `threads must be a whole number ≥ 1 (got ${o.threads}).`);
  if (!Number.isInteger(o.workers) || o.workers < 0) throw new ModelError('MODEL_INPUT', `workers must be a whole number ≥ 0 (got ${o.workers}; 0 runs in process).`);
  const { card, path } = await readModelCard(location);
  const directory = dirname(path!);
  const onnxPath = join(directory, card.onnx);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(onnxPath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ModelError('MODEL_LOAD', `The card ${path} names the ONNX file "${card.onnx}", but ${onnxPath} cannot be read (${code}): put the file beside the card, or fix the card's onnx field.`, { cause: error });
  }
  const hashIssues = checkModelHash(card, bytes, onnxPath);
  if (hashIssues.length > 0) throw ModelError.fromIssues('MODEL_MISMATCH', `The ONNX file ${onnxPath} is not the one its card ${path} describes`, hashIssues, 'Use the card and the ONNX file from the same export.');
  const runner = o.workers === 0 ? await startInProcessRunner(bytes, o) : await startWorkerRunner(bytes, o.workers, o);
  const tensorIssues = checkModelTensors(card, runner.inputs, runner.outputs);
  if (tensorIssues.length > 0) {
    await runner.close();
    throw ModelError.fromIssues('MODEL_MISMATCH', `The ONNX model ${onnxPath} does not match its card ${path}`, tensorIssues, 'Export the model and its card together, as models/CONTRACT.md describes the step function.');
  }
  return createWorldModel(card, runner, directory);
}

/** A WorldModel over any runner (a session already started, or a stand-in in tests). */
export function createWorldModel(card: ModelCard, runner: StepRunner, directory: string): WorldModel {
  const d = card.state.downsample;
  const channels = card.state.channels;
  const actions = ACTION_NAMES.length;
  const { low, high } = card.actionSpace;

  const step = async (inputs: StepInputs): Promise<StepOutputs> => {
    checkStepInputs(card, inputs);
    const { batch: b, height: h, width: w } = inputs;
    const feeds: Feeds = {
      frame: { data: inputs.frame, dims: [b, 3, h, w] },
      action: { data: inputs.action, dims: [b, actions] },
      state: { data: inputs.state, dims: [b, channels, h / d, w / d] },
    };
    if (card.pose.used) feeds.pose = { data: inputs.pose!, dims: [b, POSE_FEATURES] };
    const out = await runner.run(feeds);
    const nextFrame = out.next_frame?.data;
    const nextState = out.next_state?.data;
    const frameSize = b * 3 * h * w;
    const stateSize = b * channels * (h / d) * (w / d);
    if (!(nextFrame instanceof Float32Array) || nextFrame.length !== frameSize || !(nextState instanceof Float32Array) || nextState.length !== stateSize) {
      throw new ModelError(
        'MODEL_RUN',
        `The model's outputs have the wrong size: next_frame [${out.next_frame?.dims.join(', ')}] and next_state [${out.next_state?.dims.join(', ')}] for a batch of ${b} at ${w}×${h} (expected [${b}, 3, ${h}, ${w}] and [${b}, ${channels}, ${h / d}, ${w / d}]).`,
      );
    }
    return { batch: b, height: h, width: w, nextFrame, nextState };
  };

  class Stream implements WorldStream {
    state: Float32Array | null = null;
    last: Float32Array | null = null;
    busy = false;
    predicted = 0;
    constructor(
      readonly width: number,
      readonly height: number,
    ) {}
    get isWarm() {
      return this.last !== null;
    }
    warm(frames: Uint8Array | readonly Uint8Array[], actions: ArrayLike<ArrayLike<number>>, poses: ArrayLike<ArrayLike<number>>) {
      return warmStreams([{ stream: this, frames, actions, poses }]);
    }
    async predict(action: ArrayLike<number>, pose: ArrayLike<number>) {
      return (await stepStreams([{ stream: this, action, pose }]))[0];
    }
    anchor(frame: Uint8Array) {
      if (this.busy) throw new ModelError('MODEL_INPUT', 'The stream is stepping; await its step before anchoring it.');
      if (!this.last) throw new ModelError('MODEL_INPUT', 'anchor: the stream has no context; warm it with true frames first.');
      const pixels = this.width * this.height;
      if (!(frame instanceof Uint8Array) || frame.length !== pixels * 3) throw new ModelError('MODEL_INPUT', `anchor: an RGB frame here is ${pixels * 3} bytes (H × W × 3, uint8); got ${frame instanceof Uint8Array ? frame.length : typeof frame}.`);
      const planes = new Float32Array(3 * pixels);
      rgbToPlanes(frame, pixels, planes);
      this.last = planes;
    }
    reset() {
      if (this.busy) throw new ModelError('MODEL_INPUT', 'The stream is stepping; await its step before resetting it.');
      this.state = null;
      this.last = null;
      this.predicted = 0;
    }
  }

  interface Call {
    stream: Stream;
    frame: Float32Array;
    action: Float32Array;
    pose: ArrayLike<number>;
  }

  /** Runs one step for each call, grouped by frame size; each stream keeps its new state (and frame when `keep`). */
  const runCalls = async (calls: Call[], keep: 'prediction' | 'state') => {
    const groups = new Map<string, Call[]>();
    for (const call of calls) {
      const key = `${call.stream.width}x${call.stream.height}`;
      groups.set(key, [...(groups.get(key) ?? []), call]);
    }
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const { width: w, height: h } = group[0].stream;
        const b = group.length;
        const framePlanes = 3 * w * h;
        const stateSize = channels * (h / d) * (w / d);
        const inputs: StepInputs = {
          batch: b,
          height: h,
          width: w,
          frame: new Float32Array(b * framePlanes),
          action: new Float32Array(b * actions),
          pose: card.pose.used ? new Float32Array(b * POSE_FEATURES) : undefined,
          state: new Float32Array(b * stateSize),
        };
        group.forEach((call, i) => {
          inputs.frame.set(call.frame, i * framePlanes);
          inputs.action.set(call.action, i * actions);
          if (inputs.pose) poseFeatures(card, call.pose, inputs.pose, i * POSE_FEATURES);
          if (call.stream.state) inputs.state.set(call.stream.state, i * stateSize);
        });
        const out = await step(inputs);
        group.forEach((call, i) => {
          call.stream.state = out.nextState.subarray(i * stateSize, (i + 1) * stateSize);
          if (keep === 'prediction') call.stream.last = out.nextFrame.subarray(i * framePlanes, (i + 1) * framePlanes);
        });
      }),
    );
  };

  const own = (stream: WorldStream, what: string): Stream => {
    if (!(stream instanceof Stream)) throw new ModelError('MODEL_INPUT', `${what}: the stream was opened by another WorldModel; step each stream with the model that opened it.`);
    return stream;
  };

  const actionArray = (action: ArrayLike<number>, where: string, zero = false): Float32Array => {
    if (action?.length !== actions) throw new ModelError('MODEL_INPUT', `${where}: an action is ${actions} numbers [${ACTION_NAMES.join(', ')}]; got ${action?.length ?? action}.`);
    const out = new Float32Array(actions);
    for (let i = 0; i < actions; i++) {
      const v = action[i];
      if (!Number.isFinite(v) || v < low[i] || v > high[i]) {
        throw new ModelError('MODEL_INPUT', `${where}: action ${ACTION_NAMES[i]} is ${v}; it must be a number from ${low[i]} to ${high[i]}.`);
      }
      if (!zero) out[i] = v;
    }
    return out;
  };

  const reserve = (streams: Stream[], what: string) => {
    const seen = new Set<Stream>();
    for (const s of streams) {
      if (seen.has(s)) throw new ModelError('MODEL_INPUT', `${what}: a stream is listed twice; step each stream once per call.`);
      if (s.busy) throw new ModelError('MODEL_INPUT', `${what}: a stream is still stepping; await its previous step first.`);
      seen.add(s);
    }
    for (const s of streams) s.busy = true;
    return () => {
      for (const s of streams) s.busy = false;
    };
  };

  const warmStreams = async (warmups: readonly StreamWarmup[]) => {
    const streams = warmups.map((w, i) => own(w.stream, `warmStreams[${i}]`));
    // Check everything before the first call.
    const contexts = warmups.map((w, i) => {
      const s = streams[i];
      const where = `warm (stream ${i})`;
      const pixels = s.width * s.height;
      const frames = splitFrames(w.frames, pixels, where);
      if (frames.length === 0) throw new ModelError('MODEL_INPUT', `${where}: no context frames; give at least one (the card's contextFrames is ${card.contextFrames}).`);
      if (w.actions?.length !== frames.length || w.poses?.length !== frames.length) {
        throw new ModelError('MODEL_INPUT', `${where}: ${frames.length} frames but ${w.actions?.length} actions and ${w.poses?.length} poses; give one action and one pose per frame.`);
      }
      return frames.map((frame, k) => {
        const planes = new Float32Array(3 * pixels);
        rgbToPlanes(frame, pixels, planes);
        checkPose(w.poses[k], `${where}, pose ${k}`);
        return { frame: planes, action: actionArray(w.actions[k], `${where}, action ${k}`, k === 0), pose: w.poses[k] };
      });
    });
    const release = reserve(streams, 'warmStreams');
    try {
      for (const s of streams) {
        s.state = null;
        s.last = null;
        s.predicted = 0;
      }
      const longest = Math.max(...contexts.map((c) => c.length));
      for (let k = 0; k < longest; k++) {
        const calls: Call[] = [];
        contexts.forEach((context, i) => {
          if (k < context.length) calls.push({ stream: streams[i], ...context[k] });
        });
        await runCalls(calls, 'state');
      }
      contexts.forEach((context, i) => (streams[i].last = context[context.length - 1].frame));
    } catch (error) {
      for (const s of streams) s.state = s.last = null;
      throw error;
    } finally {
      release();
    }
  };

  const stepStreams = async (steps: readonly StreamStep[]): Promise<Uint8Array[]> => {
    const streams = steps.map((s, i) => own(s.stream, `stepStreams[${i}]`));
    const calls: Call[] = steps.map((s, i) => {
      const stream = streams[i];
      if (!stream.last) throw new ModelError('MODEL_INPUT', `predict (stream ${i}): the stream has no context; warm it with true frames first.`);
      checkPose(s.pose, `predict (stream ${i})`);
      return { stream, frame: stream.last, action: actionArray(s.action, `predict (stream ${i})`), pose: s.pose };
    });
    const release = reserve(streams, 'stepStreams');
    try {
      await runCalls(calls, 'prediction');
    } finally {
      release();
    }
    return streams.map((s) => {
      s.predicted++;
      return planesToRgb(s.last!, s.width * s.height);
    });
  };

  const checkPose = (pose: ArrayLike<number>, where: string) => {
    if (pose?.length !== 5) throw new ModelError('MODEL_INPUT', `${where}: a pose is [x, y, z, yaw, pitch]; got ${pose?.length ?? pose} numbers.`);
    for (let i = 0; i < 5; i++) if (!Number.isFinite(pose[i])) throw new ModelError('MODEL_INPUT', `${where}: pose field ${i} is ${pose[i]}; poses must be finite numbers.`);
  };

  return {
    card,
    directory,
    runner: runner.kind,
    get liveThreads() {
      return runner.liveThreads;
    },
    step,
    openStream(size = { width: card.frame.width, height: card.frame.height }) {
      const { width, height } = size;
      for (const [name, v] of [
        ['width', width],
        ['height', height],
      ] as const) {
        if (!Number.isInteger(v) || v < d || v % d !== 0) throw new ModelError('MODEL_INPUT', `A stream's ${name} must be a positive multiple of state.downsample (${d}); got ${v}.`);
      }
      return new Stream(width, height);
    },
    warmStreams,
    stepStreams,
    close: () => runner.close(),
  };
}

function splitFrames(frames: Uint8Array | readonly Uint8Array[], pixels: number, where: string): Uint8Array[] {
  const size = pixels * 3;
  if (frames instanceof Uint8Array) {
    if (frames.length % size !== 0) throw new ModelError('MODEL_INPUT', `${where}: ${frames.length} bytes is not a whole number of ${size}-byte RGB frames (H × W × 3).`);
    return Array.from({ length: frames.length / size }, (_, k) => frames.subarray(k * size, (k + 1) * size));
  }
  if (!Array.isArray(frames)) throw new ModelError('MODEL_INPUT', `${where}: frames must be a Uint8Array or a list of them.`);
  frames.forEach((f, k) => {
    if (!(f instanceof Uint8Array) || f.length !== size) throw new ModelError('MODEL_INPUT', `${where}: frame ${k} is ${f instanceof Uint8Array ? `${f.length} bytes` : typeof f}; an RGB frame here is ${size} bytes (H × W × 3, uint8).`);
  });
  return [...frames];
}

/** Shapes, sizes and values of a step's inputs, before anything runs. */
export function checkStepInputs(card: ModelCard, inputs: StepInputs): void {
  const d = card.state.downsample;
  const { batch: b, height: h, width: w } = inputs;
  if (!Number.isInteger(b) || b < 1) throw new ModelError('MODEL_INPUT', `batch must be a whole number ≥ 1 (got ${b}).`);
  for (const [name, v] of [
    ['height', h],
    ['width', w],
  ] as const) {
    if (!Number.isInteger(v) || v < d || v % d !== 0) throw new ModelError('MODEL_INPUT', `${name} must be a positive multiple of state.downsample (${d}); got ${v}.`);
  }
  const expect: Array<[string, Float32Array | undefined, number, string]> = [
    ['frame', inputs.frame, b * 3 * h * w, `[${b}, 3, ${h}, ${w}]`],
    ['action', inputs.action, b * ACTION_NAMES.length, `[${b}, ${ACTION_NAMES.length}]`],
    ['state', inputs.state, b * card.state.channels * (h / d) * (w / d), `[${b}, ${card.state.channels}, ${h / d}, ${w / d}]`],
  ];
  if (card.pose.used) expect.push(['pose', inputs.pose, b * POSE_FEATURES, `[${b}, ${POSE_FEATURES}]`]);
  else if (inputs.pose !== undefined) throw new ModelError('MODEL_INPUT', 'This model takes no pose (its card says pose.used is false); leave pose out.');
  for (const [name, data, length, shape] of expect) {
    if (!(data instanceof Float32Array)) throw new ModelError('MODEL_INPUT', `${name} must be a Float32Array ${shape}; got ${data === undefined ? 'nothing' : (data as object)?.constructor?.name ?? typeof data}.`);
    if (data.length !== length) throw new ModelError('MODEL_INPUT', `${name} has ${data.length} numbers; ${shape} is ${length}${data.length === 0 && data.buffer.byteLength === 0 ? ' (was it transferred by an earlier step? step() detaches its inputs)' : ''}.`);
    // x · 0 is NaN exactly when x is NaN or ±∞: one cheap pass (about 1 ns a number), then find it.
    let probe = 0;
    for (let i = 0; i < data.length; i++) probe += data[i] * 0;
    if (probe !== 0) {
      const i = data.findIndex((v) => !Number.isFinite(v));
      throw new ModelError('MODEL_INPUT', `${name}[${i}] is ${data[i]}; every input must be a finite number.`);
    }
  }
}
