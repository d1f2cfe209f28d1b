/**
 * The upstream gate shared by the replicas (`src/cluster/shared-gate.ts`) against a real Redis:
 * two replicas are two `connectClusterRedis` connections and two gates on one Redis and prefix.
 * The outage tests start a `redis-server` of their own (killed and restarted mid-test); a replica
 * that crashes is a child process killed with SIGKILL.
 */
import { spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterEach, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/lib/prng.js';
import {
  type ClusterLogger,
  type ClusterRedis,
  connectClusterRedis,
} from '../../src/cluster/redis-connection.js';
import { RATE_TRANSIT_ALLOWANCE_MS, SharedGate } from '../../src/cluster/shared-gate.js';
import { describeWithRedis, freePort, REDIS_SERVER_BINARY, startOwnRedisServer } from '../helpers/redis.js';
import { type Cleanups, newPrefix, runCleanups, replica as sharedReplica, waitFor } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// Helpers (kept in this file: the test folder holds no shared helper of its own)
// ---------------------------------------------------------------------------------------------

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SLOTS_KEY = 'semaphore:slots';

/** Whether `promise` is still pending after `ms`. */
async function stillPending(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const pending = Symbol('pending');
  const winner = await Promise.race([promise.then(() => 'settled'), sleep(ms, pending)]);
  return winner === pending;
}

/** A logger that keeps the messages of each level. */
function recordingLogger(): { logger: ClusterLogger; warns: string[]; infos: string[] } {
  const warns: string[] = [];
  const infos: string[] = [];
  return {
    warns,
    infos,
    logger: {
      info: (_obj, msg) => infos.push(msg ?? ''),
      warn: (_obj, msg) => warns.push(msg ?? ''),
      error: () => undefined,
    },
  };
}

const cleanups: Cleanups = [];
afterEach(() => runCleanups(cleanups));

/** One replica's coordination connection, closed after the test. */
const replica = (url: string, prefix: string, logger?: ClusterLogger): Promise<ClusterRedis> =>
  sharedReplica(cleanups, url, prefix, logger);

/**
 * A replica in a child process (so it can be SIGKILLed, and its unhandled rejections stay its
 * own): runs the ES module `code` under tsx with `CONNECTION_MODULE` and `GATE_MODULE` naming the
 * modules under test, plus `env`; killed after the test.
 */
function spawnReplica(code: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      CONNECTION_MODULE: new URL('../../src/cluster/redis-connection.ts', import.meta.url).href,
      GATE_MODULE: new URL('../../src/cluster/shared-gate.ts', import.meta.url).href,
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  cleanups.push(() => child.kill('SIGKILL'));
  return child;
}

/** A plain client on `url` (no prefix), closed after the test. */
function plainClient(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
  client.on('error', () => undefined);
  cleanups.push(() => client.disconnect());
  return client;
}

/** Until every gate's connection is subscribed to `prefix + channel` (pub/sub is fire and forget). */
async function subscribed(client: Redis, prefix: string, channel: string, count: number): Promise<void> {
  await waitFor(async () => {
    const reply = (await client.pubsub('NUMSUB', `${prefix}${channel}`)) as [string, number];
    return Number(reply[1]) >= count;
  });
}

// ---------------------------------------------------------------------------------------------

describeWithRedis('SharedGate (two replicas on one Redis)', (redis) => {
  it('never lets more than `concurrency` calls of two replicas hold a slot at once', async () => {
    const prefix = newPrefix();
    const [a, b] = await Promise.all([replica(redis().url, prefix), replica(redis().url, prefix)]);
    const gates = [
      new SharedGate(a, { concurrency: 2, leaseMs: 1_000 }),
      new SharedGate(b, { concurrency: 2, leaseMs: 1_000 }),
    ];
    const random = mulberry32(42);
    const holds = Array.from({ length: 40 }, () => 2 + Math.floor(random() * 20));
    let inFlight = 0;
    let maxInFlight = 0;
    const grantsPerGate = [0, 0];
    await Promise.all(
      holds.map(async (holdMs, i) => {
        const gate = gates[i % 2] as SharedGate;
        const release = await gate.acquire();
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        grantsPerGate[i % 2] = (grantsPerGate[i % 2] ?? 0) + 1;
        await sleep(holdMs);
        // Counted out before the release is sent: the slot is free in Redis only after it.
        inFlight -= 1;
        release();
      }),
    );
    expect(maxInFlight).toBe(2);
    expect(grantsPerGate).toEqual([20, 20]);
    expect(gates.map((gate) => [gate.active, gate.queued])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    await waitFor(async () => (await a.client.zcard(SLOTS_KEY)) === 0);
  });

  it('grants the waiters of one replica in arrival order', async () => {
    const prefix = newPrefix();
    const a = await replica(redis().url, prefix);
    const gate = new SharedGate(a, { concurrency: 1, leaseMs: 1_000 });
    const holder = await gate.acquire();
    const order: number[] = [];
    const waiters = Array.from({ length: 6 }, (_, i) =>
      gate.acquire().then(async (release) => {
        order.push(i);
        await sleep(3);
        release();
      }),
    );
    expect(gate.queued).toBe(6);
    expect(await stillPending(Promise.race(waiters), 100)).toBe(true);
    holder();
    await Promise.all(waiters);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('rejects an aborted waiter with the signal reason, and it takes no slot', async () => {
    const prefix = newPrefix();
    const a = await replica(redis().url, prefix);
    const gate = new SharedGate(a, { concurrency: 1, leaseMs: 1_000, pollMs: 20 });
    const holder = await gate.acquire();
    const head = gate.acquire();
    const controller = new AbortController();
    const reason = new Error('caller went away');
    const aborted = gate.acquire(controller.signal);
    const last = gate.acquire();
    expect(gate.queued).toBe(3);
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    expect(gate.queued).toBe(2);

    holder();
    const releaseHead = await head;
    expect(await a.client.zcard(SLOTS_KEY)).toBe(1);
    releaseHead();
    const releaseLast = await last;
    expect(gate.active).toBe(1);
    expect(await a.client.zcard(SLOTS_KEY)).toBe(1);
    releaseLast();
    await waitFor(async () => (await a.client.zcard(SLOTS_KEY)) === 0);

    // Already aborted: rejected at once, never queued.
    const gone = new AbortController();
    gone.abort(new Error('already gone'));
    await expect(gate.acquire(gone.signal)).rejects.toThrow('already gone');
    expect(gate.queued).toBe(0);
  });

  it('rejects an aborted head waiter (the one polling Redis) promptly, and it takes no slot later', async () => {
    const prefix = newPrefix();
    const [a, b] = await Promise.all([replica(redis().url, prefix), replica(redis().url, prefix)]);
    const gateA = new SharedGate(a, { concurrency: 1, leaseMs: 1_000, pollMs: 20 });
    const gateB = new SharedGate(b, { concurrency: 1, leaseMs: 1_000, pollMs: 20 });
    const heldByB = await gateB.acquire();
    const controller = new AbortController();
    const reason = new Error('deadline');
    const head = gateA.acquire(controller.signal);
    await sleep(60); // the head is now polling the semaphore
    const abortedAt = Date.now();
    controller.abort(reason);
    await expect(head).rejects.toBe(reason);
    expect(Date.now() - abortedAt).toBeLessThan(200);
    expect(gateA.queued).toBe(0);

    heldByB();
    await waitFor(async () => (await a.client.zcard(SLOTS_KEY)) === 0);
    await sleep(100); // an aborted head that still polled would take the slot now
    expect(await a.client.zcard(SLOTS_KEY)).toBe(0);
    expect(gateA.active).toBe(0);
    const release = await gateA.acquire();
    release();
  });

  it('keeps a shared rate budget: no window of windowMs holds more grants than the budget', async () => {
    const prefix = newPrefix();
    const [a, b] = await Promise.all([replica(redis().url, prefix), replica(redis().url, prefix)]);
    const rateLimit = { calls: 5, windowMs: 500 };
    const gates = [
      new SharedGate(a, { concurrency: 4, rateLimit, leaseMs: 1_000 }),
      new SharedGate(b, { concurrency: 4, rateLimit, leaseMs: 1_000 }),
    ];
    const grants: number[] = [];
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const release = await (gates[i % 2] as SharedGate).acquire();
        grants.push(Date.now());
        release();
      }),
    );
    grants.sort((x, y) => x - y);
    expect(grants).toHaveLength(12);
    // Any 6 consecutive grants span at least one window (the budget counts a call for
    // windowMs + RATE_TRANSIT_ALLOWANCE_MS on Redis's clock, so this holds with room to spare).
    for (let i = 0; i + rateLimit.calls < grants.length; i++) {
      expect((grants[i + rateLimit.calls] as number) - (grants[i] as number)).toBeGreaterThanOrEqual(
        rateLimit.windowMs,
      );
    }
    // 12 grants at 5 per (500 + 250) ms: three windows, so at least two full intervals ...
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * rateLimit.windowMs);
    // ... and the budget is used, not starved (a budget spent as it refills finishes in ~1.5 s).
    expect(Date.now() - started).toBeLessThan(2 * (rateLimit.windowMs + RATE_TRANSIT_ALLOWANCE_MS) + 1_000);
  });

  it('a pause on one replica delays the grants of another by about that long', async () => {
    const prefix = newPrefix();
    const [a, b] = await Promise.all([replica(redis().url, prefix), replica(redis().url, prefix)]);
    const gateA = new SharedGate(a, { concurrency: 2, leaseMs: 1_000 });
    const gateB = new SharedGate(b, { concurrency: 2, leaseMs: 1_000 });
    await subscribed(a.client, prefix, 'pause', 2);
    expect(gateB.pausedForMs()).toBe(0);

    const pausedAt = Date.now();
    gateA.pause(300);
    await waitFor(() => gateB.pausedForMs() > 0, 200);
    expect(gateB.pausedForMs()).toBeLessThanOrEqual(300);
    const release = await gateB.acquire();
    const waited = Date.now() - pausedAt;
    release();
    expect(waited).toBeGreaterThanOrEqual(299);
    expect(waited).toBeLessThan(600);
    expect(gateB.pausedForMs()).toBe(0);
  });

  it('a replica that starts during a pause honours it (read from Redis)', async () => {
    const prefix = newPrefix();
    const a = await replica(redis().url, prefix);
    const gateA = new SharedGate(a, { concurrency: 2, leaseMs: 1_000 });
    const pausedAt = Date.now();
    gateA.pause(400);
    await waitFor(async () => (await a.client.exists('pause')) === 1, 500);

    const late = await replica(redis().url, prefix);
    const gateLate = new SharedGate(late, { concurrency: 2, leaseMs: 1_000 });
    await waitFor(() => gateLate.pausedForMs() > 0, 300);
    const release = await gateLate.acquire();
    expect(Date.now() - pausedAt).toBeGreaterThanOrEqual(399);
    release();
  });

  it('a pause that starts while a waiter of another replica waits is honoured before its grant', async () => {
    const prefix = newPrefix();
    const [a, b] = await Promise.all([replica(redis().url, prefix), replica(redis().url, prefix)]);
    const gateA = new SharedGate(a, { concurrency: 1, leaseMs: 1_000, pollMs: 20 });
    const gateB = new SharedGate(b, { concurrency: 1, leaseMs: 1_000, pollMs: 20 });
    await subscribed(a.client, prefix, 'pause', 2);
    const heldByA = await gateA.acquire();
    const waiting = gateB.acquire();
    await sleep(50); // B's head is past its first pause check, polling the semaphore
    const pausedAt = Date.now();
    gateA.pause(300);
    heldByA();
    const release = await waiting;
    expect(Date.now() - pausedAt).toBeGreaterThanOrEqual(299);
    release();
  });

  it.skipIf(REDIS_SERVER_BINARY === undefined)(
    "frees the slot of a replica that crashed holding it within the slot's lease",
    async () => {
      const prefix = newPrefix();
      const leaseMs = 1_000;
      const b = await replica(redis().url, prefix);
      const gateB = new SharedGate(b, { concurrency: 1, leaseMs, pollMs: 20 });
      // The crashing replica is a process of its own: SIGKILL stops it and its lease refresh at
      // once, as a crash does (closing a connection in this process would leave the refresh timer).
      const code = `
        const { connectClusterRedis } = await import(process.env.CONNECTION_MODULE);
        const { SharedGate } = await import(process.env.GATE_MODULE);
        const redis = await connectClusterRedis(process.env.REDIS_URL, { prefix: process.env.PREFIX });
        const gate = new SharedGate(redis, { concurrency: 1, leaseMs: Number(process.env.LEASE_MS) });
        await gate.acquire();
        process.stdout.write('held\\n');
        setInterval(() => undefined, 60_000);
      `;
      const child = spawnReplica(code, { REDIS_URL: redis().url, PREFIX: prefix, LEASE_MS: String(leaseMs) });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('held')) resolve();
        });
        child.once('exit', (exitCode) => reject(new Error(`child exited (${exitCode}): ${stderr}`)));
      });
      expect(await b.client.zcard(SLOTS_KEY)).toBe(1);

      const waiting = gateB.acquire();
      // Held by the live replica: refreshed, so not free after a lease either.
      expect(await stillPending(waiting, leaseMs + 200)).toBe(true);

      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const killedAt = Date.now();
      child.kill('SIGKILL');
      await exited;
      const release = await waiting;
      const freedAfter = Date.now() - killedAt;
      expect(freedAfter).toBeLessThanOrEqual(leaseMs + 300);
      expect(gateB.active).toBe(1);
      release();
    },
  );

  it.skipIf(REDIS_SERVER_BINARY === undefined)(
    'falls back to local limits while Redis is down (warning logged once), and rejoins when it is back',
    async () => {
      const server = await startOwnRedisServer();
      cleanups.push(() => server.kill());
      const prefix = newPrefix();
      const log = recordingLogger();
      const conn = await replica(server.url, prefix, log.logger);
      const gate = new SharedGate(conn, { concurrency: 1, leaseMs: 5_000, pollMs: 20, logger: log.logger });
      // Another replica's lease (no refresh timer in this process) fills the shared cap.
      const before = plainClient(server.url);
      await before.zadd(`${prefix}${SLOTS_KEY}`, Date.now(), 'other-replica');
      const waiters = [gate.acquire(), gate.acquire(), gate.acquire()];
      expect(await stillPending(Promise.race(waiters), 150)).toBe(true);
      expect(gate.queued).toBe(3);

      await server.kill('SIGKILL');
      // Redis fails under the polling head: every waiter goes to the local gate (cap 1 there too).
      for (const waiter of waiters) {
        const release = await waiter;
        expect(gate.active).toBe(1);
        release();
      }
      await waitFor(() => !conn.isUp());
      // More calls while Redis is down: local at once, no new warning.
      for (let i = 0; i < 3; i++) {
        const release = await gate.acquire();
        release();
      }
      const local = [await gate.acquire(), gate.acquire()] as const;
      expect(await stillPending(local[1], 50)).toBe(true); // the local cap holds
      local[0]();
      (await local[1])();
      const gateWarnings = log.warns.filter((msg) => msg.startsWith('shared upstream gate unavailable'));
      const connectionWarnings = log.warns.filter((msg) => msg.startsWith('Redis unreachable'));
      expect(gateWarnings).toHaveLength(1);
      expect(connectionWarnings).toHaveLength(1);

      await server.restart();
      await waitFor(() => conn.isUp(), 5_000);
      expect(log.infos.filter((msg) => msg.startsWith('Redis reachable'))).toHaveLength(2);

      // Grants go through Redis again: the slot is in the shared zset while held ...
      const after = plainClient(server.url);
      const release = await gate.acquire();
      expect(await after.zcard(`${prefix}${SLOTS_KEY}`)).toBe(1);
      release();
      await waitFor(async () => (await after.zcard(`${prefix}${SLOTS_KEY}`)) === 0);
      // ... and another replica's lease blocks this one again.
      await after.zadd(`${prefix}${SLOTS_KEY}`, Date.now(), 'other-replica');
      const blocked = gate.acquire();
      expect(await stillPending(blocked, 150)).toBe(true);
      await after.zrem(`${prefix}${SLOTS_KEY}`, 'other-replica');
      (await blocked)();
      expect(log.warns.filter((msg) => msg.startsWith('shared upstream gate unavailable'))).toHaveLength(1);
    },
  );

  // redis-semaphore 5.8 refreshes a held lease from a setInterval whose async callback has no
  // catch: without src/cluster/leases.ts every refresh while Redis is down (each 0.4 x leaseMs)
  // was an unhandled rejection.
  it.skipIf(REDIS_SERVER_BINARY === undefined)(
    'a call holding a shared slot while Redis goes down causes no unhandled rejection',
    async () => {
      const server = await startOwnRedisServer();
      cleanups.push(() => server.kill());
      // In a child process: an unhandled rejection in this one would fail the whole run.
      const code = `
        const unhandled = [];
        process.on('unhandledRejection', (reason) => { unhandled.push(String(reason)); });
        const { connectClusterRedis } = await import(process.env.CONNECTION_MODULE);
        const { SharedGate } = await import(process.env.GATE_MODULE);
        const redis = await connectClusterRedis(process.env.REDIS_URL, { prefix: process.env.PREFIX });
        const gate = new SharedGate(redis, { concurrency: 1, leaseMs: 500 });
        const release = await gate.acquire();
        process.stdout.write('held\\n');
        await new Promise((resolve) => process.stdin.once('data', resolve));
        await new Promise((resolve) => setTimeout(resolve, 700));
        release();
        process.stdout.write(JSON.stringify({ unhandled }) + '\\n');
        await redis.close();
        process.exit(0);
      `;
      const child = spawnReplica(code, { REDIS_URL: server.url, PREFIX: newPrefix() });
      let stdout = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      // 'close': the child exited and its stdout is read to the end.
      const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
      await waitFor(() => stdout.includes('held'), 10_000);
      await server.kill('SIGKILL');
      child.stdin?.write('go\n');
      await closed;
      const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { unhandled: string[] };
      expect(report.unhandled).toEqual([]);
    },
  );

  // A pause that starts while the head waits for its token must not be waited out holding a
  // token stamped before it: when the pause outlasts the window that token has left the sliding
  // log by the time the call is sent, and the calls reserved at the pause's end come on top.
  it('keeps the rate budget across a pause that starts while a waiter waits for a token', async () => {
    const prefix = newPrefix();
    const a = await replica(redis().url, prefix);
    const rateLimit = { calls: 5, windowMs: 500 };
    const gate = new SharedGate(a, { concurrency: 10, rateLimit, leaseMs: 1_000 });
    const grants: number[] = [];
    const all = Array.from({ length: 11 }, async () => {
      const release = await gate.acquire();
      grants.push(Date.now());
      release();
    });
    await waitFor(() => grants.length === rateLimit.calls);
    await sleep(100); // the 6th waiter now sleeps until the budget frees (~750 ms)
    gate.pause(1_800); // Qualys asks for a wait longer than the window
    await Promise.all(all);
    grants.sort((x, y) => x - y);
    for (let i = 0; i + rateLimit.calls < grants.length; i++) {
      expect((grants[i + rateLimit.calls] as number) - (grants[i] as number)).toBeGreaterThanOrEqual(
        rateLimit.windowMs,
      );
    }
  });

  // A shorter pause must not replace a longer one in Redis: a replica that starts (or rejoins
  // after an outage) during the longer pause reads it from there.
  it('a replica that starts during the longer of two pauses honours the longer one', async () => {
    const prefix = newPrefix();
    const a = await replica(redis().url, prefix);
    const gateA = new SharedGate(a, { concurrency: 2, leaseMs: 1_000 });
    gateA.pause(1_000);
    await waitFor(async () => (await a.client.exists('pause')) === 1, 500);
    gateA.pause(100); // a second 429 with a shorter Retry-After
    await sleep(250);
    expect(gateA.pausedForMs()).toBeGreaterThan(500); // this replica keeps the longer pause

    const late = await replica(redis().url, prefix);
    const gateLate = new SharedGate(late, { concurrency: 2, leaseMs: 1_000 });
    await sleep(100); // it reads the pause key at construction
    expect(gateLate.pausedForMs()).toBeGreaterThan(400);
  });
});

