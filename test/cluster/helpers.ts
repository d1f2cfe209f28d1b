/**
 * What the `src/cluster/` tests share: a key prefix per test (several files may share one Redis
 * through `REDIS_TEST_URL`), a "replica" (one `connectClusterRedis` connection, closed after the
 * test), and polling.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type ClusterLogger,
  type ClusterRedis,
  connectClusterRedis,
} from '../../src/cluster/redis-connection.js';

/** A key prefix no other test uses. */
export function newPrefix(): string {
  return `t:${randomUUID()}:`;
}

/** Functions run after each test (connections, children), newest first. */
export type Cleanups = Array<() => unknown>;

/** One replica's Redis connection under `prefix`; closed by `cleanups`. */
export async function replica(
  cleanups: Cleanups,
  url: string,
  prefix: string,
  logger?: ClusterLogger,
): Promise<ClusterRedis> {
  const redis = await connectClusterRedis(url, { prefix, logger });
  cleanups.push(() => redis.close());
  return redis;
}

/** Runs and empties `cleanups`, newest first, ignoring their failures. */
export async function runCleanups(cleanups: Cleanups): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch {
      // best effort: the next test starts clean either way
    }
  }
}

/** Polls `predicate` every 10 ms; throws after `timeoutMs`. */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs = 2_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}
