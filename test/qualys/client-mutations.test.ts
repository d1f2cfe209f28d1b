import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors as undiciErrors } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QualysApi, QualysWireObject } from '../../src/qualys/api.js';
import { BULK_NO_RESULT_ERROR, createQualysClient } from '../../src/qualys/client.js';
import {
  QualysBadPayloadError,
  QualysHttpError,
  QualysNetworkError,
  QualysNotFoundError,
  QualysRateLimitedError,
  QualysTimeoutError,
} from '../../src/qualys/errors.js';
import { findSeedSample } from '../../src/simulator/seed-data/index.js';
import { BEARER, harness, JSON_HEADERS, type MockHarness, rejectionOf } from './helpers.js';

/** A seed sample's body, cloned (the fixtures are frozen). */
function seedBody(file: string): QualysWireObject {
  const sample = findSeedSample(file);
  if (!sample) throw new Error(`no seed sample ${file}`);
  return structuredClone(sample.body) as QualysWireObject;
}

const JOB = 'j-1';
const COAUTHOR_MESSAGE = 'Co-author limit exceeded. You can add up to 200 co-authors per job';
const USERNAME = 'svc-pm-user';
const PASSWORD = 'svc-password';
const TOKEN_1 = 'eyJhbGciOiJIUzI1NiJ9.service-token-one.sig1';
const TOKEN_2 = 'eyJhbGciOiJIUzI1NiJ9.service-token-two.sig2';

/** One job mutation: how to call it and what it sends. */
interface Mutation {
  readonly name: string;
  readonly method: 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly endpoint: string;
  /** The exact body sent. */
  readonly body: string;
  /** A success answer and its status. */
  readonly okStatus: number;
  readonly ok: unknown;
  readonly call: (api: QualysApi) => Promise<unknown>;
}

const JOB_BODY: QualysWireObject = { name: 'Weekly patching', platform: 'Windows', coAuthorUserIds: [] };

const MUTATIONS: readonly Mutation[] = [
  {
    name: 'createPatchJob',
    method: 'POST',
    path: '/pm/v2/deploymentjob',
    endpoint: 'POST /pm/v2/deploymentjob',
    body: JSON.stringify(JOB_BODY),
    okStatus: 201,
    ok: { id: JOB },
    call: (api) => api.createPatchJob(JOB_BODY),
  },
  {
    name: 'updatePatchJob',
    method: 'PATCH',
    path: `/pm/v2/deploymentjob/update/${JOB}`,
    endpoint: 'PATCH /pm/v2/deploymentjob/update/{id}',
    body: JSON.stringify(JOB_BODY),
    okStatus: 200,
    ok: { id: JOB },
    call: (api) => api.updatePatchJob(JOB, JOB_BODY),
  },
  {
    name: 'createMitigationJob',
    method: 'POST',
    path: '/mtg/v2/deploymentjob',
    endpoint: 'POST /mtg/v2/deploymentjob',
    body: JSON.stringify(JOB_BODY),
    okStatus: 201,
    ok: { id: JOB },
    call: (api) => api.createMitigationJob(JOB_BODY),
  },
  {
    name: 'updateMitigationJob',
    method: 'PATCH',
    path: `/mtg/v2/deploymentjob/${JOB}`,
    endpoint: 'PATCH /mtg/v2/deploymentjob/{id}',
    body: JSON.stringify(JOB_BODY),
    okStatus: 200,
    ok: { id: JOB },
    call: (api) => api.updateMitigationJob(JOB, JOB_BODY),
  },
  {
    name: 'setPatchJobsStatus',
    method: 'POST',
    path: '/pm/v1/deploymentjobs/update/status/Enabled',
    endpoint: 'POST /pm/v1/deploymentjobs/update/status/{status}',
    body: '{"ids":["j-1"]}',
    okStatus: 200,
    ok: [{ id: JOB, name: 'n', status: 'success' }],
    call: (api) => api.setPatchJobsStatus('Enabled', [JOB]),
  },
  {
    name: 'setMitigationJobsStatus',
    method: 'POST',
    path: '/mtg/v1/deploymentjobs/update/status/Disabled',
    endpoint: 'POST /mtg/v1/deploymentjobs/update/status/{status}',
    body: '{"ids":["j-1"]}',
    okStatus: 200,
    ok: [{ id: JOB, name: 'n', status: 'success' }],
    call: (api) => api.setMitigationJobsStatus('Disabled', [JOB]),
  },
  {
    name: 'deletePatchJobs',
    method: 'DELETE',
    path: '/pm/v1/deploymentjobs',
    endpoint: 'DELETE /pm/v1/deploymentjobs',
    body: '{"ids":["j-1"]}',
    okStatus: 200,
    ok: [{ id: JOB, name: 'n', status: 'success' }],
    call: (api) => api.deletePatchJobs([JOB]),
  },
];

/** The create/update mutations (the first four). */
const JOB_MUTATIONS = MUTATIONS.filter((m) => m.body === JSON.stringify(JOB_BODY));

