/**
 * Replicas of one deployment against one Qualys subscription, coordinated through a real Redis:
 * real gateway processes (`src/main.ts`, via `scripts/lib/replicas.ts`), one in-process simulator
 * with a concurrency cap and latency, one `redis-server`. What is shared: the concurrency cap,
 * the rate budget, the service token and the idempotency keys (docs/architecture.md §12).
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type GraphQLAnswer, type ReplicaSet, startReplicas } from '../../scripts/lib/replicas.js';
import { createSimulator } from '../../src/simulator/index.js';
import type { Simulator, SimulatorRequestLogEntry } from '../../src/simulator/types.js';
import {
  describeWithRedis,
  isCi,
  type OwnRedisServer,
  REDIS_SERVER_BINARY,
  startOwnRedisServer,
} from '../helpers/redis.js';
import { windowsJob } from '../jobs/fixtures.js';

/** The dashboard: 1 job list + 1 result summary per job. */
const DASHBOARD = `query Dashboard($first: Int!) {
  patchJobs(platform: WINDOWS, first: $first) { nodes { id name latestResult { assetResults { status } } } }
}`;

const CREATE = `mutation Create($input: CreatePatchJobInput!, $key: String) {
  createPatchJob(input: $input, idempotencyKey: $key) {
    replayed
    job { id name }
    userErrors { code message field }
  }
}`;

/** One job of `GET /pm/v1/deploymentjob/{id}`: answered slowly by a fault, so it holds a slot. */
const SLOW_JOB = `query Slow($id: ID!) { patchJob(id: $id) { id } }`;
const SLOW_JOB_PATH = /^\/pm\/v1\/deploymentjob\/00000000-0000-4000-8000-\d{12}$/;
const slowJobId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A slot lease short enough for the tests to wait out. */
const LEASE_MS = 2_000;
const CREATE_PATH = '/pm/v2/deploymentjob';

const createInput = (name: string) => ({ ...windowsJob(), name });

/** The root field `name` of an answer (fails the test when the answer has no data). */
function rootField<T>(body: GraphQLAnswer, name: string): T {
  if (body.data === undefined || body.data === null) throw new Error(`no data: ${JSON.stringify(body)}`);
  return body.data[name] as T;
}

type CreatePayload = { replayed: boolean; job: { id: string; name: string } | null };

/** Qualys API requests (no `/auth`). */
const apiCalls = (sim: Simulator): SimulatorRequestLogEntry[] =>
  sim.requests().filter((r) => r.path !== '/auth');
const createPosts = (sim: Simulator, name: string) =>
  sim
    .requests()
    .filter(
      (r) => r.method === 'POST' && r.path === CREATE_PATH && (r.body as { name?: string })?.name === name,
    );

async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The states of the idempotency records under `prefix`. */
async function idempotencyStates(redis: Redis, prefix: string): Promise<string[]> {
  const keys = await redis.keys(`${prefix}idem:*`);
  return Promise.all(keys.map(async (k) => (await redis.hget(k, 'state')) ?? ''));
}

async function startSimulator(options: Parameters<typeof createSimulator>[0]): Promise<Simulator> {
  const sim = createSimulator({
    fleet: { assets: 300, patches: 500, patchJobs: 60, mitigationJobs: 5 },
    ...options,
  });
  await sim.listen(0, '127.0.0.1');
  return sim;
}

