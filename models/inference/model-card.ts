/**
 * The model card (`model-card.json`, version 1; models/CONTRACT.md): what a world model's ONNX
 * step function expects and how it was made. `parseModelCard` checks a parsed card and lists every
 * problem at once (schema first, then the rules across fields: the inputs and outputs the step
 * function must have, their shapes against `state`, `actionSpace` and `pose`); `readModelCard`
 * reads one from a file or a model directory. Fields the contract does not name are kept and
 * ignored, so a card can carry more than Worldsmith reads.
 *
 * Two fields are optional where the contract's example shows them: `training.torch` (another
 * team's model need not come from PyTorch) and `metrics` (written later by `eval-model --record`);
 * `pose.center` and `pose.scale` are required only when `pose.used` is true.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { collectSchemaIssues } from '../../generators/spec/parse-world-spec.ts';
import type { SpecIssue } from '../../generators/spec/spec-error.ts';
import { ACTION_NAMES, POSE_FIELDS } from '../dataset/action-space.ts';
import { ModelError } from './model-error.ts';

export { ACTION_NAMES, POSE_FIELDS };

export const MODEL_CARD_FORMAT = 'worldsmith-model-card';
export const MODEL_CARD_VERSION = 1;
export const MODEL_CARD_FILE = 'model-card.json';
/** `[(x−cx)/sx, (y−cy)/sy, (z−cz)/sz, sin yaw, cos yaw, pitch/sp]`. */
export const POSE_FEATURES = 6;
export const MAX_OPSET = 17;

const Positive = (description: string) => Type.Number({ exclusiveMinimum: 0, description });
const Numbers = (count: number, description: string) => Type.Array(Type.Number(), { minItems: count, maxItems: count, description });

export const ActionSpaceSchema = Type.Object(
  {
    version: Type.Literal(1),
    names: Type.Array(Type.String(), { description: 'The action names in input order: forward, strafe, turn, look.' }),
    low: Type.Array(Type.Number(), { description: 'Lowest value of each action (−1).' }),
    high: Type.Array(Type.Number(), { description: 'Highest value of each action (1).' }),
    walkSpeed: Positive('Metres per second at forward or strafe 1.'),
    turnDegreesPerSecond: Positive('Yaw rate at turn 1.'),
    lookDegreesPerSecond: Positive('Pitch rate at look 1.'),
    eyeHeight: Positive('The eye above the terrain, metres.'),
    maxPitchDegrees: Positive('Pitch is clamped to ± this.'),
  },
  { description: 'The action space (version 1), as in the dataset index.' },
);
export type ActionSpace = Static<typeof ActionSpaceSchema>;

export const WorldEntrySchema = Type.Object({
  id: Type.String({ minLength: 1 }),
  seed: Type.Integer(),
  // An early dataset writer gave [width, depth]; the trainer reads both, so the card and the reader do too.
  size: Type.Union([Positive('The world\'s larger side, metres.'), Type.Tuple([Type.Number({ exclusiveMinimum: 0 }), Type.Number({ exclusiveMinimum: 0 })])]),
  heightRange: Numbers(2, '[lowest, highest] terrain height, metres.'),
  holdout: Type.Boolean({ description: 'Every episode of this world is in the test-unseen-world split.' }),
});
export type WorldEntry = Static<typeof WorldEntrySchema>;

const Dim = Type.Union([Type.Integer({ minimum: 1 }), Type.String({ minLength: 1 })], { description: 'a fixed size (a whole number ≥ 1) or a dynamic axis name' });
const TensorSpecSchema = Type.Object({
  name: Type.String({ minLength: 1 }),
  type: Type.String({ description: 'float32' }),
  shape: Type.Array(Dim),
});
export type TensorSpec = Static<typeof TensorSpecSchema>;