describe('createQualysClient job mutations', () => {
  let h: MockHarness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(async () => {
    await h.finish();
  });

  const api = () => h.client.session({ bearerToken: BEARER });

  /** The only request the MockAgent saw. */
  function onlyCall() {
    const calls = h.calls();
    expect(calls).toHaveLength(1);
    const call = calls[0];
    if (!call) throw new Error('no call');
    return call;
  }

  describe('raw-wire getters', () => {
    it('getDeploymentJobWire: GET /pm/v1/deploymentjob/{id} answers the object as sent: unknown fields, null lists and key order kept', async () => {
      const id = '16be09aa-5415-4a58-8295-8a4ac8db6f26';
      const sent = seedBody('001-get-linux-job-16be09aa-response.json');
      const extra = { ...sent, futureField: { nested: [1, null] }, approvedPatches: null };
      h.pool
        .intercept({ method: 'GET', path: `/pm/v1/deploymentjob/${id}` })
        .reply(200, JSON.stringify(extra), { headers: JSON_HEADERS });

      const wire = await api().getDeploymentJobWire(id);

      const call = onlyCall();
      expect(call.method).toBe('GET');
      expect(call.body ?? null).toBeNull();
      expect(call.headers).toMatchObject({ accept: 'application/json', authorization: `Bearer ${BEARER}` });
      expect(wire).toStrictEqual(extra);
      expect(Object.keys(wire)).toEqual(Object.keys(extra));
      expect(wire).toMatchObject({ coAuthorUserIds: null, assetTagIds: null, approvedPatches: null });
      expect(wire['futureField']).toEqual({ nested: [1, null] });
      expect(h.events).toEqual([
        {
          endpoint: 'GET /pm/v1/deploymentjob/{id}',
          method: 'GET',
          path: `/pm/v1/deploymentjob/${id}`,
          status: 200,
          durationMs: expect.any(Number),
          attempt: 1,
          queuedMs: expect.any(Number),
          errorCode: null,
        },
      ]);
    });

    it('getMitigationJobWire: GET /mtg/v1/deploymentjob/{id} answers the seed 003 job untouched', async () => {
      const id = '756aa782-8f11-4468-8e68-d1db74c7203e';
      const sent = seedBody('003-get-mtg-job-756aa782-response.json');
      h.pool
        .intercept({ method: 'GET', path: `/mtg/v1/deploymentjob/${id}` })
        .reply(200, JSON.stringify(sent), { headers: JSON_HEADERS });

      const wire = await api().getMitigationJobWire(id);

      onlyCall();
      expect(wire).toStrictEqual(sent);
      // Not normalised: null lists stay null, string numbers stay strings.
      expect(wire).toMatchObject({ matchAllTagIds: null, postDeployActions: null, coAuthorUserIds: null });
      expect(wire['notification']).toMatchObject({ notificationConfigs: { completedPercentage: '80' } });
      expect(h.events[0]?.endpoint).toBe('GET /mtg/v1/deploymentjob/{id}');
    });

    it.each([
      ['an array', '[]'],
      ['a numeric id', '{"id":7,"name":"x"}'],
      ['no id', '{"name":"x"}'],
      ['JSON null', 'null'],
      ['an empty body', ''],
      ['not JSON', '{"id": "j-1",'],
    ])('answers QUALYS_BAD_PAYLOAD for %s', async (_label, body) => {
      h.pool.intercept({ method: 'GET', path: `/pm/v1/deploymentjob/${JOB}` }).reply(200, body);
      const err = await rejectionOf(api().getDeploymentJobWire(JOB));
      expect(err).toBeInstanceOf(QualysBadPayloadError);
      expect(err).toMatchObject({ code: 'QUALYS_BAD_PAYLOAD', endpoint: 'GET /pm/v1/deploymentjob/{id}' });
    });

    it('a 404 is QUALYS_NOT_FOUND; an empty id is QUALYS_NOT_FOUND without a request', async () => {
      h.pool.intercept({ method: 'GET', path: `/mtg/v1/deploymentjob/${JOB}` }).reply(404, '');
      expect(await rejectionOf(api().getMitigationJobWire(JOB))).toBeInstanceOf(QualysNotFoundError);
      expect(await rejectionOf(api().getDeploymentJobWire(''))).toMatchObject({ code: 'QUALYS_NOT_FOUND' });
      expect(h.calls()).toHaveLength(1);
    });
  });

  describe('create and update', () => {
    it('createPatchJob: POST /pm/v2/deploymentjob with the body as JSON; the 201 answer is parsed', async () => {
      const body = seedBody('003-create-windows-job-randomize-request.json');
      const answer = seedBody('003-create-windows-job-randomize-response.json');
      h.pool
        .intercept({
          method: 'POST',
          path: '/pm/v2/deploymentjob',
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        })
        .reply(201, JSON.stringify(answer), { headers: JSON_HEADERS });

      const job = await api().createPatchJob(body);

      const call = onlyCall();
      expect(call.method).toBe('POST');
      expect(call.fullUrl).toBe('https://gateway.qg2.apps.qualys.com/pm/v2/deploymentjob');
      expect(call.headers).toMatchObject({
        accept: 'application/json',
        authorization: `Bearer ${BEARER}`,
        'content-type': 'application/json',
      });
      expect(call.body).toBe(JSON.stringify(body));
      expect(job).toMatchObject({
        id: '32e9a0ab-efb8-45e6-99ba-5f7025bf5a56',
        coAuthorUserIds: [],
        assetTagIds: [],
        downloadRandomizeTimeUnit: 'HOURS',
      });
      expect(h.events).toEqual([
        {
          endpoint: 'POST /pm/v2/deploymentjob',
          method: 'POST',
          path: '/pm/v2/deploymentjob',
          status: 201,
          durationMs: expect.any(Number),
          attempt: 1,
          queuedMs: expect.any(Number),
          errorCode: null,
        },
      ]);
    });

    it('createPatchJob: accepts HTTP 200 as success too', async () => {
      h.pool.intercept({ method: 'POST', path: '/pm/v2/deploymentjob' }).reply(200, { id: JOB, name: 'x' });
      expect(await api().createPatchJob({ name: 'x' })).toMatchObject({ id: JOB, name: 'x' });
    });

    it('updatePatchJob: PATCH /pm/v2/deploymentjob/update/{id} with the read-merge-write body', async () => {
      const id = '0221be68-fa9a-4d06-b6ef-64431a8bcf19';
      const body = seedBody('003-update-job-randomize-request.json');
      h.pool
        .intercept({
          method: 'PATCH',
          path: `/pm/v2/deploymentjob/update/${id}`,
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        })
        .reply(200, JSON.stringify(seedBody('003-update-job-randomize-response.json')), {
          headers: JSON_HEADERS,
        });

      const job = await api().updatePatchJob(id, body);

      const call = onlyCall();
      expect(call.method).toBe('PATCH');
      expect(call.path).toBe(`/pm/v2/deploymentjob/update/${id}`);
      expect(call.headers).toMatchObject({ 'content-type': 'application/json' });
      expect(call.body).toBe(JSON.stringify(body));
      expect(job).toMatchObject({
        id,
        updatedBy: { user: { name: 'username1' }, date: 1769583269312 },
        deletedBy: null,
        remediationQids: [],
      });
      expect(h.events[0]).toMatchObject({
        endpoint: 'PATCH /pm/v2/deploymentjob/update/{id}',
        method: 'PATCH',
        path: `/pm/v2/deploymentjob/update/${id}`,
        status: 200,
      });
    });

    it('createMitigationJob: POST /mtg/v2/deploymentjob with the seed 003 body; 201 with the full job', async () => {
      const body = seedBody('003-create-mtg-ondemand-job-request.json');
      h.pool
        .intercept({
          method: 'POST',
          path: '/mtg/v2/deploymentjob',
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        })
        .reply(201, JSON.stringify(seedBody('003-create-mtg-ondemand-job-response.json')), {
          headers: JSON_HEADERS,
        });

      const job = await api().createMitigationJob(body);

      const call = onlyCall();
      expect(call.method).toBe('POST');
      expect(call.body).toBe(JSON.stringify(body));
      expect(job).toMatchObject({
        id: '756aa782-8f11-4468-8e68-d1db74c7203e',
        subCategory: 'Mitigation',
        assetIds: ['28e69c01-8e59-4520-83da-a934becf9d88'],
        notification: { notificationConfigs: { completedPercentage: 80 } },
      });
      expect(job.preDeployActions.map((a) => a.params?.qid)).toEqual([90007, 90043]);
      expect(h.events[0]).toMatchObject({ endpoint: 'POST /mtg/v2/deploymentjob', status: 201 });
    });

    it('updateMitigationJob: PATCH /mtg/v2/deploymentjob/{id} (no /update/ in the MTG path)', async () => {
      const id = '02afe166-b5fa-4bc2-9b0e-3008a83b69b4';
      const body = seedBody('003-update-mtg-ondemand-job-request.json');
      h.pool
        .intercept({ method: 'PATCH', path: `/mtg/v2/deploymentjob/${id}`, body: JSON.stringify(body) })
        .reply(200, JSON.stringify(seedBody('003-update-mtg-ondemand-job-response.json')), {
          headers: JSON_HEADERS,
        });

      const job = await api().updateMitigationJob(id, body);

      const call = onlyCall();
      expect(call.method).toBe('PATCH');
      expect(call.headers).toMatchObject({ 'content-type': 'application/json' });
      expect(job).toMatchObject({ id, createdBy: null, deletedBy: null });
      expect(h.events[0]).toMatchObject({ endpoint: 'PATCH /mtg/v2/deploymentjob/{id}', method: 'PATCH' });
    });

    it('encodes the path id and answers QUALYS_NOT_FOUND for an empty id without a request', async () => {
      h.pool
        .intercept({ method: 'PATCH', path: '/pm/v2/deploymentjob/update/a%2Fb' })
        .reply(200, { id: 'a/b' });
      expect((await api().updatePatchJob('a/b', {})).id).toBe('a/b');
      expect(await rejectionOf(api().updateMitigationJob('', {}))).toMatchObject({
        code: 'QUALYS_NOT_FOUND',
        endpoint: 'PATCH /mtg/v2/deploymentjob/{id}',
      });
      expect(h.calls()).toHaveLength(1);
    });

    it('an answer without a job id is QUALYS_BAD_PAYLOAD', async () => {
      h.pool.intercept({ method: 'POST', path: '/mtg/v2/deploymentjob' }).reply(201, '');
      h.pool.intercept({ method: 'POST', path: '/mtg/v2/deploymentjob' }).reply(201, { name: 'no id' });
      for (let i = 0; i < 2; i++) {
        expect(await rejectionOf(api().createMitigationJob({}))).toMatchObject({
          code: 'QUALYS_BAD_PAYLOAD',
          endpoint: 'POST /mtg/v2/deploymentjob',
          status: 201,
        });
      }
    });
  });

  describe('error mapping', () => {
    it.each(JOB_MUTATIONS)(
      '$name: _error 400 "2435" -> QUALYS_BAD_REQUEST with Qualys\' message (seed 003)',
      async (m) => {
        h.pool
          .intercept({ method: m.method, path: m.path })
          .reply(400, JSON.stringify(seedBody('003-coauthor-limit-error.json')), { headers: JSON_HEADERS });

        const err = await rejectionOf(m.call(api()));

        expect(err).toBeInstanceOf(QualysHttpError);
        expect(err).toMatchObject({
          code: 'QUALYS_BAD_REQUEST',
          status: 400,
          qualysErrorCode: '2435',
          endpoint: m.endpoint,
          message: `Qualys rejected the request: ${COAUTHOR_MESSAGE}`,
        });
        expect(h.events).toEqual([expect.objectContaining({ status: 400, errorCode: 'QUALYS_BAD_REQUEST' })]);
      },
    );

    it('the seed 003 co-author request: the error carries none of the 200+ co-author ids', async () => {
      const id = '16be09aa-5415-4a58-8295-8a4ac8db6f26';
      const body = seedBody('003-coauthor-limit-request.json');
      h.pool
        .intercept({ method: 'PATCH', path: `/pm/v2/deploymentjob/update/${id}`, body: JSON.stringify(body) })
        .reply(400, JSON.stringify(seedBody('003-coauthor-limit-error.json')));

      const err = await rejectionOf(api().updatePatchJob(id, body));

      expect(err).toMatchObject({ code: 'QUALYS_BAD_REQUEST', qualysErrorCode: '2435' });
      const visible = `${err.message} ${JSON.stringify({ ...err })} ${JSON.stringify(h.logs)}`;
      for (const coAuthor of body['coAuthorUserIds'] as string[]) expect(visible).not.toContain(coAuthor);
      expect(visible).not.toContain('API_notification_deployment_job');
    });

    it.each([
      [404, 'QUALYS_NOT_FOUND', '', QualysNotFoundError],
      [409, 'QUALYS_RATE_LIMITED', '', QualysRateLimitedError],
      [429, 'QUALYS_RATE_LIMITED', '', QualysRateLimitedError],
      [410, 'QUALYS_HTTP_STATUS', '{"message":"v1 retired"}', QualysHttpError],
      [500, 'QUALYS_HTTP_STATUS', '', QualysHttpError],
    ])('HTTP %i -> %s', async (status, code, body, errorClass) => {
      h.pool.intercept({ method: 'PATCH', path: `/pm/v2/deploymentjob/update/${JOB}` }).reply(status, body);
      const err = await rejectionOf(api().updatePatchJob(JOB, JOB_BODY));
      expect(err).toBeInstanceOf(errorClass);
      expect(err).toMatchObject({ code, status, endpoint: 'PATCH /pm/v2/deploymentjob/update/{id}' });
    });

    it('a bare _error envelope with HTTP 200 is an error, also for bulk calls', async () => {
      h.pool
        .intercept({ method: 'POST', path: '/pm/v1/deploymentjobs/update/status/Enabled' })
        .reply(200, { _error: { errorCode: '2000', message: 'Invalid job ids' } });
      expect(await rejectionOf(api().setPatchJobsStatus('Enabled', [JOB]))).toMatchObject({
        code: 'QUALYS_BAD_REQUEST',
        qualysErrorCode: '2000',
        message: 'Qualys rejected the request: Invalid job ids',
        endpoint: 'POST /pm/v1/deploymentjobs/update/status/{status}',
      });
    });

    it('request bodies (names, e-mails, co-author ids) never reach error messages, logs or events', async () => {
      const h2 = harness({ timeoutMs: 50 });
      const body: QualysWireObject = {
        name: 'Secret Job Name',
        coAuthorUserIds: ['coauthor-sentinel-0001'],
        notification: { notificationConfigs: { recipientEmails: 'ceo@example.com' } },
      };
      const path = '/pm/v2/deploymentjob';
      h2.pool.intercept({ method: 'POST', path }).reply(400, { _error: { code: 400, errorCode: '2000' } });
      h2.pool.intercept({ method: 'POST', path }).reply(500, JSON.stringify(body));
      h2.pool.intercept({ method: 'POST', path }).reply(201, { id: 7, ...body });
      h2.pool.intercept({ method: 'POST', path }).reply(201, { id: JOB }).delay(2_000);
      h2.pool.intercept({ method: 'POST', path }).replyWithError(new Error('socket hang up ceo@example.com'));
      const errors: Error[] = [];
      for (let i = 0; i < 5; i++)
        errors.push(await rejectionOf(h2.client.session({ bearerToken: BEARER }).createPatchJob(body)));

      expect(errors.map((e) => (e as { code?: string }).code)).toEqual([
        'QUALYS_BAD_REQUEST',
        'QUALYS_HTTP_STATUS',
        'QUALYS_BAD_PAYLOAD',
        'QUALYS_TIMEOUT',
        'QUALYS_NETWORK',
      ]);
      const visible = [
        ...errors.map((e) => `${e.message} ${JSON.stringify({ ...e })}`),
        JSON.stringify(h2.logs),
        JSON.stringify(h2.events),
      ].join('\n');
      for (const secret of ['Secret Job Name', 'coauthor-sentinel-0001', 'ceo@example.com']) {
        expect(visible).not.toContain(secret);
      }
      await h2.finish();
    });
  });

  describe('bulk calls', () => {
    it('setPatchJobsStatus: POST /pm/v1/deploymentjobs/update/status/Enabled with {"ids":[...]}', async () => {
      h.pool
        .intercept({
          method: 'POST',
          path: '/pm/v1/deploymentjobs/update/status/Enabled',
          body: '{"ids":["j-1","j-2"]}',
          headers: { 'content-type': 'application/json' },
        })
        .reply(200, [
          { id: 'j-1', name: 'Job one', status: 'success' },
          { id: 'j-2', name: 'Job two', status: 'success' },
        ]);

      const results = await api().setPatchJobsStatus('Enabled', ['j-1', 'j-2']);

      const call = onlyCall();
      expect(call.method).toBe('POST');
      expect(call.headers).toMatchObject({ 'content-type': 'application/json', accept: 'application/json' });
      expect(call.body).toBe('{"ids":["j-1","j-2"]}');
      expect(results).toEqual([
        { id: 'j-1', name: 'Job one', success: true, error: null },
        { id: 'j-2', name: 'Job two', success: true, error: null },
      ]);
      expect(h.events).toEqual([
        {
          endpoint: 'POST /pm/v1/deploymentjobs/update/status/{status}',
          method: 'POST',
          path: '/pm/v1/deploymentjobs/update/status/Enabled',
          status: 200,
          durationMs: expect.any(Number),
          attempt: 1,
          queuedMs: expect.any(Number),
          errorCode: null,
        },
      ]);
    });

    it('setMitigationJobsStatus: mixed success and failure with stray spaces is data, not an error (docs/qualys-api.md §12.3)', async () => {
      h.pool
        .intercept({
          method: 'POST',
          path: '/mtg/v1/deploymentjobs/update/status/Disabled',
          body: '{"ids":["m-1","m-2","m-3"]}',
          headers: { 'content-type': 'application/json' },
        })
        .reply(200, [
          { id: ' m-1 ', name: ' Windows_MTG_OnDemand_Job ', status: ' Success ' },
          {
            id: 'm-2 ',
            name: ' MTG_RunOnce_Job',
            status: 'failure ',
            error: ' Non-recurring jobs cannot be disabled once enabled by user ',
          },
          { id: 'm-3', status: 'FAILURE', error: '   ' },
        ]);

      const results = await api().setMitigationJobsStatus('Disabled', ['m-1', 'm-2', 'm-3']);

      expect(results).toEqual([
        { id: 'm-1', name: 'Windows_MTG_OnDemand_Job', success: true, error: null },
        {
          id: 'm-2',
          name: 'MTG_RunOnce_Job',
          success: false,
          error: 'Non-recurring jobs cannot be disabled once enabled by user',
        },
        { id: 'm-3', name: null, success: false, error: null },
      ]);
      expect(h.events[0]).toMatchObject({
        endpoint: 'POST /mtg/v1/deploymentjobs/update/status/{status}',
        status: 200,
        errorCode: null,
      });
    });

    it('deletePatchJobs: DELETE /pm/v1/deploymentjobs with a JSON body {"ids":[...]}', async () => {
      h.pool
        .intercept({
          method: 'DELETE',
          path: '/pm/v1/deploymentjobs',
          body: '{"ids":["j-1","j-2"]}',
          headers: { 'content-type': 'application/json' },
        })
        .reply(200, [
          { id: 'j-1', name: 'Job one', status: 'success' },
          { id: 'j-2', name: 'Job two', status: 'failure', error: 'Job is running' },
        ]);

      const results = await api().deletePatchJobs(['j-1', 'j-2']);

      const call = onlyCall();
      expect(call.method).toBe('DELETE');
      expect(call.fullUrl).toBe('https://gateway.qg2.apps.qualys.com/pm/v1/deploymentjobs');
      expect(call.headers).toMatchObject({ 'content-type': 'application/json' });
      expect(call.body).toBe('{"ids":["j-1","j-2"]}');
      expect(results).toEqual([
        { id: 'j-1', name: 'Job one', success: true, error: null },
        { id: 'j-2', name: 'Job two', success: false, error: 'Job is running' },
      ]);
      expect(h.events).toEqual([
        expect.objectContaining({
          endpoint: 'DELETE /pm/v1/deploymentjobs',
          method: 'DELETE',
          path: '/pm/v1/deploymentjobs',
          status: 200,
        }),
      ]);
    });

    it(`adds a failure "${BULK_NO_RESULT_ERROR}" for every asked id the answer leaves out; keeps unasked items`, async () => {
      h.pool
        .intercept({ method: 'DELETE', path: '/pm/v1/deploymentjobs', body: '{"ids":["a","b","c"]}' })
        .reply(200, [
          { id: 'x', name: 'not asked', status: 'success' },
          { id: 'b', name: 'Bee', status: 'success' },
        ]);

      expect(await api().deletePatchJobs(['a', 'b', 'c'])).toEqual([
        { id: 'x', name: 'not asked', success: true, error: null },
        { id: 'b', name: 'Bee', success: true, error: null },
        { id: 'a', name: null, success: false, error: 'Qualys returned no result for this job' },
        { id: 'c', name: null, success: false, error: 'Qualys returned no result for this job' },
      ]);
    });

    it('an empty body, JSON null or [] answers a failure per asked id', async () => {
      const path = '/pm/v1/deploymentjobs/update/status/Disabled';
      h.pool.intercept({ method: 'POST', path }).reply(200, '');
      h.pool.intercept({ method: 'POST', path }).reply(200, 'null');
      h.pool.intercept({ method: 'POST', path }).reply(200, '[]');
      for (let i = 0; i < 3; i++) {
        expect(await api().setPatchJobsStatus('Disabled', ['j-1'])).toEqual([
          { id: 'j-1', name: null, success: false, error: BULK_NO_RESULT_ERROR },
        ]);
      }
    });

    it('sends duplicate ids once', async () => {
      h.pool
        .intercept({ method: 'DELETE', path: '/pm/v1/deploymentjobs', body: '{"ids":["j-1","j-2"]}' })
        .reply(200, [
          { id: 'j-1', status: 'success' },
          { id: 'j-2', status: 'success' },
        ]);
      expect(await api().deletePatchJobs(['j-1', 'j-2', 'j-1'])).toHaveLength(2);
    });

    it.each([
      ['an object', '{"id":"j-1","status":"success"}'],
      ['an item without status', '[{"id":"j-1"}]'],
      ['an item with a blank id', '[{"id":"  ","status":"success"}]'],
      ['not JSON', '[{'],
    ])('a bulk answer that is %s -> QUALYS_BAD_PAYLOAD', async (_label, body) => {
      h.pool.intercept({ method: 'DELETE', path: '/pm/v1/deploymentjobs' }).reply(200, body);
      expect(await rejectionOf(api().deletePatchJobs([JOB]))).toMatchObject({
        code: 'QUALYS_BAD_PAYLOAD',
        endpoint: 'DELETE /pm/v1/deploymentjobs',
      });
    });
  });

  describe('input checks', () => {
    it('an empty id list answers [] without a request', async () => {
      expect(await api().setPatchJobsStatus('Enabled', [])).toEqual([]);
      expect(await api().setMitigationJobsStatus('Disabled', [])).toEqual([]);
      expect(await api().deletePatchJobs([])).toEqual([]);
      expect(h.calls()).toHaveLength(0);
      expect(h.events).toHaveLength(0);
    });

    it('rejects blank or non-string ids, a non-array, a bad status and a non-object body with RangeError, before any request', async () => {
      // What an untyped caller could pass.
      const loose = api() as unknown as {
        setPatchJobsStatus(status: unknown, ids: unknown): Promise<unknown>;
        setMitigationJobsStatus(status: unknown, ids: unknown): Promise<unknown>;
        createPatchJob(body: unknown): Promise<unknown>;
        createMitigationJob(body: unknown): Promise<unknown>;
        updatePatchJob(id: string, body: unknown): Promise<unknown>;
      };
      const calls: (() => Promise<unknown>)[] = [
        () => api().deletePatchJobs(['j-1', '']),
        () => api().deletePatchJobs(['   ']),
        () => loose.setPatchJobsStatus('Enabled', ['j-1', 7]),
        () => loose.setMitigationJobsStatus('Disabled', 'j-1'),
        () => loose.setPatchJobsStatus('enabled', ['j-1']),
        () => loose.setMitigationJobsStatus('Deleted', []),
        () => loose.createPatchJob(null),
        () => loose.createMitigationJob([{ name: 'x' }]),
        () => loose.updatePatchJob(JOB, 'name=x'),
        () => api().updateMitigationJob(JOB, { count: BigInt(1) }),
      ];
      for (const call of calls) {
        const err = await rejectionOf(call());
        expect(err.constructor).toBe(RangeError);
      }
      expect(h.calls()).toHaveLength(0);
      expect(h.events).toHaveLength(0);
    });
  });
});

