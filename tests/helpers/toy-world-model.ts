/**
 * A small step function that meets models/CONTRACT.md, built by hand (tests/helpers/onnx-builder.ts)
 * with seeded weights, and its card: for tests of the card checks, of mismatches between a card and
 * its ONNX file, and of stream bookkeeping. Not trained; its frames mean nothing.
 *
 *   pooled     = AveragePool(frame, d × d)                       [B, 3, H/d, W/d]
 *   bias       = MatMul(action, Wa) + MatMul(pose, Wp)          [B, C]  (pose only when used)
 *   next_state = Tanh(Conv3×3(Concat(pooled, state)) + bias)    [B, C, H/d, W/d]
 *   next_frame = Sigmoid(Conv3×3(frame) + Conv1×1(Resize×d(next_state)))
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildOnnxModel, type ElementType, type GraphSpec, type NodeSpec, type ValueInfo } from './onnx-builder.ts';

export interface ToyModelOptions {
  channels?: number;
  downsample?: number;
  poseUsed?: boolean;
  frameSize?: number;
  contextFrames?: number;
  seed?: number;
  /** Tamper with the ONNX graph's declared inputs (for mismatch tests). */
  inputType?: Partial<Record<string, ElementType>>;
  fixedBatch?: number;
  renameInput?: { from: string; to: string };
}

export function toyModelGraph(options: ToyModelOptions = {}): GraphSpec {
  const c = options.channels ?? 4;
  const d = options.downsample ?? 4;
  const poseUsed = options.poseUsed ?? true;
  const random = lcg(options.seed ?? 1);
  const weights = (dims: number[], scale: number) => ({ dims, data: Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => (random() * 2 - 1) * scale) });
  const batch = options.fixedBatch ?? 'batch';
  const name = (n: string) => (options.renameInput?.from === n ? options.renameInput.to : n);
  const input = (n: string, shape: Array<number | string>): ValueInfo => ({ name: name(n), shape, type: options.inputType?.[n] ?? 'float32' });
  // An input declared with another type is cast to float32 first, so the graph stays valid.
  const cast = Object.entries(options.inputType ?? {}).filter(([, type]) => type !== 'float32');
  const casts: NodeSpec[] = cast.map(([n]) => ({ op: 'Cast', inputs: [name(n)], outputs: [`${n}_float`], attributes: [{ name: 'to', int: 1 }] }));
  const src = (n: string) => (cast.some(([c]) => c === n) ? `${n}_float` : name(n));
  const nodes: NodeSpec[] = [
    ...casts,
    { op: 'AveragePool', inputs: [src('frame')], outputs: ['pooled'], attributes: [{ name: 'kernel_shape', ints: [d, d] }, { name: 'strides', ints: [d, d] }] },
    { op: 'Concat', inputs: ['pooled', src('state')], outputs: ['joined'], attributes: [{ name: 'axis', int: 1 }] },
    { op: 'Conv', inputs: ['joined', 'w_state'], outputs: ['state_conv'], attributes: [{ name: 'pads', ints: [1, 1, 1, 1] }] },
    { op: 'MatMul', inputs: [src('action'), 'w_action'], outputs: ['action_bias'] },
  ];
  let bias = 'action_bias';
  if (poseUsed) {
    nodes.push({ op: 'MatMul', inputs: [src('pose'), 'w_pose'], outputs: ['pose_bias'] }, { op: 'Add', inputs: ['action_bias', 'pose_bias'], outputs: ['bias'] });
    bias = 'bias';
  }
  nodes.push(
    { op: 'Unsqueeze', inputs: [bias, 'axes_23'], outputs: ['bias4'] },
    { op: 'Add', inputs: ['state_conv', 'bias4'], outputs: ['state_sum'] },
    { op: 'Tanh', inputs: ['state_sum'], outputs: ['next_state'] },
    { op: 'Resize', inputs: ['next_state', '', 'scales'], outputs: ['state_up'], attributes: [{ name: 'mode', string: 'nearest' }] },
    { op: 'Conv', inputs: ['state_up', 'w_up'], outputs: ['up_conv'] },
    { op: 'Conv', inputs: [src('frame'), 'w_frame'], outputs: ['frame_conv'], attributes: [{ name: 'pads', ints: [1, 1, 1, 1] }] },
    { op: 'Add', inputs: ['frame_conv', 'up_conv'], outputs: ['frame_sum'] },
    { op: 'Sigmoid', inputs: ['frame_sum'], outputs: ['next_frame'] },
  );
  return {
    inputs: [
      input('frame', [batch, 3, 'height', 'width']),
      input('action', [batch, 4]),
      ...(poseUsed ? [input('pose', [batch, 6])] : []),
      input('state', [batch, c, 'state_height', 'state_width']),
    ],
    outputs: [
      { name: 'next_frame', shape: [batch, 3, 'height', 'width'] },
      { name: 'next_state', shape: [batch, c, 'state_height', 'state_width'] },
    ],
    nodes,
    initializers: [
      { name: 'w_state', ...weights([c, 3 + c, 3, 3], 0.3) },
      { name: 'w_action', ...weights([4, c], 0.5) },
      ...(poseUsed ? [{ name: 'w_pose', ...weights([6, c], 0.5) }] : []),
      { name: 'axes_23', dims: [2], data: BigInt64Array.from([2n, 3n]) },
      { name: 'scales', dims: [4], data: Float32Array.from([1, 1, d, d]) },
      { name: 'w_up', ...weights([3, c, 1, 1], 0.5) },
      { name: 'w_frame', ...weights([3, 3, 3, 3], 0.3) },
    ],
  };
}

