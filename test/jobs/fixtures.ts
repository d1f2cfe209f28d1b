/**
 * Valid base inputs for the job rule tests (GraphQL input shapes, which are the spec shapes), and
 * one breaker per documented rule: a change that breaks exactly that rule, with the path the
 * violation is reported at. The GraphQL tests reuse them through the mutations.
 */
import { JOB_LIMITS } from '../../src/jobs/index.js';

export const ASSET_ID = 'fd64d050-a794-46c0-b714-4aecb286ff9d';
export const PATCH_ID = '0536aeee-60c0-383b-bbdd-8b8d1a35b6fa';
export const TAG_ID = '576b4fab-2682-433e-b3e6-c4ea9861ae75';
export const USER_ID = '9bf883ed-788a-69ac-8295-3b7822fdb641';

/** A valid create input of a Windows patch job. */
export function windowsJob(): Record<string, unknown> {
  return {
    name: 'Base Windows job',
    platform: 'WINDOWS',
    targets: { assetIds: [ASSET_ID] },
    patches: { patchIds: [PATCH_ID] },
  };
}

/** A valid create input of a Linux patch job. */
export function linuxJob(): Record<string, unknown> {
  return { ...windowsJob(), name: 'Base Linux job', platform: 'LINUX' };
}

/** A valid create input of a mitigation job. */
export function mitigationJob(): Record<string, unknown> {
  return { name: 'Base MTG job', platform: 'WINDOWS', qids: [90007], targets: { assetIds: [ASSET_ID] } };
}

/** `count` distinct user UUIDs. */
export function userIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
}

const START = '2026-12-01T22:00:00';
const daily = (extra: Record<string, unknown> = {}) => ({
  type: 'DAILY',
  startDateTime: START,
  timezone: 'UTC',
  ...extra,
});
const monthly = (extra: Record<string, unknown>) => ({
  type: 'MONTHLY',
  startDateTime: START,
  timezone: 'UTC',
  ...extra,
});

/** A change that breaks one rule. */
export interface Breaker {
  /** The rule's name in `JOB_RULES`. */
  readonly rule: string;
  readonly code: string;
  /** Path of the violation in the input. */
  readonly path: readonly string[];
  /** Which base it applies to. */
  readonly base: 'windows' | 'linux' | 'mitigation';
  /** Fields merged over the base input. */
  readonly change: Record<string, unknown>;
  /** A short label when a rule has several breakers. */
  readonly label?: string;
}

