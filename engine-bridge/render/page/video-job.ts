/** What the video page is asked to do (passed as `window.__videoJob`), and what it reports back. */
import type { FrameLayer, TimelineLighting } from '../../../generators/shots/timeline.ts';

/**
 * How the page hands frames on: encoded in the page, raw RGBA to ffmpeg, raw RGBA to the caller
 * (datasets), or not at all (drawing only).
 */
export type VideoPageEncoder = 'webcodecs' | 'ffmpeg' | 'raw' | 'none';

export interface VideoJob {
  worldUrl: string;
  /** A glb of characters whose `animation` is played at each frame's time; null for none. */
  actorsUrl: string | null;
  animation: string;
  width: number;
  height: number;
  fps: number;
  /** The timeline's frames: the layers drawn in each. */
  frames: FrameLayer[][];
  /** Each shot's lighting, by shot index. */
  lighting: TimelineLighting[];
  encoder: VideoPageEncoder;
  /** Multiplies every asset's LOD switch distances (1: as exported; less: coarser levels sooner). */
  lodDistanceScale: number;
  /** WebCodecs only: target bits per second and a key frame every this many frames. */
  bitrate: number;
  keyFrameInterval: number;
  /** Where the finished MP4 (webcodecs) or each raw RGBA frame (ffmpeg) is POSTed. */
  uploadPath: string;
  framePath: string;
}

/** Milliseconds summed over all frames, counted in the page. */
export interface VideoPageTimes {
  /** Per-instance LOD for each layer's camera. */
  lodMs: number;
  /** scene.render() for every layer and compositing onto the output canvas (waits for the rasteriser). */
  drawMs: number;
  /** Taking the frame off the canvas: a VideoFrame, or the RGBA pixels read back. */
  captureMs: number;
  /** Handing the frame on: the encoder's queue (webcodecs) or the POST to ffmpeg (ffmpeg). */
  encodeMs: number;
  /** After the last frame: flushing the encoder, muxing and uploading the MP4. */
  finishMs: number;
}

export interface VideoPageStats extends VideoPageTimes {
  meshes: number;
  materials: number;
  textures: number;
  /** GPU instances under per-instance LOD. */
  instances: number;
  /** Scene renders: one per layer (two in a crossfade). */
  renders: number;
  /** Triangles drawn per scene render and meshes drawn per render, on average. */
  trianglesPerRender: number;
  meshesPerRender: number;
  /** The actors' animation length in seconds (0 without actors). */
  animationSeconds: number;
  /** The avc1 codec string the WebCodecs encoder was configured with ('' otherwise). */
  codec: string;
}

export type VideoPageEvent =
  | { kind: 'loaded'; ms: number }
  | { kind: 'frame'; frame: number }
  | { kind: 'done'; stats: VideoPageStats }
  | { kind: 'failed'; message: string };
