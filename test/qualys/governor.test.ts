import { errors as undiciErrors } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QualysApi, QualysCallEvent } from '../../src/qualys/api.js';
import { createQualysClient } from '../../src/qualys/client.js';
import { UpstreamGate } from '../../src/qualys/governor.js';
import { BEARER, harness, JSON_HEADERS, type MockHarness, rejectionOf } from './helpers.js';

const JOB_PATH = (id: string) => `/pm/v1/deploymentjob/${id}`;
const JOB_ENDPOINT = 'GET /pm/v1/deploymentjob/{id}';

/** Lets undici's MockAgent (setImmediate, promises; not faked) make progress. */
async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Fake `setTimeout`/`Date` only: MockAgent runs on real `setImmediate` and microtasks. */
function fakeTimers(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

const api = (h: MockHarness, extra: { signal?: AbortSignal; deadline?: number } = {}): QualysApi =>
  h.client.session({ bearerToken: BEARER, ...extra });

describe('UpstreamGate', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('grants slots in arrival order and never more than the cap', async () => {
    const gate = new UpstreamGate(2, undefined);
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const waiting = [0, 1, 2, 3, 4].map((i) =>
      gate.acquire().then((release) => {
        order.push(i);
        releases.push(release);
      }),
    );
    await settle(2);
    expect(order).toEqual([0, 1]);
    expect(gate.active).toBe(2);
    expect(gate.queued).toBe(3);
    releases[0]?.();
    releases[0]?.(); // a second release of the same slot is ignored
    await settle(2);
    expect(order).toEqual([0, 1, 2]);
    expect(gate.active).toBe(2);
    releases[1]?.();
    releases[2]?.();
    await settle(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    for (const release of releases.slice(3)) release();
    await Promise.all(waiting);
    expect(gate.active).toBe(0);
  });

  it('a waiter whose signal aborts leaves the queue at once; the next one moves up', async () => {
    const gate = new UpstreamGate(1, undefined);
    const first = await gate.acquire();
    const controller = new AbortController();
    const abandoned = gate.acquire(controller.signal);
    const next = gate.acquire();
    controller.abort(new Error('gone'));
    await expect(abandoned).rejects.toThrow('gone');
    expect(gate.queued).toBe(1);
    first();
    const release = await next;
    expect(gate.active).toBe(1);
    release();
  });

  it('the rate budget delays the call over budget until the window slides; none is rejected', async () => {
    fakeTimers();
    const gate = new UpstreamGate(Number.POSITIVE_INFINITY, { calls: 2, windowMs: 1_000 });
    const granted: number[] = [];
    for (const i of [0, 1, 2]) {
      void gate.acquire().then((release) => {
        granted.push(i);
        release();
      });
    }
    await settle(2);
    expect(granted).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(999);
    expect(granted).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual([0, 1, 2]);
  });
});

describe('Qualys client concurrency cap', () => {
  it('10 concurrent calls with concurrency 2: never more than 2 in flight, all succeed, sent in FIFO order', async () => {
    const h = harness({ concurrency: 2 });
    let completed = 0;
    let maxInFlight = 0;
    const ids = Array.from({ length: 10 }, (_, i) => `j-${i}`);
    for (const id of ids) {
      h.pool
        .intercept({ method: 'GET', path: JOB_PATH(id) })
        .reply(200, () => {
          // Called when the delayed reply is delivered: calls dispatched so far minus those finished.
          maxInFlight = Math.max(maxInFlight, h.calls().length - completed);
          completed += 1;
          return JSON.stringify({ id });
        })
        .delay(10);
    }
    const results = await Promise.all(ids.map((id) => api(h).getDeploymentJob(id)));
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(maxInFlight).toBe(2);
    expect(h.calls().map((c) => c.path)).toEqual(ids.map(JOB_PATH));
    await h.finish();
  });

  it('a queued call whose signal aborts fails with QUALYS_ABORTED and sends no request', async () => {
    const h = harness({ concurrency: 1 });
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH('j-1') })
      .reply(200, { id: 'j-1' })
      .delay(30);
    const controller = new AbortController();
    const first = api(h).getDeploymentJob('j-1');
    const queued = rejectionOf(api(h, { signal: controller.signal }).getDeploymentJob('j-2'));
    await settle(2);
    controller.abort();
    const err = await queued;
    expect(err).toMatchObject({ code: 'QUALYS_ABORTED', endpoint: JOB_ENDPOINT });
    expect(err.message).toBe(
      'The Qualys call was cancelled by the caller while queued (GET /pm/v1/deploymentjob/{id})',
    );
    expect((await first).id).toBe('j-1');
    expect(h.calls().map((c) => c.path)).toEqual([JOB_PATH('j-1')]);
    expect(h.events.map((e) => e.path)).toEqual([JOB_PATH('j-1')]);
    await h.finish();
  });

  it('a queued call leaves the queue when the session deadline passes (QUALYS_ABORTED, no request)', async () => {
    const h = harness({ concurrency: 1 });
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH('j-1') })
      .reply(200, { id: 'j-1' })
      .delay(60);
    const first = api(h).getDeploymentJob('j-1');
    const err = await rejectionOf(api(h, { deadline: Date.now() + 15 }).getDeploymentJob('j-2'));
    expect(err).toMatchObject({ code: 'QUALYS_ABORTED' });
    await first;
    expect(h.calls()).toHaveLength(1);
    await h.finish();
  });

  it('onCall events carry attempt and queuedMs; the session onCall sees its own calls only', async () => {
    const h = harness({ concurrency: 1 });
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH('j-1') })
      .reply(200, { id: 'j-1' })
      .delay(25);
    h.pool.intercept({ method: 'GET', path: JOB_PATH('j-2') }).reply(200, { id: 'j-2' });
    const mine: QualysCallEvent[] = [];
    await Promise.all([
      api(h).getDeploymentJob('j-1'),
      h.client.session({ bearerToken: BEARER, onCall: (e) => mine.push(e) }).getDeploymentJob('j-2'),
    ]);
    expect(h.events).toHaveLength(2);
    expect(mine).toEqual([h.events[1]]);
    expect(h.events[0]).toMatchObject({ path: JOB_PATH('j-1'), attempt: 1 });
    expect(h.events[0]?.queuedMs).toBeLessThan(20);
    expect(mine[0]).toMatchObject({ path: JOB_PATH('j-2'), attempt: 1, status: 200, errorCode: null });
    expect(mine[0]?.queuedMs).toBeGreaterThanOrEqual(15);
    await h.finish();
  });

  it('concurrency 0 or Infinity is unlimited; bad governor options throw RangeError', async () => {
    for (const concurrency of [0, Number.POSITIVE_INFINITY]) {
      const h = harness({ concurrency });
      let maxInFlight = 0;
      let completed = 0;
      for (let i = 0; i < 5; i++) {
        h.pool
          .intercept({ method: 'GET', path: JOB_PATH(`j-${i}`) })
          .reply(200, () => {
            maxInFlight = Math.max(maxInFlight, h.calls().length - completed);
            completed += 1;
            return JSON.stringify({ id: 'x' });
          })
          .delay(10);
      }
      await Promise.all([0, 1, 2, 3, 4].map((i) => api(h).getDeploymentJob(`j-${i}`)));
      expect(maxInFlight).toBe(5);
      await h.finish();
    }
    const base = { baseUrl: 'https://gateway.qg2.apps.qualys.com' };
    for (const bad of [
      { concurrency: -1 },
      { concurrency: 1.5 },
      { rateLimit: { calls: 0, windowMs: 1000 } },
      { rateLimit: { calls: 1, windowMs: 0 } },
      { retry: { maxAttempts: 0 } },
      { retry: { baseDelayMs: -1 } },
      { circuitBreaker: { failureThreshold: 0 } },
      { circuitBreaker: { halfOpenAfterMs: 0 } },
    ]) {
      expect(() => createQualysClient({ ...base, ...bad }), JSON.stringify(bad)).toThrow(RangeError);
    }
  });
});

