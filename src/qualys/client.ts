/**
 * `createQualysClient`: the typed REST client of the Qualys PM/MTG API gateway. One method per
 * endpoint of {@link QualysApi}, each sending exactly the documented request with undici and
 * returning the payload normalised by its zod wire schema (`./schemas`). Sessions carry the
 * caller's bearer token and abort signal; the client itself holds the connection pool and the
 * service-token cache.
 *
 * Source: QUALYS-API.md §1 (hosts, URL-encoding), §2 (auth), §4 (paging), §5 (errors), §7
 * (deployment jobs), §11 (patches, catalog, assets, QIDs), §12 (MTG); seeds 000-004.
 */

import { BrokenCircuitError } from 'cockatiel';
import { Agent, type Dispatcher } from 'undici';
import { z } from 'zod';
import {
  type ListAssetsByPageParams,
  type ListAssetsParams,
  type ListDeploymentJobsParams,
  type ListPatchesParams,
  QUALYS_LIMITS,
  type QualysApi,
  type QualysAssetPage,
  type QualysBulkJobResult,
  type QualysCallEvent,
  type QualysClient,
  type QualysHttpMethod,
  type QualysJobConfigStatus,
  type QualysLogger,
  type QualysPlatform,
  type QualysSessionOptions,
  type QualysWireObject,
} from './api.js';
import { createTokenManager, type QualysServiceCredentials, type TokenManager } from './auth.js';
import {
  baseUrlHostForms,
  isQualysError,
  QualysCircuitOpenError,
  type QualysError,
  QualysNetworkError,
  QualysNotFoundError,
  QualysTimeoutError,
  QualysUnauthorizedError,
  UpstreamBudgetExceededError,
  withRequestNotSent,
} from './errors.js';
import {
  createBreaker,
  isRetryable,
  type RateBudget,
  RetryDelays,
  type RetrySettings,
  sleep,
  UpstreamGate,
} from './governor.js';
import {
  type AttemptExtra,
  assertSendableHeaders,
  badPayload,
  CallDeadline,
  errorFromResponse,
  type HttpDeps,
  type HttpHeaders,
  headerValue,
  parseJsonText,
  raceAbort,
  reportAttempt,
  sanitizeUpstreamMessage,
  sendHttp,
} from './http.js';
import {
  isBulkJobSuccess,
  QualysAssetListSchema,
  QualysAssetUuidMappingSchema,
  type QualysBulkJobResultItem,
  QualysBulkJobResultListSchema,
  QualysDeploymentJobListSchema,
  QualysDeploymentJobSchema,
  QualysJobResultSummarySchema,
  QualysJobRunListSchema,
  QualysLinkableJobListSchema,
  QualysPatchListSchema,
  QualysVulnerabilityListSchema,
  QualysWireJobSchema,
} from './schemas/index.js';

export type { QualysServiceCredentials } from './auth.js';

/** Default per-call timeout: 30 seconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default concurrency cap per client (= per Qualys subscription): Qualys' documented default 2 (QUALYS-API.md §3). */
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

/**
 * The read-only POST endpoints (a query in a body): idempotent like the GETs, so retried. Every
 * other POST, PATCH or DELETE is a job mutation and is never retried.
 */
const READ_ONLY_POSTS: ReadonlySet<string> = new Set([
  'POST /pm/v1/assets/uuids',
  'POST /pm/v1/patchcatalog/patches',
  'POST /pm/v1/vulnerabilities',
  'POST /pm/v1/assets',
]);

/** Default service-token lifetime: 4 hours (QUALYS-API.md §2). */
export const DEFAULT_TOKEN_LIFETIME_MS = 4 * 60 * 60 * 1000;
/** Default time before expiry at which the service token is refreshed: 5 minutes. */
export const DEFAULT_TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** Options of {@link createQualysClient}. */
export interface QualysClientOptions {
  /**
   * The Qualys API gateway URL, e.g. `https://gateway.qg2.apps.qualys.com` (QUALYS-API.md §1) or
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
   * default, QUALYS-API.md §3); `0` or `Infinity` = unlimited (benchmarks). A non-negative integer.
   */
  concurrency?: number | undefined;
  /**
   * A client-side rate budget: at most `calls` HTTP attempts started in any rolling window of
   * `windowMs` milliseconds (PM sends no `X-RateLimit-*` headers to follow, QUALYS-API.md §3).
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
   * {@link DEFAULT_TOKEN_LIFETIME_MS} (4 hours, QUALYS-API.md §2). When the JWT has an `exp`
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
  /** Wall clock in epoch milliseconds: token expiry and `Retry-After` dates. Default `Date.now`. For tests. */
  now?: (() => number) | undefined;
}

const noop = (): void => undefined;
const NOOP_LOGGER: QualysLogger = { debug: noop, warn: noop, error: noop };

/** Characters a forwarded bearer token may hold (visible ASCII): anything else could not be a header value. */
const BEARER_CHARS = /^[\x21-\x7e]+$/;

