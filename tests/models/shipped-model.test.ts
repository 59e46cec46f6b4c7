/**
 * The world model the repository ships (models/checkpoints/valley-64): it loads against its card,
 * runs in onnxruntime-node as PyTorch ran it at export, and — rolled out on the held-out test
 * episodes shipped beside it — beats holding the last frame by at least 2 dB PSNR at 16 steps,
 * with the very figures its card records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../models/dataset/read-dataset.ts';
import { evaluateModel, type Evaluation } from '../../models/evaluation/evaluate-model.ts';
import { loadWorldModel, type WorldModel } from '../../models/inference/world-model.ts';
import { checkAgainstReference } from '../helpers/onnx-reference.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', 'models', 'checkpoints', 'valley-64');
const REQUIRED_MARGIN_DB = 2;

interface RecordedMetrics {
  psnr: Record<string, number>;
  ssim: Record<string, number>;
  baselines: { repeatLast: { psnr: Record<string, number>; ssim: Record<string, number> } };
  episodes: Record<string, number>;
}

describe('the shipped world model (models/checkpoints/valley-64)', () => {
  let model: WorldModel;
  let evaluation: Evaluation;
  const card = JSON.parse(readFileSync(join(SHIPPED, 'model-card.json'), 'utf8'));

  beforeAll(async () => {
    model = await loadWorldModel(SHIPPED, { workers: 1, threads: 1 });
    evaluation = await evaluateModel(model, await readDataset(join(SHIPPED, 'test-episodes')), { split: 'test' });
  });
  afterAll(() => model?.close());

  it('runs in onnxruntime-node as PyTorch did at export, in a batch and per stream', async () => {
    await checkAgainstReference(SHIPPED);
  });

  it('is a 64² model of the river valley, trained by the project’s own command', () => {
    expect(model.card.frame).toMatchObject({ width: 64, height: 64 });
    expect(card.training.command).toMatch(/models\.training\.train|npm run train/);
    expect(card.training.steps).toBeGreaterThanOrEqual(1000);
  });

  it(`beats repeat-last by ≥ ${REQUIRED_MARGIN_DB} dB PSNR at 16 steps on its held-out test episodes`, () => {
    const at16 = evaluation.steps.find((s) => s.step === 16)!;
    expect(at16.episodes).toBeGreaterThanOrEqual(8);
    expect(at16.model.psnr! - at16.repeatLast.psnr!).toBeGreaterThanOrEqual(REQUIRED_MARGIN_DB);
  });

  it('gives the figures its card records for the test split', () => {
    const recorded = card.metrics.test as RecordedMetrics;
    for (const row of evaluation.steps) {
      const step = String(row.step);
      expect(row.episodes).toBe(recorded.episodes[step]);
      if (row.model.psnr === null) continue;
      expect(row.model.psnr).toBeCloseTo(recorded.psnr[step], 2);
      expect(row.model.ssim!).toBeCloseTo(recorded.ssim[step], 3);
      expect(row.repeatLast.psnr!).toBeCloseTo(recorded.baselines.repeatLast.psnr[step], 2);
    }
  });
});
