import { describe, expect, it } from 'vitest';
import {
  MitigationJobUpdateSpecSchema,
  mergeMitigationJobIntoWire,
  mergeMitigationJobSpec,
  mergePatchJobIntoWire,
  mergePatchJobSpec,
  PatchJobUpdateSpecSchema,
  specFromMitigationJobWire,
  specFromPatchJobWire,
} from '../../src/jobs/index.js';
import type { QualysWireObject } from '../../src/qualys/api.js';
import { leafDiffs, seedFixture } from './helpers.js';

/** Applies an update input to a wire job, as the mutation does (without the rules). */
function updatePatch(current: QualysWireObject, input: Record<string, unknown>): QualysWireObject {
  const merged = mergePatchJobSpec(specFromPatchJobWire(current), PatchJobUpdateSpecSchema.parse(input));
  return mergePatchJobIntoWire(current, merged);
}

function updateMitigation(current: QualysWireObject, input: Record<string, unknown>): QualysWireObject {
  const merged = mergeMitigationJobSpec(
    specFromMitigationJobWire(current),
    MitigationJobUpdateSpecSchema.parse(input),
  );
  return mergeMitigationJobIntoWire(current, merged);
}

/** Top-level and nested paths whose values differ between two wire objects. */
function changedPaths(before: QualysWireObject, after: QualysWireObject): string[] {
  return [...leafDiffs(after, before), ...leafDiffs(before, after)]
    .map((line) => line.slice(0, line.indexOf(':')))
    .filter((path, i, all) => all.indexOf(path) === i)
    .sort();
}

describe('mergePatchJobIntoWire', () => {
  const current = seedFixture('001-create-windows-job-response.json');

  it('changes only what the update asks, keeping every other field of the current job as sent', () => {
    const body = updatePatch(current, { name: 'Renamed' });
    expect(changedPaths(current, body)).toEqual(['name']);
    expect(Object.keys(body)).toEqual(Object.keys(current));
    expect(body['customerId']).toBe(current['customerId']);
    expect(body['hostIsolationConfig']).toBeNull();
    expect(current['name']).toBe('TestAPI_CreateJobNew222'); // the input is not modified
  });

  it('writes the seed 001 Windows update values (reattempt 4 x 10, new assets, new name)', () => {
    const fixture = seedFixture('001-update-windows-job-request.json');
    const body = updatePatch(current, {
      name: 'TestAPI_Update_New',
      targets: { assetIds: ['65dad690-0144-0004-596b-005056aa5259'] },
      reattemptFailedPatches: { attempts: 4, backoffInterval: 10 },
    });
    expect(changedPaths(current, body)).toEqual([
      'assetIds',
      'name',
      'reattemptFailedPatches.exponentialBackoffInterval',
      'reattemptFailedPatches.noOfReattempts',
    ]);
    for (const key of [
      'name',
      'assetIds',
      'enableReattemptFailedPatches',
      'reattemptFailedPatches',
      'approvedPatches',
    ]) {
      expect(body[key], key).toEqual(fixture[key]);
    }
  });

  it('writes both spellings of suppressReboots when the current job has the response spelling', () => {
    const body = updatePatch(current, { rebootSettings: { suppressReboots: true } });
    expect(changedPaths(current, body)).toEqual([
      'postDeployment.suppressReboots',
      'postDeployment.suppressreboots',
    ]);
    expect(body['postDeployment']).toMatchObject({ suppressReboots: true, suppressreboots: true });
  });

  it('adds and removes the MakeCache pre-action without touching other pre-deploy actions', () => {
    const linux = seedFixture('001-get-linux-job-16be09aa-response.json');
    const custom = { action: 'Run Script', params: { actionItem: 'mine' }, scriptType: 'sh', script: 'echo' };
    const withCustom = { ...linux, preDeployActions: [...(linux['preDeployActions'] as unknown[]), custom] };
    expect(updatePatch(withCustom, { updatePackageCache: false })['preDeployActions']).toEqual([custom]);
    const without = { ...linux, preDeployActions: [custom] };
    const added = updatePatch(without, { updatePackageCache: true })['preDeployActions'] as unknown[];
    expect(added).toHaveLength(2);
    expect(added[1]).toMatchObject({ params: { defaultScriptType: 'MakeCache' }, script: '' });
    expect(updatePatch(linux, { name: 'x' })['preDeployActions']).toEqual(linux['preDeployActions']);
  });

  it('replaces the schedule when the update names a type, changing every schedule field that differs', () => {
    const body = updatePatch(current, {
      schedule: {
        type: 'MONTHLY',
        startDateTime: '2026-12-01T22:00:00',
        timezone: 'Europe/Berlin',
        patchTuesdayOffsetDays: 3,
      },
    });
    expect(changedPaths(current, body)).toEqual([
      'monthlyRecurringType',
      'patchTuesdayPlusXDays',
      'recurring',
      'scheduleType',
      'startDateTime',
      'timezone',
    ]);
    expect(body).toMatchObject({
      scheduleType: 'Monthly',
      monthlyRecurringType: '1',
      patchTuesdayPlusXDays: '3',
    });
  });

  it('resets an optional setting to its default on null and keeps a name on null', () => {
    const timed = { ...current, timeout: 6, timeoutUnit: 'HOURS' };
    const body = updatePatch(timed, { timeout: null, name: null, reattemptFailedPatches: null });
    expect(body).toMatchObject({ timeout: -1, name: current['name'], enableReattemptFailedPatches: false });
    expect(body['reattemptFailedPatches']).toEqual({ noOfReattempts: 0, exponentialBackoffInterval: 0 });
  });
});

