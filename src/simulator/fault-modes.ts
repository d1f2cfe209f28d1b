/**
 * The fault modes (README "Fault modes", {@link SimulatorFaultModes}): per-tenant concurrency cap
 * and sliding rate window, seeded random 5xx / socket resets / truncated JSON, slow headers and
 * bodies, and the per-tenant counters behind `simulator.stats()`.
 *
 * The server asks {@link FaultModes.admit} on arrival of an API request of a known tenant: either
 * an immediate rejection (409 concurrency, 429/409 rate) or an admission holding a
 * {@link FaultPlan} drawn from the seeded PRNG (a fixed number of draws per admitted request, so
 * the sequence only depends on the seed and the request order) and a `release` to call once the
 * answer is finished.
 *
 * @module
 */
import { z } from 'zod';
import { errorEnvelope, SimulatorErrorCode } from './errors.js';
import { JSON_CONTENT_TYPE } from './http.js';
import type { Prng } from './prng.js';
import type { SimulatorFaultKind, SimulatorFaultModes, SimulatorTenantStats } from './types.js';

const probability = z.number().min(0).max(1);
const delay = z.number().int().min(0).max(600_000);

/**
 * The JSON form of {@link SimulatorFaultModes} (`PUT /__simulator/config`): unknown keys are
 * rejected; `null` switches a mode off.
 */
export const FaultModesSchema = z
  .object({
    concurrencyLimit: z.number().int().positive().nullish(),
    rateLimit: z
      .object({
        limit: z.number().int().positive(),
        windowMs: z.number().int().positive(),
        status: z.union([z.literal(409), z.literal(429)]).nullish(),
      })
      .strict()
      .nullish(),
    rateLimitHeaders: z.boolean().nullish(),
    errorRate: probability.nullish(),
    errorAfterRate: probability.nullish(),
    resetRate: probability.nullish(),
    resetAfterRate: probability.nullish(),
    malformedRate: probability.nullish(),
    slowHeadersMs: delay.nullish(),
    slowBodyMs: delay.nullish(),
  })
  .strict();

/** The option names of {@link SimulatorFaultModes}. */
export const FAULT_MODE_KEYS = Object.keys(FaultModesSchema.shape) as (keyof SimulatorFaultModes)[];

/**
 * Validates fault modes.
 *
 * @param input - an object (the JSON body of `PUT /__simulator/config`, or in-process options).
 * @returns the problems, one per invalid field (`errorRate: Too big: expected number to be <=1`),
 * or the parsed modes (`null` kept: it means "switch off").
 */
