import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualysClient } from '../../src/qualys/api.js';
import { createQualysClient } from '../../src/qualys/client.js';
import { createGateway } from '../../src/server/gateway.js';
import { createSimulator, DEFAULT_CREDENTIALS, type Simulator } from '../../src/simulator/index.js';

const KEY = 'k'.repeat(40);

async function get(gateway: ReturnType<typeof createGateway>, path: string, init: RequestInit = {}) {
  const response = await gateway.fetch(`http://gateway.test${path}`, init);
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('/health and /readiness', () => {
  let simulator: Simulator;
  const clients: QualysClient[] = [];
  const client = (
    options: { credentials?: { username: string; password: string }; baseUrl?: string } = {},
  ) => {
    const c = createQualysClient({
      baseUrl: options.baseUrl ?? simulator.url,
      ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
      retry: { maxAttempts: 1 },
    });
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    simulator = createSimulator();
    await simulator.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await simulator.close();
  });

  it('/health answers 200 without a key and without any upstream call', async () => {
    simulator.resetRequests();
    const gateway = createGateway({
      client: client({ credentials: { ...DEFAULT_CREDENTIALS } }),
      graphiql: false,
      logging: false,
      apiKeys: [{ name: 'ops', key: KEY }],
    });
    const health = await get(gateway, '/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(simulator.requests()).toHaveLength(0);
    // Only GET/HEAD.
    expect((await get(gateway, '/health', { method: 'POST' })).status).toBe(405);
    // The GraphQL endpoint still needs the key.
    expect((await gateway.fetch('http://gateway.test/graphql?query={__typename}')).status).toBe(401);
  });

  it('/readiness with service credentials: 200 after probing the base URL and getting a token; cached', async () => {
    simulator.resetRequests();
    const gateway = createGateway({
      client: client({ credentials: { ...DEFAULT_CREDENTIALS } }),
      graphiql: false,
      logging: false,
      apiKeys: [{ name: 'ops', key: KEY }],
    });
    expect(await get(gateway, '/readiness')).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect(simulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /', 'POST /auth']);
    const [first, second] = await Promise.all([get(gateway, '/readiness'), get(gateway, '/readiness')]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(simulator.requests()).toHaveLength(2);
  });

  it('/readiness forwarding callers tokens: 200 when Qualys answers at all', async () => {
    simulator.resetRequests();
    const gateway = createGateway({ client: client(), graphiql: false, logging: false });
    expect(await get(gateway, '/readiness')).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect(simulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /']);
  });

  it('/readiness: 503 QUALYS_AUTH_FAILED when the service credentials are wrong', async () => {
    const gateway = createGateway({
      client: client({ credentials: { username: 'simulator', password: 'wrong-password' } }),
      graphiql: false,
      logging: false,
    });
    const readiness = await get(gateway, '/readiness');
    expect(readiness).toMatchObject({
      status: 503,
      body: { status: 'unavailable', code: 'QUALYS_AUTH_FAILED' },
    });
    expect(JSON.stringify(readiness.body)).not.toContain('wrong-password');
  });

  it('/readiness: 503 QUALYS_NETWORK when Qualys is down; /health stays 200', async () => {
    const down = createSimulator();
    const { url } = await down.listen(0, '127.0.0.1');
    await down.close();
    const gateway = createGateway({
      client: client({ baseUrl: url, credentials: { ...DEFAULT_CREDENTIALS } }),
      graphiql: false,
      logging: false,
    });
    expect(await get(gateway, '/readiness')).toMatchObject({
      status: 503,
      body: { status: 'unavailable', code: 'QUALYS_NETWORK' },
    });
    expect((await get(gateway, '/health')).status).toBe(200);
  });

  it('a client without probe (a test double) is always ready', async () => {
    const real = client();
    const double: QualysClient = {
      session: (o) => real.session(o),
      hasServiceCredentials: false,
      close: () => Promise.resolve(),
    };
    const gateway = createGateway({ client: double, graphiql: false, logging: false });
    expect((await get(gateway, '/readiness')).status).toBe(200);
  });
});
