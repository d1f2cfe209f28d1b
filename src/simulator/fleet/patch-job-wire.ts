/**
 * Builds the wire objects of a planned patch job (see `generate-patch-jobs.ts`):
 *
 * - the full job (GET by id): every field of the seed 001 GET samples plus the release 3.12 fields;
 *   empty lists are `null` as in those samples;
 * - the list item (seed 000 list sample shape) with `assets: [{name, id}]` (the job's explicit
 *   assets) and `patches: [{id, title}]` (its explicit patches; `null` for QQL and linked jobs) — an
 *   assumption: the seed item only shows `assets` with one element and `patches: null`;
 * - the summary item: the list item plus `completionPercent`, `totalAssetCount`,
 *   `assetResultReceivedCount` and `applicableAssetCount`, sent as digit strings for the jobs
 *   flagged `countsAsStrings` (seed 000 summary sample quirk);
 * - the availableToLink item (seed 000 shape) for Install jobs that do not link to another job;
 * - the runs, with ISO-8601 times in the job's time zone.
 *
 * @module
 */
import type { JsonObject } from '../json.js';
import type {
  PatchSource,
  Platform,
  SimAsset,
  SimJobRun,
  SimPatch,
  SimPatchJob,
  SimTag,
  SimUser,
} from './types.js';
import { DAY_MS } from './vocabulary.js';
import { formatIsoWithOffset, formatWallClock } from './wall-clock.js';

/** A job schedule type (docs/qualys-api.md §9.1). */
export type ScheduleType = 'On-demand' | 'Once' | 'Daily' | 'Weekly' | 'Monthly';
/** A job status (seeds: Enabled, Disabled, Prepared, Assets Responded). */
export type JobStatus = 'Enabled' | 'Disabled' | 'Prepared' | 'Assets Responded';

/** Days between runs per schedule type (On-demand: a typical gap; Once: no second run). */
export const RUN_INTERVAL_DAYS: Readonly<Record<ScheduleType, number>> = {
  'On-demand': 9,
  Once: 0,
  Daily: 1,
  Weekly: 7,
  Monthly: 30,
};

/** Everything decided about a job before its wire objects are built. */
export interface JobPlan {
  readonly id: string;
  readonly index: number;
  readonly platform: Platform;
  readonly name: string;
  readonly type: 'Install' | 'Rollback';
  readonly status: JobStatus;
  readonly scheduleType: ScheduleType;
  readonly source: PatchSource;
  readonly assetIds: readonly string[];
  readonly tagIds: readonly string[];
  readonly targetAssetIds: readonly string[];
  readonly taggedOnlyCount: number;
  readonly coAuthors: readonly SimUser[];
  readonly createdBy: SimUser;
  readonly updatedBy: SimUser | null;
  readonly createdOn: number;
  readonly updatedOn: number | null;
  readonly startEpoch: number;
  readonly timezoneType: 'SPECIFIC_TZ' | 'AGENT_TZ';
  readonly timezone: string | null;
  readonly runEpochs: readonly number[];
  readonly respondedCounts: readonly number[];
  readonly reattempt: { readonly noOfReattempts: number; readonly exponentialBackoffInterval: number } | null;
  /** `actionId` of the Linux MakeCache pre-action (seed 001), or `null` without one. */
  readonly makeCacheActionId: string | null;
  readonly downloadRandomizeHours: number;
  readonly weekDays: string;
  readonly monthDay: number | null;
  readonly countsAsStrings: boolean;
  readonly description: string;
}

/** What building wire objects looks up. */
export interface WireContext {
  readonly customerId: string;
  readonly assetById: ReadonlyMap<string, SimAsset>;
  readonly patchById: ReadonlyMap<string, SimPatch>;
  readonly tags: readonly SimTag[];
  /** Number of jobs linking to each job id. */
  readonly childCount: ReadonlyMap<string, number>;
}

function userRef(user: SimUser | null, date: number | null): JsonObject {
  return user === null
    ? { user: null, date: null }
    : { user: { id: user.id, name: user.name, fullName: user.fullName }, date };
}

function nextRunEpoch(plan: JobPlan): number | null {
  if (
    plan.status !== 'Enabled' ||
    RUN_INTERVAL_DAYS[plan.scheduleType] === 0 ||
    plan.scheduleType === 'On-demand'
  ) {
    return null;
  }
  const last =
    plan.runEpochs[plan.runEpochs.length - 1] ??
    plan.startEpoch - RUN_INTERVAL_DAYS[plan.scheduleType] * DAY_MS;
  return last + RUN_INTERVAL_DAYS[plan.scheduleType] * DAY_MS;
}

function progress(plan: JobPlan): { total: number | null; received: number | null; percent: number | null } {
  const runs = plan.runEpochs.length;
  if (runs === 0) {
    return { total: null, received: null, percent: null };
  }
  const total = plan.targetAssetIds.length;
  const received = plan.respondedCounts[runs - 1] ?? 0;
  return { total, received, percent: total === 0 ? 100 : Math.floor((100 * received) / total) };
}

