import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { print } from 'graphql';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CreateMitigationJobDocument,
  CreatePatchJobDocument,
  DeletePatchJobsDocument,
  SetPatchJobsStatusDocument,
  UpdatePatchJobDocument,
} from '../../schema/generated/graphql.js';
import type { QualysApi, QualysClient, QualysLogger } from '../../src/qualys/api.js';
import { createQualysClient, type QualysClientOptions } from '../../src/qualys/client.js';
import { createGateway, type Gateway, type GatewayDeps } from '../../src/server/gateway.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { mitigationJob, windowsJob } from '../jobs/fixtures.js';

/**
 * Error masking, end to end: every error path a client can hit is driven through the real
 * gateway (`yoga.fetch`) with the simulator or a loopback stub as upstream, and the whole
 * client-visible response (status, headers, body) is searched for what must never leave the
 * gateway: upstream URLs and host:port, upstream endpoint paths, service credentials, JWTs and
 * forwarded tokens, `Authorization`/`Bearer`, markers planted in upstream bodies, stack traces.
 * Every GraphQL error must carry `extensions.code`.
 */

const MARKER = 'UPSTREAM-BODY-MARKER-5f1c';
const SIM_USER = 'masking-svc-user-a81d';
const SIM_PASS = 'masking-svc-pass-62be';
const STUB_USER = 'stub-svc-user-0c4f';
const STUB_PASS = 'stub-svc-pass-97aa';
const FORWARDED_TOKEN = 'FORWARDED-TOKEN-MARKER-3d9e.abc.def';
const API_KEY = 'inbound-api-key-marker-0123456789abcdef';
/** A JWT-looking service token the stub hands out on `/auth`. */
const STUB_JWT = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: STUB_USER, exp: 4_102_444_800 })).toString('base64url')}.STUB-SIG-MARKER`;

const GENERIC = 'Unexpected error.';
const JOBS_QUERY = '{ patchJobs(platform: WINDOWS, first: 3) { nodes { id name } } }';
const JOB_QUERY = 'query ($id: ID!) { patchJob(id: $id) { id name } }';
const ENTITIES_QUERY = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { __typename ... on PatchJob { id name } ... on Asset { id } }
}`;

/** One client-visible response, as read off the wire. */
interface Captured {
  status: number;
  headersText: string;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: a GraphQL response body is inspected loosely.
  body: any;
}

let sim: Simulator;
let simUrl: string;
let stub: Server;
let stubUrl: string;
let closedUrl: string;
/** What the stub does with the next requests; `/auth` answers a token unless the handler takes it. */
let stubHandler: (req: IncomingMessage, res: ServerResponse, body: string) => boolean = () => false;
const clients: QualysClient[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

beforeAll(async () => {
  sim = createSimulator({
    tenants: [
      {
        username: SIM_USER,
        password: SIM_PASS,
        fleet: { assets: 30, patches: 60, patchJobs: 8, mitigationJobs: 2 },
      },
    ],
  });
  simUrl = (await sim.listen(0, '127.0.0.1')).url;
  stub = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      if (stubHandler(req, res, body)) return;
      if (req.url === '/auth') {
        res.writeHead(201, { 'content-type': 'text/plain' }).end(STUB_JWT);
        return;
      }
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ secret: MARKER }));
    });
  });
  stubUrl = await listen(stub);
  const gone = createServer();
  closedUrl = await listen(gone);
  await close(gone);
});

afterAll(async () => {
  await close(stub);
  await sim.close();
});

beforeEach(() => {
  sim.clearFaults();
  sim.configure({
    slowHeadersMs: 0,
    slowBodyMs: 0,
    resetRate: 0,
    resetAfterRate: 0,
    malformedRate: 0,
    errorRate: 0,
  });
  stubHandler = () => false;
});

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

interface Setup {
  /** Upstream base URL; default the simulator. */
  baseUrl?: string;
  /** Service credentials; `null` forwards callers' bearer tokens. Default the simulator's tenant. */
  credentials?: { username: string; password: string } | null;
  client?: Partial<QualysClientOptions>;
  gateway?: Partial<Omit<GatewayDeps, 'client'>>;
}

/** A fresh Qualys client (no retries, short timeout unless said) and gateway over it. */
function gatewayFor(setup: Setup = {}): Gateway {
  const credentials =
    setup.credentials === undefined ? { username: SIM_USER, password: SIM_PASS } : setup.credentials;
  const client = createQualysClient({
    baseUrl: setup.baseUrl ?? simUrl,
    timeoutMs: 2_000,
    retry: { maxAttempts: 1 },
    ...(credentials === null ? {} : { credentials }),
    ...setup.client,
  });
  clients.push(client);
  return createGateway({ client, graphiql: false, logging: false, ...setup.gateway });
}

async function capture(response: Response): Promise<Captured> {
  const text = await response.text();
  const headersText = [...response.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, headersText, text, body };
}

/** POSTs one GraphQL request as JSON. */
async function post(
  gateway: Gateway,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Captured> {
  return capture(
    await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    }),
  );
}

