/**
 * Idempotency keys for the create mutations: a client that retries a create after losing the
 * response (timeout, dropped connection) sends the same `idempotencyKey` and gets the first
 * outcome back instead of a second job. Nothing is ever sent to Qualys twice for one key.
 *
 * One store per gateway (`GatewayDeps.idempotency`), in memory: entries live `ttlMs` (default 24 h)
 * and at most `maxEntries` are kept. Keys are scoped by caller (`callerScope`) and mutation, so
 * one caller's key never answers another caller.
 */
import { createHash } from 'node:crypto';

/** What identifies one idempotent request. */
export interface IdempotencyKey {
  /** Whose key it is: {@link callerScope} of the request. */
  readonly scope: string;
  /** The mutation, e.g. `createPatchJob`. */
  readonly operation: string;
  /** The client's `idempotencyKey` argument. */
  readonly key: string;
}

/**
 * The answer of {@link IdempotencyStore.run}:
 * - `executed`: this request ran `execute` and `value` is its result;
 * - `replayed`: an earlier request with the same key and input ran it; `value` is its result
 *   (nothing was sent now);
 * - `key-reused`: the key was used before with a different input (nothing was sent);
 * - `outcome-unknown`: the earlier request with this key failed in a way that leaves its effect
 *   unknown (timeout, network error, 5xx: the job may exist), so it is not sent again.
 */
export type IdempotencyResult<T> =
  | { readonly status: 'executed'; readonly value: T }
  | { readonly status: 'replayed'; readonly value: T }
  | { readonly status: 'key-reused' }
  | { readonly status: 'outcome-unknown' };

/**
 * What the store gives the request it runs: `beforeSend`, awaited right before the request may
 * reach Qualys (after that point a lost answer makes the outcome unknown; before it the key is
 * free again should the process die). A no-op for the in-memory store.
 */
export interface IdempotencyHooks {
  beforeSend(): Promise<void>;
}

/** A store of idempotent outcomes: in memory (one replica) or in Redis (`src/cluster/`). */
export interface IdempotencyStore {
  /**
   * Runs `execute` at most once per key and input fingerprint:
   * - first use of the key: runs it; a result (success, or a rejection `execute` turned into a
   *   value) is stored and answered as `executed`; a thrown error is rethrown, and stored as an
   *   unknown outcome unless {@link IdempotencyStoreOptions.isNotExecuted} says the request was
   *   not executed (then the key is free again);
   * - same key and fingerprint while the first request is in flight: waits for it (one upstream
   *   call) and answers `replayed`, or `outcome-unknown` if it failed (rethrows its error when it
   *   was not executed);
   * - same key and fingerprint after it finished: `replayed` with the stored value, or
   *   `outcome-unknown`;
   * - same key, different fingerprint: `key-reused`, without running anything.
   */
  run<T>(
    key: IdempotencyKey,
    fingerprint: string,
    execute: (hooks: IdempotencyHooks) => Promise<T>,
  ): Promise<IdempotencyResult<T>>;
  /**
   * Number of entries this process holds (in flight and settled), for tests and metrics. The
   * shared Redis store (`src/cluster/`) holds none in the process and reports 0: its keys are in
   * Redis, under `idem:`.
   */
  readonly size: number;
}

/** Options of {@link createIdempotencyStore}. */
export interface IdempotencyStoreOptions {
  /** How long an outcome is kept, in ms, counted from the first request. Default 24 hours. */
  ttlMs?: number | undefined;
  /** Most entries kept; beyond it the oldest settled entries are dropped. Default 10,000. */
  maxEntries?: number | undefined;
  /** Wall clock in epoch ms. Default `Date.now`. For tests. */
  now?: (() => number) | undefined;
  /**
   * True when a thrown error proves the request was not executed upstream, so the key may be
   * used again. Default: errors whose request never left the gateway (`requestSent: false`:
   * circuit open, aborted while queued, budget used up, an invalid request, no service token,
   * connection refused), and answers that say Qualys did not run it (`QUALYS_RATE_LIMITED`
   * 409/429, `QUALYS_UNAUTHORIZED`, `QUALYS_AUTH_FAILED`). Any other error (a timeout, reset or
   * 5xx after the request was sent) is an unknown outcome.
   */
  isNotExecuted?: ((error: unknown) => boolean) | undefined;
}

/** Hooks that do nothing: what the in-memory store, and a create without a key, hand `execute`. */
export const NO_IDEMPOTENCY_HOOKS: IdempotencyHooks = { beforeSend: async () => undefined };

/** Default TTL of an idempotency entry: 24 hours, in ms. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Default maximum number of idempotency entries. */
export const DEFAULT_IDEMPOTENCY_MAX_ENTRIES = 10_000;

