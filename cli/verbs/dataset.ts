import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { buildDataset, DATASET_DEFAULTS, DATASET_SIZES, type DatasetWorld } from '../../models/dataset/write-dataset.ts';
import { createProgressReporter, formatMs } from '../progress-reporter.ts';
import { integerFlag, parseFlags } from '../parse-flags.ts';
import { readWorldDirectory } from '../read-world-directory.ts';
import { UsageError } from '../usage-error.ts';
import type { Verb } from './verb.ts';

export const datasetVerb: Verb = {
  name: 'dataset',
  summary: 'Render exploration trajectories through worlds: a world-model training dataset',
  help: `Usage: worldsmith dataset --world DIR [--world DIR …] [--holdout-world DIR …] --out DIR
         [--episodes N] [--size 64|128] [--frames N] [--fps N] [--seed N] [--system-chromium] [--gpu] [--browser PATH] [--json]

Walks a player through each world with four exploration policies (wander with momentum, follow
the paths, look around, orbit a point of interest), moved by the world's own collision and terrain
following, and renders what the player sees with Babylon.js in headless Chromium. Writes frames
(gzip uint8 RGB shards), actions, poses and times, and index.json — the format in
models/CONTRACT.md. Episodes are split by episode into train/validation/test, and a held-out world's
episodes form test-unseen-world. The same worlds, options and seed give the same bytes. Stopped
part-way, the same command goes on from the last finished shard (OUT.partial/).

Options:
  --world DIR          a directory \`worldsmith generate\` wrote (repeat for more worlds)
  --holdout-world DIR  a world whose episodes are all kept for testing (repeatable)
  --out DIR            where to write (replaced when finished)
  --episodes N         episodes per world (default 16)
  --size N             frame side in pixels: ${DATASET_SIZES.join(' or ')} (default 64)
  --frames N           frames per episode (default ${DATASET_DEFAULTS.framesPerEpisode})
  --fps N              steps per second (default ${DATASET_DEFAULTS.fps})
  --seed N             (default 1)
  --system-chromium, --gpu, --browser PATH   the browser, as for \`worldsmith render\`
  --json               print the index summary as JSON

Example:
  worldsmith generate --spec samples/... --out out/valley
  worldsmith dataset --world out/valley --episodes 64 --size 64 --out out/valley-data`,
  async run(args, io) {
    const { values } = parseFlags('dataset', args, {
      world: { type: 'string', multiple: true },
      'holdout-world': { type: 'string', multiple: true },
      out: { type: 'string' },
      episodes: { type: 'string' },
      size: { type: 'string' },
      frames: { type: 'string' },
      fps: { type: 'string' },
      seed: { type: 'string' },
      gpu: { type: 'boolean' },
      'system-chromium': { type: 'boolean' },
      browser: { type: 'string' },
      json: { type: 'boolean' },
    });
    const trainWorlds = values.world ?? [];
    const holdoutWorlds = values['holdout-world'] ?? [];
    if (trainWorlds.length === 0) throw new UsageError('dataset needs at least one --world DIR (a directory `worldsmith generate` wrote).', 'dataset');
    if (!values.out) throw new UsageError('dataset needs --out DIR.', 'dataset');
    const existing = await stat(values.out).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new UsageError(`--out ${values.out} is a file, not a directory.`, 'dataset');
    const size = integerFlag('dataset', 'size', values.size, 1, 4096) ?? 64;
    if (!(DATASET_SIZES as readonly number[]).includes(size)) throw new UsageError(`--size must be ${DATASET_SIZES.join(' or ')} (got ${size}).`, 'dataset');
    const episodes = integerFlag('dataset', 'episodes', values.episodes, 1, 100_000) ?? 16;
    const frames = integerFlag('dataset', 'frames', values.frames, 2, 10_000) ?? DATASET_DEFAULTS.framesPerEpisode;
    const fps = integerFlag('dataset', 'fps', values.fps, 1, 120) ?? DATASET_DEFAULTS.fps;
    const seed = integerFlag('dataset', 'seed', values.seed, 0, 0xffff_ffff) ?? 1;

    const progress = createProgressReporter(io.stderr);
    const started = performance.now();
    let built;
    try {
      const worlds: DatasetWorld[] = [];
      for (const [dir, holdout] of [...trainWorlds.map((d) => [d, false] as const), ...holdoutWorlds.map((d) => [d, true] as const)]) {
        const worldStart = performance.now();
        const { spec, world, glb } = await readWorldDirectory(dir, 'dataset', {
          glb: true,
          signal: io.signal,
          onProgress: (e) => progress.update({ ...e, stage: 'world', ms: performance.now() - worldStart }),
        });
        const hash = createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 8);
        worlds.push({ id: `world-${spec.seed}-${hash}`, spec, world, glb: glb!, holdout });
      }
      const renderStart = performance.now();
      built = await buildDataset(worlds, {
        out: values.out,
        episodes,
        frameSize: size as 64 | 128,
        framesPerEpisode: frames,
        fps,
        seed,
        command: `worldsmith dataset ${args.join(' ')}`,
        browser: { executablePath: values.browser, gpu: values.gpu === true, system: values['system-chromium'] === true },
        signal: io.signal,
        onProgress: (p) =>
          progress.update({ stage: `shard ${p.shard}/${p.shards}`, done: p.frame, total: p.frames, ms: performance.now() - renderStart, ...(p.frame === p.frames ? { finished: true as const } : {}) }),
      });
    } finally {
      progress.end();
    }
    const { index } = built;
    const bySplit: Record<string, number> = {};
    for (const e of index.episodes) bySplit[e.split] = (bySplit[e.split] ?? 0) + 1;
    const totalFrames = index.shards.reduce((s, x) => s + x.frames, 0);
    const bytes = index.shards.reduce((s, x) => s + x.bytes, 0);
    if (values.json) {
      io.out(`${JSON.stringify({ out: values.out, frames: totalFrames, bytes, episodes: bySplit, worlds: index.worlds, rendered: built.rendered, reused: built.reused, ms: built.ms }, null, 2)}\n`);
      return 0;
    }
    const framesPerSecond = totalFrames / Math.max(1e-3, built.ms.render / 1000);
    io.out(
      `${values.out}/index.json  ${index.episodes.length} episodes (${Object.entries(bySplit).map(([k, v]) => `${v} ${k}`).join(', ')}) · ${totalFrames} frames of ${size}×${size} at ${fps} fps · ` +
        `${index.shards.length} shards, ${(bytes / 1024 / 1024).toFixed(1)} MiB · ${built.reused > 0 ? `${built.reused} shards kept from an interrupted run · ` : ''}` +
        `${framesPerSecond.toFixed(1)} frames/s · ${formatMs(performance.now() - started)} in all\n`,
    );
    return 0;
  },
};