/** Everything that must never be client-visible. */
function forbidden(): Array<string | RegExp> {
  const hostPorts = [simUrl, stubUrl, closedUrl].map((u) => new URL(u).host);
  return [
    simUrl,
    stubUrl,
    closedUrl,
    ...hostPorts,
    '127.0.0.1',
    '/pm/v1',
    '/pm/v2',
    '/mtg/',
    '/auth',
    SIM_USER,
    SIM_PASS,
    STUB_USER,
    STUB_PASS,
    FORWARDED_TOKEN,
    'FORWARDED-TOKEN-MARKER',
    STUB_JWT,
    'STUB-SIG-MARKER',
    'eyJ',
    API_KEY,
    MARKER,
    /authorization\s*:/i,
    /\b(?:bearer|basic)\s+(?!token\b)\S+/i,
    /\bat [^\n]*\(?[^\s]*:\d+:\d+\)?/,
    /\.ts:\d/,
    /\.js:\d/,
    'node_modules',
    'file://',
    /"stack"/,
    /originalError/,
  ];
}

const UPSTREAM_PATHS = new Set(['/pm/v1', '/pm/v2', '/mtg/', '/auth']);

function expectAbsent(text: string, needles: ReadonlyArray<string | RegExp>): void {
  for (const needle of needles) {
    if (typeof needle === 'string') expect(text, `response contains ${needle}`).not.toContain(needle);
    else expect(text, `response matches ${needle}`).not.toMatch(needle);
  }
}

/**
 * Asserts the response leaks nothing and every error has a code; returns the error codes.
 * `extensions.upstream` (the per-request upstream call counts by endpoint template, a
 * documented feature of `useUpstreamExtensions`) is exempt from the endpoint-path check only.
 */
function expectMasked(res: Captured): string[] {
  let bodyText = res.text;
  const upstream: unknown = res.body?.extensions?.upstream;
  if (upstream !== undefined) {
    const { upstream: _, ...rest } = res.body.extensions;
    bodyText = JSON.stringify({ ...res.body, extensions: rest });
    expectAbsent(
      JSON.stringify(upstream),
      forbidden().filter((n) => typeof n !== 'string' || !UPSTREAM_PATHS.has(n)),
    );
  }
  expectAbsent(`${res.status}\n${res.headersText}\n\n${bodyText}`, forbidden());
  const errors: Array<{ message?: unknown; extensions?: { code?: unknown } }> = res.body?.errors ?? [];
  for (const error of errors) {
    expect(typeof error.message).toBe('string');
    expect(error.extensions?.code, JSON.stringify(error)).toEqual(expect.stringMatching(/^[A-Z][A-Z0-9_]+$/));
  }
  return errors.map((e) => String(e.extensions?.code));
}

/** Asserts masking and that the response has errors, all with one of `codes`. */
function expectErrors(res: Captured, ...codes: string[]): void {
  const got = expectMasked(res);
  expect(got.length, res.text).toBeGreaterThan(0);
  for (const code of got) expect(codes, res.text).toContain(code);
}

/** A message of Qualys' that echoes everything it should not. */
const leakyMessage = () =>
  `Bad value MARKER-FREE; see ${simUrl}/pm/v1/deploymentjobs?x=1 or ${stubUrl}/auth, ` +
  `Authorization: Bearer ${FORWARDED_TOKEN} password ${SIM_PASS}`;

const firstJobId = () => sim.store().patchJobs[0]?.id ?? '';

