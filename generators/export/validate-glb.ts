/**
 * The Khronos glTF-Validator over .glb bytes, summarised. Every file Worldsmith writes must come
 * back with zero errors.
 */
import validator from 'gltf-validator';

export interface ValidationMessage {
  code: string;
  message: string;
  pointer?: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
}

export interface ValidationSummary {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** The first messages of each severity, errors first (at most `maxMessages`). */
  messages: ValidationMessage[];
  validatorVersion: string;
}

const SEVERITY = ['error', 'warning', 'info', 'hint'] as const;

export async function validateGlb(bytes: Uint8Array, maxMessages = 50): Promise<ValidationSummary> {
  const report = await validator.validateBytes(bytes, { maxIssues: 0, writeTimestamp: false });
  const issues = report.issues;
  const messages: ValidationMessage[] = [...issues.messages]
    .sort((a, b) => a.severity - b.severity)
    .slice(0, maxMessages)
    .map((m) => ({ code: m.code, message: m.message, pointer: m.pointer, severity: SEVERITY[m.severity] ?? 'hint' }));
  return {
    errors: issues.numErrors,
    warnings: issues.numWarnings,
    infos: issues.numInfos,
    hints: issues.numHints,
    messages,
    validatorVersion: report.validatorVersion,
  };
}
