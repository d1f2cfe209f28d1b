/**
 * The HTTP layer of the Qualys client: one attempt against the Qualys API gateway with undici's
 * `request()`, its deadline (per-call timeout combined with the caller's abort signal), the
 * mapping of transport failures and HTTP answers to the {@link QualysError} family, and the
 * per-attempt report (`onCall`, debug log). Internal to `src/qualys/`: `client.ts` and
 * `auth.ts` build on it; nothing here knows endpoints or schemas beyond the `_error` envelope.
 *
 * Source: QUALYS-API.md §3 (409/429, `Retry-After`, `X-RateLimit-ToWait-Sec`), §5 (the `_error`
 * envelope, seed 003 co-author sample), §2 (401).
 */
import { type Dispatcher, request } from 'undici';
import type { QualysCallEvent, QualysHttpMethod, QualysLogger } from './api.js';
import {
  isQualysError,
  QualysBadPayloadError,
  type QualysError,
  type QualysErrorCode,
  QualysHttpError,
  QualysNetworkError,
  QualysNotFoundError,
  QualysRateLimitedError,
  QualysRequestInvalidError,
  QualysTimeoutError,
  QualysUnauthorizedError,
  redactUpstreamDetails,
} from './errors.js';
import { type QualysErrorEnvelope, QualysErrorEnvelopeSchema } from './schemas/index.js';

/** Response headers as undici gives them: lower-case names. */
export type HttpHeaders = Dispatcher.ResponseData['headers'];

/** What the HTTP layer needs from the client. */
export interface HttpDeps {
  /** Base URL without a trailing slash, e.g. `https://gateway.qg2.apps.qualys.com`. */
  readonly baseUrl: string;
  /** The undici dispatcher every request goes through. */
  readonly dispatcher: Dispatcher;
  /** Where attempts and payload problems are logged. */
  readonly logger: QualysLogger;
  /** Called once per HTTP attempt; see {@link QualysCallEvent}. */
  readonly onCall: ((event: QualysCallEvent) => void) | undefined;
  /** Wall clock in epoch ms (for `Retry-After` HTTP dates). */
  readonly now: () => number;
  /** True once the client was closed: no further requests are sent. */
  readonly isClosed: () => boolean;
}

/** One request to send. */
export interface HttpRequest {
  /** Endpoint template for errors and reports, e.g. `GET /pm/v1/deploymentjob/{id}`. */
  readonly endpoint: string;
  /** HTTP method. */
  readonly method: QualysHttpMethod;
  /** Concrete path, ids already encoded, without query string. */
  readonly path: string;
  /** Query parameters; values are URL-encoded by `URLSearchParams`. */
  readonly query?: URLSearchParams | undefined;
  /** Request headers (lower-case names, except Qualys' own `searchAfter`). */
  readonly headers: Readonly<Record<string, string>>;
  /** Request body, already serialised (POST, PATCH, and the bulk DELETE). */
  readonly body?: string | undefined;
}

/** An answer whose body was read completely. */
export interface HttpResponse {
  /** HTTP status code. */
  readonly status: number;
  /** Response headers, lower-case names. */
  readonly headers: HttpHeaders;
  /** The whole body as text (`""` when empty). */
  readonly text: string;
}

/**
 * The deadline of one client call: `AbortSignal.timeout(timeoutMs)` combined with the caller's
 * session signal (`AbortSignal.any`). Attempts of the same call (the retry after a 401, the
 * wait for a token) share it. It tells a timeout from a caller abort when mapping failures.
 */
export class CallDeadline {
  /** Aborts when the call timed out or the caller aborted. */
  readonly signal: AbortSignal;
  readonly #timeout: AbortSignal;
  readonly #session: AbortSignal | undefined;
  readonly #timeoutMs: number;

