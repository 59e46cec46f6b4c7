import { WorldsmithError } from '../worldsmith-error.ts';

/** Writing glTF failed, or what was written does not pass validation. */
export class ExportError extends WorldsmithError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('EXPORT_FAILED', message, options);
  }
}
