/**
 * `ServerError`: what the stream server refuses, with a stable code and the HTTP status it is sent
 * with. TOKEN_* for join tokens, WORLD_* for the world catalog, LIMIT for rooms, clients and rates,
 * REQUEST for malformed HTTP bodies (VALIDATION when a body, query or path breaks the route's schema),
 * JOB_* for jobs, CONFLICT for a request the thing's state does not allow (a job already finished, a
 * world not generated yet), FILE_UNKNOWN for files a world, texture or cutscene does not have,
 * SERVER for options that cannot work.
 */
import { WorldsmithError } from '../generators/worldsmith-error.ts';

export type ServerErrorCode = 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_WORLD' | 'WORLD_UNKNOWN' | 'WORLD_FAILED' | 'LIMIT' | 'REQUEST' | 'VALIDATION' | 'JOB_UNKNOWN' | 'CONFLICT' | 'FILE_UNKNOWN' | 'SERVER';

const STATUS: Record<ServerErrorCode, number> = {
  TOKEN_MISSING: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_WORLD: 403,
  WORLD_UNKNOWN: 404,
  WORLD_FAILED: 500,
  LIMIT: 429,
  REQUEST: 400,
  VALIDATION: 400,
  JOB_UNKNOWN: 404,
  CONFLICT: 409,
  FILE_UNKNOWN: 404,
  SERVER: 500,
};

export class ServerError extends WorldsmithError {
  declare readonly code: ServerErrorCode;
  readonly status: number;
  /** The JSON pointer of the field at fault, when there is one. */
  readonly path?: string;
  constructor(code: ServerErrorCode, message: string, options?: { cause?: unknown; path?: string }) {
    super(code, message, options);
    this.status = STATUS[code];
    if (options?.path !== undefined) this.path = options.path;
  }
}
