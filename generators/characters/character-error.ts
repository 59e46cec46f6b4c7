import { WorldsmithError } from '../worldsmith-error.ts';

/** An identity, design or pose the character factory cannot make (code `CHARACTER_INVALID`). */
export class CharacterError extends WorldsmithError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CHARACTER_INVALID', message, options);
  }
}
