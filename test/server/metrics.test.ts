import { print } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DashboardDocument } from '../../schema/generated/graphql.js';
import { createQualysClient } from '../../src/qualys/client.js';
import { createGateway, type Gateway } from '../../src/server/gateway.js';
import { createGatewayMetrics, type GatewayMetrics } from '../../src/server/metrics.js';
import { DEFAULT_CREDENTIALS } from '../../src/simulator/index.js';
import { type Harness, pathTemplate, startHarness } from '../helpers/harness.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text exposition into samples (comments skipped). */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (m === null) throw new Error(`unparsable exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1] as string] = l[2] as string;
    samples.push({ name: m[1] as string, labels, value: Number(m[3]) });
  }
  return samples;
}

async function scrape(gateway: Gateway, headers: Record<string, string> = {}): Promise<Sample[]> {
  const response = await gateway.fetch('http://gateway.test/metrics', { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return parseExposition(await response.text());
}

function select(samples: Sample[], name: string, labels: Record<string, string> = {}): Sample[] {
  return samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}

const sum = (samples: Sample[]) => samples.reduce((total, s) => total + s.value, 0);

async function run(gateway: Gateway, query: string, variables: Record<string, unknown> = {}) {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
}

describe('/metrics', () => {
  let h: Harness;
  let metrics: GatewayMetrics;
  let gateway: Gateway;
  beforeAll(async () => {
    h = await startHarness();
    metrics = createGatewayMetrics();
    gateway = createGateway({ client: h.client, graphiql: false, logging: false, metrics });
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetCalls());

  it('after a Dashboard: upstream counters equal the simulator request log, per endpoint and status', async () => {
    const result = await run(gateway, print(DashboardDocument), { platform: 'WINDOWS', first: 50 });
    expect(result.errors).toBeUndefined();
    const samples = await scrape(gateway);

    const fromLog: Record<string, number> = {};
    for (const c of h.calls()) {
      const key = `${c.method} ${pathTemplate(c.path)} ${c.status}`;
      fromLog[key] = (fromLog[key] ?? 0) + 1;
    }
    const fromMetrics: Record<string, number> = {};
    for (const s of select(samples, 'qualys_pm_gateway_upstream_calls_total')) {
      fromMetrics[`${s.labels['endpoint']} ${s.labels['status']}`] = s.value;
    }
    expect(Object.keys(fromLog).length).toBeGreaterThan(1);
    expect(fromMetrics).toEqual(fromLog);
    // Per endpoint template, the harness' own grouping (the `/auth` of the shared token excluded).
    for (const [endpoint, n] of Object.entries(h.callCounts())) {
      expect(sum(select(samples, 'qualys_pm_gateway_upstream_calls_total', { endpoint }))).toBe(n);
      expect(
        sum(select(samples, 'qualys_pm_gateway_upstream_call_duration_seconds_count', { endpoint })),
      ).toBe(n);
    }

    const op = { operation: 'Dashboard', operation_type: 'query' };
    expect(sum(select(samples, 'qualys_pm_gateway_operation_duration_seconds_count', op))).toBe(1);
    expect(select(samples, 'qualys_pm_gateway_operation_errors_total', op)).toEqual([]);
    const batches = select(samples, 'qualys_pm_gateway_loader_batch_size_count');
    expect(sum(batches)).toBeGreaterThan(0);
    expect(batches.every((b) => typeof b.labels['loader'] === 'string')).toBe(true);

    expect(select(samples, 'qualys_pm_gateway_upstream_queue_depth')).toEqual([
      { name: 'qualys_pm_gateway_upstream_queue_depth', labels: {}, value: 0 },
    ]);
    expect(select(samples, 'qualys_pm_gateway_upstream_in_flight')[0]?.value).toBe(0);
    // Node process metrics on the gateway's own registry, prefixed.
    expect(select(samples, 'qualys_pm_gateway_process_cpu_user_seconds_total')).toHaveLength(1);
    // No URLs, ids or tokens in any label.
    expect(JSON.stringify(samples)).not.toMatch(/https?:|[0-9a-f]{8}-[0-9a-f]{4}-|Bearer|eyJ/i);
  });

  it('counts response cache hits and misses through recordCache', async () => {
    metrics.recordCache(true);
    metrics.recordCache(false);
    metrics.recordCache(false);
    const samples = await scrape(gateway);
    expect(select(samples, 'qualys_pm_gateway_response_cache_total', { result: 'hit' })[0]?.value).toBe(1);
    expect(select(samples, 'qualys_pm_gateway_response_cache_total', { result: 'miss' })[0]?.value).toBe(2);
  });

  it('counts refused operations as errors with their code, without timing them', async () => {
    const result = await run(gateway, 'query Broken { noSuchField }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const samples = await scrape(gateway);
    const labels = { operation: 'Broken', operation_type: 'query', code: 'GRAPHQL_VALIDATION_FAILED' };
    expect(sum(select(samples, 'qualys_pm_gateway_operation_errors_total', labels))).toBe(1);
    expect(
      select(samples, 'qualys_pm_gateway_operation_duration_seconds_count', { operation: 'Broken' }),
    ).toEqual([]);
  });

  it('keeps the metrics of two gateways apart', async () => {
    const other = createGateway({ client: h.client, graphiql: false, logging: false });
    const samples = await scrape(other);
    expect(select(samples, 'qualys_pm_gateway_operation_duration_seconds_count')).toEqual([]);
    expect(select(samples, 'qualys_pm_gateway_process_cpu_user_seconds_total')).toEqual([]);
  });
});

describe('/metrics on upstream failures', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('counts the failing operation by code and the upstream 500s by status', async () => {
    const client = createQualysClient({
      baseUrl: h.simulator.url,
      credentials: { ...DEFAULT_CREDENTIALS },
      retry: { maxAttempts: 1 },
    });
    const gateway = createGateway({ client, graphiql: false, logging: false });
    h.simulator.injectFault({
      method: 'GET',
      path: '/pm/v1/deploymentjobs',
      status: 500,
      body: { oops: true },
    });
    h.resetCalls();
    const result = await run(
      gateway,
      'query Jobs { patchJobs(platform: WINDOWS, first: 2) { nodes { id } } }',
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('QUALYS_HTTP_STATUS');
    const samples = await scrape(gateway);
    await client.close();

    const failed = h.calls().filter((c) => c.status === 500);
    expect(failed.length).toBeGreaterThan(0);
    expect(
      sum(
        select(samples, 'qualys_pm_gateway_upstream_calls_total', {
          endpoint: 'GET /pm/v1/deploymentjobs',
          status: '500',
        }),
      ),
    ).toBe(failed.length);
    const op = { operation: 'Jobs', operation_type: 'query' };
    expect(
      sum(select(samples, 'qualys_pm_gateway_operation_errors_total', { ...op, code: 'QUALYS_HTTP_STATUS' })),
    ).toBe(1);
    expect(sum(select(samples, 'qualys_pm_gateway_operation_duration_seconds_count', op))).toBe(1);
  });

  it('an upstream that never answers is counted under its error code', async () => {
    const metrics = createGatewayMetrics({ nodeMetrics: false });
    metrics.recordUpstreamCall({
      endpoint: 'GET /pm/v1/patches',
      method: 'GET',
      path: '/pm/v1/patches',
      status: null,
      durationMs: 12,
      errorCode: 'QUALYS_TIMEOUT',
      attempt: 1,
      queuedMs: 0,
    });
    const samples = parseExposition((await metrics.scrape()).body);
    expect(select(samples, 'qualys_pm_gateway_upstream_calls_total')).toEqual([
      {
        name: 'qualys_pm_gateway_upstream_calls_total',
        labels: { endpoint: 'GET /pm/v1/patches', status: 'QUALYS_TIMEOUT' },
        value: 1,
      },
    ]);
  });
});

describe('/metrics with API keys', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('needs a key when GATEWAY_API_KEYS is set', async () => {
    const key = 'k'.repeat(40);
    const gateway = createGateway({
      client: h.client,
      graphiql: false,
      logging: false,
      apiKeys: [{ name: 'prometheus', key }],
    });
    const refused = await gateway.fetch('http://gateway.test/metrics', { headers: { accept: 'text/html' } });
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain('qualys_pm_gateway_');
    const samples = await scrape(gateway, { 'x-api-key': key });
    expect(select(samples, 'qualys_pm_gateway_upstream_queue_depth')).toHaveLength(1);
  });
});
