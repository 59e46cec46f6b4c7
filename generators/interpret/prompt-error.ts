import { WorldsmithError } from '../worldsmith-error.ts';

/**
 * Stable codes for a prompt the interpreter refuses. Anything else a prompt holds is read or
 * reported as unused; only input that is not text at all is refused.
 */
export const PROMPT_ERROR_CODES = [
  'PROMPT_NOT_TEXT',
  'PROMPT_EMPTY',
  'PROMPT_CONTROL_CHARACTER',
  'PROMPT_BAD_SEED',
  'PROMPT_BAD_OPTIONS',
] as const;
export type PromptErrorCode = (typeof PROMPT_ERROR_CODES)[number];

export class PromptError extends WorldsmithError {
  declare readonly code: PromptErrorCode;

  constructor(code: PromptErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
