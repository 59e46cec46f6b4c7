/**
 * Rendering failed: no browser could start, the page could not draw the world, it timed out, the
 * input was refused, an encoder (ffmpeg, WebCodecs) failed, or a tool it needs (ffmpeg, ffprobe)
 * is missing.
 */
import { WorldsmithError } from '../../generators/worldsmith-error.ts';

export type RenderErrorCode = 'RENDER_BROWSER' | 'RENDER_PAGE' | 'RENDER_TIMEOUT' | 'RENDER_INPUT' | 'RENDER_ENCODE' | 'RENDER_TOOL';

export class RenderError extends WorldsmithError {
  declare readonly code: RenderErrorCode;

  constructor(code: RenderErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
