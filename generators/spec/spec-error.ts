import { WorldsmithError } from '../worldsmith-error.ts';

/** One thing wrong with a spec: where (a JSON pointer), what was given, what is allowed. */
export interface SpecIssue {
  /** JSON pointer to the field, e.g. `/terrain/relief`; `` for the whole document. */
  path: string;
  /** The value given (undefined when the field is missing). */
  value: unknown;
  /** What is wrong with it. */
  problem: string;
  /** What would be accepted instead. */
  allowed: string;
}

/** A WorldSpec (or ShotPlan-like document) that cannot be used, with every problem listed. */
export class SpecError extends WorldsmithError {
  readonly issues: readonly SpecIssue[];
  readonly source: string | undefined;

  constructor(issues: SpecIssue[], options: { source?: string; what?: string; cause?: unknown } = {}) {
    const what = options.what ?? 'WorldSpec';
    const where = options.source ? ` in ${options.source}` : '';
    const lines = issues.map((issue) => `  ${formatIssue(issue)}`);
    super(
      'SPEC_INVALID',
      `Invalid ${what}${where}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${lines.join('\n')}\n` +
        `Fix the fields above; \`worldsmith schema\` lists every field with its range and default.`,
      { cause: options.cause },
    );
    this.issues = issues;
    this.source = options.source;
  }
}

export function formatIssue(issue: SpecIssue): string {
  const given = issue.value === undefined ? 'missing' : `got ${formatValue(issue.value)}`;
  return `${issue.path || '(document)'}: ${issue.problem} (${given}); allowed: ${issue.allowed}`;
}

export function formatValue(value: unknown): string {
  let text: string;
  if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else if (typeof value === 'bigint') text = `${value}n`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
