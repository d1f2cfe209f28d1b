/**
 * The HTTP layer of the Qualys client: one attempt against the Qualys API gateway with undici's
 * `request()`, its deadline ({@link CallDeadline}: a per-call timer linked to the caller's abort
 * signal, from `deadlines.ts`), the mapping of transport failures to the {@link QualysError}
 * family, the check that a request can be sent at all, and the per-attempt report (`onCall`,
 * debug log). Internal to `src/qualys/`: `pipeline.ts` and `auth.ts` build on it. Reading an
 * answer is `answers.ts`.
 */
import { type Dispatcher, request } from 'undici';
import type { QualysCallEvent, QualysHttpMethod, QualysLogger } from './api.js';
import { linkedTimeout } from './deadlines.js';
import {
  isQualysError,
  QualysAbortedError,
  type QualysError,
  type QualysErrorCode,
  QualysNetworkError,
  QualysRequestInvalidError,
  QualysTimeoutError,
} from './errors.js';

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
 * The deadline of one client call: a timer of `timeoutMs` combined with the caller's session
 * signal ({@link linkedTimeout}). Attempts of the same call (the retry after a 401, the wait for
 * a token) share it. It tells a timeout from a caller abort when mapping failures. Call
 * `dispose()` when the call has settled (it clears the timer and the listener).
 */
export class CallDeadline {
  /** Aborts when the call timed out or the caller aborted. */
  readonly signal: AbortSignal;
  readonly #link: ReturnType<typeof linkedTimeout>;
  readonly #session: AbortSignal | undefined;
  readonly #timeoutMs: number;

  /**
   * @param timeoutMs - time allowed for the whole call, in milliseconds.
   * @param session - the caller's abort signal, if any.
   */
  constructor(timeoutMs: number, session: AbortSignal | undefined) {
    this.#timeoutMs = timeoutMs;
    this.#session = session;
    this.#link = linkedTimeout(
      session,
      timeoutMs,
      () => new DOMException(`The call did not finish within ${timeoutMs} ms`, 'TimeoutError'),
    );
    this.signal = this.#link.signal;
  }

  /** Clears the timer and the listener on the session signal. */
  dispose(): void {
    this.#link.dispose();
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
      return new QualysAbortedError(`The Qualys call was cancelled by the caller (${endpoint})`, {
        endpoint,
        cause: err,
      });
    }
    if (this.#link.timedOut()) {
      return new QualysTimeoutError(`Qualys did not answer within ${this.#timeoutMs} ms (${endpoint})`, {
        endpoint,
        cause: err,
      });
    }
    return new QualysNetworkError(`Could not reach Qualys (${endpoint}): ${errorLabel(err)}`, {
      endpoint,
      cause: err,
      requestSent: !(code !== undefined && NOT_CONNECTED_ERROR_CODES.has(code)),
    });
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
    throw new QualysNetworkError(`The Qualys client is closed (${req.endpoint})`, {
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

/**
 * Serialises a call's JSON body once, before any request. A value JSON cannot represent (a
 * BigInt, a cycle) is a programming error of the caller: a `RangeError` naming only the endpoint.
 */
export function serialiseBody(endpoint: string, json: unknown): string | undefined {
  if (json === undefined) return undefined;
  try {
    return JSON.stringify(json);
  } catch (cause) {
    throw new RangeError(`QualysApi: the request body of ${endpoint} is not JSON-serialisable`, { cause });
  }
}