describeWithRedis('replicas through one Redis', (testRedis) => {
  let sim: Simulator;
  let set: ReplicaSet;
  let redis: Redis;
  const prefix = `t${randomUUID().slice(0, 8)}:`;

  beforeAll(async () => {
    sim = await startSimulator({ latencyMs: 20, concurrencyLimit: 2 });
    redis = new Redis(testRedis().url);
    set = await startReplicas({
      qualysBaseUrl: sim.url,
      count: 3,
      redisUrl: testRedis().url,
      prefix,
      env: { QUALYS_CONCURRENCY: '2', QUALYS_SLOT_LEASE_MS: String(LEASE_MS) },
    });
  }, 90_000);

  afterAll(async () => {
    await set?.stop();
    redis?.disconnect();
    await sim?.close();
  });

  it('six dashboards over three replicas, upstream capped at 2: no 409, maxInFlight 2, six complete answers, one /auth', async () => {
    sim.resetRequests();
    sim.resetStats();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => set.post(i % 3, DASHBOARD, { first: 20 })),
    );
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(rootField<{ nodes: unknown[] }>(body, 'patchJobs').nodes).toHaveLength(20);
    }
    const calls = apiCalls(sim);
    expect(calls.length).toBe(6 * 21);
    expect(calls.filter((c) => c.status === 409)).toEqual([]);
    expect(sim.stats()['simulator']?.maxInFlight).toBe(2);
    // One service token for the three replicas.
    expect(sim.requests().filter((r) => r.path === '/auth')).toHaveLength(1);
  }, 60_000);

  it('after Qualys revokes the service token, the three replicas refresh it with one /auth', async () => {
    sim.expireTokens();
    sim.resetRequests();
    const answers = await Promise.all([0, 1, 2].map((i) => set.post(i, DASHBOARD, { first: 2 })));
    for (const { body } of answers) expect(body.errors).toBeUndefined();
    expect(sim.requests().filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(1);
    expect(sim.requests().filter((r) => r.path === '/auth')).toHaveLength(1);
  }, 30_000);

  it('a keyed create sent to replica 1 and retried on replica 2 makes one POST and answers the same job', async () => {
    const name = `replica retry ${randomUUID()}`;
    const key = randomUUID();
    const first = await set.post(0, CREATE, { input: createInput(name), key });
    const job = rootField<CreatePayload>(first.body, 'createPatchJob').job;
    expect(job?.id).toBeTruthy();
    const again = await set.post(1, CREATE, { input: createInput(name), key });
    expect(again.body.data?.['createPatchJob']).toMatchObject({ replayed: true, job: { id: job?.id } });
    expect(createPosts(sim, name)).toHaveLength(1);
  }, 30_000);

  it('two replicas racing on one key send one POST', async () => {
    const name = `replica race ${randomUUID()}`;
    const key = randomUUID();
    const [a, b] = await Promise.all([
      set.post(0, CREATE, { input: createInput(name), key }),
      set.post(2, CREATE, { input: createInput(name), key }),
    ]);
    const ids = [a, b].map((r) => rootField<CreatePayload>(r.body, 'createPatchJob').job?.id);
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).toBe(ids[0]);
    expect(createPosts(sim, name)).toHaveLength(1);
  }, 30_000);

  it('replica 1 killed while its keyed create waits for a slot: the retry on replica 2 takes the key over, one POST', async () => {
    const name = `replica killed queued ${randomUUID()}`;
    const key = randomUUID();
    // Both shared slots are held for 4 s by slow reads on replica 3.
    sim.injectFault({ method: 'GET', path: SLOW_JOB_PATH, status: 404, delayMs: 4_000, times: 2 });
    const holders = [1, 2].map((n) => set.post(2, SLOW_JOB, { id: slowJobId(n) }));
    await waitFor(
      'two slow reads in flight',
      () => sim.requests().filter((r) => SLOW_JOB_PATH.test(r.path) && r.status === null).length === 2,
    );
    const lost = set.post(0, CREATE, { input: createInput(name), key }).catch(() => 'killed');
    await waitFor('the key reserved', async () =>
      (await idempotencyStates(redis, prefix)).includes('reserved'),
    );
    await set.kill(0);
    expect(await lost).toBe('killed');
    const retry = await set.post(1, CREATE, { input: createInput(name), key });
    expect(retry.body.errors).toBeUndefined();
    const created = rootField<CreatePayload>(retry.body, 'createPatchJob').job;
    expect(created?.name).toBe(name);
    expect(createPosts(sim, name)).toHaveLength(1);
    await Promise.all(holders);
    const replay = await set.post(2, CREATE, { input: createInput(name), key });
    expect(replay.body.data?.['createPatchJob']).toMatchObject({ replayed: true, job: { id: created?.id } });
    expect(createPosts(sim, name)).toHaveLength(1);
    await set.restart(0);
  }, 60_000);

  it('replica 1 killed after its keyed create was sent: the retry answers OUTCOME_UNKNOWN and sends nothing', async () => {
    const name = `replica killed sent ${randomUUID()}`;
    const key = randomUUID();
    sim.injectFault({ method: 'POST', path: CREATE_PATH, status: 500, delayMs: 3_000, times: 1 });
    const lost = set.post(0, CREATE, { input: createInput(name), key }).catch(() => 'killed');
    await waitFor('the create sent', () => createPosts(sim, name).length === 1);
    await waitFor('the key marked sent', async () =>
      (await idempotencyStates(redis, prefix)).includes('sent'),
    );
    await set.kill(0);
    expect(await lost).toBe('killed');
    const retry = await set.post(1, CREATE, { input: createInput(name), key });
    expect(retry.body.data?.['createPatchJob']).toMatchObject({
      job: null,
      userErrors: [expect.objectContaining({ code: 'OUTCOME_UNKNOWN', field: ['idempotencyKey'] })],
    });
    expect(createPosts(sim, name)).toHaveLength(1);
    await set.restart(0);
  }, 60_000);

  it('a replica SIGKILLed while holding both slots: they come back within the lease', async () => {
    // The simulator's own cap would refuse calls while the dead replica's requests are still open there.
    sim.configure({ concurrencyLimit: undefined });
    try {
      sim.injectFault({ method: 'GET', path: SLOW_JOB_PATH, status: 404, delayMs: 8_000, times: 2 });
      const holders = [3, 4].map((n) => set.post(0, SLOW_JOB, { id: slowJobId(n) }).catch(() => 'killed'));
      await waitFor(
        'two slots held',
        () => sim.requests().filter((r) => SLOW_JOB_PATH.test(r.path) && r.status === null).length === 2,
      );
      expect(await redis.zcard(`${prefix}semaphore:slots`)).toBe(2);
      await set.kill(0);
      const killedAt = Date.now();
      await Promise.all(holders);
      sim.resetRequests();
      const answer = await set.post(1, DASHBOARD, { first: 1 });
      expect(answer.body.errors).toBeUndefined();
      const firstCall = apiCalls(sim)[0];
      const waitedMs = (firstCall?.startedAt ?? Number.NaN) - killedAt;
      // The slots were really held (the call waited), and not longer than the lease (+ polling slack).
      expect(waitedMs).toBeGreaterThan(LEASE_MS * 0.4);
      expect(waitedMs).toBeLessThan(LEASE_MS + 1_000);
    } finally {
      sim.configure({ concurrencyLimit: 2 });
      await set.restart(0);
    }
  }, 60_000);
});

