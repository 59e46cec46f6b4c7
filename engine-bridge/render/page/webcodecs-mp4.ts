/**
 * H.264 in the page: canvas → VideoFrame → WebCodecs VideoEncoder → mediabunny's MP4 muxer (in
 * memory, moov first). The codec string is the first of High, Main and Constrained Baseline the
 * browser supports, at the lowest level whose frame size and macroblock rate fit (levels 3.0–6.2);
 * a key frame every `keyFrameInterval` frames; timestamps from the frame index, never the clock.
 * The encoder's queue is kept short (back-pressure on encodeQueueSize), so memory stays flat.
 */
import { BufferTarget, EncodedPacket, EncodedVideoPacketSource, Mp4OutputFormat, Output } from 'mediabunny';

/** [level_idc, max frame size in macroblocks, max macroblocks per second] (H.264 table A-1). */
const LEVELS: ReadonlyArray<readonly [number, number, number]> = [
  [30, 1620, 40500],
  [31, 3600, 108000],
  [32, 5120, 216000],
  [40, 8192, 245760],
  [42, 8704, 522240],
  [50, 22080, 589824],
  [51, 36864, 983040],
  [52, 36864, 2073600],
  [60, 139264, 4177920],
  [61, 139264, 8355840],
  [62, 139264, 16711680],
];
/** profile_idc and constraint flags: High, Main, Constrained Baseline. */
const PROFILES = ['6400', '4d40', '42e0'];
/** Frames the encoder may hold before the page waits. */
const MAX_QUEUE = 4;

export interface Mp4Encoder {
  codec: string;
  /** Encodes what the canvas shows now as frame `index`. */
  encode(canvas: HTMLCanvasElement, index: number): Promise<{ captureMs: number; encodeMs: number }>;
  /** Flushes the encoder and returns the finished MP4. */
  finish(): Promise<ArrayBuffer>;
  close(): void;
}

export function avcCodecStrings(width: number, height: number, fps: number): string[] {
  const macroblocks = Math.ceil(width / 16) * Math.ceil(height / 16);
  const level = LEVELS.find(([, frame, rate]) => macroblocks <= frame && macroblocks * fps <= rate) ?? LEVELS[LEVELS.length - 1];
  return PROFILES.map((profile) => `avc1.${profile}${level[0].toString(16).padStart(2, '0')}`);
}

export async function createMp4Encoder(options: { width: number; height: number; fps: number; bitrate: number; keyFrameInterval: number }): Promise<Mp4Encoder> {
  const { width, height, fps, bitrate, keyFrameInterval } = options;
  let config: VideoEncoderConfig | undefined;
  for (const codec of avcCodecStrings(width, height, fps)) {
    const candidate: VideoEncoderConfig = { codec, width, height, bitrate, framerate: fps, bitrateMode: 'variable', latencyMode: 'quality', avc: { format: 'avc' } };
    if ((await VideoEncoder.isConfigSupported(candidate)).supported) {
      config = candidate;
      break;
    }
  }
  if (!config) throw new Error(`This browser's WebCodecs cannot encode H.264 at ${width}×${height} (${avcCodecStrings(width, height, fps).join(', ')} unsupported). Use the ffmpeg encoder.`);

  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target: new BufferTarget() });
  const source = new EncodedVideoPacketSource('avc');
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  let failure: Error | undefined;
  let muxing: Promise<void> = Promise.resolve();
  const encoder = new VideoEncoder({
    output: (chunk, meta) => {
      const packet = EncodedPacket.fromEncodedChunk(chunk);
      muxing = muxing.then(() => source.add(packet, meta)).catch((error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
      });
    },
    error: (error) => {
      failure ??= error;
    },
  });
  encoder.configure(config);
  const timestamp = (index: number) => Math.round((index * 1e6) / fps);

  return {
    codec: config.codec,
    async encode(canvas, index) {
      if (failure) throw failure;
      const t0 = performance.now();
      const frame = new VideoFrame(canvas, { timestamp: timestamp(index), duration: timestamp(index + 1) - timestamp(index) });
      const t1 = performance.now();
      encoder.encode(frame, { keyFrame: index % keyFrameInterval === 0 });
      frame.close();
      while (encoder.encodeQueueSize > MAX_QUEUE) await new Promise((resolve) => encoder.addEventListener('dequeue', resolve, { once: true }));
      return { captureMs: t1 - t0, encodeMs: performance.now() - t1 };
    },
    async finish() {
      await encoder.flush();
      await muxing;
      if (failure) throw failure;
      encoder.close();
      await output.finalize();
      const buffer = (output.target as BufferTarget).buffer;
      if (!buffer) throw new Error('mediabunny finished without an MP4 buffer.');
      return buffer;
    },
    close() {
      if (encoder.state !== 'closed') encoder.close();
    },
  };
}