  /**
   * @param timeoutMs - time allowed for the whole call, in milliseconds.
   * @param session - the caller's abort signal, if any.
   */
  constructor(timeoutMs: number, session: AbortSignal | undefined) {
    this.#timeoutMs = timeoutMs;
    this.#timeout = AbortSignal.timeout(timeoutMs);
    this.#session = session;
    this.signal = session ? AbortSignal.any([session, this.#timeout]) : this.#timeout;
  }

  /**
   * Throws when the deadline has already passed or the caller aborted, so no request is sent.
   * @throws QualysTimeoutError `QUALYS_ABORTED` or `QUALYS_TIMEOUT`.
   */
  throwIfDone(endpoint: string): void {
    if (this.signal.aborted) throw this.toError(this.signal.reason, endpoint);
  }

  /**
   * Maps a failure that happened while sending or reading to a {@link QualysError}: a
   * `QualysError` passes through; an error undici or Node raise about the request itself before
   * sending it (an invalid header value or URL, {@link LOCAL_REQUEST_ERROR_CODES}) is
   * `QUALYS_REQUEST_INVALID` (nothing sent, never retried, never counted by the breaker); a
   * caller abort is `QUALYS_ABORTED`; the timeout is `QUALYS_TIMEOUT`; anything else (socket
   * errors, refused or reset connections) is `QUALYS_NETWORK`, with `requestSent: false` when
   * the connection was never established. The message never contains the cause's text.
   */
  toError(err: unknown, endpoint: string): QualysError {
    if (isQualysError(err)) return err;
    const code = errorCodeOf(err);
    if (code !== undefined && LOCAL_REQUEST_ERROR_CODES.has(code)) {
      return new QualysRequestInvalidError(endpoint, `the request was refused before sending (${code})`, err);
    }
    if (this.#session?.aborted) {
      return new QualysTimeoutError(
        'QUALYS_ABORTED',
        `The Qualys call was cancelled by the caller (${endpoint})`,
        {
          endpoint,
          cause: err,
        },
      );
    }
    if (this.#timeout.aborted) {
      return new QualysTimeoutError(
        'QUALYS_TIMEOUT',
        `Qualys did not answer within ${this.#timeoutMs} ms (${endpoint})`,
        { endpoint, cause: err },
      );
    }
    return new QualysNetworkError(
      'QUALYS_NETWORK',
      `Could not reach Qualys (${endpoint}): ${errorLabel(err)}`,
      {
        endpoint,
        cause: err,
        requestSent: !(code !== undefined && NOT_CONNECTED_ERROR_CODES.has(code)),
      },
    );
  }
}

/**
 * Error codes undici and Node give an error about the request itself, raised in this process
 * before anything is written to a socket: an invalid header name or value, URL, method or body
 * (`UND_ERR_INVALID_ARG`, `ERR_INVALID_CHAR`...), or an unsupported option.
 */
export const LOCAL_REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_INVALID_ARG',
  'UND_ERR_INVALID_RETURN_VALUE',
  'UND_ERR_NOT_SUPPORTED',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
  'ERR_INVALID_ARG_TYPE',
  'ERR_INVALID_ARG_VALUE',
  'ERR_INVALID_CHAR',
  'ERR_INVALID_HTTP_TOKEN',
  'ERR_INVALID_URL',
  'ERR_HTTP_INVALID_HEADER_VALUE',
]);

/** Codes of a connection that was never established: the request cannot have reached Qualys. */
const NOT_CONNECTED_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The string `code` of an error (undici's `UND_ERR_*`, Node's `E*`), or `undefined`. */
function errorCodeOf(err: unknown): string | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** A legal HTTP header value the gateway sends: visible ASCII and spaces, at most 4,096 characters. */
const HEADER_VALUE = /^[\x20-\x7e]{0,4096}$/;

/**
 * Checks the header values of a request before it is queued, so an invalid one (CR/LF or other
 * control characters, non-ASCII, over 4,096 characters) fails here and never reaches undici.
 * @throws QualysRequestInvalidError `QUALYS_REQUEST_INVALID` naming the header, never its value.
 */
