import { createServer } from 'node:net';
import { errors as undiciErrors } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQualysClient } from '../../src/qualys/client.js';
import {
  QualysBadPayloadError,
  QualysError,
  QualysHttpError,
  QualysNetworkError,
  QualysNotFoundError,
  QualysRateLimitedError,
  QualysTimeoutError,
  QualysUnauthorizedError,
} from '../../src/qualys/errors.js';
import { findSeedSample } from '../../src/simulator/seed-data/index.js';
import { BEARER, harness, type MockHarness, rejectionOf } from './helpers.js';

const JOB = 'j-1';
const JOB_PATH = `/pm/v1/deploymentjob/${JOB}`;
const JOB_ENDPOINT = 'GET /pm/v1/deploymentjob/{id}';
const NOW = Date.UTC(2026, 1, 9, 12, 0, 0);

describe('Qualys error mapping', () => {
  let h: MockHarness;
  beforeEach(() => {
    // One answer per call: this suite maps single answers; retries are covered in governor.test.ts.
    h = harness({ now: () => NOW, retry: { maxAttempts: 1 } });
  });
  afterEach(async () => {
    await h.finish();
  });

  const api = () => h.client.session({ bearerToken: BEARER });
  const getJob = () => rejectionOf(api().getDeploymentJob(JOB));
  const replyJob = (status: number, body: unknown, headers?: Record<string, string>) =>
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH })
      .reply(status, typeof body === 'string' ? body : JSON.stringify(body), headers ? { headers } : {});

  it.each([401, 403])('HTTP %i -> QualysUnauthorizedError QUALYS_UNAUTHORIZED', async (status) => {
    replyJob(status, { status, error: 'Unauthorized', message: 'JWT expired' });
    const err = await getJob();
    expect(err).toBeInstanceOf(QualysUnauthorizedError);
    expect(err).toMatchObject({ code: 'QUALYS_UNAUTHORIZED', status, endpoint: JOB_ENDPOINT });
    expect(h.events).toEqual([expect.objectContaining({ status, errorCode: 'QUALYS_UNAUTHORIZED' })]);
  });

  it('HTTP 404 -> QualysNotFoundError QUALYS_NOT_FOUND', async () => {
    replyJob(404, '');
    const err = await getJob();
    expect(err).toBeInstanceOf(QualysNotFoundError);
    expect(err).toMatchObject({ code: 'QUALYS_NOT_FOUND', status: 404, endpoint: JOB_ENDPOINT });
    expect(err.message).toBe('Qualys has no such resource (GET /pm/v1/deploymentjob/{id})');
  });

  it('an _error envelope with code 404 -> QUALYS_NOT_FOUND, on a 400 and on a 200', async () => {
    const envelope = { _error: { code: 404, errorCode: '1404', message: 'Job not found' } };
    replyJob(400, envelope);
    replyJob(200, envelope);
    expect(await getJob()).toMatchObject({ code: 'QUALYS_NOT_FOUND', status: 400, qualysErrorCode: '1404' });
    expect(await getJob()).toMatchObject({ code: 'QUALYS_NOT_FOUND', status: 200, qualysErrorCode: '1404' });
  });

  it('HTTP 400 with _error "2435" -> QUALYS_BAD_REQUEST keeping Qualys\' message (seed 003)', async () => {
    const sample = findSeedSample('003-coauthor-limit-error.json');
    replyJob(400, sample?.body);
    const err = await getJob();
    expect(err).toBeInstanceOf(QualysHttpError);
    expect(err).toMatchObject({
      code: 'QUALYS_BAD_REQUEST',
      status: 400,
      qualysErrorCode: '2435',
      endpoint: JOB_ENDPOINT,
      message:
        'Qualys rejected the request: Co-author limit exceeded. You can add up to 200 co-authors per job',
    });
  });

  it('truncates a long Qualys message to 300 characters and flattens control characters', async () => {
    replyJob(400, {
      _error: { code: 400, errorCode: '2000', message: `line one\n\tline two ${'x'.repeat(500)}` },
    });
    const err = await getJob();
    const kept = err.message.replace('Qualys rejected the request: ', '');
    expect(kept).toHaveLength(300);
    expect(kept.startsWith('line one line two xxx')).toBe(true);
    expect(kept.endsWith('…')).toBe(true);
  });

  it('a 400 _error without a message names the Qualys error code', async () => {
    replyJob(400, { _error: { errorCode: 2001 } });
    expect(await getJob()).toMatchObject({
      code: 'QUALYS_BAD_REQUEST',
      qualysErrorCode: '2001',
      message: 'Qualys rejected the request (error 2001, GET /pm/v1/deploymentjob/{id})',
    });
  });

  it('_error.errorCode "2501" -> QUALYS_RECORD_CAP, on a 400 and on a 200', async () => {
    h.pool
      .intercept({
        method: 'GET',
        path: '/pm/v1/deploymentjobs',
        query: { platform: 'Windows', pageNumber: '1000' },
      })
      .reply(400, { _error: { code: 400, errorCode: '2501', message: 'Max limit reached' } });
    h.pool
      .intercept({
        method: 'GET',
        path: '/pm/v1/deploymentjobs',
        query: { platform: 'Windows', pageNumber: '1001' },
      })
      .reply(200, { _error: { errorCode: '2501' } });
    for (const pageNumber of [1000, 1001]) {
      const err = await rejectionOf(api().listDeploymentJobs({ platform: 'Windows', pageNumber }));
      expect(err).toBeInstanceOf(QualysHttpError);
      expect(err).toMatchObject({ code: 'QUALYS_RECORD_CAP', qualysErrorCode: '2501' });
    }
  });

  it('a 200 body that is exactly {"_error":{...}} is an error (QUALYS_BAD_REQUEST by default)', async () => {
    replyJob(200, { _error: { errorCode: '2435', message: 'Co-author limit exceeded.' } });
    expect(await getJob()).toMatchObject({
      code: 'QUALYS_BAD_REQUEST',
      status: 200,
      qualysErrorCode: '2435',
      message: 'Qualys rejected the request: Co-author limit exceeded.',
    });
  });

  it('a 200 body with _error beside other fields is data, not an error', async () => {
    replyJob(200, { id: JOB, _error: { errorCode: '1' } });
    expect((await api().getDeploymentJob(JOB)).id).toBe(JOB);
  });

  it.each([
    [429, { 'retry-after': '7' }, 7000],
    [409, { 'retry-after': '1.5' }, 1500],
    [429, { 'retry-after': new Date(NOW + 30_000).toUTCString() }, 30_000],
    [429, { 'retry-after': new Date(NOW - 30_000).toUTCString() }, 0],
    [429, { 'x-ratelimit-towait-sec': '3' }, 3000],
    [409, {}, undefined],
  ])('HTTP %i with %j -> QUALYS_RATE_LIMITED, retryAfterMs %s', async (status, headers, retryAfterMs) => {
    replyJob(status, '', headers);
    const err = await getJob();
    expect(err).toBeInstanceOf(QualysRateLimitedError);
    expect(err).toMatchObject({ code: 'QUALYS_RATE_LIMITED', status, retryAfterMs });
  });

  it.each([
    [500, '{"status":500,"error":"Internal Server Error"}'],
    [502, '<html><body>Bad gateway</body></html>'],
    [400, '{"message":"no envelope"}'],
    [418, ''],
  ])('HTTP %i without a specific meaning -> QUALYS_HTTP_STATUS', async (status, body) => {
    replyJob(status, body);
    const err = await getJob();
    expect(err).toBeInstanceOf(QualysHttpError);
    expect(err).toMatchObject({ code: 'QUALYS_HTTP_STATUS', status });
    expect(err.message).toBe(`Qualys answered HTTP ${status} (GET /pm/v1/deploymentjob/{id})`);
    expect(err.message).not.toContain(body === '' ? '\u0000' : body);
  });

  it('malformed JSON -> QUALYS_BAD_PAYLOAD naming the endpoint only; the body is not logged', async () => {
    replyJob(200, '{"id": "j-1", "name": SECRET-ISH-BODY');
    const err = await getJob();
    expect(err).toBeInstanceOf(QualysBadPayloadError);
    expect(err).toMatchObject({ code: 'QUALYS_BAD_PAYLOAD', status: 200, endpoint: JOB_ENDPOINT });
    expect(err.message).toBe('Qualys sent an unexpected payload (GET /pm/v1/deploymentjob/{id})');
    const warn = h.logs.find((l) => l.level === 'warn');
    expect(warn?.obj).toMatchObject({ endpoint: JOB_ENDPOINT, status: 200 });
    expect(JSON.stringify(h.logs)).not.toContain('SECRET-ISH-BODY');
    expect(h.events).toEqual([expect.objectContaining({ status: 200, errorCode: 'QUALYS_BAD_PAYLOAD' })]);
  });

  it('schema mismatch -> QUALYS_BAD_PAYLOAD; the prettified zod issues go to logger.warn only', async () => {
    replyJob(200, { id: 42, completionPercent: 'lots' });
    const err = await getJob();
    expect(err).toMatchObject({ code: 'QUALYS_BAD_PAYLOAD', endpoint: JOB_ENDPOINT });
    expect(err.message).toBe('Qualys sent an unexpected payload (GET /pm/v1/deploymentjob/{id})');
    const warn = h.logs.find((l) => l.level === 'warn');
    expect(warn?.obj).toMatchObject({ issues: expect.stringContaining('→ at id') });
    expect(warn?.obj).toMatchObject({ issues: expect.stringContaining('→ at completionPercent') });
    expect(err.message).not.toContain('completionPercent');
  });

  it('an empty body where an object is expected -> QUALYS_BAD_PAYLOAD', async () => {
    replyJob(200, '');
    expect(await getJob()).toMatchObject({ code: 'QUALYS_BAD_PAYLOAD' });
  });

  it('an array where an object is expected, and an object where a list is expected -> QUALYS_BAD_PAYLOAD', async () => {
    replyJob(200, []);
    h.pool
      .intercept({ method: 'GET', path: '/pm/v1/patches', query: { platform: 'Linux' } })
      .reply(200, { id: 'x' });
    expect(await getJob()).toMatchObject({ code: 'QUALYS_BAD_PAYLOAD' });
    expect(await rejectionOf(api().listPatches({ platform: 'Linux' }))).toMatchObject({
      code: 'QUALYS_BAD_PAYLOAD',
    });
  });

  it('network errors (undici SocketError, ECONNRESET) -> QualysNetworkError QUALYS_NETWORK', async () => {
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH })
      .replyWithError(new undiciErrors.SocketError('other side closed'));
    h.pool
      .intercept({ method: 'GET', path: JOB_PATH })
      .replyWithError(Object.assign(new Error('read ECONNRESET 10.0.0.1:443'), { code: 'ECONNRESET' }));

    const first = await getJob();
    expect(first).toBeInstanceOf(QualysNetworkError);
    expect(first).toMatchObject({ code: 'QUALYS_NETWORK', endpoint: JOB_ENDPOINT, status: undefined });
    expect(first.message).toBe('Could not reach Qualys (GET /pm/v1/deploymentjob/{id}): UND_ERR_SOCKET');
    expect(first.cause).toBeInstanceOf(undiciErrors.SocketError);

    const second = await getJob();
    expect(second).toMatchObject({ code: 'QUALYS_NETWORK' });
    expect(second.message).toBe('Could not reach Qualys (GET /pm/v1/deploymentjob/{id}): ECONNRESET');
    expect(second.message).not.toContain('10.0.0.1');
    expect(h.events.map((e) => [e.status, e.errorCode])).toEqual([
      [null, 'QUALYS_NETWORK'],
      [null, 'QUALYS_NETWORK'],
    ]);
  });

  it('every failure is a QualysError with the endpoint template', async () => {
    replyJob(503, '');
    const err = await getJob();
    expect(err).toBeInstanceOf(QualysError);
    expect(err.name).toBe('QualysHttpError');
    expect(err).toMatchObject({ endpoint: JOB_ENDPOINT });
  });
});