const NOT_EXECUTED_CODES = new Set(['QUALYS_RATE_LIMITED', 'QUALYS_UNAUTHORIZED', 'QUALYS_AUTH_FAILED']);

/** The default `isNotExecuted` (see {@link IdempotencyStoreOptions.isNotExecuted}). */
export function defaultIsNotExecuted(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, requestSent } = error as { code?: unknown; requestSent?: unknown };
  if (requestSent === false) return true;
  return typeof code === 'string' && NOT_EXECUTED_CODES.has(code);
}

type Settled =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'not-executed'; readonly error: unknown };

interface Entry {
  readonly fingerprint: string;
  readonly createdAt: number;
  /** Resolves when the first request finished; never rejects. */
  readonly outcome: Promise<Settled>;
  settled: boolean;
}

/**
 * Creates an in-memory idempotency store. Create one per gateway and share it by all requests.
 * Shape: {@link IdempotencyStoreOptions} -> {@link IdempotencyStore}.
 * @throws RangeError when `ttlMs` or `maxEntries` is not a positive number.
 */
export function createIdempotencyStore(options: IdempotencyStoreOptions = {}): IdempotencyStore {
  const ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
  const maxEntries = options.maxEntries ?? DEFAULT_IDEMPOTENCY_MAX_ENTRIES;
  if (!(ttlMs > 0)) throw new RangeError('ttlMs must be positive');
  if (!(Number.isInteger(maxEntries) && maxEntries > 0))
    throw new RangeError('maxEntries must be a positive integer');
  const now = options.now ?? Date.now;
  const isNotExecuted = options.isNotExecuted ?? defaultIsNotExecuted;
  const entries = new Map<string, Entry>();

  function sweep(at: number): void {
    for (const [id, entry] of entries) {
      if (entry.settled && at - entry.createdAt >= ttlMs) entries.delete(id);
    }
    if (entries.size < maxEntries) return;
    // Oldest first (Map keeps insertion order); entries in flight are never dropped.
    for (const [id, entry] of entries) {
      if (entries.size < maxEntries) break;
      if (entry.settled) entries.delete(id);
    }
  }

  async function answerFrom<T>(entry: Entry): Promise<IdempotencyResult<T>> {
    const settled = await entry.outcome;
    if (settled.kind === 'not-executed') throw settled.error;
    return settled.kind === 'value'
      ? { status: 'replayed', value: settled.value as T }
      : { status: 'outcome-unknown' };
  }

  return {
    get size() {
      return entries.size;
    },
    async run<T>(key: IdempotencyKey, fingerprint: string, execute: (hooks: IdempotencyHooks) => Promise<T>) {
      const at = now();
      sweep(at);
      const id = JSON.stringify([key.scope, key.operation, key.key]);
      const existing = entries.get(id);
      if (existing && !(existing.settled && at - existing.createdAt >= ttlMs)) {
        if (existing.fingerprint !== fingerprint) return { status: 'key-reused' };
        return answerFrom<T>(existing);
      }

      let settle: (settled: Settled) => void = () => {};
      const entry: Entry = {
        fingerprint,
        createdAt: at,
        outcome: new Promise<Settled>((resolve) => {
          settle = resolve;
        }),
        settled: false,
      };
      entries.set(id, entry);
      try {
        const value = await execute(NO_IDEMPOTENCY_HOOKS);
        entry.settled = true;
        settle({ kind: 'value', value });
        return { status: 'executed', value };
      } catch (error) {
        entry.settled = true;
        if (isNotExecuted(error)) {
          // Not executed upstream: free the key; requests waiting on this one see the same failure.
          if (entries.get(id) === entry) entries.delete(id);
          settle({ kind: 'not-executed', error });
        } else {
          settle({ kind: 'unknown' });
        }
        throw error;
      }
    },
  };
}

/**
 * The idempotency scope of a caller: `'service'` when the gateway calls Qualys with its own
 * service credentials (every caller acts as the same Qualys user), otherwise the SHA-256 (hex)
 * of the caller's bearer token. Never the token itself, and never a claim decoded from an
 * unverified JWT (it could be forged). `'anonymous'` when there is no token (such calls fail
 * with `QUALYS_UNAUTHORIZED`, which frees the key).
 */
export function callerScope(serviceCredentials: boolean, bearerToken: string | undefined): string {
  if (serviceCredentials) return 'service';
  if (bearerToken === undefined) return 'anonymous';
  return `token:${createHash('sha256').update(bearerToken).digest('hex')}`;
}

/** Canonical JSON (object keys sorted, `undefined` dropped) of a JSON-like value. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The fingerprint of a normalised input: SHA-256 (hex) of its canonical JSON, so two inputs that
 * mean the same job (key order, omitted vs default values once normalised) match.
 */
export function inputFingerprint(normalisedInput: unknown): string {
  return createHash('sha256').update(canonicalJson(normalisedInput)).digest('hex');
}
