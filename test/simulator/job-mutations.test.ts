import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/simulator/index.js';
import {
  CO_AUTHOR_LIMIT_MESSAGE,
  createSimulator,
  MAKECACHE_SCRIPT,
  NON_RECURRING_DISABLE_ERROR,
} from '../../src/simulator/index.js';
import { findSeedSample } from '../../src/simulator/seed-data/index.js';
import { call, type ErrorBody, qs, type Started, startSimulator } from './helpers.js';

type Job = Record<string, unknown> & { id: string; name: string; status: string };
type BulkItem = { id: string; name: string | null; status: string; error?: string };

/** A seed fixture body, as a fresh mutable copy. */
function seed<T = Record<string, unknown>>(file: string): T {
  const sample = findSeedSample(file);
  if (sample === undefined) {
    throw new Error(`no seed sample ${file}`);
  }
  return structuredClone(sample.body) as T;
}

/** The object without the given keys. */
function omit(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

/** 2026-03-01 04:59:17 UTC. */
const T0 = Date.UTC(2026, 2, 1, 4, 59, 17);

describe('simulator job mutations', () => {
  let started: Started;
  let clock = T0;
  let otherToken: string;

  beforeAll(async () => {
    started = await startSimulator({
      now: () => clock,
      tenants: [
        { username: 'simulator', password: 'simulator' },
        { username: 'other', password: 'other', includeSeedSamples: false },
      ],
    });
    otherToken = started.sim.issueToken('other');
  });
  afterAll(() => started.sim.close());

  const send = <T = unknown>(method: string, path: string, body?: unknown, token = started.token) =>
    call<T>(started.url, token, path, { method, ...(body === undefined ? {} : { body }) });
  const get = <T = unknown>(path: string, token = started.token) => call<T>(started.url, token, path);
  const listIds = async (path: string, platform: string, token = started.token) =>
    (await get<{ id: string }[]>(`${path}${qs({ platform, pageSize: 100 })}`, token)).body.map(
      (item) => item.id,
    );
  const createPm = async (body: Record<string, unknown>) => {
    const response = await send<Job>('POST', '/pm/v2/deploymentjob', body);
    expect(response.status, response.text).toBe(201);
    return response.body;
  };
  const createMtg = async (body: Record<string, unknown>) => {
    const response = await send<Job>('POST', '/mtg/v2/deploymentjob', body);
    expect(response.status, response.text).toBe(201);
    return response.body;
  };
  const caller = () => started.sim.store().caller;
  const recurringWindowsBody = (name: string, status: string) => ({
    ...seed('001-create-windows-job-request.json'),
    name,
    status,
    scheduleType: 'Daily',
    startDateTime: '2026-3-02 10:00:00 PM',
    timezone: 'Europe/Berlin',
    timezoneType: 'SPECIFIC_TZ',
  });

  describe('POST /pm/v2/deploymentjob', () => {
    it('creates a Linux job with the MakeCache pre-action in the seed 001 response shape', async () => {
      const created = await createPm(seed('001-create-linux-job-request.json'));
      const sample = seed('001-create-linux-job-response.json');
      const serverSet = ['id', 'customerId', 'createdBy', 'updatedBy', 'deletedBy', 'startDateTime'];
      const added = ['allowExecutionWithPendingReboot', 'isDefaultJob', 'defaultJobConfiguration'];
      expect(omit(created, [...serverSet, ...added, 'preDeployActions'])).toEqual(
        omit(sample, [...serverSet, 'preDeployActions']),
      );
      expect(created['preDeployActions']).toEqual([
        {
          actionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          action: 'Run Script',
          actionType: 'predeploy',
          params: {
            actionItem: 'makecache Pre-Action',
            timeout: 180,
            remediationScope: false,
            defaultScriptType: 'MakeCache',
          },
          script: MAKECACHE_SCRIPT,
          scriptType: 'sh',
          actionLinkedToJob: false,
        },
      ]);
      expect(created).toMatchObject({
        customerId: started.sim.store().customerId,
        startDateTime: '2026-3-01 04:59:17 AM',
        timezoneType: 'SPECIFIC_TZ',
        timezone: 'UTC',
        createdBy: { user: { ...caller() }, date: T0, context: null },
        updatedBy: { user: null, date: null, context: null },
        deletedBy: { user: null, date: null, context: null },
      });
      // Exactly the keys, in the order, of the jobs GET serves.
      expect(Object.keys(created)).toEqual(Object.keys(started.sim.store().patchJobs[0]?.job ?? {}));

      expect((await get(`/pm/v1/deploymentjob/${created.id}`)).body).toEqual(created);
      expect((await get(`/pm/v1/deploymentjob/${created.id}/runs`)).body).toEqual([]);
      expect((await get(`/pm/v1/deploymentjob/${created.id}/deploymentjobresult/summary`)).body).toEqual({
        id: created.id,
        name: 'Demo_MakeCache',
        assetCount: 0,
        patchCount: 0,
        createdBy: 'simulator',
        createdOn: T0,
        assets: [],
      });
      expect(await listIds('/pm/v1/deploymentjobs', 'Linux')).toContain(created.id);
      expect(await listIds('/pm/v1/deploymentjobs/summary', 'Linux')).toContain(created.id);
      // No patches to give: not linkable.
      expect(await listIds('/pm/v1/deploymentjobs/availableToLink', 'Linux')).not.toContain(created.id);
      expect(await listIds('/pm/v1/deploymentjobs', 'Windows')).not.toContain(created.id);
    });

    it('creates a Windows job with explicit patches and reattempts, listed newest first after the seed samples', async () => {
      const body = seed('001-create-windows-job-request.json');
      const first = await createPm(body);
      clock += 60_000;
      const second = await createPm({ ...body, name: 'Second' });
      const sample = seed('001-create-windows-job-response.json');
      const serverSet = ['id', 'customerId', 'createdBy', 'updatedBy', 'deletedBy', 'startDateTime'];
      const added = ['allowExecutionWithPendingReboot', 'isDefaultJob', 'defaultJobConfiguration'];
      expect(omit(first, [...serverSet, ...added])).toEqual(omit(sample, serverSet));
      expect(second['startDateTime']).toBe('2026-3-01 05:00:17 AM');
      expect(first.id).not.toBe(second.id);

      const seedIds = seed<{ id: string }[]>('000-deployment-jobs-windows-response.json').map(
        (item) => item.id,
      );
      for (const path of ['/pm/v1/deploymentjobs', '/pm/v1/deploymentjobs/summary']) {
        const ids = await listIds(path, 'Windows');
        expect(ids.slice(0, seedIds.length + 2)).toEqual([...seedIds, second.id, first.id]);
      }
      const linkable = await listIds('/pm/v1/deploymentjobs/availableToLink', 'Windows');
      expect(linkable.indexOf(second.id)).toBeGreaterThanOrEqual(0);
      expect(linkable.indexOf(first.id)).toBe(linkable.indexOf(second.id) + 1);

      const item = (
        await get<Record<string, unknown>[]>(
          `/pm/v1/deploymentjobs${qs({ platform: 'Windows', filter: `id:${first.id}` })}`,
        )
      ).body[0];
      expect(item).toMatchObject({
        id: first.id,
        name: 'TestAPI_CreateJobNew222',
        status: 'Disabled',
        scheduleType: 'On-demand',
        patchCount: 2,
        // Not in this tenant's catalog: no title.
        patches: [
          { id: '444ba31a-0f94-3199-870e-ef8ab1a5a477', title: null },
          { id: 'b91fca0e-2a07-3155-909c-fc50ba1863ed', title: null },
        ],
        created: { date: T0, user: { name: 'simulator', id: caller().id } },
        updated: null,
        triggerStatus: 0,
        nextScheduleDateTime: null,
      });
      expect(Object.keys(item ?? {})).toEqual(Object.keys(started.sim.store().patchJobs[0]?.listItem ?? {}));
    });

    it('keeps the start of a scheduled job as sent and schedules its first run', async () => {
      const created = await createPm(recurringWindowsBody('Nightly', 'Enabled'));
      expect(created).toMatchObject({
        scheduleType: 'Daily',
        recurring: true,
        startDateTime: '2026-3-02 10:00:00 PM',
        timezone: 'Europe/Berlin',
      });
      const summary = (
        await get<Record<string, unknown>[]>(
          `/pm/v1/deploymentjobs/summary${qs({ platform: 'Windows', filter: `id:${created.id}` })}`,
        )
      ).body[0];
      // 22:00 in Berlin (UTC+1 in March) is 21:00 UTC.
      expect(summary).toMatchObject({ nextScheduleDateTime: Date.UTC(2026, 2, 2, 21), isRecurring: true });
    });
  });

  describe('PATCH /pm/v2/deploymentjob/update/{id}', () => {
    it('replaces the settings with the GET body sent back, ignoring read-only fields, and sets updatedBy', async () => {
      const created = await createPm(seed('001-create-linux-job-request.json'));
      const patch = started.sim.store().patches.find((p) => p.platform === 'Linux');
      clock += 3_600_000;
      const edited = {
        ...created,
        id: 'ignored',
        customerId: 'ignored',
        createdBy: { user: { id: 'x', name: 'x', fullName: 'x' }, date: 1, context: null },
        name: 'Demo_Job_MakeCache',
        description: 'Updated Job',
        approvedPatches: [patch?.id],
        coAuthorUserIds: [started.sim.store().users[0]?.id],
        timeout: 6,
      };
      const response = await send<Job>('PATCH', `/pm/v2/deploymentjob/update/${created.id}`, edited);
      expect(response.status).toBe(200);
      const updated = response.body;
      expect(updated).toEqual({
        ...created,
        name: 'Demo_Job_MakeCache',
        description: 'Updated Job',
        approvedPatches: [patch?.id],
        patchCount: 1,
        coAuthorUserIds: [started.sim.store().users[0]?.id],
        timeout: 6,
        updatedBy: {
          user: { id: caller().id, name: 'simulator', fullName: null },
          date: clock,
          context: null,
        },
      });
      expect((await get(`/pm/v1/deploymentjob/${created.id}`)).body).toEqual(updated);
      const item = (
        await get<Record<string, unknown>[]>(
          `/pm/v1/deploymentjobs${qs({ platform: 'Linux', filter: `id:${created.id}` })}`,
        )
      ).body[0];
      expect(item).toMatchObject({
        name: 'Demo_Job_MakeCache',
        patchCount: 1,
        patches: [{ id: patch?.id, title: patch?.title }],
        updated: { date: clock, user: { name: 'simulator', id: caller().id } },
      });
      // Now it has a patch to give.
      expect(await listIds('/pm/v1/deploymentjobs/availableToLink', 'Linux')).toContain(created.id);
    });

    it('updates a generated job: GET, lists and the store follow, its runs stay', async () => {
      const store = started.sim.store();
      const job = store.patchJobs.find((j) => j.runs.length > 0 && j.platform === 'Windows');
      expect(job).toBeDefined();
      const id = job?.id ?? '';
      const body = { ...(await get<Job>(`/pm/v1/deploymentjob/${id}`)).body, name: 'Renamed generated job' };
      const response = await send<Job>('PATCH', `/pm/v2/deploymentjob/update/${id}`, body);
      expect(response.status).toBe(200);
      expect(response.body.name).toBe('Renamed generated job');
      expect(response.body['createdBy']).toEqual(job?.job['createdBy']);
      expect(store.generatedPatchJob(id)?.name).toBe('Renamed generated job');
      expect(store.patchJobs.find((j) => j.id === id)?.job).toEqual(response.body);
      const runs = await get<unknown[]>(`/pm/v1/deploymentjob/${id}/runs`);
      expect(runs.body).toEqual(job?.runs);
      const result = await get<{ name: string }>(`/pm/v1/deploymentjob/${id}/deploymentjobresult/summary`);
      expect(result.body.name).toBe('Renamed generated job');
      const item = (
        await get<Record<string, unknown>[]>(
          `/pm/v1/deploymentjobs/summary${qs({ platform: 'Windows', filter: `id:${id}` })}`,
        )
      ).body[0];
      expect(item).toMatchObject({
        name: 'Renamed generated job',
        lastScheduleDateTime: job?.summaryItem['lastScheduleDateTime'],
        completionPercent: job?.summaryItem['completionPercent'],
      });
    });

    it('answers 404 for an unknown job and keeps action ids sent back', async () => {
      const missing = await send<ErrorBody>(
        'PATCH',
        '/pm/v2/deploymentjob/update/00000000-0000-4000-8000-000000000000',
        seed('001-update-linux-job-request.json'),
      );
      expect(missing.status).toBe(404);
      expect(missing.body._error).toMatchObject({ code: 404, errorCode: '9004' });

      const created = await createPm(seed('001-create-linux-job-request.json'));
      const actionId = (created['preDeployActions'] as { actionId: string }[])[0]?.actionId;
      const updated = await send<Job>('PATCH', `/pm/v2/deploymentjob/update/${created.id}`, created);
      expect((updated.body['preDeployActions'] as { actionId: string }[])[0]?.actionId).toBe(actionId);
    });
  });

  describe('mitigation jobs', () => {
    it('creates an On-demand MTG job in the seed 003 response shape, readable through GET', async () => {
      clock = T0;
      const created = await createMtg(seed('003-create-mtg-ondemand-job-request.json'));
      const sample = seed('003-create-mtg-ondemand-job-response.json');
      const serverSet = ['id', 'customerId', 'createdBy', 'startDateTime', 'preDeployActions'];
      expect(omit(created, serverSet)).toEqual(omit(sample, serverSet));
      expect(Object.keys(created)).toEqual(Object.keys(sample));
      expect(created).toMatchObject({
        startDateTime: '2026-3-01 04:59:17 AM',
        createdBy: { user: { ...caller() }, date: clock, context: null },
        notification: { notificationConfigs: { completedPercentage: '80' } },
        subCategory: 'Mitigation',
        jobCategory: 3,
      });
      const actions = created['preDeployActions'] as {
        params: Record<string, unknown>;
        mitigationList: unknown[];
      }[];
      expect(actions.map((action) => action.params['qid'])).toEqual([90007, 90043]);
      expect(actions[0]).toMatchObject({
        action: 'Apply Mitigation',
        actionType: 'predeploy',
        params: { timeout: 180, qid: 90007, qidTitle: 'Enabled Cached Logon Credential', qds: 50 },
        mitigationList: [{ cves: ['90007'], mitigationType: 'Registry Update', implication: 1 }],
      });
      expect((await get(`/mtg/v1/deploymentjob/${created.id}`)).body).toEqual(created);
      expect((await get(`/pm/v1/deploymentjob/${created.id}`)).status).toBe(404);
    });

    it('creates a Once MTG job with its start as sent and updates it (action ids kept per QID)', async () => {
      const created = await createMtg(seed('003-create-mtg-runonce-job-request.json'));
      expect(created).toMatchObject({
        scheduleType: 'Once',
        startDateTime: '2026-01-23 10:09:58 AM',
        timezone: 'Asia/Kolkata',
        coAuthorUserIds: [],
        matchAllTagIds: [],
      });
      clock += 1000;
      const body = {
        ...seed('003-update-mtg-ondemand-job-request.json'),
        qids: [90043, 91017],
        assetTagIds: [],
      };
      const response = await send<Job>('PATCH', `/mtg/v2/deploymentjob/${created.id}`, body);
      expect(response.status).toBe(200);
      const updated = response.body;
      const actions = (job: Job) =>
        job['preDeployActions'] as { actionId: string; params: { qid: number; qidTitle: string } }[];
      expect(actions(updated).map((a) => a.params.qid)).toEqual([90043, 91017]);
      expect(actions(updated)[0]?.actionId).toBe(actions(created)[1]?.actionId);
      expect(actions(updated)[1]?.params.qidTitle).toBe('Microsoft SMBv1 Protocol Enabled');
      expect(updated).toMatchObject({
        id: created.id,
        name: 'Win_MTG_OnDemand_Job_',
        scheduleType: 'On-demand',
        startDateTime: '2026-01-23 10:09:58 AM',
        createdBy: created['createdBy'],
        updatedBy: {
          user: { id: caller().id, name: 'simulator', fullName: null },
          date: clock,
          context: null,
        },
        vulnQQL: 'vulnerabilities.vulnerability.qid:[90043, 91017]',
        assetDetectionsQQL: '(agentId: [28e69c01-8e59-4520-83da-a934becf9d88]) AND trackingMethod:QAGENT',
      });
      expect((await get(`/mtg/v1/deploymentjob/${created.id}`)).body).toEqual(updated);
      const missing = await send<ErrorBody>('PATCH', '/mtg/v2/deploymentjob/nope', body);
      expect(missing.status).toBe(404);
      expect(missing.body._error.errorCode).toBe('9004');
    });
  });

  describe('co-author limit (seed 003)', () => {
    const coAuthors = (n: number) =>
      Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

    it('answers more than 200 co-authors with errorCode 2435 on every v2 create/update, and accepts 200', async () => {
      const limitError = seed('003-coauthor-limit-error.json');
      expect(limitError).toEqual({
        _error: { code: 400, errorCode: '2435', message: CO_AUTHOR_LIMIT_MESSAGE },
      });
      const pmBody = { ...seed('003-coauthor-limit-request.json'), coAuthorUserIds: coAuthors(201) };
      const mtgBody = {
        ...seed('003-create-mtg-ondemand-job-request.json'),
        coAuthorUserIds: coAuthors(201),
      };
      const pm = await createPm({ ...pmBody, coAuthorUserIds: coAuthors(200) });
      const mtg = await createMtg({ ...mtgBody, coAuthorUserIds: coAuthors(200) });
      expect(pm['coAuthorUserIds']).toHaveLength(200);
      const rejected = [
        await send('POST', '/pm/v2/deploymentjob', pmBody),
        await send('PATCH', '/pm/v2/deploymentjob/update/16be09aa-5415-4a58-8295-8a4ac8db6f26', pmBody),
        await send('PATCH', `/pm/v2/deploymentjob/update/${pm.id}`, pmBody),
        await send('POST', '/mtg/v2/deploymentjob', mtgBody),
        await send('PATCH', `/mtg/v2/deploymentjob/${mtg.id}`, mtgBody),
      ];
      for (const response of rejected) {
        expect(response.status).toBe(400);
        expect(response.body).toEqual(limitError);
      }
      expect((await get<Job>(`/pm/v1/deploymentjob/${pm.id}`)).body['coAuthorUserIds']).toHaveLength(200);
    });
  });

  describe('POST .../deploymentjobs/update/status/{action}', () => {
    it('enables and disables PM jobs with one result per id, visible in GET and the lists', async () => {
      const recurring = await createPm(recurringWindowsBody('Recurring', 'Enabled'));
      const onDemandEnabled = await createPm({
        ...seed('001-create-windows-job-request.json'),
        status: 'Enabled',
      });
      const onDemandDisabled = await createPm(seed('001-create-windows-job-request.json'));
      const response = await send<BulkItem[]>('POST', '/pm/v1/deploymentjobs/update/status/Disabled', {
        ids: [recurring.id, onDemandEnabled.id, 'unknown-job', onDemandDisabled.id],
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual([
        { id: recurring.id, name: 'Recurring', status: 'success' },
        {
          id: onDemandEnabled.id,
          name: onDemandEnabled.name,
          status: 'failure',
          error: NON_RECURRING_DISABLE_ERROR,
        },
        { id: 'unknown-job', name: null, status: 'failure', error: 'Job not found' },
        { id: onDemandDisabled.id, name: onDemandDisabled.name, status: 'success' },
      ]);
      expect((await get<Job>(`/pm/v1/deploymentjob/${recurring.id}`)).body.status).toBe('Disabled');
      expect((await get<Job>(`/pm/v1/deploymentjob/${onDemandEnabled.id}`)).body.status).toBe('Enabled');
      const summary = (
        await get<Record<string, unknown>[]>(
          `/pm/v1/deploymentjobs/summary${qs({ platform: 'Windows', filter: `id:${recurring.id}` })}`,
        )
      ).body[0];
      expect(summary).toMatchObject({ status: 'Disabled', nextScheduleDateTime: null });

      const enable = await send<BulkItem[]>('POST', '/pm/v1/deploymentjobs/update/status/Enabled', {
        ids: [recurring.id, onDemandDisabled.id],
      });
      expect(enable.body.map((item) => item.status)).toEqual(['success', 'success']);
      expect((await get<Job>(`/pm/v1/deploymentjob/${onDemandDisabled.id}`)).body.status).toBe('Enabled');
      const again = await send<BulkItem[]>('POST', '/pm/v1/deploymentjobs/update/status/Disabled', {
        ids: [onDemandDisabled.id],
      });
      expect(again.body[0]).toMatchObject({ status: 'failure', error: NON_RECURRING_DISABLE_ERROR });
    });

    it('treats seed and generated jobs alike: a run non-recurring job cannot be disabled, a list-only seed job can', async () => {
      const answer = await send<BulkItem[]>('POST', '/pm/v1/deploymentjobs/update/status/Disabled', {
        ids: ['8ae6cd23-bb09-423b-aad8-f8910855e755', '57d630df-9877-4adb-8785-12ee96dfe8a6'],
      });
      expect(answer.body).toEqual([
        {
          id: '8ae6cd23-bb09-423b-aad8-f8910855e755',
          name: expect.any(String),
          status: 'failure',
          error: NON_RECURRING_DISABLE_ERROR,
        },
        { id: '57d630df-9877-4adb-8785-12ee96dfe8a6', name: expect.any(String), status: 'success' },
      ]);
      const item = (
        await get<Job[]>(
          `/pm/v1/deploymentjobs${qs({ platform: 'Windows', filter: 'id:57d630df-9877-4adb-8785-12ee96dfe8a6' })}`,
        )
      ).body[0];
      expect(item?.status).toBe('Disabled');

      const generated = started.sim.store().patchJobs.find((j) => j.job['scheduleType'] === 'Weekly');
      const id = generated?.id ?? '';
      await send('POST', '/pm/v1/deploymentjobs/update/status/Disabled', { ids: [id] });
      expect(started.sim.store().generatedPatchJob(id)?.job['status']).toBe('Disabled');
      expect(started.sim.store().generatedPatchJob(id)?.listItem['status']).toBe('Disabled');
    });

    it('enables and disables MTG jobs under the same rule', async () => {
      const disabled = await createMtg({
        ...seed('003-create-mtg-ondemand-job-request.json'),
        status: 'Disabled',
      });
      const response = await send<BulkItem[]>('POST', '/mtg/v1/deploymentjobs/update/status/Enabled', {
        ids: [disabled.id, 'unknown-job'],
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual([
        { id: disabled.id, name: 'Windows_MTG_OnDemand_Job', status: 'success' },
        { id: 'unknown-job', name: null, status: 'failure', error: 'Job not found' },
      ]);
      expect((await get<Job>(`/mtg/v1/deploymentjob/${disabled.id}`)).body.status).toBe('Enabled');
      const disable = await send<BulkItem[]>('POST', '/mtg/v1/deploymentjobs/update/status/Disabled', {
        ids: [disabled.id, '756aa782-8f11-4468-8e68-d1db74c7203e'],
      });
      expect(disable.body.map((item) => item.error)).toEqual([
        NON_RECURRING_DISABLE_ERROR,
        NON_RECURRING_DISABLE_ERROR,
      ]);
      // A PM id is not a mitigation job.
      const pm = await send<BulkItem[]>('POST', '/mtg/v1/deploymentjobs/update/status/Enabled', {
        ids: ['8ae6cd23-bb09-423b-aad8-f8910855e755'],
      });
      expect(pm.body[0]?.error).toBe('Job not found');
    });

    it('answers another action or a malformed body with 400', async () => {
      const action = await send<ErrorBody>('POST', '/pm/v1/deploymentjobs/update/status/Paused', { ids: [] });
      expect(action.status).toBe(400);
      expect(action.body._error).toMatchObject({ code: 400, errorCode: '9009' });
      const mtgAction = await send<ErrorBody>('POST', '/mtg/v1/deploymentjobs/update/status/enabled', {
        ids: [],
      });
      expect(mtgAction.body._error.errorCode).toBe('9009');
      for (const body of [{ ids: 'a' }, { ids: [1] }, [], '']) {
        const bad = await send<ErrorBody>('POST', '/pm/v1/deploymentjobs/update/status/Enabled', body);
        expect(bad.status, JSON.stringify(body)).toBe(400);
        expect(bad.body._error.errorCode).toBe('9001');
      }
      const empty = await send('POST', '/pm/v1/deploymentjobs/update/status/Enabled', { ids: [] });
      expect(empty).toMatchObject({ status: 200, body: [] });
    });
  });

  describe('DELETE /pm/v1/deploymentjobs', () => {
    it('deletes created, seed and generated jobs: 404 afterwards, gone from lists, runs and the store', async () => {
      const created = await createPm(seed('001-create-windows-job-request.json'));
      const generated = started.sim.store().patchJobs.find((j) => j.runs.length > 0 && j.linkItem !== null);
      const seedJob = '44ae1515-a51c-4d67-87ae-aef57d1e26b2';
      const listOnlySeedJob = 'ac4099aa-da3b-4b32-8d81-0643b714f0fc';
      const ids = [created.id, seedJob, generated?.id ?? '', listOnlySeedJob, 'unknown-job'];
      const response = await send<BulkItem[]>('DELETE', '/pm/v1/deploymentjobs', { ids });
      expect(response.status).toBe(200);
      expect(response.body).toEqual([
        { id: created.id, name: created.name, status: 'success' },
        { id: seedJob, name: expect.any(String), status: 'success' },
        { id: generated?.id, name: generated?.name, status: 'success' },
        { id: listOnlySeedJob, name: expect.any(String), status: 'success' },
        { id: 'unknown-job', name: null, status: 'failure', error: 'Job not found' },
      ]);
      for (const id of ids.slice(0, 3)) {
        expect((await get(`/pm/v1/deploymentjob/${id}`)).status).toBe(404);
        expect((await get(`/pm/v1/deploymentjob/${id}/runs`)).status).toBe(404);
        expect((await get(`/pm/v1/deploymentjob/${id}/deploymentjobresult/summary`)).status).toBe(404);
      }
      for (const path of [
        '/pm/v1/deploymentjobs',
        '/pm/v1/deploymentjobs/summary',
        '/pm/v1/deploymentjobs/availableToLink',
      ]) {
        for (const platform of ['Windows', 'Linux']) {
          const listed = await listIds(path, platform);
          expect(listed.filter((id) => ids.includes(id))).toEqual([]);
        }
      }
      expect(started.sim.store().patchJobs.some((j) => j.id === generated?.id)).toBe(false);
      const again = await send<BulkItem[]>('DELETE', '/pm/v1/deploymentjobs', { ids: [created.id] });
      expect(again.body).toEqual([{ id: created.id, name: null, status: 'failure', error: 'Job not found' }]);
    });
  });

  describe('validation', () => {
    const pm = seed('001-create-windows-job-request.json');
    const mtg = seed('003-create-mtg-ondemand-job-request.json');
    const cases: readonly (readonly [string, string, unknown, string])[] = [
      ['PM without name', '/pm/v2/deploymentjob', omit(pm, ['name']), '9008'],
      ['PM with a blank name', '/pm/v2/deploymentjob', { ...pm, name: ' ' }, '9008'],
      ['PM without platform', '/pm/v2/deploymentjob', omit(pm, ['platform']), '9008'],
      ['PM without scheduleType', '/pm/v2/deploymentjob', omit(pm, ['scheduleType']), '9008'],
      ['PM without type', '/pm/v2/deploymentjob', { ...pm, type: null }, '9008'],
      ['PM platform in lower case', '/pm/v2/deploymentjob', { ...pm, platform: 'windows' }, '9009'],
      ['PM type Uninstall (renamed in v1.7)', '/pm/v2/deploymentjob', { ...pm, type: 'Uninstall' }, '9009'],
      ['PM scheduleType Hourly', '/pm/v2/deploymentjob', { ...pm, scheduleType: 'Hourly' }, '9009'],
      ['PM status Prepared', '/pm/v2/deploymentjob', { ...pm, status: 'Prepared' }, '9009'],
      ['PM unknown time zone', '/pm/v2/deploymentjob', { ...pm, timezone: 'Mars/Olympus' }, '9009'],
      ['PM filterType None', '/pm/v2/deploymentjob', { ...pm, filterType: 'None' }, '9009'],
      ['PM assetIds not a list', '/pm/v2/deploymentjob', { ...pm, assetIds: 'a' }, '9009'],
      [
        'PM 6 reattempts',
        '/pm/v2/deploymentjob',
        { ...pm, reattemptFailedPatches: { noOfReattempts: 6, exponentialBackoffInterval: 15 } },
        '9009',
      ],
      [
        'PM 9 hours of download randomisation',
        '/pm/v2/deploymentjob',
        { ...pm, downloadRandomizeTime: 9, downloadRandomizeTimeUnit: 'HOURS' },
        '9009',
      ],
      ['PM Once without start', '/pm/v2/deploymentjob', { ...pm, scheduleType: 'Once' }, '9010'],
      [
        'PM Weekly with a bad start',
        '/pm/v2/deploymentjob',
        { ...pm, scheduleType: 'Weekly', startDateTime: '2026-03-01T10:00:00Z' },
        '9009',
      ],
      ['MTG without name', '/mtg/v2/deploymentjob', omit(mtg, ['name']), '9008'],
      [
        'MTG Daily',
        '/mtg/v2/deploymentjob',
        { ...mtg, scheduleType: 'Daily', startDateTime: '2026-3-1 10:00:00 AM' },
        '9011',
      ],
      ['MTG Once without start', '/mtg/v2/deploymentjob', { ...mtg, scheduleType: 'Once' }, '9010'],
      ['MTG without qids', '/mtg/v2/deploymentjob', omit(mtg, ['qids']), '9012'],
      ['MTG with empty qids', '/mtg/v2/deploymentjob', { ...mtg, qids: [] }, '9012'],
      ['MTG with a bad QID', '/mtg/v2/deploymentjob', { ...mtg, qids: ['abc'] }, '9009'],
      ['PM body not an object', '/pm/v2/deploymentjob', [pm], '9001'],
      ['MTG body not JSON', '/mtg/v2/deploymentjob', '{', '9001'],
    ];

    it('answers bodies Qualys rejects with 400 and an _error code, creating nothing', async () => {
      const before = started.sim.store().jobList('list', 'Windows').length;
      for (const [label, path, body, errorCode] of cases) {
        const response = await send<ErrorBody>('POST', path, body);
        expect(response.status, label).toBe(400);
        expect(response.body._error, label).toMatchObject({ code: 400, errorCode });
        expect(response.body._error.message, label).not.toBe('');
      }
      expect(started.sim.store().jobList('list', 'Windows')).toHaveLength(before);
    });

    it('applies the rules on update too, accepting the current status sent back unchanged', async () => {
      const bad = await send<ErrorBody>(
        'PATCH',
        '/pm/v2/deploymentjob/update/1ca9c211-6c0a-4855-ac49-f9d735b1563c',
        { ...pm, platform: 'Mac' },
      );
      expect(bad.body._error.errorCode).toBe('9009');
      const linuxJob = '16be09aa-5415-4a58-8295-8a4ac8db6f26';
      const current = (await get<Job>(`/pm/v1/deploymentjob/${linuxJob}`)).body;
      expect(current.status).toBe('Prepared');
      const same = await send<Job>('PATCH', `/pm/v2/deploymentjob/update/${linuxJob}`, current);
      expect(same.status).toBe(200);
      expect(same.body.status).toBe('Prepared');
      const mtgBad = await send<ErrorBody>(
        'PATCH',
        '/mtg/v2/deploymentjob/756aa782-8f11-4468-8e68-d1db74c7203e',
        {
          ...mtg,
          qids: [],
        },
      );
      expect(mtgBad.body._error.errorCode).toBe('9012');
    });
  });

  it('answers the retired v1 create/update endpoints with 410 naming the v2 endpoint', async () => {
    const calls = [
      ['POST', '/pm/v1/deploymentjob', '/pm/v2/deploymentjob'],
      [
        'PATCH',
        '/pm/v1/deploymentjob/update/16be09aa-5415-4a58-8295-8a4ac8db6f26',
        '/pm/v2/deploymentjob/update/',
      ],
      ['POST', '/mtg/v1/deploymentjob', '/mtg/v2/deploymentjob'],
      ['PATCH', '/mtg/v1/deploymentjob/756aa782-8f11-4468-8e68-d1db74c7203e', '/mtg/v2/deploymentjob/'],
    ] as const;
    for (const [method, path, v2] of calls) {
      const response = await send<ErrorBody>(method, path, seed('003-create-mtg-ondemand-job-request.json'));
      expect(response.status, path).toBe(410);
      expect(response.body._error).toMatchObject({ code: 410, errorCode: '9013' });
      expect(response.body._error.message).toContain(v2);
    }
  });

  it('keeps tenants apart: a job of one tenant is invisible to another', async () => {
    const pmJob = await createPm(seed('001-create-windows-job-request.json'));
    const mtgJob = await createMtg(seed('003-create-mtg-ondemand-job-request.json'));
    expect((await get(`/pm/v1/deploymentjob/${pmJob.id}`, otherToken)).status).toBe(404);
    expect((await get(`/mtg/v1/deploymentjob/${mtgJob.id}`, otherToken)).status).toBe(404);
    expect(await listIds('/pm/v1/deploymentjobs', 'Windows', otherToken)).not.toContain(pmJob.id);
    const update = await send('PATCH', `/pm/v2/deploymentjob/update/${pmJob.id}`, pmJob, otherToken);
    expect(update.status).toBe(404);
    const status = await send<BulkItem[]>(
      'POST',
      '/pm/v1/deploymentjobs/update/status/Enabled',
      { ids: [pmJob.id] },
      otherToken,
    );
    expect(status.body[0]?.error).toBe('Job not found');
    const deleted = await send<BulkItem[]>(
      'DELETE',
      '/pm/v1/deploymentjobs',
      { ids: [pmJob.id] },
      otherToken,
    );
    expect(deleted.body[0]?.error).toBe('Job not found');
    expect((await get(`/pm/v1/deploymentjob/${pmJob.id}`)).status).toBe(200);

    const own = await send<Job>(
      'POST',
      '/pm/v2/deploymentjob',
      seed('001-create-windows-job-request.json'),
      otherToken,
    );
    expect(own.status).toBe(201);
    expect(own.body['customerId']).toBe(started.sim.store('other').customerId);
    expect(own.body['createdBy']).toMatchObject({ user: { name: 'other' } });
    expect((await get(`/pm/v1/deploymentjob/${own.body.id}`)).status).toBe(404);
  });

  it('logs the wire bodies of PATCH and DELETE (and POST) as parsed JSON', async () => {
    const body = seed('001-create-linux-job-request.json');
    const created = await createPm(body);
    const update = { ...body, name: 'Logged' };
    started.sim.resetRequests();
    await send('PATCH', `/pm/v2/deploymentjob/update/${created.id}`, update);
    await send('POST', '/pm/v1/deploymentjobs/update/status/Disabled', { ids: [created.id] });
    await send('DELETE', '/pm/v1/deploymentjobs', { ids: [created.id] });
    expect(
      started.sim
        .requests()
        .map(({ method, path, body: logged, status }) => ({ method, path, body: logged, status })),
    ).toEqual([
      { method: 'PATCH', path: `/pm/v2/deploymentjob/update/${created.id}`, body: update, status: 200 },
      {
        method: 'POST',
        path: '/pm/v1/deploymentjobs/update/status/Disabled',
        body: { ids: [created.id] },
        status: 200,
      },
      { method: 'DELETE', path: '/pm/v1/deploymentjobs', body: { ids: [created.id] }, status: 200 },
    ]);
  });

  it('creates deterministic ids per seed, tenant and call order, also in process through the store', () => {
    const tiny = { assets: 20, patches: 40, patchJobs: 2, mitigationJobs: 1 };
    const pmBody = seed<JsonObject>('001-create-windows-job-request.json');
    const mtgBody = seed<JsonObject>('003-create-mtg-ondemand-job-request.json');
    const ids = [1, 1, 2].map((seedValue) => {
      const store = createSimulator({ seed: seedValue, fleet: tiny }).store();
      return [store.createPatchJob(pmBody, T0)['id'], store.createMitigationJob(mtgBody, T0)['id']];
    });
    expect(ids[0]).toEqual(ids[1]);
    expect(ids[2]).not.toEqual(ids[0]);
  });
});
