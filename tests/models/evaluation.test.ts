import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../models/dataset/read-dataset.ts';
import { evaluateModel } from '../../models/evaluation/evaluate-model.ts';
import { meanSquaredError, psnr } from '../../models/evaluation/psnr.ts';
import { renderRolloutStrip, rolloutStripLayout } from '../../models/evaluation/rollout-strip.ts';
import { SSIM_K1, SSIM_K2, ssim } from '../../models/evaluation/ssim.ts';
import { ModelError } from '../../models/inference/model-error.ts';
import { loadWorldModel, type WorldModel } from '../../models/inference/world-model.ts';
import { cli, scratchDir } from '../helpers/cli-harness.ts';
import { writeSyntheticDataset } from '../helpers/synthetic-dataset.ts';

const TINY = 'tests/fixtures/models/tiny';

function seeded(length: number, seed: number): Uint8Array {
  let s = seed;
  return Uint8Array.from({ length }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s >>> 24;
  });
}

/** SSIM straight from its definition, window by window (scikit-image's defaults), to check the summed-area tables against. */
function naiveSsim(a: Uint8Array, b: Uint8Array, w: number, h: number): number {
  const n = 49;
  const c1 = (SSIM_K1 * 255) ** 2;
  const c2 = (SSIM_K2 * 255) ** 2;
  let total = 0;
  for (let c = 0; c < 3; c++) {
    let sum = 0;
    let windows = 0;
    for (let y = 0; y + 7 <= h; y++) {
      for (let x = 0; x + 7 <= w; x++) {
        const xs: number[] = [];
        const ys: number[] = [];
        for (let v = 0; v < 7; v++) for (let u = 0; u < 7; u++) (xs.push(a[((y + v) * w + x + u) * 3 + c]), ys.push(b[((y + v) * w + x + u) * 3 + c]));
        const mx = xs.reduce((p, q) => p + q) / n;
        const my = ys.reduce((p, q) => p + q) / n;
        let vx = 0;
        let vy = 0;
        let cov = 0;
        for (let i = 0; i < n; i++) {
          vx += (xs[i] - mx) ** 2;
          vy += (ys[i] - my) ** 2;
          cov += (xs[i] - mx) * (ys[i] - my);
        }
        vx /= n - 1;
        vy /= n - 1;
        cov /= n - 1;
        sum += ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
        windows++;
      }
    }
    total += sum / windows;
  }
  return total / 3;
}

describe('PSNR and SSIM', () => {
  it('PSNR: identical images are infinite, a constant offset is analytic', () => {
    const image = seeded(32 * 32 * 3, 1);
    expect(psnr(image, image)).toBe(Infinity);
    const lifted = image.map((v) => Math.min(255, v + 10));
    const clipped = image.filter((v) => v > 245).length;
    if (clipped === 0) expect(psnr(image, lifted)).toBeCloseTo(10 * Math.log10(255 ** 2 / 100), 10);
    const flat = new Uint8Array(300).fill(100);
    expect(psnr(flat, new Uint8Array(300).fill(110))).toBeCloseTo(20 * Math.log10(255 / 10), 12); // 28.1308 dB
    expect(psnr(new Uint8Array(300), new Uint8Array(300).fill(255))).toBe(0);
    expect(meanSquaredError(flat, new Uint8Array(300).fill(97))).toBe(9);
    expect(() => psnr(flat, new Uint8Array(3))).toThrow(RangeError);
  });

  it('SSIM: identical images give 1, constant images the luminance term alone', () => {
    const image = seeded(20 * 16 * 3, 2);
    expect(ssim(image, image, 20, 16)).toBeCloseTo(1, 12);
    const c1 = (0.01 * 255) ** 2;
    const a = 100;
    const b = 130;
    // σ = 0 in every window: SSIM = (2ab + C1) / (a² + b² + C1).
    expect(ssim(new Uint8Array(768).fill(a), new Uint8Array(768).fill(b), 16, 16)).toBeCloseTo((2 * a * b + c1) / (a * a + b * b + c1), 12);
  });

  it('PSNR and SSIM equal scikit-image 0.26 (structural_similarity(a, b, channel_axis=2, data_range=255))', () => {
    // b = (3a + noise) / 4 in integers; reference values computed once with scikit-image 0.26.0.
    for (const [w, h, seedA, seedB, wantSsim, wantPsnr] of [
      [19, 13, 3, 4, 0.9196285330450896, 19.709437890791047],
      [64, 64, 5, 6, 0.9225217025192589, 19.839190304948218],
    ]) {
      const a = seeded(w * h * 3, seedA);
      const noise = seeded(w * h * 3, seedB);
      const b = a.map((v, i) => Math.floor((3 * v + noise[i]) / 4));
      expect(ssim(a, b, w, h)).toBeCloseTo(wantSsim, 12);
      expect(psnr(a, b)).toBeCloseTo(wantPsnr, 10);
    }
  });

  it('SSIM matches its definition window by window, is symmetric, and falls with noise', () => {
    const a = seeded(19 * 13 * 3, 3);
    const noisy = a.map((v, i) => Math.max(0, Math.min(255, v + ((i * 37) % 41) - 20)));
    expect(ssim(a, noisy, 19, 13)).toBeCloseTo(naiveSsim(a, noisy, 19, 13), 10);
    expect(ssim(a, noisy, 19, 13)).toBeCloseTo(ssim(noisy, a, 19, 13), 12);
    const smooth = Uint8Array.from({ length: 32 * 32 * 3 }, (_, i) => Math.floor(i / 3) % 32 * 8);
    const slightly = smooth.map((v, i) => Math.min(255, v + (i % 7 === 0 ? 6 : 0)));
    const badly = smooth.map((v, i) => (i % 2 ? 255 - v : v));
    expect(ssim(smooth, slightly, 32, 32)).toBeGreaterThan(ssim(smooth, badly, 32, 32));
    expect(() => ssim(a, a, 5, 5)).toThrow(RangeError);
  });
});