describeWithRedis('replicas sharing one rate budget', (testRedis) => {
  let sim: Simulator;
  let set: ReplicaSet;
  const WINDOW_MS = 2_000;
  const LIMIT = 30;

  beforeAll(async () => {
    sim = await startSimulator({ latencyMs: 5, rateLimit: { limit: LIMIT, windowMs: WINDOW_MS } });
    set = await startReplicas({
      qualysBaseUrl: sim.url,
      count: 3,
      redisUrl: testRedis().url,
      prefix: `t${randomUUID().slice(0, 8)}:`,
      env: {
        QUALYS_CONCURRENCY: '4',
        QUALYS_RATE_LIMIT_CALLS: String(LIMIT),
        QUALYS_RATE_LIMIT_WINDOW_MS: String(WINDOW_MS),
      },
    });
  }, 90_000);

  afterAll(async () => {
    await set?.stop();
    await sim?.close();
  });

  it(`${LIMIT} calls per ${WINDOW_MS} ms across three replicas: no window ever holds more than ${LIMIT}, no 429`, async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => set.post(i % 3, DASHBOARD, { first: 12 })),
    );
    for (const { body } of answers) expect(body.errors).toBeUndefined();
    const starts = apiCalls(sim)
      .map((c) => c.startedAt)
      .sort((a, b) => a - b);
    expect(starts.length).toBe(6 * 13);
    expect(sim.requests().filter((r) => r.status === 429)).toEqual([]);
    // The busiest window that starts at any call: each window [t, t + WINDOW_MS).
    let busiest = 0;
    for (let i = 0, j = 0; i < starts.length; i++) {
      while (j < starts.length && (starts[j] as number) < (starts[i] as number) + WINDOW_MS) j++;
      busiest = Math.max(busiest, j - i);
    }
    expect(busiest).toBeLessThanOrEqual(LIMIT);
    // The budget is used, not starved: the busiest window is close to full.
    expect(busiest).toBeGreaterThanOrEqual(LIMIT - 6);
  }, 60_000);
});

