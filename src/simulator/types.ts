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

/** Options of `createSimulator`. */
export interface SimulatorOptions {
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
  /** Lifetime of issued JWTs, in ms; default 4 hours (QUALYS-API.md §2). */
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
  /** Response status; `null` while the answer is pending. */
  readonly status: number | null;
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
   * One tenant's data (generated on first use, or by `listen()`).
   *
   * @param tenant - username; default the first tenant.
   * @throws Error when no tenant has that username.
   */
  store(tenant?: string): SimulatorStore;
}
