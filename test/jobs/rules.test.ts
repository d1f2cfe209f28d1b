import { describe, expect, it } from 'vitest';
import {
  JOB_RULE_CODES,
  JOB_RULE_TABLE,
  JOB_RULES,
  validateMitigationJobSpec,
  validateMitigationJobUpdateSpec,
  validatePatchJobSpec,
  validatePatchJobUpdateSpec,
} from '../../src/jobs/index.js';
import {
  broken,
  linuxJob,
  MITIGATION_BREAKERS,
  mitigationJob,
  PATCH_BREAKERS,
  titleOf,
  userIds,
  windowsJob,
} from './fixtures.js';

function issuesOf(
  result: ReturnType<typeof validatePatchJobSpec> | ReturnType<typeof validateMitigationJobSpec>,
) {
  return result.ok ? [] : result.issues.map((i) => ({ code: i.code, path: i.path, rule: i.rule }));
}

describe('job rules', () => {
  it('accept the valid base inputs', () => {
    expect(validatePatchJobSpec(windowsJob()).ok).toBe(true);
    expect(validatePatchJobSpec(linuxJob()).ok).toBe(true);
    expect(validateMitigationJobSpec(mitigationJob()).ok).toBe(true);
  });

  it('accept a job using every setting within its limits', () => {
    const full = validatePatchJobSpec({
      ...windowsJob(),
      description: 'All settings',
      type: 'INSTALL',
      status: 'ENABLED',
      targets: { assetIds: [], tagIds: [userIds(1)[0]], tagMatch: 'ALL', exclusionAssetIds: userIds(2) },
      schedule: {
        type: 'MONTHLY',
        startDateTime: '2026-12-01T00:00:00',
        timezone: 'America/New_York',
        patchTuesdayOffsetDays: -27,
      },
      preDeploymentMessage: { message: 'Patching soon', description: 'Save your work' },
      deferment: { count: 0, interval: 0, intervalUnit: 'HOURS' },
      rebootSettings: { suppressReboots: true, countdown: { value: 1_440, unit: 'MINUTES' } },
      alwaysShowCompletedPrompt: true,
      reattemptFailedPatches: { attempts: 5, backoffInterval: 15 },
      downloadRandomization: { value: 8, unit: 'HOURS' },
      timeout: { value: 10_080, unit: 'MINUTES' },
      opportunisticDownloads: true,
      minimizeWindow: true,
      coAuthorIds: userIds(200),
      notification: { recipientEmails: ['a@example.com', 'b@example.org'], completedPercentage: 100 },
    });
    expect(issuesOf(full)).toEqual([]);
    const linux = validatePatchJobSpec({
      ...linuxJob(),
      type: 'ROLLBACK',
      updatePackageCache: true,
      continueOnPatchFailure: true,
      schedule: {
        type: 'WEEKLY',
        startDateTime: '2026-01-05T10:00:00',
        timezoneType: 'AGENT_TZ',
        weekDays: ['SUNDAY', 'SATURDAY'],
      },
    });
    expect(issuesOf(linux)).toEqual([]);
  });

  it.each(PATCH_BREAKERS.map((b) => [titleOf(b), b] as const))('patch job: %s', (_, breaker) => {
    expect(issuesOf(validatePatchJobSpec(broken(breaker)))).toEqual([
      { code: breaker.code, path: breaker.path, rule: breaker.rule },
    ]);
  });

  it.each(MITIGATION_BREAKERS.map((b) => [titleOf(b), b] as const))('mitigation job: %s', (_, breaker) => {
    expect(issuesOf(validateMitigationJobSpec(broken(breaker)))).toEqual([
      { code: breaker.code, path: breaker.path, rule: breaker.rule },
    ]);
  });

  it('have a breaking test for every rule, for every job kind it applies to', () => {
    const patchRules = new Set(PATCH_BREAKERS.map((b) => b.rule));
    const mitigationRules = new Set(MITIGATION_BREAKERS.map((b) => b.rule));
    expect(JOB_RULES.filter((r) => r.patch && !patchRules.has(r.name)).map((r) => r.name)).toEqual([]);
    expect(JOB_RULES.filter((r) => r.mitigation && !mitigationRules.has(r.name)).map((r) => r.name)).toEqual(
      [],
    );
  });

  it('report every broken rule, not just the first', () => {
    const result = validatePatchJobSpec({
      ...linuxJob(),
      name: '',
      coAuthorIds: userIds(201),
      patches: { patchIds: [], qql: 'x', linkedJobId: 'b91fca0e-2a07-3155-909c-fc50ba1863ed' },
      reattemptFailedPatches: { attempts: 9, backoffInterval: 99 },
      schedule: { type: 'WEEKLY', timezone: 'Nowhere/City' },
      notification: { recipientEmails: ['x', 'y'], completedPercentage: 0 },
    });
    expect(issuesOf(result).map((i) => `${i.code}@${i.path.join('.')}`)).toEqual([
      'REQUIRED@name',
      'TOO_MANY@coAuthorIds',
      'INVALID_EMAIL@notification.recipientEmails.0',
      'INVALID_EMAIL@notification.recipientEmails.1',
      'OUT_OF_RANGE@notification.completedPercentage',
      'INVALID_TIMEZONE@schedule.timezone',
      'START_TIME_REQUIRED@schedule.startDateTime',
      'PATCH_SOURCE_CONFLICT@patches',
      'PLATFORM_UNSUPPORTED@reattemptFailedPatches',
      'OUT_OF_RANGE@reattemptFailedPatches.attempts',
      'OUT_OF_RANGE@reattemptFailedPatches.backoffInterval',
      'REQUIRED@schedule.weekDays',
    ]);
  });

  it('answer a malformed input with shape issues (REQUIRED for a missing value)', () => {
    expect(issuesOf(validatePatchJobSpec({ platform: 'WINDOWS' }))).toEqual([
      { code: 'REQUIRED', path: ['name'], rule: 'SHAPE' },
    ]);
    expect(issuesOf(validateMitigationJobSpec({ name: 'x', platform: 'WINDOWS', qids: ['1'] }))).toEqual([
      { code: 'INVALID_VALUE', path: ['qids', '0'], rule: 'SHAPE' },
    ]);
  });

  it('list every rule once in the table, with a code, a rule text and a source', () => {
    expect(new Set(JOB_RULE_TABLE.map((r) => r.name)).size).toBe(JOB_RULES.length);
    for (const row of JOB_RULE_TABLE) {
      expect(JOB_RULE_CODES).toContain(row.code);
      expect(row.rule.length).toBeGreaterThan(10);
      expect(row.source).toMatch(/seed|docs\/qualys-api\.md|docs\/architecture\.md/);
      expect(row.appliesTo.length).toBeGreaterThan(0);
    }
  });
});

