/**
 * The Qualys client's error family. Every failure of a Qualys call is a {@link QualysError}
 * with a stable UPPER_SNAKE `code`, the endpoint template it came from (`GET
 * /pm/v1/deploymentjob/{id}`), the HTTP status when there was one, and Qualys' own
 * `_error.errorCode` when the body carried the envelope. Messages never contain credentials,
 * tokens, request bodies or upstream bodies; parse details go to the log only.
 */

/** Stable codes of {@link QualysError}. */
export type QualysErrorCode =
  /** Any non-2xx answer not covered by a more specific code. */
  | 'QUALYS_HTTP_STATUS'
  /** 400 with an `_error` envelope: Qualys rejected the request (its `errorCode` is kept). */
  | 'QUALYS_BAD_REQUEST'
  /** 404, or an `_error` envelope saying the resource does not exist. */
  | 'QUALYS_NOT_FOUND'
  /** 401/403 after the one allowed refresh, or a rejected forwarded token. */
  | 'QUALYS_UNAUTHORIZED'
  /** `POST /auth` refused the service credentials. */
  | 'QUALYS_AUTH_FAILED'
  /** 409 or 429: Qualys' concurrency or rate limit (QUALYS-API.md §3). */
  | 'QUALYS_RATE_LIMITED'
  /** `_error.errorCode` "2501": past the 10,000-record cap of offset paging (QUALYS-API.md §4). */
  | 'QUALYS_RECORD_CAP'
  /** The call did not finish within its `timeoutMs`. */
  | 'QUALYS_TIMEOUT'
  /** The caller's request was aborted (client went away, deadline passed). */
  | 'QUALYS_ABORTED'
  /** Connection refused or reset, DNS failure, socket error. */
  | 'QUALYS_NETWORK'
  /** The body was not JSON, or did not match the wire schema. */
  | 'QUALYS_BAD_PAYLOAD'
  /**
   * The client's circuit breaker is open after consecutive upstream failures (5xx, network,
   * timeouts): the call failed fast, no request was sent. Retry after `circuitBreaker.halfOpenAfterMs`.
   */
  | 'QUALYS_CIRCUIT_OPEN';

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
}

/**
 * Base class of every Qualys client failure.
 * Shape: `{ name, code, message, endpoint, status?, qualysErrorCode?, retryAfterMs?, cause? }`.
 */
export class QualysError extends Error {
  /** Stable machine-readable code. */
  readonly code: QualysErrorCode;
  /** Endpoint template the call went to. */
  readonly endpoint: string;
  /** HTTP status, when an answer arrived. */
  readonly status: number | undefined;
  /** Qualys' own `_error.errorCode`, when present. */
  readonly qualysErrorCode: string | undefined;
  /** How long Qualys asked us to wait before retrying, in ms, when it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(code: QualysErrorCode, message: string, init: QualysErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.code = code;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.qualysErrorCode = init.qualysErrorCode;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** A non-2xx answer (`QUALYS_HTTP_STATUS`, `QUALYS_BAD_REQUEST`, `QUALYS_RECORD_CAP`). */
export class QualysHttpError extends QualysError {}
/** The resource does not exist (`QUALYS_NOT_FOUND`). */
export class QualysNotFoundError extends QualysError {}
/** Authentication failed (`QUALYS_UNAUTHORIZED`, `QUALYS_AUTH_FAILED`). */
export class QualysUnauthorizedError extends QualysError {}
/** Throttled by Qualys (`QUALYS_RATE_LIMITED`). */
export class QualysRateLimitedError extends QualysError {}
/** Timed out (`QUALYS_TIMEOUT`) or aborted by the caller (`QUALYS_ABORTED`). */
export class QualysTimeoutError extends QualysError {}
/** Network failure (`QUALYS_NETWORK`). */
export class QualysNetworkError extends QualysError {}
/** Unparseable or schema-violating body (`QUALYS_BAD_PAYLOAD`). */
export class QualysBadPayloadError extends QualysError {}
/** The circuit breaker is open: failed fast without a request (`QUALYS_CIRCUIT_OPEN`). */
export class QualysCircuitOpenError extends QualysError {}

/** True when `e` is a {@link QualysError}. */
export function isQualysError(e: unknown): e is QualysError {
  return e instanceof QualysError;
}

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]*/gi;
const HOST_PATTERN = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g;
const CREDENTIAL_PATTERN = /(?:\bauthorization\s*:\s*)?\b(?:bearer|basic)\s+[^\s,;"'<>`]+/gi;
const JWT_PATTERN = /\beyJ[\w-]*\.[\w-]*\.[\w-]*/g;
const PATH_PATTERN = /(^|[^\w./-])\/(?=[\w{])[^\s"'<>`()[\]]*/g;

/**
 * Replaces what locates or authenticates an upstream request in a text meant for clients: URLs
 * become `[url]`, IPv4 addresses (with a port) `[host]`, `Authorization`/`Bearer`/`Basic`
 * credentials and JWTs `[redacted]`, absolute paths such as `/pm/v1/deploymentjobs` `[path]`.
 * Used on Qualys' `_error.message` and on every message the gateway shows.
 */
export function redactUpstreamDetails(text: string): string {
  return text
    .replace(URL_PATTERN, '[url]')
    .replace(CREDENTIAL_PATTERN, '[redacted]')
    .replace(JWT_PATTERN, '[redacted]')
    .replace(HOST_PATTERN, '[host]')
    .replace(PATH_PATTERN, '$1[path]');
}

/**
 * The message of a {@link QualysError} as a client may see it: without the endpoint template
 * (`Qualys answered HTTP 503 (GET /pm/v1/deploymentjob/{id})` → `Qualys answered HTTP 503`) and
 * passed through {@link redactUpstreamDetails}. The full message (with the endpoint) stays on
 * the error for logs.
 */
export function publicQualysMessage(error: QualysError): string {
  let message = error.message;
  const { endpoint } = error;
  if (endpoint !== '') {
    message = message
      .split(` (${endpoint})`)
      .join('')
      .split(`, ${endpoint})`)
      .join(')')
      .split(endpoint)
      .join('Qualys');
  }
  return redactUpstreamDetails(message);
}
