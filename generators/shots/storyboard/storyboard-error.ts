import { WorldsmithError } from '../../worldsmith-error.ts';

/**
 * Stable codes for a storyboard the interpreter refuses. Only input that is not usable text (or
 * options and worlds that are not what the signature says) is refused; anything else is read,
 * and what is not understood or not in the world is reported in the explanation.
 */
export const STORYBOARD_ERROR_CODES = [
  'STORYBOARD_NOT_TEXT',
  'STORYBOARD_EMPTY',
  'STORYBOARD_CONTROL_CHARACTER',
  'STORYBOARD_NO_SHOTS',
  'STORYBOARD_BAD_OPTIONS',
  'STORYBOARD_BAD_WORLD',
] as const;
export type StoryboardErrorCode = (typeof STORYBOARD_ERROR_CODES)[number];

export class StoryboardError extends WorldsmithError {
  declare readonly code: StoryboardErrorCode;

  constructor(code: StoryboardErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