describe('Qualys call deadline', () => {
  it('a call slower than timeoutMs -> QualysTimeoutError QUALYS_TIMEOUT', async () => {
    // One attempt: retries of timed-out reads are covered in governor.test.ts.
    const h = harness({ timeoutMs: 25, retry: { maxAttempts: 1 } });
    h.pool.intercept({ method: 'GET', path: JOB_PATH }).reply(200, { id: JOB }).delay(5_000);
    const err = await rejectionOf(h.client.session({ bearerToken: BEARER }).getDeploymentJob(JOB));
    expect(err).toBeInstanceOf(QualysTimeoutError);
    expect(err).toMatchObject({ code: 'QUALYS_TIMEOUT', endpoint: JOB_ENDPOINT });
    expect(err.message).toBe('Qualys did not answer within 25 ms (GET /pm/v1/deploymentjob/{id})');
    expect(h.events).toEqual([expect.objectContaining({ status: null, errorCode: 'QUALYS_TIMEOUT' })]);
    await h.finish();
  });

  it('the session signal aborting mid-call -> QUALYS_ABORTED (not a timeout)', async () => {
    const h = harness();
    h.pool.intercept({ method: 'GET', path: JOB_PATH }).reply(200, { id: JOB }).delay(5_000);
    const controller = new AbortController();
    const pending = rejectionOf(
      h.client.session({ bearerToken: BEARER, signal: controller.signal }).getDeploymentJob(JOB),
    );
    setImmediate(() => controller.abort());
    const err = await pending;
    expect(err).toBeInstanceOf(QualysTimeoutError);
    expect(err).toMatchObject({ code: 'QUALYS_ABORTED', endpoint: JOB_ENDPOINT });
    expect(h.calls()).toHaveLength(1);
    expect(h.events).toEqual([expect.objectContaining({ status: null, errorCode: 'QUALYS_ABORTED' })]);
    await h.finish();
  });

  it('an already aborted session signal -> QUALYS_ABORTED without a request', async () => {
    const h = harness();
    const err = await rejectionOf(
      h.client.session({ bearerToken: BEARER, signal: AbortSignal.abort() }).getDeploymentJob(JOB),
    );
    expect(err).toMatchObject({ code: 'QUALYS_ABORTED' });
    expect(h.calls()).toHaveLength(0);
    expect(h.events).toHaveLength(0);
    await h.finish();
  });

  it('a refused loopback connection -> QUALYS_NETWORK with the client-owned Agent', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const client = createQualysClient({
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 5_000,
      retry: { maxAttempts: 1 },
    });
    const err = await rejectionOf(client.session({ bearerToken: BEARER }).getDeploymentJob(JOB));
    expect(err).toBeInstanceOf(QualysNetworkError);
    expect(err).toMatchObject({ code: 'QUALYS_NETWORK', message: expect.stringContaining('ECONNREFUSED') });
    await client.close();
  });
});
