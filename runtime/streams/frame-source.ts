/**
 * Where a room's frames come from. Both sources take a batch of streams — each with its size, its
 * pose after this tick and the action that moved it — and give one RGB frame per stream:
 *
 *   model   the world model (models/inference), every stream stepped in one onnxruntime call per
 *           size in a worker thread; warmed, and re-anchored now and then, on rendered frames
 *   render  the live renderer (engine-bridge/render/live-renderer.ts): Babylon.js in headless
 *           Chromium draws each pose
 */
import type { Action, EyePose } from '../../models/dataset/action-space.ts';
import type { FrameSource as FrameSourceKind } from '../../engine-bridge/stream-client/stream-protocol.ts';
import type { RenderCamera } from '../../engine-bridge/render/page/render-job.ts';

export interface FrameRequest {
  id: string;
  width: number;
  height: number;
  pose: EyePose;
  action: Action;
  tick: number;
}

export interface ProducedFrame {
  /** RGB uint8, width × height × 3. */
  rgb: Uint8Array;
  /** FRAME_FLAGS bits this source sets (model, anchored). */
  flags: number;
}

export interface FrameSource {
  readonly kind: FrameSourceKind;
  /** Gets a stream ready at its first pose (the model warms on rendered context frames). */
  open(request: FrameRequest): Promise<void>;
  /** Forgets a stream. */
  close(id: string): void;
  /** One frame per request, in order. A request's stream must be open and not in another batch. */
  produce(requests: readonly FrameRequest[]): Promise<ProducedFrame[]>;
  dispose(): Promise<void>;
}

/** Draws cameras at a size: the live renderer, or a stand-in in tests. */
export type DrawFrames = (size: { width: number; height: number }, cameras: readonly RenderCamera[]) => Promise<Uint8Array[]>;

/** Request indices grouped by frame size ("WxH"), in order: one renderer page or model call per size. */
export function groupBySize(requests: readonly FrameRequest[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  requests.forEach((r, i) => {
    const key = `${r.width}x${r.height}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return groups;
}
