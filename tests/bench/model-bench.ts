/**
 * The world model's step function under onnxruntime-node on the CPU: milliseconds per predicted
 * frame and frames per second at batch 1, 8 and 32, at 64² and 128² (the network is fully
 * convolutional), one intra-op thread, both on the calling thread (the bare session) and through
 * the worker-thread WorldModel (what the server and the evaluator use: transfers and checks
 * included). Beside each, the compute floor measured in the same run: the model's FLOPs per frame
 * at that size divided by the multiply-add throughput onnxruntime reaches on one thread on a
 * single 512 × 512 MatMul (a hand-encoded ONNX model; 2·n³ FLOPs per call). Convolutions reach
 * less of the machine than one large MatMul, so a model runs above its floor; the ratio says how
 * far.
 *
 * The model: WORLDSMITH_BENCH_MODEL, else models/checkpoints/valley-64, else the tiny test fixture
 * (an untrained half-width network), named in the output.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { readModelCard, type ModelCard } from '../../models/inference/model-card.ts';
import { loadWorldModel, type StepInputs, type WorldModel } from '../../models/inference/world-model.ts';
import { matMulModel } from '../helpers/onnx-builder.ts';
import { machine, median, table } from './bench-report.ts';

const SIZES = [64, 128] as const;
const BATCHES = [1, 8, 32] as const;
const TARGET_MS_128 = 8;
const MATMUL_N = 512;
/** Calls timed per measurement: about 0.3 s of work for a small model, enough to smooth the timer. */
const CALLS: Record<number, number> = { 1: 12, 8: 4, 32: 2 };

export async function benchModel(runs: number, log: (line: string) => void): Promise<string> {
  const { dir, note } = chooseModel();
  log(`model bench: ${dir}${note ? ` (${note})` : ''}`);
  const { card } = await readModelCard(dir);
  const throughput = await matMulThroughput(runs, log);
  const inProcess = await loadWorldModel(dir, { workers: 0, threads: 1 });
  const inWorker = await loadWorldModel(dir, { workers: 1, threads: 1 });
  const rows: Array<Array<string | number>> = [];
  const at128: Record<string, number> = {};
  try {
    for (const size of SIZES) {
      const flops = flopsPerFrame(card, size);
      const floorMs = (flops / throughput) * 1000;
      for (const batch of BATCHES) {
        const results: Record<'in-process' | 'worker', number[]> = { 'in-process': [], worker: [] };
        for (let run = 0; run < runs; run++) {
          // Runners take turns within a run, so noise falls on both alike.
          for (const [name, model] of [
            ['in-process', inProcess],
            ['worker', inWorker],
          ] as const) {
            const ms = await msPerFrame(model, size, batch);
            results[name].push(ms);
            log(`model ${size}² batch ${batch} ${name} run ${run + 1}/${runs}: ${ms.toFixed(3)} ms/frame`);
          }
        }
        for (const name of ['in-process', 'worker'] as const) {
          const ms = median(results[name]);
          if (size === 128 && batch === 1) at128[name] = ms;
          rows.push([`${size}²`, batch, name === 'worker' ? 'worker thread (WorldModel)' : 'in process (session)', `**${ms.toFixed(2)}**`, (1000 / ms).toFixed(0), floorMs.toFixed(3), `${(ms / floorMs).toFixed(1)}×`]);
        }
      }
    }
  } finally {
    await inProcess.close();
    await inWorker.close();
  }
  const verdict = (ms: number) => (ms <= TARGET_MS_128 ? `meets the ${TARGET_MS_128} ms target` : `misses the ${TARGET_MS_128} ms target`);
  return `## World model: inference

Model \`${card.name}\` (${dir}${note ? `; ${note}` : ''}): ${card.training.parameters.toLocaleString('en-US')} parameters, state ${card.state.channels} channels at 1/${card.state.downsample}, ${(flopsPerFrame(card, 64) / 1e6).toFixed(1)} MFLOP per frame at 64² and ${(flopsPerFrame(card, 128) / 1e6).toFixed(1)} at 128².
onnxruntime-node ${ort.env.versions?.node ?? ''} on the CPU, one intra-op thread; median of ${runs} runs on ${machine()}.
"in process" is the bare InferenceSession on the calling thread; "worker thread" is \`loadWorldModel\` (one worker, the tensors transferred, inputs checked), what the server and \`eval-model\` use.

The floor is the model's FLOPs per frame at that size divided by the ${(throughput / 1e9).toFixed(1)} GFLOP/s onnxruntime reached (best run) on one thread on a ${MATMUL_N} × ${MATMUL_N} MatMul in the same run: the time the frame would take if every operation ran as fast as one large matrix multiply, which convolutions on small images do not, so "× floor" is how far the model runs above it.

${table(['frame', 'batch', 'runner', 'ms per frame', 'frames/s', 'floor ms per frame', '× floor'], rows)}

Target: 128² in ≤ ${TARGET_MS_128} ms per frame at batch 1 on one thread — in process ${at128['in-process'].toFixed(2)} ms (${verdict(at128['in-process'])}), through the worker ${at128.worker.toFixed(2)} ms (${verdict(at128.worker)}).
`;
}

