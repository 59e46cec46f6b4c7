/**
 * How well a world model predicts held-out episodes. Each episode (split `test` by default) is
 * rolled out as models/CONTRACT.md says: the card's `contextFrames` true frames warm the stream,
 * then the model predicts frame after frame from its own output, driven by the episode's actions
 * and poses. At steps 1, 16 and 64 the prediction is scored against the true frame (PSNR, SSIM),
 * next to two baselines scored on the same frames in the same run:
 *
 *   repeat-last   the last true context frame, held (what a model that learned nothing of motion
 *                 would do)
 *   mean frame    the mean of every frame of the dataset's train split (what a model that learned
 *                 only the average view would do)
 *
 * An episode too short for a step is skipped at that step and counted. Many episodes stream
 * through the model together (one onnxruntime call per step for a whole batch), and the frames a
 * rollout strip needs are kept for the first few episodes.
 *
 * Each frame's PSNR is capped at PSNR_CAP_DB before averaging (identical frames have infinite PSNR).
 */
import { throwIfAborted } from '../../generators/worldsmith-error.ts';
import { splitCounts, type Dataset, type DatasetSplit, type Episode } from '../dataset/read-dataset.ts';
import { ActionSpaceSchema } from '../inference/model-card.ts';
import { ModelError } from '../inference/model-error.ts';
import type { WorldModel } from '../inference/world-model.ts';
import { PSNR_CAP_DB, psnr } from './psnr.ts';
import { SSIM_K1, SSIM_K2, SSIM_WINDOW, ssim } from './ssim.ts';

export interface EvaluateOptions {
  /** The held-out split to roll out. */
  split?: DatasetSplit;
  /** At most this many of the split's episodes, in index order (0: all). */
  episodes?: number;
  /** Rollout steps to score. */
  steps?: number[];
  /** Streams per onnxruntime call. */
  batch?: number;
  /** Steps shown in the rollout strip, and how many episodes it shows. */
  stripSteps?: number[];
  stripEpisodes?: number;
  signal?: AbortSignal;
  onProgress?: (progress: { stage: 'mean-frame' | 'rollout'; done: number; total: number }) => void;
}

export const EVALUATE_DEFAULTS: Required<Omit<EvaluateOptions, 'signal' | 'onProgress'>> = {
  split: 'test',
  episodes: 0,
  steps: [1, 16, 64],
  batch: 32,
  stripSteps: [1, 2, 4, 8, 16, 32, 64],
  stripEpisodes: 3,
};

export interface MetricPair {
  /** Mean PSNR, dB (each frame capped at PSNR_CAP_DB); null when no episode reached the step. */
  psnr: number | null;
  /** Mean SSIM; null when no episode reached the step. */
  ssim: number | null;
}

export interface StepMetrics {
  step: number;
  /** Episodes scored at this step. */
  episodes: number;
  /** Episodes too short for it (fewer than contextFrames + step frames). */
  skipped: number;
  model: MetricPair;
  repeatLast: MetricPair;
  /** Null pair when the dataset has no train frames to average. */
  meanFrame: MetricPair;
}

export interface StripEpisode {
  id: string;
  world: string;
  width: number;
  height: number;
  /** Per strip step: the true, predicted and repeat-last frames (RGB uint8), or null past the episode's end. */
  frames: Array<{ step: number; truth: Uint8Array; predicted: Uint8Array; repeatLast: Uint8Array } | null>;
}

export interface Evaluation {
  model: string;
  split: DatasetSplit;
  contextFrames: number;
  dataset: { directory: string; indexSha256: string; frameSize: number; trainFrames: number };
  /** Episodes rolled out. */
  episodes: number;
  steps: StepMetrics[];
  metric: { psnrCapDb: number; ssim: { window: number; k1: number; k2: number; kind: string } };
  /** What was measured, with nothing that changes between identical runs (no date, no path). */
  description: string;
  /** Frames for the rollout strip: the first episodes, at `stripSteps`. */
  strip: StripEpisode[];
  stripSteps: number[];
}