describe('evaluateModel with the fixture model', () => {
  let scratch: { path: string; remove: () => Promise<void> };
  let model: WorldModel;
  let short: string;
  let long: string;
  beforeAll(async () => {
    scratch = await scratchDir();
    short = join(scratch.path, 'short');
    long = join(scratch.path, 'long');
    // 24 frames: 4 of context leave 20 steps, so step 64 is out of reach.
    writeSyntheticDataset(short, { size: 32, train: 2, validation: 1, test: 3, frames: 24, seed: 4 });
    writeSyntheticDataset(long, { size: 32, train: 2, validation: 0, test: 2, frames: 70, seed: 5 });
    model = await loadWorldModel(TINY);
  });
  afterAll(async () => {
    await model?.close();
    await scratch?.remove();
  });

  it('scores steps 1, 16 and 64 with both baselines, skipping and counting episodes too short', async () => {
    const evaluation = await evaluateModel(model, await readDataset(short), { batch: 2 });
    expect(evaluation.episodes).toBe(3);
    expect(evaluation.contextFrames).toBe(4);
    expect(evaluation.dataset.trainFrames).toBe(48);
    expect(evaluation.steps.map((s) => [s.step, s.episodes, s.skipped])).toEqual([
      [1, 3, 0],
      [16, 3, 0],
      [64, 0, 3],
    ]);
    for (const row of evaluation.steps.slice(0, 2)) {
      for (const pair of [row.model, row.repeatLast, row.meanFrame]) {
        expect(Number.isFinite(pair.psnr)).toBe(true);
        expect(pair.ssim).toBeGreaterThan(-1);
        expect(pair.ssim).toBeLessThanOrEqual(1);
      }
    }
    expect(evaluation.steps[2].model).toEqual({ psnr: null, ssim: null });
    // One step after the context, the true frame is close to the last context frame.
    expect(evaluation.steps[0].repeatLast.psnr!).toBeGreaterThan(evaluation.steps[1].repeatLast.psnr!);
    expect(evaluation.description).not.toMatch(/20\d\d-/);
  });

  it('gives the same figures one stream at a time as in one batch', async () => {
    const dataset = await readDataset(long);
    const batched = await evaluateModel(model, dataset, { batch: 32 });
    const single = await evaluateModel(model, dataset, { batch: 1 });
    expect(batched.steps.map((s) => s.episodes)).toEqual([2, 2, 2]);
    for (let i = 0; i < 3; i++) {
      expect(single.steps[i].model.psnr!).toBeCloseTo(batched.steps[i].model.psnr!, 3);
      expect(single.steps[i].model.ssim!).toBeCloseTo(batched.steps[i].model.ssim!, 4);
      expect(single.steps[i].repeatLast).toEqual(batched.steps[i].repeatLast);
      expect(single.steps[i].meanFrame).toEqual(batched.steps[i].meanFrame);
    }
    // The strip: two episodes, seven steps, three rows of 96² tiles.
    const png = await renderRolloutStrip(batched.strip, batched.stripSteps);
    const meta = await sharp(png).metadata();
    const layout = rolloutStripLayout(batched.strip, batched.stripSteps);
    expect(batched.strip).toHaveLength(2);
    expect(layout.tile).toEqual({ width: 96, height: 96 });
    expect([meta.format, meta.width, meta.height]).toEqual(['png', layout.width, layout.height]);
    expect(layout.width).toBe(96 + 7 * (96 + 4));
    // The predicted tile at step 1 is the predicted frame, enlarged ×3.
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const first = batched.strip[0].frames[0]!;
    const tileTop = 4 + 22 + 18 + (96 + 4);
    for (const [x, y] of [
      [0, 0],
      [31, 31],
      [10, 20],
    ]) {
      const at = ((tileTop + y * 3 + 1) * info.width + 96 + x * 3 + 1) * info.channels;
      expect([...data.subarray(at, at + 3)]).toEqual([...first.predicted.subarray((y * 32 + x) * 3, (y * 32 + x) * 3 + 3)]);
    }
  });

  it('worldsmith eval-model prints the table, writes eval.json and the strip, and records into the card', async () => {
    const modelDir = join(scratch.path, 'tiny');
    await cp(TINY, modelDir, { recursive: true });
    const run = await cli(['eval-model', modelDir, '--data', short, '--episodes', '2', '--record']);
    expect(run.err).not.toMatch(/unexpected/);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/tiny on split "test": 2 episodes, 4 context frames, 32×32/);
    expect(run.out).toMatch(/^step +model PSNR +model SSIM +repeat-last PSNR +repeat-last SSIM +mean-frame PSNR +mean-frame SSIM +episodes$/m);
    expect(run.out).toMatch(/^64 +— +— +— +— +— +— +0 \(2 too short\)$/m);
    const report = JSON.parse(await readFile(join(modelDir, 'eval', 'eval.json'), 'utf8'));
    expect(report.steps.map((s: { step: number }) => s.step)).toEqual([1, 16, 64]);
    expect(report.strip).toBeUndefined();
    expect((await sharp(join(modelDir, 'eval', 'rollout-strip.png')).metadata()).width).toBe(96 + 7 * 100);
    const card = JSON.parse(await readFile(join(modelDir, 'model-card.json'), 'utf8'));
    expect(Object.keys(card.metrics.test.psnr)).toEqual(['1', '16']);
    expect(card.metrics.test.episodes).toEqual({ 1: 2, 16: 2, 64: 0 });
    expect(card.metrics.test.dataset.indexSha256).toBe(report.dataset.indexSha256);
    expect(card.metrics.test.baselines.repeatLast.psnr['1']).toBeCloseTo(report.steps[0].repeatLast.psnr, 3);
    expect(card.architecture).toBeDefined();
    // The card still loads: recording changes the card, not the ONNX file it hashes.
    await (await loadWorldModel(modelDir)).close();

    const bad = await cli(['eval-model', join(scratch.path, 'no-model'), '--data', short]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/model card .*ENOENT/);
    const noData = await cli(['eval-model', modelDir, '--data', join(scratch.path, 'no-data')]);
    expect(noData.code).toBe(2);
    expect(noData.err).toMatch(/index\.json \(ENOENT\)/);
    const badSplit = await cli(['eval-model', modelDir, '--data', short, '--split', 'tests']);
    expect(badSplit.code).toBe(2);
    expect(badSplit.err).toMatch(/--split must be one of train, validation, test, test-unseen-world/);
  });

  it('refuses an empty split and a dataset made for other settings', async () => {
    const dataset = await readDataset(long);
    const empty = await evaluateModel(model, dataset, { split: 'validation' }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(ModelError);
    expect((empty as ModelError).message).toMatch(/no episodes in split "validation" \(train 2, validation 0, test 2/);
    const indexPath = join(long, 'index.json');
    const original = await readFile(indexPath, 'utf8');
    try {
      await writeFile(indexPath, original.replace('"fps": 20', '"fps": 30'));
      const other = await evaluateModel(model, await readDataset(long)).catch((e: unknown) => e);
      expect((other as ModelError).code).toBe('MODEL_DATASET');
      expect((other as ModelError).message).toMatch(/fps is 30, the model's 20/);
      // A field the contract does not name (the writer's maxWadeMetres) is no difference; a speed is.
      const index = JSON.parse(original);
      index.actionSpace.maxWadeMetres = 0.5;
      await writeFile(indexPath, JSON.stringify(index));
      expect((await evaluateModel(model, await readDataset(long), { episodes: 1, steps: [1], stripSteps: [1] })).steps[0].episodes).toBe(1);
      index.actionSpace.walkSpeed = 5;
      await writeFile(indexPath, JSON.stringify(index));
      const faster = await evaluateModel(model, await readDataset(long)).catch((e: unknown) => e);
      expect((faster as ModelError).message).toMatch(/actionSpace\.walkSpeed is 5, the model's 4/);
    } finally {
      await writeFile(indexPath, original);
    }
  });
});
