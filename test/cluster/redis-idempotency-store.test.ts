/**
 * The idempotency store shared by the replicas (`src/cluster/redis-idempotency-store.ts`) against
 * a real Redis: two replicas are two `connectClusterRedis` connections and two stores on one
 * Redis and prefix. A replica that dies is a connection dropped without `store.close()` (its
 * liveness key then expires after the short lease). The outage test starts a `redis-server` of
 * its own and kills it mid-test.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import type { ClusterLogger, ClusterRedis } from '../../src/cluster/redis-connection.js';
import {
  createRedisIdempotencyStore,
  IdempotencyUnavailableError,
  type RedisIdempotencyStore,
  type RedisIdempotencyStoreOptions,
} from '../../src/cluster/redis-idempotency-store.js';
import type { IdempotencyHooks, IdempotencyKey } from '../../src/idempotency.js';
import { describeWithRedis, REDIS_SERVER_BINARY, startOwnRedisServer } from '../helpers/redis.js';
import { type Cleanups, newPrefix, runCleanups, replica as sharedReplica, waitFor } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// Helpers (kept in this file: the test folder holds no shared helper of its own)
// ---------------------------------------------------------------------------------------------

/** A promise with its resolve and reject. */
function deferred<T = void>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (e: unknown) => void;
} {
  let resolve: (value: T) => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const cleanups: Cleanups = [];
afterEach(() => runCleanups(cleanups));

/** One replica's coordination connection, closed after the test. */
const replica = (url: string, prefix: string, logger?: ClusterLogger): Promise<ClusterRedis> =>
  sharedReplica(cleanups, url, prefix, logger);

/** Short leases and polls, so that a dead replica is noticed within a few hundred ms. */
const FAST: RedisIdempotencyStoreOptions = { leaseMs: 300, pollMs: 20, holdMs: 10_000, ttlMs: 60_000 };

function store(redis: ClusterRedis, options: RedisIdempotencyStoreOptions = {}): RedisIdempotencyStore {
  const created = createRedisIdempotencyStore(redis, { ...FAST, ...options });
  cleanups.push(() => created.close());
  return created;
}

/** Two replicas (connection + store) on one Redis and prefix. */
async function twoReplicas(url: string, options: RedisIdempotencyStoreOptions = {}) {
  const prefix = newPrefix();
  const [ca, cb] = await Promise.all([replica(url, prefix), replica(url, prefix)]);
  return { prefix, ca, cb, a: store(ca, options), b: store(cb, options) };
}

/** The record's key as the module names it (under the connection's prefix). */
function recordKey(key: IdempotencyKey): string {
  return `idem:${createHash('sha256')
    .update(JSON.stringify([key.scope, key.operation, key.key]))
    .digest('hex')}`;
}

/** An `execute` that counts its calls and answers `value`. */
function counting<T>(value: T, options: { holdMs?: number; send?: boolean } = {}) {
  const counter = {
    calls: 0,
    execute: async (hooks: IdempotencyHooks): Promise<T> => {
      counter.calls += 1;
      if (options.send !== false) await hooks.beforeSend();
      if (options.holdMs !== undefined) await sleep(options.holdMs);
      return value;
    },
  };
  return counter;
}

let keySeq = 0;
function newKey(): IdempotencyKey {
  keySeq += 1;
  return { scope: 'service', operation: 'createPatchJob', key: `key-${keySeq}` };
}

/** The error shape `defaultIsNotExecuted` accepts: the request never left the gateway. */
function notSentError(message = 'circuit open'): Error {
  return Object.assign(new Error(message), { requestSent: false });
}

// ---------------------------------------------------------------------------------------------

describeWithRedis('Redis idempotency store (two replicas on one Redis)', (redis) => {
  it('runs a key raced by two replicas once; both answer the same value', async () => {
    const { a, b } = await twoReplicas(redis().url);
    const key = newKey();
    const onA = counting({ jobId: 'job-a' }, { holdMs: 80 });
    const onB = counting({ jobId: 'job-b' }, { holdMs: 80 });
    const [ra, rb] = await Promise.all([a.run(key, 'fp', onA.execute), b.run(key, 'fp', onB.execute)]);
    expect(onA.calls + onB.calls).toBe(1);
    const statuses = [ra.status, rb.status].sort();
    expect(statuses).toEqual(['executed', 'replayed']);
    const values = [ra, rb].map((r) => (r.status === 'executed' || r.status === 'replayed' ? r.value : null));
    expect(values[0]).toEqual(values[1]);
    expect(values[0]).toEqual(onA.calls === 1 ? { jobId: 'job-a' } : { jobId: 'job-b' });

    // Later, on either replica: the stored value, nothing run.
    const again = counting({ jobId: 'job-c' });
    expect(await b.run(key, 'fp', again.execute)).toEqual({ status: 'replayed', value: values[0] });
    expect(await a.run(key, 'fp', again.execute)).toEqual({ status: 'replayed', value: values[0] });
    expect(again.calls).toBe(0);
  });

  it('many concurrent requests with one key across two replicas send one request', async () => {
    const { a, b } = await twoReplicas(redis().url);
    const key = newKey();
    const action = counting('job-1', { holdMs: 30 });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).run(key, 'fp', action.execute)),
    );
    expect(action.calls).toBe(1);
    expect(results.filter((r) => r.status === 'executed')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'replayed')).toHaveLength(9);
    for (const r of results) expect(r).toMatchObject({ value: 'job-1' });
  });

  it('answers key-reused for the same key with another input, while in flight and after, running nothing', async () => {
    const { a, b } = await twoReplicas(redis().url);
    const key = newKey();
    const gate = deferred();
    const first = a.run(key, 'fp-1', async (hooks) => {
      await hooks.beforeSend();
      await gate.promise;
      return 'job-1';
    });
    await sleep(30);
    const other = counting('job-2');
    expect(await b.run(key, 'fp-2', other.execute)).toEqual({ status: 'key-reused' });
    gate.resolve();
    expect(await first).toEqual({ status: 'executed', value: 'job-1' });
    expect(await b.run(key, 'fp-2', other.execute)).toEqual({ status: 'key-reused' });
    expect(other.calls).toBe(0);
  });

  it('scopes keys by caller and mutation', async () => {
    const { a, b } = await twoReplicas(redis().url);
    const key = newKey();
    const action = counting('job');
    expect((await a.run(key, 'fp', action.execute)).status).toBe('executed');
    expect((await b.run({ ...key, scope: 'token:abc' }, 'fp', action.execute)).status).toBe('executed');
    expect((await b.run({ ...key, operation: 'createMitigationJob' }, 'fp', action.execute)).status).toBe(
      'executed',
    );
    expect(action.calls).toBe(3);
  });

  it('stores one hash idem:<sha256> with fingerprint, state, owner and value, living ttlMs', async () => {
    const { ca, a } = await twoReplicas(redis().url, { ttlMs: 30_000 });
    const key = newKey();
    await a.run(key, 'fp', counting({ id: 7 }).execute);
    const record = await ca.client.hgetall(recordKey(key));
    expect(record).toMatchObject({ fp: 'fp', state: 'value', owner: a.instanceId, value: '{"id":7}' });
    const ttl = await ca.client.pttl(recordKey(key));
    expect(ttl).toBeGreaterThan(25_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
    expect(await ca.client.exists(`live:${a.instanceId}`)).toBe(1);
  });

  it('takes over a key still reserved (nothing sent) by a replica that died, and runs it once', async () => {
    const { ca, a, b } = await twoReplicas(redis().url);
    const key = newKey();
    const started = deferred();
    let aCalls = 0;
    void a.run(key, 'fp', () => {
      aCalls += 1;
      started.resolve();
      return new Promise<string>(() => undefined); // dies before beforeSend: never answers
    });
    await started.promise;
    expect((await ca.client.hgetall(recordKey(key)))['state']).toBe('reserved');
    ca.client.disconnect(); // the replica dies: no store.close(), its liveness key just expires

    const onB = counting('job-b');
    const startedAt = Date.now();
    expect(await b.run(key, 'fp', onB.execute)).toEqual({ status: 'executed', value: 'job-b' });
    // It waited for the dead replica's lease (300 ms) rather than taking over at once.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(150);
    expect(aCalls).toBe(1);
    expect(onB.calls).toBe(1);
    expect(await b.run(key, 'fp', counting('job-c').execute)).toEqual({ status: 'replayed', value: 'job-b' });
  });

  it('waits for a live holder instead of taking over while it is within its hold', async () => {
    const { a, b } = await twoReplicas(redis().url);
    const key = newKey();
    const release = deferred();
    const first = a.run(key, 'fp', async () => {
      await release.promise;
      return 'job-a';
    });
    await sleep(20);
    const onB = counting('job-b');
    const second = b.run(key, 'fp', onB.execute);
    await sleep(600); // two leases: a live replica's key is refreshed, so B keeps waiting
    expect(onB.calls).toBe(0);
    release.resolve();
    expect(await first).toEqual({ status: 'executed', value: 'job-a' });
    expect(await second).toEqual({ status: 'replayed', value: 'job-a' });
  });

  it('takes over a reserved key whose live holder outlived its hold; the old holder can no longer send', async () => {
    const { a, b } = await twoReplicas(redis().url, { holdMs: 150 });
    const key = newKey();
    const late = deferred();
    let aSent = false;
    const first = a.run(key, 'fp', async (hooks) => {
      await late.promise; // still queued locally past its hold
      await hooks.beforeSend();
      aSent = true;
      return 'job-a';
    });
    await sleep(200);
    const onB = counting('job-b');
    expect(await b.run(key, 'fp', onB.execute)).toEqual({ status: 'executed', value: 'job-b' });
    late.resolve();
    await expect(first).rejects.toBeInstanceOf(IdempotencyUnavailableError);
    expect(aSent).toBe(false);
    // The old holder's failure did not free or overwrite the key (its writes are compare-and-set).
    expect(await a.run(key, 'fp', counting('job-c').execute)).toEqual({ status: 'replayed', value: 'job-b' });
  });

  it('answers outcome-unknown, and never runs it again, for a key sent by a replica that died', async () => {
    const { ca, cb, a, b } = await twoReplicas(redis().url);
    const key = newKey();
    const sent = deferred();
    void a.run(key, 'fp', async (hooks) => {
      await hooks.beforeSend();
      sent.resolve();
      return new Promise<string>(() => undefined); // the POST is out; the replica dies before the answer
    });
    await sent.promise;
    expect((await ca.client.hgetall(recordKey(key)))['state']).toBe('sent');
    ca.client.disconnect();

    const onB = counting('job-b');
    expect(await b.run(key, 'fp', onB.execute)).toEqual({ status: 'outcome-unknown' });
    expect(onB.calls).toBe(0);
    expect((await cb.client.hgetall(recordKey(key)))['state']).toBe('unknown');
    // Recorded: a later retry answers at once, without waiting for a lease.
    const startedAt = Date.now();
    expect(await b.run(key, 'fp', onB.execute)).toEqual({ status: 'outcome-unknown' });
    expect(Date.now() - startedAt).toBeLessThan(200);
    expect(onB.calls).toBe(0);
  });

  it('a replica closed cleanly frees its reserved keys at once (its liveness key is deleted)', async () => {
    const { ca, cb, a, b } = await twoReplicas(redis().url, { leaseMs: 5_000 });
    const key = newKey();
    const started = deferred();
    void a.run(key, 'fp', () => {
      started.resolve();
      return new Promise<string>(() => undefined);
    });
    await started.promise;
    expect(await cb.client.exists(`live:${a.instanceId}`)).toBe(1);
    await a.close();
    ca.client.disconnect();
    expect(await cb.client.exists(`live:${a.instanceId}`)).toBe(0);
    const startedAt = Date.now();
    expect(await b.run(key, 'fp', counting('job-b').execute)).toEqual({ status: 'executed', value: 'job-b' });
    expect(Date.now() - startedAt).toBeLessThan(1_000); // well within the 5 s lease
  });

  it('frees the key after a provably-not-sent failure, so a retry runs', async () => {
    const { ca, a, b } = await twoReplicas(redis().url);
    const key = newKey();
    const error = notSentError();
    await expect(
      a.run(key, 'fp', async () => {
        throw error;
      }),
    ).rejects.toBe(error);
    expect(await ca.client.exists(recordKey(key))).toBe(0);
    const retry = counting('job-1');
    expect(await b.run(key, 'fp', retry.execute)).toEqual({ status: 'executed', value: 'job-1' });
    expect(retry.calls).toBe(1);
  });

  it('uses the isNotExecuted option to tell a not-sent failure from an unknown one', async () => {
    class NeverSent extends Error {}
    const { ca, a, b } = await twoReplicas(redis().url, { isNotExecuted: (e) => e instanceof NeverSent });
    const freed = newKey();
    await expect(a.run(freed, 'fp', () => Promise.reject(new NeverSent('x')))).rejects.toBeInstanceOf(
      NeverSent,
    );
    expect(await ca.client.exists(recordKey(freed))).toBe(0);
    expect((await b.run(freed, 'fp', counting('job').execute)).status).toBe('executed');

    // The default's shape is not "not executed" for this store: the outcome is unknown.
    const kept = newKey();
    await expect(a.run(kept, 'fp', () => Promise.reject(notSentError()))).rejects.toThrow('circuit open');
    const onB = counting('job');
    expect(await b.run(kept, 'fp', onB.execute)).toEqual({ status: 'outcome-unknown' });
    expect(onB.calls).toBe(0);
  });

  it('remembers an unknown outcome (failed after it was sent) and never runs the key again', async () => {
    const { a, b } = await twoReplicas(redis().url);
    const key = newKey();
    await expect(
      a.run(key, 'fp', async (hooks) => {
        await hooks.beforeSend();
        throw new Error('socket hang up');
      }),
    ).rejects.toThrow('socket hang up');
    const retry = counting('job');
    expect(await b.run(key, 'fp', retry.execute)).toEqual({ status: 'outcome-unknown' });
    expect(await a.run(key, 'fp', retry.execute)).toEqual({ status: 'outcome-unknown' });
    expect(retry.calls).toBe(0);
  });

  it('a request waiting on one that turns out not executed runs itself', async () => {
    const { a, b } = await twoReplicas(redis().url);
    const key = newKey();
    const fail = deferred();
    const first = a.run(key, 'fp', async () => {
      await fail.promise;
      throw notSentError('budget used up');
    });
    await sleep(20);
    const onB = counting('job-b');
    const second = b.run(key, 'fp', onB.execute);
    await sleep(60);
    expect(onB.calls).toBe(0); // waiting while A holds the key
    fail.resolve();
    await expect(first).rejects.toThrow('budget used up');
    expect(await second).toEqual({ status: 'executed', value: 'job-b' });
    expect(onB.calls).toBe(1);
  });

  it.skipIf(REDIS_SERVER_BINARY === undefined)(
    'refuses keyed creates with IDEMPOTENCY_UNAVAILABLE while Redis is down, sending nothing',
    async () => {
      const server = await startOwnRedisServer();
      cleanups.push(() => server.kill());
      const conn = await replica(server.url, newPrefix());
      const s = store(conn);

      // Redis dies between the reservation and the send: beforeSend refuses, nothing is sent.
      let sent = false;
      const midway = s.run(newKey(), 'fp', async (hooks) => {
        await server.kill('SIGKILL');
        await hooks.beforeSend();
        sent = true;
        return 'job';
      });
      await expect(midway).rejects.toBeInstanceOf(IdempotencyUnavailableError);
      expect(sent).toBe(false);

      // Down: refused before anything runs.
      await waitFor(() => !conn.isUp());
      const action = counting('job');
      const error = await s.run(newKey(), 'fp', action.execute).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(IdempotencyUnavailableError);
      expect((error as IdempotencyUnavailableError).extensions['code']).toBe('IDEMPOTENCY_UNAVAILABLE');
      expect((error as IdempotencyUnavailableError).requestSent).toBe(false);
      expect(action.calls).toBe(0);

      // Back: keyed creates work again (the liveness key is written again on reconnect).
      await server.restart();
      await waitFor(() => conn.isUp(), 5_000);
      expect(await s.run(newKey(), 'fp', action.execute)).toEqual({ status: 'executed', value: 'job' });
      await waitFor(async () => (await conn.client.exists(`live:${s.instanceId}`)) === 1);
    },
  );

  it('IdempotencyUnavailableError is a GraphQL error that says nothing was sent', () => {
    const error = new IdempotencyUnavailableError(new Error('ECONNREFUSED'));
    expect(error.name).toBe('IdempotencyUnavailableError');
    expect(error.extensions['code']).toBe('IDEMPOTENCY_UNAVAILABLE');
    expect(error.requestSent).toBe(false);
    expect(error.originalError?.message).toBe('ECONNREFUSED');
  });
});
