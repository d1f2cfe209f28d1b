/**
 * Idempotency keys in Redis ({@link createRedisIdempotencyStore}): the create mutations' keys,
 * input fingerprints, in-flight markers and outcomes are shared by every replica, so a retry on
 * any replica (or after a restart) gets the first outcome, and two replicas racing on one key
 * send one POST.
 *
 * One hash per key, `idem:<sha256(scope, mutation, key)>`, living `ttlMs` from the first request:
 *
 * | field | meaning |
 * | --- | --- |
 * | `fp` | the input fingerprint |
 * | `state` | `reserved` (taken, nothing sent yet), `sent` (the POST may have reached Qualys), `value` (answered), `unknown` (ended without a definite answer) |
 * | `run` | id of the request that holds the key |
 * | `owner` | the replica running it; alive while its key `live:<owner>` exists (a lease refreshed every third of `leaseMs`) |
 * | `deadline` | epoch ms after which the holder has certainly given up (its request deadline) |
 * | `value` | the outcome as JSON, with `state` `value` |
 *
 * A second request with the same key waits (polling) while the holder is alive and within its
 * deadline. When the holder died or gave up, a key still `reserved` is taken over (nothing was
 * sent, so this request sends it: one POST) and a key `sent` answers `outcome-unknown` (the job may
 * exist; it is never sent again). A request that provably did not reach Qualys deletes the key.
 * Every change of an existing record is a compare-and-set on `run` (a small Lua script: no
 * library offers a compare-and-set record), so a holder that was taken over can no longer write.
 *
 * While Redis is unreachable a keyed create is refused with `IDEMPOTENCY_UNAVAILABLE` before
 * anything is sent: falling back to this process alone could send a retry twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import {
  DEFAULT_IDEMPOTENCY_TTL_MS,
  defaultIsNotExecuted,
  type IdempotencyHooks,
  type IdempotencyKey,
  type IdempotencyResult,
  type IdempotencyStore,
} from '../idempotency.js';
import { sleep } from '../qualys/governor.js';
import type { ClusterLogger, ClusterRedis } from './redis-connection.js';

/**
 * A keyed create refused because the shared idempotency store is unreachable (GraphQL error,
 * `extensions.code` `IDEMPOTENCY_UNAVAILABLE`); nothing was sent (`requestSent: false`). Retry
 * with the same key later.
 */
export class IdempotencyUnavailableError extends GraphQLError {
  readonly requestSent = false;
  constructor(cause?: unknown) {
    super(
      'The idempotency store (Redis) is unreachable, so a create with an idempotencyKey cannot be made safely; ' +
        'nothing was sent. Retry with the same key later.',
      {
        extensions: { code: 'IDEMPOTENCY_UNAVAILABLE' },
        originalError: cause instanceof Error ? cause : undefined,
      },
    );
    this.name = 'IdempotencyUnavailableError';
  }
}

/** Options of {@link createRedisIdempotencyStore}. */
export interface RedisIdempotencyStoreOptions {
  /** How long an outcome is kept, ms, from the first request. Default 24 hours. */
  readonly ttlMs?: number | undefined;
  /**
   * Longest time one request may hold a key, ms: the gateway's request timeout. A holder past it
   * has given up (its key is taken over or answered `outcome-unknown`). Default 60,000.
   */
  readonly holdMs?: number | undefined;
  /** Lease of this replica's liveness key, ms. Default 10,000. */
  readonly leaseMs?: number | undefined;
  /** How often a waiting request looks at the key again, ms. Default 100. */
  readonly pollMs?: number | undefined;
  /** See `IdempotencyStoreOptions.isNotExecuted`. */
  readonly isNotExecuted?: ((error: unknown) => boolean) | undefined;
  readonly logger?: ClusterLogger | undefined;
}

/** The shared store, plus `close` to stop the liveness lease. */
export interface RedisIdempotencyStore extends IdempotencyStore {
  /** This replica's id (the `owner` of the keys it holds). */
  readonly instanceId: string;
  /** Stops refreshing the liveness key and deletes it (the keys this replica held can be taken over). */
  close(): Promise<void>;
}

/** Creates the record unless the key exists. KEYS[1] record; ARGV[1] TTL ms; ARGV[2..] field, value pairs. */
const CREATE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

/**
 * Changes the record only while `run` is ARGV[1]: ARGV[2] `del` deletes it, `set` sets the
 * field, value pairs ARGV[3..] (the TTL is kept).
 */
const UPDATE_LUA = `
if redis.call('HGET', KEYS[1], 'run') ~= ARGV[1] then return 0 end
if ARGV[2] == 'del' then redis.call('DEL', KEYS[1]) return 1 end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
return 1`;

interface ScriptedRedis {
  qpmgwIdemCreate(key: string, ttlMs: number, ...fields: string[]): Promise<number>;
  qpmgwIdemUpdate(key: string, run: string, mode: 'del' | 'set', ...fields: string[]): Promise<number>;
}

type State = 'reserved' | 'sent' | 'value' | 'unknown';

/**
 * Creates the Redis idempotency store of a replica. Shape: {@link RedisIdempotencyStoreOptions}
 * -> {@link RedisIdempotencyStore}; `run` follows `IdempotencyStore.run`, except that requests
 * waiting on one that turns out not executed try themselves instead of sharing its error.
 * @throws IdempotencyUnavailableError (from `run`) when Redis is unreachable before anything was sent.
 */
