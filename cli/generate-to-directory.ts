/**
 * The part of `generate` and `demo` that touches the disk: make the world in memory, then write
 * world.glb, spec.json, report.json, relief.png and view.png into the output directory atomically, and
 * print a summary.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Explanation } from '../generators/interpret/index.ts';
import type { WorldSpec } from '../generators/spec/index.ts';
import type { ReliefImage } from '../generators/terrain/shade-relief.ts';
import { makeWorldFiles, type WorldReport } from '../generators/world/make-world-files.ts';
import { encodeImageWithSharp } from '../engine-bridge/images/sharp-image-encoder.ts';
import { createProgressReporter, formatBytes, formatMs } from './progress-reporter.ts';
import { UsageError } from './usage-error.ts';
import type { CliIo } from './verbs/verb.ts';
import { writeFilesAtomically } from './write-atomic.ts';

export interface GenerateToDirectoryOptions {
  spec: WorldSpec;
  outDir: string;
  explanation?: Explanation;
  preview: boolean;
  json: boolean;
  /** Quantize + meshopt (default true). */
  compress?: boolean;
  /** Also write the streamable chunk set under DIR/chunks/. */
  chunks?: boolean;
  /** Texture ground and assets with the world's texture sets (default true). */
  textures?: boolean;
}

export async function generateToDirectory(options: GenerateToDirectoryOptions, io: CliIo): Promise<WorldReport> {
  const existing = await stat(options.outDir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new UsageError(`--out ${options.outDir} is a file, not a directory. Pick a directory name.`, 'generate');
  }
  const progress = createProgressReporter(io.stderr);
  let files;
  try {
    files = await makeWorldFiles(options.spec, {
      onProgress: progress.update,
      signal: io.signal,
      preview: options.preview,
      compress: options.compress ?? true,
      chunks: options.chunks ?? false,
      textures: options.textures ?? true,
      encodeImage: encodeImageWithSharp,
    });
  } finally {
    progress.end();
  }
  const report = files.report;
  if (options.explanation) {
    report.extra = {
      interpretation: {
        matched: options.explanation.matches.map((m) => m.phrase),
        unused: options.explanation.unused.map((u) => u.word),
        conflicts: options.explanation.conflicts,
      },
    };
  }
  const encodePreview = (image: ReliefImage) =>
    encodeImageWithSharp({ width: image.width, height: image.height, channels: 4, data: image.pixels }, 'png', { png: 'small' });
  const png = files.relief ? await encodePreview(files.relief) : undefined;
  const viewPng = files.view ? await encodePreview(files.view) : undefined;
  const outputs: Array<{ path: string; data: Uint8Array | string }> = [
    { path: join(options.outDir, 'world.glb'), data: files.glb },
    { path: join(options.outDir, 'spec.json'), data: files.specJson },
  ];
  if (files.navmesh) outputs.push({ path: join(options.outDir, 'navmesh.bin'), data: files.navmesh });
  if (files.chunks) {
    for (const chunk of files.chunks.files) outputs.push({ path: join(options.outDir, 'chunks', chunk.name), data: chunk.bytes });
    outputs.push({ path: join(options.outDir, 'chunks', 'index.json'), data: `${JSON.stringify(files.chunks.index, null, 2)}\n` });
  }
  if (png) outputs.push({ path: join(options.outDir, 'relief.png'), data: png });
  if (viewPng) outputs.push({ path: join(options.outDir, 'view.png'), data: viewPng });
  for (const file of outputs) report.files[file.path.slice(options.outDir.length + 1)] = byteLength(file.data);
  const reportJson = `${JSON.stringify(report, null, 2)}\n`;
  outputs.push({ path: join(options.outDir, 'report.json'), data: reportJson });
  report.files['report.json'] = Buffer.byteLength(reportJson);
  await writeFilesAtomically(outputs, io.signal);

  if (options.json) io.out(reportJson);
  else {
    const c = report.counts;
    io.out(
      `${join(options.outDir, 'world.glb')}  ${formatBytes(files.glb.length)} · ${c.terrainChunks} terrain chunks · ` +
        `${c.terrainTriangles.toLocaleString('en')} terrain triangles · ${c.instances.toLocaleString('en')} instances · ` +
        `${c.structures} structures · ${c.waterMeshes} water surfaces · ${c.paths} paths · navmesh ${c.navmeshTriangles.toLocaleString('en')} triangles · ` +
        `validator ${report.validation.errors} errors, ${report.validation.warnings} warnings · ${formatMs(report.totalMs)}\n`,
    );
    if (files.chunks) {
      io.out(`${join(options.outDir, 'chunks')}/  ${files.chunks.files.length} chunk files + index.json · validator ${report.chunkValidation?.errors ?? 0} errors\n`);
    }
    io.out(`Also wrote spec.json, report.json${files.navmesh ? ', navmesh.bin' : ''}${png ? ', relief.png, view.png' : ''} in ${options.outDir}\n`);
    for (const note of report.notes) io.out(`Note: ${note}\n`);
  }
  return report;
}

function byteLength(data: Uint8Array | string): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.length;
}
