/**
 * The options of `createQualysClient`, their defaults, and their validation into
 * {@link ResolvedClientOptions}: every duration and count checked once, at creation.
 */
import type { Dispatcher } from 'undici';
import type { QualysCallEvent, QualysLogger } from './api.js';
import type { QualysServiceCredentials, TokenCache } from './auth.js';
import type { BreakerSettings, CallGate, RateBudget, RetrySettings } from './governor.js';

/** Default per-call timeout: 30 seconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default concurrency cap per client (= per Qualys subscription): Qualys' documented default 2 (docs/qualys-api.md §3). */
export const DEFAULT_CONCURRENCY = 2;
/** Default tries per idempotent call, the first included. */
export const DEFAULT_RETRY_MAX_ATTEMPTS = 3;
/** Default first backoff ceiling: 200 ms. */
export const DEFAULT_RETRY_BASE_DELAY_MS = 200;
/** Default largest backoff ceiling: 5 seconds. */
export const DEFAULT_RETRY_MAX_DELAY_MS = 5_000;
/** Default longest `Retry-After` the client waits for: 30 seconds. */
export const DEFAULT_RETRY_MAX_RETRY_AFTER_MS = 30_000;
/** Default consecutive upstream failures that open the circuit: 5. */
export const DEFAULT_BREAKER_FAILURE_THRESHOLD = 5;
/** Default time an open circuit waits before a trial call: 10 seconds. */
export const DEFAULT_BREAKER_HALF_OPEN_AFTER_MS = 10_000;