export function parseFaultModes(
  input: unknown,
): { ok: true; modes: Record<string, unknown> } | { ok: false; problems: string[] } {
  const result = FaultModesSchema.safeParse(input);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`),
    };
  }
  return { ok: true, modes: result.data };
}

/** The statuses of a random 5xx, drawn uniformly. */
const ERROR_STATUSES = [500, 502, 503] as const;

/** A rendered answer (status, headers, body text). */
export interface ModeAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly payload: string;
}

/** What happens to one admitted request, drawn on admission. */
export interface FaultPlan {
  /** Reset the socket before the route runs. */
  readonly reset: boolean;
  /** A 5xx answered before the route runs, or `null`. */
  readonly errorStatus: number | null;
  /** Reset the socket after the route ran. */
  readonly resetAfter: boolean;
  /** A 5xx answered after the route ran, or `null`. */
  readonly errorAfterStatus: number | null;
  /** Cut a 2xx JSON answer in half. */
  readonly malformed: boolean;
  readonly slowHeadersMs: number;
  readonly slowBodyMs: number;
}

/** The outcome of {@link FaultModes.admit}. */
export type Admission =
  | { readonly kind: 'rejected'; readonly fault: 'concurrency' | 'rate'; readonly answer: ModeAnswer }
  | {
      readonly kind: 'admitted';
      readonly plan: FaultPlan;
      /** Headers to add to the answer (`X-RateLimit-*` when a window is set and headers are on). */
      readonly headers: Record<string, string>;
      /** Ends the request's in-flight time; idempotent. */
      readonly release: () => void;
    };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface TenantState {
  stats: Mutable<SimulatorTenantStats>;
  /** Simulator-clock times of the admitted requests still inside the rate window. */
  admittedAt: number[];
}

function emptyStats(inFlight = 0): Mutable<SimulatorTenantStats> {
  return {
    maxInFlight: inFlight,
    inFlight,
    rejectedConcurrency: 0,
    rejectedRate: 0,
    injectedErrors: 0,
    resets: 0,
    malformed: 0,
  };
}

function envelopeAnswer(
  status: number,
  errorCode: string,
  message: string,
  headers: Record<string, string> = {},
) {
  return {
    status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers },
    payload: JSON.stringify(errorEnvelope(status, errorCode, message)),
  };
}

/** The fault modes in force and the per-tenant state. */
export class FaultModes {
  #modes: Mutable<SimulatorFaultModes> = {};
  readonly #tenants = new Map<string, TenantState>();
  readonly #prng: Prng;
  readonly #now: () => number;

  /**
   * @param prng - the stream of the random draws (fork `faults` of the simulator seed).
   * @param now - the simulator clock (rate window), epoch ms.
   * @param tenants - the usernames (stats start at zero for each).
   * @param initial - the initial modes.
   * @throws RangeError on invalid modes.
   */
  constructor(prng: Prng, now: () => number, tenants: Iterable<string>, initial: SimulatorFaultModes = {}) {
    this.#prng = prng;
    this.#now = now;
    for (const username of tenants) {
      this.#tenants.set(username, { stats: emptyStats(), admittedAt: [] });
    }
    this.configure(initial);
  }

  /**
   * Merges modes into the ones in force: a present key replaces (`undefined`/`null` = off).
   *
   * @returns a copy of the modes now in force.
   * @throws RangeError on invalid values.
   */
  configure(modes: SimulatorFaultModes | Readonly<Record<string, unknown>>): SimulatorFaultModes {
    const parsed = parseFaultModes(modes);
    if (!parsed.ok) {
      throw new RangeError(`Invalid fault modes: ${parsed.problems.join('; ')}`);
    }
    const target = this.#modes as Record<string, unknown>;
    for (const key of FAULT_MODE_KEYS) {
      if (!Object.hasOwn(modes, key)) {
        continue;
      }
      const value = parsed.modes[key];
      if (value === undefined || value === null) {
        delete target[key];
      } else if (key === 'rateLimit') {
        const { status, ...rest } = value as { limit: number; windowMs: number; status?: 409 | 429 | null };
        target[key] = status === undefined || status === null ? rest : { ...rest, status };
      } else {
        target[key] = value;
      }
    }
    return this.modes();
  }

  /** A copy of the modes in force. */
  modes(): SimulatorFaultModes {
    return structuredClone(this.#modes);
  }

  /** The counters per tenant. */
  stats(): Record<string, SimulatorTenantStats> {
    return Object.fromEntries([...this.#tenants].map(([username, state]) => [username, { ...state.stats }]));
  }

  /** Zeroes the counters (`maxInFlight` restarts at the current `inFlight`). */
  resetStats(): void {
    for (const state of this.#tenants.values()) {
      state.stats = emptyStats(state.stats.inFlight);
    }
  }

  /** Counts a fault that changed an admitted request's answer. */
  count(username: string, fault: SimulatorFaultKind): void {
    const stats = this.#tenants.get(username)?.stats;
    if (stats === undefined) {
      return;
    }
    if (fault === 'error' || fault === 'errorAfter') {
      stats.injectedErrors += 1;
    } else if (fault === 'reset' || fault === 'resetAfter') {
      stats.resets += 1;
    } else if (fault === 'malformed') {
      stats.malformed += 1;
    }
  }

  /**
   * Admits or rejects an arriving API request of a tenant: concurrency cap first, then the rate
   * window (docs/qualys-api.md §3: concurrency takes precedence); an admitted request counts in flight
   * until `release` and uses up one call of the window.
   */
  admit(username: string): Admission {
    let state = this.#tenants.get(username);
    if (state === undefined) {
      state = { stats: emptyStats(), admittedAt: [] };
      this.#tenants.set(username, state);
    }
    const { stats } = state;
    const modes = this.#modes;
    if (modes.concurrencyLimit !== undefined && stats.inFlight >= modes.concurrencyLimit) {
      stats.rejectedConcurrency += 1;
      return {
        kind: 'rejected',
        fault: 'concurrency',
        answer: envelopeAnswer(
          409,
          SimulatorErrorCode.CONCURRENCY_LIMIT,
          `Concurrency limit exceeded: ${stats.inFlight} of ${modes.concurrencyLimit} API calls running`,
          {
            'X-Concurrency-Limit-Limit': String(modes.concurrencyLimit),
            'X-Concurrency-Limit-Running': String(stats.inFlight),
          },
        ),
      };
    }
    const headers: Record<string, string> = {};
    const rate = modes.rateLimit;
    if (rate !== undefined) {
      const now = this.#now();
      state.admittedAt = state.admittedAt.filter((at) => at > now - rate.windowMs);
      const windowSec = String(Math.ceil(rate.windowMs / 1000));
      const withHeaders = modes.rateLimitHeaders !== false;
      if (state.admittedAt.length >= rate.limit) {
        stats.rejectedRate += 1;
        const oldest = state.admittedAt[state.admittedAt.length - rate.limit] as number;
        const waitSec = String(Math.max(1, Math.ceil((oldest + rate.windowMs - now) / 1000)));
        const status = rate.status ?? 429;
        return {
          kind: 'rejected',
          fault: 'rate',
          answer: envelopeAnswer(
            status,
            SimulatorErrorCode.RATE_LIMIT,
            `Rate limit exceeded: ${rate.limit} API calls per ${windowSec} s; retry in ${waitSec} s`,
            {
              'Retry-After': waitSec,
              ...(withHeaders
                ? {
                    'X-RateLimit-Limit': String(rate.limit),
                    'X-RateLimit-Window-Sec': windowSec,
                    'X-RateLimit-Remaining': '0',
                    'X-RateLimit-ToWait-Sec': waitSec,
                  }
                : {}),
            },
          ),
        };
      }
      state.admittedAt.push(now);
      if (withHeaders) {
        headers['X-RateLimit-Limit'] = String(rate.limit);
        headers['X-RateLimit-Window-Sec'] = windowSec;
        headers['X-RateLimit-Remaining'] = String(rate.limit - state.admittedAt.length);
      }
    }
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    let released = false;
    const tenant = state;
    return {
      kind: 'admitted',
      plan: this.#draw(),
      headers,
      release: () => {
        if (!released) {
          released = true;
          tenant.stats.inFlight -= 1;
        }
      },
    };
  }

  /** Seven draws per admitted request, whatever the modes, so the sequence is stable. */
  #draw(): FaultPlan {
    const m = this.#modes;
    const next = this.#prng.next;
    const [reset, error, errorPick, resetAfter, errorAfter, errorAfterPick, malformed] = [
      next(),
      next(),
      next(),
      next(),
      next(),
      next(),
      next(),
    ] as [number, number, number, number, number, number, number];
    const pickStatus = (u: number): number => ERROR_STATUSES[Math.floor(u * ERROR_STATUSES.length)] as number;
    return {
      reset: reset < (m.resetRate ?? 0),
      errorStatus: error < (m.errorRate ?? 0) ? pickStatus(errorPick) : null,
      resetAfter: resetAfter < (m.resetAfterRate ?? 0),
      errorAfterStatus: errorAfter < (m.errorAfterRate ?? 0) ? pickStatus(errorAfterPick) : null,
      malformed: malformed < (m.malformedRate ?? 0),
      slowHeadersMs: m.slowHeadersMs ?? 0,
      slowBodyMs: m.slowBodyMs ?? 0,
    };
  }
}

/**
 * The answer of a random 5xx: an `_error` envelope with errorCode 9007.
 *
 * @param status - 500, 502 or 503.
 * @param when - `before` or `after` the route ran (named in the message).
 */
export function injectedErrorAnswer(status: number, when: 'before' | 'after'): ModeAnswer {
  return envelopeAnswer(
    status,
    SimulatorErrorCode.INJECTED_FAULT,
    `Injected fault: HTTP ${status} (${when === 'before' ? 'errorRate' : 'errorAfterRate'})`,
  );
}

/** Cuts a JSON payload in half (at least one character dropped). */
export function truncateJson(payload: string): string {
  return payload.length < 2 ? '{' : payload.slice(0, Math.floor(payload.length / 2));
}
