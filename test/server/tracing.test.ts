import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { print } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DashboardDocument } from '../../schema/generated/graphql.js';
import { createQualysClient } from '../../src/qualys/client.js';
import { createGateway, type Gateway } from '../../src/server/gateway.js';
import { createTracing, recordUpstreamSpan } from '../../src/server/tracing.js';
import { DEFAULT_CREDENTIALS } from '../../src/simulator/index.js';
import { type Harness, pathTemplate, startHarness } from '../helpers/harness.js';

const FLEET = { assets: 60, patches: 120, patchJobs: 12, mitigationJobs: 4 };

function inMemoryTracing() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { exporter, provider, tracer: provider.getTracer('test') };
}

async function run(
  gateway: Gateway,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
}

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

describe('tracing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ serviceCredentials: false, simulator: { fleet: FLEET } });
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetCalls());

  it('a Dashboard: one operation span, and under it one span per upstream call, as the simulator logged them', async () => {
    const { exporter, tracer } = inMemoryTracing();
    const gateway = createGateway({ client: h.client, graphiql: false, logging: false, tracing: { tracer } });
    const token = h.simulator.issueToken('simulator');
    const result = await run(
      gateway,
      print(DashboardDocument),
      { platform: 'WINDOWS', first: 20 },
      { authorization: `Bearer ${token}` },
    );
    expect(result.errors).toBeUndefined();

    const spans = exporter.getFinishedSpans();
    const operations = spans.filter((s) => s.kind === SpanKind.SERVER);
    expect(operations).toHaveLength(1);
    const operation = operations[0] as ReadableSpan;
    expect(operation.name).toBe('query Dashboard');
    expect(operation.attributes).toMatchObject({
      'graphql.operation.name': 'Dashboard',
      'graphql.operation.type': 'query',
    });
    expect(operation.status.code).not.toBe(SpanStatusCode.ERROR);

    const upstream = spans.filter((s) => s.kind === SpanKind.CLIENT);
    expect(upstream.length).toBe(spans.length - 1);
    for (const span of upstream) {
      expect(span.spanContext().traceId).toBe(operation.spanContext().traceId);
      expect(span.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
      expect(span.attributes['http.request.method']).toBe(span.name.split(' ')[0]);
      expect(span.attributes['url.template']).toBe(span.name.split(' ')[1]);
      // A 404 the schema answers with null is still a failed call (QUALYS_NOT_FOUND).
      const status = span.attributes['http.response.status_code'] as number;
      expect(span.attributes['qualys.error_code'] === undefined).toBe(status < 400);
    }
    // Per endpoint template (the harness' own grouping), and per endpoint and status.
    expect(Object.keys(h.callCounts()).length).toBeGreaterThan(1);
    expect(countBy(upstream, (s) => s.name)).toEqual(h.callCounts());
    expect(
      countBy(upstream, (s) => `${s.name} ${String(s.attributes['http.response.status_code'])}`),
    ).toEqual(countBy(h.calls(), (c) => `${c.method} ${pathTemplate(c.path)} ${c.status}`));

    // Never the base URL, an id, a token or a credential in a span name or attribute.
    const visible = JSON.stringify(
      spans.map((s) => ({ name: s.name, attributes: s.attributes, status: s.status, events: s.events })),
    );
    expect(visible).not.toContain(h.simulator.url);
    expect(visible).not.toContain('127.0.0.1');
    expect(visible).not.toContain(token);
    expect(visible).not.toContain(DEFAULT_CREDENTIALS.password);
    expect(visible).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|Bearer|eyJ|https?:/i);
  });

  it('marks a failed upstream call and its operation as errors, with the status and the code', async () => {
    const client = createQualysClient({
      baseUrl: h.simulator.url,
      credentials: { ...DEFAULT_CREDENTIALS },
      retry: { maxAttempts: 1 },
    });
    const { exporter, tracer } = inMemoryTracing();
    const gateway = createGateway({ client, graphiql: false, logging: false, tracing: { tracer } });
    h.simulator.injectFault({
      method: 'GET',
      path: '/pm/v1/deploymentjobs',
      status: 500,
      body: { oops: true },
    });
    const result = await run(
      gateway,
      'query Jobs { patchJobs(platform: WINDOWS, first: 2) { nodes { id } } }',
    );
    await client.close();
    h.simulator.clearFaults();
    expect(result.errors?.[0]?.extensions?.code).toBe('QUALYS_HTTP_STATUS');

    const spans = exporter.getFinishedSpans();
    const failed = spans.filter((s) => s.name === 'GET /pm/v1/deploymentjobs');
    expect(failed.length).toBe(h.calls().filter((c) => c.status === 500).length);
    expect(failed.length).toBeGreaterThan(0);
    for (const span of failed) {
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.attributes).toMatchObject({
        'http.response.status_code': 500,
        'qualys.error_code': 'QUALYS_HTTP_STATUS',
        'error.type': 'QUALYS_HTTP_STATUS',
      });
    }
    const operation = spans.find((s) => s.kind === SpanKind.SERVER);
    expect(operation?.name).toBe('query Jobs');
    expect(operation?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'QUALYS_HTTP_STATUS' });
    expect(operation?.attributes['graphql.error.code']).toBe('QUALYS_HTTP_STATUS');
  });

  it('is off by default: no spans and no global provider', async () => {
    const { exporter } = inMemoryTracing();
    const gateway = createGateway({ client: h.client, graphiql: false, logging: false });
    const result = await run(
      gateway,
      print(DashboardDocument),
      { platform: 'WINDOWS', first: 5 },
      { authorization: `Bearer ${h.simulator.issueToken('simulator')}` },
    );
    expect(result.errors).toBeUndefined();
    expect(h.calls().length).toBeGreaterThan(0);
    expect(exporter.getFinishedSpans()).toEqual([]);
    // Nothing registers a global provider: OpenTelemetry's default is a no-op tracer.
    expect(trace.getTracerProvider().getTracer('probe').startSpan('probe').isRecording()).toBe(false);
  });
});

describe('createTracing (OTLP/HTTP)', () => {
  it('posts the spans to the configured endpoint on flush, with the configured headers', async () => {
    const received: Array<{
      method: string;
      url: string;
      headers: IncomingMessage['headers'];
      body: string;
    }> = [];
    const collector = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    const tracing = createTracing({
      endpoint: `http://127.0.0.1:${port}/v1/traces`,
      serviceName: 'gateway-under-test',
      headers: { 'x-collector-key': 'collector-key' },
    });
    try {
      recordUpstreamSpan(tracing.tracer, {
        endpoint: 'GET /pm/v1/patches',
        method: 'GET',
        path: '/pm/v1/patches',
        status: 200,
        durationMs: 12,
        errorCode: null,
        attempt: 1,
        queuedMs: 0,
      });
      await tracing.forceFlush();
      expect(received).toHaveLength(1);
      const post = received[0];
      expect(post?.method).toBe('POST');
      expect(post?.url).toBe('/v1/traces');
      expect(post?.headers['x-collector-key']).toBe('collector-key');
      expect(post?.body).toContain('GET /pm/v1/patches');
      expect(post?.body).toContain('gateway-under-test');
      // Not registered globally: only the gateway's tracer records.
      expect(trace.getTracerProvider().getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    } finally {
      await tracing.shutdown();
      await tracing.shutdown();
      await new Promise<void>((resolve) => collector.close(() => resolve()));
    }
  });
});
