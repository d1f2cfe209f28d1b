/**
 * The public types of the simulator: options, the {@link Simulator} handle, faults and request
 * log entries.
 *
 * @module
 */
import type { TenantStore } from './store/tenant-store.js';

/** Sizes of a generated fleet; every field optional. */
export interface SimulatorFleetOptions {
  /** Number of assets (~60 % Windows); default 2000. */
  readonly assets?: number | undefined;
  /** Number of catalog patches (~60 % Windows); default 5000. */
  readonly patches?: number | undefined;
  /** Number of patch deployment jobs; default 200. */
  readonly patchJobs?: number | undefined;
  /** Number of mitigation jobs; default 40. */
  readonly mitigationJobs?: number | undefined;
}

/** One tenant (Qualys subscription user): its credentials and its own data. */
export interface SimulatorTenantOptions {
  /** Username for `POST /auth`; also the JWT `sub`. Unique across tenants. */
  readonly username: string;
  /** Password for `POST /auth`. */
  readonly password: string;
  /** Customer UUID; default derived from the seed and the username. */
  readonly customerId?: string | undefined;
  /** PRNG seed of this tenant's fleet; default the simulator's `seed`. */
  readonly seed?: number | undefined;
  /** Fleet sizes of this tenant; default the simulator's `fleet`. */
  readonly fleet?: SimulatorFleetOptions | undefined;
  /** Whether the seed samples are served to this tenant; default `true`. */
  readonly includeSeedSamples?: boolean | undefined;
}

/**
 * The over-budget answer of the rate window: limit, window and status (see
 * {@link SimulatorFaultModes.rateLimit}).
 */
export interface SimulatorRateLimit {
  /** Calls admitted per window and tenant (a positive integer). */
  readonly limit: number;
  /** Window length in ms (a positive integer); sliding (rolling) window. */
  readonly windowMs: number;
  /** Status of an over-budget answer; default 429 (the PM gateway), 409 like the classic API. */
  readonly status?: 409 | 429 | undefined;
}

/**
 * Fault modes (README "Fault modes"): limits and seeded random failures applied to API requests of
 * a known tenant (a valid token; never `POST /auth`, never `/__simulator/*`, never a request an
 * explicit {@link SimulatorFault} answers). Random draws come from the simulator's seeded PRNG
 * (fork `faults`), a fixed number per admitted request, so the same seed and the same request
 * sequence give the same faults. Every field optional; absent = off. Changed at run time with
 * {@link Simulator.configure} or `PUT /__simulator/config`.
 */
export interface SimulatorFaultModes {
  /**
   * Concurrent API requests per tenant (a positive integer). A request arriving while that many
   * are in flight (admitted, not yet answered) is answered at once 409, errorCode `1960`, with
   * `X-Concurrency-Limit-Limit` and `X-Concurrency-Limit-Running`. Checked before the rate window.
   */
  readonly concurrencyLimit?: number | undefined;
  /**
   * Per-tenant sliding window: at most `limit` admitted requests in any `windowMs`; over budget →
   * `status` (default 429), errorCode `1965`, `Retry-After` (s, rounded up) and, unless
   * {@link SimulatorFaultModes.rateLimitHeaders} is false, `X-RateLimit-*` headers. The window
   * runs on the simulator clock (`now`).
   */
  readonly rateLimit?: SimulatorRateLimit | undefined;
  /**
   * Whether `X-RateLimit-Limit`/`-Window-Sec`/`-Remaining` (every answer of an admitted request,
   * and the over-budget answer with `X-RateLimit-ToWait-Sec`) are sent; default true. PM often
   * sends none (docs/qualys-api.md §3): false leaves only `Retry-After`.
   */
  readonly rateLimitHeaders?: boolean | undefined;
  /** Probability (0..1) of a 500/502/503 (seeded choice) answered before the route runs (nothing applied). */
  readonly errorRate?: number | undefined;
  /** Probability (0..1) of a 500/502/503 answered after the route ran (a mutation IS applied, its answer lost). */
  readonly errorAfterRate?: number | undefined;
  /** Probability (0..1) of a TCP reset without an answer, before the route runs. */
  readonly resetRate?: number | undefined;
  /** Probability (0..1) of a TCP reset without an answer, after the route ran (mutation applied). */
  readonly resetAfterRate?: number | undefined;
  /** Probability (0..1) that a 2xx JSON answer is cut in half (invalid JSON), status kept. */
  readonly malformedRate?: number | undefined;
  /** Delay between the route's answer and the response headers, in ms. */
  readonly slowHeadersMs?: number | undefined;
  /** Time over which the body is written, in 4 chunks, after the headers, in ms. */
  readonly slowBodyMs?: number | undefined;
}