export function assertSendableHeaders(
  endpoint: string,
  headers: Readonly<Record<string, string>> | undefined,
): void {
  if (headers === undefined) return;
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_VALUE.test(value)) {
      throw new QualysRequestInvalidError(
        endpoint,
        `the ${name} header value is not a valid HTTP header value`,
      );
    }
  }
}

/** A short, safe label for a transport error: its `code` (`ECONNREFUSED`, `UND_ERR_SOCKET`) or class name. */
function errorLabel(err: unknown): string {
  if (err && typeof err === 'object') {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return code;
    const name = (err as { name?: unknown }).name;
    if (typeof name === 'string' && /^[A-Za-z]{1,40}$/.test(name)) return name;
  }
  return 'request failed';
}

/**
 * Sends one request and reads its whole body (undici requires every body to be consumed; the
 * text is needed for errors too). Does not interpret the status.
 *
 * Sends exactly once: nothing in this layer retries, whatever the failure (timeout, reset
 * connection, 5xx), because the job mutations (create, update, enable/disable, delete) must never
 * reach Qualys twice. undici does not re-send either: POST, PATCH and DELETE are not idempotent
 * to it, so it never pipelines or replays them. Further attempts are decided in `client.ts`
 * (`execute`) only: the re-send after a 401 to a service token (rejected by Qualys' gateway before
 * the request ran), and retries of idempotent reads (never of a mutation). A body is sent for any method given one, DELETE included (undici allows it;
 * `content-length` is set from the string).
 *
 * @throws the raw transport error (undici error, abort reason); map it with
 *   {@link CallDeadline.toError}.
 */
