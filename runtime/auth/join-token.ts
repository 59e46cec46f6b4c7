/**
 * Join tokens: what `POST /api/tokens` issues and a `world` room checks before a client joins.
 *
 *   token = base64url(JSON {w: worldId, s: subject, e: expiresAt (ms), n: nonce}) "." base64url(HMAC-SHA256)
 *
 * Signed with the server's secret (every process of a scaled-out server shares it), expiring, and
 * bound to one world: a token for another world, a changed byte or an old token is refused with a
 * ServerError saying which. The clock is passed in, so tests control time.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ServerError } from '../server-error.ts';

export interface JoinClaims {
  worldId: string;
  /** Who the token was issued to (a player name or an id from the game's backend). */
  subject: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface TokenIssuer {
  issue(claims: { worldId: string; subject?: string }, ttlMs?: number): { token: string; expiresAt: number };
  /** The claims, or a ServerError (TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_WORLD). */
  verify(token: unknown, worldId: string): JoinClaims;
}

export const TOKEN_DEFAULTS = { ttlMs: 10 * 60_000, maxTtlMs: 24 * 3_600_000 };
const MAX_TOKEN_CHARS = 2048;

export function createTokenIssuer(secret: string | Uint8Array, now: () => number = Date.now): TokenIssuer {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (key.length < 16) throw new ServerError('SERVER', `The token secret is ${key.length} bytes; give at least 16 (WORLDSMITH_TOKEN_SECRET, or leave it unset for a random one per start).`);
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    issue({ worldId, subject = '' }, ttlMs = TOKEN_DEFAULTS.ttlMs) {
      if (!(ttlMs > 0 && ttlMs <= TOKEN_DEFAULTS.maxTtlMs)) throw new ServerError('REQUEST', `A token lives from 1 ms to ${TOKEN_DEFAULTS.maxTtlMs / 3_600_000} hours; got ${ttlMs} ms.`);
      const expiresAt = now() + Math.round(ttlMs);
      const payload = Buffer.from(JSON.stringify({ w: worldId, s: subject, e: expiresAt, n: randomBytes(6).toString('base64url') })).toString('base64url');
      return { token: `${payload}.${sign(payload).toString('base64url')}`, expiresAt };
    },
    verify(token, worldId) {
      if (typeof token !== 'string' || token.length === 0) throw new ServerError('TOKEN_MISSING', 'Joining a world needs a token: get one from POST /api/tokens {worldId} and pass it as the join option "token".');
      const refuse = (why: string): never => {
        throw new ServerError('TOKEN_INVALID', `The join token is not valid (${why}); get a new one from POST /api/tokens.`);
      };
      if (token.length > MAX_TOKEN_CHARS) refuse('too long');
      const dot = token.indexOf('.');
      if (dot <= 0) refuse('not payload.signature');
      const payload = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1), 'base64url');
      const expected = sign(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) refuse('bad signature');
      let claims: { w?: unknown; s?: unknown; e?: unknown };
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return refuse('unreadable payload');
      }
      if (typeof claims.w !== 'string' || typeof claims.e !== 'number' || typeof claims.s !== 'string') refuse('missing claims');
      if ((claims.e as number) <= now()) throw new ServerError('TOKEN_EXPIRED', `The join token expired at ${new Date(claims.e as number).toISOString()}; get a new one from POST /api/tokens.`);
      if (claims.w !== worldId) throw new ServerError('TOKEN_WORLD', `The join token is for world "${claims.w}", not "${worldId}"; ask POST /api/tokens for a token for the world you join.`);
      return { worldId: claims.w as string, subject: claims.s as string, expiresAt: claims.e as number };
    },
  };
}