/**
 * Builds a job's wire objects and bookkeeping.
 *
 * @param plan - the planned job.
 * @param ctx - lookups.
 */
export function buildPatchJob(plan: JobPlan, ctx: WireContext): SimPatchJob {
  const explicitPatches = plan.source.kind === 'explicit' ? plan.source.patchIds : null;
  const linkedJobId = plan.source.kind === 'linked' ? plan.source.jobId : null;
  const qql = plan.source.kind === 'qql' ? plan.source.qql : '';
  const recurring =
    plan.scheduleType === 'Daily' || plan.scheduleType === 'Weekly' || plan.scheduleType === 'Monthly';
  const { total, received, percent } = progress(plan);
  const startDateTime = formatWallClock(plan.startEpoch, plan.timezone);
  const nullIfEmpty = <T>(list: readonly T[]): readonly T[] | null => (list.length === 0 ? null : list);
  const lastRun = plan.runEpochs[plan.runEpochs.length - 1] ?? null;
  const nextRun = nextRunEpoch(plan);
  const job: JsonObject = {
    customerId: ctx.customerId,
    id: plan.id,
    schemaVersion: '1.0',
    name: plan.name,
    type: plan.type,
    status: plan.status,
    assetIds: nullIfEmpty(plan.assetIds),
    assetTagIds: nullIfEmpty(plan.tagIds),
    matchAllTagIds: null,
    exclusionTagIds: null,
    exclusionAssetIds: null,
    coAuthorUserIds: nullIfEmpty(plan.coAuthors.map((user) => user.id)),
    approvedPatches: explicitPatches,
    disabledPatches: null,
    patchCount: explicitPatches === null ? null : explicitPatches.length,
    scheduleType: plan.scheduleType,
    startDateTime,
    recurring,
    recurringWeekDays: plan.weekDays,
    dayOfMonth: plan.monthDay === null ? null : String(plan.monthDay),
    recurringDayOfMonth: null,
    recurringWeekDayOfMonth: null,
    timezoneType: plan.timezoneType,
    timezone: plan.timezone,
    timeout: -1,
    timeoutUnit: 'HOURS',
    preDeployment: {
      userMessage: '',
      description: '',
      deferment: { count: 3, interval: 1, intervalUnit: 'HOURS' },
    },
    duringDeployment: { userMessage: '', description: '' },
    postDeployment: {
      suppressReboots: false,
      rebootHonorOnUserLogin: false,
      rebootOption: {
        userMessage: '',
        description: '',
        deferment: { count: 3, interval: 1, intervalUnit: 'HOURS' },
      },
      rebootCountdown: {
        interval: 15,
        intervalUnit: 'MINUTES',
        userMessage: 'Reboot countdown started',
        description:
          'The system reboot is initiated. It will reboot automatically after the timer countdown.',
      },
      onComplete: { userMessage: '', description: '', alwaysShowCompletedPrompt: false },
    },
    description: plan.description,
    createdBy: userRef(plan.createdBy, plan.createdOn),
    updatedBy: userRef(plan.updatedBy, plan.updatedOn),
    deletedBy: { user: null, date: null },
    assetCount: null,
    opportunisticDownloads: false,
    filterType: 'Any',
    exclusionFilterType: 'Any',
    taggedAssetCount: plan.taggedOnlyCount,
    minimizeWindow: false,
    dynamicPatchesQQL: qql,
    isDynamicPatchesQQL: plan.source.kind === 'qql',
    dynamicQQLType: 1,
    platform: plan.platform,
    continueOnPatchFailure: false,
    preDeployActions:
      plan.makeCacheActionId !== null
        ? [
            {
              actionId: plan.makeCacheActionId,
              action: 'Run Script',
              actionType: 'predeploy',
              params: {
                actionItem: 'makecache Pre-Action',
                timeout: 180,
                remediationScope: false,
                defaultScriptType: 'MakeCache',
              },
              script: 'default/MakeCache/makecache',
              scriptType: 'sh',
              actionLinkedToJob: false,
            },
          ]
        : null,
    postDeployActions: null,
    applicableAssetCount: plan.targetAssetIds.length,
    monthlyRecurringType: plan.scheduleType === 'Monthly' ? 0 : null,
    patchTuesdayPlusXDays: null,
    recurringLastDayOfMonth: false,
    jobCategory: 3,
    jobTriggerStatus: plan.runEpochs.length > 0 ? 1 : null,
    completionPercent: percent,
    totalAssetCount: total,
    assetResultReceivedCount: received,
    jobSource: 2,
    readOnly: false,
    notification: null,
    linkedJobId,
    linkedToJob: null,
    linkedJobs: null,
    jobStartCountdown: null,
    passwordAction: null,
    subCategory: 'Patch',
    additionalDynamicQQLType: null,
    additionalDynamicPatchesQQL: null,
    downloadRandomizeTime: plan.downloadRandomizeHours,
    downloadRandomizeTimeUnit: plan.downloadRandomizeHours === 0 ? 'MINUTES' : 'HOURS',
    customPatchURLId: null,
    isVulnContext: false,
    remediationQids: null,
    isAssetImported: false,
    hostIsolationConfig: null,
    quarantineAssetRequestNotification: null,
    enableReattemptFailedPatches: plan.platform === 'Windows' ? plan.reattempt !== null : null,
    reattemptFailedPatches: plan.reattempt,
    allowExecutionWithPendingReboot: false,
    isDefaultJob: false,
    defaultJobConfiguration: { onAssetActivation: false, onAssetInactiveForXDays: null },
  };

  const listItem: JsonObject = {
    coAuthorUserIds: nullIfEmpty(plan.coAuthors.map((user) => user.id)),
    timezone: plan.timezone,
    exclusionFilterType: 'Any',
    dynamicQQLType: 1,
    matchAllTags: null,
    type: plan.type,
    nextScheduleDateTime: nextRun,
    platform: plan.platform,
    assets: plan.assetIds.map((id) => ({ name: ctx.assetById.get(id)?.name ?? null, id })),
    recurringWeekDays: plan.weekDays,
    customerId: ctx.customerId,
    exclusionTags: null,
    isDynamicPatchesQQL: plan.source.kind === 'qql',
    taggedAssetCount: plan.taggedOnlyCount,
    patchCount: explicitPatches === null ? null : explicitPatches.length,
    id: plan.id,
    assetCount: null,
    applicableAssetCount: plan.targetAssetIds.length,
    patchTuesdayPlusXDays: null,
    schemaVersion: '1.0',
    recurringLastDayOfMonth: false,
    linkedJobReferenceCount: ctx.childCount.get(plan.id) ?? null,
    created: { date: plan.createdOn, user: { name: plan.createdBy.name, id: plan.createdBy.id } },
    triggerStatus: plan.runEpochs.length > 0 ? 1 : 0,
    patches:
      explicitPatches === null
        ? null
        : explicitPatches.map((id) => ({ id, title: ctx.patchById.get(id)?.title ?? null })),
    recurringDayOfMonth: null,
    recurringWeekDayOfMonth: null,
    jobSource: 2,
    isRecurring: recurring,
    lastScheduleDateTime: lastRun,
    readOnly: false,
    tags:
      plan.tagIds.length === 0
        ? null
        : plan.tagIds.map((id) => ({ id, name: ctx.tags.find((tag) => tag.id === id)?.name ?? null })),
    exclusionAssetIds: null,
    dynamicPatchesQQL: qql,
    startDateTime,
    timezoneType: plan.timezoneType,
    deleted: false,
    scheduleType: plan.scheduleType,
    monthlyRecurringType: plan.scheduleType === 'Monthly' ? 0 : null,
    dayOfMonth: plan.monthDay === null ? null : String(plan.monthDay),
    name: plan.name,
    disabledPatches: null,
    filterType: 'Any',
    category: 3,
    updated:
      plan.updatedBy === null
        ? null
        : { date: plan.updatedOn, user: { name: plan.updatedBy.name, id: plan.updatedBy.id } },
    status: plan.status,
    linkedJobId,
  };

  const stringy = (value: number | null): number | string | null =>
    value !== null && plan.countsAsStrings ? String(value) : value;
  const summaryItem: JsonObject = {
    ...listItem,
    totalAssetCount: stringy(total),
    applicableAssetCount: stringy(plan.targetAssetIds.length),
    completionPercent: stringy(percent),
    assetResultReceivedCount: stringy(received),
  };

  const linkItem: JsonObject | null =
    plan.type === 'Install' && plan.source.kind !== 'linked'
      ? {
          customerId: ctx.customerId,
          id: plan.id,
          name: plan.name,
          type: plan.type,
          status: plan.status,
          createdBy: { user: { id: plan.createdBy.id, name: plan.createdBy.name }, date: plan.createdOn },
          linkedJobReferenceCount: ctx.childCount.get(plan.id) ?? null,
          schedule: plan.scheduleType === 'On-demand' ? 'On-Demand' : plan.scheduleType,
          previousRun: lastRun,
          nextRun,
        }
      : null;

  const runs: SimJobRun[] = plan.runEpochs.map((epoch, r) => ({
    jobInstanceId: r + 1,
    scheduledDateTime: formatIsoWithOffset(epoch, plan.timezone),
    timezoneType: plan.timezoneType,
  }));
  return {
    id: plan.id,
    platform: plan.platform,
    name: plan.name,
    type: plan.type,
    source: plan.source,
    targetAssetIds: plan.targetAssetIds,
    runs,
    runEpochs: plan.runEpochs,
    respondedCounts: plan.respondedCounts,
    createdBy: plan.createdBy,
    createdOn: plan.createdOn,
    reattempt: plan.reattempt !== null,
    countsAsStrings: plan.countsAsStrings,
    job,
    listItem,
    summaryItem,
    linkItem,
  };
}
