/**
 * What changed between two versions of a spec: one line per leaf (a number, a string, a list taken
 * whole) whose value differs, by JSON pointer — the compare view's "path: old → new".
 */
import { pointerOf } from './json-pointer.ts';

export interface SpecChange {
  path: string;
  before: unknown;
  after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function diffSpecs(before: unknown, after: unknown, parts: string[] = []): SpecChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffSpecs(before[key], after[key], [...parts, key]));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: pointerOf(parts), before, after }];
}

export function formatSpecValue(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
