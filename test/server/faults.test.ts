import { print } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CreatePatchJobDocument,
  type CreatePatchJobInput,
  DashboardDocument,
  type DashboardQuery,
} from '../../schema/generated/graphql.js';
import { createGateway } from '../../src/server/gateway.js';
import type { SimulatorOptions } from '../../src/simulator/index.js';
import { type GraphQLResponse, type Harness, startHarness } from '../helpers/harness.js';
import { errorCodes } from '../helpers/stack.js';
import { windowsJob } from '../jobs/fixtures.js';

/**
 * Production-hardening fault scenarios against the simulator's fault modes: retried reads under
 * random 5xx and resets, the client's concurrency cap across parallel GraphQL requests, JWT
 * refresh, a create whose answer is lost (never re-sent), and a 429 rate window with Retry-After.
 */

/** The GraphQL request's time budget (the Qualys session deadline) in the scenarios that time it. */
const REQUEST_TIMEOUT_MS = 8_000;
const FLEET = { assets: 200, patches: 400, patchJobs: 40, mitigationJobs: 2 };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start(simulator: SimulatorOptions = {}): Promise<Harness> {
  h = await startHarness({ simulator: { seed: 7, fleet: FLEET, ...simulator } });
  return h;
}

/** Runs the Dashboard through a gateway on the harness' client whose request deadline is {@link REQUEST_TIMEOUT_MS}. */
async function timedDashboard(harness: Harness, first: number) {
  const gateway = createGateway({
    client: harness.client,
    graphiql: false,
    logging: false,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
  const started = performance.now();
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: print(DashboardDocument), variables: { first } }),
  });
  const body = (await response.json()) as GraphQLResponse<DashboardQuery>;
  return { status: response.status, body, elapsedMs: performance.now() - started };
}

const authCalls = (harness: Harness) => harness.simulator.requests().filter((r) => r.path === '/auth').length;

describe('fault scenarios (simulator fault modes, through Yoga)', () => {
  it('20 % 5xx + 10 % resets: the Dashboard completes within its deadline, full or coded-partial, reads retried', async () => {
    const harness = await start();
    const clean = await timedDashboard(harness, 20);
    expect(clean.body.errors).toBeUndefined();
    const faultFree = harness.calls().length;
    harness.resetCalls();

    harness.simulator.configure({ errorRate: 0.2, resetRate: 0.1 });
    const { status, body, elapsedMs } = await timedDashboard(harness, 20);
    const attempts = harness.calls().length;

    expect(status).toBe(200);
    expect(elapsedMs).toBeLessThan(REQUEST_TIMEOUT_MS);
    expect(body.data?.patchJobs.nodes).toHaveLength(20);
    for (const code of errorCodes(body.errors)) expect(code).toMatch(/^QUALYS_/);
    const faulted = harness.calls().filter((c) => c.fault === 'error' || c.fault === 'reset');
    expect(faulted.length).toBeGreaterThan(0);
    expect(attempts).toBeGreaterThan(faultFree);
  });

  it('simulator capped at 2 concurrent calls: parallel Dashboards through one gateway never exceed it, no 409', async () => {
    const harness = await start({ concurrencyLimit: 2, latencyMs: 20 });
    const results = await Promise.all(
      Array.from({ length: 4 }, () => harness.execute(DashboardDocument, { first: 10 })),
    );
    const stats = harness.simulator.stats()['simulator'];
    const conflicts = harness.calls().filter((c) => c.status === 409).length;

    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.patchJobs.nodes).toHaveLength(10);
    }
    expect(stats?.maxInFlight).toBeLessThanOrEqual(2);
    expect(stats?.maxInFlight).toBe(2);
    expect(stats?.rejectedConcurrency).toBe(0);
    expect(conflicts).toBe(0);
  });

  it('an expired JWT is refreshed once and the request succeeds', async () => {
    const harness = await start();
    expect((await harness.execute(DashboardDocument, { first: 5 })).errors).toBeUndefined();
    const authBefore = authCalls(harness);
    expect(authBefore).toBe(1);
    harness.resetCalls();

    harness.simulator.expireTokens();
    const result = await harness.execute(DashboardDocument, { first: 5 });
    const authAfter = authCalls(harness);

    expect(result.errors).toBeUndefined();
    expect(result.data?.patchJobs.nodes).toHaveLength(5);
    expect(authAfter).toBe(1);
    expect(harness.calls().filter((c) => c.status === 401).length).toBeGreaterThanOrEqual(1);
  });

  it('a create whose answer is lost after Qualys applied it is never sent again', async () => {
    const harness = await start();
    const input = { ...(windowsJob() as CreatePatchJobInput), name: 'Lost answer job' };
    const idempotencyKey = 'faults-lost-answer-1';
    const posts = () =>
      harness.calls().filter((c) => c.method === 'POST' && c.path === '/pm/v2/deploymentjob').length;
    const jobsNamed = () =>
      harness.simulator
        .store()
        .jobList('list', 'Windows')
        .filter((j) => j['name'] === input.name).length;

    harness.simulator.configure({ errorAfterRate: 1 });
    const first = await harness.execute(CreatePatchJobDocument, { input, idempotencyKey });
    harness.simulator.configure({ errorAfterRate: 0 });

    expect(first.data?.createPatchJob?.job ?? null).toBeNull();
    expect(first.errors?.length ?? 0).toBeGreaterThan(0);
    for (const error of first.errors ?? []) {
      expect(error.extensions?.['code']).toMatch(/^QUALYS_/);
    }
    expect(posts()).toBe(1);
    expect(jobsNamed()).toBe(1);

    const again = await harness.execute(CreatePatchJobDocument, { input, idempotencyKey });
    expect(again.errors).toBeUndefined();
    expect(again.data?.createPatchJob?.job).toBeNull();
    expect(again.data?.createPatchJob?.userErrors).toEqual([
      expect.objectContaining({ code: 'OUTCOME_UNKNOWN', field: ['idempotencyKey'] }),
    ]);
    expect(posts()).toBe(1);
    expect(jobsNamed()).toBe(1);
  });

  it('a read over a 429 rate window waits for Retry-After and succeeds within its deadline', async () => {
    const harness = await start({ rateLimit: { limit: 3, windowMs: 1_000 } });
    const { body, elapsedMs } = await timedDashboard(harness, 3);
    const limited = harness.calls().filter((c) => c.status === 429).length;

    expect(body.errors).toBeUndefined();
    expect(body.data?.patchJobs.nodes).toHaveLength(3);
    expect(limited).toBeGreaterThan(0);
    expect(elapsedMs).toBeGreaterThanOrEqual(900);
    expect(elapsedMs).toBeLessThan(REQUEST_TIMEOUT_MS);
  });
});