const StepMetricsSchema = Type.Record(Type.String(), Type.Number(), { description: 'Rollout step ("1", "16", "64") → value.' });
export const SplitMetricsSchema = Type.Object(
  { psnr: StepMetricsSchema, ssim: StepMetricsSchema },
  { description: 'Mean PSNR (dB) and SSIM of rollouts at each step, from worldsmith eval-model.' },
);

export const ModelCardSchema = Type.Object({
  format: Type.Literal(MODEL_CARD_FORMAT),
  version: Type.Literal(MODEL_CARD_VERSION),
  name: Type.String({ minLength: 1 }),
  onnx: Type.String({ minLength: 1, description: 'The ONNX file, relative to the card.' }),
  onnxSha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'sha256 of the ONNX file, 64 lower-case hex digits.' }),
  opset: Type.Integer({ minimum: 1, maximum: MAX_OPSET }),
  frame: Type.Object({
    width: Type.Integer({ minimum: 1 }),
    height: Type.Integer({ minimum: 1 }),
    channels: Type.Literal(3),
    layout: Type.Literal('NCHW'),
    range: Type.Tuple([Type.Literal(0), Type.Literal(1)]),
  }),
  fps: Positive('Frames per second; one action lasts 1 / fps seconds.'),
  fovDegrees: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 180 }),
  contextFrames: Type.Integer({ minimum: 1, description: 'True frames fed before a rollout.' }),
  actionSpace: ActionSpaceSchema,
  pose: Type.Object({
    used: Type.Boolean(),
    fields: Type.Array(Type.String()),
    center: Type.Optional(Numbers(3, '[cx, cy, cz], metres.')),
    scale: Type.Optional(Numbers(4, '[sx, sy, sz, sp], none zero.')),
  }),
  state: Type.Object({
    channels: Type.Integer({ minimum: 1 }),
    downsample: Type.Integer({ minimum: 1 }),
  }),
  inputs: Type.Array(TensorSpecSchema),
  outputs: Type.Array(TensorSpecSchema),
  worlds: Type.Array(WorldEntrySchema),
  training: Type.Object({
    command: Type.String(),
    dataset: Type.Object({
      index: Type.String(),
      indexSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
      episodes: Type.Integer({ minimum: 0 }),
      frames: Type.Integer({ minimum: 0 }),
    }),
    device: Type.String(),
    steps: Type.Integer({ minimum: 0 }),
    seconds: Type.Number({ minimum: 0 }),
    parameters: Type.Integer({ minimum: 0 }),
    flopsPerFrame: Type.Number({ minimum: 0, description: 'Floating-point operations per predicted frame at frame.width × frame.height.' }),
    torch: Type.Optional(Type.String()),
  }),
  metrics: Type.Optional(Type.Record(Type.String(), SplitMetricsSchema)),
});
export type ModelCard = Static<typeof ModelCardSchema>;

/** The inputs and outputs of the step function; `pose` only when `pose.used`. */
export function expectedTensors(card: Pick<ModelCard, 'pose'>): { inputs: string[]; outputs: string[] } {
  return { inputs: card.pose.used ? ['frame', 'action', 'pose', 'state'] : ['frame', 'action', 'state'], outputs: ['next_frame', 'next_state'] };
}

/** A parsed card → a ModelCard, or one ModelError (MODEL_CARD) listing every problem. */
export function parseModelCard(json: unknown, options: { source?: string } = {}): ModelCard {
  const source = options.source ?? '(card)';
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw ModelError.fromIssues('MODEL_CARD', `Invalid model card ${source}`, [{ path: '', value: json, problem: 'a model card must be a JSON object', allowed: `{"format": "${MODEL_CARD_FORMAT}", "version": 1, …} (models/CONTRACT.md)` }], FIX);
  }
  const schemaIssues = collectSchemaIssues(ModelCardSchema, json);
  if (schemaIssues.length > 0) throw ModelError.fromIssues('MODEL_CARD', `Invalid model card ${source}`, schemaIssues, FIX);
  const card = Value.Clone(json) as ModelCard;
  const ruleIssues = checkModelCardRules(card);
  if (ruleIssues.length > 0) throw ModelError.fromIssues('MODEL_CARD', `Invalid model card ${source}`, ruleIssues, FIX);
  return card;
}

