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
  | 'QUALYS_CIRCUIT_OPEN'
  /**
   * The gateway could not build a valid request (a header value with a control character, a URL
   * too long, an argument undici refuses): raised in this process before anything was sent, so
   * never retried and never counted by the circuit breaker. A gateway bug or unchecked input.
   */
  | 'QUALYS_REQUEST_INVALID'
  /**
   * The operation used up its upstream-call budget (`QUERY_MAX_UPSTREAM_CALLS`): this call was
   * not sent. Raised in this process; never retried, never counted by the circuit breaker.
   */
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

/**
 * The gateway could not build a valid request; nothing was sent (`QUALYS_REQUEST_INVALID`).
 * Its message names the endpoint and the part that was invalid, never the value.
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
 * The operation's upstream-call budget is used up; this call was not sent
 * (`UPSTREAM_BUDGET_EXCEEDED`). `maxCalls` is the budget (`QUERY_MAX_UPSTREAM_CALLS`).
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

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]*/gi;
const CREDENTIAL_PATTERN = /(?:\bauthorization\s*:\s*)?\b(?:bearer|basic)\s+[^\s,;"'<>`]+/gi;
/** A JWT, or what is left of one: three dot-separated base64url runs of 8+ characters (`eyJ…` or not). */
const JWT_PATTERN = /\beyJ[\w-]*\.[\w-]*\.[\w-]*|\b[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;
/** A long opaque token (40+ base64/base64url characters with a digit and a letter), e.g. a JWT part or a key. */
const OPAQUE_TOKEN_PATTERN =
  /(?<![\w+/=-])(?=[A-Za-z0-9+/=_-]*\d)(?=[A-Za-z0-9+/=_-]*[A-Za-z])[A-Za-z0-9+/=_-]{40,}(?![\w+/=-])/g;
/** IPv6 in brackets (`[::1]:8091`), or bare with a `::` or 7 colons (`fe80::1`, `2001:db8:0:0:0:0:0:1`). */
const IPV6_PATTERN =
  /\[[0-9a-f:.]*:[0-9a-f:.]*\](?::\d{1,5})?|(?<![\w:])(?:[0-9a-f]{0,4}:){1,7}:(?:[0-9a-f]{0,4}:?){0,7}(?![\w:])|(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])/gi;
const IPV4_PATTERN = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g;
/** A host name with a port (`qualys.example:443`), or of 3+ labels (`gateway.qg2.apps.qualys.com`). */
const HOST_PATTERN =
  /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}:\d{1,5}\b|\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){2,}[a-z][a-z0-9-]{1,62}\b/gi;
/** A two-label host name under a common top-level domain (`qualys.com`, `corp.local`). */
const SHORT_HOST_PATTERN =
  /\b[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.(?:com|net|org|io|eu|us|uk|de|fr|in|ca|au|jp|local|internal|corp|lan|intra|cloud|dev)\b/gi;
/** A host name with no dot but a port (`localhost:8091`). */
const BARE_HOST_PORT_PATTERN = /\b[a-z][a-z0-9-]{0,62}:\d{2,5}\b/gi;
const PATH_PATTERN = /(^|[^\w./-])\/(?=[\w{])[^\s"'<>`()[\]]*/g;
/** A Windows path (`C:\Program Files\…`) or a UNC path (`\\server\share\…`). */
const WINDOWS_PATH_PATTERN = /\b[a-z]:\\[^\s"'<>`]*|\\\\[\w.$-]+\\[^\s"'<>`]*/gi;

/**
 * Replaces what locates or authenticates an upstream request in a text meant for clients: URLs
 * become `[url]`; `Authorization`/`Bearer`/`Basic` credentials, JWTs (whole or in part) and long
 * opaque tokens `[redacted]`; IPv4 and IPv6 addresses (with a port, in brackets or not) and host
 * names (`gateway.qg2.apps.qualys.com`, `host:443`, `qualys.com`) `[host]`; absolute paths,
 * Unix (`/pm/v1/deploymentjobs`) or Windows (`C:\…`, `\\server\share`), `[path]`.
 * Used on Qualys' `_error.message` and on every message the gateway shows.
 */
export function redactUpstreamDetails(text: string): string {
  return text
    .replace(URL_PATTERN, '[url]')
    .replace(CREDENTIAL_PATTERN, '[redacted]')
    .replace(JWT_PATTERN, '[redacted]')
    .replace(WINDOWS_PATH_PATTERN, '[path]')
    .replace(IPV6_PATTERN, '[host]')
    .replace(IPV4_PATTERN, '[host]')
    .replace(HOST_PATTERN, '[host]')
    .replace(SHORT_HOST_PATTERN, '[host]')
    .replace(BARE_HOST_PORT_PATTERN, '[host]')
    .replace(OPAQUE_TOKEN_PATTERN, '[redacted]')
    .replace(PATH_PATTERN, '$1[path]');
}

/**
 * Every spelling of the base URL's host a message could carry, longest first: the origin,
 * `host:port` (with the scheme's default port when none is written), the host name, and for an
 * IPv6 host the bare address. Redacted from Qualys' messages like a secret (case-insensitively).
 */
export function baseUrlHostForms(baseUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return [];
  }
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
  const hostname = url.hostname;
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  const forms = new Set([url.origin, `${hostname}:${port}`, url.host, hostname, bare]);
  return [...forms].filter((f) => f !== '').sort((a, b) => b.length - a.length);
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
