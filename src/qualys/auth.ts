/**
 * The service-credential token manager: obtains the gateway JWT with `POST {baseUrl}/auth`,
 * caches it until shortly before it expires, shares one refresh among concurrent callers, and
 * drops it when Qualys rejects it. Internal to `src/qualys/`; `client.ts` uses it when a session
 * carries no bearer token of its own.
 *
 * Source: docs/qualys-api.md §2 ("Getting a token": form body `username`, `password`, `token=true`,
 * `permissions=true`; the body of the 200/201 answer is the raw JWT; lifetime 4 hours; the auth
 * endpoint is exempt from rate limits).
 */

import { errorFromResponse } from './answers.js';
import {
  isQualysError,
  QualysAuthFailedError,
  QualysBadPayloadError,
  type QualysError,
  QualysHttpError,
} from './errors.js';
import { CallDeadline, type HttpDeps, reportAttempt, sendHttp } from './http.js';

/** Service credentials of a Qualys user with the `PM.API.ACCESS` permission (docs/qualys-api.md §1). */
export interface QualysServiceCredentials {
  /** Qualys user name (`QUALYS_USERNAME`). */
  readonly username: string;
  /** Qualys password (`QUALYS_PASSWORD`). Never logged, never in an error message. */
  readonly password: string;
}

/** Endpoint template of the token call, as errors and `onCall` events name it. */
export const AUTH_ENDPOINT = 'POST /auth';

/** Options of {@link createTokenManager}. */
export interface TokenManagerOptions {
  /** The HTTP layer (base URL, dispatcher, logger, `onCall`, clock). */
  readonly http: HttpDeps;
  /** The service credentials to exchange for a JWT. */
  readonly credentials: QualysServiceCredentials;
  /** How long a token is valid after it was obtained, in ms (Qualys: 4 hours). */
  readonly tokenLifetimeMs: number;
  /** How long before expiry the token is refreshed, in ms. */
  readonly tokenRefreshMarginMs: number;
  /** Timeout of one `POST /auth`, in ms. */
  readonly timeoutMs: number;
  /** The shared token cache of the replicas, if any. */
  readonly cache?: TokenCache | undefined;
}

/** Hands out the current service token; see {@link createTokenManager}. */
export interface TokenManager {
  /**
   * The cached token when it is still fresh, else a new one. Concurrent callers share one
   * refresh; a failed refresh rejects all of them and is not cached (the next call tries again).
   *
   * @throws QualysUnauthorizedError `QUALYS_AUTH_FAILED` when Qualys rejects the credentials
   *   (HTTP 400, 401, 403 from `/auth`).
   * @throws QualysBadPayloadError `QUALYS_BAD_PAYLOAD` when the answer holds no token.
   * @throws QualysError `QUALYS_TIMEOUT`, `QUALYS_NETWORK`, `QUALYS_RATE_LIMITED`,
   *   `QUALYS_HTTP_STATUS` as for any call.
   */
  getToken(): Promise<string>;
  /** Forgets `token` after Qualys answered 401 to it; a no-op when it was already replaced. */
  invalidate(token: string): void;
}

/** A service token as cached: the JWT and when it is refreshed instead of used. */
export interface CachedToken {
  readonly token: string;
  /** Epoch ms from which the token is refreshed instead of used. */
  readonly refreshAtMs: number;
}

/**
 * Where the service token is kept beyond this process, so the replicas of a deployment share one
 * token and one `POST /auth` at a time (`src/cluster/`). A method that fails (the store is
 * unreachable) makes the manager fall back to this process alone for that refresh.
 */
export interface TokenCache {
  /** The shared token, or `null` when there is none. */
  get(): Promise<CachedToken | null>;
  /** Shares `entry` until its `refreshAtMs`. */
  set(entry: CachedToken): Promise<void>;
  /** Runs `refresh` while holding the deployment-wide refresh lock (one refresher at a time). */
  withRefreshLock<T>(refresh: () => Promise<T>): Promise<T>;
}

/**
 * The `exp` claim of a JWT in epoch milliseconds, or `null` when the token is not a JWT or has
 * no numeric `exp`. The signature is not checked: this only schedules refreshes.
 */
export function decodeJwtExpiryMs(token: string): number | null {
  const payload = token.split('.')[1];
  if (payload === undefined || payload === '') return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (claims && typeof claims === 'object' && 'exp' in claims) {
      const exp = (claims as { exp: unknown }).exp;
      if (typeof exp === 'number' && Number.isFinite(exp) && exp > 0) return exp * 1000;
    }
  } catch {
    // Not a JWT payload: fall back to the configured lifetime.
  }
  return null;
}

/** Characters a token may consist of (JWT: base64url segments and dots; never whitespace). */
const TOKEN_CHARS = /^[\x21-\x7e]+$/;

