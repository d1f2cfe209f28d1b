import { print } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CreatePatchJobDocument, type CreatePatchJobInput } from '../../schema/generated/graphql.js';
import { loadConfig } from '../../src/config.js';
import type { QualysClient } from '../../src/qualys/api.js';
import { createQualysClient } from '../../src/qualys/client.js';
import { createGateway, type Gateway } from '../../src/server/gateway.js';
import { createSimulator, DEFAULT_CREDENTIALS, type Simulator } from '../../src/simulator/index.js';
import { windowsJob } from '../jobs/fixtures.js';

const URL_ = 'http://gateway.test/graphql';
const OPS_KEY = 'ops-0123456789abcdef0123456789abcdef';
const CI_KEY = 'ci-fedcba9876543210fedcba9876543210';
const API_KEYS = [
  { name: 'ops', key: OPS_KEY },
  { name: 'ci', key: CI_KEY },
];
const QUERY = '{ patchJobs(platform: WINDOWS, first: 1) { nodes { id } } }';

interface Body {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

describe('inbound auth (GATEWAY_API_KEYS)', () => {
  let simulator: Simulator;
  let client: QualysClient;
  let gateway: Gateway;
  const seen: string[] = [];

  beforeAll(async () => {
    simulator = createSimulator();
    const { url } = await simulator.listen(0, '127.0.0.1');
    client = createQualysClient({ baseUrl: url, credentials: { ...DEFAULT_CREDENTIALS } });
    gateway = createGateway({ client, graphiql: {}, logging: false, apiKeys: API_KEYS });
  });
  afterAll(async () => {
    // No response ever carried a key.
    for (const text of seen) {
      expect(text).not.toContain(OPS_KEY);
      expect(text).not.toContain(CI_KEY);
    }
    await client.close();
    await simulator.close();
  });
  beforeEach(() => simulator.resetRequests());

  async function post(
    headers: Record<string, string>,
    query = QUERY,
    variables: Record<string, unknown> = {},
    target: Gateway = gateway,
  ) {
    const response = await target.fetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    seen.push(text, JSON.stringify([...response.headers]));
    return { response, body: JSON.parse(text) as Body };
  }

  function expectUnauthenticated(response: Response, body: Body) {
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('ApiKey');
    expect(body).toEqual({
      errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(simulator.requests()).toEqual([]);
  }

  it('no key: 401 UNAUTHENTICATED with WWW-Authenticate, zero upstream calls', async () => {
    const { response, body } = await post({});
    expectUnauthenticated(response, body);
  });

  it('a wrong key of the same length or another length: 401, zero upstream calls', async () => {
    const sameLength = `${OPS_KEY.slice(0, -1)}X`;
    expect(sameLength).toHaveLength(OPS_KEY.length);
    for (const key of [sameLength, 'short', `${OPS_KEY}extra`, OPS_KEY.toUpperCase()]) {
      const { response, body } = await post({ 'x-api-key': key });
      expectUnauthenticated(response, body);
    }
    // A bearer token is not an API key.
    const bearer = await post({ authorization: `Bearer ${OPS_KEY}` });
    expectUnauthenticated(bearer.response, bearer.body);
  });

  it('a GET with a query but without a key is refused too', async () => {
    const response = await gateway.fetch(`${URL_}?query=${encodeURIComponent(QUERY)}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expectUnauthenticated(response, (await response.json()) as Body);
  });

  it('the right key in x-api-key or in Authorization: ApiKey answers data', async () => {
    for (const headers of [{ 'x-api-key': OPS_KEY }, { authorization: `ApiKey ${CI_KEY}` }]) {
      const { response, body } = await post(headers);
      expect(response.status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data).toMatchObject({ patchJobs: { nodes: [{ id: expect.any(String) }] } });
    }
    expect(simulator.requests().filter((r) => r.path !== '/auth').length).toBeGreaterThan(0);
  });

  it("GraphiQL's HTML page is served without a key; its queries need one", async () => {
    const page = await gateway.fetch(URL_, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    seen.push(await page.text());
    expect(simulator.requests()).toEqual([]);
    // Without GraphiQL there is no exception.
    const noGraphiQL = createGateway({ client, graphiql: false, logging: false, apiKeys: API_KEYS });
    const refused = await noGraphiQL.fetch(URL_, { headers: { accept: 'text/html' } });
    expect(refused.status).toBe(401);
  });

  it('idempotency keys are scoped per API key: two keys create two jobs, one key one', async () => {
    const posts = () =>
      simulator.requests().filter((r) => r.method === 'POST' && r.path === '/pm/v2/deploymentjob').length;
    const input = { ...(windowsJob() as CreatePatchJobInput), name: 'Inbound auth scoped' };
    const create = async (key: string) => {
      const { body } = await post({ 'x-api-key': key }, print(CreatePatchJobDocument), {
        input,
        idempotencyKey: 'inbound-auth-key',
      });
      expect(body.errors).toBeUndefined();
      const payload = body.data?.['createPatchJob'] as { replayed: boolean; job: { id: string } | null };
      expect(payload.job?.id).toEqual(expect.any(String));
      return payload;
    };
    const ops1 = await create(OPS_KEY);
    const ops2 = await create(OPS_KEY);
    const ci = await create(CI_KEY);
    expect(ops1.replayed).toBe(false);
    expect(ops2.replayed).toBe(true);
    expect(ops2.job?.id).toBe(ops1.job?.id);
    expect(ci.replayed).toBe(false);
    expect(ci.job?.id).not.toBe(ops1.job?.id);
    expect(posts()).toBe(2);
  });

  it('open mode (no keys configured) answers without a key', async () => {
    const open = createGateway({ client, graphiql: false, logging: false });
    const { response, body } = await post({}, QUERY, {}, open);
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ patchJobs: { nodes: [{ id: expect.any(String) }] } });
  });
});

describe('inbound auth configuration', () => {
  const REAL = {
    QUALYS_BASE_URL: 'https://gateway.qg2.apps.qualys.com',
    QUALYS_USERNAME: 'svc',
    QUALYS_PASSWORD: 's3cret',
  };

  it('service credentials against a real QUALYS_BASE_URL need GATEWAY_API_KEYS or GATEWAY_OPEN=true', () => {
    const result = loadConfig(REAL);
    expect(result).toEqual({
      ok: false,
      problems: [
        'GATEWAY_API_KEYS: service credentials without GATEWAY_API_KEYS would let anyone act as the service account; set GATEWAY_API_KEYS or GATEWAY_OPEN=true',
      ],
    });
    const open = loadConfig({ ...REAL, GATEWAY_OPEN: 'true' });
    expect(open.ok && open.config).toMatchObject({ open: true, apiKeys: [] });
    const keyed = loadConfig({ ...REAL, GATEWAY_API_KEYS: `ops:${OPS_KEY}` });
    expect(keyed.ok && keyed.config.apiKeys).toEqual([{ name: 'ops', key: OPS_KEY }]);
  });

  it('stays open by default with the embedded simulator or forwarded tokens', () => {
    const simulator = loadConfig({ QUALYS_USERNAME: 'svc', QUALYS_PASSWORD: 's3cret' });
    expect(simulator.ok && simulator.config).toMatchObject({ apiKeys: [], open: false });
    const forwarded = loadConfig({ QUALYS_BASE_URL: REAL.QUALYS_BASE_URL });
    expect(forwarded.ok && forwarded.config.apiKeys).toEqual([]);
  });

  it('names bare keys key1, key2, … by position', () => {
    const result = loadConfig({ GATEWAY_API_KEYS: `${OPS_KEY}, ci:${CI_KEY} ,${CI_KEY}x` });
    expect(result.ok && result.config.apiKeys).toEqual([
      { name: 'key1', key: OPS_KEY },
      { name: 'ci', key: CI_KEY },
      { name: 'key3', key: `${CI_KEY}x` },
    ]);
  });

  it('refuses short keys, bad names, duplicates and empty entries without quoting a key', () => {
    const short = 'too-short-secret-value';
    const result = loadConfig({
      GATEWAY_API_KEYS: `a:${short},b c:${OPS_KEY},,ops:${OPS_KEY},ops:${CI_KEY},dup:${OPS_KEY}`,
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      'GATEWAY_API_KEYS: entry 1 (a): the key must be at least 32 characters',
      'GATEWAY_API_KEYS: entry 2: the name must be 1-64 letters, digits, _ . -',
      'GATEWAY_API_KEYS: entry 3 is empty',
      'GATEWAY_API_KEYS: entry 5: the name ops is used twice',
      'GATEWAY_API_KEYS: entry 6 (dup): the same key is listed twice',
    ]);
    const text = JSON.stringify(result);
    for (const secret of [short, OPS_KEY, CI_KEY]) expect(text).not.toContain(secret);
  });

  it('refuses GATEWAY_OPEN=true together with keys, and a non-boolean GATEWAY_OPEN', () => {
    const both = loadConfig({ GATEWAY_OPEN: 'true', GATEWAY_API_KEYS: OPS_KEY });
    expect(both.ok ? [] : both.problems).toEqual([
      'GATEWAY_OPEN: must not be true when GATEWAY_API_KEYS is set (keys are required then)',
    ]);
    const bad = loadConfig({ GATEWAY_OPEN: 'maybe' });
    expect(bad.ok ? [] : bad.problems).toEqual(['GATEWAY_OPEN: must be true or false']);
  });
});
