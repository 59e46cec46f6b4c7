/**
 * Turns untrusted input (a parsed JSON file, an HTTP body, the interpreter's draft) into a complete
 * WorldSpec, or throws one SpecError that lists every problem at once — schema problems first,
 * then the rules that span several fields.
 */
import { type TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType } from '@sinclair/typebox/value';
import { WorldSpecInputSchema } from './input-schema.ts';
import { closestName, describeAllowed, knownFields } from './describe-schema.ts';
import { SpecError, type SpecIssue } from './spec-error.ts';
import { WorldSpecSchema, type WorldSpec } from './world-spec-schema.ts';
import { checkWorldSpecRules } from './world-spec-rules.ts';
import { applyDefaults } from './apply-defaults.ts';

export interface ParseSpecOptions {
  /** Where the input came from (a file name), for the error message. */
  source?: string;
}

export function parseWorldSpec(input: unknown, options: ParseSpecOptions = {}): WorldSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SpecError(
      [{ path: '', value: input, problem: 'a WorldSpec must be a JSON object', allowed: 'an object with at least {"seed": <integer>}' }],
      { source: options.source },
    );
  }
  const schemaIssues = collectSchemaIssues(WorldSpecInputSchema, input);
  if (schemaIssues.length > 0) throw new SpecError(schemaIssues, { source: options.source });

  const spec = applyDefaults(WorldSpecSchema, input) as WorldSpec;
  if (!Value.Check(WorldSpecSchema, spec)) {
    // Defaults always complete a valid input; reaching here is a bug in the schema, not the input.
    const issues = collectSchemaIssues(WorldSpecSchema, spec);
    throw new SpecError(issues, { source: options.source, what: 'WorldSpec (after defaults; this is a Worldsmith bug)' });
  }
  const ruleIssues = checkWorldSpecRules(spec);
  if (ruleIssues.length > 0) throw new SpecError(ruleIssues, { source: options.source });
  return spec;
}

export function collectSchemaIssues(schema: TSchema, value: unknown): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(schema, value)) {
    if (seen.has(error.path)) continue;
    seen.add(error.path);
    issues.push(toIssue(error.type, error.path, error.value, error.schema, error.message));
  }
  return issues;
}

function toIssue(type: ValueErrorType, path: string, value: unknown, schema: TSchema, message: string): SpecIssue {
  switch (type) {
    case ValueErrorType.ObjectAdditionalProperties: {
      const name = path.slice(path.lastIndexOf('/') + 1);
      const known = knownFields(schema);
      const guess = closestName(name, known);
      const parent = path.slice(0, path.lastIndexOf('/')) || '/';
      return {
        path,
        value,
        problem: guess ? `unknown field (did you mean "${guess}"?)` : 'unknown field',
        allowed: `the fields of ${parent}: ${known.join(', ')}`,
      };
    }
    case ValueErrorType.ObjectRequiredProperty:
      return { path, value: undefined, problem: 'required field is missing', allowed: describeAllowed(schema) };
    case ValueErrorType.Union: {
      const options = (schema.anyOf as TSchema[] | undefined)?.map((s) => s.const).filter((c): c is string => typeof c === 'string');
      const guess = typeof value === 'string' && options ? closestName(value, options) : undefined;
      return {
        path,
        value,
        problem: guess ? `not an allowed value (did you mean "${guess}"?)` : 'not an allowed value',
        allowed: describeAllowed(schema),
      };
    }
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.NumberExclusiveMinimum:
      return { path, value, problem: 'too small', allowed: describeAllowed(schema) };
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.NumberExclusiveMaximum:
      return { path, value, problem: 'too large', allowed: describeAllowed(schema) };
    case ValueErrorType.Integer:
      return { path, value, problem: 'not a whole number', allowed: describeAllowed(schema) };
    case ValueErrorType.Number:
      return { path, value, problem: 'not a finite number', allowed: describeAllowed(schema) };
    case ValueErrorType.ArrayMaxItems:
      return { path, value, problem: 'too many items', allowed: describeAllowed(schema) };
    case ValueErrorType.ArrayUniqueItems:
      return { path, value, problem: 'an item is repeated', allowed: describeAllowed(schema) };
    case ValueErrorType.StringPattern:
    case ValueErrorType.StringMaxLength:
    case ValueErrorType.StringMinLength:
      return { path, value, problem: 'not in the expected form', allowed: describeAllowed(schema) };
    default:
      return { path, value, problem: message.charAt(0).toLowerCase() + message.slice(1), allowed: describeAllowed(schema) };
  }
}
