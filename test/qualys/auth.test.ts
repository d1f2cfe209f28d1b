import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwtExpiryMs } from '../../src/qualys/auth.js';
import { QualysUnauthorizedError } from '../../src/qualys/errors.js';
import { DEFAULT_TOKEN_LIFETIME_MS, DEFAULT_TOKEN_REFRESH_MARGIN_MS } from '../../src/qualys/options.js';
import { BEARER, harness, type MockHarness, rejectionOf } from './helpers.js';

const USERNAME = 'svc-pm-user';
const PASSWORD = 'P@ss w&rd=Hunter2!';
const TOKEN_1 = 'eyJhbGciOiJIUzI1NiJ9.service-token-one.sig1';
const TOKEN_2 = 'eyJhbGciOiJIUzI1NiJ9.service-token-two.sig2';
const JOB_PATH = '/pm/v1/deploymentjob/j-1';

/** The exact form body the client must send to /auth. */
const AUTH_BODY = 'username=svc-pm-user&password=P%40ss+w%26rd%3DHunter2%21&token=true&permissions=true';

/** A JWT with the given `exp` (seconds) and an unsigned signature. */
function jwtWithExp(expSeconds: number): string {
  const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'svc', exp: expSeconds })}.c2ln`;
}

describe('service-credential token manager', () => {
  let clock: number;
  let h: MockHarness;

  beforeEach(() => {
    clock = 1_700_000_000_000;
    h = harness({ credentials: { username: USERNAME, password: PASSWORD }, now: () => clock });
  });
  afterEach(async () => {
    await h.finish();
  });

  const api = () => h.client.session({});
  const auth = (status: number, token: string) =>
    h.pool
      .intercept({
        method: 'POST',
        path: '/auth',
        body: AUTH_BODY,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      .reply(status, token);
  const job = (status: number, token: string, body: unknown = { id: 'j-1' }) =>
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH, headers: { authorization: `Bearer ${token}` } })
      .reply(status, JSON.stringify(body));
  const authCalls = () => h.events.filter((e) => e.endpoint === 'POST /auth').length;

  it('POSTs the form to /auth, takes the trimmed body as the JWT and sends it as a Bearer token', async () => {
    auth(201, `  ${TOKEN_1}\n`);
    job(200, TOKEN_1);

    expect((await api().getDeploymentJob('j-1')).id).toBe('j-1');

    const [authCall, apiCall] = h.calls();
    expect(authCall?.method).toBe('POST');
    expect(authCall?.path).toBe('/auth');
    expect(authCall?.body).toBe(AUTH_BODY);
    expect(authCall?.headers).toMatchObject({ 'content-type': 'application/x-www-form-urlencoded' });
    expect(apiCall?.headers).toMatchObject({ authorization: `Bearer ${TOKEN_1}` });
    expect(h.events.map((e) => [e.endpoint, e.status, e.errorCode])).toEqual([
      ['POST /auth', 201, null],
      ['GET /pm/v1/deploymentjob/{id}', 200, null],
    ]);
  });

  it('accepts HTTP 200 from /auth too', async () => {
    auth(200, TOKEN_1);
    job(200, TOKEN_1);
    await api().getDeploymentJob('j-1');
    expect(authCalls()).toBe(1);
  });

  it('obtains one token for N concurrent calls (one /auth call)', async () => {
    auth(201, TOKEN_1);
    job(200, TOKEN_1).times(5);

    const results = await Promise.all(Array.from({ length: 5 }, () => api().getDeploymentJob('j-1')));

    expect(results).toHaveLength(5);
    expect(authCalls()).toBe(1);
  });

  it('caches the token across sessions until lifetime minus margin, then refreshes it', async () => {
    auth(201, TOKEN_1);
    job(200, TOKEN_1).times(2);
    auth(201, TOKEN_2);
    job(200, TOKEN_2);

    await api().getDeploymentJob('j-1');
    clock += DEFAULT_TOKEN_LIFETIME_MS - DEFAULT_TOKEN_REFRESH_MARGIN_MS - 1;
    await h.client.session({ signal: new AbortController().signal }).getDeploymentJob('j-1');
    expect(authCalls()).toBe(1);

    clock += 1;
    await api().getDeploymentJob('j-1');
    expect(authCalls()).toBe(2);
  });

  it('refreshes earlier when the JWT exp claim comes before lifetime minus margin', async () => {
    const expSeconds = Math.floor(clock / 1000) + 3600;
    const shortLived = jwtWithExp(expSeconds);
    auth(201, shortLived);
    job(200, shortLived).times(2);
    auth(201, TOKEN_2);
    job(200, TOKEN_2);

    await api().getDeploymentJob('j-1');
    clock = expSeconds * 1000 - DEFAULT_TOKEN_REFRESH_MARGIN_MS - 1;
    await api().getDeploymentJob('j-1');
    expect(authCalls()).toBe(1);
    clock += 1;
    await api().getDeploymentJob('j-1');
    expect(authCalls()).toBe(2);
  });

  it('after a 401 drops the token, refreshes once and retries the call once', async () => {
    auth(201, TOKEN_1);
    job(401, TOKEN_1, { status: 401, error: 'Unauthorized', message: 'JWT expired' });
    auth(201, TOKEN_2);
    job(200, TOKEN_2);

    expect((await api().getDeploymentJob('j-1')).id).toBe('j-1');

    expect(h.events.map((e) => [e.endpoint, e.status, e.errorCode])).toEqual([
      ['POST /auth', 201, null],
      ['GET /pm/v1/deploymentjob/{id}', 401, 'QUALYS_UNAUTHORIZED'],
      ['POST /auth', 201, null],
      ['GET /pm/v1/deploymentjob/{id}', 200, null],
    ]);
  });

  it('a second 401 fails with QUALYS_UNAUTHORIZED (no further refresh or retry)', async () => {
    auth(201, TOKEN_1);
    job(401, TOKEN_1, { message: 'Not authenticated' });
    auth(201, TOKEN_2);
    job(401, TOKEN_2, { message: 'Not authenticated' });

    const err = await rejectionOf(api().getDeploymentJob('j-1'));

    expect(err).toBeInstanceOf(QualysUnauthorizedError);
    expect(err).toMatchObject({ code: 'QUALYS_UNAUTHORIZED', status: 401 });
    expect(authCalls()).toBe(2);
    expect(h.calls()).toHaveLength(4);
  });

  it('a 403 is final: no refresh, no retry', async () => {
    auth(201, TOKEN_1);
    job(403, TOKEN_1, { message: 'Forbidden' });
    expect(await rejectionOf(api().getDeploymentJob('j-1'))).toMatchObject({
      code: 'QUALYS_UNAUTHORIZED',
      status: 403,
    });
    expect(authCalls()).toBe(1);
  });

  it('concurrent 401s for the same token cause one refresh', async () => {
    auth(201, TOKEN_1);
    job(401, TOKEN_1).times(3);
    auth(201, TOKEN_2);
    job(200, TOKEN_2).times(3);

    await Promise.all([
      api().getDeploymentJob('j-1'),
      api().getDeploymentJob('j-1'),
      api().getDeploymentJob('j-1'),
    ]);

    expect(authCalls()).toBe(2);
  });

  it('a 401 to an already replaced token does not drop the new one', async () => {
    auth(201, TOKEN_1);
    job(200, TOKEN_1);
    await api().getDeploymentJob('j-1');

    // Two calls with TOKEN_1 in flight; the first 401 refreshes to TOKEN_2, the second (late)
    // 401 must not invalidate TOKEN_2 again.
    job(401, TOKEN_1).times(2);
    auth(201, TOKEN_2);
    job(200, TOKEN_2).times(3);
    await Promise.all([api().getDeploymentJob('j-1'), api().getDeploymentJob('j-1')]);
    await api().getDeploymentJob('j-1');

    expect(authCalls()).toBe(2);
  });

  it('rejected service credentials -> QUALYS_AUTH_FAILED for every waiter; the failure is not cached', async () => {
    auth(401, '{"status":401,"error":"Unauthorized","message":"Bad credentials"}');
    auth(201, TOKEN_1);
    job(200, TOKEN_1);

    const failures = await Promise.all([
      rejectionOf(api().getDeploymentJob('j-1')),
      rejectionOf(api().getDeploymentJob('j-1')),
      rejectionOf(api().listDeploymentJobRuns('j-1')),
    ]);
    for (const err of failures) {
      expect(err).toBeInstanceOf(QualysUnauthorizedError);
      expect(err).toMatchObject({ code: 'QUALYS_AUTH_FAILED', status: 401, endpoint: 'POST /auth' });
      expect(err.message).toBe('Qualys rejected the service credentials (HTTP 401, POST /auth)');
    }
    expect(authCalls()).toBe(1);
    expect(h.logs.filter((l) => l.level === 'error')).toHaveLength(1);

    expect((await api().getDeploymentJob('j-1')).id).toBe('j-1');
    expect(authCalls()).toBe(2);
  });

  it('a 5xx from /auth -> QUALYS_HTTP_STATUS; an empty token -> QUALYS_BAD_PAYLOAD', async () => {
    // One answer per call: the retries of a read (which would fetch the token again) are covered in governor.test.ts.
    await h.finish();
    h = harness({
      credentials: { username: USERNAME, password: PASSWORD },
      now: () => clock,
      retry: { maxAttempts: 1 },
    });
    auth(503, '');
    auth(201, '   ');
    expect(await rejectionOf(api().getDeploymentJob('j-1'))).toMatchObject({
      code: 'QUALYS_HTTP_STATUS',
      endpoint: 'POST /auth',
      status: 503,
    });
    expect(await rejectionOf(api().getDeploymentJob('j-1'))).toMatchObject({
      code: 'QUALYS_BAD_PAYLOAD',
      endpoint: 'POST /auth',
    });
  });

  it('a caller aborting while the token is fetched stops waiting; the refresh still serves the others', async () => {
    h.pool.intercept({ method: 'POST', path: '/auth', body: AUTH_BODY }).reply(201, TOKEN_1).delay(20);
    job(200, TOKEN_1);
    const controller = new AbortController();

    const aborted = rejectionOf(h.client.session({ signal: controller.signal }).getDeploymentJob('j-1'));
    const other = api().getDeploymentJob('j-1');
    setImmediate(() => controller.abort());

    expect(await aborted).toMatchObject({ code: 'QUALYS_ABORTED' });
    expect((await other).id).toBe('j-1');
    expect(authCalls()).toBe(1);
  });

  it('a forwarded bearer token is sent as is and never refreshed: a 401 is final', async () => {
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH, headers: { authorization: `Bearer ${BEARER}` } })
      .reply(401, '{"message":"JWT expired"}');

    const err = await rejectionOf(h.client.session({ bearerToken: BEARER }).getDeploymentJob('j-1'));

    expect(err).toMatchObject({ code: 'QUALYS_UNAUTHORIZED', status: 401 });
    expect(authCalls()).toBe(0);
    expect(h.calls()).toHaveLength(1);
  });

  it('a malformed forwarded bearer token -> QUALYS_UNAUTHORIZED without a request', async () => {
    const err = await rejectionOf(
      h.client.session({ bearerToken: 'abc\r\nx-evil: 1' }).getDeploymentJob('j-1'),
    );
    expect(err).toMatchObject({ code: 'QUALYS_UNAUTHORIZED' });
    expect(err.message).not.toContain('abc');
    expect(h.calls()).toHaveLength(0);
  });
});

describe('sessions without credentials', () => {
  it('no bearer token and no service credentials -> QUALYS_UNAUTHORIZED without any request', async () => {
    const h = harness();
    const err = await rejectionOf(h.client.session({}).getDeploymentJob('j-1'));
    expect(err).toBeInstanceOf(QualysUnauthorizedError);
    expect(err).toMatchObject({ code: 'QUALYS_UNAUTHORIZED', endpoint: 'GET /pm/v1/deploymentjob/{id}' });
    expect(h.calls()).toHaveLength(0);
    expect(h.events).toHaveLength(0);
    await h.finish();
  });

  it('session() is cheap: no request until a method is called', async () => {
    const h = harness({ credentials: { username: USERNAME, password: PASSWORD } });
    h.client.session({});
    h.client.session({ bearerToken: BEARER });
    expect(h.calls()).toHaveLength(0);
    await h.finish();
  });
});

describe('no secrets in messages, logs or onCall events', () => {
  it('never exposes the password, the service tokens or the forwarded token', async () => {
    // maxAttempts 1: each scripted answer is one call's outcome (retries are covered in governor.test.ts).
    const h = harness({
      credentials: { username: USERNAME, password: PASSWORD },
      timeoutMs: 50,
      retry: { maxAttempts: 1 },
    });
    const api = h.client.session({});
    const errors: Error[] = [];
    const collect = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (err) {
        errors.push(err as Error);
      }
    };

    // 1. Rejected credentials; Qualys echoes the password back.
    h.pool.intercept({ method: 'POST', path: '/auth' }).reply(401, `bad password ${PASSWORD}`);
    await collect(api.getDeploymentJob('j-1'));
    // 2. Token, 401, refresh, 401 again.
    h.pool.intercept({ method: 'POST', path: '/auth' }).reply(201, TOKEN_1);
    h.pool.intercept({ method: 'GET', path: JOB_PATH }).reply(401, `{"message":"JWT ${TOKEN_1} expired"}`);
    h.pool.intercept({ method: 'POST', path: '/auth' }).reply(201, TOKEN_2);
    h.pool.intercept({ method: 'GET', path: JOB_PATH }).reply(401, `{"message":"JWT ${TOKEN_2} expired"}`);
    await collect(api.getDeploymentJob('j-1'));
    // 3. A 400 _error whose user message echoes the token sent (TOKEN_2, still cached) and the password.
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH, headers: { authorization: `Bearer ${TOKEN_2}` } })
      .reply(400, { _error: { code: 400, errorCode: '2000', message: `bad ${TOKEN_2} / ${PASSWORD}` } });
    await collect(api.getDeploymentJob('j-1'));
    // 4. Schema mismatch, malformed JSON, timeout, network error with a forwarded token.
    const forwarded = h.client.session({ bearerToken: BEARER });
    h.pool.intercept({ method: 'GET', path: JOB_PATH }).reply(200, { id: 7, token: BEARER });
    h.pool.intercept({ method: 'GET', path: JOB_PATH }).reply(200, `{${BEARER}`);
    h.pool.intercept({ method: 'GET', path: JOB_PATH }).reply(200, { id: 'j-1' }).delay(2_000);
    h.pool.intercept({ method: 'GET', path: JOB_PATH }).replyWithError(new Error(`socket died ${BEARER}`));
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH })
      .reply(400, { _error: { message: `token ${BEARER}` } });
    for (let i = 0; i < 5; i++) await collect(forwarded.getDeploymentJob('j-1'));

    expect(errors.map((e) => (e as { code?: string }).code)).toEqual([
      'QUALYS_AUTH_FAILED',
      'QUALYS_UNAUTHORIZED',
      'QUALYS_BAD_REQUEST',
      'QUALYS_BAD_PAYLOAD',
      'QUALYS_BAD_PAYLOAD',
      'QUALYS_TIMEOUT',
      'QUALYS_NETWORK',
      'QUALYS_BAD_REQUEST',
    ]);
    const visible = [
      ...errors.map((e) => `${e.name} ${e.message} ${JSON.stringify({ ...e })}`),
      JSON.stringify(h.logs),
      JSON.stringify(h.events),
    ].join('\n');
    for (const secret of [PASSWORD, TOKEN_1, TOKEN_2, BEARER, 'Hunter2']) {
      expect(visible).not.toContain(secret);
    }
    expect(errors[2]?.message).toBe('Qualys rejected the request: bad [redacted] / [redacted]');
    expect(errors[7]?.message).toBe('Qualys rejected the request: token [redacted]');
    expect(h.logs.length).toBeGreaterThan(0);
    await h.finish();
  });
});

describe('decodeJwtExpiryMs', () => {
  it('reads the exp claim in epoch ms', () => {
    expect(decodeJwtExpiryMs(jwtWithExp(1_700_003_600))).toBe(1_700_003_600_000);
  });

  it.each(['not-a-jwt', 'a..c', 'a.!!!.c', `a.${Buffer.from('{"exp":"soon"}').toString('base64url')}.c`, ''])(
    'returns null for %j',
    (token) => {
      expect(decodeJwtExpiryMs(token)).toBeNull();
    },
  );
});
