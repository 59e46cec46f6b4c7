import { WorldsmithError } from '../worldsmith-error.ts';

/** Options a structure factory cannot build from (a negative span, an unknown type…). */
export class StructureError extends WorldsmithError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STRUCTURE_INVALID', message, options);
  }
}