describe('upstream HTTP failures on a read (simulator, service credentials)', () => {
  it.each([
    ['500 with a JSON body', 500, { secret: MARKER, url: 'x' }, 'QUALYS_HTTP_STATUS'],
    [
      '502 with an HTML body',
      502,
      `<html><body>${MARKER} /pm/v1/deploymentjobs</body></html>`,
      'QUALYS_HTTP_STATUS',
    ],
    [
      '503 with an _error envelope naming a URL',
      503,
      { _error: { code: 503, errorCode: '9999', message: `${MARKER} at http://10.1.2.3:8443/pm/v1/x` } },
      'QUALYS_HTTP_STATUS',
    ],
    ['400 without an envelope', 400, { message: MARKER }, 'QUALYS_HTTP_STATUS'],
    ['418 with an empty body', 418, '', 'QUALYS_HTTP_STATUS'],
    [
      '404 with an _error envelope',
      404,
      { _error: { code: 404, errorCode: '9005', message: MARKER } },
      'QUALYS_NOT_FOUND',
    ],
    [
      '401 to the service token',
      401,
      { status: 401, error: 'Unauthorized', message: MARKER },
      'QUALYS_UNAUTHORIZED',
    ],
    ['403', 403, { _error: { code: 403, message: MARKER } }, 'QUALYS_UNAUTHORIZED'],
    [
      '200 carrying a bare _error envelope',
      200,
      { _error: { code: 500, message: MARKER } },
      'QUALYS_HTTP_STATUS',
    ],
  ])('%s → coded error, nothing of the body', async (_label, status, body, code) => {
    sim.injectFault({ path: '/pm/v1/deploymentjobs', status, body });
    expectErrors(await post(gatewayFor(), JOBS_QUERY), code);
  });

  it('400 _error whose message holds a URL, a path, the token and the password → QUALYS_BAD_REQUEST, all redacted', async () => {
    sim.injectFault({
      path: '/pm/v1/deploymentjobs',
      status: 400,
      body: { _error: { code: 400, errorCode: '9001', message: leakyMessage(), details: MARKER } },
    });
    const res = await post(gatewayFor(), JOBS_QUERY);
    expectErrors(res, 'QUALYS_BAD_REQUEST');
    expect(res.body.errors[0].message).toMatch(/^Qualys rejected the request: Bad value MARKER-FREE/);
    expect(res.body.errors[0].extensions).toMatchObject({ qualysErrorCode: '9001', httpStatus: 400 });
  });

  it('a 404 on a job by id is null without an error, and without a leak', async () => {
    sim.injectFault({ path: /^\/pm\/v1\/deploymentjob\//, status: 404, body: { secret: MARKER } });
    const res = await post(gatewayFor(), JOB_QUERY, { id: firstJobId() });
    expectMasked(res);
    expect(res.body.data).toEqual({ patchJob: null });
    expect(res.body.errors).toBeUndefined();
  });
});

describe('authentication failures', () => {
  it('POST /auth refuses the service credentials (simulator) → QUALYS_AUTH_FAILED', async () => {
    const res = await post(
      gatewayFor({ credentials: { username: SIM_USER, password: `${SIM_PASS}-wrong` } }),
      JOBS_QUERY,
    );
    expectErrors(res, 'QUALYS_AUTH_FAILED');
    expect(res.text).not.toContain(`${SIM_PASS}-wrong`);
  });

  it.each([
    [
      '401 with a body echoing the credentials',
      401,
      `{"message":"Bad credentials ${STUB_USER}/${STUB_PASS} ${MARKER}"}`,
      'QUALYS_AUTH_FAILED',
    ],
    [
      '400 _error echoing the password and a URL',
      400,
      JSON.stringify({ _error: { code: 400, message: `${STUB_PASS} ${stubUrl}/auth ${MARKER}` } }),
      'QUALYS_AUTH_FAILED',
    ],
    ['500 with a marker body', 500, `{"secret":"${MARKER}"}`, 'QUALYS_HTTP_STATUS'],
    ['200 with HTML instead of a token', 200, `<html>${MARKER} ${STUB_PASS}</html>`, 'QUALYS_BAD_PAYLOAD'],
    [
      '429 echoing the password',
      429,
      JSON.stringify({ _error: { code: 429, message: STUB_PASS } }),
      'QUALYS_RATE_LIMITED',
    ],
  ])('POST /auth answers %s → coded error (stub)', async (_label, status, body, code) => {
    stubHandler = (req, res) => {
      if (req.url !== '/auth') return false;
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      return true;
    };
    const res = await post(
      gatewayFor({ baseUrl: stubUrl, credentials: { username: STUB_USER, password: STUB_PASS } }),
      JOBS_QUERY,
    );
    expectErrors(res, code);
  });

  it('a forwarded bearer token Qualys rejects → QUALYS_UNAUTHORIZED, the token not echoed', async () => {
    const res = await post(
      gatewayFor({ credentials: null }),
      JOBS_QUERY,
      {},
      { authorization: `Bearer ${FORWARDED_TOKEN}` },
    );
    expectErrors(res, 'QUALYS_UNAUTHORIZED');
  });

  it('a forwarded token rejected with a body that echoes it (stub) → QUALYS_UNAUTHORIZED', async () => {
    stubHandler = (req, res) => {
      res
        .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': `Bearer ${MARKER}` })
        .end(JSON.stringify({ message: `bad token ${req.headers.authorization ?? ''} ${MARKER}` }));
      return true;
    };
    const res = await post(
      gatewayFor({ baseUrl: stubUrl, credentials: null }),
      JOBS_QUERY,
      {},
      {
        authorization: `Bearer ${FORWARDED_TOKEN}`,
      },
    );
    expectErrors(res, 'QUALYS_UNAUTHORIZED');
  });

  it('a 400 _error echoing the forwarded token (stub) → QUALYS_BAD_REQUEST with the token redacted', async () => {
    stubHandler = (req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          _error: {
            code: 400,
            errorCode: '9001',
            message: `header was ${req.headers.authorization ?? ''}`,
          },
        }),
      );
      return true;
    };
    const res = await post(
      gatewayFor({ baseUrl: stubUrl, credentials: null }),
      JOBS_QUERY,
      {},
      {
        authorization: `Bearer ${FORWARDED_TOKEN}`,
      },
    );
    expectErrors(res, 'QUALYS_BAD_REQUEST');
  });

  it('a malformed forwarded bearer token → QUALYS_UNAUTHORIZED without the token', async () => {
    const res = await post(
      gatewayFor({ credentials: null }),
      JOBS_QUERY,
      {},
      {
        authorization: `Bearer ${FORWARDED_TOKEN}\u00e9`,
      },
    );
    expectErrors(res, 'QUALYS_UNAUTHORIZED');
  });

  it('no credentials at all → QUALYS_UNAUTHORIZED', async () => {
    expectErrors(await post(gatewayFor({ credentials: null }), JOBS_QUERY), 'QUALYS_UNAUTHORIZED');
  });
});