describeWithRedis('replicas when Redis stops mid-load', () => {
  let redisServer: OwnRedisServer | undefined;
  let sim: Simulator;
  let set: ReplicaSet;

  beforeAll(async () => {
    // A Redis of its own, which this test kills and restarts: a redis-server child (with only
    // REDIS_TEST_URL the test is skipped, except under CI, where startOwnRedisServer fails).
    if (REDIS_SERVER_BINARY === undefined && !isCi()) return;
    redisServer = await startOwnRedisServer();
    sim = await startSimulator({ latencyMs: 10, concurrencyLimit: 4 });
    set = await startReplicas({
      qualysBaseUrl: sim.url,
      count: 3,
      redisUrl: redisServer.url,
      prefix: 'outage:',
      env: { QUALYS_CONCURRENCY: '2', QUALYS_SLOT_LEASE_MS: String(LEASE_MS) },
    });
  }, 90_000);

  afterAll(async () => {
    await set?.stop();
    await sim?.close();
    await redisServer?.kill('SIGTERM');
  });

  it('no crash, no duplicate mutation, every request answered; readiness says local, then rejoins', async (context) => {
    const outage = redisServer;
    if (outage === undefined) {
      context.skip('needs a redis-server on PATH that this test may stop (REDIS_TEST_URL cannot be)');
      return;
    }
    const names: string[] = [];
    const answers: Array<{ status: number; code: string | null }> = [];
    let stopLoad = false;
    const loop = async (replica: number) => {
      for (let n = 0; !stopLoad; n++) {
        const name = `outage ${replica}-${n} ${randomUUID()}`;
        names.push(name);
        const [read, write] = await Promise.all([
          set.post(replica, DASHBOARD, { first: 3 }),
          set.post(replica, CREATE, { input: createInput(name), key: randomUUID() }),
        ]);
        for (const answer of [read, write]) {
          const code = (answer.body.errors?.[0]?.extensions?.['code'] as string | undefined) ?? null;
          answers.push({ status: answer.status, code });
        }
        const created = write.body.data?.['createPatchJob'] as { job: unknown } | null | undefined;
        if ((created?.job ?? null) === null && write.body.errors === undefined) {
          throw new Error(`create answered neither a job nor an error: ${JSON.stringify(write.body)}`);
        }
      }
    };
    const load = Promise.all([0, 1, 2].map(loop));
    await new Promise((r) => setTimeout(r, 1_000));
    await outage.kill();
    const downAt = answers.length;
    await waitFor(
      'readiness to say local',
      async () => (await set.get(1, '/readiness')).body['coordination'] === 'local',
    );
    await new Promise((r) => setTimeout(r, 1_500));
    await outage.restart();
    await waitFor(
      'readiness to say redis again',
      async () => (await set.get(1, '/readiness')).body['coordination'] === 'redis',
      20_000,
    );
    await new Promise((r) => setTimeout(r, 500));
    stopLoad = true;
    await load;

    for (const replica of set.replicas) expect(replica.isRunning()).toBe(true);
    expect(answers.length).toBeGreaterThan(downAt);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      // A keyed create while Redis is down is refused before anything is sent; nothing else fails.
      expect([null, 'IDEMPOTENCY_UNAVAILABLE']).toContain(answer.code);
    }
    expect(answers.some((a) => a.code === 'IDEMPOTENCY_UNAVAILABLE')).toBe(true);
    for (const name of names) expect(createPosts(sim, name).length).toBeLessThanOrEqual(1);
    for (const replica of set.replicas)
      expect(replica.stderr()).not.toMatch(/uncaught exception|unhandled rejection/);
  }, 90_000);
});
