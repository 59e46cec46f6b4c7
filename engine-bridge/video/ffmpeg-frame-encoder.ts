/**
 * The classic path: raw RGBA frames piped into ffmpeg, encoded by libx264 (yuv420p, BT.709, CRF 20,
 * preset veryfast, a key frame every 2 s) into an MP4 with moov first. Bit-exact flags keep version
 * strings and dates out, so the same frames give the same bytes with the same ffmpeg.
 */
import { readFile } from 'node:fs/promises';
import { startTool, BITEXACT_OUTPUT_FLAGS, type ToolProcess } from './run-ffmpeg.ts';

export const X264_SETTINGS = { preset: 'veryfast', crf: 20 } as const;

export interface FfmpegFrameEncoder {
  /** Writes one frame (width × height × 4 bytes); resolves when ffmpeg can take more. */
  write(frame: Uint8Array): Promise<void>;
  /** Ends the input, waits for ffmpeg and returns the MP4. */
  finish(): Promise<Uint8Array>;
  /** Stops ffmpeg now (cleanup after an error or abort). */
  kill(): void;
}

export function x264Args(width: number, height: number, fps: number, output: string): string[] {
  return [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${width}x${height}`, '-framerate', String(fps), '-i', 'pipe:0',
    '-vf', 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p',
    '-c:v', 'libx264', '-preset', X264_SETTINGS.preset, '-crf', String(X264_SETTINGS.crf), '-g', String(Math.max(1, Math.round(fps * 2))),
    '-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv',
    '-movflags', '+faststart',
    ...BITEXACT_OUTPUT_FLAGS,
    output,
  ];
}

export function startFfmpegFrameEncoder(ffmpeg: string, options: { width: number; height: number; fps: number; output: string; signal?: AbortSignal }): FfmpegFrameEncoder {
  const { width, height, fps, output } = options;
  const tool: ToolProcess = startTool(ffmpeg, x264Args(width, height, fps, output), 'encoding frames with libx264', options.signal);
  const frameBytes = width * height * 4;
  let exited: unknown;
  tool.done.catch((error: unknown) => {
    exited = error;
  });
  return {
    write(frame) {
      if (exited) return Promise.reject(exited);
      if (frame.length !== frameBytes) return Promise.reject(new Error(`A frame of ${frame.length} bytes arrived; ${width}×${height} RGBA is ${frameBytes}.`));
      return new Promise<void>((resolve, reject) => {
        if (tool.stdin.write(frame)) resolve();
        else {
          // Resolve when ffmpeg drained the pipe, or fail with ffmpeg's own error if it died.
          tool.stdin.once('drain', resolve);
          tool.done.catch(reject);
        }
      });
    },
    async finish() {
      tool.stdin.end();
      await tool.done;
      return new Uint8Array(await readFile(output));
    },
    kill: () => tool.kill(),
  };
}
