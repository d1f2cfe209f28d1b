/**
 * The upstream governor of one Qualys client (= one Qualys subscription): the concurrency cap
 * and rate budget ({@link UpstreamGate}), the retry rules for idempotent calls
 * ({@link isRetryable}, {@link RetryDelays}) and the circuit breaker ({@link createBreaker}).
 * Internal to `src/qualys/`; `client.ts` wires them around each HTTP attempt.
 *
 * Source: docs/qualys-api.md §3 (per-subscription concurrency and rate limits, default concurrency 2,
 * 409/429 when blocked, PM often sends no `X-RateLimit-*` headers), the project's conventions (per-attempt
 * timeout combined with the request's signal, retries share the overall deadline, only idempotent
 * calls are retried). Modelled on graphql-hive/gateway `useUpstreamRetry.ts`.
 */
import {
  type CircuitBreakerPolicy,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  fullJitterGenerator,
  handleWhen,
  type IBackoff,
} from 'cockatiel';
import { isQualysError, type QualysError, QualysRateLimitedError } from './errors.js';

/** A rate budget: at most `calls` attempts started in any rolling window of `windowMs` ms. */
export interface RateBudget {
  readonly calls: number;
  readonly windowMs: number;
}

interface Waiter {
  readonly resolve: (release: () => void) => void;
  readonly reject: (reason: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

/**
 * What the call pipeline waits on before each HTTP attempt: a slot under the concurrency cap and a
 * token of the rate budget. {@link UpstreamGate} is the one of a single process; a shared one
 * (`src/cluster/`) makes every replica of a deployment share one cap and one budget.
 */
export interface CallGate {
  /**
   * Waits for a slot and a rate token, in arrival order. Resolves with the function that frees
   * the slot (call it exactly once; extra calls are ignored).
   * @throws the signal's abort reason when it aborts before a slot was granted.
   */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /**
   * Qualys asked every caller to wait `ms` (a 409/429 with `Retry-After`): no slot is granted
   * before then, to this process or, for a shared gate, to any replica.
   */
  pause(ms: number): void;
  /** What is left of the pause Qualys asked for, in ms (0 when none is in force). */
  pausedForMs(): number;
  /** Attempts holding a slot of this process now. */
  readonly active: number;
  /** Callers of this process waiting for a slot or a rate token. */
  readonly queued: number;
}

/**
 * A FIFO gate combining the concurrency cap and the rolling-window rate budget. `acquire` waits
 * for a slot (and a rate token) in arrival order and resolves with the function that frees the
 * slot; a waiter whose signal aborts leaves the queue at once, rejecting with the abort reason.
 *
 * Own code rather than cockatiel's `bulkhead`: cockatiel 3.2.1's `BulkheadPolicy` keeps an
 * aborted entry in its queue until a slot frees (it only then throws `TaskCancelledError`), so a
 * cancelled request would still wait behind slow calls, and its `dequeue` re-enters `execute`,
 * which can put the woken entry behind a newer caller (not strictly FIFO). cockatiel has no rate
 * limiter at all, so the sliding-window log lives here too (one queue for both limits).
 */
export class UpstreamGate implements CallGate {
  readonly #concurrency: number;
  readonly #rate: RateBudget | undefined;
  readonly #now: () => number;
  readonly #queue: Waiter[] = [];
  /** Start times (ms) of the attempts inside the current rate window, oldest first. */
  readonly #starts: number[] = [];
  #active = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** No slot is granted before this time (epoch ms of `now`): Qualys asked us to wait. */
  #pausedUntil = 0;

  /**
   * @param concurrency - attempts in flight at most; `Infinity` = unlimited.
   * @param rate - the rate budget, or `undefined` for none.
   * @param now - clock in ms (`Date.now`; faked in tests).
   */
  constructor(concurrency: number, rate: RateBudget | undefined, now: () => number = Date.now) {
    this.#concurrency = concurrency;
    this.#rate = rate;
    this.#now = now;
  }

  /** Attempts holding a slot now. */
  get active(): number {
    return this.#active;
  }

  /** Callers waiting for a slot or a rate token. */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Waits for a slot. Resolves with `release` (call it exactly once; extra calls are ignored).
   * @throws the signal's abort reason when it aborts before a slot was granted.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    return new Promise<() => void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const i = this.#queue.indexOf(waiter);
          if (i >= 0) this.#queue.splice(i, 1);
          reject(signal?.reason as Error);
          this.#pump();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  /** No slot is granted for `ms` from now (the longest pause asked for wins). */
  pause(ms: number): void {
    if (!(ms > 0)) return;
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#now() + ms);
    this.#pump();
  }

  /** What is left of the pause Qualys asked for, in ms (0 when none). */
  pausedForMs(): number {
    return Math.max(0, this.#pausedUntil - this.#now());
  }

  #release(): void {
    this.#active -= 1;
    this.#pump();
  }

  /** Grants slots to the head of the queue while both limits allow; schedules a wake-up for the rate window. */
  #pump(): void {
    while (this.#queue.length > 0 && this.#active < this.#concurrency) {
      const pausedFor = this.#pausedUntil - this.#now();
      if (pausedFor > 0) {
        this.#wakeAt(pausedFor);
        return;
      }
      if (this.#rate) {
        const now = this.#now();
        while (this.#starts.length > 0 && (this.#starts[0] as number) <= now - this.#rate.windowMs) {
          this.#starts.shift();
        }
        if (this.#starts.length >= this.#rate.calls) {
          this.#wakeAt((this.#starts[0] as number) + this.#rate.windowMs - now);
          return;
        }
        this.#starts.push(now);
      }
      const waiter = this.#queue.shift() as Waiter;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.#active += 1;
      let released = false;
      waiter.resolve(() => {
        if (released) return;
        released = true;
        this.#release();
      });
    }
  }

  #wakeAt(delayMs: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#pump();
      },
      Math.max(0, delayMs),
    );
    // Not unref'd: a call is waiting on it, and the process must not exit under it.
  }
}

