import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateMitigationJobDocument,
  type CreateMitigationJobInput,
  CreatePatchJobDocument,
  type CreatePatchJobInput,
  DeletePatchJobsDocument,
  MitigationJobSettingsDocument,
  PatchJobSettingsDocument,
  SetMitigationJobsStatusDocument,
  SetPatchJobsStatusDocument,
  UpdateMitigationJobDocument,
  UpdatePatchJobDocument,
  type UpdatePatchJobInput,
} from '../../schema/generated/graphql.js';
import {
  buildMitigationJobWireBody,
  buildPatchJobWireBody,
  JOB_RULES,
  validateMitigationJobSpec,
  validatePatchJobSpec,
} from '../../src/jobs/index.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import {
  ASSET_ID,
  broken,
  MITIGATION_BREAKERS,
  PATCH_BREAKERS,
  PATCH_ID,
  TAG_ID,
  titleOf,
  USER_ID,
  userIds,
  windowsJob,
} from '../jobs/fixtures.js';
import { leafDiffs, seedFixture } from '../jobs/helpers.js';

const UNKNOWN_JOB = '00000000-0000-4000-8000-00000000dead';
const CO_AUTHOR_LIMIT = {
  _error: {
    code: 400,
    errorCode: '2435',
    message: 'Co-author limit exceeded. You can add up to 200 co-authors per job',
  },
};

/** A rich Windows create input touching most settings. */
const RICH_WINDOWS: CreatePatchJobInput = {
  name: 'Gateway weekly Windows job',
  description: 'Created through the gateway',
  platform: 'WINDOWS',
  status: 'DISABLED',
  targets: { assetIds: [ASSET_ID], tagIds: [TAG_ID], tagMatch: 'ALL', exclusionTagIds: [USER_ID] },
  patches: { patchIds: [PATCH_ID] },
  schedule: {
    type: 'WEEKLY',
    startDateTime: '2026-12-01T22:00:00',
    timezone: 'Europe/Berlin',
    weekDays: ['MONDAY', 'THURSDAY'],
  },
  preDeploymentMessage: { message: 'Patching starts', description: 'Please save your work' },
  deferment: { count: 2, interval: 30, intervalUnit: 'MINUTES' },
  rebootSettings: {
    honorUserLogin: true,
    countdown: { value: 20, unit: 'MINUTES' },
    countdownMessage: { message: 'Rebooting', description: 'In 20 minutes' },
  },
  completionMessage: { message: 'Done' },
  alwaysShowCompletedPrompt: true,
  reattemptFailedPatches: { attempts: 3, backoffInterval: 7 },
  downloadRandomization: { value: 8, unit: 'HOURS' },
  timeout: { value: 12, unit: 'HOURS' },
  opportunisticDownloads: true,
  minimizeWindow: true,
  coAuthorIds: [USER_ID],
  notification: {
    recipientEmails: ['ops@example.com', 'sec@example.com'],
    completedPercentage: 90,
    onJobComplete: true,
  },
};

