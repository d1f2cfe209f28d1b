import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorRequestLogEntry } from '../../src/simulator/index.js';
import { call, type ErrorBody, type Started, startSimulator } from './helpers.js';

describe('simulator request log', () => {
  let clock = 1_700_000_000_000;
  let started: Started;
  beforeAll(async () => {
    started = await startSimulator({
      now: () => clock,
      tenants: [{ username: 'simulator', password: 'simulator', includeSeedSamples: false }],
    });
  });
  afterAll(() => started.sim.close());

  it('records every request outside /__simulator in arrival order, and resets', async () => {
    started.sim.resetRequests();
    await call(started.url, started.token, '/pm/v1/patches?platform=Linux&pageSize=3');
    clock += 5;
    await call(started.url, started.token, '/pm/v1/vulnerabilities', { body: { qids: [90007] } });
    await call(started.url, null, '/pm/v1/assets/uuids', { body: [1, 2] });
    await call(started.url, started.token, '/__simulator/requests');
    expect(started.sim.requests()).toEqual([
      {
        method: 'GET',
        path: '/pm/v1/patches',
        query: { platform: 'Linux', pageSize: '3' },
        body: null,
        status: 200,
        tenant: 'simulator',
        startedAt: 1_700_000_000_000,
        durationMs: expect.any(Number),
      },
      {
        method: 'POST',
        path: '/pm/v1/vulnerabilities',
        query: {},
        body: { qids: [90007] },
        status: 200,
        tenant: 'simulator',
        startedAt: 1_700_000_000_005,
        durationMs: expect.any(Number),
      },
      {
        method: 'POST',
        path: '/pm/v1/assets/uuids',
        query: {},
        body: [1, 2],
        status: 401,
        tenant: null,
        startedAt: 1_700_000_000_005,
        durationMs: expect.any(Number),
      },
    ]);
    started.sim.resetRequests();
    expect(started.sim.requests()).toEqual([]);
  });

  it('serves the log over HTTP and resets it with DELETE', async () => {
    started.sim.resetRequests();
    await call(started.url, started.token, '/pm/v1/deploymentjobs?platform=Windows');
    const log = await call<{ requests: SimulatorRequestLogEntry[] }>(
      started.url,
      null,
      '/__simulator/requests',
    );
    expect(log.status).toBe(200);
    expect(log.body.requests.map((entry) => [entry.method, entry.path, entry.status])).toEqual([
      ['GET', '/pm/v1/deploymentjobs', 200],
    ]);
    expect((await call(started.url, null, '/__simulator/requests', { method: 'DELETE' })).status).toBe(204);
    expect(
      (await call<{ requests: unknown[] }>(started.url, null, '/__simulator/requests')).body.requests,
    ).toEqual([]);
    expect((await call<ErrorBody>(started.url, null, '/__simulator/nothing')).body._error.errorCode).toBe(
      '9005',
    );
  });

  it('records requests in arrival order even when a later one answers first', async () => {
    started.sim.resetRequests();
    started.sim.injectFault({ path: '/pm/v1/patches', status: 200, body: [], delayMs: 150, times: 1 });
    const slow = call(started.url, started.token, '/pm/v1/patches');
    while (started.sim.requests().length === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(started.sim.requests()[0]).toMatchObject({
      path: '/pm/v1/patches',
      status: null,
      durationMs: null,
    });
    const fast = await call(started.url, started.token, '/pm/v1/deploymentjobs?platform=Linux');
    expect(fast.status).toBe(200);
    expect(started.sim.requests().map((entry) => [entry.path, entry.status])).toEqual([
      ['/pm/v1/patches', null],
      ['/pm/v1/deploymentjobs', 200],
    ]);
    await slow;
    expect(started.sim.requests().map((entry) => [entry.path, entry.status])).toEqual([
      ['/pm/v1/patches', 200],
      ['/pm/v1/deploymentjobs', 200],
    ]);
  });
});

describe('simulator faults', () => {
  let started: Started;
  beforeAll(async () => {
    started = await startSimulator({
      tenants: [{ username: 'simulator', password: 'simulator', includeSeedSamples: false }],
    });
  });
  afterAll(() => started.sim.close());
  afterEach(() => started.sim.clearFaults());

  const patches = () => call(started.url, started.token, '/pm/v1/patches');

  it('answers instead of the route for the given number of times', async () => {
    started.sim.injectFault({
      path: '/pm/v1/patches',
      status: 429,
      headers: { 'Retry-After': '1' },
      times: 2,
    });
    const first = await patches();
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(first.body).toEqual({
      _error: { code: 429, errorCode: '9007', message: 'Injected fault: HTTP 429' },
    });
    expect((await patches()).status).toBe(429);
    expect((await patches()).status).toBe(200);
  });

  it('matches a RegExp path and a method, first fault first, and can be removed', async () => {
    const remove = started.sim.injectFault({
      method: 'post',
      path: /^\/pm\/v1\/(patchcatalog|vulnerabilities)/,
      status: 503,
      body: { oops: true },
    });
    started.sim.injectFault({ path: /vulnerabilities/, status: 500 });
    const catalog = await call(started.url, started.token, '/pm/v1/patchcatalog/patches', {
      body: { patchUuid: [] },
    });
    expect(catalog.status).toBe(503);
    expect(catalog.body).toEqual({ oops: true });
    expect((await patches()).status).toBe(200);
    remove();
    expect(
      (await call(started.url, started.token, '/pm/v1/vulnerabilities', { body: { qids: [] } })).status,
    ).toBe(500);
    started.sim.clearFaults();
    expect(
      (await call(started.url, started.token, '/pm/v1/vulnerabilities', { body: { qids: [] } })).status,
    ).toBe(200);
  });

  it('sends malformed JSON when asked, before authentication, and logs the faulted request', async () => {
    started.sim.injectFault({
      path: '/pm/v1/patches',
      status: 200,
      body: [{ id: 'a', title: 'b' }],
      malformed: true,
      times: 1,
    });
    started.sim.resetRequests();
    const response = await call(started.url, null, '/pm/v1/patches');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.text).toBe('[{"id":"a","');
    expect(() => JSON.parse(response.text)).toThrow();
    expect(started.sim.requests().map((entry) => entry.status)).toEqual([200]);
  });

  it('is configurable over HTTP, with a path regex, and cleared with DELETE', async () => {
    const added = await call<{ id: number }>(started.url, null, '/__simulator/faults', {
      body: { path: { regex: '^/pm/v1/assets', flags: 'i' }, status: 502, times: 1, delayMs: 5 },
    });
    expect(added.status).toBe(201);
    expect(added.body.id).toEqual(expect.any(Number));
    expect((await call(started.url, started.token, '/pm/v1/assets/uuids', { body: [1] })).status).toBe(502);
    expect((await call(started.url, started.token, '/pm/v1/assets/uuids', { body: [1] })).status).toBe(200);

    await call(started.url, null, '/__simulator/faults', { body: { path: '/pm/v1/patches', status: 500 } });
    expect((await patches()).status).toBe(500);
    expect((await call(started.url, null, '/__simulator/faults', { method: 'DELETE' })).status).toBe(204);
    expect((await patches()).status).toBe(200);

    for (const body of [
      { path: '/x' },
      { path: { regex: '(' }, status: 500 },
      { path: '/x', status: 99 },
      'nope',
    ]) {
      const bad = await call<ErrorBody>(started.url, null, '/__simulator/faults', { body });
      expect(bad.status).toBe(400);
      expect(bad.body._error.errorCode).toBe('9001');
    }
  });

  it('rejects invalid faults given to injectFault', () => {
    expect(() => started.sim.injectFault({ path: '/x', status: 42 })).toThrow(RangeError);
    expect(() => started.sim.injectFault({ path: '/x', status: 500, times: 0 })).toThrow(RangeError);
  });
});

describe('simulator latency', () => {
  let started: Started;
  beforeAll(async () => {
    started = await startSimulator({
      latencyMs: 150,
      jitterMs: 20,
      tenants: [{ username: 'simulator', password: 'simulator', includeSeedSamples: false }],
    });
  });
  afterAll(() => started.sim.close());

  it('delays every answer by latencyMs plus jitter, but not /__simulator', async () => {
    started.sim.resetRequests();
    await Promise.all([
      call(started.url, started.token, '/pm/v1/deploymentjobs?platform=Windows'),
      call(started.url, started.token, '/pm/v1/deploymentjobs?platform=Linux'),
      call(started.url, null, '/pm/v1/patches'),
    ]);
    const durations = started.sim.requests().map((entry) => entry.durationMs ?? 0);
    expect(durations).toHaveLength(3);
    for (const duration of durations) {
      expect(duration).toBeGreaterThanOrEqual(149);
    }
    const t0 = performance.now();
    await call(started.url, null, '/__simulator/requests');
    expect(performance.now() - t0).toBeLessThan(120);
  });
});
