/**
 * The defects of the attacker's review (D1-D10), each reproduced as it was found and asserted
 * fixed, against the simulator's request log: what the client sees, and what reached Qualys.
 */
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createYoga } from 'graphql-yoga';
import { afterEach, describe, expect, it } from 'vitest';
import { sanitizeUpstreamMessage } from '../../src/qualys/answers.js';
import { QUALYS_LIMITS } from '../../src/qualys/api.js';
import { QualysError, UpstreamBudgetExceededError } from '../../src/qualys/errors.js';
import { isRetryable, isUpstreamHealthFailure } from '../../src/qualys/governor.js';
import { CallDeadline } from '../../src/qualys/http.js';
import { baseUrlHostForms, redactUpstreamDetails } from '../../src/qualys/redact.js';
import { schema } from '../../src/schema/index.js';
import { encodeOffsetCursor } from '../../src/schema/support/pagination.js';
import { createLogger } from '../../src/server/logger.js';
import { createMemoryResponseCacheStore } from '../../src/server/plugins/use-response-cache.js';
import { useUpstreamBudget } from '../../src/server/plugins/use-upstream-budget.js';
import { createTokenValidity } from '../../src/server/token-validity.js';
import { codes, type Stack, startStack } from '../helpers/stack.js';
import { windowsJob } from '../jobs/fixtures.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function start(options: Parameters<typeof startStack>[0] = {}): Promise<Stack> {
  stack = await startStack(options);
  return stack;
}

/** base64 of `searchAfter:x\r\ny`: the asset cursor of the reproduction. */
const CRLF_CURSOR = 'c2VhcmNoQWZ0ZXI6eA0KeQ==';
const ASSETS_AFTER = 'query($a:String){ assets(platform:WINDOWS, first:2, after:$a){ nodes{id} } }';

describe('D1: nobody can open the shared circuit breaker', () => {
  it('a CR/LF asset cursor is BAD_USER_INPUT with zero calls, however often it is sent, and never opens the breaker', async () => {
    const s = await start({ forwardTokens: true });
    for (let i = 0; i < 8; i++) {
      const refused = await s.post(ASSETS_AFTER, { a: CRLF_CURSOR });
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.calls).toEqual([]);
    }
    const token = s.simulator.issueToken('alice');
    const fine = await s.post(ASSETS_AFTER, { a: null }, { authorization: `Bearer ${token}` });
    expect(fine.body.errors).toBeUndefined();
    expect(fine.calls).toHaveLength(1);
  });

  it('a header value undici would refuse fails locally as QUALYS_REQUEST_INVALID: not sent, not retried, not counted', async () => {
    const s = await start({ client: { circuitBreaker: { failureThreshold: 2, halfOpenAfterMs: 60_000 } } });
    const api = s.client.session({});
    s.simulator.resetRequests();
    for (let i = 0; i < 6; i++) {
      const error = await api
        .listAssets({ platform: 'Windows', pageSize: 2, searchAfter: 'x\r\ny' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'QUALYS_REQUEST_INVALID', requestSent: false });
    }
    expect(s.simulator.requests().filter((r) => r.path !== '/auth')).toEqual([]);
    // The breaker is still closed: the next valid call goes out.
    await expect(api.listAssets({ platform: 'Windows', pageSize: 2 })).resolves.toMatchObject({
      assets: expect.any(Array),
    });
  });

  it("undici's own argument errors map to QUALYS_REQUEST_INVALID, which is neither retried nor a health failure", () => {
    const deadline = new CallDeadline(1_000, undefined);
    for (const code of ['UND_ERR_INVALID_ARG', 'ERR_INVALID_CHAR', 'ERR_INVALID_URL']) {
      const cause = Object.assign(new Error('invalid header'), { code });
      const error = deadline.toError(cause, 'POST /pm/v1/assets');
      expect(error).toMatchObject({ code: 'QUALYS_REQUEST_INVALID', requestSent: false });
      expect(isRetryable(error)).toBe(false);
      expect(isUpstreamHealthFailure(error)).toBe(false);
    }
    const refused = deadline.toError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), 'GET /x');
    expect(refused).toMatchObject({ code: 'QUALYS_NETWORK', requestSent: false });
    expect(isUpstreamHealthFailure(refused)).toBe(true);
  });
});

