/** Errors of the texture lab: a description it cannot read, a size it does not make. */
import { WorldsmithError } from '../worldsmith-error.ts';

export type TextureErrorCode = 'TEXTURE_DESCRIPTION' | 'TEXTURE_SIZE' | 'TEXTURE_FORMAT';

export class TextureError extends WorldsmithError {
  declare readonly code: TextureErrorCode;

  constructor(code: TextureErrorCode, message: string) {
    super(code, message);
  }
}
