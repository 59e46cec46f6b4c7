/**
 * Which ffmpeg and ffprobe, in this order:
 *   1. WORLDSMITH_FFMPEG (a path to ffmpeg; ffprobe from WORLDSMITH_FFPROBE, or beside it, or PATH);
 *   2. `ffmpeg` and `ffprobe` on PATH (Debian's ffmpeg 5.1 here and in CI);
 *   3. the embedded static ffmpeg of @ffmpeg-installer/ffmpeg (npm only).
 * ffprobe: WORLDSMITH_FFPROBE, beside a named ffmpeg, on PATH, else the embedded static one of
 * @ffprobe-installer/ffprobe (npm only) — so `npm install` alone is enough to film and to check.
 * Looked up on every call (a few file checks), so a changed environment takes effect.
 */
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { executable } from '../render/find-browser.ts';
import { RenderError } from '../render/render-error.ts';

export interface FfmpegTools {
  ffmpeg: string;
  /** null when no ffprobe was found (not on PATH, and the embedded one not usable here). */
  ffprobe: string | null;
  source: 'env' | 'system' | 'embedded';
}

export function findFfmpeg(): Promise<FfmpegTools> {
  return locate();
}

/** ffprobe, or a RenderError saying how to get one. */
export async function findFfprobe(): Promise<string> {
  const { ffprobe } = await findFfmpeg();
  if (!ffprobe) {
    throw new RenderError('RENDER_TOOL', 'ffprobe was not found: none on PATH and the embedded @ffprobe-installer/ffprobe is not usable here. Reinstall (npm install), install ffmpeg (apt-get install ffmpeg, which brings ffprobe), or set WORLDSMITH_FFPROBE to an ffprobe binary.');
  }
  return ffprobe;
}

async function locate(): Promise<FfmpegTools> {
  const named = process.env.WORLDSMITH_FFMPEG;
  const namedProbe = process.env.WORLDSMITH_FFPROBE;
  if (namedProbe && !(await executable(namedProbe))) {
    throw new RenderError('RENDER_TOOL', `WORLDSMITH_FFPROBE (${namedProbe}) is not an executable file. Point it at an ffprobe binary, or unset it.`);
  }
  if (named) {
    if (!(await executable(named))) {
      throw new RenderError('RENDER_TOOL', `WORLDSMITH_FFMPEG (${named}) is not an executable file. Point it at an ffmpeg binary, or unset it to use the system's or the embedded one.`);
    }
    const beside = join(dirname(named), 'ffprobe');
    return { ffmpeg: named, ffprobe: namedProbe ?? ((await executable(beside)) ? beside : await systemOrEmbeddedProbe()), source: 'env' };
  }
  const system = await onPath('ffmpeg');
  if (system) return { ffmpeg: system, ffprobe: namedProbe ?? (await systemOrEmbeddedProbe()), source: 'system' };
  let embedded: string;
  try {
    embedded = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  } catch (error) {
    throw new RenderError('RENDER_TOOL', `No ffmpeg was found: none on PATH, WORLDSMITH_FFMPEG unset, and the embedded @ffmpeg-installer/ffmpeg is not usable here (${String(error)}). Install ffmpeg (apt-get install ffmpeg) or set WORLDSMITH_FFMPEG.`, { cause: error });
  }
  return { ffmpeg: embedded, ffprobe: namedProbe ?? (await systemOrEmbeddedProbe()), source: 'embedded' };
}

async function systemOrEmbeddedProbe(): Promise<string | null> {
  const system = await onPath('ffprobe');
  if (system) return system;
  try {
    const embedded = (createRequire(import.meta.url)('@ffprobe-installer/ffprobe') as { path: string }).path;
    return (await executable(embedded)) ? embedded : null;
  } catch {
    return null;
  }
}

async function onPath(name: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && (await executable(join(dir, name)))) return join(dir, name);
  }
  return null;
}

