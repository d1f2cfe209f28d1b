import { print } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DashboardDocument } from '../../schema/generated/graphql.js';
import { createGateway } from '../../src/server/gateway.js';
import { type GraphQLResponse, type Harness, startHarness } from '../helpers/harness.js';

interface Upstream {
  calls: number;
  byEndpoint: Record<string, number>;
}

async function post(h: Harness, query: string, variables: Record<string, unknown> = {}) {
  const response = await h.gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<unknown> & { extensions: { upstream: Upstream } };
}

/** `extensions.upstream` counts each request's Qualys calls, exactly as the simulator saw them. */
describe('extensions.upstream', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetCalls());

  it('Dashboard: calls equal the simulator request log, per endpoint template', async () => {
    const result = await post(h, print(DashboardDocument), { platform: 'WINDOWS', first: 50 });
    expect(result.errors).toBeUndefined();
    const upstream = result.extensions.upstream;
    expect(upstream.calls).toBe(h.calls().length);
    expect(upstream.calls).toBeGreaterThan(50);
    expect(Object.values(upstream.byEndpoint).reduce((a, b) => a + b, 0)).toBe(upstream.calls);
    // Endpoint templates keyed like the harness' path templates; no URLs, ids or tokens.
    const fromLog = h.callCounts();
    expect(Object.keys(upstream.byEndpoint).sort()).toEqual(Object.keys(fromLog).sort());
    for (const [endpoint, n] of Object.entries(fromLog)) expect(upstream.byEndpoint[endpoint]).toBe(n);
    expect(JSON.stringify(upstream)).not.toMatch(/https?:|[0-9a-f]{8}-[0-9a-f]{4}|Bearer/i);
  });

  it('is on responses that never executed, with zero calls', async () => {
    const result = await post(h, '{ noSuchField }');
    expect(result.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.extensions.upstream).toEqual({ calls: 0, byEndpoint: {} });
    expect(h.calls()).toHaveLength(0);
  });

  it('counts per request, not per gateway', async () => {
    const query = '{ patchJobs(platform: WINDOWS, first: 2) { nodes { id } } }';
    const a = await post(h, query);
    const b = await post(h, query);
    expect(a.extensions.upstream).toEqual({
      calls: 1,
      byEndpoint: { 'GET /pm/v1/deploymentjobs': 1 },
      estimated: 1,
    });
    expect(b.extensions.upstream).toEqual(a.extensions.upstream);
  });
});

/** The request deadline reaches the Qualys session: slow upstream work stops with QUALYS_ABORTED. */
describe('request deadline', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ simulator: { latencyMs: 1000 } });
  });
  afterAll(() => h.close());

  it('a request whose upstream outlives REQUEST_TIMEOUT_MS ends with QUALYS_ABORTED', async () => {
    const gateway = createGateway({
      client: h.client,
      graphiql: false,
      logging: false,
      requestTimeoutMs: 150,
    });
    const started = Date.now();
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ patchJobs(platform: WINDOWS, first: 2) { nodes { id } } }' }),
    });
    const result = (await response.json()) as GraphQLResponse<unknown>;
    expect(Date.now() - started).toBeLessThan(900);
    expect(result.errors?.map((e) => e.extensions?.['code'])).toContain('QUALYS_ABORTED');
  });
});