describe('Qualys client rate budget', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('N+1 calls in a window: the last waits until the window slides, none is rejected', async () => {
    fakeTimers();
    const h = harness({ concurrency: 0, rateLimit: { calls: 3, windowMs: 60_000 } });
    for (let i = 0; i < 4; i++) {
      h.pool.intercept({ method: 'GET', path: JOB_PATH(`j-${i}`) }).reply(200, { id: `j-${i}` });
    }
    const results = [0, 1, 2, 3].map((i) => api(h).getDeploymentJob(`j-${i}`));
    await settle();
    expect(h.calls()).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(59_999);
    await settle();
    expect(h.calls()).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(h.calls()).toHaveLength(4);
    expect((await Promise.all(results)).map((r) => r.id)).toEqual(['j-0', 'j-1', 'j-2', 'j-3']);
    expect(h.events[3]?.queuedMs).toBeGreaterThanOrEqual(0);
    await h.finish();
  });
});

describe('Qualys client retries', () => {
  let h: MockHarness;
  beforeEach(() => {
    fakeTimers();
    // Full jitter draws Math.random(): 0.5 makes the backoff half of its ceiling (100 ms, 200 ms, ...).
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    h = harness();
  });
  afterEach(async () => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    await h.finish();
  });

  const job = (status: number, headers: Record<string, string> = {}) =>
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH('j-1') })
      .reply(status, JSON.stringify(status === 200 ? { id: 'j-1' } : { message: 'busy' }), {
        headers: { ...JSON_HEADERS, ...headers },
      });

  /** Starts a call and advances fake time in steps until it settles; returns its outcome. */
  async function run<T>(
    promise: Promise<T>,
    stepMs = 50,
    maxMs = 60_000,
  ): Promise<{ value?: T; error?: Error }> {
    let outcome: { value?: T; error?: Error } | undefined;
    promise.then(
      (value) => {
        outcome = { value };
      },
      (error: Error) => {
        outcome = { error };
      },
    );
    for (let t = 0; t <= maxMs && outcome === undefined; t += stepMs) {
      await settle(3);
      if (outcome === undefined) await vi.advanceTimersByTimeAsync(stepMs);
    }
    await settle(3);
    if (!outcome) throw new Error('the call did not settle');
    return outcome;
  }

  it('503 then 200: succeeds with 2 attempts, both reported with their attempt number', async () => {
    job(503);
    job(200);
    const { value } = await run(api(h).getDeploymentJob('j-1'));
    expect(value?.id).toBe('j-1');
    expect(h.calls()).toHaveLength(2);
    expect(h.events.map((e) => [e.attempt, e.status, e.errorCode])).toEqual([
      [1, 503, 'QUALYS_HTTP_STATUS'],
      [2, 200, null],
    ]);
  });

  it('429 with Retry-After: 2 waits 2 s, then succeeds', async () => {
    job(429, { 'retry-after': '2' });
    job(200);
    const pending = api(h).getDeploymentJob('j-1');
    await settle();
    expect(h.calls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_999);
    await settle();
    expect(h.calls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(h.calls()).toHaveLength(2);
    expect((await pending).id).toBe('j-1');
  });

  it('429 with a Retry-After HTTP date waits until that date', async () => {
    job(429, { 'retry-after': new Date(Date.now() + 3_000).toUTCString() });
    job(200);
    const pending = api(h).getDeploymentJob('j-1');
    await settle();
    await vi.advanceTimersByTimeAsync(2_000);
    await settle();
    expect(h.calls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect((await pending).id).toBe('j-1');
    expect(h.calls()).toHaveLength(2);
  });

  it('X-RateLimit-ToWait-Sec is honoured', async () => {
    job(429, { 'x-ratelimit-towait-sec': '3' });
    job(200);
    const pending = api(h).getDeploymentJob('j-1');
    await settle();
    await vi.advanceTimersByTimeAsync(2_999);
    await settle();
    expect(h.calls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect((await pending).id).toBe('j-1');
  });

  it('a 409 (concurrency limit) without headers is retried after the backoff', async () => {
    job(409);
    job(200);
    const pending = api(h).getDeploymentJob('j-1');
    await settle();
    await vi.advanceTimersByTimeAsync(99);
    await settle();
    expect(h.calls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect((await pending).id).toBe('j-1');
    expect(h.calls()).toHaveLength(2);
  });

  it('a reset connection is retried for a GET and for a read-only POST', async () => {
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH('j-1') })
      .replyWithError(new undiciErrors.SocketError('other side closed'));
    job(200);
    h.pool
      .intercept({ method: 'POST', path: '/pm/v1/vulnerabilities' })
      .replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    h.pool.intercept({ method: 'POST', path: '/pm/v1/vulnerabilities' }).reply(200, []);
    expect((await run(api(h).getDeploymentJob('j-1'))).value?.id).toBe('j-1');
    expect((await run(api(h).getVulnerabilities([1]))).value).toEqual([]);
    expect(h.events.map((e) => [e.endpoint, e.attempt, e.errorCode])).toEqual([
      [JOB_ENDPOINT, 1, 'QUALYS_NETWORK'],
      [JOB_ENDPOINT, 2, null],
      ['POST /pm/v1/vulnerabilities', 1, 'QUALYS_NETWORK'],
      ['POST /pm/v1/vulnerabilities', 2, null],
    ]);
  });

  it('a per-attempt timeout is retried; each attempt has its own timeoutMs', async () => {
    await h.finish();
    vi.useRealTimers();
    h = harness({ timeoutMs: 20, retry: { baseDelayMs: 1 } });
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH('j-1') })
      .reply(200, { id: 'j-1' })
      .delay(500);
    job(200);
    expect((await api(h).getDeploymentJob('j-1')).id).toBe('j-1');
    expect(h.events.map((e) => e.errorCode)).toEqual(['QUALYS_TIMEOUT', null]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    job(500);
    job(502);
    job(503);
    const { error } = await run(api(h).getDeploymentJob('j-1'));
    expect(error).toMatchObject({ code: 'QUALYS_HTTP_STATUS', status: 503, endpoint: JOB_ENDPOINT });
    expect(h.calls()).toHaveLength(3);
    expect(h.events.map((e) => e.attempt)).toEqual([1, 2, 3]);
  });

  it.each([400, 404, 401, 403])('never retries a %i', async (status) => {
    job(status);
    const { error } = await run(api(h).getDeploymentJob('j-1'));
    expect(error).toHaveProperty('code');
    expect(h.calls()).toHaveLength(1);
  });

  it('a Retry-After beyond maxRetryAfterMs fails at once with QUALYS_RATE_LIMITED and retryAfterMs', async () => {
    job(429, { 'retry-after': '3600' });
    const { error } = await run(api(h).getDeploymentJob('j-1'));
    expect(error).toMatchObject({ code: 'QUALYS_RATE_LIMITED', retryAfterMs: 3_600_000 });
    expect(h.calls()).toHaveLength(1);
  });

  it('a long Retry-After pauses every caller: the next call fails at once, unsent, with the time left', async () => {
    job(429, { 'retry-after': '3600' });
    await run(api(h).getDeploymentJob('j-1'));
    const { error } = await run(api(h).getDeploymentJob('j-1'));
    expect(error).toMatchObject({ code: 'QUALYS_RATE_LIMITED', requestSent: false });
    expect((error as unknown as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(3_500_000);
    expect(h.calls()).toHaveLength(1);
  });

  it('a short Retry-After holds back other callers too, until it ends', async () => {
    job(429, { 'retry-after': '2' });
    job(200);
    job(200);
    const first = api(h).getDeploymentJob('j-1');
    await settle();
    const other = api(h).getDeploymentJob('j-1');
    await settle();
    await vi.advanceTimersByTimeAsync(1_900);
    await settle();
    expect(h.calls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await settle(3);
    await Promise.all([first, other]);
    expect(h.calls()).toHaveLength(3);
  });

  it('no retry starts when its wait would end after the session deadline: the last error is returned', async () => {
    job(429, { 'retry-after': '2' });
    const { error } = await run(api(h, { deadline: Date.now() + 1_500 }).getDeploymentJob('j-1'));
    expect(error).toMatchObject({ code: 'QUALYS_RATE_LIMITED', retryAfterMs: 2_000 });
    expect(h.calls()).toHaveLength(1);
  });

  it('an abort during the backoff stops the retries with QUALYS_ABORTED', async () => {
    job(429, { 'retry-after': '5' });
    const controller = new AbortController();
    const pending = rejectionOf(api(h, { signal: controller.signal }).getDeploymentJob('j-1'));
    await settle();
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    const err = await pending;
    expect(err).toMatchObject({ code: 'QUALYS_ABORTED', endpoint: JOB_ENDPOINT });
    expect(err.message).toContain('while waiting to retry');
    expect(h.calls()).toHaveLength(1);
  });

  it('never retries a job mutation: exactly one request on 503, 429 (Retry-After 0) and a reset', async () => {
    // 14 of the 21 failures (5xx, resets) count for the breaker: keep it out of the way here.
    await h.finish();
    h = harness({ circuitBreaker: { failureThreshold: 1_000 } });
    const mutations: {
      method: 'POST' | 'PATCH' | 'DELETE';
      path: string;
      call: (a: QualysApi) => Promise<unknown>;
    }[] = [
      { method: 'POST', path: '/pm/v2/deploymentjob', call: (a) => a.createPatchJob({ name: 'n' }) },
      {
        method: 'PATCH',
        path: '/pm/v2/deploymentjob/update/j-1',
        call: (a) => a.updatePatchJob('j-1', { name: 'n' }),
      },
      { method: 'POST', path: '/mtg/v2/deploymentjob', call: (a) => a.createMitigationJob({ name: 'n' }) },
      {
        method: 'PATCH',
        path: '/mtg/v2/deploymentjob/j-1',
        call: (a) => a.updateMitigationJob('j-1', { name: 'n' }),
      },
      {
        method: 'POST',
        path: '/pm/v1/deploymentjobs/update/status/Enabled',
        call: (a) => a.setPatchJobsStatus('Enabled', ['j-1']),
      },
      {
        method: 'POST',
        path: '/mtg/v1/deploymentjobs/update/status/Disabled',
        call: (a) => a.setMitigationJobsStatus('Disabled', ['j-1']),
      },
      { method: 'DELETE', path: '/pm/v1/deploymentjobs', call: (a) => a.deletePatchJobs(['j-1']) },
    ];
    for (const m of mutations) {
      for (const failure of ['503', '429', 'reset'] as const) {
        const before = h.calls().length;
        const scope = h.pool.intercept({ method: m.method, path: m.path });
        if (failure === 'reset') scope.replyWithError(new undiciErrors.SocketError('other side closed'));
        else scope.reply(Number(failure), '{}', { headers: { 'retry-after': '0' } });
        const { error } = await run(m.call(api(h)));
        const expected = {
          '503': 'QUALYS_HTTP_STATUS',
          '429': 'QUALYS_RATE_LIMITED',
          reset: 'QUALYS_NETWORK',
        };
        expect(error, `${m.path} ${failure}`).toMatchObject({ code: expected[failure] });
        if (failure === '429') expect(error).toMatchObject({ retryAfterMs: 0 });
        expect(h.calls().length - before, `${m.path} ${failure}`).toBe(1);
      }
    }
  });
});

describe('Qualys client circuit breaker', () => {
  let h: MockHarness;
  beforeEach(() => {
    fakeTimers();
    h = harness({ retry: { maxAttempts: 1 } });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await h.finish();
  });

  const job = (status: number) =>
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH('j-1') })
      .reply(status, status === 200 ? { id: 'j-1' } : '{}');
  const call = () => rejectionOf(api(h).getDeploymentJob('j-1'));

  it('5 consecutive 5xx open it: QUALYS_CIRCUIT_OPEN without a request; half-open after 10 s; a success closes it', async () => {
    for (let i = 0; i < 5; i++) job(503);
    for (let i = 0; i < 5; i++) expect(await call()).toMatchObject({ code: 'QUALYS_HTTP_STATUS' });
    const open = await call();
    expect(open).toMatchObject({
      code: 'QUALYS_CIRCUIT_OPEN',
      endpoint: JOB_ENDPOINT,
      name: 'QualysCircuitOpenError',
    });
    expect(h.calls()).toHaveLength(5);
    expect(h.events).toHaveLength(5);
    // Mutations fail fast too.
    expect(await rejectionOf(api(h).deletePatchJobs(['j-1']))).toMatchObject({ code: 'QUALYS_CIRCUIT_OPEN' });

    await vi.advanceTimersByTimeAsync(9_999);
    expect(await call()).toMatchObject({ code: 'QUALYS_CIRCUIT_OPEN' });
    await vi.advanceTimersByTimeAsync(1);
    job(200);
    expect((await api(h).getDeploymentJob('j-1')).id).toBe('j-1');
    job(200);
    expect((await api(h).getDeploymentJob('j-1')).id).toBe('j-1');
    expect(h.calls()).toHaveLength(7);
  });

  it('a failed trial call opens it again', async () => {
    for (let i = 0; i < 5; i++) job(500);
    for (let i = 0; i < 5; i++) await call();
    await vi.advanceTimersByTimeAsync(10_000);
    job(502);
    expect(await call()).toMatchObject({ code: 'QUALYS_HTTP_STATUS', status: 502 });
    expect(await call()).toMatchObject({ code: 'QUALYS_CIRCUIT_OPEN' });
    expect(h.calls()).toHaveLength(6);
  });

  it('4xx, 404, 409 and 429 do not count', async () => {
    for (const status of [400, 404, 409, 429, 400, 404, 409, 429]) job(status);
    for (let i = 0; i < 8; i++) expect((await call())['code']).not.toBe('QUALYS_CIRCUIT_OPEN');
    job(200);
    expect((await api(h).getDeploymentJob('j-1')).id).toBe('j-1');
    expect(h.calls()).toHaveLength(9);
  });

  it('a success resets the count of consecutive failures', async () => {
    for (const status of [503, 503, 503, 503, 200, 503, 503, 503, 503, 200]) job(status);
    for (let i = 0; i < 10; i++)
      await api(h)
        .getDeploymentJob('j-1')
        .catch(() => undefined);
    expect(h.calls()).toHaveLength(10);
  });
});