export function createRedisIdempotencyStore(
  redis: ClusterRedis,
  options: RedisIdempotencyStoreOptions = {},
): RedisIdempotencyStore {
  const ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
  const holdMs = options.holdMs ?? 60_000;
  const leaseMs = options.leaseMs ?? 10_000;
  const pollMs = options.pollMs ?? 100;
  const isNotExecuted = options.isNotExecuted ?? defaultIsNotExecuted;
  const logger = options.logger;
  const instanceId = randomUUID();
  const client = redis.client;
  client.defineCommand('qpmgwIdemCreate', { numberOfKeys: 1, lua: CREATE_LUA });
  client.defineCommand('qpmgwIdemUpdate', { numberOfKeys: 1, lua: UPDATE_LUA });
  const scripts = client as unknown as ScriptedRedis;
  const liveKey = (owner: string) => `live:${owner}`;

  const refreshLiveness = () =>
    void client.set(liveKey(instanceId), '1', 'PX', leaseMs).catch(() => undefined);
  refreshLiveness();
  const lease = setInterval(refreshLiveness, Math.max(10, Math.floor(leaseMs / 3)));
  lease.unref();
  redis.onStateChange((up) => {
    if (up) refreshLiveness();
  });

  /** Runs a Redis command; an unreachable Redis becomes {@link IdempotencyUnavailableError}. */
  async function command<T>(run: () => Promise<T>): Promise<T> {
    if (!redis.isUp()) throw new IdempotencyUnavailableError();
    try {
      return await run();
    } catch (error) {
      throw new IdempotencyUnavailableError(error);
    }
  }

  /** Writes after the request ran: a failure is logged (a retry then waits for the deadline). */
  async function record(id: string, run: string, mode: 'del' | 'set', ...fields: string[]): Promise<void> {
    try {
      await scripts.qpmgwIdemUpdate(id, run, mode, ...fields);
    } catch (error) {
      logger?.error(
        { error: error instanceof Error ? error.message : String(error) },
        'could not record the outcome of an idempotent create in Redis; a retry with its key answers OUTCOME_UNKNOWN',
      );
    }
  }

  /** Runs `execute` holding the key under run id `run`. */
  async function hold<T>(
    id: string,
    run: string,
    execute: (hooks: IdempotencyHooks) => Promise<T>,
  ): Promise<IdempotencyResult<T>> {
    const hooks: IdempotencyHooks = {
      beforeSend: async () => {
        const held = await command(() => scripts.qpmgwIdemUpdate(id, run, 'set', 'state', 'sent'));
        // Taken over (this request outlived its hold): the other request sends it, not this one.
        if (held !== 1) throw new IdempotencyUnavailableError();
      },
    };
    let value: T;
    try {
      value = await execute(hooks);
    } catch (error) {
      if (isNotExecuted(error)) await record(id, run, 'del');
      else await record(id, run, 'set', 'state', 'unknown');
      throw error;
    }
    await record(id, run, 'set', 'state', 'value', 'value', JSON.stringify(value ?? null));
    return { status: 'executed', value };
  }

  return {
    instanceId,
    get size() {
      return 0;
    },
    async run<T>(key: IdempotencyKey, fingerprint: string, execute: (hooks: IdempotencyHooks) => Promise<T>) {
      const id = `idem:${createHash('sha256')
        .update(JSON.stringify([key.scope, key.operation, key.key]))
        .digest('hex')}`;
      const run = randomUUID();
      const mine = () => ['run', run, 'owner', instanceId, 'deadline', String(Date.now() + holdMs)];
      for (;;) {
        const created = await command(() =>
          scripts.qpmgwIdemCreate(id, ttlMs, 'fp', fingerprint, 'state', 'reserved', ...mine()),
        );
        if (created === 1) return hold(id, run, execute);
        const existing = await command(() => client.hgetall(id));
        if (existing['run'] === undefined) continue; // freed meanwhile: try to take it
        if (existing['fp'] !== fingerprint) return { status: 'key-reused' };
        const state = existing['state'] as State;
        if (state === 'value') {
          return { status: 'replayed', value: JSON.parse(existing['value'] ?? 'null') as T };
        }
        if (state === 'unknown') return { status: 'outcome-unknown' };
        const owner = existing['owner'] ?? '';
        const alive = (await command(() => client.exists(liveKey(owner)))) === 1;
        const givenUp = Date.now() > Number(existing['deadline']);
        if (alive && !givenUp) {
          await sleep(pollMs, undefined);
          continue;
        }
        const holder = existing['run'];
        if (state === 'reserved') {
          // Nothing was sent: this request takes the key over and sends it.
          const taken = await command(() =>
            scripts.qpmgwIdemUpdate(id, holder, 'set', 'state', 'reserved', ...mine()),
          );
          if (taken === 1) return hold(id, run, execute);
          continue;
        }
        // Sent, and its holder is gone: the job may exist. Recorded so later retries answer at once.
        await command(() => scripts.qpmgwIdemUpdate(id, holder, 'set', 'state', 'unknown'));
        return { status: 'outcome-unknown' };
      }
    },
    async close() {
      clearInterval(lease);
      await client.del(liveKey(instanceId)).catch(() => undefined);
    },
  };
}
