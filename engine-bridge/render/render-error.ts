/** Rendering failed: no browser could start, the page could not draw the world, or it timed out. */
import { WorldsmithError } from '../../generators/worldsmith-error.ts';

export type RenderErrorCode = 'RENDER_BROWSER' | 'RENDER_PAGE' | 'RENDER_TIMEOUT' | 'RENDER_INPUT';

export class RenderError extends WorldsmithError {
  declare readonly code: RenderErrorCode;

  constructor(code: RenderErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