describe('update inputs checked on their own (before the current job is read)', () => {
  const codes = (input: unknown) => {
    const r = validatePatchJobUpdateSpec(input);
    return r.ok ? [] : r.issues.map((i) => `${i.code}@${i.path.join('.')}`);
  };

  it('report the rules the input alone decides', () => {
    expect(codes({ reattemptFailedPatches: { attempts: 9, backoffInterval: 1 } })).toEqual([
      'OUT_OF_RANGE@reattemptFailedPatches.attempts',
    ]);
    expect(codes({ schedule: { type: 'ONCE', timezone: 'UTC' } })).toEqual([
      'START_TIME_REQUIRED@schedule.startDateTime',
    ]);
    expect(codes({ schedule: { timezone: 'Atlantis/Capital' } })).toEqual([
      'INVALID_TIMEZONE@schedule.timezone',
    ]);
    expect(codes({ patches: {} })).toEqual(['PATCH_SOURCE_MISSING@patches']);
    expect(codes({ type: 'ROLLBACK', patches: { qql: 'isSecurity:true' } })).toEqual([
      'QQL_NOT_ALLOWED_FOR_ROLLBACK@patches.qql',
    ]);
    expect(codes({ coAuthorIds: userIds(201) })).toEqual(['TOO_MANY@coAuthorIds']);
    expect(codes({ name: ' ' })).toEqual(['REQUIRED@name']);
  });

  it('leave the rules that need the current job for later', () => {
    // Platform-only settings need the platform; a schedule without type merges into the current one.
    expect(
      codes({ updatePackageCache: true, reattemptFailedPatches: { attempts: 2, backoffInterval: 2 } }),
    ).toEqual([]);
    expect(codes({ schedule: { startDateTime: null } })).toEqual([]);
    expect(codes({ schedule: { weekDays: ['MONDAY'] } })).toEqual([]);
    expect(codes({ targets: { assetIds: [] } })).toEqual([]);
    expect(codes({ name: null, type: null, targets: null, patches: null, schedule: null })).toEqual([]);
  });

  it('mitigation updates: QIDs and the schedule type are checked on their own', () => {
    const r = validateMitigationJobUpdateSpec({ qids: [], schedule: { type: 'DAILY' } });
    expect(r.ok ? [] : r.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual([
      'START_TIME_REQUIRED@schedule.startDateTime',
      'REQUIRED@schedule.timezone',
      'MTG_SCHEDULE_UNSUPPORTED@schedule.type',
      'REQUIRED@qids',
    ]);
  });
});