const FIX = 'Fix the fields above (models/CONTRACT.md describes each); a card the exporter wrote is fixed by exporting again.';

/**
 * A card from a model directory, a card file, or an already-parsed JSON value. Returns the card,
 * the file it came from (undefined for a value) and the JSON as read, so `--record` can write it
 * back with every field it had.
 */
export async function readModelCard(input: string | object): Promise<{ card: ModelCard; path: string | undefined; json: Record<string, unknown> }> {
  if (typeof input !== 'string') return { card: parseModelCard(input), path: undefined, json: input as Record<string, unknown> };
  const info = await stat(input).catch(() => undefined);
  const path = info?.isDirectory() ? join(input, MODEL_CARD_FILE) : input;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ModelError('MODEL_CARD', `Cannot read the model card ${path} (${code}): pass a model directory holding ${MODEL_CARD_FILE}, or the card's own path.`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ModelError('MODEL_CARD', `The model card ${path} is not JSON: ${(error as Error).message}. Export the model again, or fix the file by hand.`, { cause: error });
  }
  return { card: parseModelCard(json, { source: path }), path, json: json as Record<string, unknown> };
}

export function checkModelCardRules(card: ModelCard): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const d = card.state.downsample;
  for (const side of ['width', 'height'] as const) {
    if (card.frame[side] % d !== 0) issues.push({ path: `/frame/${side}`, value: card.frame[side], problem: `not a multiple of state.downsample (${d})`, allowed: `a multiple of ${d}` });
  }
  if (card.onnx.startsWith('/') || card.onnx.split(/[\\/]/).includes('..')) {
    issues.push({ path: '/onnx', value: card.onnx, problem: 'must name a file beside the card', allowed: 'a relative path inside the model directory, e.g. "model.onnx"' });
  }
  const a = card.actionSpace;
  if (a.names.length !== ACTION_NAMES.length || a.names.some((n, i) => n !== ACTION_NAMES[i])) {
    issues.push({ path: '/actionSpace/names', value: a.names, problem: 'not the version 1 action space', allowed: JSON.stringify(ACTION_NAMES) });
  }
  for (const key of ['low', 'high'] as const) {
    if (a[key].length !== a.names.length) issues.push({ path: `/actionSpace/${key}`, value: a[key], problem: `${a[key].length} values for ${a.names.length} actions`, allowed: `${a.names.length} numbers` });
  }
  a.low.forEach((low, i) => {
    if (a.high[i] !== undefined && !(low < a.high[i])) issues.push({ path: `/actionSpace/low/${i}`, value: low, problem: `not below high (${a.high[i]})`, allowed: 'low < high' });
  });
  if (card.pose.fields.length !== POSE_FIELDS.length || card.pose.fields.some((f, i) => f !== POSE_FIELDS[i])) {
    issues.push({ path: '/pose/fields', value: card.pose.fields, problem: 'not the contract pose', allowed: JSON.stringify(POSE_FIELDS) });
  }
  if (card.pose.used) {
    if (!card.pose.center) issues.push({ path: '/pose/center', value: undefined, problem: 'required when pose.used is true', allowed: '[cx, cy, cz]' });
    if (!card.pose.scale) issues.push({ path: '/pose/scale', value: undefined, problem: 'required when pose.used is true', allowed: '[sx, sy, sz, sp]' });
    card.pose.scale?.forEach((s, i) => {
      if (s === 0) issues.push({ path: `/pose/scale/${i}`, value: s, problem: 'zero: the features divide by it', allowed: 'a non-zero number' });
    });
  }
  const channels = card.state.channels;
  const want: Record<string, Array<'dyn' | number>> = {
    frame: ['dyn', 3, 'dyn', 'dyn'],
    action: ['dyn', a.names.length],
    pose: ['dyn', POSE_FEATURES],
    state: ['dyn', channels, 'dyn', 'dyn'],
    next_frame: ['dyn', 3, 'dyn', 'dyn'],
    next_state: ['dyn', channels, 'dyn', 'dyn'],
  };
  const expected = expectedTensors(card);
  for (const list of ['inputs', 'outputs'] as const) {
    const names = card[list].map((t) => t.name);
    for (const name of expected[list]) {
      if (!names.includes(name)) {
        const why = name === 'pose' ? ' (pose.used is true)' : '';
        issues.push({ path: `/${list}`, value: names, problem: `no "${name}"${why}`, allowed: `exactly ${expected[list].join(', ')}` });
      }
    }
    card[list].forEach((tensor, i) => {
      const at = `/${list}/${i}`;
      if (!expected[list].includes(tensor.name)) {
        const why = tensor.name === 'pose' ? ' (pose.used is false)' : '';
        issues.push({ path: `${at}/name`, value: tensor.name, problem: `not an ${list === 'inputs' ? 'input' : 'output'} of the step function${why}`, allowed: expected[list].join(', ') });
        return;
      }
      if (names.indexOf(tensor.name) !== i) issues.push({ path: `${at}/name`, value: tensor.name, problem: 'listed twice', allowed: 'each name once' });
      if (tensor.type !== 'float32') issues.push({ path: `${at}/type`, value: tensor.type, problem: 'not float32', allowed: '"float32"' });
      const shape = want[tensor.name];
      if (tensor.shape.length !== shape.length) {
        issues.push({ path: `${at}/shape`, value: tensor.shape, problem: `${tensor.shape.length} dimensions`, allowed: `${shape.length}: ${describeShape(shape)}` });
        return;
      }
      shape.forEach((dim, j) => {
        const got = tensor.shape[j];
        if (dim === 'dyn' && typeof got !== 'string') issues.push({ path: `${at}/shape/${j}`, value: got, problem: 'fixed, but the contract makes this axis dynamic', allowed: 'an axis name such as "batch", "height" or "width"' });
        if (dim !== 'dyn' && got !== dim) issues.push({ path: `${at}/shape/${j}`, value: got, problem: `does not fit the card (${describeShape(shape)})`, allowed: String(dim) });
      });
    });
  }
  return issues;
}

