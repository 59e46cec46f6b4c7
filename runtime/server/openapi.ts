/**
 * The OpenAPI 3.1 document of the HTTP API, built from the same route declarations the server
 * validates requests with (api-route.ts). Served at GET /api/openapi.json and committed as
 * runtime/openapi.json (`npm run openapi` rewrites it; a test checks it is current).
 */
import type { TSchema } from '@sinclair/typebox';
import { WORLDSMITH_VERSION } from '../../generators/version.ts';
import type { ApiRoute } from './api-route.ts';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable error code, e.g. VALIDATION, WORLD_UNKNOWN, CONFLICT, PLAN_CAMERA_BLOCKED.' },
        message: { type: 'string', description: 'What was wrong, where, and what to do.' },
        path: { type: 'string', description: 'JSON pointer of the field at fault, when there is one.' },
      },
    },
  },
};

/** TypeBox schemas are JSON Schema; drop TypeBox's own symbol keys by a JSON round trip. */
const plain = (schema: TSchema) => JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;

/** Named schemas (`$id`) go to components once and are referred to by `$ref` everywhere they appear. */
function hoistNamed(value: unknown, components: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => hoistNamed(v, components));
  if (!value || typeof value !== 'object') return value;
  const { $id, ...rest } = value as Record<string, unknown>;
  const inner = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, hoistNamed(v, components)]));
  if (typeof $id !== 'string') return inner;
  components[$id] = inner;
  return { $ref: `#/components/schemas/${$id}` };
}

export function buildOpenApiDocument(routes: readonly ApiRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
      if (!schema) continue;
      const required = new Set(schema.required ?? []);
      for (const [name, property] of Object.entries(schema.properties)) {
        const p = plain(property);
        parameters.push({ name, in: where, required: where === 'path' || required.has(name), description: p.description, schema: p });
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      const type = response.type ?? 'application/json';
      responses[status] = { description: response.description, content: { [type]: response.schema ? { schema: plain(response.schema) } : {} } };
    }
    responses['4XX'] = { description: 'The request was refused: its code and message say why.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    (paths[path] ??= {})[route.method] = {
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/(^|[/.-])([a-z])/g, (_m, _s, c: string) => c.toUpperCase())}`,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: plain(route.body) } } } } : {}),
      responses,
    };
  }
  const schemas: Record<string, unknown> = { Error: ERROR_SCHEMA };
  const hoisted = hoistNamed(paths, schemas);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Worldsmith server API',
      version: WORLDSMITH_VERSION,
      description:
        'The HTTP API of `worldsmith serve`: worlds from prompts or specs, background jobs (generation, cutscene filming) with progress over Server-Sent Events, the texture lab, shot planning, files and join tokens for the live streams. Errors are JSON {error: {code, message, path?}} with a 4xx status for the client\'s mistakes.',
    },
    paths: hoisted,
    components: { schemas },
  };
}
