import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { QualysClient } from '../../src/qualys/api.js';
import { createQualysClient } from '../../src/qualys/client.js';
import { schema } from '../../src/schema/index.js';
import { createGateway, type Gateway } from '../../src/server/gateway.js';
import type { ApiKey } from '../../src/server/plugins/use-inbound-auth.js';
import {
  createMemoryResponseCacheStore,
  createRedisResponseCacheStore,
  JOB_MUTATION_INVALIDATIONS,
  type ResponseCacheOptions,
  type ResponseCacheStore,
} from '../../src/server/plugins/use-response-cache.js';
import { createSimulator, DEFAULT_CREDENTIALS, type Simulator } from '../../src/simulator/index.js';
import type { GraphQLResponse } from '../helpers/harness.js';
import { describeWithRedis, type TestRedis } from '../helpers/redis.js';
import { windowsJob } from '../jobs/fixtures.js';

const FLEET = { assets: 40, patches: 60, patchJobs: 12, mitigationJobs: 2 };
const KEYS: ApiKey[] = [
  { name: 'alpha', key: 'a'.repeat(32) },
  { name: 'beta', key: 'b'.repeat(32) },
];
const ALPHA = { 'x-api-key': 'a'.repeat(32) };
const BETA = { 'x-api-key': 'b'.repeat(32) };

const JOB = /* GraphQL */ `
  query Job($id: ID!) {
    patchJob(id: $id) { id name status }
  }
`;
const JOBS = /* GraphQL */ `
  query Jobs {
    patchJobs(platform: WINDOWS, first: 5) { nodes { id name } }
  }
`;
const PATCHES = /* GraphQL */ `
  query Patches {
    patches(platform: WINDOWS, first: 3) { nodes { id title } }
  }
`;
const RENAME = /* GraphQL */ `
  mutation Rename($id: ID!, $name: String!) {
    updatePatchJob(id: $id, input: { name: $name }) { job { id name } userErrors { message } }
  }
`;
const CREATE = /* GraphQL */ `
  mutation Create($input: CreatePatchJobInput!) {
    createPatchJob(input: $input) { job { id status } userErrors { message } }
  }
`;
const SET_STATUS = /* GraphQL */ `
  mutation SetStatus($ids: [ID!]!, $status: JobConfigStatus!) {
    setPatchJobsStatus(ids: $ids, status: $status) { results { id success message } }
  }
`;

type Body = GraphQLResponse<Record<string, unknown>> & {
  extensions?: {
    upstream?: { calls: number };
    responseCache?: { hit?: boolean; didCache?: boolean; ttl?: number };
  };
};

