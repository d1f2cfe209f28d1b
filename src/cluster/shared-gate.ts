/**
 * The upstream gate shared by the replicas of a deployment ({@link SharedGate}): one concurrency
 * cap and one rate budget per Qualys subscription, whatever the number of gateway processes.
 *
 * - The cap is a Redis semaphore (`redis-semaphore`: a sorted set of lease holders, fair by
 *   acquisition time, each lease refreshed while its call runs and expiring `leaseMs` after a
 *   replica dies, so a crash never holds a slot longer than that).
 * - The budget is a sliding log of call starts in Redis (`sliding-window-rate-limiter`, on the
 *   Redis server's clock): no rolling window ever holds more than `rateLimit.calls` starts.
 * - A pause Qualys asks for (`Retry-After` on a 409/429) is published to every replica, which
 *   then lets no call through before it ends.
 *
 * Within a replica waiters queue in arrival order and only the oldest polls Redis, so a replica
 * with many waiters costs Redis what one waiter does. While Redis is unreachable the gate falls
 * back to this process's own {@link UpstreamGate} with the same limits (each replica then keeps
 * its own cap: the deployment may run `replicas x cap` calls until Redis is back), and rejoins
 * when Redis answers again.
 */

import { RedisSlidingWindowRateLimiter } from 'sliding-window-rate-limiter';
import { type CallGate, type RateBudget, sleep, UpstreamGate } from '../qualys/governor.js';
import { DEFAULT_SLOT_LEASE_MS } from './defaults.js';
import { LeasedSemaphore } from './leases.js';
import type { ClusterLogger, ClusterRedis } from './redis-connection.js';

/** Key of the semaphore's lease holders (redis-semaphore stores them as `semaphore:<key>`). */
const KEY_SLOTS = 'slots';
/** Key of the sliding log of call starts. */
const KEY_RATE = 'rate';
/** Key holding the end (epoch ms) of the pause Qualys asked for. */
const KEY_PAUSE = 'pause';
/** Stores a pause's end unless a later one is stored. KEYS[1] pause; ARGV[1] end (epoch ms); ARGV[2] its TTL, ms. */
const EXTEND_PAUSE_LUA = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

interface PauseScript {
  qpmgwExtendPause(key: string, until: string, ttlMs: string): Promise<number>;
}

/** Channel announcing a new pause (message: its end, epoch ms). */
const CHANNEL_PAUSE = 'pause';
/** Channel announcing a freed slot. */
const CHANNEL_RELEASED = 'released';

/**
 * Time a call counts in the shared rate window beyond `windowMs`, in ms: the budget is reserved in
 * Redis before the request travels to Qualys, which counts it on arrival; without this allowance
 * two calls reserved exactly `windowMs` apart could arrive less than `windowMs` apart.
 */
export const RATE_TRANSIT_ALLOWANCE_MS = 250;

/** Options of {@link SharedGate}. */
export interface SharedGateOptions {
  /** Calls in flight at most across all replicas (`QUALYS_CONCURRENCY`); `Infinity` = no cap. */
  concurrency: number;
  /** Call starts at most per rolling window across all replicas; `undefined` = no budget. */
  rateLimit?: RateBudget | undefined;
  /** Lease of a slot in ms (`QUALYS_SLOT_LEASE_MS`). Default {@link DEFAULT_SLOT_LEASE_MS}. */
  leaseMs?: number | undefined;
  /**
   * How often the oldest waiter tries again when no release was announced, in ms (a slot of a
   * crashed replica frees silently when its lease ends). Default 50.
   */
  pollMs?: number | undefined;
  logger?: ClusterLogger | undefined;
}

interface Waiter {
  readonly signal: AbortSignal | undefined;
  readonly resolve: (release: () => void) => void;
  readonly reject: (reason: unknown) => void;
}

/** True when the failure is the waiter's own abort, not a Redis command that could not run. */
function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

/** The shared gate (see the module comment). */
export class SharedGate implements CallGate {
  readonly #redis: ClusterRedis;
  readonly #concurrency: number;
  readonly #rate: RateBudget | undefined;
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #logger: ClusterLogger | undefined;
  readonly #local: UpstreamGate;
  readonly #limiter: RedisSlidingWindowRateLimiter | undefined;
  readonly #queue: Waiter[] = [];
  /** Wakes the head waiter early: another call (of any replica) released a slot. */
  #wake: (() => void) | undefined;
  #pumping = false;
  #active = 0;
  /** No slot before this epoch ms (a pause Qualys asked for, from any replica). */
  #pausedUntil = 0;
  /** Whether the fallback to local limits was logged since Redis was last usable. */
  #fallbackLogged = false;

