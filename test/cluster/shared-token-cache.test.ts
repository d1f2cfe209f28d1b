/**
 * The service token shared by the replicas (`src/cluster/shared-token-cache.ts`) against a real
 * Redis: two replicas are two `connectClusterRedis` connections (and two caches) on one Redis and
 * prefix. The outage test starts a `redis-server` of its own and kills it.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterEach, expect, it } from 'vitest';
import type { ClusterLogger, ClusterRedis } from '../../src/cluster/redis-connection.js';
import {
  createSharedTokenCache,
  type SharedTokenCacheOptions,
} from '../../src/cluster/shared-token-cache.js';
import { describeWithRedis, REDIS_SERVER_BINARY, startOwnRedisServer } from '../helpers/redis.js';
import { type Cleanups, newPrefix, runCleanups, replica as sharedReplica, waitFor } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// Helpers (kept in this file: the test folder holds no shared helper of its own)
// ---------------------------------------------------------------------------------------------

const cleanups: Cleanups = [];
afterEach(() => runCleanups(cleanups));

/** One replica's coordination connection, closed after the test. */
const replica = (url: string, prefix: string, logger?: ClusterLogger): Promise<ClusterRedis> =>
  sharedReplica(cleanups, url, prefix, logger);

const OPTIONS: SharedTokenCacheOptions = {
  credentials: { username: 'svc-user', password: 'correct horse battery staple' },
  baseUrl: 'https://gateway.qg1.apps.qualys.com',
  authTimeoutMs: 1_000,
};

