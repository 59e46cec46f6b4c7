/**
 * The schema users write against: the canonical WorldSpec schema with every field that has a
 * default made optional, recursively. Derived, never written by hand, so the two stay in step.
 * `worldsmith schema` prints this one.
 */
import { Kind, OptionalKind, Type, type TSchema } from '@sinclair/typebox';
import { WorldSpecSchema, type WorldSpec } from './world-spec-schema.ts';

type DeepPartial<T> = T extends Array<infer U>
  ? Array<DeepPartial<U>>
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** What a user may write: any subset of a WorldSpec, as long as it has a seed. */
export type WorldSpecInput = DeepPartial<Omit<WorldSpec, 'seed'>> & { seed: number };

function schemaOptions(schema: TSchema, drop: string[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!drop.includes(key)) options[key] = value;
  }
  return options;
}

export function makeDefaultedFieldsOptional(schema: TSchema): TSchema {
  const kind = schema[Kind];
  if (kind === 'Object') {
    const properties: Record<string, TSchema> = {};
    for (const [key, child] of Object.entries(schema.properties as Record<string, TSchema>)) {
      const relaxed = makeDefaultedFieldsOptional(child);
      const optional = child.default !== undefined || child[OptionalKind] === 'Optional';
      properties[key] = optional ? Type.Optional(relaxed) : relaxed;
    }
    return Type.Object(properties, schemaOptions(schema, ['type', 'properties', 'required']));
  }
  if (kind === 'Array') {
    return Type.Array(makeDefaultedFieldsOptional(schema.items as TSchema), schemaOptions(schema, ['type', 'items']));
  }
  return schema;
}

export const WorldSpecInputSchema = makeDefaultedFieldsOptional(WorldSpecSchema);

/** The input schema as plain JSON Schema (draft 2020-12 compatible), for tools and editors. */
export function worldSpecJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(JSON.parse(JSON.stringify(WorldSpecInputSchema)) as Record<string, unknown>),
  };
}
