/**
 * The Qualys client's error catalogue, in the style of undici's `lib/core/errors.js`: one class
 * per failure, each fixing its own stable UPPER_SNAKE `code`. Every error carries the endpoint
 * template it came from (`GET /pm/v1/deploymentjob/{id}`), the HTTP status when there was one,
 * Qualys' own `_error.errorCode` when the body carried the envelope, and `requestSent`: whether
 * the request may have reached Qualys. Messages never contain credentials, tokens, request
 * bodies or upstream bodies; parse details go to the log only.
 *
 * The class tree keeps related failures together: `QualysHttpError` (`QUALYS_HTTP_STATUS`) is also
 * the base of the other non-2xx answers (`QualysBadRequestError`, `QualysRecordCapError`);
 * `QualysAuthFailedError` is a `QualysUnauthorizedError`; `QualysAbortedError` is a
 * `QualysTimeoutError` (the call ended before its answer, by the caller's hand).
 *
 * The answer-to-error mapping is in `./answers.ts`; redaction of client-visible texts in
 * `./redact.ts`.
 */

/** Stable codes of {@link QualysError}, one per class. */
export type QualysErrorCode =
  | 'QUALYS_HTTP_STATUS'
  | 'QUALYS_BAD_REQUEST'
  | 'QUALYS_NOT_FOUND'
  | 'QUALYS_UNAUTHORIZED'
  | 'QUALYS_AUTH_FAILED'
  | 'QUALYS_RATE_LIMITED'
  | 'QUALYS_RECORD_CAP'
  | 'QUALYS_TIMEOUT'
  | 'QUALYS_ABORTED'
  | 'QUALYS_NETWORK'
  | 'QUALYS_BAD_PAYLOAD'
  | 'QUALYS_CIRCUIT_OPEN'
  | 'QUALYS_REQUEST_INVALID'
  | 'UPSTREAM_BUDGET_EXCEEDED';

/** Construction fields of a {@link QualysError}. */
export interface QualysErrorInit {
  /** Endpoint template, e.g. `GET /pm/v1/deploymentjob/{id}`. */
  endpoint: string;
  /** HTTP status of the answer, when one arrived. */
  status?: number | undefined;
  /** Qualys' `_error.errorCode` (a digit string such as "2435"), when the body had one. */
  qualysErrorCode?: string | undefined;
  /** Seconds-resolution wait Qualys asked for (`Retry-After`, `X-RateLimit-ToWait-Sec`), in ms. */
  retryAfterMs?: number | undefined;
  /** The underlying error, for logs. */
  cause?: unknown;
  /**
   * Whether the request may have reached Qualys. `false` only when it provably did not (raised
   * before sending: circuit open, aborted while queued, budget used up, invalid request,
   * connection refused); default `true`. An idempotent create whose request was not sent may be
   * tried again with the same key.
   */
  requestSent?: boolean | undefined;
}

/**
 * Base class of every Qualys client failure.
 * Shape: `{ name, code, message, endpoint, status?, qualysErrorCode?, retryAfterMs?, requestSent, cause? }`.
 */
export abstract class QualysError extends Error {
  /** Stable machine-readable code, fixed by the class. */
  readonly code: QualysErrorCode;
  /** Endpoint template the call went to. */
  readonly endpoint: string;
  /** HTTP status, when an answer arrived. */
  readonly status: number | undefined;
  /** Qualys' own `_error.errorCode`, when present. */
  readonly qualysErrorCode: string | undefined;
  /** How long Qualys asked us to wait before retrying, in ms, when it said so. */
  readonly retryAfterMs: number | undefined;
  /** False when the request provably never left this process (see {@link QualysErrorInit.requestSent}). */
  readonly requestSent: boolean;

  constructor(code: QualysErrorCode, message: string, init: QualysErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.code = code;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.qualysErrorCode = init.qualysErrorCode;
    this.retryAfterMs = init.retryAfterMs;
    this.requestSent = init.requestSent ?? true;
  }
}

/**
 * `QUALYS_HTTP_STATUS`: a non-2xx answer not covered by a more specific code; also the base of
 * the other non-2xx answers ({@link QualysBadRequestError}, {@link QualysRecordCapError}).
 */
export class QualysHttpError extends QualysError {
  constructor(
    message: string,
    init: QualysErrorInit,
    code: 'QUALYS_HTTP_STATUS' | 'QUALYS_BAD_REQUEST' | 'QUALYS_RECORD_CAP' = 'QUALYS_HTTP_STATUS',
  ) {
    super(code, message, init);
  }
}

/** `QUALYS_BAD_REQUEST`: a 400 with an `_error` envelope; Qualys rejected the request (its `errorCode` kept). */
export class QualysBadRequestError extends QualysHttpError {
  constructor(message: string, init: QualysErrorInit) {
    super(message, init, 'QUALYS_BAD_REQUEST');
  }
}

/**
 * `QUALYS_RECORD_CAP`: past the 10,000-record cap of offset paging (Qualys `_error.errorCode`
 * "2501", docs/qualys-api.md §4), or a page the gateway did not ask for because it lies past it.
 */
export class QualysRecordCapError extends QualysHttpError {
  constructor(message: string, init: QualysErrorInit) {
    super(message, init, 'QUALYS_RECORD_CAP');
  }

  /** The cap reached before any call: the page lies past it, so nothing was sent. */
  static beforeCall(endpoint: string, message: string): QualysRecordCapError {
    return new QualysRecordCapError(message, { endpoint, requestSent: false });
  }
}