describe('mergePatchJobSpec', () => {
  const current = specFromPatchJobWire(seedFixture('001-create-windows-job-response.json'));
  const merge = (input: Record<string, unknown>) =>
    mergePatchJobSpec(current, PatchJobUpdateSpecSchema.parse(input));

  it('merges a schedule without type field by field, and replaces one with a type', () => {
    const weekly = merge({
      schedule: {
        type: 'WEEKLY',
        startDateTime: '2026-01-01T08:00:00',
        timezone: 'UTC',
        weekDays: ['MONDAY'],
      },
    });
    expect(
      mergePatchJobSpec(weekly, PatchJobUpdateSpecSchema.parse({ schedule: { weekDays: ['FRIDAY'] } }))
        .schedule,
    ).toEqual({
      ...weekly.schedule,
      weekDays: ['FRIDAY'],
    });
    expect(
      mergePatchJobSpec(weekly, PatchJobUpdateSpecSchema.parse({ schedule: { type: 'DAILY' } })).schedule,
    ).toMatchObject({
      type: 'DAILY',
      startDateTime: null,
      weekDays: [],
    });
  });

  it('changes targets, reboot settings and notification field by field; patches as a whole', () => {
    const merged = merge({
      targets: { tagIds: ['t1'] },
      rebootSettings: { honorUserLogin: true },
      patches: { qql: 'isSecurity:true' },
      notification: { recipientEmails: ['a@example.com'] },
    });
    expect(merged.targets).toEqual({ ...current.targets, tagIds: ['t1'] });
    expect(merged.rebootSettings).toEqual({ ...current.rebootSettings, honorUserLogin: true });
    expect(merged.patches).toEqual({ patchIds: [], qql: 'isSecurity:true', linkedJobId: null });
    expect(merged.notification).toEqual({
      emailEnabled: true,
      recipientEmails: ['a@example.com'],
      completedPercentage: null,
      onJobStart: false,
      onJobComplete: false,
    });
    expect(merge({}).platform).toBe('WINDOWS');
    expect(merge({})).toEqual(current);
  });
});

describe('mergeMitigationJobIntoWire', () => {
  const current = seedFixture('003-create-mtg-ondemand-job-response.json');

  it('adds the QIDs Qualys needs (GET has none) and changes only what was asked', () => {
    const body = updateMitigation(current, { name: 'Win_MTG_OnDemand_Job_' });
    expect(changedPaths(current, body)).toEqual(['name', 'qids']);
    expect(body['qids']).toEqual([90007, 90043]);
    expect(body['preDeployActions']).toEqual(current['preDeployActions']);
    // The seed 003 update request's values (completedPercentage stays as Qualys sent it: "80").
    const fixture = seedFixture('003-update-mtg-ondemand-job-request.json');
    expect(leafDiffs(body, fixture, ['notification.notificationConfigs.completedPercentage'])).toEqual([]);
  });

  it('drops the fields Qualys derives from the QIDs and targets when they change', () => {
    const body = updateMitigation(current, { qids: [90007], targets: { tagIds: [] } });
    expect(body['qids']).toEqual([90007]);
    expect(body['assetTagIds']).toEqual([]);
    expect(body).not.toHaveProperty('preDeployActions');
    expect(body).not.toHaveProperty('vulnQQL');
    expect(body).not.toHaveProperty('assetDetectionsQQL');
  });

  it('replaces the schedule: on demand to once, with a zone', () => {
    const body = updateMitigation(current, {
      schedule: { type: 'ONCE', startDateTime: '2026-01-23T10:09:58', timezone: 'Asia/Kolkata' },
    });
    expect(body).toMatchObject({
      scheduleType: 'Once',
      startDateTime: '2026-1-23 10:09:58 AM',
      timezone: 'Asia/Kolkata',
      timezoneType: 'SPECIFIC_TZ',
    });
  });
});