/** A JWT-looking token, unique per test. */
function newToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: randomUUID(), exp: 2_000_000_000 })}.c2lnbmF0dXJl`;
}

// ---------------------------------------------------------------------------------------------

describeWithRedis('shared token cache (two replicas on one Redis)', (redis) => {
  it('a token set by one replica is read by another', async () => {
    const prefix = newPrefix();
    const [a, b] = await Promise.all([replica(redis().url, prefix), replica(redis().url, prefix)]);
    const cacheA = createSharedTokenCache(a, OPTIONS);
    const cacheB = createSharedTokenCache(b, OPTIONS);
    expect(await cacheB.get()).toBeNull();
    const entry = { token: newToken(), refreshAtMs: Date.now() + 60_000 };
    await cacheA.set(entry);
    expect(await cacheB.get()).toEqual(entry);
    // A newer token replaces it for everyone.
    const next = { token: newToken(), refreshAtMs: Date.now() + 120_000 };
    await cacheB.set(next);
    expect(await cacheA.get()).toEqual(next);
  });

  it('stores the token encrypted: the raw value does not hold it in clear text', async () => {
    const prefix = newPrefix();
    const a = await replica(redis().url, prefix);
    const cache = createSharedTokenCache(a, OPTIONS);
    const token = newToken();
    const entry = { token, refreshAtMs: Date.now() + 60_000 };
    await cache.set(entry);

    const raw = new Redis(redis().url, { keyPrefix: prefix });
    cleanups.push(() => raw.quit());
    const stored = await raw.get('token');
    expect(stored).not.toBeNull();
    const value = stored as string;
    expect(value).not.toContain(token);
    for (const piece of token.split('.')) expect(value).not.toContain(piece);
    const bytes = Buffer.from(value, 'base64');
    expect(bytes.toString('base64')).toBe(value); // base64(iv | tag | ciphertext)
    expect(bytes.toString('latin1')).not.toContain(token);
    expect(bytes.toString('latin1')).not.toContain('refreshAtMs');
    // iv (12 B) + tag (16 B) + ciphertext of the JSON {token, refreshAtMs} (GCM: same length).
    expect(bytes.length).toBe(12 + 16 + Buffer.byteLength(JSON.stringify(entry)));
    // Nothing else under the prefix holds it either.
    const keys = await raw.keys(`${prefix}*`);
    expect(keys.map((key) => key.slice(prefix.length))).toEqual(['token']);

    // A fresh seal each time (random IV): the same entry twice gives two different values.
    await cache.set(entry);
    const first = await raw.get('token');
    await cache.set(entry);
    expect(await raw.get('token')).not.toBe(first);
  });

  it('a replica with other credentials or another platform cannot read it (null, no throw)', async () => {
    const prefix = newPrefix();
    const [a, b] = await Promise.all([replica(redis().url, prefix), replica(redis().url, prefix)]);
    await createSharedTokenCache(a, OPTIONS).set({ token: newToken(), refreshAtMs: Date.now() + 60_000 });
    const otherPassword = createSharedTokenCache(b, {
      ...OPTIONS,
      credentials: { ...OPTIONS.credentials, password: 'another password' },
    });
    const otherUser = createSharedTokenCache(b, {
      ...OPTIONS,
      credentials: { ...OPTIONS.credentials, username: 'other-user' },
    });
    const otherPlatform = createSharedTokenCache(b, {
      ...OPTIONS,
      baseUrl: 'https://gateway.qg2.apps.qualys.com',
    });
    await expect(otherPassword.get()).resolves.toBeNull();
    await expect(otherUser.get()).resolves.toBeNull();
    await expect(otherPlatform.get()).resolves.toBeNull();
    // The same settings do read it (so the nulls above are the key's doing).
    expect(await createSharedTokenCache(b, OPTIONS).get()).not.toBeNull();
  });

  it('reads a value that is not a sealed token as no token', async () => {
    const prefix = newPrefix();
    const a = await replica(redis().url, prefix);
    const cache = createSharedTokenCache(a, OPTIONS);
    await a.client.set('token', 'not base64 at all!');
    await expect(cache.get()).resolves.toBeNull();
    await a.client.set('token', Buffer.alloc(40, 7).toString('base64'));
    await expect(cache.get()).resolves.toBeNull();
  });

  it('the entry expires at its refreshAtMs', async () => {
    const prefix = newPrefix();
    const [a, b] = await Promise.all([replica(redis().url, prefix), replica(redis().url, prefix)]);
    const cacheA = createSharedTokenCache(a, OPTIONS);
    const cacheB = createSharedTokenCache(b, OPTIONS);
    const entry = { token: newToken(), refreshAtMs: Date.now() + 400 };
    await cacheA.set(entry);
    const ttl = await a.client.pttl('token');
    expect(ttl).toBeGreaterThan(250);
    expect(ttl).toBeLessThanOrEqual(400);
    expect(await cacheB.get()).toEqual(entry);
    await sleep(Math.max(0, entry.refreshAtMs - Date.now()) + 50);
    expect(await cacheB.get()).toBeNull();
    expect(await a.client.exists('token')).toBe(0);

    // Already due for refresh: not stored at all (the previous entry stays).
    const current = { token: newToken(), refreshAtMs: Date.now() + 60_000 };
    await cacheA.set(current);
    await cacheA.set({ token: newToken(), refreshAtMs: Date.now() - 1 });
    expect(await cacheB.get()).toEqual(current);
  });

  it('withRefreshLock runs callers of two replicas one at a time', async () => {
    const prefix = newPrefix();
    const [a, b] = await Promise.all([replica(redis().url, prefix), replica(redis().url, prefix)]);
    const caches = [createSharedTokenCache(a, OPTIONS), createSharedTokenCache(b, OPTIONS)];
    let inside = 0;
    let maxInside = 0;
    const order: number[] = [];
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (caches[i % 2] as (typeof caches)[number]).withRefreshLock(async () => {
          inside += 1;
          maxInside = Math.max(maxInside, inside);
          order.push(i);
          await sleep(30);
          inside -= 1;
          return `refreshed-${i}`;
        }),
      ),
    );
    expect(maxInside).toBe(1);
    expect(results).toEqual(Array.from({ length: 6 }, (_, i) => `refreshed-${i}`));
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(6 * 30);
    expect(await a.client.exists('mutex:auth')).toBe(0);
  });

  it('withRefreshLock releases the lock when the refresh fails, and rejects with its error', async () => {
    const prefix = newPrefix();
    const [a, b] = await Promise.all([replica(redis().url, prefix), replica(redis().url, prefix)]);
    const cacheA = createSharedTokenCache(a, OPTIONS);
    const cacheB = createSharedTokenCache(b, OPTIONS);
    const failure = new Error('POST /auth failed');
    const failing = cacheA.withRefreshLock(async () => {
      await sleep(50);
      throw failure;
    });
    await sleep(10);
    const startedAt = Date.now();
    const next = cacheB.withRefreshLock(async () => 'ok');
    await expect(failing).rejects.toBe(failure);
    expect(await next).toBe('ok');
    // Released, not left to its lease (authTimeoutMs + 5 s).
    expect(Date.now() - startedAt).toBeLessThan(1_000);
  });

  it.skipIf(REDIS_SERVER_BINARY === undefined)(
    'rejects while Redis is down, so the token manager refreshes on its own',
    async () => {
      const server = await startOwnRedisServer();
      cleanups.push(() => server.kill());
      const a = await replica(server.url, newPrefix());
      const cache = createSharedTokenCache(a, OPTIONS);
      await cache.set({ token: newToken(), refreshAtMs: Date.now() + 60_000 });
      await server.kill();
      await waitFor(() => !a.isUp());
      await expect(cache.get()).rejects.toThrow();
      await expect(cache.set({ token: newToken(), refreshAtMs: Date.now() + 60_000 })).rejects.toThrow();
      let refreshed = false;
      await expect(
        cache.withRefreshLock(async () => {
          refreshed = true;
        }),
      ).rejects.toThrow();
      expect(refreshed).toBe(false);
    },
  );
});