describe('transport and payload failures', () => {
  it('slow response headers → QUALYS_TIMEOUT', async () => {
    sim.configure({ slowHeadersMs: 400 });
    const res = await post(gatewayFor({ client: { timeoutMs: 100 } }), JOBS_QUERY);
    expectErrors(res, 'QUALYS_TIMEOUT');
  });

  it('a slow body → QUALYS_TIMEOUT', async () => {
    sim.configure({ slowBodyMs: 400 });
    const res = await post(gatewayFor({ client: { timeoutMs: 100 } }), JOBS_QUERY);
    expectErrors(res, 'QUALYS_TIMEOUT');
  });

  it('a socket reset → QUALYS_NETWORK', async () => {
    sim.configure({ resetRate: 1 });
    expectErrors(await post(gatewayFor(), JOBS_QUERY), 'QUALYS_NETWORK');
  });

  it('a refused connection → QUALYS_NETWORK', async () => {
    expectErrors(
      await post(gatewayFor({ baseUrl: closedUrl }), JOBS_QUERY),
      'QUALYS_NETWORK',
      'QUALYS_AUTH_FAILED',
    );
  });

  it('a reset from the stub mid-answer → QUALYS_NETWORK', async () => {
    stubHandler = (req, res) => {
      if (req.url === '/auth') return false;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write(`[{"id":"${MARKER}"`);
      setTimeout(() => res.socket?.resetAndDestroy(), 10);
      return true;
    };
    const res = await post(
      gatewayFor({ baseUrl: stubUrl, credentials: { username: STUB_USER, password: STUB_PASS } }),
      JOBS_QUERY,
    );
    expectErrors(res, 'QUALYS_NETWORK');
  });

  it('a client that was closed → QUALYS_NETWORK', async () => {
    const client = createQualysClient({
      baseUrl: simUrl,
      credentials: { username: SIM_USER, password: SIM_PASS },
    });
    await client.close();
    const gateway = createGateway({ client, graphiql: false, logging: false });
    expectErrors(await post(gateway, JOBS_QUERY), 'QUALYS_NETWORK');
  });

  it('a truncated JSON body (simulator malformed mode) → QUALYS_BAD_PAYLOAD', async () => {
    sim.configure({ malformedRate: 1 });
    expectErrors(await post(gatewayFor(), JOBS_QUERY), 'QUALYS_BAD_PAYLOAD');
  });

  it('a non-JSON 200 body holding a marker (stub) → QUALYS_BAD_PAYLOAD', async () => {
    stubHandler = (req, res) => {
      if (req.url === '/auth') return false;
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"secret":"${MARKER} ${stubUrl}`);
      return true;
    };
    const res = await post(
      gatewayFor({ baseUrl: stubUrl, credentials: { username: STUB_USER, password: STUB_PASS } }),
      JOBS_QUERY,
    );
    expectErrors(res, 'QUALYS_BAD_PAYLOAD');
  });

  it('a body failing the wire schema, the marker in a field value → QUALYS_BAD_PAYLOAD', async () => {
    sim.injectFault({
      path: '/pm/v1/deploymentjobs',
      status: 200,
      body: [{ id: { nested: MARKER }, name: 42, status: `${MARKER} ${simUrl}/pm/v1` }],
    });
    expectErrors(await post(gatewayFor(), JOBS_QUERY), 'QUALYS_BAD_PAYLOAD');
  });

  it('an open circuit breaker → QUALYS_CIRCUIT_OPEN', async () => {
    sim.injectFault({ path: '/pm/v1/deploymentjobs', status: 500, body: { secret: MARKER } });
    const gateway = gatewayFor({
      client: { circuitBreaker: { failureThreshold: 1, halfOpenAfterMs: 60_000 } },
    });
    expectErrors(await post(gateway, JOBS_QUERY), 'QUALYS_HTTP_STATUS');
    expectErrors(await post(gateway, JOBS_QUERY), 'QUALYS_CIRCUIT_OPEN');
  });

  it('the request deadline passes while the call is in flight → QUALYS_ABORTED', async () => {
    sim.configure({ slowHeadersMs: 400 });
    const res = await post(gatewayFor({ gateway: { requestTimeoutMs: 50 } }), JOBS_QUERY);
    expectErrors(res, 'QUALYS_ABORTED');
  });

  it('the request deadline passes while queued behind another call → QUALYS_ABORTED', async () => {
    sim.configure({ slowHeadersMs: 300 });
    const gateway = gatewayFor({ client: { concurrency: 1 }, gateway: { requestTimeoutMs: 150 } });
    const query =
      '{ a: patchJobs(platform: WINDOWS, first: 1) { nodes { id } } b: patchJobs(platform: LINUX, first: 1) { nodes { id } } }';
    expectErrors(await post(gateway, query), 'QUALYS_ABORTED', 'QUALYS_TIMEOUT');
  });

  it.each([
    ['429 after every retry (Retry-After 0)', 429, { 'Retry-After': '0' }],
    ['409 concurrency limit after every retry', 409, { 'X-Concurrency-Limit-Limit': '2' }],
    ['429 with a Retry-After longer than allowed', 429, { 'Retry-After': '3600' }],
  ])('throttling: %s → QUALYS_RATE_LIMITED', async (_label, status, headers) => {
    sim.injectFault({
      path: '/pm/v1/deploymentjobs',
      status,
      headers,
      body: { _error: { code: status, errorCode: '1965', message: `${MARKER} ${simUrl}` } },
    });
    const res = await post(
      gatewayFor({ client: { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } } }),
      JOBS_QUERY,
    );
    expectErrors(res, 'QUALYS_RATE_LIMITED');
  });
});