export async function sendHttp(deps: HttpDeps, req: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
  if (deps.isClosed()) {
    throw new QualysNetworkError('QUALYS_NETWORK', `The Qualys client is closed (${req.endpoint})`, {
      endpoint: req.endpoint,
      requestSent: false,
    });
  }
  const qs = req.query?.toString() ?? '';
  const url = `${deps.baseUrl}${req.path}${qs === '' ? '' : `?${qs}`}`;
  const res = await request(url, {
    dispatcher: deps.dispatcher,
    method: req.method,
    headers: { ...req.headers },
    body: req.body ?? null,
    signal,
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text };
}

/** The identity of one attempt, for its report. */
export interface AttemptInfo {
  /** Endpoint template, e.g. `GET /pm/v1/deploymentjob/{id}`. */
  readonly endpoint: string;
  /** HTTP method. */
  readonly method: QualysHttpMethod;
  /** Concrete path without query string. */
  readonly path: string;
}

/** What {@link reportAttempt} adds to an attempt's report beyond its identity. */
export interface AttemptExtra {
  /** 1-based attempt number within the call. */
  readonly attempt: number;
  /** Time spent queued before the attempt, in ms. */
  readonly queuedMs: number;
  /** The session's own listener, called after the client's. */
  readonly onCall: ((event: QualysCallEvent) => void) | undefined;
}

/**
 * Runs one attempt and reports it once, whatever its outcome: `onCall` (errors thrown by the
 * listener are logged, never propagated) and a debug log line with the same fields. `run` gets a
 * `setStatus` to record the HTTP status as soon as an answer arrived.
 */
export async function reportAttempt<T>(
  deps: HttpDeps,
  info: AttemptInfo,
  run: (setStatus: (status: number) => void) => Promise<T>,
  extra: AttemptExtra = { attempt: 1, queuedMs: 0, onCall: undefined },
): Promise<T> {
  const started = performance.now();
  let status: number | null = null;
  let errorCode: QualysErrorCode | null = null;
  try {
    return await run((s) => {
      status = s;
    });
  } catch (err) {
    errorCode = isQualysError(err) ? err.code : 'QUALYS_NETWORK';
    throw err;
  } finally {
    const event: QualysCallEvent = {
      endpoint: info.endpoint,
      method: info.method,
      path: info.path,
      status,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      errorCode,
      attempt: extra.attempt,
      queuedMs: Math.round(extra.queuedMs * 1000) / 1000,
    };
    deps.logger.debug({ ...event }, 'qualys call');
    for (const listener of [deps.onCall, extra.onCall]) {
      if (!listener) continue;
      try {
        listener(event);
      } catch (listenerError) {
        deps.logger.warn(
          { endpoint: info.endpoint, error: errorLabel(listenerError) },
          'the onCall listener threw; ignored',
        );
      }
    }
  }
}

/** Result of {@link parseJsonText}. */
export type JsonParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

/** Parses a body as JSON; an empty (or blank) body is `{ ok: true, value: undefined }`. */
export function parseJsonText(text: string): JsonParseResult {
  // `/\S/` stops at the first non-blank character; `trim()` would copy a multi-MB page.
  if (!/\S/.test(text)) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The `_error` envelope in a parsed body, when the body has one (any other keys allowed). */
function findEnvelope(value: unknown): QualysErrorEnvelope | null {
  if (!value || typeof value !== 'object' || Array.isArray(value) || !('_error' in value)) return null;
  const parsed = QualysErrorEnvelopeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** True when a parsed 2xx body is exactly `{"_error": {...}}`: an error sent with HTTP 200. */
function isBareEnvelope(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    findEnvelope(value) !== null
  );
}

/** Longest Qualys `_error.message` kept in an error message, in characters. */
export const MAX_UPSTREAM_MESSAGE_CHARS = 300;

/**
 * Makes Qualys' user-facing `_error.message` safe to show: the given secrets are replaced with
 * `[redacted]`, then URLs, IP addresses, credentials, JWTs and absolute paths (which Qualys may
 * echo) as by `redactUpstreamDetails`; control characters and runs of whitespace become one
 * space, and the result is cut to {@link MAX_UPSTREAM_MESSAGE_CHARS} characters (ending in `…`
 * when cut).
 */
export function sanitizeUpstreamMessage(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) {
    if (secret.length > 0) out = replaceAllIgnoringCase(out, secret, '[redacted]');
  }
  out = redactUpstreamDetails(out);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  out = out.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return out.length > MAX_UPSTREAM_MESSAGE_CHARS ? `${out.slice(0, MAX_UPSTREAM_MESSAGE_CHARS - 1)}…` : out;
}

/** `text` with every occurrence of `search` (compared case-insensitively) replaced by `by`. */
function replaceAllIgnoringCase(text: string, search: string, by: string): string {
  const escaped = search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(escaped, 'gi'), () => by);
}