/**
 * Creates the token manager of one client.
 *
 * A token obtained at `t` (the time the `/auth` request was sent, from `http.now`) is used until
 * `min(t + tokenLifetimeMs, exp) - tokenRefreshMarginMs`, where `exp` is the JWT's `exp` claim
 * when it has one.
 *
 * Source: `POST /auth` (docs/qualys-api.md §2).
 */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const { http, credentials, tokenLifetimeMs, tokenRefreshMarginMs, timeoutMs, cache } = options;
  let cached: CachedToken | null = null;
  let inflight: Promise<string> | null = null;
  /** The last token Qualys rejected (401): a shared copy of it is stale, not fresh. */
  let rejected: string | null = null;
  const usable = (entry: CachedToken | null): entry is CachedToken =>
    entry !== null && entry.token !== rejected && http.now() < entry.refreshAtMs;

  async function fetchToken(): Promise<string> {
    const obtainedAt = http.now();
    const deadline = new CallDeadline(timeoutMs, undefined);
    const token = await reportAttempt(
      http,
      { endpoint: AUTH_ENDPOINT, method: 'POST', path: '/auth' },
      async (setStatus) => {
        const body = new URLSearchParams({
          username: credentials.username,
          password: credentials.password,
          token: 'true',
          permissions: 'true',
        }).toString();
        let res: Awaited<ReturnType<typeof sendHttp>>;
        try {
          res = await sendHttp(
            http,
            {
              endpoint: AUTH_ENDPOINT,
              method: 'POST',
              path: '/auth',
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                accept: 'text/plain, application/json',
              },
              body,
            },
            deadline.signal,
          );
        } catch (err) {
          throw deadline.toError(err, AUTH_ENDPOINT);
        } finally {
          deadline.dispose();
        }
        setStatus(res.status);
        if (res.status === 200 || res.status === 201) {
          const text = res.text.trim();
          if (!TOKEN_CHARS.test(text)) {
            throw new QualysBadPayloadError(`Qualys answered without a token (${AUTH_ENDPOINT})`, {
              endpoint: AUTH_ENDPOINT,
              status: res.status,
            });
          }
          return text;
        }
        if (res.status === 400 || res.status === 401 || res.status === 403) {
          http.logger.error(
            { endpoint: AUTH_ENDPOINT, status: res.status },
            'Qualys rejected the service credentials (QUALYS_USERNAME / QUALYS_PASSWORD)',
          );
          throw new QualysAuthFailedError(
            `Qualys rejected the service credentials (HTTP ${res.status}, ${AUTH_ENDPOINT})`,
            { endpoint: AUTH_ENDPOINT, status: res.status },
          );
        }
        const mapped: QualysError =
          errorFromResponse(res, AUTH_ENDPOINT, http.now, [credentials.password, credentials.username]) ??
          new QualysHttpError(`Qualys answered HTTP ${res.status} (${AUTH_ENDPOINT})`, {
            endpoint: AUTH_ENDPOINT,
            status: res.status,
          });
        throw mapped;
      },
    );
    const expiresAt = Math.min(
      obtainedAt + tokenLifetimeMs,
      decodeJwtExpiryMs(token) ?? Number.POSITIVE_INFINITY,
    );
    cached = { token, refreshAtMs: expiresAt - tokenRefreshMarginMs };
    return token;
  }

  /**
   * A token through the shared cache: the shared one when usable, else, under the deployment-wide
   * lock, the shared one another replica just stored, else a new one (stored for the others).
   * When the cache itself fails (unreachable), this process fetches its own.
   */
  async function sharedToken(shared: TokenCache): Promise<string> {
    try {
      const current = await shared.get();
      if (usable(current)) {
        cached = current;
        return current.token;
      }
      return await shared.withRefreshLock(async () => {
        const again = await shared.get();
        if (usable(again)) {
          cached = again;
          return again.token;
        }
        const token = await fetchToken();
        const entry = cached;
        if (entry !== null) {
          // A token not shared is still a good token: the others fetch their own.
          await shared
            .set(entry)
            .catch(() =>
              http.logger.warn(
                { endpoint: AUTH_ENDPOINT },
                'the shared token cache did not take the new token',
              ),
            );
        }
        return token;
      });
    } catch (err) {
      if (isQualysError(err)) throw err;
      http.logger.warn(
        { endpoint: AUTH_ENDPOINT },
        'the shared token cache failed; refreshing in this process',
      );
      return fetchToken();
    }
  }

  return {
    getToken(): Promise<string> {
      if (cached && http.now() < cached.refreshAtMs) return Promise.resolve(cached.token);
      if (inflight) return inflight;
      cached = null;
      const refresh = (cache === undefined ? fetchToken() : sharedToken(cache)).finally(() => {
        inflight = null;
      });
      // Waiters handle the rejection; this keeps an abandoned refresh from being "unhandled".
      refresh.catch(() => undefined);
      inflight = refresh;
      return refresh;
    },
    invalidate(token: string): void {
      rejected = token;
      if (cached?.token === token) cached = null;
    },
  };
}
