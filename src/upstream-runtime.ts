/**
 * The Qualys side of a gateway process, built from its {@link Config}: the client with its
 * governor, and, with `REDIS_URL`, the replica coordination that shares the governor, the
 * service token and the idempotency keys with the other replicas (docs/architecture.md §12).
 * `src/main.ts` and the benchmark's gateway process both build it here, so they cannot drift.
 */
import type { Cluster } from './cluster/index.js';
import type { Config } from './config.js';
import type { IdempotencyStore } from './idempotency.js';
import type { QualysServiceCredentials } from './qualys/auth.js';
import { createQualysClient } from './qualys/client.js';
import type { QualysCallEvent, QualysClient, QualysLogger } from './qualys/client-types.js';

/** What {@link openUpstream} needs beyond the config. */
export interface UpstreamRuntimeOptions {
  /** The Qualys base URL (the configured one, or the embedded simulator's). */
  readonly baseUrl: string;
  /** Service credentials, or `null` for forwarded tokens. */
  readonly credentials: QualysServiceCredentials | null;
  /** The Qualys client's logger; the coordination logs through it too (`info` as `debug`). */
  readonly logger: QualysLogger;
  /** Observer of every HTTP attempt the client makes. */
  readonly onCall?: ((event: QualysCallEvent) => void) | undefined;
}

/** The built upstream side. */
export interface UpstreamRuntime {
  readonly client: QualysClient;
  /**
   * The shared idempotency store with `REDIS_URL` (hand it to `createGateway`), else
   * `undefined` (the gateway keeps its own in-memory one).
   */
  readonly idempotency: IdempotencyStore | undefined;
  /** Replica coordination: `undefined` without `REDIS_URL`; `isUp()` feeds `/readiness` and the metric. */
  readonly coordination: Pick<Cluster, 'isUp'> | undefined;
  /** Closes the client, then the coordination's leases and connections. */
  close(): Promise<void>;
}

/**
 * Builds the Qualys client from `config` (timeouts, cap, rate budget, retries), sharing its gate
 * and token through Redis when `config.cluster` is set. The Redis modules load only then.
 * @throws Error when `REDIS_URL` is set and Redis does not answer at startup.
 */
export async function openUpstream(
  config: Config,
  options: UpstreamRuntimeOptions,
): Promise<UpstreamRuntime> {
  const rateLimit = config.upstream.rateLimit ?? undefined;
  let cluster: Cluster | undefined;
  if (config.cluster !== null) {
    const { createCluster } = await import('./cluster/index.js');
    const { logger } = options;
    cluster = await createCluster({
      redisUrl: config.cluster.redisUrl,
      prefix: config.cluster.prefix,
      slotLeaseMs: config.cluster.slotLeaseMs,
      baseUrl: options.baseUrl,
      concurrency: config.upstream.concurrency,
      rateLimit,
      credentials: options.credentials ?? undefined,
      qualysTimeoutMs: config.qualysTimeoutMs,
      requestTimeoutMs: config.requestTimeoutMs,
      logger: { info: (obj, msg) => logger.debug(obj, msg), warn: logger.warn, error: logger.error },
    });
  }
  const client = createQualysClient({
    baseUrl: options.baseUrl,
    timeoutMs: config.qualysTimeoutMs,
    concurrency: config.upstream.concurrency,
    ...(rateLimit === undefined ? {} : { rateLimit }),
    retry: { maxAttempts: config.upstream.retryMaxAttempts },
    ...(options.credentials === null ? {} : { credentials: options.credentials }),
    ...(cluster === undefined ? {} : { gate: cluster.gate, tokenCache: cluster.tokenCache }),
    logger: options.logger,
    ...(options.onCall === undefined ? {} : { onCall: options.onCall }),
  });
  return {
    client,
    idempotency: cluster?.idempotency,
    coordination: cluster,
    async close() {
      await client.close();
      await cluster?.close();
    },
  };
}
