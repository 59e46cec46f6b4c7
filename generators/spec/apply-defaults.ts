/**
 * Fills in defaults. An object's own default applies only when the object is absent; when it is
 * given, only its fields' defaults fill the gaps. (TypeBox's Value.Default also merges the
 * object's default into a given object, which would turn `"biomes": {"desert": 1}` into a desert
 * with a forest in it.)
 */
import { Kind, type TSchema } from '@sinclair/typebox';

export function applyDefaults(schema: TSchema, value: unknown): unknown {
  const filled = value === undefined && schema.default !== undefined ? structuredClone(schema.default) : value;
  if (filled === undefined || filled === null) return filled;
  const kind = schema[Kind];
  if (kind === 'Object' && typeof filled === 'object' && !Array.isArray(filled)) {
    const result: Record<string, unknown> = {};
    const record = filled as Record<string, unknown>;
    const properties = schema.properties as Record<string, TSchema>;
    for (const [key, child] of Object.entries(properties)) {
      const childValue = applyDefaults(child, record[key]);
      if (childValue !== undefined) result[key] = childValue;
    }
    for (const [key, childValue] of Object.entries(record)) {
      if (!(key in properties)) result[key] = childValue;
    }
    return result;
  }
  if (kind === 'Array' && Array.isArray(filled)) {
    return filled.map((item) => applyDefaults(schema.items as TSchema, item));
  }
  return filled;
}