describe('Qualys client circuit breaker: counts calls, not attempts', () => {
  it('failed attempts a retry recovers from never open it; calls that exhaust their retries do', async () => {
    const h = harness({ retry: { maxAttempts: 3, baseDelayMs: 1 }, circuitBreaker: { failureThreshold: 2 } });
    const reply = (status: number) =>
      h.pool
        .intercept({ method: 'GET', path: JOB_PATH('j-1') })
        .reply(status, status === 200 ? { id: 'j-1' } : '{}');
    // Two calls, each recovering on its third attempt: 4 failed attempts, 0 failed calls.
    for (const status of [503, 503, 200, 503, 503, 200]) reply(status);
    expect((await api(h).getDeploymentJob('j-1')).id).toBe('j-1');
    expect((await api(h).getDeploymentJob('j-1')).id).toBe('j-1');
    // Two calls failing all three attempts: the second failed call opens the circuit.
    for (let i = 0; i < 6; i++) reply(503);
    expect(await rejectionOf(api(h).getDeploymentJob('j-1'))).toMatchObject({ code: 'QUALYS_HTTP_STATUS' });
    expect(await rejectionOf(api(h).getDeploymentJob('j-1'))).toMatchObject({ code: 'QUALYS_HTTP_STATUS' });
    expect(await rejectionOf(api(h).getDeploymentJob('j-1'))).toMatchObject({ code: 'QUALYS_CIRCUIT_OPEN' });
    expect(h.calls()).toHaveLength(12);
    await h.finish();
  });
});