/** Which fault mode answered a request (request log `fault`). */
export type SimulatorFaultKind =
  | 'concurrency'
  | 'rate'
  | 'error'
  | 'errorAfter'
  | 'reset'
  | 'resetAfter'
  | 'malformed';

/** Fault mode counters of one tenant (`simulator.stats()`, `GET /__simulator/stats`). */
export interface SimulatorTenantStats {
  /** Largest number of this tenant's API requests ever in flight at once (since the last reset). */
  readonly maxInFlight: number;
  /** This tenant's API requests in flight now. */
  readonly inFlight: number;
  /** Requests answered 409 (1960) by the concurrency cap. */
  readonly rejectedConcurrency: number;
  /** Requests answered 429/409 (1965) by the rate window. */
  readonly rejectedRate: number;
  /** Random 5xx answers (`errorRate` and `errorAfterRate`). */
  readonly injectedErrors: number;
  /** Socket resets (`resetRate` and `resetAfterRate`). */
  readonly resets: number;
  /** Truncated JSON answers (`malformedRate`). */
  readonly malformed: number;
}

/** Options of `createSimulator`; the {@link SimulatorFaultModes} fields set the initial fault modes. */
export interface SimulatorOptions extends SimulatorFaultModes {
  /** PRNG seed of the generated fleets (mixed with each tenant's username); default 1. */
  readonly seed?: number | undefined;
  /** Fleet sizes for every tenant without its own; defaults 2000 assets, 5000 patches, 200 patch jobs, 40 mitigation jobs. */
  readonly fleet?: SimulatorFleetOptions | undefined;
  /** The tenants; default one: `{ username: 'simulator', password: 'simulator', includeSeedSamples: true }`. */
  readonly tenants?: readonly SimulatorTenantOptions[] | undefined;
  /** Delay added before every answer except `/__simulator/*`, in ms; default 0. */
  readonly latencyMs?: number | undefined;
  /** Extra delay drawn uniformly from `[0, jitterMs)` per request (seeded), in ms; default 0. */
  readonly jitterMs?: number | undefined;
  /** Lifetime of issued JWTs, in ms; default 4 hours (docs/qualys-api.md §2). */
  readonly tokenTtlMs?: number | undefined;
  /** The clock (epoch ms) for JWT `iat`/`exp` and request log `startedAt`; default `Date.now`. */
  readonly now?: (() => number) | undefined;
}

/**
 * An injected failure: the first fault matching a request answers instead of the route (after
 * latency, before authentication), `times` times or forever.
 */
export interface SimulatorFault {
  /** HTTP method to match (case-insensitive); default any. */
  readonly method?: string | undefined;
  /** The request path (without query string): a string matches exactly, a RegExp by `test`. */
  readonly path: string | RegExp;
  /** HTTP status to answer. */
  readonly status: number;
  /**
   * Body to answer: a string is sent as is, anything else as JSON; default an `_error` envelope
   * with `code: status`, `errorCode: "9007"`.
   */
  readonly body?: unknown;
  /** Extra response headers, e.g. `{ 'Retry-After': '1' }`. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** How many requests it answers before it is removed; default unlimited. */
  readonly times?: number | undefined;
  /** Extra delay before answering, in ms; default 0. */
  readonly delayMs?: number | undefined;
  /** Send the body cut in half (invalid JSON) with `Content-Type: application/json`; default false. */
  readonly malformed?: boolean | undefined;
}