/** Simulator + client + gateway with the response cache; `execute` also counts upstream calls. */
interface CachedGateway {
  simulator: Simulator;
  gateway: Gateway;
  /** Runs an operation; `calls` = Qualys calls the simulator logged for it (`/auth` excluded). */
  execute(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<Body & { calls: number }>;
  close(): Promise<void>;
}

async function startCachedGateway(options: {
  store?: ResponseCacheStore | undefined;
  cache?: Partial<ResponseCacheOptions>;
  apiKeys?: ApiKey[];
  tenants?: boolean;
}): Promise<CachedGateway> {
  const simulator = createSimulator({
    seed: 5,
    fleet: FLEET,
    ...(options.tenants
      ? {
          tenants: [
            { username: 'alice', password: 'alice-pw', seed: 11, includeSeedSamples: false },
            { username: 'bob', password: 'bob-pw', seed: 22, includeSeedSamples: false },
          ],
        }
      : {}),
  });
  const { url } = await simulator.listen(0, '127.0.0.1');
  const client: QualysClient = createQualysClient({
    baseUrl: url,
    ...(options.tenants ? {} : { credentials: { ...DEFAULT_CREDENTIALS } }),
  });
  const gateway = createGateway({
    client,
    graphiql: false,
    logging: false,
    ...(options.apiKeys === undefined ? {} : { apiKeys: options.apiKeys }),
    ...(options.store === undefined ? {} : { responseCache: { store: options.store, ...options.cache } }),
  });
  return {
    simulator,
    gateway,
    async execute(query, variables = {}, headers = {}) {
      simulator.resetRequests();
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Body;
      return { ...body, calls: simulator.requests().filter((r) => r.path !== '/auth').length };
    },
    async close() {
      await client.close();
      await simulator.close();
    },
  };
}

/** The first listed Windows patch job that Qualys also answers by id. */
function firstJobId(simulator: Simulator): string {
  const store = simulator.store();
  const id = store
    .jobList('list', 'Windows')
    .map((j) => String(j['id']))
    .find((i) => store.patchJob(i) !== undefined);
  if (id === undefined) throw new Error('no readable patch job');
  return id;
}

describe('response cache: schema coverage', () => {
  it('names an invalidation for every Mutation field', () => {
    const fields = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(Object.keys(JOB_MUTATION_INVALIDATIONS).sort()).toEqual(fields);
  });

  it('is off by default: every read goes upstream and no response carries cache metadata', async () => {
    const g = await startCachedGateway({});
    try {
      const id = firstJobId(g.simulator);
      const first = await g.execute(JOB, { id });
      const second = await g.execute(JOB, { id });
      expect(first.calls).toBeGreaterThan(0);
      expect(second.calls).toBe(first.calls);
      expect(second.extensions?.responseCache).toBeUndefined();
    } finally {
      await g.close();
    }
  });
});

describe('response cache: a failing store', () => {
  it('answers as a miss and reports the failure, never failing the request', async () => {
    const failures: string[] = [];
    const broken: ResponseCacheStore = {
      get: () => Promise.reject(new Error('connection refused')),
      set: () => Promise.reject(new Error('connection refused')),
      invalidate: () => Promise.reject(new Error('connection refused')),
    };
    const g = await startCachedGateway({
      store: broken,
      cache: { onStoreError: (_error, operation) => failures.push(operation) },
    });
    try {
      const id = firstJobId(g.simulator);
      for (const expected of [false, false]) {
        const result = await g.execute(JOB, { id });
        expect(result.errors).toBeUndefined();
        expect(result.calls).toBeGreaterThan(0);
        expect(result.extensions?.responseCache?.hit).toBe(expected);
      }
      expect(failures).toEqual(expect.arrayContaining(['get', 'set']));
    } finally {
      await g.close();
    }
  });
});

describe('response cache (memory store)', () => cacheSuite('memory'));
describeWithRedis('response cache (redis store)', (testRedis) => cacheSuite('redis', testRedis));

/**
 * The cache's behaviour, the same for both stores. `testRedis` (redis store only) is the real
 * Redis of `describeWithRedis`; its database is flushed before each test.
 */
function cacheSuite(kind: 'memory' | 'redis', testRedis?: () => TestRedis): void {
  let redis: Redis | undefined;
  let g: CachedGateway | undefined;

  beforeAll(async () => {
    if (testRedis === undefined) return;
    redis = new Redis(testRedis().url, { maxRetriesPerRequest: 1 });
  });
  afterEach(async () => {
    await g?.close();
    g = undefined;
  });
  afterAll(async () => {
    await redis?.quit();
  });

  async function openStore(): Promise<ResponseCacheStore> {
    if (kind === 'memory') return createMemoryResponseCacheStore();
    if (redis === undefined) throw new Error('redis not started');
    await redis.flushdb();
    return createRedisResponseCacheStore(redis);
  }

  async function start(options: Parameters<typeof startCachedGateway>[0] = {}): Promise<CachedGateway> {
    g = await startCachedGateway({ store: await openStore(), ...options });
    return g;
  }

  it('answers a repeated query from the cache: no upstream call, extensions.upstream 0', async () => {
    const { execute, simulator } = await start();
    const id = firstJobId(simulator);
    const miss = await execute(JOB, { id });
    expect(miss.errors).toBeUndefined();
    expect(miss.calls).toBeGreaterThan(0);
    expect(miss.extensions?.responseCache).toEqual({ hit: false, didCache: true, ttl: 15_000 });
    const hit = await execute(JOB, { id });
    expect(hit.calls).toBe(0);
    expect(hit.data).toEqual(miss.data);
    expect(hit.extensions?.upstream).toEqual({ calls: 0, byEndpoint: {} });
    expect(hit.extensions?.responseCache).toEqual({ hit: true });
    // Only these: no stale upstream count or HTTP validators carried from the cached result.
    expect(Object.keys(hit.extensions ?? {}).sort()).toEqual(['responseCache', 'upstream']);
  });

  it('keeps the catalog 10 min and jobs 15 s', async () => {
    const { execute } = await start();
    const patches = await execute(PATCHES);
    expect(patches.errors).toBeUndefined();
    expect(patches.extensions?.responseCache?.ttl).toBe(600_000);
    const jobs = await execute(JOBS);
    expect(jobs.extensions?.responseCache?.ttl).toBe(15_000);
  });

  it('never serves one API key’s cached result to another: the second key misses, then hits its own', async () => {
    const { execute, simulator } = await start({ apiKeys: KEYS });
    const id = firstJobId(simulator);
    const alpha = await execute(JOB, { id }, ALPHA);
    expect(alpha.calls).toBeGreaterThan(0);
    const beta = await execute(JOB, { id }, BETA);
    expect(beta.extensions?.responseCache?.hit).toBe(false);
    expect(beta.calls).toBeGreaterThan(0);
    expect((await execute(JOB, { id }, ALPHA)).calls).toBe(0);
    expect((await execute(JOB, { id }, BETA)).calls).toBe(0);
  });

  it('never serves one forwarded token’s cached result to another: each tenant gets its own data', async () => {
    const { execute, simulator } = await start({ tenants: true });
    const alice = { authorization: `Bearer ${simulator.issueToken('alice')}` };
    const bob = { authorization: `Bearer ${simulator.issueToken('bob')}` };
    const aliceIds = simulator
      .store('alice')
      .jobList('list', 'Windows')
      .slice(0, 5)
      .map((j) => j['id']);
    const bobIds = simulator
      .store('bob')
      .jobList('list', 'Windows')
      .slice(0, 5)
      .map((j) => j['id']);
    expect(aliceIds).not.toEqual(bobIds);
    const ids = (b: Body) =>
      ((b.data?.['patchJobs'] as { nodes: Array<{ id: string }> } | undefined)?.nodes ?? []).map((n) => n.id);

    const aliceMiss = await execute(JOBS, {}, alice);
    expect(ids(aliceMiss)).toEqual(aliceIds);
    const bobMiss = await execute(JOBS, {}, bob);
    expect(bobMiss.calls).toBeGreaterThan(0);
    expect(new Set(simulator.requests().map((r) => r.tenant))).toEqual(new Set(['bob']));
    expect(ids(bobMiss)).toEqual(bobIds);

    const aliceHit = await execute(JOBS, {}, alice);
    const bobHit = await execute(JOBS, {}, bob);
    expect([aliceHit.calls, bobHit.calls]).toEqual([0, 0]);
    expect(ids(aliceHit)).toEqual(aliceIds);
    expect(ids(bobHit)).toEqual(bobIds);
  });

  it('does not cache a request without identity (no service credentials, no token)', async () => {
    const { execute } = await start({ tenants: true });
    const anonymous = await execute(JOBS);
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('QUALYS_UNAUTHORIZED');
    expect(anonymous.extensions?.responseCache).toBeUndefined();
  });

  it('updatePatchJob invalidates the job and the lists holding it: the next reads show the new name', async () => {
    const { execute, simulator } = await start();
    const id = firstJobId(simulator);
    await execute(JOB, { id });
    await execute(JOBS);
    expect((await execute(JOB, { id })).calls).toBe(0);
    expect((await execute(JOBS)).calls).toBe(0);

    const renamed = await execute(RENAME, { id, name: 'Renamed through the cache' });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data?.['updatePatchJob']).toMatchObject({ userErrors: [] });

    const job = await execute(JOB, { id });
    expect(job.calls).toBeGreaterThan(0);
    expect(job.data?.['patchJob']).toMatchObject({ id, name: 'Renamed through the cache' });
    const jobs = await execute(JOBS);
    expect(jobs.calls).toBeGreaterThan(0);
    expect(
      (jobs.data?.['patchJobs'] as { nodes: Array<{ id: string; name: string }> } | undefined)?.nodes,
    ).toContainEqual({
      id,
      name: 'Renamed through the cache',
    });
  });

