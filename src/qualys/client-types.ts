/**
 * The types of the client as a whole (the API methods are `QualysApi` in `./api.ts`): the
 * per-request session options, the client handle, the logger it writes to, and the report of
 * each HTTP attempt.
 */
import type { QualysApi } from './api.js';
import type { QualysErrorCode } from './errors.js';

/** How a session authenticates to Qualys. */
export interface QualysSessionOptions {
  /**
   * The caller's JWT, forwarded as `Authorization: Bearer <jwt>`. When absent, the client's
   * service credentials are used; when neither exists, calls fail with `QUALYS_UNAUTHORIZED`.
   */
  bearerToken?: string | undefined;
  /**
   * Aborts every call of this session (client disconnect, request deadline): a call waiting in
   * the client's queue leaves it at once with `QUALYS_ABORTED` (no request sent); a call in
   * flight or between retries stops with `QUALYS_ABORTED`.
   */
  signal?: AbortSignal | undefined;
  /**
   * The request's deadline, in epoch milliseconds (the client's `now` clock). Queued calls wait
   * at most until then, retries are not started when their wait would end after it, and when it
   * passes the session's calls fail with `QUALYS_ABORTED` like an aborted `signal`. Each attempt
   * still has its own `timeoutMs`. Default: none (only `signal` and the per-attempt timeouts).
   */
  deadline?: number | undefined;
  /**
   * Called after each HTTP attempt of this session's API calls, in addition to the client's
   * `onCall` (same {@link QualysCallEvent}; exceptions are logged and ignored). The shared
   * `POST /auth` of the service token is reported to the client's `onCall` only. Default: none.
   */
  onCall?: ((event: QualysCallEvent) => void) | undefined;
  /**
   * The session's upstream-call budget: at most this many HTTP attempts (retries and the re-send
   * after a 401 included; the shared `POST /auth` not). The attempt that would exceed it is not
   * sent: its call fails with `UpstreamBudgetExceededError` (`UPSTREAM_BUDGET_EXCEEDED`), and a
   * retry it would need is not made (the upstream failure stands). An integer >= 0. Default: none.
   */
  maxCalls?: number | undefined;
}

/** The Qualys client: shared connection pool and token cache; sessions are per request. */
export interface QualysClient {
  /** Returns the API bound to one caller's credentials and abort signal. Cheap. */
  session(options: QualysSessionOptions): QualysApi;
  /** True when service credentials (`QUALYS_USERNAME`/`QUALYS_PASSWORD`) are configured. */
  readonly hasServiceCredentials: boolean;
  /**
   * Readiness probe (the gateway's `/readiness`): one `GET /` to the base URL outside the
   * governor, where any HTTP answer counts as reachable, then, with service credentials, the
   * service token (the cached one while fresh, else one `POST /auth`). Not reported to `onCall`.
   * Optional so test doubles need not implement it.
   *
   * @throws QualysError `QUALYS_NETWORK` / `QUALYS_TIMEOUT` when Qualys is unreachable (within
   *   `timeoutMs`, default 5,000), `QUALYS_AUTH_FAILED` when the service credentials are refused.
   */
  probe?(options?: { timeoutMs?: number | undefined }): Promise<void>;
  /** Calls waiting in the governor's queue now (for a concurrency slot or a rate token). */
  queueDepth?(): number;
  /** Calls holding a governor slot (in flight to Qualys) now. */
  inFlight?(): number;
  /**
   * Releases the connection pool the client created for itself (an injected dispatcher is left
   * open: its owner closes it). Idempotent; calls made after it fail with `QUALYS_NETWORK`.
   */
  close(): Promise<void>;
}

/**
 * The logger the client writes to: the pino method shape (`logger.warn(obj, msg)`), so a pino
 * logger or a child of one can be passed as is. Logged objects never contain credentials,
 * tokens or upstream bodies.
 */
export interface QualysLogger {
  /** One line per HTTP attempt: the {@link QualysCallEvent} fields. */
  debug(obj: Record<string, unknown>, msg?: string): void;
  /** Payloads that do not match the wire schema (with the prettified zod issues), refreshed tokens. */
  warn(obj: Record<string, unknown>, msg?: string): void;
  /** Service credentials rejected by `POST /auth`. */
  error(obj: Record<string, unknown>, msg?: string): void;
}

/** The HTTP methods the client sends (reads GET/POST; job mutations also PATCH and DELETE). */
export type QualysHttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * What the client reports after each HTTP attempt to Qualys (API calls and `POST /auth`), so
 * the gateway can count and time upstream calls. Every HTTP attempt is one event: a call retried
 * after a 401, a 5xx or a 429 reports each attempt (see `attempt`). Contains no credentials, tokens, query strings or bodies.
 */
export interface QualysCallEvent {
  /** Endpoint template, e.g. `GET /pm/v1/deploymentjob/{id}` or `POST /auth`. */
  readonly endpoint: string;
  /** HTTP method sent. */
  readonly method: QualysHttpMethod;
  /** Concrete path sent, without the query string, e.g. `/pm/v1/deploymentjob/8ae6cd23-...`. */
  readonly path: string;
  /** HTTP status of the answer; `null` when none arrived (timeout, abort, network error). */
  readonly status: number | null;
  /** Wall time of the attempt in milliseconds, from sending to the body being parsed. */
  readonly durationMs: number;
  /** The {@link QualysErrorCode} the attempt failed with; `null` when it succeeded. */
  readonly errorCode: QualysErrorCode | null;
  /**
   * 1-based number of this HTTP attempt within its call: retries of an idempotent call and the
   * re-send after a 401 to a service token count up; `POST /auth` is always 1.
   */
  readonly attempt: number;
  /**
   * Time the attempt waited in the client's queue for a concurrency slot and a rate token, in
   * milliseconds (0 for `POST /auth`, which is not queued). Not part of `durationMs`.
   */
  readonly queuedMs: number;
}