/** One endpoint call, as the client's methods describe it. */
interface CallSpec<S extends z.ZodType> {
  /** Endpoint template, e.g. `GET /pm/v1/deploymentjob/{id}`. */
  readonly endpoint: string;
  readonly method: QualysHttpMethod;
  /** Concrete path with encoded ids. */
  readonly path: string;
  readonly query?: URLSearchParams | undefined;
  /** JSON body (POST, PATCH, the bulk DELETE); serialised once per call, before any request. */
  readonly json?: unknown;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The wire schema of the answer. */
  readonly schema: S;
  /** When the endpoint answers a list: an empty body or JSON `null` means `[]`. */
  readonly list: boolean;
}

/** The upstream-call budget of one session: HTTP attempts sent so far, and the most allowed. */
interface SessionBudget {
  /** Attempts reserved or sent (a reservation not sent is given back). */
  used: number;
  /** `QualysSessionOptions.maxCalls`. */
  readonly max: number;
}

/** The state of one API call across its attempts. */
interface CallState {
  /** The request's signal (session signal and deadline); `undefined` when it has neither. */
  readonly signal: AbortSignal | undefined;
  /** HTTP attempts sent so far (the next one is `attempt + 1`). */
  attempt: number;
  /** The session's own `onCall`. */
  readonly onCall: QualysSessionOptions['onCall'];
  /** The session's call budget, when it has one. */
  readonly budget: SessionBudget | undefined;
}

/** A parsed answer plus its headers (for `searchAfter`). */
interface CallResult<T> {
  readonly value: T;
  readonly headers: HttpHeaders;
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

/** Throws a plain `RangeError` when a batch is larger than its documented limit: loaders chunk. */
function assertBatch(method: string, size: number, limit: number): void {
  if (size > limit) {
    throw new RangeError(`QualysApi.${method}: at most ${limit} items per call (QUALYS_LIMITS), got ${size}`);
  }
}

function assertPaging(method: string, pageNumber: number | undefined, pageSize: number | undefined): void {
  if (pageNumber !== undefined && (!Number.isSafeInteger(pageNumber) || pageNumber < 0)) {
    throw new RangeError(`QualysApi.${method}: pageNumber must be an integer >= 0, got ${pageNumber}`);
  }
  if (pageSize !== undefined && (!Number.isSafeInteger(pageSize) || pageSize < 1)) {
    throw new RangeError(`QualysApi.${method}: pageSize must be an integer >= 1, got ${pageSize}`);
  }
}

/** `URLSearchParams` from the defined entries only, in the given order. */
function queryOf(entries: Record<string, string | number | undefined>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) {
    if (value !== undefined) q.set(key, String(value));
  }
  return q;
}

/** An attribute projection that always includes `id` (every normalised record requires it). */
function withId(attributes: readonly string[]): string[] {
  const list = attributes.map((a) => a.trim()).filter((a) => a !== '');
  return list.includes('id') ? list : ['id', ...list];
}

/** The `id` path segment, encoded; an empty id names no resource. */
function idSegment(endpoint: string, id: string): string {
  if (id === '') {
    throw new QualysNotFoundError('QUALYS_NOT_FOUND', `Qualys has no such resource (${endpoint})`, {
      endpoint,
    });
  }
  return encodeURIComponent(id);
}

/**
 * Serialises a call's JSON body once, before any request. A value JSON cannot represent (a
 * BigInt, a cycle) is a programming error of the caller: a `RangeError` naming only the method.
 */
function serialiseBody(endpoint: string, json: unknown): string | undefined {
  if (json === undefined) return undefined;
  try {
    return JSON.stringify(json);
  } catch (cause) {
    throw new RangeError(`QualysApi: the request body of ${endpoint} is not JSON-serialisable`, { cause });
  }
}

/** Throws a plain `RangeError` unless a mutation body is a JSON object (not null, not an array). */
function assertWireBody(method: string, body: QualysWireObject): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RangeError(`QualysApi.${method}: the body must be a JSON object`);
  }
}

/** Throws a plain `RangeError` unless `status` is a job configuration status; it becomes a path segment. */
function assertJobStatus(method: string, status: QualysJobConfigStatus): void {
  if (status !== 'Enabled' && status !== 'Disabled') {
    throw new RangeError(
      `QualysApi.${method}: status must be "Enabled" or "Disabled", got ${String(status)}`,
    );
  }
}

/**
 * The job ids of a bulk call, checked (an array of non-blank strings, else a plain `RangeError`)
 * and with duplicates removed, first occurrence first.
 */
function bulkJobIds(method: string, ids: readonly string[]): string[] {
  if (!Array.isArray(ids)) {
    throw new RangeError(`QualysApi.${method}: ids must be an array of job ids`);
  }
  for (const id of ids) {
    if (typeof id !== 'string' || id.trim() === '') {
      throw new RangeError(`QualysApi.${method}: every job id must be a non-empty string`);
    }
  }
  return [...new Set(ids)];
}

/** The error of the failure item added for an asked id that a bulk answer leaves out. */
export const BULK_NO_RESULT_ERROR = 'Qualys returned no result for this job';

/**
 * Maps a bulk answer to {@link QualysBulkJobResult}s: Qualys' items in its order (`status`
 * compared case-insensitively with "success"), then one failure with
 * {@link BULK_NO_RESULT_ERROR} per asked id that no item names (ids compared trimmed).
 */
