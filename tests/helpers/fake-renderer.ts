/**
 * A stand-in for the live renderer in server tests: no browser, each frame a deterministic
 * function of the camera (so a moving player gets changing frames). `noise` makes frames that JPEG
 * cannot shrink, for backpressure tests.
 */
import type { LiveRenderer, LiveRendererOptions } from '../../engine-bridge/render/live-renderer.ts';
import type { RenderCamera } from '../../engine-bridge/render/page/render-job.ts';

export function fakeRenderer(options: { noise?: boolean; drawMs?: number } = {}) {
  let opened = 0;
  const open = async (_glb: Uint8Array, o: LiveRendererOptions): Promise<LiveRenderer> => {
    opened++;
    let closed = false;
    let counter = 0;
    return {
      width: o.width,
      height: o.height,
      browser: { executablePath: 'fake', args: [], kind: 'named', renderer: 'fake' },
      pending: 0,
      get closed() {
        return closed;
      },
      async draw(cameras: readonly RenderCamera[]) {
        if (options.drawMs) await new Promise((r) => setTimeout(r, options.drawMs));
        return cameras.map((c) => {
          const rgb = new Uint8Array(o.width * o.height * 3);
          const base = Math.abs(Math.round(c.position[0] * 7 + c.position[2] * 3)) % 200;
          let h = (counter++ * 2654435761) >>> 0;
          for (let i = 0; i < rgb.length; i++) {
            if (options.noise) {
              h = (Math.imul(h ^ (h >>> 15), 2246822519) + i) >>> 0;
              rgb[i] = h & 255;
            } else rgb[i] = (base + ((i / 3) % o.width)) & 255;
          }
          return rgb;
        });
      },
      async close() {
        closed = true;
      },
    };
  };
  return {
    open,
    get opened() {
      return opened;
    },
  };
}
