/**
 * What ffprobe says about a media file (bytes or a path): container, duration and each stream's
 * codec, profile, pixel format, size, frame count (read by decoding, with `countFrames`), sample
 * rate and channels. Throws a RenderError (`RENDER_TOOL`) naming the fix when ffprobe is missing.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFfprobe } from './find-ffmpeg.ts';
import { runTool } from './run-ffmpeg.ts';
import { withTempDirectory } from './temp-directory.ts';

export interface MediaStream {
  index: number;
  type: 'video' | 'audio' | 'data' | 'subtitle' | 'attachment' | string;
  /** ffprobe's codec_name: 'h264', 'aac', … */
  codec: string;
  profile: string | null;
  /** Video: 'yuv420p', …; null for audio. */
  pixelFormat: string | null;
  width: number | null;
  height: number | null;
  /** Frames (video) or packets (audio) the container declares (nb_frames). */
  frames: number | null;
  /** Frames counted by decoding (nb_read_frames), with `countFrames`. */
  readFrames: number | null;
  /** Seconds. */
  duration: number | null;
  /** Video: frames per second (r_frame_rate); audio: null. */
  frameRate: number | null;
  sampleRate: number | null;
  channels: number | null;
}

export interface MediaProbe {
  /** ffprobe's format_name, e.g. 'mov,mp4,m4a,3gp,3g2,mj2'. */
  format: string;
  duration: number | null;
  size: number;
  streams: MediaStream[];
}

export interface ProbeMediaOptions {
  /** Decode every frame to count them (nb_read_frames); slower. */
  countFrames?: boolean;
  signal?: AbortSignal;
}

export async function probeMedia(input: Uint8Array | string, options: ProbeMediaOptions = {}): Promise<MediaProbe> {
  const ffprobe = await findFfprobe();
  const probe = async (path: string) => {
    const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ...(options.countFrames ? ['-count_frames'] : []), path];
    return JSON.parse((await runTool(ffprobe, args, `probing ${typeof input === 'string' ? input : 'a media file'}`, options.signal)).toString('utf8')) as FfprobeJson;
  };
  const json =
    typeof input === 'string'
      ? await probe(input)
      : await withTempDirectory(async (dir) => {
          const path = join(dir, 'media');
          await writeFile(path, input);
          return probe(path);
        });
  return {
    format: json.format?.format_name ?? '',
    duration: numberOrNull(json.format?.duration),
    size: Number(json.format?.size ?? 0),
    streams: (json.streams ?? []).map((s) => ({
      index: s.index,
      type: s.codec_type,
      codec: s.codec_name ?? '',
      profile: s.profile ?? null,
      pixelFormat: s.pix_fmt ?? null,
      width: s.width ?? null,
      height: s.height ?? null,
      frames: numberOrNull(s.nb_frames),
      readFrames: numberOrNull(s.nb_read_frames),
      duration: numberOrNull(s.duration),
      frameRate: s.codec_type === 'video' ? rate(s.r_frame_rate) : null,
      sampleRate: numberOrNull(s.sample_rate),
      channels: s.channels ?? null,
    })),
  };
}

interface FfprobeJson {
  format?: { format_name?: string; duration?: string; size?: string };
  streams?: Array<{
    index: number;
    codec_type: string;
    codec_name?: string;
    profile?: string;
    pix_fmt?: string;
    width?: number;
    height?: number;
    nb_frames?: string;
    nb_read_frames?: string;
    duration?: string;
    r_frame_rate?: string;
    sample_rate?: string;
    channels?: number;
  }>;
}

function numberOrNull(value: string | undefined): number | null {
  if (value === undefined || value === 'N/A') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function rate(value: string | undefined): number | null {
  if (!value) return null;
  const [num, den] = value.split('/').map(Number);
  return den ? num / den : null;
}
