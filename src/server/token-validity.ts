/**
 * What the gateway knows about forwarded bearer tokens (forwarded-token mode), so the response
 * cache never answers a token Qualys no longer accepts. A cached result is served to a forwarded
 * token only while all of these hold:
 * - Qualys accepted the token (answered a call made with it with anything but 401) within the
 *   last `windowMs` (default {@link DEFAULT_TOKEN_CHECK_WINDOW_MS}, 60 s); after that, the next
 *   request goes to Qualys, which checks the token again;
 * - Qualys has not rejected it (401) since;
 * - its `exp` claim, when it is a JWT with one, has not passed (read, never trusted for more:
 *   a forged claim can only make the gateway skip the cache).
 * Tokens are kept as the caller scope (`token:<SHA-256>`), never as themselves; at most
 * `maxEntries` (default 10,000) are remembered, the least recently accepted dropped first.
 */

/** Default time a Qualys acceptance of a token vouches for it, in ms: 60 s. */
export const DEFAULT_TOKEN_CHECK_WINDOW_MS = 60_000;

/** Options of {@link createTokenValidity}. */
export interface TokenValidityOptions {
  /** How long an acceptance by Qualys vouches for a token, in ms. Default 60,000. */
  windowMs?: number | undefined;
  /** Most tokens remembered. Default 10,000. */
  maxEntries?: number | undefined;
  /** Clock in epoch ms. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** The tracker (see the module comment). */
export interface TokenValidity {
  /**
   * Records Qualys' answer (HTTP `status`) to a call made with `token`, whose caller scope is
   * `scope`: 401 rejects it, any other status accepts it now.
   */
  record(scope: string, status: number, token: string): void;
  /** True when a cached result may be served to the token of `scope` now. */
  isKnownValid(scope: string): boolean;
}

/** The `exp` claim of a JWT in epoch ms, or `undefined` when `token` is not a JWT with one. */
export function jwtExpiryMs(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined || parts[1].length > 8192) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    if (typeof payload !== 'object' || payload === null) return undefined;
    const exp = (payload as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Creates a tracker. @throws RangeError when `windowMs` or `maxEntries` is not positive. */
export function createTokenValidity(options: TokenValidityOptions = {}): TokenValidity {
  const windowMs = options.windowMs ?? DEFAULT_TOKEN_CHECK_WINDOW_MS;
  const maxEntries = options.maxEntries ?? 10_000;
  if (!(windowMs > 0)) throw new RangeError('windowMs must be positive');
  if (!(Number.isInteger(maxEntries) && maxEntries > 0))
    throw new RangeError('maxEntries must be a positive integer');
  const now = options.now ?? Date.now;
  /**
   * Last acceptance per scope (epoch ms) and the token's `exp` (epoch ms, when it has one); a
   * rejected scope is removed. Insertion order = least recently accepted first.
   */
  const accepted = new Map<string, { readonly at: number; readonly expMs: number | undefined }>();
  return {
    record(scope, status, token) {
      accepted.delete(scope);
      if (status === 401) return;
      accepted.set(scope, { at: now(), expMs: jwtExpiryMs(token) });
      if (accepted.size > maxEntries) {
        const oldest = accepted.keys().next().value;
        if (oldest !== undefined) accepted.delete(oldest);
      }
    },
    isKnownValid(scope) {
      const entry = accepted.get(scope);
      const t = now();
      if (entry === undefined || t - entry.at >= windowMs) return false;
      return entry.expMs === undefined || entry.expMs > t;
    },
  };
}