/**
 * Closes a harness whose persistent "second answer" interceptors (traps a re-send would hit) were
 * correctly never used; every other interceptor must have been.
 */
async function finishWithTraps(h: MockHarness): Promise<void> {
  try {
    expect(h.agent.pendingInterceptors().filter((i) => !i.persist)).toEqual([]);
  } finally {
    await h.client.close();
    await h.agent.close();
  }
}

describe('job mutations are sent once', () => {
  const FAILURES: readonly {
    readonly label: string;
    readonly code: string;
    readonly errorClass: abstract new (...args: never[]) => Error;
    readonly arm: (scope: ReturnType<MockHarness['pool']['intercept']>, m: Mutation) => void;
  }[] = [
    {
      label: 'HTTP 503',
      code: 'QUALYS_HTTP_STATUS',
      errorClass: QualysHttpError,
      arm: (scope) => {
        scope.reply(503, '').persist();
      },
    },
    {
      label: 'HTTP 502 with an HTML body',
      code: 'QUALYS_HTTP_STATUS',
      errorClass: QualysHttpError,
      arm: (scope) => {
        scope.reply(502, '<html>Bad gateway</html>').persist();
      },
    },
    {
      label: 'a reset connection (ECONNRESET)',
      code: 'QUALYS_NETWORK',
      errorClass: QualysNetworkError,
      arm: (scope) => {
        scope.replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })).persist();
      },
    },
    {
      label: 'a socket closed by the other side (UND_ERR_SOCKET)',
      code: 'QUALYS_NETWORK',
      errorClass: QualysNetworkError,
      arm: (scope) => {
        scope.replyWithError(new undiciErrors.SocketError('other side closed')).persist();
      },
    },
    {
      label: 'a timeout',
      code: 'QUALYS_TIMEOUT',
      errorClass: QualysTimeoutError,
      arm: (scope, m) => {
        scope.reply(m.okStatus, JSON.stringify(m.ok)).delay(2_000).persist();
      },
    },
  ];

  for (const failure of FAILURES) {
    it.each(MUTATIONS)(`$name after ${failure.label}: exactly one request, rejected`, async (m) => {
      const h = harness({ timeoutMs: 25 });
      // Persistent: a second attempt would find an answer, so only the client can prevent it.
      failure.arm(h.pool.intercept({ method: m.method, path: m.path }), m);

      const err = await rejectionOf(m.call(h.client.session({ bearerToken: BEARER })));

      expect(err).toBeInstanceOf(failure.errorClass);
      expect(err).toMatchObject({ code: failure.code, endpoint: m.endpoint });
      await new Promise((resolve) => setImmediate(resolve));
      expect(h.calls()).toHaveLength(1);
      expect(h.calls()[0]?.body).toBe(m.body);
      expect(h.events).toEqual([expect.objectContaining({ endpoint: m.endpoint, errorCode: failure.code })]);
      await finishWithTraps(h);
    });
  }

  it('with service credentials too: a 5xx, a reset or a 409 is not retried (one /auth, one request each)', async () => {
    const h = harness({ credentials: { username: USERNAME, password: PASSWORD } });
    h.pool.intercept({ method: 'POST', path: '/auth' }).reply(201, TOKEN_1);
    const path = '/pm/v2/deploymentjob';
    h.pool.intercept({ method: 'POST', path }).reply(503, '');
    h.pool
      .intercept({ method: 'POST', path })
      .replyWithError(new undiciErrors.SocketError('other side closed'));
    h.pool.intercept({ method: 'POST', path }).reply(409, '');
    h.pool.intercept({ method: 'POST', path }).reply(201, { id: JOB }).persist();
    const api = h.client.session({});

    const codes: unknown[] = [];
    for (let i = 0; i < 3; i++) codes.push((await rejectionOf(api.createPatchJob(JOB_BODY)))['code']);

    expect(codes).toEqual(['QUALYS_HTTP_STATUS', 'QUALYS_NETWORK', 'QUALYS_RATE_LIMITED']);
    expect(h.events.map((e) => [e.endpoint, e.status])).toEqual([
      ['POST /auth', 201],
      ['POST /pm/v2/deploymentjob', 503],
      ['POST /pm/v2/deploymentjob', null],
      ['POST /pm/v2/deploymentjob', 409],
    ]);
    await finishWithTraps(h);
  });

  it.each(MUTATIONS)(
    '$name: a 401 to the service token is refreshed and re-sent once, with the same body',
    async (m) => {
      const h = harness({ credentials: { username: USERNAME, password: PASSWORD } });
      h.pool.intercept({ method: 'POST', path: '/auth' }).reply(201, TOKEN_1);
      h.pool
        .intercept({ method: m.method, path: m.path, headers: { authorization: `Bearer ${TOKEN_1}` } })
        .reply(401, '{"status":401,"error":"Unauthorized","message":"JWT expired"}');
      h.pool.intercept({ method: 'POST', path: '/auth' }).reply(201, TOKEN_2);
      h.pool
        .intercept({ method: m.method, path: m.path, headers: { authorization: `Bearer ${TOKEN_2}` } })
        .reply(m.okStatus, JSON.stringify(m.ok));

      await m.call(h.client.session({}));

      const sent = h.calls().filter((c) => c.path === m.path);
      expect(sent).toHaveLength(2);
      expect(sent.map((c) => c.body)).toEqual([m.body, m.body]);
      expect(sent.map((c) => c.headers?.['authorization'])).toEqual([
        `Bearer ${TOKEN_1}`,
        `Bearer ${TOKEN_2}`,
      ]);
      expect(h.events.map((e) => [e.endpoint, e.status, e.errorCode])).toEqual([
        ['POST /auth', 201, null],
        [m.endpoint, 401, 'QUALYS_UNAUTHORIZED'],
        ['POST /auth', 201, null],
        [m.endpoint, m.okStatus, null],
      ]);
      await finishWithTraps(h);
    },
  );

  it('a second 401 to the service token is final: two requests, no third', async () => {
    const h = harness({ credentials: { username: USERNAME, password: PASSWORD } });
    h.pool.intercept({ method: 'POST', path: '/auth' }).reply(201, TOKEN_1);
    h.pool.intercept({ method: 'POST', path: '/auth' }).reply(201, TOKEN_2);
    h.pool.intercept({ method: 'DELETE', path: '/pm/v1/deploymentjobs' }).reply(401, '').times(2);
    h.pool.intercept({ method: 'DELETE', path: '/pm/v1/deploymentjobs' }).reply(200, '[]').persist();

    const err = await rejectionOf(h.client.session({}).deletePatchJobs([JOB]));

    expect(err).toMatchObject({ code: 'QUALYS_UNAUTHORIZED', status: 401 });
    expect(h.calls().filter((c) => c.method === 'DELETE')).toHaveLength(2);
    await finishWithTraps(h);
  });

  it('a 403 to the service token is not retried', async () => {
    const h = harness({ credentials: { username: USERNAME, password: PASSWORD } });
    h.pool.intercept({ method: 'POST', path: '/auth' }).reply(201, TOKEN_1);
    h.pool.intercept({ method: 'POST', path: '/mtg/v2/deploymentjob' }).reply(403, '');
    h.pool.intercept({ method: 'POST', path: '/mtg/v2/deploymentjob' }).reply(201, { id: JOB }).persist();

    expect(await rejectionOf(h.client.session({}).createMitigationJob(JOB_BODY))).toMatchObject({
      code: 'QUALYS_UNAUTHORIZED',
      status: 403,
    });
    expect(h.calls().filter((c) => c.path === '/mtg/v2/deploymentjob')).toHaveLength(1);
    await finishWithTraps(h);
  });

  it.each(MUTATIONS)('$name: a 401 to a forwarded token is final (one request, no /auth)', async (m) => {
    const h = harness({ credentials: { username: USERNAME, password: PASSWORD } });
    h.pool.intercept({ method: m.method, path: m.path }).reply(401, '{"message":"JWT expired"}');
    h.pool.intercept({ method: m.method, path: m.path }).reply(m.okStatus, JSON.stringify(m.ok)).persist();

    const err = await rejectionOf(m.call(h.client.session({ bearerToken: BEARER })));

    expect(err).toMatchObject({ code: 'QUALYS_UNAUTHORIZED', status: 401, endpoint: m.endpoint });
    expect(h.calls()).toHaveLength(1);
    expect(h.events.map((e) => e.endpoint)).toEqual([m.endpoint]);
    await finishWithTraps(h);
  });
});

