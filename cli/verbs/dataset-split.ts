import { stat } from 'node:fs/promises';
import { extractSplit } from '../../models/dataset/extract-split.ts';
import { DATASET_SPLITS, readDataset, type DatasetSplit } from '../../models/dataset/read-dataset.ts';
import { formatBytes, formatMs } from '../progress-reporter.ts';
import { integerFlag, parseFlags } from '../parse-flags.ts';
import { UsageError } from '../usage-error.ts';
import type { Verb } from './verb.ts';

export const datasetSplitVerb: Verb = {
  name: 'dataset-split',
  summary: "Copy one split of a dataset into a dataset of its own (to ship a model's held-out episodes)",
  help: `Usage: worldsmith dataset-split DATASET_DIR --split S --out DIR [--episodes N] [--json]

Writes the episodes of one split of a dataset (frames, actions, poses, times, unchanged) as a
dataset of its own in the same format (models/CONTRACT.md), which \`worldsmith eval-model\` and the
trainer read like any other. Use it to ship a model's held-out test episodes beside the model, so
its card's figures can be measured again without the whole dataset. The same source gives the
same bytes. The output is written to OUT.partial/ and renamed into place.

Options:
  --split S       ${DATASET_SPLITS.join(', ')}
  --out DIR       where to write (replaced when finished)
  --episodes N    only the first N episodes of the split (default: all)
  --json          print the summary as JSON

Example:
  worldsmith dataset-split out/valley-64 --split test --out models/checkpoints/valley-64/test-episodes`,
  async run(args, io) {
    const { values, positionals } = parseFlags('dataset-split', args, {
      split: { type: 'string' },
      out: { type: 'string' },
      episodes: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('dataset-split needs one dataset directory (a directory `worldsmith dataset` wrote).', 'dataset-split');
    if (!values.split) throw new UsageError(`dataset-split needs --split (${DATASET_SPLITS.join(', ')}).`, 'dataset-split');
    const split = values.split as DatasetSplit;
    if (!DATASET_SPLITS.includes(split)) throw new UsageError(`--split must be one of ${DATASET_SPLITS.join(', ')} (got "${values.split}").`, 'dataset-split');
    if (!values.out) throw new UsageError('dataset-split needs --out DIR.', 'dataset-split');
    const existing = await stat(values.out).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new UsageError(`--out ${values.out} is a file, not a directory.`, 'dataset-split');
    const episodes = integerFlag('dataset-split', 'episodes', values.episodes, 1, 1_000_000) ?? 0;
    const started = performance.now();
    const dataset = await readDataset(positionals[0]);
    const extracted = await extractSplit(dataset, { split, out: values.out, episodes });
    if (values.json) {
      io.out(`${JSON.stringify({ out: values.out, split, episodes: extracted.index.episodes.length, frames: extracted.frames, bytes: extracted.bytes }, null, 2)}\n`);
      return 0;
    }
    io.out(
      `${values.out}/index.json  ${extracted.index.episodes.length} ${split} episodes · ${extracted.frames} frames · ` +
        `${extracted.index.shards.length} shards, ${formatBytes(extracted.bytes)} · ${formatMs(performance.now() - started)}\n`,
    );
    return 0;
  },
};