/** Default service-token lifetime: 4 hours (docs/qualys-api.md §2). */
export const DEFAULT_TOKEN_LIFETIME_MS = 4 * 60 * 60 * 1000;
/** Default time before expiry at which the service token is refreshed: 5 minutes. */
export const DEFAULT_TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** Options of {@link createQualysClient}. */
export interface QualysClientOptions {
  /**
   * The Qualys API gateway URL, e.g. `https://gateway.qg2.apps.qualys.com` (docs/qualys-api.md §1) or
   * the simulator's `http://127.0.0.1:PORT`. `http:` or `https:`; a trailing slash is ignored; a
   * path prefix is kept. Required.
   * @throws TypeError at creation when it is not an absolute http(s) URL.
   */
  baseUrl: string;
  /**
   * The undici dispatcher every request goes through (an `Agent`, a `MockAgent` in tests). The
   * client never closes an injected dispatcher. Default: an `undici.Agent` with keep-alive,
   * owned by the client and closed by `close()`. The client never calls `setGlobalDispatcher`.
   * An injected dispatcher must not retry on its own (no `RetryAgent` or retry interceptor: its
   * defaults replay DELETE and would re-send `deletePatchJobs`); the job mutations are sent once.
   */
  dispatcher?: Dispatcher | undefined;
  /**
   * Time allowed for one HTTP attempt, in milliseconds: sending, reading and parsing (not the
   * time queued for a slot). Each attempt gets its own timeout combined with the session's
   * signal; retries share the session's `deadline`/`signal`. Also bounds the wait for a service
   * token and one `POST /auth`. Default {@link DEFAULT_TIMEOUT_MS} (30,000). A positive integer.
   */
  timeoutMs?: number | undefined;
  /**
   * At most this many Qualys API calls in flight at once for this client (one client per Qualys
   * subscription, whose concurrency limit is shared by all its callers). Further calls wait in a
   * FIFO queue until a slot frees or their session's signal/deadline ends. `POST /auth` is not
   * counted (Qualys exempts it). Default {@link DEFAULT_CONCURRENCY} (2, Qualys' documented
   * default, docs/qualys-api.md §3); `0` or `Infinity` = unlimited (benchmarks). A non-negative integer.
   */
  concurrency?: number | undefined;
  /**
   * A client-side rate budget: at most `calls` HTTP attempts started in any rolling window of
   * `windowMs` milliseconds (PM sends no `X-RateLimit-*` headers to follow, docs/qualys-api.md §3).
   * Calls over budget wait in the same FIFO queue until the window slides; none is rejected.
   * Default: unlimited. Both positive integers.
   */
  rateLimit?: { calls: number; windowMs: number } | undefined;
  /**
   * Retries of idempotent calls (GETs and the read-only POSTs `assets/uuids`,
   * `patchcatalog/patches`, `vulnerabilities`, `assets`); job mutations are never retried.
   * Retried on 409/429 (`QUALYS_RATE_LIMITED`), 5xx, network errors and per-attempt timeouts;
   * never on another 4xx. The wait is Qualys' `Retry-After` (seconds or HTTP date) or
   * `X-RateLimit-ToWait-Sec` when sent, else exponential backoff with full jitter (random in
   * `[0, min(maxDelayMs, baseDelayMs * 2^n))`); no retry starts when its wait would end after the
   * session's `deadline`, then the last error is returned.
   * - `maxAttempts`: tries per call, the first included; default 3; `1` = no retries.
   * - `baseDelayMs`: first backoff ceiling in ms; default 200.
   * - `maxDelayMs`: largest backoff ceiling in ms; default 5,000 (does not shorten a `Retry-After`).
   * - `maxRetryAfterMs`: a `Retry-After` longer than this (ms) is not waited for: the call fails at
   *   once with `QUALYS_RATE_LIMITED` and its `retryAfterMs`; default 30,000.
   */
  retry?:
    | {
        maxAttempts?: number | undefined;
        baseDelayMs?: number | undefined;
        maxDelayMs?: number | undefined;
        maxRetryAfterMs?: number | undefined;
      }
    | undefined;
  /**
   * The client's circuit breaker (one per client, i.e. per upstream). It counts calls whose final
   * outcome (after their retries) is an upstream-health failure (5xx, network error, timeout; not
   * 4xx, 404, 409, 429); after `failureThreshold` consecutive ones (default 5) it opens and every call fails fast with
   * `QUALYS_CIRCUIT_OPEN` without a request. After `halfOpenAfterMs` ms (default 10,000) one trial
   * call goes through: a success closes the circuit, a failure opens it again.
   */
  circuitBreaker?:
    | {
        failureThreshold?: number | undefined;
        halfOpenAfterMs?: number | undefined;
      }
    | undefined;
  /**
   * Service credentials (`QUALYS_USERNAME`/`QUALYS_PASSWORD`): used for sessions without a
   * bearer token; the client obtains and refreshes the JWT itself. Default: none (sessions
   * must forward a bearer token). Both fields must be non-empty.
   */
  credentials?: QualysServiceCredentials | undefined;
  /**
   * How long a service token is valid after it was obtained, in milliseconds. Default
   * {@link DEFAULT_TOKEN_LIFETIME_MS} (4 hours, docs/qualys-api.md §2). When the JWT has an `exp`
   * claim, the earlier of the two wins.
   */
  tokenLifetimeMs?: number | undefined;
  /**
   * How long before expiry a service token is refreshed, in milliseconds. Default
   * {@link DEFAULT_TOKEN_REFRESH_MARGIN_MS} (5 minutes). Must be smaller than `tokenLifetimeMs`.
   */
  tokenRefreshMarginMs?: number | undefined;
  /** Where the client logs (pino-compatible {@link QualysLogger}). Default: no logging. */
  logger?: QualysLogger | undefined;
  /**
   * Called once per HTTP attempt, API calls and `POST /auth` alike, with a
   * {@link QualysCallEvent}; exceptions it throws are logged and ignored. Default: none.
   */
  onCall?: ((event: QualysCallEvent) => void) | undefined;
  /**
   * The gate every API attempt waits on (concurrency cap and rate budget). Default: a
   * {@link UpstreamGate} of this process with `concurrency` and `rateLimit`; replicas pass a
   * shared one (`src/cluster/`), which then owns both limits.
   */
  gate?: CallGate | undefined;
  /**
   * Where the service token is kept: default this process; replicas pass a shared cache so they
   * use one token and one `POST /auth` at a time (see `TokenCache`).
   */
  tokenCache?: TokenCache | undefined;
  /** Wall clock in epoch milliseconds: token expiry and `Retry-After` dates. Default `Date.now`. For tests. */
  now?: (() => number) | undefined;
}

