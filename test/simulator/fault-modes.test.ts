import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type SimulatorFaultModes } from '../../src/simulator/index.js';
import { findSeedSample } from '../../src/simulator/seed-data/index.js';
import { call, type ErrorBody, type Started, startSimulator } from './helpers.js';

const TINY_FLEET = { assets: 20, patches: 30, patchJobs: 3, mitigationJobs: 1 } as const;

/** Every fault mode switched off. */
const OFF: Required<{ [K in keyof SimulatorFaultModes]: undefined }> = {
  concurrencyLimit: undefined,
  rateLimit: undefined,
  rateLimitHeaders: undefined,
  errorRate: undefined,
  errorAfterRate: undefined,
  resetRate: undefined,
  resetAfterRate: undefined,
  malformedRate: undefined,
  slowHeadersMs: undefined,
  slowBodyMs: undefined,
};

const PATCHES = '/pm/v1/patches?platform=Linux&pageSize=2';

function linuxJobBody(name: string): Record<string, unknown> {
  const sample = findSeedSample('001-create-linux-job-request.json');
  if (sample === undefined) {
    throw new Error('no seed sample 001-create-linux-job-request.json');
  }
  return { ...(structuredClone(sample.body) as Record<string, unknown>), name };
}

describe('simulator fault modes', () => {
  let clock = Date.UTC(2026, 2, 1, 5, 0, 0);
  let started: Started;
  let token: string;
  beforeAll(async () => {
    started = await startSimulator({
      now: () => clock,
      fleet: TINY_FLEET,
      tenants: [{ username: 'simulator', password: 'simulator', includeSeedSamples: false }],
    });
    token = started.token;
  });
  afterAll(() => started.sim.close());
  beforeEach(() => {
    started.sim.configure(OFF);
    started.sim.clearFaults();
    started.sim.resetStats();
    started.sim.resetRequests();
    clock += 60_000; // every rate window of a previous test is over
  });

  const get = (path = PATCHES) => call(started.url, token, path);
  const create = (name: string) =>
    call(started.url, token, '/pm/v2/deploymentjob', { body: linuxJobBody(name) });
  const jobNamed = async (name: string) => {
    const list = await call<{ name: string }[]>(
      started.url,
      token,
      `/pm/v1/deploymentjobs?platform=Linux&filter=${encodeURIComponent(`name:"${name}"`)}`,
    );
    expect(list.status).toBe(200);
    return list.body;
  };

  it('caps concurrent requests per tenant with 409 (1960) and the concurrency headers', async () => {
    started.sim.configure({ concurrencyLimit: 2, slowHeadersMs: 200 });
    const responses = await Promise.all(Array.from({ length: 6 }, () => get()));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 409, 409, 409, 409]);
    for (const rejected of responses.filter((response) => response.status === 409)) {
      expect(rejected.headers.get('x-concurrency-limit-limit')).toBe('2');
      expect(rejected.headers.get('x-concurrency-limit-running')).toBe('2');
      expect((rejected.body as ErrorBody)._error).toEqual({
        code: 409,
        errorCode: '1960',
        message: expect.stringContaining('Concurrency limit'),
      });
    }
    expect(started.sim.stats()['simulator']).toEqual({
      maxInFlight: 2,
      inFlight: 0,
      rejectedConcurrency: 4,
      rejectedRate: 0,
      injectedErrors: 0,
      resets: 0,
      malformed: 0,
    });
    expect(started.sim.requests().filter((entry) => entry.fault === 'concurrency')).toHaveLength(4);
    // Once the two are done, the next ones are admitted again.
    expect((await get()).status).toBe(200);
    const overHttp = await call<{ stats: Record<string, { maxInFlight: number }> }>(
      started.url,
      null,
      '/__simulator/stats',
    );
    expect(overHttp.body.stats['simulator']?.maxInFlight).toBe(2);
    expect((await call(started.url, null, '/__simulator/stats', { method: 'DELETE' })).status).toBe(204);
    expect(started.sim.stats()['simulator']).toMatchObject({ maxInFlight: 0, rejectedConcurrency: 0 });
  });

  it('limits calls per sliding window: 429 (1965) with Retry-After and X-RateLimit-* headers', async () => {
    started.sim.configure({ rateLimit: { limit: 2, windowMs: 2000 } });
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    clock += 500;
    expect((await get()).headers.get('x-ratelimit-remaining')).toBe('0');
    clock += 100;
    const over = await get();
    expect(over.status).toBe(429);
    expect((over.body as ErrorBody)._error).toMatchObject({ code: 429, errorCode: '1965' });
    expect(
      Object.fromEntries([...over.headers].filter(([name]) => /^(retry-after|x-ratelimit-)/.test(name))),
    ).toEqual({
      'retry-after': '2', // the first call leaves the window in 1400 ms
      'x-ratelimit-limit': '2',
      'x-ratelimit-window-sec': '2',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-towait-sec': '2',
    });
    clock += 1400; // the first call has left the window, the second has not
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(429);
    expect(started.sim.stats()['simulator']).toMatchObject({ rejectedRate: 2 });
    expect(started.sim.requests().map((entry) => [entry.status, entry.fault])).toEqual([
      [200, undefined],
      [200, undefined],
      [429, 'rate'],
      [200, undefined],
      [429, 'rate'],
    ]);
  });

  it('answers 409 when asked, and can leave out the X-RateLimit headers', async () => {
    started.sim.configure({ rateLimit: { limit: 1, windowMs: 1500, status: 409 } });
    expect((await get()).status).toBe(200);
    const over = await get();
    expect(over.status).toBe(409);
    expect((over.body as ErrorBody)._error.errorCode).toBe('1965');
    expect(over.headers.get('retry-after')).toBe('2');
    expect(over.headers.get('x-ratelimit-window-sec')).toBe('2');

    clock += 60_000;
    started.sim.configure({ rateLimit: { limit: 1, windowMs: 1000 }, rateLimitHeaders: false });
    const admitted = await get();
    expect(admitted.status).toBe(200);
    const quiet = await get();
    expect(quiet.status).toBe(429);
    expect(quiet.headers.get('retry-after')).toBe('1');
    for (const response of [admitted, quiet]) {
      expect([...response.headers.keys()].filter((name) => name.startsWith('x-ratelimit'))).toEqual([]);
    }
  });

  it('errorRate 1: a 5xx before the route, the mutation is not applied', async () => {
    started.sim.configure({ errorRate: 1 });
    const response = await create('fault-modes error-before');
    expect([500, 502, 503]).toContain(response.status);
    expect((response.body as ErrorBody)._error).toMatchObject({ code: response.status, errorCode: '9007' });
    started.sim.configure({ errorRate: undefined });
    expect(await jobNamed('fault-modes error-before')).toEqual([]);
    expect(started.sim.stats()['simulator']).toMatchObject({ injectedErrors: 1 });
    expect(started.sim.requests()[0]).toMatchObject({ status: response.status, fault: 'error' });
  });

  it('errorAfterRate 1: a 5xx after the route, the mutation is applied', async () => {
    started.sim.configure({ errorAfterRate: 1 });
    const response = await create('fault-modes error-after');
    expect([500, 502, 503]).toContain(response.status);
    started.sim.configure({ errorAfterRate: undefined });
    expect((await jobNamed('fault-modes error-after')).map((job) => job.name)).toEqual([
      'fault-modes error-after',
    ]);
    expect(started.sim.requests()[0]).toMatchObject({ status: response.status, fault: 'errorAfter' });
  });

  it('resetRate 1: the socket is reset without an answer, nothing applied', async () => {
    started.sim.configure({ resetRate: 1 });
    await expect(create('fault-modes reset-before')).rejects.toThrow(TypeError);
    await expect(get()).rejects.toThrow(TypeError);
    started.sim.configure({ resetRate: undefined });
    expect(await jobNamed('fault-modes reset-before')).toEqual([]);
    expect(started.sim.stats()['simulator']).toMatchObject({ resets: 2, inFlight: 0 });
    expect(started.sim.requests()[0]).toMatchObject({ status: 0, fault: 'reset' });
  });

  it('resetAfterRate 1 on a create: the socket is reset, the job exists', async () => {
    started.sim.configure({ resetAfterRate: 1 });
    await expect(create('fault-modes reset-after')).rejects.toThrow(TypeError);
    started.sim.configure({ resetAfterRate: undefined });
    expect(await jobNamed('fault-modes reset-after')).toHaveLength(1);
    expect(started.sim.requests()[0]).toMatchObject({ status: 0, fault: 'resetAfter' });
  });

  it('delays the headers by slowHeadersMs and spreads the body over slowBodyMs', async () => {
    started.sim.configure({ slowHeadersMs: 150 });
    let t0 = performance.now();
    let response = await fetch(`${started.url}${PATCHES}`, { headers: { authorization: `Bearer ${token}` } });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    await response.text();

    started.sim.configure({ slowHeadersMs: undefined, slowBodyMs: 200 });
    t0 = performance.now();
    response = await fetch(`${started.url}${PATCHES}`, { headers: { authorization: `Bearer ${token}` } });
    const headersAt = performance.now() - t0;
    const body = await response.text();
    const bodyAt = performance.now() - t0;
    // Headers at once, the body spread over the 200 ms (4 chunks of 50 ms).
    expect(bodyAt - headersAt).toBeGreaterThanOrEqual(120);
    expect(bodyAt).toBeGreaterThanOrEqual(190);
    expect(JSON.parse(body)).toHaveLength(2);
  });

  it('malformedRate 1: a 200 with the JSON body cut short', async () => {
    const whole = (await get()).text;
    started.sim.configure({ malformedRate: 1 });
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(() => JSON.parse(response.text)).toThrow();
    expect(whole.startsWith(response.text)).toBe(true);
    expect(response.text.length).toBeLessThan(whole.length);
    expect(started.sim.stats()['simulator']).toMatchObject({ malformed: 1 });
  });

  it('leaves /auth, /__simulator and explicit faults alone', async () => {
    started.sim.configure({ errorRate: 1, concurrencyLimit: 1, rateLimit: { limit: 1, windowMs: 1000 } });
    for (let i = 0; i < 3; i += 1) {
      const auth = await call(started.url, null, '/auth', {
        body: 'username=simulator&password=simulator&token=true&permissions=true',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(auth.status).toBe(201);
      expect((await call(started.url, null, '/__simulator/requests')).status).toBe(200);
    }
    started.sim.injectFault({ path: '/pm/v1/patches', status: 418, times: 3 });
    expect((await Promise.all([get(), get(), get()])).map((response) => response.status)).toEqual([
      418, 418, 418,
    ]);
    expect(started.sim.stats()['simulator']).toMatchObject({ rejectedRate: 0, injectedErrors: 0 });
  });

  it('is configurable over HTTP with PUT /__simulator/config, and validated', async () => {
    const put = await call(started.url, null, '/__simulator/config', {
      method: 'PUT',
      body: { concurrencyLimit: 3, rateLimit: { limit: 5, windowMs: 1000, status: 409 }, errorRate: 0 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      concurrencyLimit: 3,
      rateLimit: { limit: 5, windowMs: 1000, status: 409 },
      errorRate: 0,
    });
    const cleared = await call(started.url, null, '/__simulator/config', {
      method: 'PUT',
      body: { rateLimit: null, slowBodyMs: 10 },
    });
    expect(cleared.body).toEqual({ concurrencyLimit: 3, errorRate: 0, slowBodyMs: 10 });
    expect((await call(started.url, null, '/__simulator/config')).body).toEqual(cleared.body);
    for (const body of [
      { errorRate: 2 },
      { concurrencyLimit: 0 },
      { rateLimit: { limit: 1 } },
      { typo: 1 },
      [1],
      'x',
    ]) {
      const bad = await call<ErrorBody>(started.url, null, '/__simulator/config', { method: 'PUT', body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body._error.errorCode).toBe('9001');
    }
    expect(() => started.sim.configure({ resetRate: -0.1 })).toThrow(RangeError);
    expect(() => createSimulator({ rateLimit: { limit: 1, windowMs: 0 } })).toThrow(RangeError);
  });

  it('expireTokens: every token issued so far answers 401 JWT expired, new ones work', async () => {
    const old = token;
    started.sim.expireTokens();
    const expired = await get();
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ status: 401, error: 'Unauthorized', message: 'JWT expired' });
    token = started.sim.issueToken('simulator');
    expect((await get()).status).toBe(200);

    expect((await call(started.url, null, '/__simulator/expire-tokens', { method: 'POST' })).status).toBe(
      204,
    );
    expect((await get()).body).toMatchObject({ message: 'JWT expired' });
    expect((await call(started.url, old, PATCHES)).body).toMatchObject({ message: 'JWT expired' });
    const auth = await call(started.url, null, '/auth', {
      body: 'username=simulator&password=simulator&token=true&permissions=true',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(auth.status).toBe(201);
    token = auth.text;
    expect((await get()).status).toBe(200);
  });
});

describe('simulator fault modes determinism', () => {
  const outcomes = async (seed: number): Promise<string[]> => {
    const sim = createSimulator({
      seed,
      fleet: TINY_FLEET,
      tenants: [{ username: 'simulator', password: 'simulator', includeSeedSamples: false }],
      errorRate: 0.25,
      resetRate: 0.15,
      malformedRate: 0.25,
    });
    const { url } = await sim.listen(0);
    const token = sim.issueToken('simulator');
    const seen: string[] = [];
    try {
      for (let i = 0; i < 24; i += 1) {
        try {
          const response = await call(url, token, PATCHES);
          seen.push(response.body === undefined ? `${response.status}-malformed` : String(response.status));
        } catch {
          seen.push('reset');
        }
      }
      expect(sim.requests()).toHaveLength(24);
    } finally {
      await sim.close();
    }
    return seen;
  };

  it('draws the same faults in the same order for the same seed', async () => {
    const first = await outcomes(7);
    expect(await outcomes(7)).toEqual(first);
    // Every kind shows up, and nothing else.
    expect(first).toEqual(expect.arrayContaining(['200', '200-malformed', 'reset']));
    expect(first.some((outcome) => /^50[023]$/.test(outcome))).toBe(true);
    expect(first.every((outcome) => /^(200|200-malformed|reset|50[023])$/.test(outcome))).toBe(true);
    expect(await outcomes(8)).not.toEqual(first);
  });
});
