/**
 * The `model` frame source: the world model draws every frame.
 *
 *   open   the renderer draws `contextFrames` true frames at the stream's first pose (standing still),
 *          and the stream is warmed on them
 *   produce  every stream stepped in one batched call (per size) on the worker thread
 *   anchor   after a batch, while the renderer is idle and the anchor budget allows, the stream
 *            anchored longest ago (at least `anchorEveryTicks`) has its pose drawn; the true frame
 *            replaces the model's own last frame at its next step (state kept), so long walks do not
 *            fade to average colours
 *
 * Anchoring spends renderer time, the most expensive thing here (a 64² frame is ~60 ms of
 * software rendering): `anchorsPerSecond` bounds it for the whole source, so with many streams
 * each is anchored less often and the model's frames carry on between anchors.
 */
import { ZERO_ACTION, type Action } from '../../models/dataset/action-space.ts';
import { cameraOf } from '../../models/dataset/write-dataset.ts';
import type { WorldModel, WorldStream } from '../../models/inference/world-model.ts';
import { FRAME_FLAGS } from '../../engine-bridge/stream-client/stream-protocol.ts';
import { groupBySize, type DrawFrames, type FrameRequest, type FrameSource } from './frame-source.ts';

export interface ModelSourceOptions {
  /** Re-anchor a stream at most this often, in ticks (0: never). Default 10 (twice a second at 20 ticks/s). */
  anchorEveryTicks?: number;
  /**
   * Rendered anchors per second for the whole source, all streams together (default 4): the
   * renderer's share of the CPU stays bounded however many players there are — with more players
   * each is anchored less often.
   */
  anchorsPerSecond?: number;
  now?: () => number;
  onAnchor?: () => void;
  onBatch?: (size: number) => void;
}

interface StreamEntry {
  stream: WorldStream;
  lastAnchorTick: number;
  /** A rendered frame waiting to be fed at the next step. */
  anchor: Uint8Array | null;
  drawing: boolean;
}

const poseArray = (p: FrameRequest['pose']) => [p.x, p.y, p.z, p.yaw, p.pitch];

export function createModelFrameSource(model: WorldModel, draw: DrawFrames, options: ModelSourceOptions = {}): FrameSource {
  const anchorEvery = options.anchorEveryTicks ?? 10;
  const anchorRate = options.anchorsPerSecond ?? 4;
  const now = options.now ?? (() => performance.now());
  // A token bucket of anchor renders: `anchorRate` a second, at most one waiting.
  let anchorCredit = 1;
  let creditAt = now();
  const streams = new Map<string, StreamEntry>();
  const drawingSizes = new Set<string>();

  const maybeAnchor = (requests: readonly FrameRequest[]) => {
    if (anchorEvery <= 0 || anchorRate <= 0) return;
    const t = now();
    anchorCredit = Math.min(1, anchorCredit + ((t - creditAt) / 1000) * anchorRate);
    creditAt = t;
    for (const [size, indices] of groupBySize(requests)) {
      if (drawingSizes.has(size)) continue;
      let oldest: FrameRequest | null = null;
      for (const r of indices.map((i) => requests[i])) {
        const e = streams.get(r.id);
        if (!e || e.drawing || e.anchor || r.tick - e.lastAnchorTick < anchorEvery) continue;
        if (!oldest || e.lastAnchorTick < streams.get(oldest.id)!.lastAnchorTick) oldest = r;
      }
      if (!oldest || anchorCredit < 1) continue;
      anchorCredit -= 1;
      const entry = streams.get(oldest.id)!;
      entry.drawing = true;
      drawingSizes.add(size);
      const tick = oldest.tick;
      draw({ width: oldest.width, height: oldest.height }, [cameraOf(oldest.pose)])
        .then(([frame]) => {
          if (streams.get(oldest.id) === entry) {
            entry.anchor = frame;
            entry.lastAnchorTick = tick;
          }
        })
        .catch(() => undefined)
        .finally(() => {
          entry.drawing = false;
          drawingSizes.delete(size);
        });
    }
  };

  return {
    kind: 'model',
    async open(request) {
      const k = model.card.contextFrames;
      const [frame] = await draw({ width: request.width, height: request.height }, [cameraOf(request.pose)]);
      const stream = model.openStream({ width: request.width, height: request.height });
      const pose = poseArray(request.pose);
      await stream.warm(
        Array.from({ length: k }, () => frame),
        Array.from({ length: k }, () => ZERO_ACTION as Action),
        Array.from({ length: k }, () => pose),
      );
      streams.set(request.id, { stream, lastAnchorTick: request.tick, anchor: null, drawing: false });
    },
    close(id) {
      streams.delete(id);
    },
    async produce(requests) {
      const entries = requests.map((r) => {
        const e = streams.get(r.id);
        if (!e) throw new Error(`The model source has no stream "${r.id}": open it first.`);
        return e;
      });
      const anchored = entries.map((e) => {
        if (!e.anchor) return false;
        e.stream.anchor(e.anchor);
        e.anchor = null;
        return true;
      });
      options.onBatch?.(requests.length);
      const frames = await model.stepStreams(requests.map((r, i) => ({ stream: entries[i].stream, action: r.action, pose: poseArray(r.pose) })));
      anchored.forEach((a) => a && options.onAnchor?.());
      maybeAnchor(requests);
      return frames.map((rgb, i) => ({ rgb, flags: FRAME_FLAGS.model | (anchored[i] ? FRAME_FLAGS.anchored : 0) }));
    },
    async dispose() {
      streams.clear();
    },
  };
}