/** One logged request (`GET /__simulator/requests`). `/__simulator/*` requests are not logged. */
export interface SimulatorRequestLogEntry {
  /** HTTP method. */
  readonly method: string;
  /** Path without query string, e.g. `/pm/v1/assets/uuids`. */
  readonly path: string;
  /** Query parameters (for a repeated name, the last value). */
  readonly query: Readonly<Record<string, string>>;
  /** The request body parsed as JSON, or `null` (empty or not JSON, e.g. the form body of `/auth`). */
  readonly body: unknown;
  /** Response status; `null` while the answer is pending; `0` when the socket was reset (no answer). */
  readonly status: number | null;
  /** The fault mode that answered (or changed the answer), when one did; absent otherwise. */
  readonly fault?: SimulatorFaultKind;
  /** Username of the caller (valid token, or credentials of a successful `/auth`), else `null`. */
  readonly tenant: string | null;
  /** Arrival time, epoch ms of the simulator clock. */
  readonly startedAt: number;
  /** Time to answer in ms (wall clock, includes injected latency); `null` while pending. */
  readonly durationMs: number | null;
}

/**
 * One tenant's data, for tests computing expected values; its job mutation methods
 * (`createPatchJob`, `updatePatchJob`, `setPatchJobStatus`, `deletePatchJobs`, and the mitigation
 * twins) are the in-process form of the mutation endpoints.
 */
export type SimulatorStore = TenantStore;

/** A running (or ready to run) simulator. */
export interface Simulator {
  /**
   * Generates the tenants' data (when not done yet) and starts listening on loopback.
   *
   * @param port - TCP port; default 0 (any free port).
   * @param host - interface; default `127.0.0.1`.
   * @returns the base URL (`http://127.0.0.1:<port>`) and the port.
   * @throws Error when already listening, or the listen error (e.g. `EADDRINUSE`).
   */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Stops listening and closes open connections; resolves when done (no-op when not listening). */
  close(): Promise<void>;
  /** Base URL once listening. @throws Error before {@link Simulator.listen}. */
  readonly url: string;
  /** A copy of the request log, in arrival order. */
  requests(): SimulatorRequestLogEntry[];
  /** Empties the request log. */
  resetRequests(): void;
  /**
   * A valid JWT for a tenant without calling `/auth` (not logged).
   *
   * @throws Error when no tenant has that username.
   */
  issueToken(username: string): string;
  /**
   * Adds a fault (after the ones already there).
   *
   * @returns a function removing it.
   */
  injectFault(fault: SimulatorFault): () => void;
  /** Removes every fault. */
  clearFaults(): void;
  /**
   * Changes the fault modes: a field present in `modes` replaces the current one (`undefined`
   * switches it off), absent fields are kept. Rate windows and stats are kept.
   *
   * @returns the fault modes now in force.
   * @throws RangeError on invalid values (e.g. a rate outside 0..1, a limit below 1).
   */
  configure(modes: SimulatorFaultModes): SimulatorFaultModes;
  /** The fault mode counters per tenant username. */
  stats(): Record<string, SimulatorTenantStats>;
  /** Zeroes the counters; `maxInFlight` restarts from the current `inFlight`. */
  resetStats(): void;
  /**
   * Makes every token issued so far answer 401 `JWT expired`; tokens issued afterwards (by
   * `/auth` or {@link Simulator.issueToken}) work.
   */
  expireTokens(): void;
  /**
   * One tenant's data (generated on first use, or by `listen()`).
   *
   * @param tenant - username; default the first tenant.
   * @throws Error when no tenant has that username.
   */
  store(tenant?: string): SimulatorStore;
}