/** A card for the toy model, as the exporter would write it. */
export function toyModelCard(onnx: Uint8Array, options: ToyModelOptions = {}): Record<string, unknown> {
  const c = options.channels ?? 4;
  const d = options.downsample ?? 4;
  const poseUsed = options.poseUsed ?? true;
  const size = options.frameSize ?? 32;
  const dims = (rest: Array<number | string>) => ['batch', ...rest];
  return {
    format: 'worldsmith-model-card',
    version: 1,
    name: 'toy',
    onnx: 'model.onnx',
    onnxSha256: createHash('sha256').update(onnx).digest('hex'),
    opset: 17,
    frame: { width: size, height: size, channels: 3, layout: 'NCHW', range: [0, 1] },
    fps: 20,
    fovDegrees: 60,
    contextFrames: options.contextFrames ?? 2,
    actionSpace: TOY_ACTION_SPACE,
    pose: { used: poseUsed, fields: ['x', 'y', 'z', 'yaw', 'pitch'], center: [16, 2, 16], scale: [16, 2, 16, 0.8] },
    state: { channels: c, downsample: d },
    inputs: [
      { name: 'frame', type: 'float32', shape: dims([3, 'height', 'width']) },
      { name: 'action', type: 'float32', shape: dims([4]) },
      ...(poseUsed ? [{ name: 'pose', type: 'float32', shape: dims([6]) }] : []),
      { name: 'state', type: 'float32', shape: dims([c, 'height/d', 'width/d']) },
    ],
    outputs: [
      { name: 'next_frame', type: 'float32', shape: dims([3, 'height', 'width']) },
      { name: 'next_state', type: 'float32', shape: dims([c, 'height/d', 'width/d']) },
    ],
    worlds: [{ id: 'toy-world', seed: 1, size: 32, heightRange: [0, 4], holdout: false }],
    training: {
      command: 'tests/helpers/toy-world-model.ts',
      dataset: { index: 'none', indexSha256: '0'.repeat(64), episodes: 0, frames: 0 },
      device: 'none',
      steps: 0,
      seconds: 0,
      parameters: 0,
      flopsPerFrame: 100_000,
    },
  };
}

export const TOY_ACTION_SPACE = {
  version: 1,
  names: ['forward', 'strafe', 'turn', 'look'],
  low: [-1, -1, -1, -1],
  high: [1, 1, 1, 1],
  walkSpeed: 4,
  turnDegreesPerSecond: 90,
  lookDegreesPerSecond: 60,
  eyeHeight: 1.7,
  maxPitchDegrees: 45,
};

/** Writes model.onnx and model-card.json into `dir`; `editCard` may change the card first. */
export async function writeToyModel(dir: string, options: ToyModelOptions = {}, editCard?: (card: Record<string, any>) => void): Promise<{ dir: string; onnx: Uint8Array; card: Record<string, any> }> {
  const onnx = buildOnnxModel(toyModelGraph(options));
  const card = toyModelCard(onnx, options);
  editCard?.(card);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model.onnx'), onnx);
  await writeFile(join(dir, 'model-card.json'), `${JSON.stringify(card, null, 2)}\n`);
  return { dir, onnx, card };
}

function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