describe('governor: no secrets in messages, logs or onCall events', () => {
  it('retries, throttling, queue aborts and an open circuit never expose the token', async () => {
    // One failed call (three failed attempts) opens a breaker with a threshold of 1.
    // The 429 pauses its client for 600 s, so it gets a client of its own.
    const throttled = harness({ concurrency: 1 });
    const h = harness({ concurrency: 1, retry: { baseDelayMs: 1 }, circuitBreaker: { failureThreshold: 1 } });
    const errors: Error[] = [];
    const collect = (p: Promise<unknown>) => p.catch((err: Error) => errors.push(err));
    const echo = JSON.stringify({ _error: { code: 429, message: `token ${BEARER} throttled` } });
    throttled.pool
      .intercept({ method: 'GET', path: JOB_PATH('j-1') })
      .reply(429, echo, { headers: { 'retry-after': '600' } });
    await collect(api(throttled).getDeploymentJob('j-1'));
    for (let i = 0; i < 3; i++) {
      h.pool
        .intercept({ method: 'GET', path: JOB_PATH('j-2') })
        .replyWithError(new Error(`socket died ${BEARER}`));
    }
    await collect(api(h).getDeploymentJob('j-2'));
    await collect(api(h).getDeploymentJob('j-3'));
    await collect(api(h, { signal: AbortSignal.abort(new Error(BEARER)) }).getDeploymentJob('j-4'));
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual([
      'QUALYS_RATE_LIMITED',
      'QUALYS_NETWORK',
      'QUALYS_CIRCUIT_OPEN',
      'QUALYS_ABORTED',
    ]);
    const visible = [
      ...errors.map((e) => `${e.name} ${e.message} ${JSON.stringify({ ...e })}`),
      JSON.stringify([h.logs, throttled.logs]),
      JSON.stringify([h.events, throttled.events]),
    ].join('\n');
    expect(visible).not.toContain(BEARER);
    await h.finish();
    await throttled.finish();
  });
});