/** `QUALYS_NOT_FOUND`: a 404, or an `_error` envelope saying the resource does not exist. */
export class QualysNotFoundError extends QualysError {
  constructor(message: string, init: QualysErrorInit) {
    super('QUALYS_NOT_FOUND', message, init);
  }

  /** An id that names no resource (empty), answered without a call. */
  static beforeCall(endpoint: string): QualysNotFoundError {
    return new QualysNotFoundError(`Qualys has no such resource (${endpoint})`, {
      endpoint,
      requestSent: false,
    });
  }
}

/** `QUALYS_UNAUTHORIZED`: 401/403 after the one allowed refresh, a rejected or missing forwarded token. */
export class QualysUnauthorizedError extends QualysError {
  constructor(
    message: string,
    init: QualysErrorInit,
    code: 'QUALYS_UNAUTHORIZED' | 'QUALYS_AUTH_FAILED' = 'QUALYS_UNAUTHORIZED',
  ) {
    super(code, message, init);
  }
}

/** `QUALYS_AUTH_FAILED`: `POST /auth` refused the service credentials. */
export class QualysAuthFailedError extends QualysUnauthorizedError {
  constructor(message: string, init: QualysErrorInit) {
    super(message, init, 'QUALYS_AUTH_FAILED');
  }
}

/** `QUALYS_RATE_LIMITED`: a 409 or 429, Qualys' concurrency or rate limit (docs/qualys-api.md §3). */
export class QualysRateLimitedError extends QualysError {
  constructor(message: string, init: QualysErrorInit) {
    super('QUALYS_RATE_LIMITED', message, init);
  }
}

/** `QUALYS_TIMEOUT`: the call did not finish within its `timeoutMs`. */
export class QualysTimeoutError extends QualysError {
  constructor(
    message: string,
    init: QualysErrorInit,
    code: 'QUALYS_TIMEOUT' | 'QUALYS_ABORTED' = 'QUALYS_TIMEOUT',
  ) {
    super(code, message, init);
  }
}

/** `QUALYS_ABORTED`: the caller's request was aborted (client went away, deadline passed). */
export class QualysAbortedError extends QualysTimeoutError {
  constructor(message: string, init: QualysErrorInit) {
    super(message, init, 'QUALYS_ABORTED');
  }
}

/** `QUALYS_NETWORK`: connection refused or reset, DNS failure, socket error, a closed client. */
export class QualysNetworkError extends QualysError {
  constructor(message: string, init: QualysErrorInit) {
    super('QUALYS_NETWORK', message, init);
  }
}

/** `QUALYS_BAD_PAYLOAD`: the body was not JSON, or did not match the wire schema. */
export class QualysBadPayloadError extends QualysError {
  constructor(message: string, init: QualysErrorInit) {
    super('QUALYS_BAD_PAYLOAD', message, init);
  }
}

/**
 * `QUALYS_CIRCUIT_OPEN`: the client's circuit breaker is open after consecutive upstream
 * failures (5xx, network, timeouts); the call failed fast and no request was sent.
 */
export class QualysCircuitOpenError extends QualysError {
  constructor(endpoint: string) {
    super(
      'QUALYS_CIRCUIT_OPEN',
      `Qualys is failing; the client's circuit breaker is open, no request was sent (${endpoint})`,
      { endpoint, requestSent: false },
    );
  }
}

/**
 * `QUALYS_REQUEST_INVALID`: the gateway could not build a valid request (a header value with a
 * control character, an argument undici refuses); raised in this process before anything was
 * sent, so never retried and never counted by the circuit breaker. Its message names the
 * endpoint and the part that was invalid, never the value.
 */
export class QualysRequestInvalidError extends QualysError {
  constructor(endpoint: string, what: string, cause?: unknown) {
    super('QUALYS_REQUEST_INVALID', `The gateway could not send this Qualys request: ${what} (${endpoint})`, {
      endpoint,
      cause,
      requestSent: false,
    });
  }
}

/**
 * `UPSTREAM_BUDGET_EXCEEDED`: the operation's upstream-call budget is used up; this call was not
 * sent. `maxCalls` is the budget (`QUERY_MAX_UPSTREAM_CALLS`). Raised in this process; never
 * retried, never counted by the circuit breaker.
 */
export class UpstreamBudgetExceededError extends QualysError {
  /** The budget: Qualys calls one operation may make. */
  readonly maxCalls: number;

  constructor(endpoint: string, maxCalls: number) {
    super(
      'UPSTREAM_BUDGET_EXCEEDED',
      `This operation reached its budget of ${maxCalls} Qualys calls, so this field was not loaded ` +
        `(${endpoint}). Ask for fewer items or fewer nested lists, or split the operation.`,
      { endpoint, requestSent: false },
    );
    this.maxCalls = maxCalls;
  }
}

/**
 * The same error, marked `requestSent: false` (a copy of the same class; `error` is unchanged).
 * For failures that stopped a call before its request was sent, e.g. no service token.
 */
export function withRequestNotSent<E extends QualysError>(error: E): E {
  if (!error.requestSent) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as E;
  Object.defineProperties(copy, Object.getOwnPropertyDescriptors(error));
  Object.defineProperty(copy, 'requestSent', { value: false, enumerable: true });
  return copy;
}

/** True when `e` is a {@link QualysError}. */
export function isQualysError(e: unknown): e is QualysError {
  return e instanceof QualysError;
}
