import { WorldsmithError } from '../generators/worldsmith-error.ts';

/** The command line was wrong: an unknown verb or flag, a missing argument, a bad value. */
export class UsageError extends WorldsmithError {
  constructor(message: string, readonly verb?: string) {
    super('USAGE', message);
  }
}