describe('D2: paging near the 10,000-record cap costs at most two calls per window', () => {
  it('first: 999 after offset 9000, five times over: at most 2 calls each, no page past the cap', async () => {
    const s = await start();
    const after = 'b2Zmc2V0OjkwMDA=';
    expect(Buffer.from(after, 'base64').toString()).toBe('offset:9000');
    const fields = Array.from(
      { length: 5 },
      (_, i) =>
        `a${i}: patchJobs(platform: WINDOWS, first: 999, after: "${after}", filter: "name:x${i}") { nodes { id } }`,
    );
    const response = await s.post(`{ ${fields.join(' ')} }`);
    expect(response.body.errors).toBeUndefined();
    expect(response.calls.length).toBeLessThanOrEqual(10);
    for (const call of response.calls) {
      const pageSize = Number(call.query['pageSize']);
      const pageNumber = Number(call.query['pageNumber']);
      expect(pageSize).toBeGreaterThanOrEqual(999);
      expect((pageNumber + 1) * pageSize).toBeLessThanOrEqual(QUALYS_LIMITS.offsetRecordCap);
    }
    expect(response.body.extensions?.upstream?.estimated).toBeGreaterThanOrEqual(response.calls.length);
  });

  it('every window of every size near the cap costs ceil(first / pageSize) + 1 calls at most', async () => {
    const s = await start();
    for (const [first, offset] of [
      [1, 9998],
      [7, 9990],
      [30, 9979],
      [333, 9500],
      [999, 9000],
      [1000, 8999],
    ] as const) {
      const response = await s.post(
        `{ patchJobs(platform: WINDOWS, first: ${first}, after: "${encodeOffsetCursor(offset)}") { nodes { id } } }`,
      );
      expect(response.body.errors).toBeUndefined();
      const sizes = new Set(response.calls.map((c) => Number(c.query['pageSize'])));
      expect(sizes.size).toBe(1);
      const pageSize = [...sizes][0] as number;
      expect(response.calls.length).toBeLessThanOrEqual(Math.ceil(first / pageSize) + 1);
      expect(response.calls.length).toBeLessThanOrEqual(2);
    }
  });
});

describe('D3: the budget cannot be switched off', () => {
  it('`__typename: "constructor"` (and other Object.prototype names) beside 2,000 job representations: refused, zero calls', async () => {
    const s = await start();
    const jobs = Array.from({ length: 2000 }, (_, i) => ({
      __typename: 'PatchJob',
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    }));
    for (const typename of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const response = await s.post(
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PatchJob { name } } }',
        { r: [{ __typename: typename }, ...jobs] },
      );
      expect(codes(response)).toEqual(['UPSTREAM_BUDGET_EXCEEDED']);
      expect(response.status).toBe(400);
      expect(response.calls).toEqual([]);
    }
  });

  it('alone, such a representation is BAD_USER_INPUT at its index, with zero calls', async () => {
    const s = await start();
    const response = await s.post(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PatchJob { name } } }',
      { r: [{ __typename: 'constructor' }, { __typename: '__proto__', id: 'x' }] },
    );
    expect(response.body.data).toEqual({ _entities: [null, null] });
    expect(codes(response)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(response.calls).toEqual([]);
  });

  it('an estimator failure refuses the operation instead of waving it through', async () => {
    const failures: unknown[] = [];
    const yoga = createYoga({
      schema,
      logging: false,
      plugins: [
        useUpstreamBudget({
          maxCalls: 10,
          onEstimatorError: (e) => failures.push(e),
          estimate: () => {
            throw new TypeError("Cannot read properties of undefined (reading 'free')");
          },
        }),
      ],
    });
    const response = await yoga.fetch('http://x/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($n: Int) { patchJobs(platform: WINDOWS, first: $n) { nodes { id } } }',
      }),
    });
    const body = (await response.json()) as {
      data?: unknown;
      errors: Array<{ extensions: { code: string } }>;
    };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(failures).toHaveLength(1);
  });
});

