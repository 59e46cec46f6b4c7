/**
 * The sound track muxed into a finished video: the video stream copied as it is, the sound (float
 * samples, interleaved stereo) encoded by ffmpeg's native AAC encoder, moov first (+faststart), no
 * version strings or dates (bit-exact flags) — same inputs, same bytes. The sound is cut or padded
 * with silence, in samples, to the video's duration before encoding, so both streams end together.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Soundtrack } from '../../generators/audio/soundtrack.ts';
import { RenderError } from '../render/render-error.ts';
import { findFfmpeg } from './find-ffmpeg.ts';
import { mp4DurationSeconds } from './mp4-boxes.ts';
import { BITEXACT_OUTPUT_FLAGS, runTool } from './run-ffmpeg.ts';
import { withTempDirectory } from './temp-directory.ts';

/** What muxing needs of a sound track: interleaved stereo float samples in −1…1, and their rate. */
export type MuxedSound = Pick<Soundtrack, 'samples' | 'sampleRate'>;

export interface MuxSoundtrackOptions {
  /** AAC bits per second (default 160 000). */
  bitrate?: number;
  signal?: AbortSignal;
  /** Where the temp directory goes (default: the system's). */
  tempDirectory?: string;
}

export const MUX_SOUNDTRACK_DEFAULTS = { bitrate: 160_000 } as const;

export async function muxSoundtrack(videoMp4: Uint8Array, sound: MuxedSound, options: MuxSoundtrackOptions = {}): Promise<Uint8Array> {
  const bitrate = options.bitrate ?? MUX_SOUNDTRACK_DEFAULTS.bitrate;
  if (!Number.isInteger(sound.sampleRate) || sound.sampleRate < 8000 || sound.sampleRate > 192_000) {
    throw new RenderError('RENDER_INPUT', `The sound's sample rate ${sound.sampleRate} is not allowed: give a whole number of hertz from 8000 to 192000 (48000 is usual).`);
  }
  if (sound.samples.length % 2 !== 0) {
    throw new RenderError('RENDER_INPUT', `The sound has ${sound.samples.length} samples, an odd number: it must be interleaved stereo (left, right, …).`);
  }
  if (!Number.isInteger(bitrate) || bitrate < 32_000 || bitrate > 512_000) {
    throw new RenderError('RENDER_INPUT', `The AAC bitrate ${bitrate} is not allowed: give bits per second from 32000 to 512000.`);
  }
  let duration: number;
  try {
    duration = mp4DurationSeconds(videoMp4);
  } catch (error) {
    throw new RenderError('RENDER_INPUT', `The video to mux the sound into is not a finished MP4: ${(error as Error).message}`, { cause: error });
  }
  // The sound, cut or padded with silence to the video's length, and made finite.
  const frames = Math.round(duration * sound.sampleRate);
  const pcm = new Float32Array(frames * 2);
  pcm.set(sound.samples.subarray(0, pcm.length));
  for (let i = 0; i < pcm.length; i++) if (!Number.isFinite(pcm[i])) pcm[i] = 0;
  const { ffmpeg } = await findFfmpeg();
  return withTempDirectory(async (dir) => {
    const video = join(dir, 'video.mp4');
    const audio = join(dir, 'sound.f32');
    const output = join(dir, 'muxed.mp4');
    await writeFile(video, videoMp4);
    await writeFile(audio, new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength));
    const args = [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-i', video,
      '-f', 'f32le', '-ar', String(sound.sampleRate), '-ac', '2', '-i', audio,
      '-map', '0:v:0', '-map', '1:a:0',
      '-c:v', 'copy',
      '-c:a', 'aac', '-b:a', String(bitrate),
      '-movflags', '+faststart',
      ...BITEXACT_OUTPUT_FLAGS,
      output,
    ];
    await runTool(ffmpeg, args, 'muxing the sound track', options.signal);
    return new Uint8Array(await readFile(output));
  }, options.tempDirectory);
}
