import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelError } from '../../models/inference/model-error.ts';
import { parseModelCard, poseFeatures, readModelCard } from '../../models/inference/model-card.ts';
import { loadWorldModel } from '../../models/inference/world-model.ts';
import { scratchDir } from '../helpers/cli-harness.ts';
import { writeToyModel } from '../helpers/toy-world-model.ts';

const TINY = 'tests/fixtures/models/tiny';

async function tinyCard(): Promise<Record<string, any>> {
  return JSON.parse(await readFile(join(TINY, 'model-card.json'), 'utf8'));
}

function caught(fn: () => unknown): ModelError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error('expected a ModelError');
}

async function rejected(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

let scratch: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  scratch = await scratchDir();
});
afterAll(() => scratch.remove());

describe('model card', () => {
  it('reads the fixture card from its directory or its path', async () => {
    const fromDir = await readModelCard(TINY);
    const fromFile = await readModelCard(join(TINY, 'model-card.json'));
    expect(fromDir.card.name).toBe('tiny');
    expect(fromDir.path).toBe(fromFile.path);
    expect(fromDir.card.state).toEqual({ channels: 24, downsample: 8 });
    // Fields the contract does not name (architecture) are kept for whoever writes the card back.
    expect(fromDir.json.architecture).toBeDefined();
  });

  it('lists every bad field at once, each by its JSON path', async () => {
    const card = await tinyCard();
    card.format = 'worldsmith-card';
    card.onnxSha256 = 'abc';
    card.opset = 18;
    delete card.contextFrames;
    card.frame.layout = 'NHWC';
    card.actionSpace.walkSpeed = -4;
    card.pose.scale = [1, 2, 3];
    card.training.flopsPerFrame = 'many';
    const error = caught(() => parseModelCard(card, { source: 'bad-card.json' }));
    expect(error.code).toBe('MODEL_CARD');
    const paths = error.issues.map((i) => i.path);
    for (const path of ['/format', '/onnxSha256', '/opset', '/contextFrames', '/frame/layout', '/actionSpace/walkSpeed', '/pose/scale', '/training/flopsPerFrame']) {
      expect(paths).toContain(path);
      expect(error.message).toContain(path);
    }
    expect(error.message).toContain('bad-card.json');
    expect(error.message).toContain('required field is missing');
    expect(error.message).toMatch(/models\/CONTRACT\.md/);
  });

  it('checks the fields against each other: shapes against state, actions and pose', async () => {
    const card = await tinyCard();
    card.frame.width = 36; // not a multiple of downsample 8
    card.inputs[3].shape[1] = 16; // state has 24 channels
    card.inputs[0].shape[0] = 1; // the contract makes batch dynamic
    card.inputs.splice(2, 1); // no pose, though pose.used
    card.outputs[0].type = 'float16';
    card.actionSpace.names = ['forward', 'strafe', 'turn', 'jump'];
    const error = caught(() => parseModelCard(card));
    const byPath = Object.fromEntries(error.issues.map((i) => [i.path, i.problem]));
    expect(byPath['/frame/width']).toMatch(/multiple of state\.downsample \(8\)/);
    expect(byPath['/inputs/2/shape/1']).toMatch(/does not fit/);
    expect(byPath['/inputs/0/shape/0']).toMatch(/dynamic/);
    expect(byPath['/inputs']).toMatch(/no "pose" \(pose\.used is true\)/);
    expect(byPath['/outputs/0/type']).toMatch(/not float32/);
    expect(byPath['/actionSpace/names']).toMatch(/version 1 action space/);
  });

  it('refuses a pose input when the card says pose is not used', async () => {
    const card = await tinyCard();
    card.pose.used = false;
    const error = caught(() => parseModelCard(card));
    expect(error.issues.map((i) => i.path)).toEqual(['/inputs/2/name']);
    expect(error.message).toContain('pose.used is false');
  });

  it('says what to do when the card cannot be read', async () => {
    const missing = await rejected(readModelCard(join(scratch.path, 'nowhere')));
    expect(missing.code).toBe('MODEL_CARD');
    expect(missing.message).toMatch(/ENOENT.*model directory/);
    const path = join(scratch.path, 'not-json.json');
    await writeFile(path, '{"format": ');
    const notJson = await rejected(readModelCard(path));
    expect(notJson.message).toMatch(/is not JSON/);
    expect(caught(() => parseModelCard([1, 2])).issues[0].problem).toMatch(/JSON object/);
  });

  it('computes pose features as the contract says', async () => {
    const { card } = await readModelCard(TINY);
    const [cx, cy, cz] = card.pose.center!;
    const [sx, sy, sz, sp] = card.pose.scale!;
    const pose = [10, 5.2, -7, 1.1, -0.3];
    const f = poseFeatures(card, pose);
    const want = [(10 - cx) / sx, (5.2 - cy) / sy, (-7 - cz) / sz, Math.sin(1.1), Math.cos(1.1), -0.3 / sp];
    want.forEach((v, i) => expect(f[i]).toBeCloseTo(v, 6));
    expect(caught(() => poseFeatures(card, [0, 0, Number.NaN, 0, 0])).code).toBe('MODEL_INPUT');
    expect(caught(() => poseFeatures(card, [0, 0, 0, 0])).code).toBe('MODEL_INPUT');
  });
});