function toBulkJobResults(
  asked: readonly string[],
  items: readonly QualysBulkJobResultItem[],
  secrets: readonly string[],
): QualysBulkJobResult[] {
  const results: QualysBulkJobResult[] = items.map((item) => ({
    id: item.id,
    name: item.name,
    success: isBulkJobSuccess(item),
    // Qualys' words reach clients: sanitised like an `_error.message`.
    error: item.error === null ? null : sanitizeUpstreamMessage(item.error, secrets),
  }));
  const answered = new Set(items.map((item) => item.id));
  for (const id of asked) {
    if (!answered.has(id.trim())) {
      results.push({ id, name: null, success: false, error: BULK_NO_RESULT_ERROR });
    }
  }
  return results;
}

/**
 * Creates a Qualys PM/MTG client.
 *
 * Shape: `options` as {@link QualysClientOptions}; returns a {@link QualysClient} whose
 * `session({ bearerToken, signal })` gives the per-caller {@link QualysApi}. Each API method
 * sends one documented request (`accept: application/json`, query values URL-encoded with
 * `URLSearchParams`, path ids with `encodeURIComponent`, JSON bodies with `content-type:
 * application/json` for POST, PATCH and the bulk DELETE) and parses the answer with its zod
 * schema.
 *
 * Authentication: a session's `bearerToken` is sent as `Authorization: Bearer <token>` and a
 * 401 to it is final. Without one, the service credentials' JWT is used (obtained with
 * `POST /auth`, cached, refreshed before expiry); after a 401 it is dropped, refreshed once and
 * the call retried once. The 401 retry is safe for job mutations too, since Qualys' gateway
 * rejects a bad token before the request runs.
 *
 * Upstream governor (per client, i.e. per Qualys subscription; options `concurrency`,
 * `rateLimit`, `retry`, `circuitBreaker`): every API attempt passes the circuit breaker, then
 * waits in one FIFO queue for a concurrency slot and a rate token (until the session's
 * `signal`/`deadline` ends: `QUALYS_ABORTED`, nothing sent), then runs with its own `timeoutMs`.
 * Idempotent reads are retried on 409/429, 5xx, network errors and timeouts; job mutations
 * (create, update, enable/disable, delete) never are: one that times out, gets a 5xx or a
 * 409/429, or loses its connection is not re-sent (Qualys may have applied it; a 409/429 is
 * returned as `QUALYS_RATE_LIMITED` with `retryAfterMs` for the caller to decide).
 *
 * Every API method rejects only with a `QualysError` (`./errors.ts`):
 * - `QUALYS_UNAUTHORIZED` (401/403; or no bearer token and no service credentials, without any
 *   request), `QUALYS_AUTH_FAILED` (`POST /auth` refused the service credentials);
 * - `QUALYS_NOT_FOUND` (404 or `_error.code` 404), `QUALYS_RATE_LIMITED` (409/429, with
 *   `retryAfterMs`), `QUALYS_RECORD_CAP` (`_error.errorCode` "2501"), `QUALYS_BAD_REQUEST` (400
 *   with `_error`: Qualys' message kept), `QUALYS_HTTP_STATUS` (other non-2xx); a 200 body that
 *   is exactly `{"_error":{...}}` is mapped the same way;
 * - `QUALYS_TIMEOUT` (after `timeoutMs`), `QUALYS_ABORTED` (the session signal aborted),
 *   `QUALYS_NETWORK` (socket errors, refused/reset connections, a closed client),
 *   `QUALYS_CIRCUIT_OPEN` (the circuit breaker is open; no request sent);
 * - `QUALYS_BAD_PAYLOAD` (not JSON, or not matching the schema; details in `logger.warn`).
 * Programming errors (a batch over its `QUALYS_LIMITS`, a negative page number, a blank job id
 * in a bulk call, a mutation body that is not a JSON object) throw a plain `RangeError` before
 * any request.
 *
 * @throws TypeError when `baseUrl` is not an absolute http(s) URL or the credentials are empty.
 * @throws RangeError when a duration, count or governor option is out of range (see
 *   {@link QualysClientOptions}) or the refresh margin is not smaller than the token lifetime.
 */