describeWithRedis('connectClusterRedis', (redis) => {
  it('prefixes every key of the command connection, and every channel', async () => {
    const prefix = newPrefix();
    const [a, b] = await Promise.all([replica(redis().url, prefix), replica(redis().url, prefix)]);
    expect(a.prefix).toBe(prefix);
    expect(a.isUp()).toBe(true);
    await a.client.set('some-key', 'v');
    const plain = plainClient(redis().url);
    expect(await plain.get(`${prefix}some-key`)).toBe('v');
    expect(await plain.exists('some-key')).toBe(0);

    const gotA: string[] = [];
    const gotA2: string[] = [];
    a.subscribe('news', (message) => gotA.push(message));
    a.subscribe('news', (message) => gotA2.push(message));
    b.subscribe('other', () => gotA.push('wrong channel'));
    await subscribed(plain, prefix, 'news', 1);
    await subscribed(plain, prefix, 'other', 1);
    await b.publish('news', 'hello');
    await plain.publish(`${prefix}news`, 'raw');
    await plain.publish('news', 'unprefixed'); // not ours
    await waitFor(() => gotA.length >= 2 && gotA2.length >= 2);
    await sleep(50);
    expect(gotA).toEqual(['hello', 'raw']);
    expect(gotA2).toEqual(['hello', 'raw']);
  });

  it('is down after close, and tells its listeners once', async () => {
    const conn = await connectClusterRedis(redis().url, { prefix: newPrefix() });
    const states: boolean[] = [];
    conn.onStateChange((up) => states.push(up));
    await conn.close();
    // The socket's close event comes a tick after quit's answer.
    await waitFor(() => !conn.isUp(), 500);
    await expect(conn.publish('x', 'y')).rejects.toThrow();
    expect(states).toEqual([false]);
  });

  it('rejects when nothing listens at the URL', async () => {
    const port = await freePort();
    await expect(
      connectClusterRedis(`redis://127.0.0.1:${port}`, { connectTimeoutMs: 500 }),
    ).rejects.toThrow();
  });

  // ioredis' connectTimeout bounds only the TCP connect: a server that accepts the connection but
  // never answers (a SIGSTOPped or wedged Redis, a wrong service on the port) must still fail the
  // start within connectTimeoutMs.
  it('rejects within connectTimeoutMs when the server accepts but never answers', async () => {
    const sockets: Socket[] = [];
    const blackHole = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          blackHole.close(() => resolve());
        }),
    );
    const address = blackHole.address();
    if (typeof address !== 'object' || address === null) throw new Error('no port');
    const connecting = connectClusterRedis(`redis://127.0.0.1:${address.port}`, { connectTimeoutMs: 300 });
    connecting.then((conn) => conn.close()).catch(() => undefined);
    const outcome = await Promise.race([
      connecting.then(
        () => 'connected',
        () => 'rejected',
      ),
      sleep(1_500, 'still waiting'),
    ]);
    expect(outcome).toBe('rejected');
  });
});
