/**
 * spec → everything `worldsmith generate` writes, in memory: the validated world.glb (or, chunked,
 * one validated glb per chunk and level plus an index), the navmesh in Detour's format, the spec as
 * JSON, a report (counts, sizes, timings per stage, validation), and the previews' pixels (a
 * top-down relief and a perspective view).
 * No file system and no image encoding here: the CLI and the server write and encode.
 */
import { buildChunkedDocuments, type ChunkIndex } from '../export/build-chunked-documents.ts';
import { buildWorldDocument, type WorldDocumentCounts } from '../export/build-world-document.ts';
import { encodeWorldTextures } from '../export/world-textures.ts';
import type { ImageEncoder } from '../textures/image-encoder.ts';
import { ExportError } from '../export/export-error.ts';
import { validateGlb, type ValidationSummary } from '../export/validate-glb.ts';
import { writeGlb } from '../export/write-glb.ts';
import type { WorldSpec } from '../spec/world-spec-schema.ts';
import type { ReliefImage } from '../terrain/shade-relief.ts';
import { WORLDSMITH_VERSION } from '../version.ts';
import { generateWorld } from './generate-world.ts';
import { defaultClock, StageRunner, type Clock, type ProgressListener } from './progress.ts';
import { renderPerspectivePreview } from './perspective-preview.ts';
import { renderReliefPreview } from './relief-preview.ts';
import { describeWorld, type World, type WorldStats } from './world.ts';

export interface MakeWorldFilesOptions {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  clock?: Clock;
  /** Render the previews: top-down relief and perspective view (default true). */
  preview?: boolean;
  /** Longest side of the relief preview, pixels. */
  previewSize?: number;
  /** Quantize and meshopt-compress (default true). */
  compress?: boolean;
  /** Also make the streamable chunk set (one glb per chunk and level, and an index). */
  chunks?: boolean;
  /**
   * Encodes the world's texture sets into world.glb (the CLI passes sharp's). Without one, or with
   * `textures: false`, materials are vertex colour only.
   */
  encodeImage?: ImageEncoder;
  /** Texture the world (default true; needs `encodeImage`). */
  textures?: boolean;
}

export interface WorldReport {
  worldsmith: string;
  seed: number;
  prompt: string;
  counts: WorldDocumentCounts;
  stats: WorldStats;
  /** Bytes of each file, filled in by whoever writes them. */
  files: Record<string, number>;
  /** Milliseconds per stage, and in all. */
  timings: Record<string, number>;
  totalMs: number;
  /** The world.glb's validation, and (chunked) the sum over every chunk file. */
  validation: Omit<ValidationSummary, 'messages'>;
  chunkValidation?: { files: number; errors: number; warnings: number };
  /** Things asked for that could not be done exactly (a structure placed elsewhere…). */
  notes: string[];
  /** Anything else the caller wants on record (e.g. the interpreter's explanation). */
  extra?: Record<string, unknown>;
}

export interface WorldFiles {
  world: World;
  glb: Uint8Array;
  /** Detour's serialised navmesh, for engines that load it directly. */
  navmesh?: Uint8Array;
  /** Chunk files by name, and the index (with `chunks: true`). */
  chunks?: { files: Array<{ name: string; bytes: Uint8Array }>; index: ChunkIndex };
  specJson: string;
  report: WorldReport;
  relief?: ReliefImage;
  view?: ReliefImage;
}

export async function makeWorldFiles(spec: WorldSpec, options: MakeWorldFilesOptions = {}): Promise<WorldFiles> {
  const clock = options.clock ?? defaultClock;
  const start = clock();
  const compress = options.compress ?? true;
  const textured = options.textures !== false && options.encodeImage !== undefined;
  const { world, timings } = await generateWorld(spec, { onProgress: options.onProgress, signal: options.signal, clock, textures: textured });
  const stages = new StageRunner(options.onProgress, clock, options.signal);
  const encodeImage = options.encodeImage;
  const textures = world.textures && encodeImage ? await stages.step('texture encoding', () => encodeWorldTextures(world.textures!, encodeImage)) : undefined;
  const { doc, counts } = await stages.step('document', () => buildWorldDocument(world, { compress, textures }));
  const glb = await stages.step('glb', () => writeGlb(doc));
  const validation = await stages.step('validate', () => validateGlb(glb));
  refuseInvalid('world.glb', validation);

  let chunks: WorldFiles['chunks'];
  let chunkValidation: WorldReport['chunkValidation'];
  if (options.chunks) {
    chunks = await stages.step('chunks', async (report) => {
      const built = await buildChunkedDocuments(world, { compress });
      const files: Array<{ name: string; bytes: Uint8Array }> = [];
      let errors = 0;
      let warnings = 0;
      for (const [k, document] of built.documents.entries()) {
        const bytes = await writeGlb(document.doc);
        const check = await validateGlb(bytes);
        refuseInvalid(document.file, check);
        errors += check.errors;
        warnings += check.warnings;
        files.push({ name: document.file, bytes });
        report(k + 1, built.documents.length);
      }
      chunkValidation = { files: files.length, errors, warnings };
      return { files, index: built.index };
    });
  }
  const relief = options.preview === false ? undefined : await stages.step('relief', () => renderReliefPreview(world, options.previewSize));
  const view = options.preview === false ? undefined : await stages.step('view', () => renderPerspectivePreview(world));
  const { messages: _messages, ...validationCounts } = validation;
  const report: WorldReport = {
    worldsmith: WORLDSMITH_VERSION,
    seed: world.spec.seed,
    prompt: world.spec.prompt,
    counts,
    stats: describeWorld(world),
    files: {},
    timings: { ...timings, ...stages.timings },
    totalMs: clock() - start,
    validation: validationCounts,
    ...(chunkValidation ? { chunkValidation } : {}),
    notes: [...world.structures.flatMap((s) => (s.note ? [`${s.id}: ${s.note}`] : [])), ...world.gameplay.notes],
  };
  return {
    world,
    glb,
    navmesh: world.navmesh?.detour,
    chunks,
    specJson: `${JSON.stringify(world.spec, null, 2)}\n`,
    report,
    relief,
    view,
  };
}

function refuseInvalid(file: string, validation: ValidationSummary): void {
  if (validation.errors === 0) return;
  const first = validation.messages.filter((m) => m.severity === 'error').slice(0, 5);
  throw new ExportError(
    `${file} failed glTF validation with ${validation.errors} error(s); nothing was written. This is a Worldsmith bug — ` +
      `please report it with the spec. First errors: ${first.map((m) => `${m.code} at ${m.pointer ?? '?'}: ${m.message}`).join('; ')}`,
  );
}