describe('mutations whose upstream fails or rejects', () => {
  const createPatchJob = print(CreatePatchJobDocument);
  const leakyRejection = () => ({
    _error: { code: 400, errorCode: '9009', message: leakyMessage(), trace: MARKER },
  });

  it('createPatchJob: upstream 500 with a marker body → QUALYS_HTTP_STATUS error', async () => {
    sim.injectFault({ method: 'POST', path: '/pm/v2/deploymentjob', status: 500, body: { secret: MARKER } });
    const res = await post(gatewayFor(), createPatchJob, { input: windowsJob() });
    expectErrors(res, 'QUALYS_HTTP_STATUS');
  });

  it('createPatchJob: Qualys rejects with an _error echoing URL, token, password → userErrors without them', async () => {
    sim.injectFault({ method: 'POST', path: '/pm/v2/deploymentjob', status: 400, body: leakyRejection() });
    const res = await post(gatewayFor(), createPatchJob, { input: windowsJob() });
    expectMasked(res);
    expect(res.body.data.createPatchJob.userErrors).toEqual([
      expect.objectContaining({ code: 'QUALYS_REJECTED', qualysErrorCode: '9009' }),
    ]);
  });

  // `rejectionUserError` (src/schema/user-error.ts) shows `publicQualysMessage`, not the full
  // message that names the endpoint template (`POST /pm/v2/deploymentjob`) for logs.
  it('createPatchJob: Qualys rejects with a 4xx without envelope → userErrors without the endpoint', async () => {
    sim.injectFault({ method: 'POST', path: '/pm/v2/deploymentjob', status: 422, body: { secret: MARKER } });
    const res = await post(gatewayFor(), createPatchJob, { input: windowsJob() });
    expect(res.body.data.createPatchJob.userErrors).toEqual([
      expect.objectContaining({ code: 'QUALYS_REJECTED' }),
    ]);
    expectMasked(res);
  });

  it('createPatchJob: the answer is lost (reset after Qualys applied it) → QUALYS_NETWORK', async () => {
    sim.configure({ resetAfterRate: 1 });
    const res = await post(gatewayFor(), createPatchJob, {
      input: windowsJob(),
      idempotencyKey: 'masking-reset-1',
    });
    expectErrors(res, 'QUALYS_NETWORK');
  });

  // The client redacts the token, the password and the service username from `_error.message`.
  it('createPatchJob: Qualys echoes the service username in _error.message → userErrors without it', async () => {
    sim.injectFault({
      method: 'POST',
      path: '/pm/v2/deploymentjob',
      status: 400,
      body: { _error: { code: 400, errorCode: '9009', message: `User ${SIM_USER} may not create jobs` } },
    });
    const res = await post(gatewayFor(), createPatchJob, { input: windowsJob() });
    expect(res.body.data.createPatchJob.userErrors).toEqual([
      expect.objectContaining({ code: 'QUALYS_REJECTED' }),
    ]);
    expectMasked(res);
  });

  it('createMitigationJob: upstream times out → QUALYS_TIMEOUT', async () => {
    sim.injectFault({ method: 'POST', path: '/mtg/v2/deploymentjob', status: 201, body: {}, delayMs: 400 });
    const res = await post(gatewayFor({ client: { timeoutMs: 100 } }), print(CreateMitigationJobDocument), {
      input: mitigationJob(),
    });
    expectErrors(res, 'QUALYS_TIMEOUT');
  });

  it('updatePatchJob: the PATCH fails with 503 → QUALYS_HTTP_STATUS error', async () => {
    sim.injectFault({
      method: 'PATCH',
      path: /^\/pm\/v2\/deploymentjob\/update\//,
      status: 503,
      body: { secret: MARKER },
    });
    const res = await post(gatewayFor(), print(UpdatePatchJobDocument), {
      id: firstJobId(),
      input: { name: 'Renamed' },
    });
    expectErrors(res, 'QUALYS_HTTP_STATUS');
  });

  it('updatePatchJob: the PATCH is rejected with a leaky _error → userErrors without URL or token', async () => {
    sim.injectFault({
      method: 'PATCH',
      path: /^\/pm\/v2\/deploymentjob\/update\//,
      status: 400,
      body: leakyRejection(),
    });
    const res = await post(gatewayFor(), print(UpdatePatchJobDocument), {
      id: firstJobId(),
      input: { name: 'Renamed' },
    });
    expectMasked(res);
    expect(res.body.data.updatePatchJob.userErrors).toEqual([
      expect.objectContaining({ code: 'QUALYS_REJECTED' }),
    ]);
  });

  it('updatePatchJob: the read of the job is a 404 → NOT_FOUND userError', async () => {
    sim.injectFault({
      method: 'GET',
      path: /^\/pm\/v1\/deploymentjob\//,
      status: 404,
      body: { secret: MARKER },
    });
    const res = await post(gatewayFor(), print(UpdatePatchJobDocument), {
      id: firstJobId(),
      input: { name: 'Renamed' },
    });
    expectMasked(res);
    expect(res.body.data.updatePatchJob.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
  });

  it('setPatchJobsStatus: upstream 500 → QUALYS_HTTP_STATUS error', async () => {
    sim.injectFault({
      path: /^\/pm\/v1\/deploymentjobs\/update\/status\//,
      status: 500,
      body: `<html>${MARKER}</html>`,
    });
    const res = await post(gatewayFor(), print(SetPatchJobsStatusDocument), {
      ids: [firstJobId()],
      status: 'ENABLED',
    });
    expectErrors(res, 'QUALYS_HTTP_STATUS');
  });

  it('setPatchJobsStatus: upstream rejects with a leaky _error → userErrors without URL or token', async () => {
    sim.injectFault({
      path: /^\/pm\/v1\/deploymentjobs\/update\/status\//,
      status: 400,
      body: leakyRejection(),
    });
    const res = await post(gatewayFor(), print(SetPatchJobsStatusDocument), {
      ids: [firstJobId()],
      status: 'ENABLED',
    });
    expectMasked(res);
  });

  it('deletePatchJobs: upstream 502 and a 400 rejection → coded error / userErrors, no leak', async () => {
    const gateway = gatewayFor();
    sim.injectFault({
      method: 'DELETE',
      path: '/pm/v1/deploymentjobs',
      status: 502,
      body: { secret: MARKER },
      times: 1,
    });
    expectErrors(
      await post(gateway, print(DeletePatchJobsDocument), { ids: [firstJobId()] }),
      'QUALYS_HTTP_STATUS',
    );
    sim.injectFault({
      method: 'DELETE',
      path: '/pm/v1/deploymentjobs',
      status: 400,
      body: leakyRejection(),
      times: 1,
    });
    expectMasked(await post(gateway, print(DeletePatchJobsDocument), { ids: [firstJobId()] }));
  });
});

describe('federation _entities failures', () => {
  it('PatchJob and Asset representations whose upstream calls fail → coded errors at _entities paths', async () => {
    sim.injectFault({ path: /^\/pm\/v1\/deploymentjob\//, status: 500, body: { secret: MARKER } });
    sim.injectFault({ path: '/pm/v1/assets/uuids', status: 503, body: `${MARKER} ${simUrl}` });
    sim.injectFault({ path: '/pm/v1/assets', status: 503, body: `${MARKER} ${simUrl}` });
    const res = await post(gatewayFor(), ENTITIES_QUERY, {
      representations: [
        { __typename: 'PatchJob', id: firstJobId() },
        { __typename: 'Asset', assetId: 40_000_001 },
        { __typename: 'Asset', id: 'fd64d050-a794-46c0-b714-4aecb286ff9d' },
      ],
    });
    expectErrors(res, 'QUALYS_HTTP_STATUS');
    for (const error of res.body.errors) expect(error.path[0]).toBe('_entities');
  });

  it('a representation of an unknown type, and a malformed one → coded errors', async () => {
    const res = await post(gatewayFor(), ENTITIES_QUERY, {
      representations: [{ __typename: 'Tag', id: MARKER }, { __typename: 'Asset' }, 'not-an-object'],
    });
    expectErrors(res, 'BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED', 'INTERNAL_SERVER_ERROR');
  });
});

/** A client whose every API method throws what `fail` makes (a non-Qualys exception). */
function failingClient(fail: () => unknown, mode: 'throw' | 'reject' = 'reject'): QualysClient {
  const api = new Proxy({} as QualysApi, {
    get: () => () => {
      if (mode === 'throw') throw fail();
      return Promise.reject(fail());
    },
  });
  return { hasServiceCredentials: true, session: () => api, close: async () => undefined };
}

const leakyTypeError = () =>
  new TypeError(
    `fetch failed for ${simUrl}/pm/v1/deploymentjobs with Authorization: Bearer ${FORWARDED_TOKEN} (${SIM_PASS})`,
  );

describe('unexpected non-Qualys exceptions', () => {
  it.each([
    ['a TypeError thrown synchronously', () => failingClient(leakyTypeError, 'throw')],
    ['a rejected TypeError', () => failingClient(leakyTypeError)],
    ['a rejected string', () => failingClient(() => `${simUrl} Bearer ${FORWARDED_TOKEN}`)],
    ['a rejected plain object', () => failingClient(() => ({ url: simUrl, token: FORWARDED_TOKEN }))],
  ])('%s in a resolver → INTERNAL_SERVER_ERROR with the generic message', async (_label, make) => {
    const gateway = createGateway({ client: make(), graphiql: false, logging: false });
    const res = await post(gateway, JOBS_QUERY);
    expectErrors(res, 'INTERNAL_SERVER_ERROR');
    expect(res.body.errors.map((e: { message: string }) => e.message)).toEqual([GENERIC]);
  });

  it('a spied client method throwing a TypeError → INTERNAL_SERVER_ERROR', async () => {
    const client = createQualysClient({
      baseUrl: simUrl,
      credentials: { username: SIM_USER, password: SIM_PASS },
    });
    clients.push(client);
    const real = client.session.bind(client);
    vi.spyOn(client, 'session').mockImplementation((options) => {
      const api = real(options);
      vi.spyOn(api, 'listDeploymentJobs').mockRejectedValue(leakyTypeError());
      return api;
    });
    const res = await post(createGateway({ client, graphiql: false, logging: false }), JOBS_QUERY);
    expectErrors(res, 'INTERNAL_SERVER_ERROR');
    expect(res.body.errors[0].message).toBe(GENERIC);
  });

  it('the context factory throwing (session creation fails) → INTERNAL_SERVER_ERROR', async () => {
    const client: QualysClient = {
      hasServiceCredentials: true,
      session: () => {
        throw leakyTypeError();
      },
      close: async () => undefined,
    };
    const res = await post(createGateway({ client, graphiql: false, logging: false }), JOBS_QUERY);
    expectErrors(res, 'INTERNAL_SERVER_ERROR');
  });
});

describe('request-level errors (GraphQL, HTTP hygiene, inbound auth)', () => {
  let gateway: Gateway;
  beforeEach(() => {
    gateway = gatewayFor({ gateway: { queryLimits: { maxDepth: 4, maxAliases: 2 }, maxBodyBytes: 2_000 } });
  });

  it.each([
    ['a parse error', '{ patchJobs(platform: WINDOWS { nodes { id } }', {}],
    ['an unknown field', '{ patchJobs(platform: WINDOWS) { nodes { idd } } }', {}],
    ['an unknown argument value', '{ patchJobs(platform: WINDOZE) { nodes { id } } }', {}],
    [
      'a variable of the wrong type',
      'query ($n: Int) { patchJobs(platform: WINDOWS, first: $n) { nodes { id } } }',
      { n: 'many' },
    ],
    ['a missing required variable', 'query ($id: ID!) { patchJob(id: $id) { id } }', {}],
    [
      'an input object with an unknown field',
      'mutation ($input: CreatePatchJobInput!) { createPatchJob(input: $input) { job { id } } }',
      { input: { nope: 'client-value' } },
    ],
    [
      'a query too deep',
      '{ patchJobs(platform: WINDOWS) { nodes { linkedJob { linkedJob { linkedJob { linkedJob { id } } } } } } }',
      {},
    ],
    [
      'too many aliases',
      '{ a: patchJobs(platform: WINDOWS, first: 1) { nodes { id } } b: patchJobs(platform: LINUX, first: 1) { nodes { id } } c: patchJobs(platform: WINDOWS, first: 2) { nodes { id } } }',
      {},
    ],
    ['an argument out of range', '{ patchJobs(platform: WINDOWS, first: 100000) { nodes { id } } }', {}],
    ['a bad cursor', `{ patchJobs(platform: WINDOWS, after: "${MARKER}") { nodes { id } } }`, {}],
  ])('%s → coded error', async (_label, query, variables) => {
    const res = await post(gateway, query, variables);
    expectMasked(res);
    expect(res.body.errors?.length ?? 0, res.text).toBeGreaterThan(0);
  });

  it('introspection disabled → coded validation error', async () => {
    const off = gatewayFor({ gateway: { introspection: false } });
    expectErrors(await post(off, '{ __schema { types { name } } }'), 'GRAPHQL_VALIDATION_FAILED');
  });

  it('inbound auth: a wrong API key → 401 UNAUTHENTICATED, the key not echoed', async () => {
    const guarded = gatewayFor({ gateway: { apiKeys: [{ name: 'ops', key: API_KEY }] } });
    const res = await post(guarded, JOBS_QUERY, {}, { 'x-api-key': `${API_KEY}-wrong` });
    expect(res.status).toBe(401);
    expectErrors(res, 'UNAUTHENTICATED');
    expect(res.text).not.toContain(`${API_KEY}-wrong`);
    const bearer = await post(guarded, JOBS_QUERY, {}, { authorization: `Bearer ${FORWARDED_TOKEN}` });
    expect(bearer.status).toBe(401);
    expectErrors(bearer, 'UNAUTHENTICATED');
  });

  it('a body over the limit → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await post(gateway, `{ __typename } # ${MARKER.repeat(200)}`);
    expect(res.status).toBe(413);
    expectErrors(res, 'PAYLOAD_TOO_LARGE');
  });

  it.each([
    [
      'a text/plain POST',
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{ __typename }' }),
      },
    ],
    ['a GET without the CSRF header', { method: 'GET', headers: { accept: 'application/json' } }],
  ])('CSRF: %s is refused with 403 and a code', async (_label, init) => {
    const res = await capture(
      await gateway.fetch('http://gateway.test/graphql?query=%7B__typename%7D', init),
    );
    expect(res.status).toBe(403);
    expectErrors(res, 'CSRF_HEADER_REQUIRED');
  });

  it.each([
    ['invalid JSON', '{"query": "{ __typename }", ', 'application/json'],
    [
      'a batch (array body)',
      JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
      'application/json',
    ],
    ['no query', JSON.stringify({ variables: { secret: MARKER } }), 'application/json'],
    ['a non-string query', JSON.stringify({ query: { secret: MARKER } }), 'application/json'],
  ])('a malformed request: %s → 4xx with coded errors', async (label, body, contentType) => {
    const res = await capture(
      await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': contentType, accept: 'application/json' },
        body,
      }),
    );
    expect(res.status).toBeLessThan(500);
    if (label === 'invalid JSON') expect(res.status).toBe(400);
    expectErrors(res, 'BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT');
  });

  it('a mutation over GET → 405 with a coded error', async () => {
    const url = `http://gateway.test/graphql?query=${encodeURIComponent('mutation { deletePatchJobs(ids: ["x"]) { results { id } } }')}`;
    const res = await capture(
      await gateway.fetch(url, {
        method: 'GET',
        headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
      }),
    );
    expect(res.status).toBe(405);
    expectErrors(res, 'BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED', 'METHOD_NOT_ALLOWED');
  });
});