  constructor(redis: ClusterRedis, options: SharedGateOptions) {
    this.#redis = redis;
    this.#concurrency = options.concurrency;
    this.#rate = options.rateLimit;
    this.#leaseMs = options.leaseMs ?? DEFAULT_SLOT_LEASE_MS;
    this.#pollMs = options.pollMs ?? 50;
    this.#logger = options.logger;
    this.#local = new UpstreamGate(options.concurrency, options.rateLimit);
    this.#limiter =
      options.rateLimit === undefined
        ? undefined
        : new RedisSlidingWindowRateLimiter({
            // The library declares its own ioredis type; it is the same client class.
            redis: redis.client as never,
            interval: options.rateLimit.windowMs + RATE_TRANSIT_ALLOWANCE_MS,
          });
    redis.client.defineCommand('qpmgwExtendPause', { numberOfKeys: 1, lua: EXTEND_PAUSE_LUA });
    redis.subscribe(CHANNEL_PAUSE, (message) => this.#pauseUntil(Number(message)));
    redis.subscribe(CHANNEL_RELEASED, () => this.#wake?.());
    // A replica that starts during a pause (or rejoins after an outage) honours it too.
    const readPause = () =>
      void redis.client
        .get(KEY_PAUSE)
        .then((value) => {
          if (value !== null) this.#pauseUntil(Number(value));
        })
        .catch(() => undefined);
    readPause();
    redis.onStateChange((up) => {
      if (!up) return;
      this.#fallbackLogged = false;
      readPause();
    });
  }

  /** Calls of this process holding a slot (shared or, while Redis is down, local). */
  get active(): number {
    return this.#active + this.#local.active;
  }

  /** Callers of this process waiting for a slot or a rate token. */
  get queued(): number {
    return this.#queue.length + this.#local.queued;
  }

  #pauseUntil(until: number): void {
    if (Number.isFinite(until) && until > this.#pausedUntil) this.#pausedUntil = until;
  }

  /** What is left of the pause Qualys asked any replica for, in ms (0 when none). */
  pausedForMs(): number {
    // Every local pause is also recorded here (pause() sets both), so this one end suffices.
    return Math.max(0, this.#pausedUntil - Date.now());
  }

  /** Every replica waits `ms` from now: published through Redis (and kept here when it is down). */
  pause(ms: number): void {
    if (!(ms > 0)) return;
    const until = Date.now() + ms;
    this.#pauseUntil(until);
    this.#local.pause(ms);
    if (!this.#redis.isUp()) return;
    // Only a later end replaces the stored one: a replica starting during the longer of two
    // pauses must read the longer one.
    void (this.#redis.client as unknown as PauseScript)
      .qpmgwExtendPause(KEY_PAUSE, String(until), String(ms))
      .then(() => this.#redis.publish(CHANNEL_PAUSE, String(until)))
      .catch(() => undefined);
  }

  /**
   * See {@link CallGate.acquire}: a shared slot and budget token while Redis answers (waiters of
   * this process queue in arrival order), this process's own gate while it does not.
   * @throws the signal's abort reason when it aborts before a slot was granted.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    const unlimited = this.#concurrency === Number.POSITIVE_INFINITY && this.#rate === undefined;
    if (unlimited || !this.#redis.isUp()) return this.#local.acquire(signal);
    return new Promise<() => void>((resolve, reject) => {
      const onAbort = () => {
        const i = this.#queue.indexOf(waiter);
        // The head is mid-acquisition: it sees the abort there and leaves the queue itself.
        if (i > 0) {
          this.#queue.splice(i, 1);
          reject(signal?.reason as Error);
        }
      };
      const waiter: Waiter = {
        signal,
        resolve: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
        reject: (reason) => {
          signal?.removeEventListener('abort', onAbort);
          reject(reason);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
      void this.#pump();
    });
  }

  /** Grants slots to the queue's head, one after the other, while it is not empty. */
  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#queue.length > 0) {
        const head = this.#queue[0] as Waiter;
        try {
          const release = await this.#acquireShared(head.signal);
          this.#queue.shift();
          head.resolve(release);
        } catch (error) {
          this.#queue.shift();
          if (isAbort(error, head.signal)) {
            head.reject(head.signal?.reason ?? error);
            continue;
          }
          // Redis failed mid-acquisition: this waiter and every later one go to the local gate.
          if (!this.#fallbackLogged) {
            this.#fallbackLogged = true;
            this.#logger?.warn(
              { error: error instanceof Error ? error.message : String(error) },
              'shared upstream gate unavailable; this replica uses its own limits until Redis is back',
            );
          }
          for (const waiter of [head, ...this.#queue.splice(0)]) {
            this.#local.acquire(waiter.signal).then(waiter.resolve, waiter.reject);
          }
        }
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** Waits until a pause Qualys asked for is over. */
  async #waitPause(signal: AbortSignal | undefined): Promise<void> {
    for (let left = this.#pausedUntil - Date.now(); left > 0; left = this.#pausedUntil - Date.now()) {
      await sleep(left, signal);
    }
  }

  /** Waits for a release announced by any replica, at most `pollMs`. */
  #waitRelease(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#wake = undefined;
      };
      const onAbort = () => {
        done();
        reject(signal?.reason as Error);
      };
      const timer = setTimeout(() => {
        done();
        resolve();
      }, this.#pollMs);
      this.#wake = () => {
        done();
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * One slot of the shared cap, then one token of the shared budget, for the queue's head. The
   * slot comes first so that a call's budget token is taken right before it is sent (a token
   * taken while waiting for a slot would count in a window the call is not sent in).
   */
  async #acquireShared(signal: AbortSignal | undefined): Promise<() => void> {
    await this.#waitPause(signal);
    const semaphore =
      this.#concurrency === Number.POSITIVE_INFINITY
        ? undefined
        : new LeasedSemaphore(this.#redis.client, KEY_SLOTS, this.#concurrency, {
            lockTimeout: this.#leaseMs,
            // One Redis round trip per try; the loop below waits between tries.
            acquireAttemptsLimit: 1,
            retryInterval: 0,
            refreshInterval: Math.round(this.#leaseMs * 0.4),
            onLockLost: () =>
              this.#logger?.warn(
                { leaseMs: this.#leaseMs },
                'a shared upstream slot lease was lost (Redis unreachable or the call outlived its lease)',
              ),
          });
    if (semaphore !== undefined) {
      while (!(await semaphore.tryAcquire(signal))) await this.#waitRelease(signal);
    }
    let token: number | undefined;
    try {
      signal?.throwIfAborted();
      const limiter = this.#limiter;
      for (;;) {
        if (limiter !== undefined && this.#rate !== undefined) {
          for (;;) {
            const reserved = await limiter.reserve(KEY_RATE, this.#rate.calls);
            if (reserved.token !== undefined) {
              token = reserved.token;
              break;
            }
            await sleep(Math.max(5, reserved.reset ?? this.#pollMs), signal);
          }
        }
        // A pause may have started while this waiter waited. It is waited out holding the slot,
        // but not the budget token: a token taken before a long pause would have left the
        // window by the time the call is sent, letting the window after it hold too many.
        if (this.#pausedUntil <= Date.now()) break;
        if (token !== undefined) {
          const taken = token;
          token = undefined;
          await limiter?.cancel(KEY_RATE, taken);
        }
        await this.#waitPause(signal);
        if (limiter === undefined) break;
      }
    } catch (error) {
      if (token !== undefined) void this.#limiter?.cancel(KEY_RATE, token).catch(() => undefined);
      if (semaphore?.isAcquired) void this.#releaseSlot(semaphore);
      throw error;
    }
    this.#active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active -= 1;
      if (semaphore !== undefined) void this.#releaseSlot(semaphore);
    };
  }

  /** Frees a slot in Redis and tells every replica's head waiter. */
  async #releaseSlot(semaphore: LeasedSemaphore): Promise<void> {
    try {
      await semaphore.release();
      await this.#redis.publish(CHANNEL_RELEASED, '');
    } catch {
      // Unreachable: the lease ends on its own.
    }
  }
}