describe('D4: an idempotency key is burned only by a create that may have reached Qualys', () => {
  const CREATE = `mutation ($input: CreatePatchJobInput!, $key: String) {
    createPatchJob(input: $input, idempotencyKey: $key) { job { id } userErrors { code } }
  }`;

  it('a create refused by the open circuit, then retried with the same key once it closes: one POST, the job created', async () => {
    const s = await start({ client: { circuitBreaker: { failureThreshold: 1, halfOpenAfterMs: 150 } } });
    s.simulator.configure({ errorRate: 1 });
    const failing = await s.post('{ patchJobs(platform: WINDOWS, first: 1) { nodes { id } } }');
    expect(codes(failing)).toEqual(['QUALYS_HTTP_STATUS']);
    s.simulator.configure({ errorRate: undefined });

    const input = { ...windowsJob(), name: 'D4 circuit' };
    const refused = await s.post(CREATE, { input, key: 'd4-circuit' });
    expect(codes(refused)).toEqual(['QUALYS_CIRCUIT_OPEN']);
    expect(refused.calls).toEqual([]);

    await sleep(200);
    const retried = await s.post(CREATE, { input, key: 'd4-circuit' });
    expect(retried.body.errors).toBeUndefined();
    expect(retried.body.data).toMatchObject({
      createPatchJob: { job: { id: expect.any(String) }, userErrors: [] },
    });
    expect(retried.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /pm/v2/deploymentjob']);
  });

  it('a create stopped by the run-time budget keeps its key free', async () => {
    // Budget 2: the first create (1 call) and its job's asset lookup (1 call) use it up, so the
    // second create, which the pre-check counted as 1, is never sent.
    const s = await start({ gateway: { queryLimits: { maxUpstreamCalls: 2 } } });
    const input = { ...windowsJob(), name: 'D4 budget' };
    const both = await s.post(
      `mutation ($a: CreatePatchJobInput!, $b: CreatePatchJobInput!) {
        a: createPatchJob(input: $a) { job { id assets { operatingSystem } } }
        b: createPatchJob(input: $b, idempotencyKey: "d4-budget") { job { id } userErrors { code } }
      }`,
      { a: { ...input, name: 'D4 first' }, b: input },
    );
    expect(codes(both)).toEqual(['UPSTREAM_BUDGET_EXCEEDED']);
    expect(both.body.errors?.[0]?.path).toEqual(['b']);
    expect(both.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /pm/v2/deploymentjob',
      'POST /pm/v1/assets',
    ]);
    const retried = await s.post(CREATE, { input, key: 'd4-budget' });
    expect(retried.body.data).toMatchObject({
      createPatchJob: { job: { id: expect.any(String) }, userErrors: [] },
    });
    expect(retried.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /pm/v2/deploymentjob']);
  });
});

describe('D5: the response cache never answers a token Qualys no longer accepts', () => {
  const JOBS = '{ patchJobs(platform: WINDOWS, first: 3) { nodes { id name } } }';

  it('an expired token is not served cached results once its acceptance window has passed', async () => {
    const s = await start({
      forwardTokens: true,
      gateway: {
        responseCache: {
          store: createMemoryResponseCacheStore(),
          tokenCheckWindowMs: 100,
          defaultTtlMs: 600_000,
        },
      },
    });
    const alice = { authorization: `Bearer ${s.simulator.issueToken('alice')}` };
    const first = await s.post(JOBS, {}, alice);
    expect(first.body.errors).toBeUndefined();
    const hit = await s.post(JOBS, {}, alice);
    expect(hit.calls).toHaveLength(0);
    expect(hit.body.extensions?.['responseCache']).toEqual({ hit: true });

    s.simulator.expireTokens();
    await sleep(150);
    const after = await s.post(JOBS, {}, alice);
    expect(codes(after)).toEqual(['QUALYS_UNAUTHORIZED']);
    expect(after.calls).toHaveLength(1);
    // Rejected by Qualys: never answered from the cache again, even within the window.
    const again = await s.post(JOBS, {}, alice);
    expect(codes(again)).toEqual(['QUALYS_UNAUTHORIZED']);
    expect(again.calls).toHaveLength(1);
  });

  it('a JWT whose exp has passed is never answered from the cache', async () => {
    let now = 1_000_000;
    const validity = createTokenValidity({ windowMs: 60_000, now: () => now });
    const jwt = (exp: number) =>
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.sig`;
    validity.record('token:a', 200, jwt(now / 1000 + 5));
    expect(validity.isKnownValid('token:a')).toBe(true);
    now += 6_000;
    expect(validity.isKnownValid('token:a')).toBe(false);
    validity.record('token:b', 200, 'opaque');
    expect(validity.isKnownValid('token:b')).toBe(true);
    validity.record('token:b', 401, 'opaque');
    expect(validity.isKnownValid('token:b')).toBe(false);
  });
});

describe('D6: every request that reaches execution is logged with its id', () => {
  function capture() {
    const lines: Array<Record<string, unknown>> = [];
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        for (const line of String(chunk).split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line));
        callback();
      },
    });
    return { lines, logger: createLogger({ level: 'info', destination: destination as never }) };
  }

  it('a chunked body (no Content-Length) running setPatchJobsStatus: logged, x-request-id echoed', async () => {
    const { lines, logger } = capture();
    const s = await start({ gateway: { logger } });
    const id = String(s.simulator.store().jobList('list', 'Windows')[0]?.['id']);
    const body = JSON.stringify({
      query:
        'mutation ($ids: [ID!]!) { setPatchJobsStatus(ids: $ids, status: DISABLED) { results { id success } } }',
      variables: { ids: [id] },
    });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body.slice(0, 20)));
        controller.enqueue(new TextEncoder().encode(body.slice(20)));
        controller.close();
      },
    });
    s.simulator.resetRequests();
    const response = await s.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'chunked-1' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('chunked-1');
    expect(s.simulator.requests().some((r) => r.path.includes('/update/status'))).toBe(true);
    const completed = lines.filter((l) => l['msg'] === 'request completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ reqId: 'chunked-1', status: 200 });
  });

  it('client input errors are logged at info, not error', async () => {
    const { lines, logger } = capture();
    const s = await start({ gateway: { logger } });
    await s.post('query ($p: Platform!) { patchJobs(platform: $p) { nodes { id } } }', { p: 'LINX' });
    await s.post('{ patchJob(id: "../etc") { id } }');
    await s.post('{ nope }');
    expect(lines.filter((l) => l['level'] === 'error')).toEqual([]);
  });
});

describe('D7: INTROSPECTION=false covers the federation SDL and suggestions', () => {
  const keys = [
    { name: 'app', key: 'a'.repeat(32) },
    { name: 'router', key: 'r'.repeat(32) },
  ];

  it('`_service { sdl }` is refused and no message suggests a field name, except for a router key', async () => {
    const s = await start({
      gateway: { introspection: false, apiKeys: keys, introspectionKeys: ['router'] },
    });
    const app = { 'x-api-key': 'a'.repeat(32) };
    const sdl = await s.post('{ _service { sdl } }', {}, app);
    expect(sdl.body.data).toBeUndefined();
    expect(codes(sdl)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(sdl.body)).not.toContain('type PatchJob');

    for (const [query, variables] of [
      ['{ patchJobz { id } }', {}],
      ['{ patchJobs(platform: WINDOWS, filtr: "x") { nodes { id } } }', {}],
      ['query ($p: Platform!) { patchJobs(platform: $p) { nodes { id } } }', { p: 'LINX' }],
      ['{ patchJobs(platform: LINX) { nodes { id } } }', {}],
    ] as const) {
      const response = await s.post(query, variables, app);
      expect(response.body.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(response.body)).not.toMatch(/Did you mean/);
    }
    const introspection = await s.post('{ __schema { types { name } } }', {}, app);
    expect(introspection.body.data).toBeUndefined();
    expect(new Set(codes(introspection))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));

    const router = await s.post('{ _service { sdl } }', {}, { 'x-api-key': 'r'.repeat(32) });
    expect(router.body.errors).toBeUndefined();
    const service = router.body.data?.['_service'] as { sdl: string } | undefined;
    expect(service?.sdl).toContain('type PatchJob');
  });
});

describe('D8: an ETag only matches for the identity it was issued to', () => {
  it("another API key sending alpha's ETag gets its own 200, never a 304", async () => {
    const apiKeys = [
      { name: 'alpha', key: 'a'.repeat(32) },
      { name: 'beta', key: 'b'.repeat(32) },
    ];
    const s = await start({
      gateway: { apiKeys, responseCache: { store: createMemoryResponseCacheStore() } },
    });
    const query = '{ patchJobs(platform: WINDOWS, first: 2) { nodes { id } } }';
    const alpha = await s.post(query, {}, { 'x-api-key': 'a'.repeat(32) });
    const etag = alpha.headers.get('etag');
    expect(etag).toMatch(/^[0-9a-f]{16}\./);
    const conditional = (key: string) =>
      s.gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key, 'if-none-match': etag ?? '' },
        body: JSON.stringify({ query }),
      });
    const own = await conditional('a'.repeat(32));
    expect(own.status).toBe(304);
    // beta has run nothing: alpha's ETag must not tell it whether alpha ran the query.
    const probe = await conditional('b'.repeat(32));
    expect(probe.status).toBe(200);
    const body = (await probe.json()) as { extensions?: { responseCache?: { hit: boolean } } };
    expect(body.extensions?.responseCache?.hit).toBe(false);
  });
});

describe('D9: Qualys messages are redacted of every spelling of a host, path and token', () => {
  it.each([
    ['host:port without a scheme', 'failed at gateway.qg2.apps.qualys.com:443 today'],
    ['a bare host name', 'see gateway.qg2.apps.qualys.com for details'],
    ['a two-label host', 'contact qualys.com support'],
    ['IPv6 with a port', 'upstream [::1]:8091 refused'],
    ['bare IPv6', 'upstream fe80::1 refused'],
    ['a Windows path', 'could not read C:\\ProgramData\\Qualys\\agent.log'],
    ['a UNC path', 'share \\\\fileserver\\qualys\\logs is gone'],
    ['a JWT without its header', 'token payload.eyJzdWIiOiJ4In0x.c2lnbmF0dXJlMTIz expired'],
    ['a long opaque token', 'key Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1u rejected'],
    ['localhost with a port', 'cannot reach localhost:8091'],
  ])('%s', (_name, message) => {
    const redacted = redactUpstreamDetails(message);
    expect(redacted).not.toMatch(/qualys\.com|::1|fe80|ProgramData|fileserver|eyJzdWIi|Zm9vYmFy|localhost/);
    expect(redacted).toMatch(/\[(host|path|redacted)\]/);
  });

  it('keeps ordinary words, field names, UUIDs and numbers', () => {
    const text =
      'Job 7f1c2b9e-3d4a-4b5c-8d6e-0f1a2b3c4d5e: field job.name must be at most 256 characters (12:30:45).';
    expect(redactUpstreamDetails(text)).toBe(text);
  });

  it('redacts the configured base URL host in every form, in any case', () => {
    const forms = baseUrlHostForms('https://Qualys.Internal.Example:8443/api');
    const message =
      'HOST qualys.internal.example:8443 and https://qualys.internal.example:8443 and QUALYS.INTERNAL.EXAMPLE';
    const out = sanitizeUpstreamMessage(message, forms);
    expect(out.toLowerCase()).not.toContain('qualys.internal.example');
    expect(baseUrlHostForms('http://[::1]:8091')).toEqual(expect.arrayContaining(['[::1]:8091', '::1']));
  });
});

describe('D10: strings that reach Qualys are bounded', () => {
  it('a 900 KB job name, a 100 KB filter, a 900 KB representation id: BAD_USER_INPUT, zero calls, no echo', async () => {
    const s = await start({ gateway: { maxBodyBytes: 4 * 1024 * 1024 } });
    const name = await s.post(
      'mutation ($input: CreatePatchJobInput!) { createPatchJob(input: $input) { job { id } } }',
      { input: { ...windowsJob(), name: 'n'.repeat(900_000) } },
    );
    expect(codes(name)).toEqual(['BAD_USER_INPUT']);
    expect(name.body.errors?.[0]?.message).toMatch(
      /CreatePatchJobInput\.name is 900000 characters long; at most 256/,
    );
    expect(name.calls).toEqual([]);

    const filter = await s.post(
      'query ($f: String) { patchJobs(platform: WINDOWS, filter: $f) { nodes { id } } }',
      {
        f: 'x'.repeat(100_000),
      },
    );
    expect(codes(filter)).toEqual(['BAD_USER_INPUT']);
    expect(filter.calls).toEqual([]);

    const representation = await s.post(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PatchJob { id } } }',
      { r: [{ __typename: 'PatchJob', id: 'i'.repeat(900_000) }] },
    );
    expect(codes(representation)).toEqual(['BAD_USER_INPUT']);
    expect(representation.calls).toEqual([]);
    expect(JSON.stringify(representation.body).length).toBeLessThan(1_000);
  });

  it('the bounds are generous for real input: a 4,096-character QQL filter and a 256-character name pass', async () => {
    const s = await start();
    const filter = await s.post(
      'query ($f: String) { patchJobs(platform: WINDOWS, filter: $f) { nodes { id } } }',
      {
        f: `name:'${'x'.repeat(4088)}'`,
      },
    );
    expect(codes(filter)).not.toContain('BAD_USER_INPUT');
    const created = await s.post(
      'mutation ($input: CreatePatchJobInput!) { createPatchJob(input: $input) { job { name } userErrors { code } } }',
      { input: { ...windowsJob(), name: 'n'.repeat(256) } },
    );
    expect(created.body.errors).toBeUndefined();
  });
});

describe('errors raised in this process carry requestSent: false', () => {
  it('the budget error', () => {
    const error = new UpstreamBudgetExceededError('GET /pm/v1/deploymentjobs', 10);
    expect(error).toBeInstanceOf(QualysError);
    expect(error).toMatchObject({ code: 'UPSTREAM_BUDGET_EXCEEDED', requestSent: false, maxCalls: 10 });
    expect(isRetryable(error)).toBe(false);
    expect(isUpstreamHealthFailure(error)).toBe(false);
  });
});