describe.each(['development', 'production'])(
  'NODE_ENV=%s: masking does not depend on the environment',
  (env) => {
    let saved: string | undefined;
    beforeEach(() => {
      saved = process.env['NODE_ENV'];
      process.env['NODE_ENV'] = env;
    });
    afterEach(() => {
      if (saved === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = saved;
    });

    it('an unexpected TypeError stays generic (no originalError, no stack)', async () => {
      const gateway = createGateway({
        client: failingClient(leakyTypeError),
        graphiql: false,
        logging: false,
      });
      const res = await post(gateway, JOBS_QUERY);
      expectErrors(res, 'INTERNAL_SERVER_ERROR');
      expect(res.body.errors[0]).toEqual({
        message: GENERIC,
        path: ['patchJobs'],
        locations: expect.any(Array),
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    });

    it('a context factory failure stays generic', async () => {
      const client: QualysClient = {
        hasServiceCredentials: true,
        session: () => {
          throw leakyTypeError();
        },
        close: async () => undefined,
      };
      const res = await post(createGateway({ client, graphiql: false, logging: false }), JOBS_QUERY);
      expectErrors(res, 'INTERNAL_SERVER_ERROR');
      expect(res.body.errors[0].message).toBe(GENERIC);
    });

    it('an upstream 500 with a marker body and a 400 leaky _error stay masked', async () => {
      sim.injectFault({ path: '/pm/v1/deploymentjobs', status: 500, body: { secret: MARKER }, times: 1 });
      const gateway = gatewayFor();
      expectErrors(await post(gateway, JOBS_QUERY), 'QUALYS_HTTP_STATUS');
      sim.injectFault({
        path: '/pm/v1/deploymentjobs',
        status: 400,
        body: { _error: { code: 400, message: leakyMessage() } },
      });
      expectErrors(await post(gateway, JOBS_QUERY), 'QUALYS_BAD_REQUEST');
    });

    it('a forwarded token rejected, a parse error and a variable coercion error stay masked', async () => {
      const gateway = gatewayFor({ credentials: null });
      expectErrors(
        await post(gateway, JOBS_QUERY, {}, { authorization: `Bearer ${FORWARDED_TOKEN}` }),
        'QUALYS_UNAUTHORIZED',
      );
      expectMasked(await post(gateway, '{ patchJobs('));
      expectMasked(
        await post(gateway, 'query ($n: Int) { patchJobs(platform: WINDOWS, first: $n) { nodes { id } } }', {
          n: {},
        }),
      );
    });
  },
);

describe('logs', () => {
  it('neither Yoga nor the Qualys client logs a token, the password or the forwarded token', async () => {
    const lines: string[] = [];
    const collect = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 6 }))).join(' '));
    };
    for (const method of ['debug', 'info', 'log', 'warn', 'error'] as const) {
      vi.spyOn(console, method).mockImplementation(collect);
    }
    const logger: QualysLogger = {
      debug: (obj, msg) => collect('client.debug', obj, msg),
      warn: (obj, msg) => collect('client.warn', obj, msg),
      error: (obj, msg) => collect('client.error', obj, msg),
    };
    const withLogs = (setup: Setup) =>
      gatewayFor({
        ...setup,
        client: { ...setup.client, logger },
        gateway: { ...setup.gateway, logging: 'debug' },
      });

    // Service credentials: a token is obtained and used; a 400 echoing it and a zod failure.
    const service = withLogs({});
    sim.injectFault({
      path: '/pm/v1/deploymentjobs',
      status: 400,
      body: { _error: { code: 400, message: leakyMessage() } },
      times: 1,
    });
    await post(service, JOBS_QUERY);
    sim.injectFault({
      path: '/pm/v1/deploymentjobs',
      status: 200,
      body: [{ id: 1, name: SIM_PASS }],
      times: 1,
    });
    await post(service, JOBS_QUERY);
    await post(service, JOBS_QUERY);
    // Rejected service credentials.
    await post(withLogs({ credentials: { username: SIM_USER, password: `${SIM_PASS}-wrong` } }), JOBS_QUERY);
    // A forwarded token, rejected.
    await post(
      withLogs({ credentials: null }),
      JOBS_QUERY,
      {},
      { authorization: `Bearer ${FORWARDED_TOKEN}` },
    );
    // An inbound API key refused.
    await post(
      withLogs({ gateway: { apiKeys: [{ name: 'ops', key: API_KEY }] } }),
      JOBS_QUERY,
      {},
      { 'x-api-key': API_KEY.toUpperCase() },
    );

    const issued = sim.requests().length > 0;
    expect(issued).toBe(true);
    expect(lines.some((l) => l.startsWith('client.debug'))).toBe(true);
    expect(lines.some((l) => l.startsWith('client.error'))).toBe(true);
    // Yoga logged the masked originals (with their stacks) through console.
    expect(lines.some((l) => !l.startsWith('client.') && l.includes('Qualys'))).toBe(true);
    const all = lines.join('\n');
    for (const secret of [
      SIM_PASS,
      FORWARDED_TOKEN,
      'FORWARDED-TOKEN-MARKER',
      API_KEY,
      API_KEY.toUpperCase(),
      'eyJ',
    ]) {
      expect(all, `logs contain ${secret}`).not.toContain(secret);
    }
    expect(all).not.toMatch(/bearer\s+\S/i);
  });
});