/** The first value of a response header (`name` in lower case), or `undefined`. */
export function headerValue(headers: HttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

const SECONDS = /^\s*\d+(\.\d+)?\s*$/;

/**
 * How long Qualys asked the caller to wait, in milliseconds: `Retry-After` (seconds or an HTTP
 * date, relative to `now`), else `X-RateLimit-ToWait-Sec` (seconds). `undefined` when neither
 * header is usable.
 */
export function retryAfterMsFrom(headers: HttpHeaders, now: () => number): number | undefined {
  const retryAfter = headerValue(headers, 'retry-after');
  if (retryAfter !== undefined) {
    if (SECONDS.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now());
  }
  const toWait = headerValue(headers, 'x-ratelimit-towait-sec');
  if (toWait !== undefined && SECONDS.test(toWait)) return Math.round(Number(toWait) * 1000);
  return undefined;
}

/**
 * The error an answer stands for, or `null` when it is a success.
 *
 * Mapping (QUALYS-API.md §2, §3, §5), on the HTTP status or, for a 2xx body that is exactly
 * `{"_error":{...}}`, on `_error.code` (400 when absent):
 * - 401, 403 → {@link QualysUnauthorizedError} `QUALYS_UNAUTHORIZED`;
 * - 409, 429 → {@link QualysRateLimitedError} `QUALYS_RATE_LIMITED` with `retryAfterMs`;
 * - `_error.errorCode` "2501" → {@link QualysHttpError} `QUALYS_RECORD_CAP`;
 * - 404 or `_error.code` 404 → {@link QualysNotFoundError} `QUALYS_NOT_FOUND`;
 * - 400 with `_error` → {@link QualysHttpError} `QUALYS_BAD_REQUEST`, message
 *   `Qualys rejected the request: <_error.message>` (sanitised, at most 300 characters);
 * - any other non-2xx → {@link QualysHttpError} `QUALYS_HTTP_STATUS`.
 * Every error carries the HTTP `status` and, when present, `qualysErrorCode`.
 *
 * @param secrets - strings that must never be echoed (tokens, password), redacted from
 *   `_error.message`.
 * @param parsed - `res.text` already parsed by the caller (so a large page is parsed once);
 *   parsed here when omitted.
 */
export function errorFromResponse(
  res: HttpResponse,
  endpoint: string,
  now: () => number,
  secrets: readonly string[],
  parsed: JsonParseResult = parseJsonText(res.text),
): QualysError | null {
  const ok = res.status >= 200 && res.status < 300;
  const body = parsed.ok ? parsed.value : undefined;
  if (ok && !isBareEnvelope(body)) return null;
  const envelope = findEnvelope(body)?._error ?? null;
  const effective = ok ? (envelope?.code ?? 400) : res.status;
  const qualysErrorCode = envelope?.errorCode ?? undefined;
  const init = { endpoint, status: res.status, qualysErrorCode };

  if (effective === 401 || effective === 403) {
    return new QualysUnauthorizedError(
      'QUALYS_UNAUTHORIZED',
      `Qualys rejected the credentials of the request (HTTP ${effective}, ${endpoint})`,
      init,
    );
  }
  if (effective === 409 || effective === 429) {
    const retryAfterMs = retryAfterMsFrom(res.headers, now);
    const wait = retryAfterMs === undefined ? '' : `; retry after ${retryAfterMs} ms`;
    return new QualysRateLimitedError(
      'QUALYS_RATE_LIMITED',
      `Qualys rate or concurrency limit reached (HTTP ${effective}, ${endpoint})${wait}`,
      { ...init, retryAfterMs },
    );
  }
  if (qualysErrorCode === '2501') {
    return new QualysHttpError(
      'QUALYS_RECORD_CAP',
      `Qualys refused to page past its 10,000-record limit (${endpoint})`,
      init,
    );
  }
  if (effective === 404 || envelope?.code === 404) {
    return new QualysNotFoundError('QUALYS_NOT_FOUND', `Qualys has no such resource (${endpoint})`, init);
  }
  if (effective === 400 && envelope) {
    const text = envelope.message ? sanitizeUpstreamMessage(envelope.message, secrets) : '';
    const message =
      text === ''
        ? `Qualys rejected the request (error ${qualysErrorCode ?? 'unknown'}, ${endpoint})`
        : `Qualys rejected the request: ${text}`;
    return new QualysHttpError('QUALYS_BAD_REQUEST', message, init);
  }
  return new QualysHttpError('QUALYS_HTTP_STATUS', `Qualys answered HTTP ${effective} (${endpoint})`, init);
}

/** The error for a body that is not JSON or does not match its schema; the message names the endpoint only. */
export function badPayload(endpoint: string, status: number): QualysBadPayloadError {
  return new QualysBadPayloadError('QUALYS_BAD_PAYLOAD', `Qualys sent an unexpected payload (${endpoint})`, {
    endpoint,
    status,
  });
}

/**
 * Waits for `promise` unless `signal` aborts first (then rejects with the abort reason). Used to
 * let one caller stop waiting for a shared token refresh without cancelling it for the others.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err as Error);
      },
    );
  });
}