/** The body the gateway must have sent for a create input: the documented wire format. */
function expectedPatchBody(input: CreatePatchJobInput) {
  const result = validatePatchJobSpec(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return buildPatchJobWireBody(result.spec);
}

describe('job mutations against the simulator', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.simulator.clearFaults();
    h.resetCalls();
  });

  async function createPatchJob(input: CreatePatchJobInput, idempotencyKey?: string) {
    const result = await h.execute(CreatePatchJobDocument, {
      input,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    expect(result.errors).toBeUndefined();
    const payload = result.data?.createPatchJob;
    if (!payload) throw new Error('no payload');
    return payload;
  }

  async function createdPatchJobId(input: CreatePatchJobInput): Promise<string> {
    const payload = await createPatchJob(input);
    expect(payload.userErrors).toEqual([]);
    const id = payload.job?.id;
    if (!id) throw new Error('no job');
    return id;
  }

  async function createdMitigationJobId(input: CreateMitigationJobInput): Promise<string> {
    const result = await h.execute(CreateMitigationJobDocument, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createMitigationJob?.userErrors).toEqual([]);
    const id = result.data?.createMitigationJob?.job?.id;
    if (!id) throw new Error('no job');
    return id;
  }

  describe('createPatchJob', () => {
    it('creates with one POST of the documented v2 body, answers the job as Qualys did, and reads back the same settings', async () => {
      const payload = await createPatchJob(RICH_WINDOWS);
      expect(payload.userErrors).toEqual([]);
      expect(payload.replayed).toBe(false);
      const job = payload.job;
      expect(job).toMatchObject({
        name: RICH_WINDOWS.name,
        description: RICH_WINDOWS.description,
        platform: 'WINDOWS',
        type: 'INSTALL',
        status: 'DISABLED',
        schedule: {
          type: 'WEEKLY',
          startDateTime: '2026-12-01T22:00:00',
          startDateTimeRaw: '2026-12-1 10:00:00 PM',
          timezone: 'Europe/Berlin',
          timezoneType: 'SPECIFIC_TZ',
          recurring: true,
          weekDays: ['MONDAY', 'THURSDAY'],
        },
        assets: [{ id: ASSET_ID }],
        assetTags: [{ id: TAG_ID }],
        assetTagMatch: 'ALL',
        exclusionTags: [{ id: USER_ID }],
        approvedPatches: [{ id: PATCH_ID }],
        usesPatchQql: false,
        coAuthors: [{ id: USER_ID }],
        preDeploymentMessage: { message: 'Patching starts', description: 'Please save your work' },
        deferment: { count: 2, interval: 30, intervalUnit: 'MINUTES' },
        rebootSettings: {
          suppressReboots: false,
          honorUserLogin: true,
          countdown: { value: 20, unit: 'MINUTES' },
          countdownMessage: { message: 'Rebooting', description: 'In 20 minutes' },
          deferment: { count: 3, interval: 1, intervalUnit: 'HOURS' },
        },
        completionMessage: { message: 'Done', description: null },
        alwaysShowCompletedPrompt: true,
        reattemptFailedPatches: { enabled: true, attempts: 3, backoffInterval: 7 },
        downloadRandomization: { value: 8, unit: 'HOURS' },
        timeout: { value: 12, unit: 'HOURS' },
        opportunisticDownloads: true,
        minimizeWindow: true,
        continueOnPatchFailure: false,
        notification: {
          emailEnabled: true,
          recipientEmails: ['ops@example.com', 'sec@example.com'],
          completedPercentage: 90,
          onJobStart: false,
          onJobComplete: true,
        },
      });
      // One upstream call: the create; the payload's job needed no read.
      expect(h.callCounts()).toEqual({ 'POST /pm/v2/deploymentjob': 1 });
      const [post] = h.calls();
      expect(post?.status).toBe(201);
      expect(post?.body).toEqual(expectedPatchBody(RICH_WINDOWS));
      expect(post?.body).toMatchObject({
        schemaVersion: '1.0',
        jobSource: 2,
        dynamicQQLType: 1,
        subCategory: 'Patch',
        scheduleType: 'Weekly',
        startDateTime: '2026-12-1 10:00:00 PM',
        recurringWeekDays: '0,1,0,0,1,0,0',
        filterType: 'All',
        enableReattemptFailedPatches: true,
        reattemptFailedPatches: { noOfReattempts: 3, exponentialBackoffInterval: 7 },
        downloadRandomizeTime: 8,
        downloadRandomizeTimeUnit: 'HOURS',
        notification: {
          notificationTypes: { email: true },
          notificationConfigs: {
            recipientEmails: 'ops@example.com,sec@example.com',
            completedPercentage: 90,
          },
          notificationEvents: { onJobStart: false, onJobComplete: true },
        },
      });

      h.resetCalls();
      const read = await h.execute(PatchJobSettingsDocument, { id: job?.id ?? '' });
      expect(read.errors).toBeUndefined();
      expect(read.data?.patchJob).toEqual(job);
      expect(h.callCounts()).toEqual({ 'GET /pm/v1/deploymentjob/{id}': 1 });
    });

    it('sends the Linux MakeCache pre-action exactly as seed 001 and reads it back', async () => {
      const input: CreatePatchJobInput = {
        name: 'Linux with package cache update',
        platform: 'LINUX',
        status: 'ENABLED',
        targets: { assetIds: [ASSET_ID] },
        patches: { qql: 'isSecurity:true' },
        updatePackageCache: true,
        continueOnPatchFailure: true,
        schedule: { type: 'DAILY', startDateTime: '2026-06-01T03:00:00', timezoneType: 'AGENT_TZ' },
      };
      const payload = await createPatchJob(input);
      expect(payload.userErrors).toEqual([]);
      const fixture = seedFixture('001-create-linux-job-request.json');
      const body = h.calls()[0]?.body as Record<string, unknown>;
      expect(body['preDeployActions']).toEqual(fixture['preDeployActions']);
      expect(body).toMatchObject({
        isDynamicPatchesQQL: true,
        dynamicPatchesQQL: 'isSecurity:true',
        timezoneType: 'AGENT_TZ',
        timezone: null,
      });
      const read = await h.execute(PatchJobSettingsDocument, { id: payload.job?.id ?? '' });
      expect(read.data?.patchJob).toMatchObject({
        platform: 'LINUX',
        usesPatchQql: true,
        patchQql: 'isSecurity:true',
        continueOnPatchFailure: true,
        preDeployActions: [{ action: 'Run Script', defaultScriptType: 'MakeCache' }],
        schedule: { type: 'DAILY', timezoneType: 'AGENT_TZ', startDateTime: '2026-06-01T03:00:00' },
      });
      expect(read.data?.patchJob).toEqual(payload.job);
    });

    it('creates a monthly Patch Tuesday job and a linked rollback job', async () => {
      const monthly = await createPatchJob({
        ...(windowsJob() as CreatePatchJobInput),
        schedule: {
          type: 'MONTHLY',
          startDateTime: '2026-07-01T09:00:00',
          timezone: 'UTC',
          patchTuesdayOffsetDays: -2,
        },
      });
      expect(monthly.job?.schedule).toMatchObject({
        type: 'MONTHLY',
        patchTuesday: true,
        patchTuesdayOffsetDays: -2,
      });
      const linked = await createPatchJob({
        ...(windowsJob() as CreatePatchJobInput),
        type: 'ROLLBACK',
        patches: { linkedJobId: monthly.job?.id ?? '' },
      });
      expect(linked.userErrors).toEqual([]);
      expect(linked.job).toMatchObject({ type: 'ROLLBACK', linkedJob: { id: monthly.job?.id } });
    });
  });

  describe('createMitigationJob', () => {
    it('creates a run-once job in the seed 003 shape and reads back the same settings', async () => {
      const input: CreateMitigationJobInput = {
        name: 'MTG_RunOnce_Job',
        description: 'Test Windows Run-Once Mitigation Job',
        platform: 'WINDOWS',
        status: 'ENABLED',
        qids: [90007, 90043],
        targets: { assetIds: [ASSET_ID], tagIds: [TAG_ID] },
        schedule: { type: 'ONCE', startDateTime: '2026-01-23T10:09:58', timezone: 'Asia/Kolkata' },
        notification: {
          recipientEmails: ['john.doe@example.com', 'jane.doe@example.com'],
          completedPercentage: 80,
          onJobStart: true,
          onJobComplete: true,
        },
      };
      const result = await h.execute(CreateMitigationJobDocument, { input });
      expect(result.errors).toBeUndefined();
      const job = result.data?.createMitigationJob?.job;
      expect(job).toMatchObject({
        name: 'MTG_RunOnce_Job',
        platform: 'WINDOWS',
        qids: [90007, 90043],
        schedule: {
          type: 'ONCE',
          startDateTime: '2026-01-23T10:09:58',
          timezone: 'Asia/Kolkata',
          timezoneType: 'SPECIFIC_TZ',
        },
        assets: [{ id: ASSET_ID }],
        assetTags: [{ id: TAG_ID }],
        notification: {
          recipientEmails: ['john.doe@example.com', 'jane.doe@example.com'],
          completedPercentage: 80,
        },
      });
      expect(h.callCounts()).toEqual({ 'POST /mtg/v2/deploymentjob': 1 });
      const body = h.calls()[0]?.body;
      const spec = validateMitigationJobSpec(input);
      expect(spec.ok && body).toEqual(spec.ok && buildMitigationJobWireBody(spec.spec));
      // Field by field against Qualys' own run-once request (seed 003), the start in the unpadded form.
      expect(
        leafDiffs(
          body,
          {
            ...seedFixture('003-create-mtg-runonce-job-request.json'),
            assetIds: [ASSET_ID],
            assetTagIds: [TAG_ID],
          },
          ['startDateTime'],
        ),
      ).toEqual([]);
      expect(body).toMatchObject({ startDateTime: '2026-1-23 10:09:58 AM' });

      const read = await h.execute(MitigationJobSettingsDocument, { id: job?.id ?? '' });
      expect(read.data?.mitigationJob).toEqual(job);
    });
  });

  describe('updatePatchJob', () => {
    it('reads the job, sends it back whole with only the asked fields changed, and answers the job as Qualys did', async () => {
      const id = await createdPatchJobId(RICH_WINDOWS);
      const before = structuredClone(h.simulator.store().patchJob(id));
      h.resetCalls();
      const result = await h.execute(UpdatePatchJobDocument, {
        id,
        input: { name: 'Renamed', reattemptFailedPatches: { attempts: 5, backoffInterval: 15 } },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.updatePatchJob?.userErrors).toEqual([]);
      expect(result.data?.updatePatchJob?.job).toMatchObject({
        id,
        name: 'Renamed',
        reattemptFailedPatches: { enabled: true, attempts: 5, backoffInterval: 15 },
        schedule: { type: 'WEEKLY', weekDays: ['MONDAY', 'THURSDAY'] },
      });
      expect(h.callCounts()).toEqual({
        'GET /pm/v1/deploymentjob/{id}': 1,
        'PATCH /pm/v2/deploymentjob/update/{id}': 1,
      });
      const after = h.simulator.store().patchJob(id);
      const changed = Object.keys({ ...before, ...after }).filter(
        (k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]),
      );
      expect(changed.sort()).toEqual(['name', 'reattemptFailedPatches', 'updatedBy']);
      // The PATCH body is the GET body with exactly those edits.
      const [get, patch] = h.calls();
      expect(get?.method).toBe('GET');
      expect(patch?.body).toEqual({
        ...before,
        name: 'Renamed',
        reattemptFailedPatches: { noOfReattempts: 5, exponentialBackoffInterval: 15 },
      });
    });

    it('changes only the asked field of generated and seed jobs of both platforms', async () => {
      const store = h.simulator.store();
      const ids = [
        ...store.patchJobs.filter((j) => j.platform === 'Windows').slice(0, 8),
        ...store.patchJobs.filter((j) => j.platform === 'Linux').slice(0, 8),
      ].map((j) => j.id);
      ids.push('1ca9c211-6c0a-4855-ac49-f9d735b1563c', '16be09aa-5415-4a58-8295-8a4ac8db6f26');
      let updated = 0;
      for (const id of ids) {
        h.resetCalls();
        const before = structuredClone(h.simulator.store().patchJob(id)) ?? {};
        const description = `Updated ${id}`;
        const result = await h.execute(UpdatePatchJobDocument, { id, input: { description } });
        expect(result.errors, id).toBeUndefined();
        const errors = result.data?.updatePatchJob?.userErrors ?? [];
        if (errors.length > 0) {
          // The seed 001 Linux MakeCache demo job has no patch source: the gateway's rule says so.
          expect(id).toBe('16be09aa-5415-4a58-8295-8a4ac8db6f26');
          expect(errors.map((e) => e.code)).toEqual(['PATCH_SOURCE_MISSING']);
          expect(h.callCounts()).toEqual({ 'GET /pm/v1/deploymentjob/{id}': 1 });
          continue;
        }
        updated += 1;
        // What the gateway sent: the job as GET answered it, with only the description changed.
        expect(h.calls()[1]?.body, id).toEqual({ ...before, description });
        // What Qualys stored: among the job's fields, only the description and updatedBy changed
        // (the simulator may add fields the seed sample lacked, with its defaults).
        const after = h.simulator.store().patchJob(id) ?? {};
        const changed = Object.keys(before).filter(
          (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
        );
        expect(changed.sort(), id).toEqual(['description', 'updatedBy']);
        expect(result.data?.updatePatchJob?.job?.description).toBe(description);
      }
      expect(updated).toBe(ids.length - 1);
    });

    it('replaces the schedule when the input names a type', async () => {
      const id = await createdPatchJobId(RICH_WINDOWS);
      const result = await h.execute(UpdatePatchJobDocument, {
        id,
        input: {
          schedule: {
            type: 'MONTHLY',
            startDateTime: '2027-01-05T06:00:00',
            timezone: 'UTC',
            weekOfMonth: 2,
            weekDayOfMonth: 'TUESDAY',
          },
        },
      });
      expect(result.data?.updatePatchJob?.job?.schedule).toMatchObject({
        type: 'MONTHLY',
        startDateTime: '2027-01-05T06:00:00',
        timezone: 'UTC',
        weekDays: [],
        weekOfMonth: 2,
        weekDayOfMonth: 'TUESDAY',
        patchTuesday: false,
      });
    });

    it('answers NOT_FOUND at ["id"] for an unknown job, after one read', async () => {
      const result = await h.execute(UpdatePatchJobDocument, { id: UNKNOWN_JOB, input: { name: 'x' } });
      expect(result.data?.updatePatchJob?.userErrors).toEqual([
        { field: ['id'], code: 'NOT_FOUND', message: expect.any(String), qualysErrorCode: null },
      ]);
      expect(h.callCounts()).toEqual({ 'GET /pm/v1/deploymentjob/{id}': 1 });
    });

    it('checks the merged job: a Linux-only setting on a Windows job costs the read only, no write', async () => {
      const id = await createdPatchJobId(windowsJob() as CreatePatchJobInput);
      h.resetCalls();
      const result = await h.execute(UpdatePatchJobDocument, { id, input: { updatePackageCache: true } });
      expect(result.data?.updatePatchJob?.userErrors).toMatchObject([
        { field: ['input', 'updatePackageCache'], code: 'PLATFORM_UNSUPPORTED' },
      ]);
      expect(h.callCounts()).toEqual({ 'GET /pm/v1/deploymentjob/{id}': 1 });
    });

    it('answers a rule the input alone breaks with zero upstream calls', async () => {
      const inputs: [UpdatePatchJobInput, string, string[]][] = [
        [
          { schedule: { type: 'ONCE', timezone: 'UTC' } },
          'START_TIME_REQUIRED',
          ['input', 'schedule', 'startDateTime'],
        ],
        [{ coAuthorIds: userIds(201) }, 'TOO_MANY', ['input', 'coAuthorIds']],
        [{ timeout: { value: 200, unit: 'HOURS' } }, 'OUT_OF_RANGE', ['input', 'timeout', 'value']],
        [
          { patches: { patchIds: [PATCH_ID], linkedJobId: UNKNOWN_JOB } },
          'PATCH_SOURCE_CONFLICT',
          ['input', 'patches'],
        ],
        [
          { notification: { recipientEmails: ['nope'] } },
          'INVALID_EMAIL',
          ['input', 'notification', 'recipientEmails', '0'],
        ],
      ];
      for (const [input, code, field] of inputs) {
        const result = await h.execute(UpdatePatchJobDocument, { id: UNKNOWN_JOB, input });
        expect(result.data?.updatePatchJob?.userErrors, code).toMatchObject([{ code, field }]);
      }
      expect(h.calls()).toEqual([]);
    });
  });

  describe('updateMitigationJob', () => {
    it('sends the job back with its QIDs and changes only what was asked', async () => {
      const id = await createdMitigationJobId({
        name: 'MTG update',
        platform: 'LINUX',
        qids: [90007],
        targets: { tagIds: [TAG_ID] },
      });
      const before = structuredClone(h.simulator.store().mitigationJob(id));
      h.resetCalls();
      const renamed = await h.execute(UpdateMitigationJobDocument, { id, input: { name: 'MTG renamed' } });
      expect(renamed.data?.updateMitigationJob?.job).toMatchObject({
        id,
        name: 'MTG renamed',
        qids: [90007],
      });
      expect(h.callCounts()).toEqual({
        'GET /mtg/v1/deploymentjob/{id}': 1,
        'PATCH /mtg/v2/deploymentjob/{id}': 1,
      });
      expect(h.calls()[1]?.body).toMatchObject({ qids: [90007], name: 'MTG renamed' });
      const after = h.simulator.store().mitigationJob(id);
      const changed = Object.keys({ ...before, ...after }).filter(
        (k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]),
      );
      expect(changed.sort()).toEqual(['name', 'updatedBy']);

      const requalified = await h.execute(UpdateMitigationJobDocument, {
        id,
        input: {
          qids: [90007, 90043],
          schedule: { type: 'ONCE', startDateTime: '2026-09-09T09:09:09', timezone: 'UTC' },
        },
      });
      expect(requalified.data?.updateMitigationJob?.job).toMatchObject({
        qids: [90007, 90043],
        schedule: { type: 'ONCE', startDateTime: '2026-09-09T09:09:09' },
      });
      const read = await h.execute(MitigationJobSettingsDocument, { id });
      expect(read.data?.mitigationJob).toEqual(requalified.data?.updateMitigationJob?.job);
    });

    it('refuses a recurring schedule for a mitigation job without any call', async () => {
      const result = await h.execute(UpdateMitigationJobDocument, {
        id: UNKNOWN_JOB,
        input: { schedule: { type: 'DAILY', startDateTime: '2026-09-09T09:09:09', timezone: 'UTC' } },
      });
      expect(result.data?.updateMitigationJob?.userErrors).toMatchObject([
        { code: 'MTG_SCHEDULE_UNSUPPORTED', field: ['input', 'schedule', 'type'] },
      ]);
      expect(h.calls()).toEqual([]);
    });

    it('answers NOT_FOUND for an unknown mitigation job', async () => {
      const result = await h.execute(UpdateMitigationJobDocument, { id: UNKNOWN_JOB, input: { name: 'x' } });
      expect(result.data?.updateMitigationJob?.userErrors).toMatchObject([
        { code: 'NOT_FOUND', field: ['id'] },
      ]);
    });
  });

  describe('bulk calls', () => {
    it('setPatchJobsStatus: one call, one result per id, per-item failures (non-recurring job, unknown id)', async () => {
      const onDemand = await createdPatchJobId({
        ...(windowsJob() as CreatePatchJobInput),
        status: 'ENABLED',
      });
      const daily = await createdPatchJobId({
        ...(windowsJob() as CreatePatchJobInput),
        status: 'ENABLED',
        schedule: { type: 'DAILY', startDateTime: '2026-12-01T22:00:00', timezone: 'UTC' },
      });
      h.resetCalls();
      const result = await h.execute(SetPatchJobsStatusDocument, {
        ids: [onDemand, UNKNOWN_JOB, daily],
        status: 'DISABLED',
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.setPatchJobsStatus).toEqual({
        results: [
          {
            id: onDemand,
            name: 'Base Windows job',
            success: false,
            message: expect.stringMatching(/cannot be disabled/),
          },
          { id: UNKNOWN_JOB, name: null, success: false, message: expect.any(String) },
          { id: daily, name: 'Base Windows job', success: true, message: null },
        ],
        userErrors: [],
      });
      expect(h.callCounts()).toEqual({ 'POST /pm/v1/deploymentjobs/update/status/Disabled': 1 });
      expect(h.calls()[0]?.body).toEqual({ ids: [onDemand, UNKNOWN_JOB, daily] });
      const read = await h.execute(PatchJobSettingsDocument, { id: daily });
      expect(read.data?.patchJob?.status).toBe('DISABLED');
    });

    it('setMitigationJobsStatus: enables, then refuses to disable the non-recurring job', async () => {
      const id = await createdMitigationJobId({
        name: 'MTG status',
        platform: 'WINDOWS',
        qids: [90043],
        targets: { assetIds: [ASSET_ID] },
      });
      const enabled = await h.execute(SetMitigationJobsStatusDocument, { ids: [id], status: 'ENABLED' });
      expect(enabled.data?.setMitigationJobsStatus?.results).toEqual([
        { id, name: 'MTG status', success: true, message: null },
      ]);
      const disabled = await h.execute(SetMitigationJobsStatusDocument, {
        ids: [id, UNKNOWN_JOB],
        status: 'DISABLED',
      });
      expect(disabled.data?.setMitigationJobsStatus?.results.map((r) => r.success)).toEqual([false, false]);
      expect(disabled.data?.setMitigationJobsStatus?.results[0]?.message).toMatch(
        /Non-recurring jobs cannot be disabled/,
      );
    });

    it('deletePatchJobs: deletes known jobs, reports unknown ids, and the job is gone', async () => {
      const id = await createdPatchJobId(windowsJob() as CreatePatchJobInput);
      h.resetCalls();
      const result = await h.execute(DeletePatchJobsDocument, { ids: [id, UNKNOWN_JOB] });
      expect(result.data?.deletePatchJobs?.results).toEqual([
        { id, name: 'Base Windows job', success: true, message: null },
        { id: UNKNOWN_JOB, name: null, success: false, message: expect.any(String) },
      ]);
      expect(h.callCounts()).toEqual({ 'DELETE /pm/v1/deploymentjobs': 1 });
      expect(h.calls()[0]?.body).toEqual({ ids: [id, UNKNOWN_JOB] });
      const read = await h.execute(PatchJobSettingsDocument, { id });
      expect(read.data?.patchJob).toBeNull();
    });

    it('refuses empty, oversized and malformed id lists as BAD_USER_INPUT with zero calls', async () => {
      for (const ids of [
        [],
        Array.from({ length: 1001 }, (_, i) => `${UNKNOWN_JOB.slice(0, -4)}${String(i).padStart(4, '0')}`),
        ['../etc'],
      ]) {
        const result = await h.execute(DeletePatchJobsDocument, { ids });
        expect(result.errors?.[0]?.extensions?.['code'], String(ids.length)).toBe('BAD_USER_INPUT');
      }
      expect(h.calls()).toEqual([]);
    });
  });

  describe('co-author limit', () => {
    it("the gateway's own rule stops 201 co-authors with zero calls", async () => {
      const payload = await createPatchJob({
        ...(windowsJob() as CreatePatchJobInput),
        coAuthorIds: userIds(201),
      });
      expect(payload.userErrors).toEqual([
        {
          field: ['input', 'coAuthorIds'],
          code: 'TOO_MANY',
          qualysErrorCode: null,
          message: expect.stringMatching(/200/),
        },
      ]);
      expect(h.calls()).toEqual([]);
    });

    it("Qualys' 2435 rejection becomes a QUALYS_REJECTED user error with qualysErrorCode", async () => {
      h.simulator.injectFault({
        method: 'POST',
        path: '/pm/v2/deploymentjob',
        status: 400,
        body: CO_AUTHOR_LIMIT,
      });
      const payload = await createPatchJob({
        ...(windowsJob() as CreatePatchJobInput),
        coAuthorIds: userIds(200),
      });
      expect(payload.job).toBeNull();
      expect(payload.userErrors).toEqual([
        {
          field: ['input', 'coAuthorIds'],
          code: 'QUALYS_REJECTED',
          qualysErrorCode: '2435',
          message: 'Co-author limit exceeded. You can add up to 200 co-authors per job',
        },
      ]);
      expect(h.callCounts()).toEqual({ 'POST /pm/v2/deploymentjob': 1 });
    });
  });

  describe('never twice', () => {
    it('a create failing upstream (5xx) is a top-level error and is not retried', async () => {
      h.simulator.injectFault({ method: 'POST', path: '/pm/v2/deploymentjob', status: 503 });
      const result = await h.execute(CreatePatchJobDocument, { input: windowsJob() as CreatePatchJobInput });
      expect(result.data?.createPatchJob).toBeNull();
      expect(result.errors?.[0]?.extensions?.['code']).toBe('QUALYS_HTTP_STATUS');
      expect(h.callCounts()).toEqual({ 'POST /pm/v2/deploymentjob': 1 });
    });

    it('a throttled create (429) is not retried either', async () => {
      h.simulator.injectFault({
        method: 'POST',
        path: '/pm/v2/deploymentjob',
        status: 429,
        headers: { 'retry-after': '0' },
      });
      const result = await h.execute(CreatePatchJobDocument, { input: windowsJob() as CreatePatchJobInput });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('QUALYS_RATE_LIMITED');
      expect(h.callCounts()).toEqual({ 'POST /pm/v2/deploymentjob': 1 });
    });
  });

  describe('idempotencyKey', () => {
    const posts = () =>
      h.calls().filter((c) => c.method === 'POST' && c.path === '/pm/v2/deploymentjob').length;

    it('the same create sent twice creates one job and answers the same job', async () => {
      const input = { ...(windowsJob() as CreatePatchJobInput), name: 'Idempotent sequential' };
      const first = await createPatchJob(input, 'key-sequential');
      const second = await createPatchJob(input, 'key-sequential');
      expect(first.replayed).toBe(false);
      expect(second.replayed).toBe(true);
      expect(second.job?.id).toBe(first.job?.id);
      expect(second.job).toEqual(first.job);
      expect(posts()).toBe(1);
    });

    it('concurrent requests with one key make one POST', async () => {
      const input = { ...(windowsJob() as CreatePatchJobInput), name: 'Idempotent concurrent' };
      const results = await Promise.all([1, 2, 3].map(() => createPatchJob(input, 'key-concurrent')));
      expect(new Set(results.map((r) => r.job?.id)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(posts()).toBe(1);
    });

    it('the same key with a different input answers IDEMPOTENCY_KEY_REUSED with zero calls', async () => {
      await createPatchJob({ ...(windowsJob() as CreatePatchJobInput), name: 'First' }, 'key-reused');
      h.resetCalls();
      const other = await createPatchJob(
        { ...(windowsJob() as CreatePatchJobInput), name: 'Second' },
        'key-reused',
      );
      expect(other.userErrors).toMatchObject([{ code: 'IDEMPOTENCY_KEY_REUSED', field: ['idempotencyKey'] }]);
      expect(h.calls()).toEqual([]);
    });

    it('a Qualys rejection is replayed for the same key without a second call', async () => {
      h.simulator.injectFault({
        method: 'POST',
        path: '/pm/v2/deploymentjob',
        status: 400,
        body: CO_AUTHOR_LIMIT,
        times: 1,
      });
      const input = { ...(windowsJob() as CreatePatchJobInput), name: 'Rejected' };
      const first = await createPatchJob(input, 'key-rejected');
      const again = await createPatchJob(input, 'key-rejected');
      expect(first.userErrors[0]?.qualysErrorCode).toBe('2435');
      expect(again).toEqual({ ...first, replayed: true });
      expect(posts()).toBe(1);
    });

    it('keys are per caller: another bearer token with the same key creates its own job', async () => {
      // Forwarded tokens; a clock that moves one second per read so each token is a new JWT.
      let clock = Date.now();
      const forwarding = await startHarness({
        serviceCredentials: false,
        simulator: {
          fleet: { assets: 50, patches: 100, patchJobs: 5, mitigationJobs: 2 },
          now: () => (clock += 1_000),
        },
      });
      try {
        const input = { ...(windowsJob() as CreatePatchJobInput), name: 'Per caller' };
        const as = (token: string) =>
          forwarding.execute(
            CreatePatchJobDocument,
            { input, idempotencyKey: 'shared-key' },
            { authorization: `Bearer ${token}` },
          );
        const alice = forwarding.simulator.issueToken('simulator');
        const bob = forwarding.simulator.issueToken('simulator');
        expect(bob).not.toBe(alice);
        const first = await as(alice);
        const again = await as(alice);
        const other = await as(bob);
        expect(first.data?.createPatchJob?.replayed).toBe(false);
        expect(again.data?.createPatchJob).toMatchObject({
          replayed: true,
          job: { id: first.data?.createPatchJob?.job?.id },
        });
        expect(other.data?.createPatchJob?.replayed).toBe(false);
        expect(other.data?.createPatchJob?.job?.id).not.toBe(first.data?.createPatchJob?.job?.id);
        expect(forwarding.calls().filter((c) => c.method === 'POST')).toHaveLength(2);
      } finally {
        await forwarding.close();
      }
    });

    it('a rule violation is answered before the key is used (no entry, no call)', async () => {
      const bad = await createPatchJob(
        { ...(windowsJob() as CreatePatchJobInput), name: '' },
        'key-invalid-first',
      );
      expect(bad.userErrors[0]?.code).toBe('REQUIRED');
      const good = await createPatchJob(windowsJob() as CreatePatchJobInput, 'key-invalid-first');
      expect(good.userErrors).toEqual([]);
      expect(good.replayed).toBe(false);
    });

    it('refuses a malformed key as BAD_USER_INPUT', async () => {
      const result = await h.execute(CreatePatchJobDocument, {
        input: windowsJob() as CreatePatchJobInput,
        idempotencyKey: 'has space',
      });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(h.calls()).toEqual([]);
    });
  });

  describe('every validation rule through GraphQL', () => {
    it.each(PATCH_BREAKERS.map((b) => [titleOf(b), b] as const))(
      'createPatchJob %s, zero calls',
      async (_, breaker) => {
        const payload = await createPatchJob(broken(breaker) as CreatePatchJobInput);
        expect(payload.job).toBeNull();
        expect(payload.userErrors).toEqual([
          {
            field: ['input', ...breaker.path],
            code: breaker.code,
            message: expect.any(String),
            qualysErrorCode: null,
          },
        ]);
        expect(h.calls()).toEqual([]);
      },
    );

    it.each(MITIGATION_BREAKERS.map((b) => [titleOf(b), b] as const))(
      'createMitigationJob %s, zero calls',
      async (_, breaker) => {
        const result = await h.execute(CreateMitigationJobDocument, {
          input: broken(breaker) as CreateMitigationJobInput,
        });
        expect(result.errors).toBeUndefined();
        expect(result.data?.createMitigationJob?.userErrors).toEqual([
          {
            field: ['input', ...breaker.path],
            code: breaker.code,
            message: expect.any(String),
            qualysErrorCode: null,
          },
        ]);
        expect(h.calls()).toEqual([]);
      },
    );

    it('covers every rule of the table', () => {
      const tested = new Set([...PATCH_BREAKERS, ...MITIGATION_BREAKERS].map((b) => b.rule));
      expect(JOB_RULES.map((r) => r.name).filter((name) => !tested.has(name))).toEqual([]);
    });

    it('refuses malformed ids and oversized lists in job inputs as BAD_USER_INPUT with zero calls', async () => {
      const inputs = [
        { ...windowsJob(), targets: { assetIds: ['not a uuid!'] } },
        { ...windowsJob(), patches: { linkedJobId: 'a/b' } },
        { ...windowsJob(), coAuthorIds: userIds(1001) },
      ];
      for (const input of inputs) {
        const result = await h.execute(CreatePatchJobDocument, { input: input as CreatePatchJobInput });
        expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
        expect(result.data?.createPatchJob ?? null).toBeNull();
      }
      const badDate = await h.execute(CreatePatchJobDocument, {
        input: {
          ...(windowsJob() as CreatePatchJobInput),
          schedule: { type: 'ONCE', startDateTime: '2026-1-1 10:00', timezone: 'UTC' },
        },
      });
      expect(badDate.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(h.calls()).toEqual([]);
    });
  });
});

describe('idempotencyKey after a create whose answer never came', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ timeoutMs: 300 });
  });
  afterAll(() => h.close());

  it('is not sent again: the retry answers OUTCOME_UNKNOWN', async () => {
    h.simulator.injectFault({
      method: 'POST',
      path: '/pm/v2/deploymentjob',
      status: 201,
      body: {},
      delayMs: 2_000,
      times: 1,
    });
    const input = windowsJob() as CreatePatchJobInput;
    const first = await h.execute(CreatePatchJobDocument, { input, idempotencyKey: 'lost-answer' });
    expect(first.errors?.[0]?.extensions?.['code']).toBe('QUALYS_TIMEOUT');
    expect(first.data?.createPatchJob).toBeNull();
    const retry = await h.execute(CreatePatchJobDocument, { input, idempotencyKey: 'lost-answer' });
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.createPatchJob).toMatchObject({
      job: null,
      replayed: false,
      userErrors: [{ code: 'OUTCOME_UNKNOWN', field: ['idempotencyKey'] }],
    });
    expect(h.calls().filter((c) => c.method === 'POST')).toHaveLength(1);
  });
});