describe('a model that differs from its card', () => {
  async function tinyCopy(name: string, edit: (card: Record<string, any>) => void): Promise<string> {
    const dir = join(scratch.path, name);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dir, { recursive: true });
    await copyFile(join(TINY, 'model.onnx'), join(dir, 'model.onnx'));
    const card = await tinyCard();
    edit(card);
    await writeFile(join(dir, 'model-card.json'), JSON.stringify(card));
    return dir;
  }

  it('is refused when the file is not the one the card hashes', async () => {
    const dir = await tinyCopy('wrong-sha', (card) => (card.onnxSha256 = '0'.repeat(64)));
    const error = await rejected(loadWorldModel(dir));
    expect(error.code).toBe('MODEL_MISMATCH');
    expect(error.issues.map((i) => i.path)).toEqual(['/onnxSha256']);
    expect(error.message).toContain('4fdb1f62b89d9b35ff7edc235afe2807f24e0f46380a0a14e1ce9cf5e4c21e85');
  });

  it('is refused when a fixed dimension differs (the card says 16 state channels, the model has 24)', async () => {
    const dir = await tinyCopy('wrong-channels', (card) => {
      card.state.channels = 16;
      card.inputs[3].shape[1] = 16;
      card.outputs[1].shape[1] = 16;
    });
    const error = await rejected(loadWorldModel(dir));
    expect(error.code).toBe('MODEL_MISMATCH');
    expect(error.issues.map((i) => i.path)).toEqual(['/inputs/3/shape/1', '/outputs/1/shape/1']);
    expect(error.message).toMatch(/has 24 here/);
  });

  it('is refused when an input is named differently, has another type, or a fixed batch', async () => {
    const renamed = await writeToyModel(join(scratch.path, 'renamed'), { renameInput: { from: 'pose', to: 'pose_features' } });
    const e1 = await rejected(loadWorldModel(renamed.dir));
    expect(e1.code).toBe('MODEL_MISMATCH');
    expect(e1.message).toContain('no input "pose"');
    expect(e1.message).toContain('also has the input "pose_features"');

    const typed = await writeToyModel(join(scratch.path, 'typed'), { inputType: { action: 'int64' } });
    const e2 = await rejected(loadWorldModel(typed.dir));
    expect(e2.issues.map((i) => i.path)).toEqual(['/inputs/1/type']);
    expect(e2.message).toContain('"action" is int64');

    const fixed = await writeToyModel(join(scratch.path, 'fixed'), { fixedBatch: 1 });
    const e3 = await rejected(loadWorldModel(fixed.dir));
    expect(e3.issues.map((i) => i.path)).toContain('/inputs/0/shape/0');
    expect(e3.message).toContain('fixes this axis at 1');
  });

  it('is refused when the ONNX file is missing or is not a model', async () => {
    const dir = await tinyCopy('missing', (card) => (card.onnx = 'other.onnx'));
    const e1 = await rejected(loadWorldModel(dir));
    expect(e1.code).toBe('MODEL_LOAD');
    expect(e1.message).toMatch(/other\.onnx.*ENOENT/);

    const garbage = new TextEncoder().encode('not an onnx model');
    const { createHash } = await import('node:crypto');
    const junk = await tinyCopy('junk', (card) => (card.onnxSha256 = createHash('sha256').update(garbage).digest('hex')));
    await writeFile(join(junk, 'model.onnx'), garbage);
    const e2 = await rejected(loadWorldModel(junk));
    expect(e2.code).toBe('MODEL_LOAD');
  });
});
