/** One frame of a video, decoded by ffmpeg and returned as PNG bytes (thumbnails, tests). */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RenderError } from '../render/render-error.ts';
import { findFfmpeg } from './find-ffmpeg.ts';
import { BITEXACT_OUTPUT_FLAGS, runTool } from './run-ffmpeg.ts';
import { withTempDirectory } from './temp-directory.ts';

export async function extractFramePng(video: Uint8Array, frame: number, options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
  if (!Number.isInteger(frame) || frame < 0) throw new RenderError('RENDER_INPUT', `Frame ${frame} cannot be extracted: give a whole frame number from 0.`);
  const { ffmpeg } = await findFfmpeg();
  return withTempDirectory(async (dir) => {
    const input = join(dir, 'video.mp4');
    await writeFile(input, video);
    const args = ['-hide_banner', '-loglevel', 'error', '-i', input, '-vf', `select=eq(n\\,${frame})`, '-vsync', '0', '-frames:v', '1', ...BITEXACT_OUTPUT_FLAGS, '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'];
    const png = await runTool(ffmpeg, args, `extracting frame ${frame}`, options.signal);
    if (png.length === 0) throw new RenderError('RENDER_INPUT', `The video has no frame ${frame}: give a frame number below its frame count.`);
    return new Uint8Array(png);
  });
}
