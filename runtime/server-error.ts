/**
 * `ServerError`: what the stream server refuses, with a stable code and the HTTP status it is sent
 * with. TOKEN_* for join tokens, WORLD_* for the world catalog, LIMIT for rooms, clients and rates,
 * REQUEST for malformed HTTP bodies, SERVER for options that cannot work.
 */
import { WorldsmithError } from '../generators/worldsmith-error.ts';

export type ServerErrorCode = 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_WORLD' | 'WORLD_UNKNOWN' | 'WORLD_FAILED' | 'LIMIT' | 'REQUEST' | 'SERVER';

const STATUS: Record<ServerErrorCode, number> = {
  TOKEN_MISSING: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_WORLD: 403,
  WORLD_UNKNOWN: 404,
  WORLD_FAILED: 500,
  LIMIT: 429,
  REQUEST: 400,
  SERVER: 500,
};

export class ServerError extends WorldsmithError {
  declare readonly code: ServerErrorCode;
  readonly status: number;
  constructor(code: ServerErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.status = STATUS[code];
  }
}
