/** The `render` frame source: every frame drawn by the live renderer at the stream's pose. */
import { cameraOf } from '../../models/dataset/write-dataset.ts';
import { groupBySize, type DrawFrames, type FrameSource } from './frame-source.ts';

export function createRenderFrameSource(draw: DrawFrames): FrameSource {
  return {
    kind: 'render',
    async open() {},
    close() {},
    async produce(requests) {
      const out = new Array(requests.length);
      await Promise.all(
        [...groupBySize(requests).values()].map(async (indices) => {
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