/**
 * The refusal of a call while Qualys asked every caller to wait longer than a call waits for a
 * `Retry-After` (`maxWaitMs`, `retry.maxRetryAfterMs`): queueing would only end at the deadline.
 * Returns `QUALYS_RATE_LIMITED` (`retryAfterMs`: what is left; `requestSent: false`), or
 * `undefined` when no such pause is in force.
 */
export function longPauseRefusal(
  gate: CallGate,
  maxWaitMs: number,
  endpoint: string,
): QualysError | undefined {
  const pausedForMs = gate.pausedForMs();
  if (pausedForMs <= maxWaitMs) return undefined;
  return new QualysRateLimitedError(
    `Qualys asked every caller to wait ${Math.ceil(pausedForMs / 1000)} s; not sent (${endpoint})`,
    { endpoint, retryAfterMs: pausedForMs, requestSent: false },
  );
}

/** Retry settings after defaults were applied. */
export interface RetrySettings {
  /** Tries per call, the first included (>= 1). */
  readonly maxAttempts: number;
  /** First backoff ceiling, ms. */
  readonly baseDelayMs: number;
  /** Largest backoff ceiling, ms (does not cap a `Retry-After`). */
  readonly maxDelayMs: number;
  /** Longest `Retry-After`/`X-RateLimit-ToWait-Sec` the client waits for, ms; longer ones fail at once. */
  readonly maxRetryAfterMs: number;
}

/**
 * The failures that say something about Qualys' health: 5xx, network errors (refused, reset),
 * per-attempt timeouts. The circuit breaker counts only these; 4xx (404, 409, 429…) and bad
 * payloads are the request's problem, not the upstream's.
 */
export function isUpstreamHealthFailure(err: unknown): boolean {
  if (!isQualysError(err)) return false;
  if (err.code === 'QUALYS_NETWORK' || err.code === 'QUALYS_TIMEOUT') return true;
  return err.code === 'QUALYS_HTTP_STATUS' && err.status !== undefined && err.status >= 500;
}

/**
 * Whether an idempotent call may be tried again after `err`: throttling (409/429,
 * `QUALYS_RATE_LIMITED`) and the health failures of {@link isUpstreamHealthFailure}. Never
 * another 4xx, a bad payload, an abort or an open circuit.
 */
export function isRetryable(err: unknown): err is QualysError {
  return isQualysError(err) && (err.code === 'QUALYS_RATE_LIMITED' || isUpstreamHealthFailure(err));
}

/**
 * The backoff sequence of one call: exponential with full jitter (cockatiel's
 * `ExponentialBackoff` + `fullJitterGenerator`: a random delay in `[0, min(maxDelayMs,
 * baseDelayMs * 2^n))`), replaced by Qualys' own wait when the answer named one.
 *
 * The retry loop itself is in `client.ts`, not cockatiel's `retry()`: cockatiel 3.2.1 waits out
 * a backoff with a timer that ignores the abort signal (a cancelled request would sleep on), and a
 * backoff cannot end the retries when the wait would outlast the request's deadline.
 */
export class RetryDelays {
  readonly #factory: ExponentialBackoff<unknown>;
  #current: IBackoff<unknown> | undefined;

  constructor(settings: RetrySettings) {
    this.#factory = new ExponentialBackoff({
      generator: fullJitterGenerator,
      initialDelay: settings.baseDelayMs,
      maxDelay: settings.maxDelayMs,
    });
  }

  /** The wait before the next try, in ms: `err.retryAfterMs` when Qualys sent one, else the next backoff. */
  next(err: QualysError): number {
    this.#current = this.#current ? this.#current.next(undefined) : this.#factory.next();
    return err.retryAfterMs ?? this.#current.duration;
  }
}

/** Circuit-breaker settings after defaults were applied. */
export interface BreakerSettings {
  /** Consecutive health failures that open the circuit. */
  readonly failureThreshold: number;
  /** Time the circuit stays open before one trial call is let through (half-open), ms. */
  readonly halfOpenAfterMs: number;
}

/**
 * The client's breaker: cockatiel `circuitBreaker` with a `ConsecutiveBreaker`, handling only
 * {@link isUpstreamHealthFailure}s (any other error neither opens nor resets it). When open,
 * `execute` throws cockatiel's `BrokenCircuitError` without running the function.
 */
export function createBreaker(settings: BreakerSettings): CircuitBreakerPolicy {
  return circuitBreaker(handleWhen(isUpstreamHealthFailure), {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.failureThreshold),
  });
}

/**
 * Sleeps `ms` unless `signal` aborts first (then rejects with the abort reason). Uses
 * `setTimeout`, so fake timers drive it in tests.
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
