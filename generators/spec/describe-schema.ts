/**
 * Plain-language descriptions of what a schema accepts, for error messages:
 * "a number from 0 to 1", "one of "open", "island", …".
 */
import { Kind, type TSchema } from '@sinclair/typebox';

export function describeAllowed(schema: TSchema): string {
  const kind = schema[Kind];
  if (kind === 'Union') {
    const options = (schema.anyOf as TSchema[]).map((s) => s.const);
    if (options.every((o) => o !== undefined)) return `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
    return (schema.anyOf as TSchema[]).map(describeAllowed).join(' or ');
  }
  if (kind === 'Literal') return `exactly ${JSON.stringify(schema.const)}`;
  if (kind === 'Integer' || kind === 'Number') {
    const noun = kind === 'Integer' ? 'a whole number' : 'a number';
    const min = schema.minimum as number | undefined;
    const max = schema.maximum as number | undefined;
    if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
    if (min !== undefined) return `${noun} ≥ ${min}`;
    if (max !== undefined) return `${noun} ≤ ${max}`;
    return `${noun} (finite)`;
  }
  if (kind === 'String') {
    const parts = ['text'];
    if (schema.minLength !== undefined) parts.push(`at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
    if (schema.pattern !== undefined) parts.push(`matching /${schema.pattern}/`);
    return parts.join(', ');
  }
  if (kind === 'Boolean') return 'true or false';
  if (kind === 'Array') {
    const max = schema.maxItems !== undefined ? ` of at most ${schema.maxItems}` : '';
    const unique = schema.uniqueItems ? ', no repeats' : '';
    return `a list${max}${unique}, each ${describeAllowed(schema.items as TSchema)}`;
  }
  if (kind === 'Object') return `an object with fields ${knownFields(schema).join(', ')}`;
  return String(schema.description ?? 'see `worldsmith schema`');
}

export function knownFields(schema: TSchema): string[] {
  return Object.keys((schema.properties as Record<string, TSchema> | undefined) ?? {});
}

/** The known name closest to a misspelt one, if any is close enough to be a likely typo. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
