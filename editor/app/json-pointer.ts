/**
 * Reading and writing a JSON value by JSON pointer (RFC 6901: `/terrain/maxHeight`), the address
 * every spec field carries in the form (`data-path`) and the server uses in its errors.
 */
import type { JsonValue } from './api-types.ts';

export function pointerParts(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pointerOf(parts: readonly string[]): string {
  return parts.map((part) => `/${part.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function readPointer(value: unknown, pointer: string): unknown {
  let at = value;
  for (const part of pointerParts(pointer)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** Sets (or, with `undefined`, removes) the value at `pointer`, making objects on the way. */
export function writePointer(root: Record<string, JsonValue>, pointer: string, value: JsonValue | undefined): void {
  const parts = pointerParts(pointer);
  let at: Record<string, JsonValue> = root;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) at[part] = {};
    at = at[part] as Record<string, JsonValue>;
  }
  const last = parts[parts.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
}