  it('setPatchJobsStatus (bulk results, not job entities) invalidates the jobs it names', async () => {
    const { execute } = await start();
    const created = await execute(CREATE, {
      input: {
        ...windowsJob(),
        name: 'Cache status job',
        status: 'ENABLED',
        schedule: { type: 'DAILY', startDateTime: '2026-12-01T22:00:00', timezone: 'UTC' },
      },
    });
    expect(created.errors).toBeUndefined();
    const id =
      (created.data?.['createPatchJob'] as { job: { id: string } | null } | undefined)?.job?.id ?? '';
    expect((await execute(JOB, { id })).data?.['patchJob']).toMatchObject({ status: 'ENABLED' });
    expect((await execute(JOB, { id })).calls).toBe(0);

    const set = await execute(SET_STATUS, { ids: [id], status: 'DISABLED' });
    expect(set.data?.['setPatchJobsStatus']).toEqual({ results: [{ id, success: true, message: null }] });

    const after = await execute(JOB, { id });
    expect(after.calls).toBeGreaterThan(0);
    expect(after.data?.['patchJob']).toMatchObject({ id, status: 'DISABLED' });
  });

  it('createPatchJob invalidates cached job lists', async () => {
    const { execute } = await start();
    await execute(JOBS);
    expect((await execute(JOBS)).calls).toBe(0);
    const created = await execute(CREATE, {
      input: { ...windowsJob(), name: 'Cache list job' },
    });
    expect(created.data?.['createPatchJob']).toMatchObject({ userErrors: [] });
    expect((await execute(JOBS)).calls).toBeGreaterThan(0);
  });

