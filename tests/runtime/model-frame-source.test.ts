/**
 * The model frame source with the shipped world model (in process) and a stand-in renderer: streams
 * are warmed on a rendered frame, stepped in one batch, and re-anchored within the budget — at most
 * `anchorsPerSecond` renders for all streams together, none for a stream sooner than
 * `anchorEveryTicks` after its last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderCamera } from '../../engine-bridge/render/page/render-job.ts';
import { FRAME_FLAGS } from '../../engine-bridge/stream-client/stream-protocol.ts';
import { loadWorldModel, type WorldModel } from '../../models/inference/world-model.ts';
import { DEFAULT_MODEL_DIR } from '../../runtime/server/start-stream-server.ts';
import type { FrameRequest } from '../../runtime/streams/frame-source.ts';
import { createModelFrameSource } from '../../runtime/streams/model-frame-source.ts';

describe('model frame source', () => {
  let model: WorldModel;
  beforeAll(async () => {
    model = await loadWorldModel(DEFAULT_MODEL_DIR, { workers: 0 });
  });
  afterAll(async () => model?.close());

  it('warms on a rendered frame, steps every stream in one batch, and anchors within its budget', async () => {
    let clock = 0;
    const draws: RenderCamera[][] = [];
    const draw = async (size: { width: number; height: number }, cameras: readonly RenderCamera[]) => {
      draws.push([...cameras]);
      return cameras.map(() => new Uint8Array(size.width * size.height * 3).fill(120));
    };
    const batches: number[] = [];
    const source = createModelFrameSource(model, draw, { anchorEveryTicks: 10, anchorsPerSecond: 4, now: () => clock, onBatch: (n) => batches.push(n) });
    const requests = (tick: number): FrameRequest[] =>
      Array.from({ length: 8 }, (_, i) => ({ id: `s${i}`, width: 64, height: 64, tick, action: [1, 0, 0, 0], pose: { x: i, y: 30, z: tick * 0.2, yaw: 0, pitch: 0 } }));
    for (const r of requests(0)) await source.open(r);
    expect(draws).toHaveLength(8);
    const anchoredAt = new Map<string, number[]>();
    for (let tick = 1; tick <= 80; tick++) {
      clock = tick * 50;
      const frames = await source.produce(requests(tick));
      // Let the stand-in renderer's promise settle, as the real one would between ticks.
      await new Promise((r) => setImmediate(r));
      frames.forEach((f, i) => {
        expect(f.rgb).toHaveLength(64 * 64 * 3);
        expect(f.flags & FRAME_FLAGS.model).toBeTruthy();
        if (f.flags & FRAME_FLAGS.anchored) anchoredAt.set(`s${i}`, [...(anchoredAt.get(`s${i}`) ?? []), tick]);
      });
    }
    expect(batches.every((b) => b === 8)).toBe(true);
    const anchors = [...anchoredAt.values()].reduce((n, ticks) => n + ticks.length, 0);
    // 4 s of ticks at 4 a second, plus the one the bucket starts with.
    expect(anchors).toBeGreaterThanOrEqual(12);
    expect(anchors).toBeLessThanOrEqual(17);
    // Every anchor drawn was fed, but perhaps the last (drawn after the final batch).
    expect(draws.length - 8 - anchors).toBeGreaterThanOrEqual(0);
    expect(draws.length - 8 - anchors).toBeLessThanOrEqual(1);
    // Spread over the streams, none anchored twice within 10 ticks.
    expect(anchoredAt.size).toBe(8);
    for (const ticks of anchoredAt.values()) ticks.forEach((t, k) => k === 0 || expect(t - ticks[k - 1]).toBeGreaterThanOrEqual(10));
    await source.dispose();
  });
});