export function createQualysClient(options: QualysClientOptions): QualysClient {
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
  const breaker = createBreaker({
    failureThreshold: positiveInteger(
      'circuitBreaker.failureThreshold',
      options.circuitBreaker?.failureThreshold ?? DEFAULT_BREAKER_FAILURE_THRESHOLD,
    ),
    halfOpenAfterMs: positiveInteger(
      'circuitBreaker.halfOpenAfterMs',
      options.circuitBreaker?.halfOpenAfterMs ?? DEFAULT_BREAKER_HALF_OPEN_AFTER_MS,
    ),
  });
  const gate = new UpstreamGate(concurrency, rateLimit);
  const credentials = options.credentials;
  if (credentials && (credentials.username === '' || credentials.password === '')) {
    throw new TypeError('createQualysClient: credentials need a non-empty username and password');
  }

  const ownedAgent = options.dispatcher
    ? undefined
    : new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
  const dispatcher: Dispatcher = options.dispatcher ?? (ownedAgent as Agent);
  const logger = options.logger ?? NOOP_LOGGER;
  let closed = false;
  let closing: Promise<void> | undefined;

  // Every spelling of the Qualys host, redacted from Qualys' own messages like a secret.
  const hostForms = baseUrlHostForms(baseUrl);
  const http: HttpDeps = {
    baseUrl,
    dispatcher,
    logger,
    onCall: options.onCall,
    now: options.now ?? Date.now,
    isClosed: () => closed,
  };

  const tokens: TokenManager | undefined = credentials
    ? createTokenManager({ http, credentials, tokenLifetimeMs, tokenRefreshMarginMs, timeoutMs })
    : undefined;

  /** One HTTP attempt sending `token` as `Authorization: Bearer <token>`: send, map status, parse. */
  async function attempt<S extends z.ZodType>(
    spec: CallSpec<S>,
    body: string | undefined,
    token: string,
    deadline: CallDeadline,
    extra: AttemptExtra,
  ): Promise<CallResult<z.output<S>>> {
    // Strings never to echo should Qualys quote them back in an `_error.message`.
    const secrets = credentials
      ? [token, credentials.password, credentials.username, ...hostForms]
      : [token, ...hostForms];
    return reportAttempt(
      http,
      spec,
      async (setStatus) => {
        const headers: Record<string, string> = {
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          ...spec.headers,
        };
        if (body !== undefined) headers['content-type'] = 'application/json';
        let res: Awaited<ReturnType<typeof sendHttp>>;
        try {
          res = await sendHttp(
            http,
            {
              endpoint: spec.endpoint,
              method: spec.method,
              path: spec.path,
              query: spec.query,
              headers,
              body,
            },
            deadline.signal,
          );
        } catch (err) {
          throw deadline.toError(err, spec.endpoint);
        }
        setStatus(res.status);
        // Parsed once: the error check and the payload share it (large pages cost ~25 % CPU twice).
        const json = parseJsonText(res.text);
        const failure = errorFromResponse(res, spec.endpoint, http.now, secrets, json);
        if (failure) throw failure;

        if (!json.ok) {
          logger.warn(
            { endpoint: spec.endpoint, status: res.status, bodyLength: res.text.length },
            'Qualys answered a body that is not JSON',
          );
          throw badPayload(spec.endpoint, res.status);
        }
        const input = spec.list && (json.value === undefined || json.value === null) ? [] : json.value;
        const parsed = spec.schema.safeParse(input);
        if (!parsed.success) {
          logger.warn(
            { endpoint: spec.endpoint, status: res.status, issues: z.prettifyError(parsed.error) },
            'Qualys payload does not match the wire schema',
          );
          throw badPayload(spec.endpoint, res.status);
        }
        return { value: parsed.data, headers: res.headers };
      },
      extra,
    );
  }

  /**
   * One governed HTTP attempt: a call from the session's budget (`UPSTREAM_BUDGET_EXCEEDED` when
   * it is used up; nothing is sent), a FIFO slot under the concurrency cap and rate budget (left
   * with `QUALYS_ABORTED` when the request's signal ends while queued; nothing is sent), then the
   * attempt with its own `timeoutMs` combined with the request's signal. A reserved call that is
   * not sent (aborted while queued, client closed) is given back to the budget: the budget counts
   * the attempts reported to `onCall`, as `extensions.upstream.calls` does.
   */
  async function governed<S extends z.ZodType>(
    spec: CallSpec<S>,
    body: string | undefined,
    token: string,
    call: CallState,
  ): Promise<CallResult<z.output<S>>> {
    const { budget } = call;
    if (budget !== undefined) {
      if (budget.used >= budget.max) throw new UpstreamBudgetExceededError(spec.endpoint, budget.max);
      budget.used += 1;
    }
    const giveBack = (): void => {
      if (budget !== undefined) budget.used -= 1;
    };
    const enqueuedAt = performance.now();
    let release: () => void;
    try {
      release = await gate.acquire(call.signal);
    } catch (err) {
      giveBack();
      throw aborted(spec.endpoint, 'while queued', err, false);
    }
    try {
      const deadline = new CallDeadline(timeoutMs, call.signal);
      // Checked before the attempt is reported: onCall counts requests actually sent.
      if (deadline.signal.aborted || closed) {
        giveBack();
        if (closed) {
          throw new QualysNetworkError('QUALYS_NETWORK', `The Qualys client is closed (${spec.endpoint})`, {
            endpoint: spec.endpoint,
            requestSent: false,
          });
        }
        throw withRequestNotSent(deadline.toError(deadline.signal.reason, spec.endpoint));
      }
      call.attempt += 1;
      return await attempt(spec, body, token, deadline, {
        attempt: call.attempt,
        queuedMs: performance.now() - enqueuedAt,
        onCall: call.onCall,
      });
    } finally {
      release();
    }
  }

  /**
   * Runs one whole call (all its tries) through the circuit breaker: it fails fast with
   * `QUALYS_CIRCUIT_OPEN` while the circuit is open, and the call's final outcome is what the
   * breaker counts. Counting calls rather than attempts keeps a failure a retry recovered from
   * out of the count: with attempts counted, the soak's ~20 % injected 5xx/resets opened the
   * circuit several times a minute and its fail-fast answers became the most frequent error.
   */
  async function throughBreaker<T>(endpoint: string, run: () => Promise<T>): Promise<T> {
    try {
      return await breaker.execute(run);
    } catch (err) {
      if (err instanceof BrokenCircuitError) {
        throw new QualysCircuitOpenError(
          'QUALYS_CIRCUIT_OPEN',
          `Qualys is failing; the client's circuit breaker is open, no request was sent (${endpoint})`,
          { endpoint, requestSent: false },
        );
      }
      throw err;
    }
  }

  /**
   * `QUALYS_ABORTED` for a call the caller's signal or deadline ended outside an HTTP attempt;
   * `requestSent: false` when no attempt of it can have been sent (ended while queued).
   */
  function aborted(endpoint: string, when: string, cause: unknown, requestSent = true): QualysError {
    if (isQualysError(cause)) return requestSent ? cause : withRequestNotSent(cause);
    return new QualysTimeoutError(
      'QUALYS_ABORTED',
      `The Qualys call was cancelled by the caller ${when} (${endpoint})`,
      { endpoint, cause, requestSent },
    );
  }

  /**
   * One try of a call: authentication and the governed attempt, plus the one re-send after a 401
   * to a service token. That re-send applies to the job mutations too: a 401 means Qualys' API
   * gateway refused the token before the request reached the service, so nothing was created,
   * changed or deleted, and sending it again with a fresh token cannot apply it twice.
   */
  async function tryOnce<S extends z.ZodType>(
    spec: CallSpec<S>,
    body: string | undefined,
    bearer: string | undefined,
    call: CallState,
  ): Promise<CallResult<z.output<S>>> {
    if (bearer !== undefined) return governed(spec, body, bearer, call);
    const serviceToken = async (): Promise<string> => {
      const wait = new CallDeadline(timeoutMs, call.signal);
      try {
        return await raceAbort((tokens as TokenManager).getToken(), wait.signal);
      } catch (err) {
        // No token, so the call itself was not sent (whatever happened to `POST /auth`).
        throw withRequestNotSent(wait.toError(err, spec.endpoint));
      }
    };
    const first = await serviceToken();
    try {
      return await governed(spec, body, first, call);
    } catch (err) {
      // Only an HTTP 401 (the gateway refused the token; the request never ran) is re-sent.
      if (!(err instanceof QualysUnauthorizedError && err.status === 401)) throw err;
      logger.warn({ endpoint: spec.endpoint }, 'Qualys rejected the service token; refreshing it once');
      (tokens as TokenManager).invalidate(first);
    }
    const second = await serviceToken();
    return governed(spec, body, second, call);
  }

  /**
   * Runs one API call for a session. Idempotent calls (GETs and {@link READ_ONLY_POSTS}) are
   * tried up to `retry.maxAttempts` times on throttling (409/429), 5xx, network errors and
   * per-attempt timeouts, waiting Qualys' `Retry-After` or a jittered exponential backoff; a
   * retry is not started when its wait would end after the request's deadline (the last error is
   * returned), and an abort during the wait is `QUALYS_ABORTED`. Job mutations are tried once
   * (plus the 401 re-send of {@link tryOnce}): a timeout, 5xx, reset or 409/429 is returned to the
   * caller without sending the request again, since Qualys may have applied it.
   */
  async function execute<S extends z.ZodType>(
    spec: CallSpec<S>,
    session: QualysSessionOptions,
    budget: SessionBudget | undefined,
  ): Promise<CallResult<z.output<S>>> {
    const body = serialiseBody(spec.endpoint, spec.json);
    // Before the breaker: a request that cannot be sent says nothing about Qualys' health.
    assertSendableHeaders(spec.endpoint, spec.headers);
    const bearer = session.bearerToken;
    const forwarded = bearer !== undefined && bearer !== '';
    const scope = requestScope(session);
    try {
      if (scope.signal?.aborted)
        throw new CallDeadline(timeoutMs, scope.signal).toError(scope.signal.reason, spec.endpoint);
      if (forwarded && !BEARER_CHARS.test(bearer)) {
        throw new QualysUnauthorizedError('QUALYS_UNAUTHORIZED', 'The forwarded bearer token is malformed', {
          endpoint: spec.endpoint,
        });
      }
      if (!forwarded && !tokens) {
        throw new QualysUnauthorizedError(
          'QUALYS_UNAUTHORIZED',
          'No Qualys credentials: the request carries no bearer token and no service credentials are configured',
          { endpoint: spec.endpoint },
        );
      }
      // Before the breaker too: an operation out of calls says nothing about Qualys' health.
      if (budget !== undefined && budget.used >= budget.max) {
        throw new UpstreamBudgetExceededError(spec.endpoint, budget.max);
      }
      const call: CallState = { signal: scope.signal, attempt: 0, onCall: session.onCall, budget };
      const token = forwarded ? bearer : undefined;
      const idempotent = spec.method === 'GET' || READ_ONLY_POSTS.has(spec.endpoint);
      // Job mutations are tried once: Qualys may have applied one whose answer was lost.
      const run =
        idempotent && retry.maxAttempts > 1
          ? () => tryWithRetries(spec, body, token, call, scope)
          : () => tryOnce(spec, body, token, call);
      return await throughBreaker(spec.endpoint, run);
    } finally {
      scope.dispose();
    }
  }

  /**
   * The tries of an idempotent call: up to `retry.maxAttempts`, waiting Qualys' `Retry-After` or
   * a jittered backoff between them, never past the request's deadline; the last error otherwise.
   */
  async function tryWithRetries<S extends z.ZodType>(
    spec: CallSpec<S>,
    body: string | undefined,
    token: string | undefined,
    call: CallState,
    scope: { signal: AbortSignal | undefined; deadline: number | undefined },
  ): Promise<CallResult<z.output<S>>> {
    const delays = new RetryDelays(retry);
    for (let tries = 1; ; tries += 1) {
      try {
        return await tryOnce(spec, body, token, call);
      } catch (err) {
        if (!isRetryable(err) || closed || tries >= retry.maxAttempts) throw err;
        // A retry the budget cannot pay for is not made: the upstream failure stands.
        if (call.budget !== undefined && call.budget.used >= call.budget.max) throw err;
        if (err.retryAfterMs !== undefined && err.retryAfterMs > retry.maxRetryAfterMs) throw err;
        const waitMs = delays.next(err);
        if (scope.deadline !== undefined && http.now() + waitMs >= scope.deadline) throw err;
        logger.debug(
          { endpoint: spec.endpoint, errorCode: err.code, status: err.status ?? null, tries, waitMs },
          'retrying the Qualys call',
        );
        try {
          await sleep(waitMs, scope.signal);
        } catch (abortReason) {
          throw aborted(spec.endpoint, 'while waiting to retry', abortReason);
        }
      }
    }
  }

  /**
   * The request's signal for one call: the session's `signal` combined with a timer for its
   * `deadline` (a `setTimeout`, so fake timers drive it). `dispose` clears the timer.
   */
  function requestScope(session: QualysSessionOptions): {
    signal: AbortSignal | undefined;
    deadline: number | undefined;
    dispose: () => void;
  } {
    const deadline = session.deadline;
    if (deadline === undefined) return { signal: session.signal, deadline, dispose: noop };
    const expired = new AbortController();
    const timer = setTimeout(
      () => expired.abort(new Error('the request deadline passed')),
      Math.max(0, deadline - http.now()),
    );
    const signal = session.signal ? AbortSignal.any([session.signal, expired.signal]) : expired.signal;
    return { signal, deadline, dispose: () => clearTimeout(timer) };
  }

  function createSession(session: QualysSessionOptions): QualysApi {
    const { maxCalls } = session;
    if (maxCalls !== undefined && (!Number.isSafeInteger(maxCalls) || maxCalls < 0)) {
      throw new RangeError(`QualysClient.session: maxCalls must be an integer >= 0, got ${maxCalls}`);
    }
    const budget: SessionBudget | undefined = maxCalls === undefined ? undefined : { used: 0, max: maxCalls };
    const run = async <S extends z.ZodType>(spec: CallSpec<S>): Promise<z.output<S>> =>
      (await execute(spec, session, budget)).value;

    /** GET one job by id (PM or MTG path), parsed with the given schema (normalised or raw wire). */
    const getJob = async <S extends z.ZodType>(
      product: 'pm' | 'mtg',
      id: string,
      schema: S,
    ): Promise<z.output<S>> => {
      const endpoint = `GET /${product}/v1/deploymentjob/{id}`;
      return run({
        endpoint,
        method: 'GET',
        path: `/${product}/v1/deploymentjob/${idSegment(endpoint, id)}`,
        schema,
        list: false,
      });
    };

    const jobList = (
      method: string,
      endpointPath: string,
      params: ListDeploymentJobsParams,
    ): { endpoint: string; method: 'GET'; path: string; query: URLSearchParams } => {
      assertPaging(method, params.pageNumber, params.pageSize);
      return {
        endpoint: `GET ${endpointPath}`,
        method: 'GET',
        path: endpointPath,
        query: queryOf({
          platform: params.platform,
          filter: params.filter,
          pageNumber: params.pageNumber,
          pageSize: params.pageSize,
          sort: params.sort,
        }),
      };
    };

    /**
     * One bulk job call with body `{"ids":[...]}`: `status` (when given) is appended to the path
     * as `/{status}`; an empty id list answers `[]` without a request.
     */
    const bulk = async (
      method: string,
      httpMethod: 'POST' | 'DELETE',
      basePath: string,
      status: QualysJobConfigStatus | undefined,
      ids: readonly string[],
    ): Promise<QualysBulkJobResult[]> => {
      if (status !== undefined) assertJobStatus(method, status);
      const asked = bulkJobIds(method, ids);
      if (asked.length === 0) return [];
      const items = await run({
        endpoint: `${httpMethod} ${basePath}${status === undefined ? '' : '/{status}'}`,
        method: httpMethod,
        path: status === undefined ? basePath : `${basePath}/${status}`,
        json: { ids: asked },
        schema: QualysBulkJobResultListSchema,
        list: true,
      });
      const secrets = [session.bearerToken ?? '', credentials?.password ?? '', credentials?.username ?? ''];
      return toBulkJobResults(asked, items, [...secrets, ...hostForms]);
    };

    return {
      listDeploymentJobs: async (params) =>
        run({
          ...jobList('listDeploymentJobs', '/pm/v1/deploymentjobs', params),
          schema: QualysDeploymentJobListSchema,
          list: true,
        }),

      listDeploymentJobSummaries: async (params) =>
        run({
          ...jobList('listDeploymentJobSummaries', '/pm/v1/deploymentjobs/summary', params),
          schema: QualysDeploymentJobListSchema,
          list: true,
        }),

      listLinkableDeploymentJobs: async (params) =>
        run({
          ...jobList('listLinkableDeploymentJobs', '/pm/v1/deploymentjobs/availableToLink', params),
          schema: QualysLinkableJobListSchema,
          list: true,
        }),

      getDeploymentJob: (id) => getJob('pm', id, QualysDeploymentJobSchema),

      listDeploymentJobRuns: async (id) => {
        const endpoint = 'GET /pm/v1/deploymentjob/{id}/runs';
        return run({
          endpoint,
          method: 'GET',
          path: `/pm/v1/deploymentjob/${idSegment(endpoint, id)}/runs`,
          schema: QualysJobRunListSchema,
          list: true,
        });
      },

      getDeploymentJobResultSummary: async (id, params) => {
        const endpoint = 'GET /pm/v1/deploymentjob/{id}/deploymentjobresult/summary';
        const jobInstanceId = params?.jobInstanceId;
        if (jobInstanceId !== undefined && (!Number.isSafeInteger(jobInstanceId) || jobInstanceId < 0)) {
          throw new RangeError(
            `QualysApi.getDeploymentJobResultSummary: jobInstanceId must be an integer >= 0, got ${jobInstanceId}`,
          );
        }
        return run({
          endpoint,
          method: 'GET',
          path: `/pm/v1/deploymentjob/${idSegment(endpoint, id)}/deploymentjobresult/summary`,
          query: queryOf({ jobInstanceId }),
          schema: QualysJobResultSummarySchema,
          list: false,
        });
      },

      listPatches: async (params: ListPatchesParams) => {
        assertPaging('listPatches', params.pageNumber, params.pageSize);
        return run({
          endpoint: 'GET /pm/v1/patches',
          method: 'GET',
          path: '/pm/v1/patches',
          query: queryOf({
            platform: params.platform,
            query: params.query,
            havingQuery: params.havingQuery,
            pageNumber: params.pageNumber,
            pageSize: params.pageSize,
            sort: params.sort,
          }),
          schema: QualysPatchListSchema,
          list: true,
        });
      },

      getCatalogPatches: async (params: {
        platform: QualysPlatform;
        patchUuids: readonly string[];
        attributes?: readonly string[] | undefined;
      }) => {
        assertBatch('getCatalogPatches', params.patchUuids.length, QUALYS_LIMITS.patchUuidsPerCatalogCall);
        if (params.patchUuids.length === 0) return [];
        return run({
          endpoint: 'POST /pm/v1/patchcatalog/patches',
          method: 'POST',
          path: '/pm/v1/patchcatalog/patches',
          query: queryOf({
            platform: params.platform,
            attributes: params.attributes ? withId(params.attributes).join(',') : undefined,
          }),
          json: { patchUuid: [...params.patchUuids] },
          schema: QualysPatchListSchema,
          list: true,
        });
      },

      mapAssetIdsToUuids: async (assetIds: readonly number[]) => {
        assertBatch('mapAssetIdsToUuids', assetIds.length, QUALYS_LIMITS.assetIdsPerMapping);
        for (const id of assetIds) {
          if (!Number.isSafeInteger(id)) {
            throw new RangeError(`QualysApi.mapAssetIdsToUuids: asset ids must be integers, got ${id}`);
          }
        }
        if (assetIds.length === 0) return { mappedAssets: [], unmappedAssets: [] };
        return run({
          endpoint: 'POST /pm/v1/assets/uuids',
          method: 'POST',
          path: '/pm/v1/assets/uuids',
          json: [...assetIds],
          schema: QualysAssetUuidMappingSchema,
          list: false,
        });
      },

      listAssets: async (params: ListAssetsParams): Promise<QualysAssetPage> => {
        const pageSize = params.pageSize ?? QUALYS_LIMITS.assetsPerPage;
        assertPaging('listAssets', undefined, pageSize);
        assertBatch('listAssets', pageSize, QUALYS_LIMITS.assetsPerPage);
        // Absent keys are omitted, not sent as null.
        const body: { query?: string; havingQuery?: string; attributes?: string } = {};
        if (params.query !== undefined) body.query = params.query;
        if (params.havingQuery !== undefined) body.havingQuery = params.havingQuery;
        if (params.attributes !== undefined) body.attributes = withId(params.attributes).join(',');
        const cursor = params.searchAfter;
        const result = await execute(
          {
            endpoint: 'POST /pm/v1/assets',
            method: 'POST',
            path: '/pm/v1/assets',
            query: queryOf({ platform: params.platform, pageSize }),
            json: body,
            headers:
              cursor !== undefined && cursor !== null && cursor !== '' ? { searchAfter: cursor } : undefined,
            schema: QualysAssetListSchema,
            list: true,
          },
          session,
          budget,
        );
        const next = headerValue(result.headers, 'searchafter');
        const searchAfter =
          next === undefined || next.trim() === '' || result.value.length < pageSize ? null : next;
        return { assets: result.value, searchAfter };
      },

      listAssetsByPage: async (params: ListAssetsByPageParams) => {
        assertPaging('listAssetsByPage', params.pageNumber, params.pageSize);
        return run({
          endpoint: 'GET /pm/v1/assets',
          method: 'GET',
          path: '/pm/v1/assets',
          query: queryOf({
            platform: params.platform,
            query: params.query,
            havingQuery: params.havingQuery,
            pageNumber: params.pageNumber,
            pageSize: params.pageSize,
          }),
          schema: QualysAssetListSchema,
          list: true,
        });
      },

      getVulnerabilities: async (qids: readonly number[]) => {
        assertBatch('getVulnerabilities', qids.length, QUALYS_LIMITS.qidsPerCall);
        for (const qid of qids) {
          if (!Number.isSafeInteger(qid)) {
            throw new RangeError(`QualysApi.getVulnerabilities: QIDs must be integers, got ${qid}`);
          }
        }
        if (qids.length === 0) return [];
        return run({
          endpoint: 'POST /pm/v1/vulnerabilities',
          method: 'POST',
          path: '/pm/v1/vulnerabilities',
          json: { qids: [...qids] },
          schema: QualysVulnerabilityListSchema,
          list: true,
        });
      },

      getMitigationJob: (id) => getJob('mtg', id, QualysDeploymentJobSchema),

      getDeploymentJobWire: (id) => getJob('pm', id, QualysWireJobSchema),

      getMitigationJobWire: (id) => getJob('mtg', id, QualysWireJobSchema),

      createPatchJob: async (body) => {
        assertWireBody('createPatchJob', body);
        return run({
          endpoint: 'POST /pm/v2/deploymentjob',
          method: 'POST',
          path: '/pm/v2/deploymentjob',
          json: body,
          schema: QualysDeploymentJobSchema,
          list: false,
        });
      },

      updatePatchJob: async (id, body) => {
        assertWireBody('updatePatchJob', body);
        const endpoint = 'PATCH /pm/v2/deploymentjob/update/{id}';
        return run({
          endpoint,
          method: 'PATCH',
          path: `/pm/v2/deploymentjob/update/${idSegment(endpoint, id)}`,
          json: body,
          schema: QualysDeploymentJobSchema,
          list: false,
        });
      },

      createMitigationJob: async (body) => {
        assertWireBody('createMitigationJob', body);
        return run({
          endpoint: 'POST /mtg/v2/deploymentjob',
          method: 'POST',
          path: '/mtg/v2/deploymentjob',
          json: body,
          schema: QualysDeploymentJobSchema,
          list: false,
        });
      },

      updateMitigationJob: async (id, body) => {
        assertWireBody('updateMitigationJob', body);
        const endpoint = 'PATCH /mtg/v2/deploymentjob/{id}';
        return run({
          endpoint,
          method: 'PATCH',
          path: `/mtg/v2/deploymentjob/${idSegment(endpoint, id)}`,
          json: body,
          schema: QualysDeploymentJobSchema,
          list: false,
        });
      },

      setPatchJobsStatus: async (status, ids) =>
        bulk('setPatchJobsStatus', 'POST', '/pm/v1/deploymentjobs/update/status', status, ids),

      setMitigationJobsStatus: async (status, ids) =>
        bulk('setMitigationJobsStatus', 'POST', '/mtg/v1/deploymentjobs/update/status', status, ids),

      deletePatchJobs: async (ids) =>
        bulk('deletePatchJobs', 'DELETE', '/pm/v1/deploymentjobs', undefined, ids),
    };
  }

  return {
    session: createSession,
    hasServiceCredentials: credentials !== undefined,
    async probe(probeOptions) {
      const endpoint = 'GET /';
      const deadline = new CallDeadline(probeOptions?.timeoutMs ?? 5_000, undefined);
      try {
        // Any HTTP answer (even 401/404) proves the base URL reachable; the body is discarded.
        await sendHttp(
          http,
          { endpoint, method: 'GET', path: '/', headers: { accept: 'application/json' } },
          deadline.signal,
        );
      } catch (err) {
        throw deadline.toError(err, endpoint);
      }
      if (tokens) await tokens.getToken();
    },
    queueDepth: () => gate.queued,
    inFlight: () => gate.active,
    close(): Promise<void> {
      closed = true;
      closing ??= ownedAgent ? ownedAgent.close() : Promise.resolve();
      return closing;
    },
  };
}