  it('drops a result at its TTL', async () => {
    const { execute, simulator } = await start({ cache: { ttlPerTypeMs: { PatchJob: 200 } } });
    const id = firstJobId(simulator);
    expect((await execute(JOB, { id })).extensions?.responseCache?.ttl).toBe(200);
    expect((await execute(JOB, { id })).calls).toBe(0);
    await sleep(350);
    expect((await execute(JOB, { id })).calls).toBeGreaterThan(0);
  });

  it('does not cache a result with errors', async () => {
    const { execute, simulator } = await start();
    const id = firstJobId(simulator);
    const remove = simulator.injectFault({ path: /^\/pm\/v1\/deploymentjob\//, status: 400 });
    const failed = await execute(JOB, { id });
    expect(failed.errors?.length).toBeGreaterThan(0);
    expect(failed.extensions?.responseCache).toEqual({ hit: false, didCache: false });
    remove();
    const ok = await execute(JOB, { id });
    expect(ok.errors).toBeUndefined();
    expect(ok.calls).toBeGreaterThan(0);
    expect(ok.extensions?.responseCache?.hit).toBe(false);
  });

  it('counts hits and misses through onCacheResult', async () => {
    const seen: boolean[] = [];
    const { execute, simulator } = await start({ cache: { onCacheResult: (hit) => seen.push(hit) } });
    const id = firstJobId(simulator);
    await execute(JOB, { id });
    await execute(JOB, { id });
    await execute(RENAME, { id, name: 'Counted' });
    expect(seen).toEqual([false, true]);
  });
}