/** Breakers of the patch job rules (Windows or Linux base) and the shared rules. */
export const PATCH_BREAKERS: readonly Breaker[] = [
  { rule: 'NAME_REQUIRED', code: 'REQUIRED', path: ['name'], base: 'windows', change: { name: '   ' } },
  {
    rule: 'PLATFORM_SUPPORTED',
    code: 'PLATFORM_UNSUPPORTED',
    path: ['platform'],
    base: 'windows',
    change: { platform: 'MAC' },
  },
  {
    rule: 'TARGETS_REQUIRED',
    code: 'TARGETS_MISSING',
    path: ['targets'],
    base: 'windows',
    change: { targets: { tagMatch: 'ALL' } },
  },
  {
    rule: 'CO_AUTHOR_LIMIT',
    code: 'TOO_MANY',
    path: ['coAuthorIds'],
    base: 'windows',
    change: { coAuthorIds: userIds(JOB_LIMITS.maxCoAuthors + 1) },
  },
  {
    rule: 'NOTIFICATION_EMAIL_VALID',
    code: 'INVALID_EMAIL',
    path: ['notification', 'recipientEmails', '1'],
    base: 'windows',
    change: { notification: { recipientEmails: ['john.doe@example.com', 'not-an-address'] } },
  },
  {
    rule: 'NOTIFICATION_RECIPIENTS_REQUIRED',
    code: 'REQUIRED',
    path: ['notification', 'recipientEmails'],
    base: 'windows',
    change: { notification: { onJobStart: true } },
  },
  {
    rule: 'NOTIFICATION_PERCENTAGE_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['notification', 'completedPercentage'],
    base: 'windows',
    change: { notification: { recipientEmails: ['john.doe@example.com'], completedPercentage: 101 } },
  },
  {
    rule: 'START_DATE_TIME_VALID',
    code: 'INVALID_DATE_TIME',
    path: ['schedule', 'startDateTime'],
    base: 'windows',
    change: { schedule: daily({ startDateTime: '2026-02-30T10:00:00' }) },
  },
  {
    rule: 'TIMEZONE_VALID',
    code: 'INVALID_TIMEZONE',
    path: ['schedule', 'timezone'],
    base: 'windows',
    change: { schedule: daily({ timezone: 'Mars/Olympus_Mons' }) },
  },
  {
    rule: 'START_TIME_REQUIRED',
    code: 'START_TIME_REQUIRED',
    path: ['schedule', 'startDateTime'],
    base: 'windows',
    change: { schedule: { type: 'ONCE', timezone: 'UTC' } },
  },
  {
    rule: 'TIMEZONE_REQUIRED',
    code: 'REQUIRED',
    path: ['schedule', 'timezone'],
    base: 'windows',
    change: { schedule: { type: 'DAILY', startDateTime: START } },
  },
  {
    rule: 'TIMEZONE_NOT_WITH_AGENT_TZ',
    code: 'SCHEDULE_FIELD_MISMATCH',
    path: ['schedule', 'timezone'],
    base: 'windows',
    change: { schedule: daily({ timezoneType: 'AGENT_TZ' }) },
  },
  {
    rule: 'PATCH_SOURCE_ONE',
    code: 'PATCH_SOURCE_CONFLICT',
    path: ['patches'],
    base: 'windows',
    change: { patches: { patchIds: [PATCH_ID], qql: 'isSecurity:true' } },
  },
  {
    rule: 'PATCH_SOURCE_REQUIRED',
    code: 'PATCH_SOURCE_MISSING',
    path: ['patches'],
    base: 'windows',
    change: { patches: { qql: '  ' } },
  },
  {
    rule: 'QQL_INSTALL_ONLY',
    code: 'QQL_NOT_ALLOWED_FOR_ROLLBACK',
    path: ['patches', 'qql'],
    base: 'windows',
    change: { type: 'ROLLBACK', patches: { qql: 'vendorSeverity:Critical' } },
  },
  {
    rule: 'MAKECACHE_LINUX_ONLY',
    code: 'PLATFORM_UNSUPPORTED',
    path: ['updatePackageCache'],
    base: 'windows',
    change: { updatePackageCache: true },
  },
  {
    rule: 'REATTEMPT_WINDOWS_ONLY',
    code: 'PLATFORM_UNSUPPORTED',
    path: ['reattemptFailedPatches'],
    base: 'linux',
    change: { reattemptFailedPatches: { attempts: 2, backoffInterval: 5 } },
  },
  {
    rule: 'OPPORTUNISTIC_DOWNLOADS_WINDOWS_ONLY',
    code: 'PLATFORM_UNSUPPORTED',
    path: ['opportunisticDownloads'],
    base: 'linux',
    change: { opportunisticDownloads: true },
  },
  {
    rule: 'MINIMIZE_WINDOW_WINDOWS_ONLY',
    code: 'PLATFORM_UNSUPPORTED',
    path: ['minimizeWindow'],
    base: 'linux',
    change: { minimizeWindow: true },
  },
  {
    rule: 'ALWAYS_SHOW_COMPLETED_PROMPT_WINDOWS_ONLY',
    code: 'PLATFORM_UNSUPPORTED',
    path: ['alwaysShowCompletedPrompt'],
    base: 'linux',
    change: { alwaysShowCompletedPrompt: true },
  },
  {
    rule: 'CONTINUE_ON_PATCH_FAILURE_LINUX_ONLY',
    code: 'PLATFORM_UNSUPPORTED',
    path: ['continueOnPatchFailure'],
    base: 'windows',
    change: { continueOnPatchFailure: true },
  },
  {
    rule: 'REATTEMPT_ATTEMPTS_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['reattemptFailedPatches', 'attempts'],
    base: 'windows',
    change: { reattemptFailedPatches: { attempts: 6, backoffInterval: 1 } },
    label: 'above 5',
  },
  {
    rule: 'REATTEMPT_ATTEMPTS_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['reattemptFailedPatches', 'attempts'],
    base: 'windows',
    change: { reattemptFailedPatches: { attempts: 0, backoffInterval: 1 } },
    label: 'below 1',
  },
  {
    rule: 'REATTEMPT_BACKOFF_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['reattemptFailedPatches', 'backoffInterval'],
    base: 'windows',
    change: { reattemptFailedPatches: { attempts: 1, backoffInterval: 16 } },
  },
  {
    rule: 'TIMEOUT_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['timeout', 'value'],
    base: 'windows',
    change: { timeout: { value: 169, unit: 'HOURS' } },
    label: '169 hours',
  },
  {
    rule: 'TIMEOUT_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['timeout', 'value'],
    base: 'windows',
    change: { timeout: { value: 10_081, unit: 'MINUTES' } },
    label: '10,081 minutes',
  },
  {
    rule: 'TIMEOUT_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['timeout', 'value'],
    base: 'windows',
    change: { timeout: { value: 0, unit: 'MINUTES' } },
    label: '0 minutes',
  },
  {
    rule: 'DOWNLOAD_RANDOMIZATION_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['downloadRandomization', 'value'],
    base: 'windows',
    change: { downloadRandomization: { value: 9, unit: 'HOURS' } },
    label: '9 hours',
  },
  {
    rule: 'DOWNLOAD_RANDOMIZATION_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['downloadRandomization', 'value'],
    base: 'windows',
    change: { downloadRandomization: { value: 481, unit: 'MINUTES' } },
    label: '481 minutes',
  },
  {
    rule: 'DEFERMENT_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['deferment', 'count'],
    base: 'windows',
    change: { deferment: { count: 100, interval: 1, intervalUnit: 'HOURS' } },
    label: 'count',
  },
  {
    rule: 'DEFERMENT_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['rebootSettings', 'deferment', 'interval'],
    base: 'windows',
    change: { rebootSettings: { deferment: { count: 1, interval: -1, intervalUnit: 'MINUTES' } } },
    label: 'reboot interval',
  },
  {
    rule: 'REBOOT_COUNTDOWN_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['rebootSettings', 'countdown', 'value'],
    base: 'windows',
    change: { rebootSettings: { countdown: { value: 25, unit: 'HOURS' } } },
  },
  {
    rule: 'WEEKDAYS_WEEKLY_ONLY',
    code: 'SCHEDULE_FIELD_MISMATCH',
    path: ['schedule', 'weekDays'],
    base: 'windows',
    change: { schedule: daily({ weekDays: ['MONDAY'] }) },
  },
  {
    rule: 'WEEKDAYS_REQUIRED',
    code: 'REQUIRED',
    path: ['schedule', 'weekDays'],
    base: 'windows',
    change: { schedule: daily({ type: 'WEEKLY' }) },
  },
  {
    rule: 'MONTHLY_FIELDS_MONTHLY_ONLY',
    code: 'SCHEDULE_FIELD_MISMATCH',
    path: ['schedule', 'patchTuesdayOffsetDays'],
    base: 'windows',
    change: { schedule: daily({ patchTuesdayOffsetDays: 2 }) },
  },
  {
    rule: 'MONTHLY_DAY_ONE',
    code: 'MONTHLY_DAY_CONFLICT',
    path: ['schedule'],
    base: 'windows',
    change: { schedule: monthly({ dayOfMonth: 3, lastDayOfMonth: true }) },
  },
  {
    rule: 'MONTHLY_DAY_REQUIRED',
    code: 'MONTHLY_DAY_MISSING',
    path: ['schedule'],
    base: 'windows',
    change: { schedule: monthly({}) },
  },
  {
    rule: 'NTH_WEEKDAY_PAIR',
    code: 'REQUIRED',
    path: ['schedule', 'weekDayOfMonth'],
    base: 'windows',
    change: { schedule: monthly({ weekOfMonth: 2 }) },
  },
  {
    rule: 'DAY_OF_MONTH_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['schedule', 'dayOfMonth'],
    base: 'windows',
    change: { schedule: monthly({ dayOfMonth: 32 }) },
  },
  {
    rule: 'WEEK_OF_MONTH_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['schedule', 'weekOfMonth'],
    base: 'windows',
    change: { schedule: monthly({ weekOfMonth: 6, weekDayOfMonth: 'TUESDAY' }) },
  },
  {
    rule: 'PATCH_TUESDAY_OFFSET_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['schedule', 'patchTuesdayOffsetDays'],
    base: 'windows',
    change: { schedule: monthly({ patchTuesdayOffsetDays: 28 }) },
    label: '28',
  },
  {
    rule: 'PATCH_TUESDAY_OFFSET_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['schedule', 'patchTuesdayOffsetDays'],
    base: 'windows',
    change: { schedule: monthly({ patchTuesdayOffsetDays: 0 }) },
    label: '0',
  },
];

