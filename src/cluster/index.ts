/**
 * Coordination of the replicas of one deployment through Redis (`REDIS_URL`): what each replica
 * would otherwise keep to itself, shared per Qualys subscription.
 *
 * | shared | module | Redis keys (under `REDIS_PREFIX`) |
 * | --- | --- | --- |
 * | concurrency cap, rate budget, `Retry-After` pauses | `shared-gate.ts` | `semaphore:slots`, `rate`, `pause`; channels `pause`, `released` |
 * | the service token and its refresh | `shared-token-cache.ts` | `token` (encrypted), `mutex:auth` |
 * | idempotency keys of the create mutations | `redis-idempotency-store.ts` | `idem:<sha256>`, `live:<replica>` |
 *
 * The circuit breaker stays per replica on purpose: it judges the path from this process to
 * Qualys (its DNS, proxy, connection pool), which one replica can lose while the others keep it,
 * and a shared breaker would let one replica's network trouble stop all of them. Its failure
 * threshold needs several consecutive failures anyway, which every replica sees quickly when
 * Qualys itself is down.
 *
 * Without Redis (unset) none of this is loaded and one process behaves on its own. When Redis
 * becomes unreachable later, each part falls back as its module says (local limits, a token of
 * its own, keyed creates refused) and rejoins when Redis is back; {@link Cluster.isUp} tells
 * `/readiness` and the `…_coordination_up` gauge.
 */
import type { IdempotencyStore } from '../idempotency.js';
import type { QualysServiceCredentials, TokenCache } from '../qualys/auth.js';
import type { CallGate, RateBudget } from '../qualys/governor.js';
import { type ClusterLogger, connectClusterRedis } from './redis-connection.js';
import { createRedisIdempotencyStore } from './redis-idempotency-store.js';
import { SharedGate } from './shared-gate.js';
import { createSharedTokenCache } from './shared-token-cache.js';

export { DEFAULT_REDIS_PREFIX, DEFAULT_SLOT_LEASE_MS } from './defaults.js';
export { IdempotencyUnavailableError } from './redis-idempotency-store.js';
export { RATE_TRANSIT_ALLOWANCE_MS } from './shared-gate.js';

/** Options of {@link createCluster}. */
export interface ClusterOptions {
  /** `redis://` or `rediss://` URL. */
  readonly redisUrl: string;
  /** Prefix of every key and channel (`REDIS_PREFIX`). */
  readonly prefix: string;
  /** The Qualys base URL (binds the shared token to one platform). */
  readonly baseUrl: string;
  /** `QUALYS_CONCURRENCY` (`Infinity` = no cap). */
  readonly concurrency: number;
  /** `QUALYS_RATE_LIMIT_CALLS` / `_WINDOW_MS`, or `undefined`. */
  readonly rateLimit?: RateBudget | undefined;
  /** `QUALYS_SLOT_LEASE_MS`. */
  readonly slotLeaseMs: number;
  /** Service credentials, when the gateway has them (else no shared token). */
  readonly credentials?: QualysServiceCredentials | undefined;
  /** `QUALYS_TIMEOUT_MS`: the longest `POST /auth`. */
  readonly qualysTimeoutMs: number;
  /** `REQUEST_TIMEOUT_MS`: the longest hold of an idempotency key. */
  readonly requestTimeoutMs: number;
  readonly logger?: ClusterLogger | undefined;
}

/** What the replicas share; hand `gate` and `tokenCache` to the Qualys client, `idempotency` to the gateway. */
export interface Cluster {
  readonly gate: CallGate;
  readonly tokenCache: TokenCache | undefined;
  readonly idempotency: IdempotencyStore;
  /** True while Redis is reachable. */
  isUp(): boolean;
  /** Stops the leases and closes the connections. */
  close(): Promise<void>;
}

/**
 * Connects to Redis and builds the shared parts.
 * @throws Error when Redis does not answer at startup (the gateway does not start half-coordinated).
 */
export async function createCluster(options: ClusterOptions): Promise<Cluster> {
  const redis = await connectClusterRedis(options.redisUrl, {
    prefix: options.prefix,
    logger: options.logger,
  });
  const gate = new SharedGate(redis, {
    concurrency: options.concurrency,
    rateLimit: options.rateLimit,
    leaseMs: options.slotLeaseMs,
    logger: options.logger,
  });
  const tokenCache =
    options.credentials === undefined
      ? undefined
      : createSharedTokenCache(redis, {
          credentials: options.credentials,
          baseUrl: options.baseUrl,
          authTimeoutMs: options.qualysTimeoutMs,
        });
  const idempotency = createRedisIdempotencyStore(redis, {
    // The hold outlives the request by a margin: its last write may come after its deadline.
    holdMs: options.requestTimeoutMs + 5_000,
    leaseMs: options.slotLeaseMs,
    logger: options.logger,
  });
  return {
    gate,
    tokenCache,
    idempotency,
    isUp: () => redis.isUp(),
    async close() {
      await idempotency.close();
      await redis.close();
    },
  };
}