export async function evaluateModel(model: WorldModel, dataset: Dataset, options: EvaluateOptions = {}): Promise<Evaluation> {
  const o = { ...EVALUATE_DEFAULTS, ...options };
  const { card } = model;
  const index = dataset.index;
  checkDatasetFitsModel(model, dataset);
  if (!Number.isInteger(o.batch) || o.batch < 1) throw new ModelError('MODEL_INPUT', `batch must be a whole number ≥ 1 (got ${o.batch}).`);
  if (o.steps.some((s) => !Number.isInteger(s) || s < 1)) throw new ModelError('MODEL_INPUT', `steps must be whole numbers ≥ 1 (got ${o.steps.join(', ')}).`);
  let chosen = dataset.episodes(o.split);
  if (chosen.length === 0) {
    throw new ModelError('MODEL_DATASET', `The dataset ${dataset.directory} has no episodes in split "${o.split}" (${splitCounts(dataset)}); choose another split.`);
  }
  if (o.episodes > 0) chosen = chosen.slice(0, o.episodes);

  const size = index.frameSize;
  const pixels = size * size;
  const k = card.contextFrames;
  const longest = Math.max(...o.steps, ...o.stripSteps);

  const mean = await meanTrainFrame(dataset, o);
  const sums = o.steps.map(() => ({ count: 0, model: { psnr: 0, ssim: 0 }, repeatLast: { psnr: 0, ssim: 0 }, meanFrame: { psnr: 0, ssim: 0 } }));
  const scoreStep = new Map(o.steps.map((s, i) => [s, i]));
  const stripStep = new Map(o.stripSteps.map((s, i) => [s, i]));
  const strip: StripEpisode[] = [];
  const score = (a: Uint8Array, b: Uint8Array) => ({ psnr: Math.min(psnr(a, b), PSNR_CAP_DB), ssim: ssim(a, b, size, size) });
  const add = (into: { psnr: number; ssim: number }, value: { psnr: number; ssim: number }) => {
    into.psnr += value.psnr;
    into.ssim += value.ssim;
  };

  let done = 0;
  o.onProgress?.({ stage: 'rollout', done, total: chosen.length });
  for (let start = 0; start < chosen.length; start += o.batch) {
    throwIfAborted(o.signal, 'evaluation');
    const episodes: Episode[] = [];
    for (const entry of chosen.slice(start, start + o.batch)) episodes.push(await dataset.readEpisode(entry));
    const frameAt = (e: Episode, t: number) => e.pixels.subarray(t * pixels * 3, (t + 1) * pixels * 3);
    // Episodes with no frame after their context give nothing to score.
    const live = episodes.filter((e) => e.frames > k);
    const streams = live.map(() => model.openStream({ width: size, height: size }));
    // The strip shows the first episodes that have frames to predict.
    const strips = live.map((e, i): StripEpisode | null =>
      strip.length + i < o.stripEpisodes ? { id: e.entry.id, world: e.entry.world, width: size, height: size, frames: o.stripSteps.map(() => null) } : null,
    );
    if (live.length > 0) {
      await model.warmStreams(
        live.map((e, i) => ({ stream: streams[i], frames: e.pixels.subarray(0, k * pixels * 3), actions: e.actions.slice(0, k), poses: e.poses.slice(0, k) })),
      );
    }
    const horizon = live.map((e) => Math.min(longest, e.frames - k));
    const last = live.map((e) => frameAt(e, k - 1));
    for (let n = 1; n <= Math.max(0, ...horizon); n++) {
      throwIfAborted(o.signal, 'evaluation');
      const active = live.map((_, i) => i).filter((i) => horizon[i] >= n);
      const t = k - 1 + n;
      const predicted = await model.stepStreams(active.map((i) => ({ stream: streams[i], action: live[i].actions[t], pose: live[i].poses[t] })));
      active.forEach((i, j) => {
        const truth = frameAt(live[i], t);
        const at = scoreStep.get(n);
        if (at !== undefined) {
          const sum = sums[at];
          sum.count++;
          add(sum.model, score(predicted[j], truth));
          add(sum.repeatLast, score(last[i], truth));
          if (mean) add(sum.meanFrame, score(mean.frame, truth));
        }
        const shown = stripStep.get(n);
        if (shown !== undefined && strips[i]) strips[i]!.frames[shown] = { step: n, truth: truth.slice(), predicted: predicted[j], repeatLast: last[i].slice() };
      });
    }
    for (const s of strips) if (s) strip.push(s);
    done += episodes.length;
    o.onProgress?.({ stage: 'rollout', done, total: chosen.length });
  }

  const pair = (sum: { psnr: number; ssim: number }, count: number): MetricPair => (count > 0 ? { psnr: sum.psnr / count, ssim: sum.ssim / count } : { psnr: null, ssim: null });
  const steps = o.steps.map((step, i) => ({
    step,
    episodes: sums[i].count,
    skipped: chosen.length - sums[i].count,
    model: pair(sums[i].model, sums[i].count),
    repeatLast: pair(sums[i].repeatLast, sums[i].count),
    meanFrame: mean ? pair(sums[i].meanFrame, sums[i].count) : { psnr: null, ssim: null },
  }));
  return {
    model: card.name,
    split: o.split,
    contextFrames: k,
    dataset: { directory: dataset.directory, indexSha256: dataset.indexSha256, frameSize: size, trainFrames: mean?.frames ?? 0 },
    episodes: chosen.length,
    steps,
    metric: { psnrCapDb: PSNR_CAP_DB, ssim: { window: SSIM_WINDOW, k1: SSIM_K1, k2: SSIM_K2, kind: 'uniform window, per RGB channel, mean (scikit-image defaults)' } },
    description:
      `${card.name} rolled out on ${chosen.length} episode${chosen.length === 1 ? '' : 's'} of split "${o.split}" (dataset index sha256 ${dataset.indexSha256.slice(0, 12)}…, ${size}×${size}), ` +
      `${k} context frames then autoregressive (models/CONTRACT.md); mean PSNR (each frame capped at ${PSNR_CAP_DB} dB) and SSIM (${SSIM_WINDOW}×${SSIM_WINDOW} uniform, K1 ${SSIM_K1}, K2 ${SSIM_K2}) at steps ${o.steps.join(', ')}; ` +
      `baselines: the last context frame held, and the mean of the train split's ${mean?.frames ?? 0} frames`,
    strip,
    stripSteps: o.stripSteps,
  };
}

