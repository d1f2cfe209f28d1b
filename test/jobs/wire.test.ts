import { describe, expect, it } from 'vitest';
import {
  buildMitigationJobWireBody,
  buildPatchJobWireBody,
  fromQualysWallClock,
  MitigationJobSpecSchema,
  PatchJobSpecSchema,
  specFromMitigationJobWire,
  specFromPatchJobWire,
  validateMitigationJobSpec,
  validatePatchJobSpec,
} from '../../src/jobs/index.js';
import { at, leafDiffs, seedFixture } from './helpers.js';

/** A valid spec from a create input (fails the test on a rule violation). */
function patchSpec(input: Record<string, unknown>) {
  const result = validatePatchJobSpec(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.spec;
}

function mitigationSpec(input: Record<string, unknown>) {
  const result = validateMitigationJobSpec(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.spec;
}

const MTG_TARGETS = {
  assetIds: ['28e69c01-8e59-4520-83da-a934becf9d88'],
  tagIds: ['576b4fab-2682-433e-b3e6-c4ea9861ae75'],
};
const MTG_NOTIFICATION = {
  recipientEmails: ['john.doe@example.com', 'jane.doe@example.com'],
  completedPercentage: 80,
  onJobStart: true,
  onJobComplete: true,
};

describe('buildPatchJobWireBody', () => {
  it('builds the seed 001 Windows create request (reattempt 5 x 15) field by field', () => {
    const body = buildPatchJobWireBody(
      patchSpec({
        name: 'TestAPI_CreateJobNew222',
        platform: 'WINDOWS',
        targets: { assetIds: ['ffb6aa16-f342-4f94-99c1-3ae941ce6357'] },
        patches: {
          patchIds: ['444ba31a-0f94-3199-870e-ef8ab1a5a477', 'b91fca0e-2a07-3155-909c-fc50ba1863ed'],
        },
        reattemptFailedPatches: { attempts: 5, backoffInterval: 15 },
      }),
    );
    expect(leafDiffs(body, seedFixture('001-create-windows-job-request.json'))).toEqual([]);
  });

  it('builds the seed 001 Linux MakeCache create request field by field', () => {
    // Qualys' sample job has no patch source (a MakeCache demo); the gateway's rules require one,
    // so the builder is fed the parsed spec directly here.
    const spec = PatchJobSpecSchema.parse({
      name: 'Demo_MakeCache',
      platform: 'LINUX',
      status: 'ENABLED',
      targets: { assetIds: ['08a028e6-7e1d-4dbf-b040-48d9059dee08'] },
      updatePackageCache: true,
    });
    const body = buildPatchJobWireBody(spec);
    expect(leafDiffs(body, seedFixture('001-create-linux-job-request.json'))).toEqual([]);
    expect(body['preDeployActions']).toEqual([
      {
        action: 'Run Script',
        params: {
          actionItem: 'makecache Pre-Action',
          remediationScope: false,
          defaultScriptType: 'MakeCache',
        },
        scriptType: 'sh',
        script: '',
      },
    ]);
  });

  it('builds the seed 002 Windows Rollback request (minimizeWindow sent as a boolean, not "true")', () => {
    const body = buildPatchJobWireBody(
      patchSpec({
        name: 'Winodws Public API job 5',
        description: 'Winodws job created via public API',
        platform: 'WINDOWS',
        type: 'ROLLBACK',
        targets: { assetIds: ['bdf79678-e0f3-4c96-9d5c-59b14661ec3f'] },
        patches: {
          patchIds: ['ca0d50b1-df21-31ef-aa9b-eec805b3a517', '9285e676-6340-3ba7-b124-31d84542c7bf'],
        },
        minimizeWindow: true,
        timeout: { value: 6, unit: 'HOURS' },
      }),
    );
    expect(leafDiffs(body, seedFixture('002-create-windows-rollback-job-request.json'))).toEqual([
      'minimizeWindow: "true" -> true',
    ]);
  });

  it('builds the settings of the seed 003 randomisation request (8 hours)', () => {
    const fixture = seedFixture('003-create-windows-job-randomize-request.json');
    const body = buildPatchJobWireBody(
      patchSpec({
        name: 'Randomize_publicAPIDoc',
        platform: 'WINDOWS',
        status: 'ENABLED',
        targets: {
          assetIds: ['269c7084-4712-46b3-a4b1-ea03632c4330', 'db854e92-2906-44ff-bdb5-b48325b90e47'],
        },
        patches: {
          patchIds: [
            '192098db-d337-3914-94cc-60382e550094',
            '3f8567f4-4848-3116-84da-1c965eade906',
            '48dc6993-9222-31e4-9727-21dc12182855',
            'b44a8452-7fd6-31a4-b4c5-640b43128a39',
          ],
        },
        downloadRandomization: { value: 8, unit: 'HOURS' },
      }),
    );
    // The sample body is a GET answer sent back (counts, audit stamps, null lists): compare the
    // settings a create body carries.
    for (const path of [
      'name',
      'type',
      'status',
      'scheduleType',
      'platform',
      'subCategory',
      'approvedPatches',
      'assetIds',
      'downloadRandomizeTime',
      'downloadRandomizeTimeUnit',
      'timeout',
      'timeoutUnit',
      'recurring',
      'recurringWeekDays',
      'dynamicQQLType',
      'isDynamicPatchesQQL',
      'dynamicPatchesQQL',
      'opportunisticDownloads',
      'minimizeWindow',
      'continueOnPatchFailure',
      'enableReattemptFailedPatches',
      'reattemptFailedPatches',
      'allowExecutionWithPendingReboot',
      'isDefaultJob',
      'defaultJobConfiguration',
      'customPatchURLId',
      'filterType',
      'exclusionFilterType',
      'postDeployment.rebootCountdown',
      'postDeployment.rebootHonorOnUserLogin',
      'postDeployment.onComplete.alwaysShowCompletedPrompt',
      'duringDeployment',
    ]) {
      expect(at(body, path), path).toEqual(at(fixture, path));
    }
  });

  it('builds the seed 003 v2 co-author request settings (co-authors, tags, patches)', () => {
    const fixture = seedFixture('003-coauthor-limit-request.json');
    const body = buildPatchJobWireBody(
      patchSpec({
        name: 'API_notification_deployment_job',
        platform: 'WINDOWS',
        targets: { tagIds: ['c4c928b0-ab93-44ff-9da9-f56ad109d2eb'] },
        patches: { patchIds: ['865048a1-ad00-30e4-83c0-68ed70b2b4ad'] },
        coAuthorIds: fixture['coAuthorUserIds'] as string[],
      }),
    );
    const ignore = [
      // A GET answer sent back: audit stamp, counts, the Qualys-computed asset QQL, jobCategory 3.
      'createdBy.user.id',
      'createdBy.user.name',
      'createdBy.user.fullName',
      'createdBy.date',
      'createdBy.context',
      'assetCount',
      'assetDetectionsQQL',
      'jobCategory',
      // Deferments without count/interval ("null") in the sample; the builder sends Qualys' 3 x 1 hour.
      'preDeployment.deferment.count',
      'preDeployment.deferment.interval',
      'postDeployment.rebootOption.deferment.count',
      'postDeployment.rebootOption.deferment.interval',
      // The sample spells it in lower case; the builder sends `opportunisticDownloads` (seeds 001, 002).
      'opportunisticdownloads',
    ];
    expect(leafDiffs(body, fixture, ignore)).toEqual([]);
    expect(body['opportunisticDownloads']).toBe(false);
  });

  it('turns schedules into Qualys fields: bitmap, monthly rules as strings, wall clock without zone shift', () => {
    const start = '2026-12-01T22:00:00';
    const schedule = (s: Record<string, unknown>) =>
      buildPatchJobWireBody(
        patchSpec({ ...base(), schedule: { startDateTime: start, timezone: 'Asia/Kolkata', ...s } }),
      );
    const base = () => ({
      name: 'S',
      platform: 'WINDOWS',
      targets: { assetIds: ['fd64d050-a794-46c0-b714-4aecb286ff9d'] },
      patches: { qql: 'isSecurity:true' },
    });
    expect(schedule({ type: 'WEEKLY', weekDays: ['MONDAY'] })).toMatchObject({
      scheduleType: 'Weekly',
      recurring: true,
      recurringWeekDays: '0,1,0,0,0,0,0',
      startDateTime: '2026-12-1 10:00:00 PM',
      timezone: 'Asia/Kolkata',
      timezoneType: 'SPECIFIC_TZ',
      monthlyRecurringType: null,
      isDynamicPatchesQQL: true,
      dynamicPatchesQQL: 'isSecurity:true',
      approvedPatches: [],
    });
    expect(
      schedule({ type: 'WEEKLY', weekDays: ['SATURDAY', 'SUNDAY', 'WEDNESDAY'] })['recurringWeekDays'],
    ).toBe('1,0,0,1,0,0,1');
    expect(schedule({ type: 'MONTHLY', patchTuesdayOffsetDays: -3 })).toMatchObject({
      scheduleType: 'Monthly',
      monthlyRecurringType: '1',
      patchTuesdayPlusXDays: '-3',
      dayOfMonth: null,
      recurringDayOfMonth: null,
      recurringWeekDayOfMonth: null,
      recurringLastDayOfMonth: false,
      recurringWeekDays: '',
    });
    expect(schedule({ type: 'MONTHLY', weekOfMonth: 2, weekDayOfMonth: 'TUESDAY' })).toMatchObject({
      monthlyRecurringType: '0',
      recurringDayOfMonth: '2',
      recurringWeekDayOfMonth: '2',
      dayOfMonth: null,
      patchTuesdayPlusXDays: null,
    });
    expect(schedule({ type: 'MONTHLY', dayOfMonth: 15 })).toMatchObject({
      monthlyRecurringType: '0',
      dayOfMonth: '15',
    });
    expect(schedule({ type: 'MONTHLY', lastDayOfMonth: true })).toMatchObject({
      recurringLastDayOfMonth: true,
      dayOfMonth: null,
    });
    expect(schedule({ type: 'DAILY', timezone: null, timezoneType: 'AGENT_TZ' })).toMatchObject({
      scheduleType: 'Daily',
      timezone: null,
      timezoneType: 'AGENT_TZ',
      startDateTime: '2026-12-1 10:00:00 PM',
    });
    expect(schedule({ type: 'ONCE', startDateTime: '2026-06-15T00:30:00' })).toMatchObject({
      scheduleType: 'Once',
      recurring: false,
      startDateTime: '2026-6-15 12:30:00 AM',
    });
  });

  it('sends the same key set for every spec', () => {
    const minimal = buildPatchJobWireBody(
      patchSpec({ name: 'a', platform: 'LINUX', targets: { tagIds: ['t'] }, patches: { linkedJobId: 'j' } }),
    );
    const full = buildPatchJobWireBody(
      patchSpec({
        name: 'b',
        platform: 'WINDOWS',
        targets: { assetIds: ['a'] },
        patches: { patchIds: ['p'] },
        schedule: {
          type: 'WEEKLY',
          startDateTime: '2026-01-01T01:00:00',
          timezone: 'UTC',
          weekDays: ['FRIDAY'],
        },
        rebootSettings: { suppressReboots: true, countdown: { value: 2, unit: 'HOURS' } },
        reattemptFailedPatches: { attempts: 1, backoffInterval: 1 },
        timeout: { value: 2, unit: 'HOURS' },
        notification: { recipientEmails: ['a@example.com'] },
      }),
    );
    expect(Object.keys(minimal)).toEqual(Object.keys(full));
    expect(minimal).toMatchObject({ linkedJobId: 'j', approvedPatches: [], isDynamicPatchesQQL: false });
  });
});

describe('buildMitigationJobWireBody', () => {
  it('builds the seed 003 on-demand MTG create request field by field', () => {
    const body = buildMitigationJobWireBody(
      mitigationSpec({
        name: 'Windows_MTG_OnDemand_Job',
        description: 'Test Windows On-Demand Mitigation Job',
        platform: 'WINDOWS',
        status: 'ENABLED',
        qids: [90007, 90043],
        targets: MTG_TARGETS,
        notification: MTG_NOTIFICATION,
      }),
    );
    expect(leafDiffs(body, seedFixture('003-create-mtg-ondemand-job-request.json'))).toEqual([]);
    expect(body).toMatchObject({ startDateTime: null, timezone: null, timezoneType: null });
  });

  it('builds the seed 003 run-once MTG create request field by field (start in the unpadded form)', () => {
    const fixture = seedFixture('003-create-mtg-runonce-job-request.json');
    const body = buildMitigationJobWireBody(
      mitigationSpec({
        name: 'MTG_RunOnce_Job',
        description: 'Test Windows Run-Once Mitigation Job',
        platform: 'WINDOWS',
        status: 'ENABLED',
        qids: [90007, 90043],
        targets: MTG_TARGETS,
        schedule: { type: 'ONCE', startDateTime: '2026-01-23T10:09:58', timezone: 'Asia/Kolkata' },
        notification: MTG_NOTIFICATION,
      }),
    );
    expect(leafDiffs(body, fixture, ['startDateTime'])).toEqual([]);
    expect(body['startDateTime']).toBe('2026-1-23 10:09:58 AM');
    expect(fromQualysWallClock(body['startDateTime'] as string)).toBe(
      fromQualysWallClock(fixture['startDateTime'] as string),
    );
  });
});

describe('specFromPatchJobWire / specFromMitigationJobWire', () => {
  it('read back what Qualys answered to the seed 001 Windows create', () => {
    const spec = specFromPatchJobWire(seedFixture('001-create-windows-job-response.json'));
    expect(spec).toMatchObject({
      name: 'TestAPI_CreateJobNew222',
      platform: 'WINDOWS',
      type: 'INSTALL',
      status: 'DISABLED',
      targets: { assetIds: ['ffb6aa16-f342-4f94-99c1-3ae941ce6357'], tagIds: [], tagMatch: 'ANY' },
      patches: {
        patchIds: ['444ba31a-0f94-3199-870e-ef8ab1a5a477', 'b91fca0e-2a07-3155-909c-fc50ba1863ed'],
        qql: null,
      },
      schedule: {
        type: 'ON_DEMAND',
        startDateTime: '2025-03-18T09:47:32',
        timezone: 'UTC',
        timezoneType: 'SPECIFIC_TZ',
      },
      reattemptFailedPatches: { attempts: 5, backoffInterval: 15 },
      deferment: { count: 3, interval: 1, intervalUnit: 'HOURS' },
      timeout: null,
      updatePackageCache: false,
    });
  });

  it('read the MakeCache pre-action of the seed 001 Linux job', () => {
    expect(specFromPatchJobWire(seedFixture('001-get-linux-job-16be09aa-response.json'))).toMatchObject({
      platform: 'LINUX',
      updatePackageCache: true,
      reattemptFailedPatches: null,
      patches: { patchIds: [], qql: null, linkedJobId: null },
    });
  });

  it('read the QIDs of a mitigation job from its actions (GET has no qids)', () => {
    const spec = specFromMitigationJobWire(seedFixture('003-get-mtg-job-756aa782-response.json'));
    expect(spec).toMatchObject({
      qids: [90007, 90043],
      status: 'ENABLED',
      targets: MTG_TARGETS,
      notification: { ...MTG_NOTIFICATION, emailEnabled: true },
    });
    expect(MitigationJobSpecSchema.parse(spec)).toEqual(spec);
  });

  it('round-trip: a built body read back gives the spec', () => {
    const spec = patchSpec({
      name: 'Round trip',
      platform: 'WINDOWS',
      targets: { assetIds: ['a'], exclusionTagIds: ['t'], exclusionTagMatch: 'ALL' },
      patches: { patchIds: ['p'] },
      schedule: {
        type: 'MONTHLY',
        startDateTime: '2026-07-01T13:00:00',
        timezone: 'UTC',
        weekOfMonth: 5,
        weekDayOfMonth: 'FRIDAY',
      },
      preDeploymentMessage: { message: 'Hi', description: 'There' },
      rebootSettings: { honorUserLogin: true, countdown: { value: 30, unit: 'MINUTES' } },
      reattemptFailedPatches: { attempts: 3, backoffInterval: 7 },
      downloadRandomization: { value: 90, unit: 'MINUTES' },
      timeout: { value: 12, unit: 'HOURS' },
      coAuthorIds: ['u1', 'u2'],
      notification: { recipientEmails: ['a@example.com'], completedPercentage: 50, onJobComplete: true },
    });
    const read = specFromPatchJobWire({ id: 'x', ...buildPatchJobWireBody(spec) });
    expect(buildPatchJobWireBody(read)).toEqual(buildPatchJobWireBody(spec));
    expect(read).toMatchObject({
      schedule: { ...spec.schedule, timezoneType: 'SPECIFIC_TZ' },
      reattemptFailedPatches: spec.reattemptFailedPatches,
      downloadRandomization: spec.downloadRandomization,
      timeout: spec.timeout,
      notification: spec.notification,
      targets: spec.targets,
    });
  });
});