/** Breakers of the mitigation job rules and of the shared rules on mitigation jobs. */
export const MITIGATION_BREAKERS: readonly Breaker[] = [
  { rule: 'NAME_REQUIRED', code: 'REQUIRED', path: ['name'], base: 'mitigation', change: { name: '' } },
  {
    rule: 'PLATFORM_SUPPORTED',
    code: 'PLATFORM_UNSUPPORTED',
    path: ['platform'],
    base: 'mitigation',
    change: { platform: 'MAC' },
  },
  {
    rule: 'TARGETS_REQUIRED',
    code: 'TARGETS_MISSING',
    path: ['targets'],
    base: 'mitigation',
    change: { targets: { assetIds: [] } },
  },
  {
    rule: 'CO_AUTHOR_LIMIT',
    code: 'TOO_MANY',
    path: ['coAuthorIds'],
    base: 'mitigation',
    change: { coAuthorIds: userIds(JOB_LIMITS.maxCoAuthors + 1) },
  },
  {
    rule: 'NOTIFICATION_EMAIL_VALID',
    code: 'INVALID_EMAIL',
    path: ['notification', 'recipientEmails', '0'],
    base: 'mitigation',
    change: { notification: { recipientEmails: ['john.doe@', 'jane.doe@example.com'] } },
  },
  {
    rule: 'NOTIFICATION_RECIPIENTS_REQUIRED',
    code: 'REQUIRED',
    path: ['notification', 'recipientEmails'],
    base: 'mitigation',
    change: { notification: { recipientEmails: [] } },
  },
  {
    rule: 'NOTIFICATION_PERCENTAGE_RANGE',
    code: 'OUT_OF_RANGE',
    path: ['notification', 'completedPercentage'],
    base: 'mitigation',
    change: { notification: { recipientEmails: ['john.doe@example.com'], completedPercentage: 0 } },
  },
  {
    rule: 'START_DATE_TIME_VALID',
    code: 'INVALID_DATE_TIME',
    path: ['schedule', 'startDateTime'],
    base: 'mitigation',
    change: { schedule: { type: 'ONCE', startDateTime: '2026-13-01T10:00:00', timezone: 'UTC' } },
  },
  {
    rule: 'TIMEZONE_VALID',
    code: 'INVALID_TIMEZONE',
    path: ['schedule', 'timezone'],
    base: 'mitigation',
    change: { schedule: { type: 'ONCE', startDateTime: START, timezone: '+05:30' } },
  },
  {
    rule: 'START_TIME_REQUIRED',
    code: 'START_TIME_REQUIRED',
    path: ['schedule', 'startDateTime'],
    base: 'mitigation',
    change: { schedule: { type: 'ONCE', timezone: 'Asia/Kolkata' } },
  },
  {
    rule: 'TIMEZONE_REQUIRED',
    code: 'REQUIRED',
    path: ['schedule', 'timezone'],
    base: 'mitigation',
    change: { schedule: { type: 'ONCE', startDateTime: START } },
  },
  {
    rule: 'TIMEZONE_NOT_WITH_AGENT_TZ',
    code: 'SCHEDULE_FIELD_MISMATCH',
    path: ['schedule', 'timezone'],
    base: 'mitigation',
    change: { schedule: { type: 'ONCE', startDateTime: START, timezone: 'UTC', timezoneType: 'AGENT_TZ' } },
  },
  {
    rule: 'MTG_SCHEDULE_TYPES',
    code: 'MTG_SCHEDULE_UNSUPPORTED',
    path: ['schedule', 'type'],
    base: 'mitigation',
    change: { schedule: { type: 'WEEKLY', startDateTime: START, timezone: 'UTC' } },
  },
  { rule: 'QIDS_REQUIRED', code: 'REQUIRED', path: ['qids'], base: 'mitigation', change: { qids: [] } },
  {
    rule: 'QID_POSITIVE',
    code: 'OUT_OF_RANGE',
    path: ['qids', '1'],
    base: 'mitigation',
    change: { qids: [90007, 0] },
  },
];

/** The base input a breaker applies to. */
export function baseFor(breaker: Breaker): Record<string, unknown> {
  return breaker.base === 'windows' ? windowsJob() : breaker.base === 'linux' ? linuxJob() : mitigationJob();
}

/** The base input with the breaker's change applied. */
export function broken(breaker: Breaker): Record<string, unknown> {
  return { ...baseFor(breaker), ...breaker.change };
}

/** A test title for a breaker. */
export function titleOf(breaker: Breaker): string {
  return `${breaker.rule}${breaker.label ? ` (${breaker.label})` : ''}: ${breaker.code} at ${breaker.path.join('.')}`;
}
