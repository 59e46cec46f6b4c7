/**
 * What a JSON pointer into WorldSpec holds, read from the schema itself so the interpreter never
 * keeps its own copy of ranges and defaults: "what is 'none' for this field" (for negation), "what
 * does an intensity scale from" (the default), "what range to clamp to".
 */
import { Kind, type TSchema } from '@sinclair/typebox';
import { BIOME_TABLE } from '../biomes/biome-table.ts';
import { WorldSpecSchema } from '../spec/index.ts';

export type PathKind = 'number' | 'integer' | 'boolean' | 'enum' | 'member' | 'weight' | 'colour';

export interface PathInfo {
  kind: PathKind;
  default: unknown;
  minimum?: number;
  maximum?: number;
  /** For enums and set members: the allowed values. */
  options?: readonly string[];
  /** A cover level that also accepts "auto" (each biome's natural amount). */
  auto?: boolean;
}

/** The natural cover of the default biome: what an "auto" cover level scales from with no biome named. */
const DEFAULT_COVER: Record<string, number> = {
  '/vegetation/trees': BIOME_TABLE['temperate-forest'].cover.trees,
  '/vegetation/shrubs': BIOME_TABLE['temperate-forest'].cover.shrubs,
  '/vegetation/grass': BIOME_TABLE['temperate-forest'].cover.grass,
  '/vegetation/flowers': BIOME_TABLE['temperate-forest'].cover.flowers,
  '/rocks/density': BIOME_TABLE['temperate-forest'].cover.rocks,
};

const cache = new Map<string, PathInfo | undefined>();

/** Undefined when the path names no field the interpreter may set. */
export function describePath(path: string): PathInfo | undefined {
  if (!cache.has(path)) cache.set(path, lookUp(path));
  return cache.get(path);
}

function lookUp(path: string): PathInfo | undefined {
  const parts = path.split('/').slice(1);
  let schema: TSchema = WorldSpecSchema;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const kind = schema[Kind];
    if (kind === 'Array' && i === parts.length - 1) {
      const options = unionOptions(schema.items as TSchema);
      return options?.includes(part) ? { kind: 'member', default: false, options } : undefined;
    }
    if (kind !== 'Object') return undefined;
    const properties = schema.properties as Record<string, TSchema>;
    if (!Object.hasOwn(properties, part)) return undefined;
    schema = properties[part];
  }
  if (parts[0] === 'biomes' && parts.length === 2) return { kind: 'weight', default: 0, minimum: 0, maximum: 1 };
  if (parts[0] === 'palette' && parts[1] === 'colors' && parts.length === 3) return { kind: 'colour', default: undefined };
  const kind = schema[Kind];
  const base = { default: schema.default, minimum: schema.minimum as number | undefined, maximum: schema.maximum as number | undefined };
  if (kind === 'Number') return { kind: 'number', ...base };
  if (kind === 'Integer') return { kind: 'integer', ...base };
  if (kind === 'Boolean') return { kind: 'boolean', ...base };
  const level = coverNumber(schema);
  if (level) {
    return { kind: 'number', default: DEFAULT_COVER[path] ?? 0.5, minimum: level.minimum as number, maximum: level.maximum as number, auto: true };
  }
  const options = unionOptions(schema);
  if (options) return { kind: 'enum', default: schema.default, options };
  return undefined;
}

/** The number member of a `number | "auto"` cover level, if this is one. */
function coverNumber(schema: TSchema): TSchema | undefined {
  if (schema[Kind] !== 'Union' || schema.default !== 'auto') return undefined;
  return (schema.anyOf as TSchema[]).find((s) => s[Kind] === 'Number');
}

function unionOptions(schema: TSchema): string[] | undefined {
  if (schema[Kind] !== 'Union') return undefined;
  const values = (schema.anyOf as TSchema[]).map((s) => s.const);
  return values.every((v): v is string => typeof v === 'string') ? values : undefined;
}

/** Is this value one the field accepts? (The lexicon test holds every word to it.) */
export function acceptsValue(path: string, value: unknown): boolean {
  const info = describePath(path);
  if (!info) return false;
  switch (info.kind) {
    case 'number':
    case 'weight':
      return typeof value === 'number' && value >= (info.minimum ?? -Infinity) && value <= (info.maximum ?? Infinity);
    case 'integer':
      return Number.isInteger(value) && (value as number) >= (info.minimum ?? -Infinity) && (value as number) <= (info.maximum ?? Infinity);
    case 'boolean':
    case 'member':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && (info.options ?? []).includes(value);
    case 'colour':
      return typeof value === 'string' && /^#[0-9a-f]{6}$/.test(value);
  }
}