function describeShape(shape: Array<'dyn' | number>): string {
  return `[${shape.map((d) => (d === 'dyn' ? 'dynamic' : d)).join(', ')}]`;
}

/**
 * The pose features of the frame to predict, per the contract, written into `out` at `offset`
 * (a fresh array of six when `out` is not given).
 */
export function poseFeatures(card: Pick<ModelCard, 'pose'>, pose: ArrayLike<number>, out: Float32Array = new Float32Array(POSE_FEATURES), offset = 0): Float32Array {
  const { center, scale } = card.pose;
  if (!center || !scale) throw new ModelError('MODEL_CARD', 'The card has no pose.center or pose.scale, so pose features cannot be computed; a model with pose.used false takes no pose.');
  if (pose.length !== POSE_FIELDS.length) throw new ModelError('MODEL_INPUT', `A pose is [x, y, z, yaw, pitch] (5 numbers); got ${pose.length}.`);
  for (let i = 0; i < POSE_FIELDS.length; i++) {
    if (!Number.isFinite(pose[i])) throw new ModelError('MODEL_INPUT', `Pose field ${POSE_FIELDS[i]} is ${pose[i]}; every pose field must be a finite number.`);
  }
  const [x, y, z, yaw, pitch] = [pose[0], pose[1], pose[2], pose[3], pose[4]];
  out[offset] = (x - center[0]) / scale[0];
  out[offset + 1] = (y - center[1]) / scale[1];
  out[offset + 2] = (z - center[2]) / scale[2];
  out[offset + 3] = Math.sin(yaw);
  out[offset + 4] = Math.cos(yaw);
  out[offset + 5] = pitch / scale[3];
  return out;
}
