/**
 * The world model could not be used: its card is wrong (MODEL_CARD, with every problem listed),
 * the ONNX file differs from its card (MODEL_MISMATCH: inputs, outputs, types, fixed dimensions or
 * the file's sha256), onnxruntime could not load or run it (MODEL_LOAD, MODEL_RUN), a step was
 * given bad input (MODEL_INPUT: batch, shape, NaN), a dataset does not fit the model
 * (MODEL_DATASET), or the model was used after close() (MODEL_CLOSED).
 */
import type { SpecIssue } from '../../generators/spec/spec-error.ts';
import { formatIssue } from '../../generators/spec/spec-error.ts';
import { WorldsmithError } from '../../generators/worldsmith-error.ts';

export type ModelErrorCode = 'MODEL_CARD' | 'MODEL_MISMATCH' | 'MODEL_LOAD' | 'MODEL_RUN' | 'MODEL_INPUT' | 'MODEL_DATASET' | 'MODEL_CLOSED';

export class ModelError extends WorldsmithError {
  declare readonly code: ModelErrorCode;
  /** For MODEL_CARD and MODEL_MISMATCH: each problem, with its JSON path in the card. */
  readonly issues: readonly SpecIssue[];

  constructor(code: ModelErrorCode, message: string, options: { cause?: unknown; issues?: SpecIssue[] } = {}) {
    super(code, message, { cause: options.cause });
    this.issues = options.issues ?? [];
  }

  /** One error listing every problem found in a card (or between a card and its ONNX file). */
  static fromIssues(code: 'MODEL_CARD' | 'MODEL_MISMATCH', what: string, issues: SpecIssue[], fix: string): ModelError {
    const lines = issues.map((issue) => `  ${formatIssue(issue)}`).join('\n');
    return new ModelError(code, `${what}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${lines}\n${fix}`, { issues });
  }
}