function chooseModel(): { dir: string; note: string } {
  const fromEnv = process.env.WORLDSMITH_BENCH_MODEL;
  if (fromEnv) return { dir: fromEnv, note: 'from WORLDSMITH_BENCH_MODEL' };
  const shipped = join('models', 'checkpoints', 'valley-64');
  if (existsSync(join(shipped, 'model-card.json'))) return { dir: shipped, note: '' };
  return { dir: join('tests', 'fixtures', 'models', 'tiny'), note: `${shipped} is not there yet: the tiny untrained test fixture stands in` };
}

/** FLOPs per frame at size², from the card: the exporter's per-size count when it has one, else training.flopsPerFrame scaled by area. */
export function flopsPerFrame(card: ModelCard, size: number): number {
  const perSize = (card as { architecture?: { flopsPerFrame?: Record<string, number> } }).architecture?.flopsPerFrame?.[String(size)];
  if (typeof perSize === 'number') return perSize;
  return card.training.flopsPerFrame * ((size * size) / (card.frame.width * card.frame.height));
}

/** Multiply-add throughput, FLOP/s, of onnxruntime on one thread: a single n × n MatMul. */
async function matMulThroughput(runs: number, log: (line: string) => void): Promise<number> {
  const session = await ort.InferenceSession.create(matMulModel(MATMUL_N), { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' });
  const values = Float32Array.from({ length: MATMUL_N * MATMUL_N }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
  const a = new ort.Tensor('float32', values, [MATMUL_N, MATMUL_N]);
  const b = new ort.Tensor('float32', values.slice().reverse(), [MATMUL_N, MATMUL_N]);
  await session.run({ a, b });
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const calls = 6;
    const start = performance.now();
    for (let i = 0; i < calls; i++) await session.run({ a, b });
    const seconds = (performance.now() - start) / 1000;
    rates.push((calls * 2 * MATMUL_N ** 3) / seconds);
    log(`matmul ${MATMUL_N}³ run ${run + 1}/${runs}: ${(rates[run] / 1e9).toFixed(2)} GFLOP/s`);
  }
  await session.release();
  // The best run: a floor is the least time the work could take.
  return Math.max(...rates);
}

/** Median milliseconds per frame of `CALLS[batch]` steps of a batch at size², after one untimed warm-up step. */
async function msPerFrame(model: WorldModel, size: number, batch: number): Promise<number> {
  const c = model.card.state.channels;
  const d = model.card.state.downsample;
  const inputs = (): StepInputs => ({
    batch,
    height: size,
    width: size,
    frame: Float32Array.from({ length: batch * 3 * size * size }, (_, i) => (i % 251) / 251),
    action: Float32Array.from({ length: batch * 4 }, (_, i) => ((i % 3) - 1) * 0.5),
    pose: model.card.pose.used ? Float32Array.from({ length: batch * 6 }, (_, i) => ((i % 5) - 2) * 0.2) : undefined,
    state: new Float32Array(batch * c * (size / d) * (size / d)),
  });
  await model.step(inputs());
  const calls = CALLS[batch];
  // Inputs are made before timing: step() transfers (detaches) them, so each call gets its own.
  const prepared = Array.from({ length: calls }, inputs);
  const times: number[] = [];
  for (const input of prepared) {
    const start = performance.now();
    await model.step(input);
    times.push(performance.now() - start);
  }
  return median(times) / batch;
}
