/** A dataset that cannot be built or read: what is wrong, where, and what to do. */
import { WorldsmithError } from '../../generators/worldsmith-error.ts';

export type DatasetErrorCode = 'DATASET_INPUT' | 'DATASET_FORMAT' | 'DATASET_MISSING';

export class DatasetError extends WorldsmithError {
  constructor(code: DatasetErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
