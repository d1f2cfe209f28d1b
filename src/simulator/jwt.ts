/**
 * The simulator's gateway JWTs (docs/qualys-api.md §2): `base64url(header).base64url(payload).signature`,
 * header `{"alg":"HS256","typ":"JWT"}`, payload `{sub, customerId, iat, exp}` (seconds since the
 * epoch), signed with HMAC-SHA256 under a key drawn at random per simulator, so tokens of another
 * simulator instance or edited tokens fail verification.
 *
 * @module
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** The claims of a simulator token. */
export interface SimulatorJwtClaims {
  /** Username of the tenant. */
  readonly sub: string;
  /** Customer UUID of the tenant. */
  readonly customerId: string;
  /** Issued at, seconds since the epoch. */
  readonly iat: number;
  /** Expires at, seconds since the epoch. */
  readonly exp: number;
}

/** Outcome of verifying a token. */
export type JwtVerification =
  | { readonly ok: true; readonly claims: SimulatorJwtClaims }
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

/** Signs and verifies tokens with one key. */
export interface JwtSigner {
  /** Signs claims into a compact JWT. */
  sign(claims: SimulatorJwtClaims): string;
  /**
   * Verifies a compact JWT.
   *
   * @param token - the token.
   * @param nowMs - the current time, epoch ms; the token is expired when `nowMs / 1000 >= exp`.
   */
  verify(token: string, nowMs: number): JwtVerification;
}

const ClaimsSchema = z.object({ sub: z.string(), customerId: z.string(), iat: z.number(), exp: z.number() });

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * Creates a signer.
 *
 * @param key - the HMAC key; default 32 random bytes.
 */
export function createJwtSigner(key: Buffer = randomBytes(32)): JwtSigner {
  const signature = (data: string): Buffer => createHmac('sha256', key).update(data).digest();
  return {
    sign(claims) {
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      const data = `${HEADER}.${payload}`;
      return `${data}.${signature(data).toString('base64url')}`;
    },
    verify(token, nowMs) {
      const parts = token.split('.');
      if (parts.length !== 3) {
        return { ok: false, reason: 'invalid' };
      }
      const [header, payload, sig] = parts as [string, string, string];
      const expected = signature(`${header}.${payload}`);
      const given = Buffer.from(sig, 'base64url');
      if (header !== HEADER || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return { ok: false, reason: 'invalid' };
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'invalid' };
      }
      const claims = ClaimsSchema.safeParse(parsed);
      if (!claims.success) {
        return { ok: false, reason: 'invalid' };
      }
      return nowMs / 1000 >= claims.data.exp
        ? { ok: false, reason: 'expired' }
        : { ok: true, claims: claims.data };
    },
  };
}

/** A signer whose tokens can all be expired at once ({@link RotatingJwtSigner.expireAll}). */
export interface RotatingJwtSigner extends JwtSigner {
  /** Every token signed so far verifies as `expired`; later tokens use a fresh key. */
  expireAll(): void;
}

/** Retired keys kept: tokens older than this many `expireAll` calls verify as `invalid`. */
const MAX_RETIRED_KEYS = 64;

/**
 * Creates a {@link RotatingJwtSigner}: it signs with the current key; `expireAll` retires that
 * key, and a token valid under a retired key verifies as `expired`.
 */
export function createRotatingJwtSigner(): RotatingJwtSigner {
  let current = createJwtSigner();
  const retired: JwtSigner[] = [];
  return {
    sign: (claims) => current.sign(claims),
    verify(token, nowMs) {
      const result = current.verify(token, nowMs);
      if (result.ok || result.reason === 'expired') {
        return result;
      }
      const signedByRetired = retired.some((old) => {
        const verdict = old.verify(token, nowMs);
        return verdict.ok || verdict.reason === 'expired';
      });
      return signedByRetired ? { ok: false, reason: 'expired' } : result;
    },
    expireAll() {
      retired.unshift(current);
      retired.length = Math.min(retired.length, MAX_RETIRED_KEYS);
      current = createJwtSigner();
    },
  };
}
