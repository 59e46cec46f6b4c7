/** The `render` frame source: every frame drawn by the live renderer at the stream's pose. */
import { cameraOf } from '../../models/dataset/write-dataset.ts';
import type { DrawFrames, FrameSource } from './frame-source.ts';

export function createRenderFrameSource(draw: DrawFrames): FrameSource {
  return {
    kind: 'render',
    async open() {},
    close() {},
    async produce(requests) {
      const bySize = new Map<string, number[]>();
      requests.forEach((r, i) => {
        const k = `${r.width}x${r.height}`;
        bySize.set(k, [...(bySize.get(k) ?? []), i]);
      });
      const out = new Array(requests.length);
      await Promise.all(
        [...bySize.values()].map(async (indices) => {
          const { width, height } = requests[indices[0]];
          const frames = await draw({ width, height }, indices.map((i) => cameraOf(requests[i].pose)));
          indices.forEach((i, k) => (out[i] = { rgb: frames[k], flags: 0 }));
        }),
      );
      return out;
    },
    async dispose() {},
  };
}
