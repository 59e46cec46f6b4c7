/**
 * The Python trainer and exporter (models/training), driven as the CLI drives them: a few steps on
 * a tiny synthetic dataset, resume, determinism, and the exported ONNX step function checked with
 * onnxruntime-node against PyTorch's reference outputs. Skipped when no Python with torch and onnx
 * is found (see models/training/find-python.ts); the committed tiny fixture is checked regardless.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTorchPython } from '../../models/training/find-python.ts';
import { pythonModuleCommand } from '../../models/training/run-python.ts';
import { checkAgainstReference, type Reference } from '../helpers/onnx-reference.ts';
import { writeSyntheticDataset } from '../helpers/synthetic-dataset.ts';

interface LogEntry {
  step: number;
  loss: number;
  lr: number;
  rollout: number;
  seconds: number;
  validation?: { psnr: Record<string, number>; repeatLastFramePsnr: Record<string, number> };
}

const python = findTorchPython();
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'models', 'tiny');

describe('the committed tiny fixture (tests/fixtures/models/tiny)', () => {
  it('runs in onnxruntime-node as PyTorch did, at batch 2 and per stream', async () => {
    await checkAgainstReference(FIXTURE);
  });

  it('matches its card: the ONNX file hash, the tensors and the state size', () => {
    const card = JSON.parse(readFileSync(join(FIXTURE, 'model-card.json'), 'utf8'));
    const bytes = readFileSync(join(FIXTURE, card.onnx));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(card.onnxSha256);
    const reference = JSON.parse(readFileSync(join(FIXTURE, 'reference.json'), 'utf8')) as Reference;
    expect(reference.inputs.state.shape).toEqual([2, card.state.channels, card.frame.height / card.state.downsample, card.frame.width / card.state.downsample]);
    expect(card.inputs.map((t: { name: string }) => t.name)).toEqual(['frame', 'action', 'pose', 'state']);
  });
});

describe.skipIf(!python.found)(`models/training with ${python.found ? `${python.python} (torch ${python.torch})` : 'no Python with torch: skipped'}`, () => {
  const work = mkdtempSync(join(tmpdir(), 'worldsmith-training-'));
  const data = join(work, 'dataset');
  const runA = join(work, 'run-a');
  const runB = join(work, 'run-b');
  const exported = join(work, 'export');
  const trainArgs = ['--data', data, '--steps', '4', '--batch', '2', '--context', '2', '--rollout', '3', '--curriculum', '0', '--warmup', '2', '--log-every', '1', '--eval-every', '2', '--eval-windows', '4', '--checkpoint-every', '2', '--width-mult', '0.5', '--seed', '3'];

  function run(job: 'train' | 'export', args: string[]): string {
    if (!python.found) throw new Error('unreachable');
    const command = pythonModuleCommand(python.python, job, args);
    const result = spawnSync(command.command, command.args, { env: command.env, encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${job} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  }
  const readLog = (dir: string): LogEntry[] => readFileSync(join(dir, 'loss-log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as LogEntry);
  const withoutTime = (entries: LogEntry[]) => entries.map(({ seconds: _seconds, ...rest }) => rest);

  let firstLog: LogEntry[] = [];
  beforeAll(() => {
    writeSyntheticDataset(data, { size: 16, train: 3, validation: 1, test: 1, frames: 20, seed: 5 });
    run('train', [...trainArgs, '--out', runA]);
    firstLog = readLog(runA);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('trains a few steps: loss log, validation against the repeat-last-frame baseline, checkpoint, summary', () => {
    expect(firstLog.map((e) => e.step)).toEqual([1, 2, 3, 4]);
    for (const e of firstLog) {
      expect(Number.isFinite(e.loss) && e.loss > 0).toBe(true);
      expect(e.lr).toBeGreaterThan(0);
    }
    const evaluated = firstLog.filter((e) => e.validation);
    expect(evaluated.map((e) => e.step)).toEqual([2, 4]);
    expect(Object.keys(evaluated[0].validation!.psnr)).toEqual(['1', '16']);
    expect(Object.keys(evaluated[0].validation!.repeatLastFramePsnr)).toEqual(['1', '16']);
    expect(existsSync(join(runA, 'checkpoint.pt'))).toBe(true);
    const summary = JSON.parse(readFileSync(join(runA, 'training.json'), 'utf8'));
    expect(summary.steps).toBe(4);
    expect(summary.parameters).toBeGreaterThan(1000);
    expect(summary.flopsPerFrame).toBeGreaterThan(0);
    expect(summary.torch).toBe(python.found ? python.torch : '');
    expect(summary.dataset.indexSha256).toBe(createHash('sha256').update(readFileSync(join(data, 'index.json'))).digest('hex'));
    expect(summary.dataset.episodes).toBe(5);
    expect(summary.dataset.frames).toBe(100);
  });

  it('is deterministic on the CPU given the seed: a second run logs the same numbers', () => {
    run('train', [...trainArgs, '--out', runB]);
    expect(withoutTime(readLog(runB))).toEqual(withoutTime(firstLog));
  });

  it('--resume continues the step count and appends to the loss log (dropping lines after the checkpoint)', () => {
    // As if the run had logged a step after its last checkpoint and then died.
    appendFileSync(join(runA, 'loss-log.jsonl'), `${JSON.stringify({ step: 5, loss: 1, lr: 1, rollout: 3, seconds: 99 })}\n`);
    const out = run('train', [...trainArgs.filter((_, i, a) => a[i - 1] !== '--steps' && a[i] !== '--steps'), '--steps', '6', '--out', runA, '--resume']);
    expect(out).toContain('resuming from');
    const log = readLog(runA);
    expect(log.map((e) => e.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(withoutTime(log.slice(0, 4))).toEqual(withoutTime(firstLog));
    expect(log[5].seconds).toBeGreaterThanOrEqual(log[3].seconds);
    expect(JSON.parse(readFileSync(join(runA, 'training.json'), 'utf8')).steps).toBe(6);
  });

  it('exports an ONNX step function and card that onnxruntime-node runs as PyTorch did', async () => {
    run('export', ['--checkpoint', join(runA, 'checkpoint.pt'), '--out', exported, '--name', 'smoke']);
    const card = JSON.parse(readFileSync(join(exported, 'model-card.json'), 'utf8'));
    const index = JSON.parse(readFileSync(join(data, 'index.json'), 'utf8'));
    expect(card).toMatchObject({ format: 'worldsmith-model-card', version: 1, name: 'smoke', onnx: 'model.onnx', opset: 17, contextFrames: 2, fps: 20, fovDegrees: 60, metrics: {} });
    expect(card.frame).toEqual({ width: 16, height: 16, channels: 3, layout: 'NCHW', range: [0, 1] });
    expect(card.onnxSha256).toBe(createHash('sha256').update(readFileSync(join(exported, 'model.onnx'))).digest('hex'));
    expect(card.worlds).toEqual(index.worlds);
    expect(card.actionSpace).toEqual(index.actionSpace);
    expect(card.pose.used).toBe(true);
    expect(card.pose.center).toHaveLength(3);
    expect(card.pose.scale).toHaveLength(4);
    expect(card.state.downsample).toBe(8);
    expect(card.inputs.map((t: { name: string }) => t.name)).toEqual(['frame', 'action', 'pose', 'state']);
    expect(card.outputs.map((t: { name: string }) => t.name)).toEqual(['next_frame', 'next_state']);
    expect(card.inputs[3].shape).toEqual(['batch', card.state.channels, 'stateHeight', 'stateWidth']);
    expect(card.training).toMatchObject({ steps: 6, torch: python.found ? python.torch : '' });
    expect(card.training.dataset.indexSha256).toMatch(/^[0-9a-f]{64}$/);
    await checkAgainstReference(exported);

    // Fully convolutional: another size (a multiple of 8) runs and keeps the state at /8.
    const session = await ort.InferenceSession.create(join(exported, 'model.onnx'), { intraOpNumThreads: 1 });
    try {
      const c = card.state.channels as number;
      const out = await session.run({
        frame: new ort.Tensor('float32', new Float32Array(3 * 24 * 40).fill(0.5), [1, 3, 24, 40]),
        action: new ort.Tensor('float32', new Float32Array(4), [1, 4]),
        pose: new ort.Tensor('float32', new Float32Array(6), [1, 6]),
        state: new ort.Tensor('float32', new Float32Array(c * 3 * 5), [1, c, 3, 5]),
      });
      expect(out.next_frame.dims).toEqual([1, 3, 24, 40]);
      expect(out.next_state.dims).toEqual([1, c, 3, 5]);
      for (const v of out.next_frame.data as Float32Array) expect(v >= 0 && v <= 1).toBe(true);
    } finally {
      await session.release();
    }
  });
});
