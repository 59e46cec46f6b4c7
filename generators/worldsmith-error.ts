/**
 * The base of every error Worldsmith throws on purpose. Each failure domain has its own subclass
 * (SpecError, PromptError, TerrainError, ExportError, …) with a stable `code` that scripts can
 * match on; the message says what was wrong, where, and what to do about it.
 */
export class WorldsmithError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Thrown when an AbortSignal stops long work; carries the signal's reason as its cause. */
export class CancelledError extends WorldsmithError {
  constructor(stage: string, reason?: unknown) {
    super('CANCELLED', `Cancelled during ${stage}.`, { cause: reason });
  }
}

export function throwIfAborted(signal: AbortSignal | undefined, stage: string): void {
  if (signal?.aborted) throw new CancelledError(stage, signal.reason);
}
