/**
 * One HTTP route of the API, declared once: method, path, what it takes (path parameters, query,
 * JSON body — TypeBox schemas), what it answers. `mountRoute` checks every request against the
 * declaration before the handler runs (400 VALIDATION naming the field, the rule and the value);
 * `buildOpenApiDocument` (openapi.ts) writes the same declarations out as OpenAPI 3.1. So the
 * document cannot drift from what the server checks.
 */
import type { Application, Request, Response } from 'express';
import type { TObject, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ServerError } from '../server-error.ts';

export interface ApiResponse {
  description: string;
  /** Content type (default application/json). */
  type?: string;
  schema?: TSchema;
}

export interface ApiRoute {
  method: 'get' | 'post';
  /** Express form: /api/worlds/:id */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  params?: TObject;
  query?: TObject;
  body?: TSchema;
  responses: Record<number, ApiResponse>;
}

export type RouteHandler = (req: Request, res: Response) => unknown;

/** Checks `value` against `schema`; throws 400 VALIDATION with the first problem, said plainly. */
export function checkAgainst(schema: TSchema, value: unknown, where: 'body' | 'query' | 'path'): void {
  if (Value.Check(schema, value)) return;
  const first = Value.Errors(schema, value).First();
  if (!first) throw new ServerError('VALIDATION', `The request ${where} is not valid.`);
  const path = first.path || '/';
  const described = (first.schema as { description?: string }).description;
  const given = first.value === undefined ? 'nothing' : (JSON.stringify(first.value) ?? String(first.value));
  const length = typeof first.value === 'string' ? first.value.length : given.length;
  const got = given.length > 60 ? `${given.slice(0, 57)}… (${length} characters)` : given;
  throw new ServerError('VALIDATION', `The request ${where} is not valid at "${path}": ${first.message.replace(/\.$/, '')} (got ${got}).${described ? ` ${described}` : ''}`, { path });
}

export function mountRoute(app: Application, route: ApiRoute, handler: RouteHandler): void {
  app[route.method](route.path, async (req, res) => {
    if (route.params) checkAgainst(route.params, { ...req.params }, 'path');
    if (route.query) checkAgainst(route.query, { ...(req.query as object) }, 'query');
    if (route.body) {
      if (req.body === undefined || req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
        throw new ServerError('REQUEST', 'The request body must be a JSON object (Content-Type: application/json).');
      }
      checkAgainst(route.body, req.body, 'body');
    }
    await handler(req, res);
  });
}
