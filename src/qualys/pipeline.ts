/**
 * The call pipeline of the Qualys client, the path every API call takes:
 * budget -> circuit breaker -> retries (idempotent endpoints only) -> authentication (and the one
 * re-send after a 401 to a service token) -> governor slot (concurrency cap and rate budget) ->
 * one HTTP attempt (send, map the answer, parse it with the endpoint's zod schema).
 * `client.ts` wires it with the client's settings; each method describes its call as a
 * {@link CallSpec} from the endpoint table (`endpoints.ts`).
 *
 * Source: docs/qualys-api.md §2 (401 and the token), §3 (409/429, `Retry-After`), §5 (errors);
 * modelled on graphql-hive/gateway `useUpstreamRetry.ts`.
 */
import type { CircuitBreakerPolicy } from 'cockatiel';
import { BrokenCircuitError } from 'cockatiel';
import type { z } from 'zod';
import { readAnswerInTurn } from './answers.js';
import type { QualysSessionOptions } from './api.js';
import type { QualysServiceCredentials, TokenManager } from './auth.js';
import { raceAbort, requestScope } from './deadlines.js';
import type { CallSpec } from './endpoints.js';
import {
  isQualysError,
  QualysAbortedError,
  QualysCircuitOpenError,
  type QualysError,
  QualysNetworkError,
  QualysUnauthorizedError,
  UpstreamBudgetExceededError,
  withRequestNotSent,
} from './errors.js';
import {
  type CallGate,
  isRetryable,
  longPauseRefusal,
  RetryDelays,
  type RetrySettings,
  sleep,
} from './governor.js';
import {
  type AttemptExtra,
  assertSendableHeaders,
  CallDeadline,
  type HttpDeps,
  type HttpHeaders,
  reportAttempt,
  sendHttp,
  serialiseBody,
} from './http.js';

/** Characters a forwarded bearer token may hold (visible ASCII): anything else could not be a header value. */
const BEARER_CHARS = /^[\x21-\x7e]+$/;

/** The upstream-call budget of one session: HTTP attempts sent so far, and the most allowed. */
export interface SessionBudget {
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
export interface CallResult<T> {
  readonly value: T;
  readonly headers: HttpHeaders;
}

/** What the pipeline needs from the client. */
export interface PipelineDeps {
  readonly http: HttpDeps;
  /** Time allowed for one HTTP attempt, ms. */
  readonly timeoutMs: number;
  readonly gate: CallGate;
  readonly breaker: CircuitBreakerPolicy;
  readonly retry: RetrySettings;
  /** The service token, when the client has service credentials. */
  readonly tokens: TokenManager | undefined;
  readonly credentials: QualysServiceCredentials | undefined;
  /** Every spelling of the base URL's host, redacted from Qualys' messages. */
  readonly hostForms: readonly string[];
  /** True once the client was closed. */
  readonly isClosed: () => boolean;
}

/** The pipeline: runs one API call of a session, all its tries. */
export interface CallPipeline {
  /**
   * Runs `spec` for `session`, counting its attempts against `budget`. Rejects only with a
   * `QualysError` (see `createQualysClient`); a body that cannot be serialised is a `RangeError`.
   */
  execute<S extends z.ZodType>(
    spec: CallSpec<S>,
    session: QualysSessionOptions,
    budget: SessionBudget | undefined,
  ): Promise<CallResult<z.output<S>>>;
}

/** Creates the pipeline over the client's settings (see the module comment). */
export function createCallPipeline(deps: PipelineDeps): CallPipeline {
  const { http, timeoutMs, gate, breaker, retry, tokens, credentials, hostForms, isClosed } = deps;
  const { logger } = http;

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
        return readAnswerInTurn(res, spec, { now: http.now, secrets, logger });
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
    const refused = longPauseRefusal(gate, retry.maxRetryAfterMs, spec.endpoint);
    if (refused !== undefined) {
      giveBack();
      throw refused;
    }
    const enqueuedAt = performance.now();
    let release: () => void;
    try {
      release = await gate.acquire(call.signal);
    } catch (err) {
      giveBack();
      throw aborted(spec.endpoint, 'while queued', err, false);
    }
    const deadline = new CallDeadline(timeoutMs, call.signal);
    try {
      // Checked before the attempt is reported: onCall counts requests actually sent.
      if (deadline.signal.aborted || isClosed()) {
        giveBack();
        if (isClosed()) {
          throw new QualysNetworkError(`The Qualys client is closed (${spec.endpoint})`, {
            endpoint: spec.endpoint,
            requestSent: false,
          });
        }
        throw withRequestNotSent(deadline.toError(deadline.signal.reason, spec.endpoint));
      }
      if (spec.beforeSend !== undefined) {
        // The caller records that the request may now reach Qualys (a shared idempotency key).
        try {
          await spec.beforeSend();
        } catch (err) {
          giveBack();
          throw err;
        }
      }
      call.attempt += 1;
      try {
        return await attempt(spec, body, token, deadline, {
          attempt: call.attempt,
          queuedMs: performance.now() - enqueuedAt,
          onCall: call.onCall,
        });
      } catch (err) {
        // Qualys asked everyone to wait: no caller (of any replica, for a shared gate) is let through before then.
        if (isQualysError(err) && err.code === 'QUALYS_RATE_LIMITED' && err.retryAfterMs !== undefined) {
          gate.pause(err.retryAfterMs);
        }
        throw err;
      }
    } finally {
      deadline.dispose();
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
        throw new QualysCircuitOpenError(endpoint);
      }
      throw err;
    }
  }

  /** The error of a call whose request had ended before it started (mapped as its deadline maps it). */
  function abortedBeforeStart(signal: AbortSignal, endpoint: string): QualysError {
    const ended = new CallDeadline(timeoutMs, signal);
    ended.dispose();
    return ended.toError(signal.reason, endpoint);
  }

  /**
   * `QUALYS_ABORTED` for a call the caller's signal or deadline ended outside an HTTP attempt;
   * `requestSent: false` when no attempt of it can have been sent (ended while queued).
   */
  function aborted(endpoint: string, when: string, cause: unknown, requestSent = true): QualysError {
    if (isQualysError(cause)) return requestSent ? cause : withRequestNotSent(cause);
    return new QualysAbortedError(`The Qualys call was cancelled by the caller ${when} (${endpoint})`, {
      endpoint,
      cause,
      requestSent,
    });
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
      } finally {
        wait.dispose();
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
   * Runs one API call for a session. Idempotent calls (the endpoints the table marks so) are
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
    const scope = requestScope(session, http.now);
    try {
      if (scope.signal?.aborted) throw abortedBeforeStart(scope.signal, spec.endpoint);
      if (forwarded && !BEARER_CHARS.test(bearer)) {
        throw new QualysUnauthorizedError('The forwarded bearer token is malformed', {
          endpoint: spec.endpoint,
        });
      }
      if (!forwarded && !tokens) {
        throw new QualysUnauthorizedError(
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
      const { idempotent } = spec;
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
        if (!isRetryable(err) || isClosed() || tries >= retry.maxAttempts) throw err;
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

  return { execute };
}