describe('job mutations over a real loopback socket', () => {
  interface Received {
    readonly method: string | undefined;
    readonly url: string | undefined;
    readonly headers: IncomingMessage['headers'];
    readonly body: string;
  }

  /** A loopback server on port 0 that records requests and answers with `respond`. */
  async function loopback(respond: (req: IncomingMessage, res: import('node:http').ServerResponse) => void) {
    const received: Received[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          method: req.method,
          url: req.url,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        respond(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = createQualysClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 5_000 });
    return {
      received,
      api: client.session({ bearerToken: BEARER }),
      close: async () => {
        await client.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  it('undici sends the DELETE body with content-type application/json and its content-length', async () => {
    const lb = await loopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[{"id":"j-1","name":"one","status":"success"},{"id":"j-2","name":"two","status":"success"}]');
    });

    const results = await lb.api.deletePatchJobs(['j-1', 'j-2']);

    expect(lb.received).toHaveLength(1);
    expect(lb.received[0]).toMatchObject({
      method: 'DELETE',
      url: '/pm/v1/deploymentjobs',
      body: '{"ids":["j-1","j-2"]}',
      headers: {
        'content-type': 'application/json',
        'content-length': String('{"ids":["j-1","j-2"]}'.length),
        authorization: `Bearer ${BEARER}`,
      },
    });
    expect(results.map((r) => r.success)).toEqual([true, true]);
    await lb.close();
  });

  it.each([
    ['createPatchJob', (api: QualysApi) => api.createPatchJob(JOB_BODY)],
    ['updateMitigationJob', (api: QualysApi) => api.updateMitigationJob(JOB, JOB_BODY)],
    ['deletePatchJobs', (api: QualysApi) => api.deletePatchJobs([JOB])],
  ])(
    '%s: a connection the server resets after reading the request reaches the server once',
    async (_name, call) => {
      const lb = await loopback((req) => {
        req.socket.destroy();
      });

      const err = await rejectionOf(call(lb.api));

      expect(err).toBeInstanceOf(QualysNetworkError);
      await new Promise((resolve) => setImmediate(resolve));
      expect(lb.received).toHaveLength(1);
      await lb.close();
    },
  );
});