/** Refuses a dataset whose frames or actions the model was not made for. */
export function checkDatasetFitsModel(model: WorldModel, dataset: Dataset): void {
  const { card } = model;
  const index = dataset.index;
  const problems: string[] = [];
  const d = card.state.downsample;
  if (index.frameSize % d !== 0) problems.push(`frames are ${index.frameSize}×${index.frameSize}, not a multiple of the model's state.downsample (${d})`);
  if (index.fps !== card.fps) problems.push(`fps is ${index.fps}, the model's ${card.fps}`);
  // The contract's fields only: a writer may record more (maxWadeMetres) than a card carries.
  for (const key of Object.keys(ActionSpaceSchema.properties) as Array<keyof typeof card.actionSpace>) {
    if (JSON.stringify(index.actionSpace[key]) !== JSON.stringify(card.actionSpace[key])) {
      problems.push(`actionSpace.${key} is ${JSON.stringify(index.actionSpace[key])}, the model's ${JSON.stringify(card.actionSpace[key])}`);
    }
  }
  if (index.fovDegrees !== card.fovDegrees) problems.push(`fovDegrees is ${index.fovDegrees}, the model's ${card.fovDegrees}`);
  if (problems.length > 0) {
    throw new ModelError('MODEL_DATASET', `The dataset ${dataset.directory} does not fit model ${card.name}: ${problems.join('; ')}. Evaluate on a dataset written with the model's settings.`);
  }
}

/** The per-pixel mean of every train frame (rounded to bytes), or null when the split is empty. */
async function meanTrainFrame(dataset: Dataset, o: EvaluateOptions): Promise<{ frame: Uint8Array; frames: number } | null> {
  const train = dataset.episodes('train');
  if (train.length === 0) return null;
  const size = dataset.index.frameSize;
  const bytes = size * size * 3;
  const sum = new Float64Array(bytes);
  const byShard = new Map<string, typeof train>();
  for (const e of train) byShard.set(e.shard, [...(byShard.get(e.shard) ?? []), e]);
  let frames = 0;
  let done = 0;
  o.onProgress?.({ stage: 'mean-frame', done, total: byShard.size });
  for (const [shard, episodes] of byShard) {
    throwIfAborted(o.signal, 'evaluation');
    const pixels = await dataset.readShardFrames(shard);
    for (const e of episodes) {
      for (let t = 0; t < e.frames; t++) {
        const base = (e.offset + t) * bytes;
        for (let i = 0; i < bytes; i++) sum[i] += pixels[base + i];
      }
      frames += e.frames;
    }
    o.onProgress?.({ stage: 'mean-frame', done: ++done, total: byShard.size });
  }
  return { frame: Uint8Array.from(sum, (v) => Math.round(v / frames)), frames };
}