/** {@link QualysClientOptions} after defaults and checks. */
export interface ResolvedClientOptions {
  /** Base URL without a trailing slash. */
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly tokenLifetimeMs: number;
  readonly tokenRefreshMarginMs: number;
  /** Calls in flight at most; `Infinity` = unlimited. */
  readonly concurrency: number;
  readonly rateLimit: RateBudget | undefined;
  readonly retry: RetrySettings;
  readonly breaker: BreakerSettings;
  readonly credentials: QualysServiceCredentials | undefined;
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`createQualysClient: ${name} must be an integer >= 0, got ${value}`);
  }
  return value;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`createQualysClient: ${name} must be a positive integer (ms), got ${value}`);
  }
  return value;
}

function normaliseBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError('createQualysClient: baseUrl must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError('createQualysClient: baseUrl must be an absolute http(s) URL');
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new TypeError('createQualysClient: baseUrl must not carry a query, fragment or user info');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Applies the defaults to `options` and checks them.
 * @throws TypeError when `baseUrl` is not an absolute http(s) URL or the credentials are empty.
 * @throws RangeError when a duration, count or governor option is out of range, or the refresh
 *   margin is not smaller than the token lifetime.
 */
export function resolveClientOptions(options: QualysClientOptions): ResolvedClientOptions {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const timeoutMs = positiveInteger('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const tokenLifetimeMs = positiveInteger(
    'tokenLifetimeMs',
    options.tokenLifetimeMs ?? DEFAULT_TOKEN_LIFETIME_MS,
  );
  const tokenRefreshMarginMs = options.tokenRefreshMarginMs ?? DEFAULT_TOKEN_REFRESH_MARGIN_MS;
  if (
    !Number.isSafeInteger(tokenRefreshMarginMs) ||
    tokenRefreshMarginMs < 0 ||
    tokenRefreshMarginMs >= tokenLifetimeMs
  ) {
    throw new RangeError(
      'createQualysClient: tokenRefreshMarginMs must be an integer in [0, tokenLifetimeMs)',
    );
  }
  const concurrencyOption = options.concurrency ?? DEFAULT_CONCURRENCY;
  const concurrency =
    concurrencyOption === Number.POSITIVE_INFINITY || concurrencyOption === 0
      ? Number.POSITIVE_INFINITY
      : positiveInteger('concurrency', concurrencyOption);
  const rateLimit: RateBudget | undefined = options.rateLimit
    ? {
        calls: positiveInteger('rateLimit.calls', options.rateLimit.calls),
        windowMs: positiveInteger('rateLimit.windowMs', options.rateLimit.windowMs),
      }
    : undefined;
  const retry: RetrySettings = {
    maxAttempts: positiveInteger(
      'retry.maxAttempts',
      options.retry?.maxAttempts ?? DEFAULT_RETRY_MAX_ATTEMPTS,
    ),
    baseDelayMs: nonNegativeInteger(
      'retry.baseDelayMs',
      options.retry?.baseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS,
    ),
    maxDelayMs: nonNegativeInteger(
      'retry.maxDelayMs',
      options.retry?.maxDelayMs ?? DEFAULT_RETRY_MAX_DELAY_MS,
    ),
    maxRetryAfterMs: nonNegativeInteger(
      'retry.maxRetryAfterMs',
      options.retry?.maxRetryAfterMs ?? DEFAULT_RETRY_MAX_RETRY_AFTER_MS,
    ),
  };
  const breaker: BreakerSettings = {
    failureThreshold: positiveInteger(
      'circuitBreaker.failureThreshold',
      options.circuitBreaker?.failureThreshold ?? DEFAULT_BREAKER_FAILURE_THRESHOLD,
    ),
    halfOpenAfterMs: positiveInteger(
      'circuitBreaker.halfOpenAfterMs',
      options.circuitBreaker?.halfOpenAfterMs ?? DEFAULT_BREAKER_HALF_OPEN_AFTER_MS,
    ),
  };
  const credentials = options.credentials;
  if (credentials && (credentials.username === '' || credentials.password === '')) {
    throw new TypeError('createQualysClient: credentials need a non-empty username and password');
  }

  return {
    baseUrl,
    timeoutMs,
    tokenLifetimeMs,
    tokenRefreshMarginMs,
    concurrency,
    rateLimit,
    retry,
    breaker,
    credentials,
  };
}
