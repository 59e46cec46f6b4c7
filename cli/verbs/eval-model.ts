import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { DATASET_SPLITS, readDataset, type DatasetSplit } from '../../models/dataset/read-dataset.ts';
import { evaluateModel, type Evaluation, type MetricPair } from '../../models/evaluation/evaluate-model.ts';
import { renderRolloutStrip } from '../../models/evaluation/rollout-strip.ts';
import { readModelCard } from '../../models/inference/model-card.ts';
import { loadWorldModel } from '../../models/inference/world-model.ts';
import { integerFlag, parseFlags } from '../parse-flags.ts';
import { createProgressReporter, formatMs } from '../progress-reporter.ts';
import { UsageError } from '../usage-error.ts';
import { writeFilesAtomically } from '../write-atomic.ts';
import type { Verb } from './verb.ts';

export const evalModelVerb: Verb = {
  name: 'eval-model',
  summary: 'Score a world model on held-out episodes against repeat-last and mean-frame baselines',
  help: `Usage: worldsmith eval-model MODEL_DIR --data DATASET_DIR [--split test] [--episodes N] [--batch N] [--out DIR] [--record] [--json]

Rolls the model out on the dataset's held-out episodes as models/CONTRACT.md says (the card's
contextFrames true frames, then the model's own predictions, driven by the recorded actions and
poses) and scores the frames at steps 1, 16 and 64 after the context with PSNR and SSIM, next to
two baselines scored on the same frames: the last context frame held (repeat-last) and the mean
frame of the train split. Episodes too short for a step are skipped there and counted. Writes,
atomically:

  eval.json           every figure, the dataset's index sha256 and what was measured
  rollout-strip.png   true / predicted / repeat-last frames at steps 1, 2, 4 … 64, ×3

Options:
  --data DIR      a directory \`worldsmith dataset\` wrote
  --split S       ${DATASET_SPLITS.join(', ')} (default test)
  --episodes N    the first N episodes of the split (default: all)
  --batch N       streams per onnxruntime call (default 32)
  --out DIR       where to write (default: MODEL_DIR/eval)
  --record        also write the figures into the card's metrics, under the split's name
  --json          print eval.json instead of the table

Example:
  worldsmith eval-model models/checkpoints/valley-64 --data out/valley-data --split test --record`,
  async run(args, io) {
    const { values, positionals } = parseFlags('eval-model', args, {
      data: { type: 'string' },
      split: { type: 'string' },
      episodes: { type: 'string' },
      batch: { type: 'string' },
      out: { type: 'string' },
      record: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('eval-model needs one model directory (holding model-card.json and its ONNX file). See `worldsmith eval-model --help`.', 'eval-model');
    if (!values.data) throw new UsageError('eval-model needs --data DIR (a directory `worldsmith dataset` wrote).', 'eval-model');
    const split = (values.split ?? 'test') as DatasetSplit;
    if (!DATASET_SPLITS.includes(split)) throw new UsageError(`--split must be one of ${DATASET_SPLITS.join(', ')} (got "${values.split}").`, 'eval-model');
    const episodes = integerFlag('eval-model', 'episodes', values.episodes, 1, 1_000_000) ?? 0;
    const batch = integerFlag('eval-model', 'batch', values.batch, 1, 1024) ?? 32;
    const modelDir = positionals[0];
    const out = values.out ?? join(modelDir, 'eval');
    const existing = await stat(out).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new UsageError(`--out ${out} is a file, not a directory.`, 'eval-model');

    const started = performance.now();
    const progress = createProgressReporter(io.stderr);
    const stageStart = new Map<string, number>();
    let evaluation: Evaluation;
    let cardJson: Record<string, unknown>;
    let cardPath: string;
    const model = await loadWorldModel(modelDir);
    try {
      ({ json: cardJson, path: cardPath } = (await readModelCard(modelDir)) as { json: Record<string, unknown>; path: string });
      const dataset = await readDataset(values.data);
      evaluation = await evaluateModel(model, dataset, {
        split,
        episodes,
        batch,
        signal: io.signal,
        onProgress: (p) => {
          if (!stageStart.has(p.stage)) stageStart.set(p.stage, performance.now());
          const finished = p.done === p.total ? { finished: true as const } : {};
          progress.update({ ...p, ms: performance.now() - stageStart.get(p.stage)!, ...finished });
        },
      });
    } finally {
      progress.end();
      await model.close();
    }
    const strip = await renderRolloutStrip(evaluation.strip, evaluation.stripSteps);
    const { strip: _frames, ...report } = evaluation;
    const files: Array<{ path: string; data: string | Uint8Array }> = [
      { path: join(out, 'eval.json'), data: `${JSON.stringify(report, null, 2)}\n` },
      { path: join(out, 'rollout-strip.png'), data: strip },
    ];
    if (values.record) {
      const metrics = (cardJson.metrics && typeof cardJson.metrics === 'object' ? cardJson.metrics : {}) as Record<string, unknown>;
      metrics[split] = cardMetrics(evaluation);
      files.push({ path: cardPath, data: `${JSON.stringify({ ...cardJson, metrics }, null, 2)}\n` });
    }
    await writeFilesAtomically(files, io.signal);

    if (values.json) {
      io.out(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    io.out(`${formatEvaluationTable(evaluation)}\n`);
    io.out(`wrote ${files.map((f) => f.path).join(', ')} in ${formatMs(performance.now() - started)}\n`);
    return 0;
  },
};

/** What `--record` writes into the card's metrics under the split's name. */
export function cardMetrics(evaluation: Evaluation): Record<string, unknown> {
  const pick = (get: (row: Evaluation['steps'][number]) => number | null) =>
    Object.fromEntries(evaluation.steps.flatMap((row) => (get(row) === null ? [] : [[String(row.step), round(get(row)!)]])));
  return {
    psnr: pick((r) => r.model.psnr),
    ssim: pick((r) => r.model.ssim),
    baselines: {
      repeatLast: { psnr: pick((r) => r.repeatLast.psnr), ssim: pick((r) => r.repeatLast.ssim) },
      meanFrame: { psnr: pick((r) => r.meanFrame.psnr), ssim: pick((r) => r.meanFrame.ssim) },
    },
    episodes: Object.fromEntries(evaluation.steps.map((r) => [String(r.step), r.episodes])),
    dataset: { indexSha256: evaluation.dataset.indexSha256 },
    description: evaluation.description,
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Rows: steps; columns: the model's, repeat-last's and the mean frame's PSNR and SSIM, and episodes counted. */
export function formatEvaluationTable(evaluation: Evaluation): string {
  const header = ['step', 'model PSNR', 'model SSIM', 'repeat-last PSNR', 'repeat-last SSIM', 'mean-frame PSNR', 'mean-frame SSIM', 'episodes'];
  const cells = (m: MetricPair) => [m.psnr === null ? '—' : `${m.psnr.toFixed(2)} dB`, m.ssim === null ? '—' : m.ssim.toFixed(4)];
  const rows = evaluation.steps.map((r) => [String(r.step), ...cells(r.model), ...cells(r.repeatLast), ...cells(r.meanFrame), r.skipped > 0 ? `${r.episodes} (${r.skipped} too short)` : String(r.episodes)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    `${evaluation.model} on split "${evaluation.split}": ${evaluation.episodes} episodes, ${evaluation.contextFrames} context frames, ${evaluation.dataset.frameSize}×${evaluation.dataset.frameSize}`,
    line(header),
    ...rows.map(line),
  ].join('\n');
}
