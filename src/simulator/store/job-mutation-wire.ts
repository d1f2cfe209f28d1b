/**
 * Builds the job objects that create and update answer (and GET then serves) from a request body
 * already checked by `job-body-rules.ts`, and the job list items of such a job.
 *
 * PM jobs (`POST /pm/v2/deploymentjob`, `PATCH /pm/v2/deploymentjob/update/{id}`) get exactly the
 * keys, in the order, of the generated full job (`fleet/patch-job-wire.ts`: the seed 001 GET
 * samples plus the release 3.12 fields). What the seed 001/003 request -> response pairs show is
 * reproduced: id lists as sent (`[]` stays `[]`, absent is `null`); `patchCount` = the length of
 * `approvedPatches`; empty action lists -> `null`; actions get an `actionId`, `actionType`
 * (`predeploy`/`postdeploy`) and `params.timeout` 180, the MakeCache pre-action the script
 * `default/MakeCache/makecache`; `preDeployment`/`postDeployment` in the GET shape
 * (`suppressreboots` read as `suppressReboots`, absent deferments 3 x 1 HOURS, absent deferment
 * counts 0, absent reboot countdown 15 MINUTES); `""` for `linkedJobId` and the additional QQL
 * fields -> `null`; `jobCategory` 3, `jobSource` 3, `subCategory` "Patch"; an On-demand job's
 * `startDateTime` set by the server (now, in the job's zone; default `SPECIFIC_TZ`/`UTC`);
 * `createdBy` the caller with `context: null`. On update the read-only fields (`id`,
 * `customerId`, `createdBy`, `deletedBy`, progress counts) are kept from the stored job, the
 * caller goes into `updatedBy` with `fullName: null` (as in every seed update response), and an
 * On-demand job keeps its start.
 *
 * MTG jobs (`POST /mtg/v2/deploymentjob`, `PATCH /mtg/v2/deploymentjob/{id}`) get the keys of the
 * seed 003 create response: one "Apply Mitigation" pre-deploy action per QID (`params.qid`, the
 * QID's title from the tenant's vulnerabilities, `qds` for the known mitigation QIDs),
 * `mitigationList` (one mitigation per known mitigation QID, ids stable per tenant and QID as in
 * the seed, `[]` otherwise), `assetDetectionsQQL`, `vulnQQL`, `subCategory` "Mitigation",
 * `jobCategory` 3, `notification.notificationConfigs.completedPercentage` as a string. The body's
 * `qids` are not echoed (the seed responses have none).
 *
 * @module
 */
import { targetAssets } from '../fleet/generate-patch-jobs.js';
import type { ScheduleType } from '../fleet/patch-job-wire.js';
import type { Platform, SimAsset, SimUser, SimVulnerability } from '../fleet/types.js';
import { MITIGATION_QIDS } from '../fleet/vocabulary.js';
import { formatWallClock, parseWallClock } from '../fleet/wall-clock.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import type { JobBodyEssentials, MitigationBodyEssentials } from './job-body-rules.js';

/** `script` of the Linux MakeCache pre-action in responses (seed 001 create response). */
export const MAKECACHE_SCRIPT = 'default/MakeCache/makecache';

/**
 * Default `params.timeout` of a deploy action (the wire value of seeds 001 and 003; Qualys does not
 * document its unit).
 */
export const DEFAULT_ACTION_TIMEOUT = 180;

/** What building a job object needs from the tenant. */
export interface JobWireContext {
  /** The tenant's customer UUID. */
  readonly customerId: string;
  /** The user calling (goes into `createdBy` / `updatedBy`). */
  readonly caller: SimUser;
  /** Now, epoch ms (creation/update time, the start of On-demand jobs). */
  readonly nowMs: number;
  /** A new deterministic UUID (job ids, action ids). */
  readonly newId: () => string;
  /** The tenant's assets of a platform, ascending asset id (for the asset counts). */
  readonly assetsOf: (platform: Platform) => readonly SimAsset[];
  /** A QID of the tenant, for `qidTitle`. */
  readonly vulnerability: (qid: number) => SimVulnerability | undefined;
  /** The tenant's mitigation of a QID: ids stable per tenant and QID. */
  readonly mitigationOf: (qid: number) => { readonly mitigationId: string; readonly carScriptId: number };
}

/** What list items show that the full job does not hold. */
export interface JobListExtras {
  /** Epoch ms of the next run, or `null`. */
  readonly nextScheduleDateTime: number | null;
  /** Epoch ms of the last run, or `null`. */
  readonly lastScheduleDateTime: number | null;
  /** `triggerStatus`: 1 once the job has run, else 0. */
  readonly triggerStatus: number;
  /** Number of jobs linking to this one, or `null` for none. */
  readonly linkedJobReferenceCount: number | null;
  /** Summary `totalAssetCount` as sent (a number, a digit string for some jobs (seed 000), or `null`). */
  readonly totalAssetCount: JsonValue;
  /** Summary `applicableAssetCount` as sent (number or digit string). */
  readonly applicableAssetCount: JsonValue;
  /** Summary `completionPercent` as sent (number, digit string or `null`). */
  readonly completionPercent: JsonValue;
  /** Summary `assetResultReceivedCount` as sent (number, digit string or `null`). */
  readonly assetResultReceivedCount: JsonValue;
}

/** Names the list items show for ids. */
export interface JobListLookups {
  /** An asset's name by UUID (`assets[].name`), `null` when unknown. */
  readonly assetName: (id: string) => string | null;
  /** A patch's title by UUID (`patches[].title`), `null` when not in the tenant's catalog. */
  readonly patchTitle: (id: string) => string | null;
  /** A tag's name by UUID (`tags[].name`), `null` when unknown. */
  readonly tagName: (id: string) => string | null;
}

/** The list, summary and availableToLink items of a job (shapes of `fleet/patch-job-wire.ts`). */
export interface JobListItems {
  readonly listItem: JsonObject;
  readonly summaryItem: JsonObject;
  /** `null` when the job cannot be linked to (see {@link buildPatchJobListItems}). */
  readonly linkItem: JsonObject | null;
}

const isAbsent = (value: unknown): value is null | undefined => value === undefined || value === null;

function str(value: JsonValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function emptyToNull(value: JsonValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A boolean; the strings `"true"`/`"false"` count (seed 002 sends `"minimizeWindow": "true"`). */
function bool(value: JsonValue | undefined): boolean | null {
  if (typeof value === 'boolean') {
    return value;
  }
  return value === 'true' ? true : value === 'false' ? false : null;
}

function num(value: JsonValue | undefined): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
    return Number(value);
  }
  return null;
}

function obj(value: JsonValue | undefined): JsonObject | null {
  return isJsonObject(value) ? value : null;
}

/** An id list as sent (a copy), `null` when absent. */
function list(value: JsonValue | undefined): readonly JsonValue[] | null {
  return Array.isArray(value) ? value.slice() : null;
}

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function orNull(value: JsonValue | undefined): JsonValue {
  return value === undefined ? null : value;
}

/** `{user:{id, name, fullName}, date, context:null}` of the caller creating a job (seed 003). */
function creatorStamp(user: SimUser, date: number): JsonObject {
  return { user: { id: user.id, name: user.name, fullName: user.fullName }, date, context: null };
}

/** The caller updating a job: `fullName` is `null` in every seed update response. */
function updaterStamp(user: SimUser, date: number): JsonObject {
  return { user: { id: user.id, name: user.name, fullName: null }, date, context: null };
}

function emptyStamp(): JsonObject {
  return { user: null, date: null, context: null };
}

function isRecurringSchedule(scheduleType: ScheduleType): boolean {
  return scheduleType === 'Daily' || scheduleType === 'Weekly' || scheduleType === 'Monthly';
}

interface Schedule {
  readonly timezoneType: string;
  readonly timezone: string | null;
  readonly startDateTime: string | null;
}

function scheduleOf(
  body: JsonObject,
  scheduleType: ScheduleType,
  ctx: JobWireContext,
  current: JsonObject | null,
): Schedule {
  const timezoneType = str(body['timezoneType']) ?? 'SPECIFIC_TZ';
  const timezone = str(body['timezone']) ?? (timezoneType === 'SPECIFIC_TZ' ? 'UTC' : null);
  if (scheduleType !== 'On-demand') {
    return { timezoneType, timezone, startDateTime: str(body['startDateTime']) };
  }
  const kept = current === null ? null : str(current['startDateTime']);
  return { timezoneType, timezone, startDateTime: kept ?? formatWallClock(ctx.nowMs, timezone) };
}

/**
 * The assets a job body targets: its explicit assets plus the assets of its tags (any of them),
 * of the job's platform, minus excluded assets and assets with an excluded tag.
 *
 * @param body - a checked job body.
 * @param platform - the job's platform.
 * @param assetsOf - the tenant's assets of a platform.
 * @returns the assets, ascending asset id.
 */
export function jobTargetAssets(
  body: JsonObject,
  platform: Platform,
  assetsOf: (platform: Platform) => readonly SimAsset[],
): SimAsset[] {
  const excludedAssets = new Set(strings(body['exclusionAssetIds']));
  const excludedTags = new Set(strings(body['exclusionTagIds']));
  return targetAssets(assetsOf(platform), strings(body['assetIds']), strings(body['assetTagIds'])).filter(
    (asset) => !excludedAssets.has(asset.id) && !asset.tags.some((tag) => excludedTags.has(tag.id)),
  );
}

function assetCounts(
  body: JsonObject,
  platform: Platform,
  ctx: JobWireContext,
): { applicable: number; taggedOnly: number } {
  const targets = jobTargetAssets(body, platform, ctx.assetsOf);
  const explicit = new Set(strings(body['assetIds']));
  return {
    applicable: targets.length,
    taggedOnly: targets.filter((asset) => !explicit.has(asset.id)).length,
  };
}

function messages(value: JsonObject | null): { userMessage: string; description: string } {
  return {
    userMessage: str(value?.['userMessage']) ?? '',
    description: str(value?.['description']) ?? '',
  };
}

/** A deferment: the default 3 x 1 HOURS when absent; a missing count or interval is 0 (seed 003). */
function deferment(value: JsonValue | undefined): JsonObject {
  const given = obj(value);
  if (given === null) {
    return { count: 3, interval: 1, intervalUnit: 'HOURS' };
  }
  return {
    count: num(given['count']) ?? 0,
    interval: num(given['interval']) ?? 0,
    intervalUnit: str(given['intervalUnit']) ?? 'HOURS',
  };
}

function preDeploymentOf(body: JsonObject): JsonObject {
  const given = obj(body['preDeployment']);
  return { ...messages(given), deferment: deferment(given?.['deferment']) };
}

/**
 * `postDeployment` in the GET shape. The nested fields are read from `postDeployment` first, then
 * from the top level, where qualysdk sends them (QUALYS-API.md §7.1, shape discrepancy).
 */
function postDeploymentOf(body: JsonObject): JsonObject {
  const given = obj(body['postDeployment']) ?? {};
  const pick = (key: string): JsonValue | undefined => given[key] ?? body[key];
  const rebootOption = obj(pick('rebootOption'));
  const countdown = obj(pick('rebootCountdown'));
  const onComplete = obj(pick('onComplete'));
  return {
    suppressReboots:
      bool(given['suppressReboots'] ?? given['suppressreboots'] ?? body['suppressReboots']) ?? false,
    rebootHonorOnUserLogin: bool(pick('rebootHonorOnUserLogin')) ?? false,
    rebootOption: { ...messages(rebootOption), deferment: deferment(rebootOption?.['deferment']) },
    rebootCountdown: {
      interval: num(countdown?.['interval']) ?? 15,
      intervalUnit: str(countdown?.['intervalUnit']) ?? 'MINUTES',
      ...messages(countdown),
    },
    onComplete: {
      ...messages(onComplete),
      alwaysShowCompletedPrompt:
        bool(onComplete?.['alwaysShowCompletedPrompt'] ?? body['alwaysShowCompletedPrompt']) ?? false,
    },
  };
}

/**
 * Deploy actions in the response shape; `null` for none (seed 001: `[]` is answered `null`).
 * On update an `actionId` sent back is kept; on create every action gets a new one.
 */
function deployActionsOf(
  value: JsonValue | undefined,
  actionType: 'predeploy' | 'postdeploy',
  ctx: JobWireContext,
  keepActionIds: boolean,
): JsonObject[] | null {
  if (!Array.isArray(value) || value.length === 0) {
    return null;
  }
  return value.filter(isJsonObject).map((action) => {
    const { actionItem, timeout, ...rest } = obj(action['params']) ?? {};
    const makeCache = rest['defaultScriptType'] === 'MakeCache';
    const sentId = keepActionIds ? emptyToNull(action['actionId']) : null;
    return {
      actionId: sentId ?? ctx.newId(),
      action: str(action['action']) ?? 'Run Script',
      actionType,
      params: {
        ...(actionItem === undefined ? {} : { actionItem }),
        timeout: num(timeout) ?? DEFAULT_ACTION_TIMEOUT,
        ...rest,
      },
      script: makeCache ? MAKECACHE_SCRIPT : (str(action['script']) ?? ''),
      scriptType: orNull(action['scriptType']),
      actionLinkedToJob: false,
    };
  });
}

/** The notification as sent, with `completedPercentage` as a string (seed 003 responses). */
function notificationOf(value: JsonValue | undefined): JsonValue {
  const given = obj(value);
  if (given === null) {
    return null;
  }
  const configs = obj(given['notificationConfigs']);
  if (configs === null || !('completedPercentage' in configs)) {
    return { ...given };
  }
  const percentage = configs['completedPercentage'];
  return {
    ...given,
    notificationConfigs: {
      ...configs,
      completedPercentage: isAbsent(percentage) ? null : String(percentage),
    },
  };
}

function reattemptOf(value: JsonValue | undefined): JsonValue {
  const given = obj(value);
  return given === null
    ? null
    : {
        noOfReattempts: num(given['noOfReattempts']) ?? 0,
        exponentialBackoffInterval: num(given['exponentialBackoffInterval']) ?? 0,
      };
}

function defaultJobConfigurationOf(value: JsonValue | undefined): JsonObject {
  const given = obj(value);
  return {
    onAssetActivation: bool(given?.['onAssetActivation']) ?? false,
    onAssetInactiveForXDays: orNull(given?.['onAssetInactiveForXDays']),
  };
}

/** `additionalDynamicQQLType`: `""` -> `null`, digit strings -> numbers (seed 001 vs qualysdk). */
function additionalQqlTypeOf(value: JsonValue | undefined): JsonValue {
  if (isAbsent(value) || value === '') {
    return null;
  }
  return num(value) ?? value;
}

/**
 * Builds a PM job object (GET shape) from a checked create or update body.
 *
 * @param body - the request body.
 * @param essentials - what `checkPatchJobBody` established.
 * @param ctx - tenant, caller, clock, id source.
 * @param current - the stored job on update (read-only fields are kept from it), `null` on create.
 * @returns the job, as create/update answer it and GET serves it.
 */
export function buildPatchJobWire(
  body: JsonObject,
  essentials: JobBodyEssentials,
  ctx: JobWireContext,
  current: JsonObject | null,
): JsonObject {
  const { name, platform, type, scheduleType, status } = essentials;
  const schedule = scheduleOf(body, scheduleType, ctx, current);
  const counts = assetCounts(body, platform, ctx);
  const approvedPatches = list(body['approvedPatches']);
  const keep = (key: string, fallback: JsonValue): JsonValue =>
    current === null ? fallback : orNull(current[key]);
  return {
    customerId: current === null ? ctx.customerId : orNull(current['customerId']),
    id: current === null ? ctx.newId() : orNull(current['id']),
    schemaVersion: '1.0',
    name,
    type,
    status,
    assetIds: list(body['assetIds']),
    assetTagIds: list(body['assetTagIds']),
    matchAllTagIds: list(body['matchAllTagIds']),
    exclusionTagIds: list(body['exclusionTagIds']),
    exclusionAssetIds: list(body['exclusionAssetIds']),
    coAuthorUserIds: list(body['coAuthorUserIds']),
    approvedPatches,
    disabledPatches: list(body['disabledPatches']),
    patchCount: approvedPatches === null ? null : approvedPatches.length,
    scheduleType,
    startDateTime: schedule.startDateTime,
    recurring: isRecurringSchedule(scheduleType),
    recurringWeekDays: str(body['recurringWeekDays']) ?? '',
    dayOfMonth: orNull(body['dayOfMonth']),
    recurringDayOfMonth: orNull(body['recurringDayOfMonth']),
    recurringWeekDayOfMonth: orNull(body['recurringWeekDayOfMonth']),
    timezoneType: schedule.timezoneType,
    timezone: schedule.timezone,
    timeout: num(body['timeout']) ?? -1,
    timeoutUnit: str(body['timeoutUnit']) ?? 'HOURS',
    preDeployment: preDeploymentOf(body),
    duringDeployment: messages(obj(body['duringDeployment'])),
    postDeployment: postDeploymentOf(body),
    description: str(body['description']) ?? '',
    createdBy: current === null ? creatorStamp(ctx.caller, ctx.nowMs) : orNull(current['createdBy']),
    updatedBy: current === null ? emptyStamp() : updaterStamp(ctx.caller, ctx.nowMs),
    deletedBy: current === null ? emptyStamp() : orNull(current['deletedBy']),
    assetCount: keep('assetCount', null),
    opportunisticDownloads: bool(body['opportunisticDownloads'] ?? body['opportunisticdownloads']) ?? false,
    filterType: str(body['filterType']) ?? 'Any',
    exclusionFilterType: str(body['exclusionFilterType']) ?? 'Any',
    taggedAssetCount: counts.taggedOnly,
    minimizeWindow: bool(body['minimizeWindow']) ?? false,
    dynamicPatchesQQL: str(body['dynamicPatchesQQL']) ?? '',
    isDynamicPatchesQQL: bool(body['isDynamicPatchesQQL']) ?? false,
    dynamicQQLType: num(body['dynamicQQLType']) ?? 1,
    platform,
    continueOnPatchFailure: bool(body['continueOnPatchFailure']) ?? false,
    preDeployActions: deployActionsOf(body['preDeployActions'], 'predeploy', ctx, current !== null),
    postDeployActions: deployActionsOf(body['postDeployActions'], 'postdeploy', ctx, current !== null),
    applicableAssetCount: counts.applicable,
    monthlyRecurringType: orNull(body['monthlyRecurringType']),
    patchTuesdayPlusXDays: orNull(body['patchTuesdayPlusXDays']),
    recurringLastDayOfMonth: bool(body['recurringLastDayOfMonth']) ?? false,
    jobCategory: keep('jobCategory', 3) ?? 3,
    jobTriggerStatus: keep('jobTriggerStatus', null),
    completionPercent: keep('completionPercent', null),
    totalAssetCount: keep('totalAssetCount', null),
    assetResultReceivedCount: keep('assetResultReceivedCount', null),
    jobSource: keep('jobSource', 3) ?? 3,
    readOnly: keep('readOnly', false) ?? false,
    notification: notificationOf(body['notification']),
    linkedJobId: emptyToNull(body['linkedJobId']),
    linkedToJob: keep('linkedToJob', null),
    linkedJobs: keep('linkedJobs', null),
    jobStartCountdown: keep('jobStartCountdown', null),
    passwordAction: keep('passwordAction', null),
    subCategory: 'Patch',
    additionalDynamicQQLType: additionalQqlTypeOf(body['additionalDynamicQQLType']),
    additionalDynamicPatchesQQL: emptyToNull(body['additionalDynamicPatchesQQL']),
    downloadRandomizeTime: num(body['downloadRandomizeTime']) ?? 0,
    downloadRandomizeTimeUnit: str(body['downloadRandomizeTimeUnit']) ?? 'MINUTES',
    customPatchURLId: orNull(body['customPatchURLId']),
    isVulnContext: bool(body['isVulnContext']),
    remediationQids: list(body['remediationQids']),
    isAssetImported: bool(body['isAssetImported']) ?? false,
    hostIsolationConfig: orNull(body['hostIsolationConfig']),
    quarantineAssetRequestNotification: orNull(body['quarantineAssetRequestNotification']),
    enableReattemptFailedPatches: bool(body['enableReattemptFailedPatches']),
    reattemptFailedPatches: reattemptOf(body['reattemptFailedPatches']),
    allowExecutionWithPendingReboot: bool(body['allowExecutionWithPendingReboot']) ?? false,
    isDefaultJob: bool(body['isDefaultJob']) ?? false,
    defaultJobConfiguration: defaultJobConfigurationOf(body['defaultJobConfiguration']),
  };
}

function mitigationActions(
  qids: readonly number[],
  ctx: JobWireContext,
  current: JsonObject | null,
): JsonObject[] {
  const previousIds = new Map<number, string>();
  const previous = current?.['preDeployActions'];
  if (Array.isArray(previous)) {
    for (const action of previous.filter(isJsonObject)) {
      const qid = num(obj(action['params'])?.['qid']);
      const actionId = str(action['actionId']);
      if (qid !== null && actionId !== null) {
        previousIds.set(qid, actionId);
      }
    }
  }
  return qids.map((qid) => {
    const known = MITIGATION_QIDS.find((entry) => entry.qid === qid);
    const qds = known?.qds ?? null;
    const mitigation = ctx.mitigationOf(qid);
    return {
      actionId: previousIds.get(qid) ?? ctx.newId(),
      action: 'Apply Mitigation',
      actionType: 'predeploy',
      params: {
        timeout: DEFAULT_ACTION_TIMEOUT,
        mitigationCategory: 'Script-based Virtual Patch',
        qid,
        qidDetectionId: 0,
        qidTitle: ctx.vulnerability(qid)?.title ?? known?.title ?? null,
        hostVulnId: 0,
        qds,
        detectionScoreMin: qds,
        detectionScoreMax: qds,
      },
      mitigationList:
        known === undefined
          ? []
          : [
              {
                cves: [String(qid)],
                mitigationId: mitigation.mitigationId,
                mitigationType: known.mitigationType,
                mitigationSource: null,
                carScriptId: mitigation.carScriptId,
                customCdnUrl: '',
                signatureHashCode: '',
                impactFactor: 0,
                implication: 1,
              },
            ],
      actionLinkedToJob: false,
    };
  });
}

/**
 * `assetDetectionsQQL` of an MTG job, built as in seed 003:
 * `(tags.uuid: [t1, t2]) OR (agentId: [a1]) AND trackingMethod:QAGENT`.
 */
function assetDetectionsQql(body: JsonObject): string {
  const tagIds = strings(body['assetTagIds']);
  const assetIds = strings(body['assetIds']);
  const parts = [
    tagIds.length > 0 ? `(tags.uuid: [${tagIds.join(', ')}])` : null,
    assetIds.length > 0 ? `(agentId: [${assetIds.join(', ')}])` : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? 'trackingMethod:QAGENT' : `${parts.join(' OR ')} AND trackingMethod:QAGENT`;
}

/**
 * Builds an MTG job object (shape of the seed 003 create response, with the GET sample's
 * `qidTitle`/`qds` params) from a checked create or update body.
 *
 * @param body - the request body.
 * @param essentials - what `checkMitigationJobBody` established (with the QIDs).
 * @param ctx - tenant, caller, clock, id source.
 * @param current - the stored job on update (read-only fields and the action ids of QIDs it
 * already had are kept), `null` on create.
 * @returns the job, as create/update answer it and `GET /mtg/v1/deploymentjob/{id}` serves it.
 */
export function buildMitigationJobWire(
  body: JsonObject,
  essentials: MitigationBodyEssentials,
  ctx: JobWireContext,
  current: JsonObject | null,
): JsonObject {
  const { name, platform, type, scheduleType, status, qids } = essentials;
  const schedule = scheduleOf(body, scheduleType, ctx, current);
  const counts = assetCounts(body, platform, ctx);
  const keep = (key: string, fallback: JsonValue): JsonValue =>
    current === null ? fallback : orNull(current[key]);
  return {
    customerId: current === null ? ctx.customerId : orNull(current['customerId']),
    id: current === null ? ctx.newId() : orNull(current['id']),
    schemaVersion: '1.0',
    name,
    description: str(body['description']) ?? '',
    type,
    status,
    coAuthorUserIds: list(body['coAuthorUserIds']),
    scheduleType,
    startDateTime: schedule.startDateTime,
    recurring: false,
    timezoneType: schedule.timezoneType,
    timezone: schedule.timezone,
    createdBy: current === null ? creatorStamp(ctx.caller, ctx.nowMs) : orNull(current['createdBy']),
    updatedBy: current === null ? emptyStamp() : updaterStamp(ctx.caller, ctx.nowMs),
    deletedBy: current === null ? emptyStamp() : orNull(current['deletedBy']),
    assetCount: keep('assetCount', null),
    taggedAssetCount: counts.taggedOnly,
    applicableAssetCount: counts.applicable,
    totalAssetCount: keep('totalAssetCount', null),
    assetResultReceivedCount: keep('assetResultReceivedCount', null),
    jobCategory: 3,
    jobTriggerStatus: keep('jobTriggerStatus', null),
    completionPercent: keep('completionPercent', null),
    jobSource: keep('jobSource', 3) ?? 3,
    readOnly: keep('readOnly', false) ?? false,
    subCategory: 'Mitigation',
    platform,
    assetTagIds: list(body['assetTagIds']),
    assetIds: list(body['assetIds']),
    matchAllTagIds: list(body['matchAllTagIds']),
    exclusionTagIds: list(body['exclusionTagIds']),
    filterType: str(body['filterType']) ?? 'Any',
    exclusionFilterType: str(body['exclusionFilterType']) ?? 'Any',
    notification: notificationOf(body['notification']),
    assetDetectionsQQL: assetDetectionsQql(body),
    preDeployActions: mitigationActions(qids, ctx, current),
    postDeployActions: null,
    vulnQQL: `vulnerabilities.vulnerability.qid:[${qids.join(', ')}]`,
  };
}

/**
 * The next run of a job that has not run yet: its start, for an Enabled job that is not
 * On-demand; else `null`.
 *
 * @param job - a PM job object.
 */
export function firstRunEpoch(job: JsonObject): number | null {
  const start = str(job['startDateTime']);
  if (job['status'] !== 'Enabled' || job['scheduleType'] === 'On-demand' || start === null) {
    return null;
  }
  return parseWallClock(start, str(job['timezone']));
}

function tagRefs(ids: readonly JsonValue[] | null, lookups: JobListLookups): JsonValue {
  const known = (ids ?? []).filter((id): id is string => typeof id === 'string');
  return known.length === 0 ? null : known.map((id) => ({ id, name: lookups.tagName(id) }));
}

/**
 * Builds the list items of a PM job object: the `GET /pm/v1/deploymentjobs` item (keys and order
 * of `fleet/patch-job-wire.ts`), the `/summary` item (plus the four progress counts) and the
 * `/availableToLink` item — only for an Install job with patches to give (an explicit, non-empty
 * `approvedPatches` or a dynamic QQL) that does not itself link to another job.
 *
 * @param job - the full job object.
 * @param extras - run-dependent values.
 * @param lookups - names of assets, patches and tags.
 */
export function buildPatchJobListItems(
  job: JsonObject,
  extras: JobListExtras,
  lookups: JobListLookups,
): JobListItems {
  const stamp = (value: JsonValue | undefined): JsonValue => {
    const given = obj(value);
    const user = obj(given?.['user']);
    return given === null || user === null
      ? null
      : { date: orNull(given['date']), user: { name: orNull(user['name']), id: orNull(user['id']) } };
  };
  const approved = list(job['approvedPatches']);
  const linkedJobId = emptyToNull(job['linkedJobId']);
  const dynamic = job['isDynamicPatchesQQL'] === true;
  const explicitPatches = dynamic || linkedJobId !== null ? null : (approved ?? []);
  const exclusionTags = list(job['exclusionTagIds']);
  const listItem: JsonObject = {
    coAuthorUserIds: orNull(job['coAuthorUserIds']),
    timezone: orNull(job['timezone']),
    exclusionFilterType: orNull(job['exclusionFilterType']),
    dynamicQQLType: orNull(job['dynamicQQLType']),
    matchAllTags: tagRefs(list(job['matchAllTagIds']), lookups),
    type: orNull(job['type']),
    nextScheduleDateTime: extras.nextScheduleDateTime,
    platform: orNull(job['platform']),
    assets: strings(job['assetIds']).map((id) => ({ name: lookups.assetName(id), id })),
    recurringWeekDays: orNull(job['recurringWeekDays']),
    customerId: orNull(job['customerId']),
    exclusionTags: exclusionTags === null || exclusionTags.length === 0 ? null : exclusionTags,
    isDynamicPatchesQQL: dynamic,
    taggedAssetCount: orNull(job['taggedAssetCount']),
    patchCount: orNull(job['patchCount']),
    id: orNull(job['id']),
    assetCount: orNull(job['assetCount']),
    applicableAssetCount: orNull(job['applicableAssetCount']),
    patchTuesdayPlusXDays: orNull(job['patchTuesdayPlusXDays']),
    schemaVersion: orNull(job['schemaVersion']),
    recurringLastDayOfMonth: orNull(job['recurringLastDayOfMonth']),
    linkedJobReferenceCount: extras.linkedJobReferenceCount,
    created: stamp(job['createdBy']),
    triggerStatus: extras.triggerStatus,
    patches:
      explicitPatches === null
        ? null
        : strings(explicitPatches).map((id) => ({ id, title: lookups.patchTitle(id) })),
    recurringDayOfMonth: orNull(job['recurringDayOfMonth']),
    recurringWeekDayOfMonth: orNull(job['recurringWeekDayOfMonth']),
    jobSource: orNull(job['jobSource']),
    isRecurring: job['recurring'] === true,
    lastScheduleDateTime: extras.lastScheduleDateTime,
    readOnly: job['readOnly'] === true,
    tags: tagRefs(list(job['assetTagIds']), lookups),
    exclusionAssetIds: orNull(job['exclusionAssetIds']),
    dynamicPatchesQQL: orNull(job['dynamicPatchesQQL']),
    startDateTime: orNull(job['startDateTime']),
    timezoneType: orNull(job['timezoneType']),
    deleted: false,
    scheduleType: orNull(job['scheduleType']),
    monthlyRecurringType: orNull(job['monthlyRecurringType']),
    dayOfMonth: orNull(job['dayOfMonth']),
    name: orNull(job['name']),
    disabledPatches: orNull(job['disabledPatches']),
    filterType: orNull(job['filterType']),
    category: 3,
    updated: stamp(job['updatedBy']),
    status: orNull(job['status']),
    linkedJobId,
  };
  const summaryItem: JsonObject = {
    ...listItem,
    totalAssetCount: extras.totalAssetCount,
    applicableAssetCount: extras.applicableAssetCount,
    completionPercent: extras.completionPercent,
    assetResultReceivedCount: extras.assetResultReceivedCount,
  };
  const hasPatches = dynamic || (approved !== null && approved.length > 0);
  const creator = obj(job['createdBy']);
  const creatorUser = obj(creator?.['user']);
  const linkItem: JsonObject | null =
    job['type'] === 'Install' && linkedJobId === null && hasPatches
      ? {
          customerId: orNull(job['customerId']),
          id: orNull(job['id']),
          name: orNull(job['name']),
          type: orNull(job['type']),
          status: orNull(job['status']),
          createdBy:
            creatorUser === null
              ? null
              : {
                  user: { id: orNull(creatorUser['id']), name: orNull(creatorUser['name']) },
                  date: orNull(creator?.['date']),
                },
          linkedJobReferenceCount: extras.linkedJobReferenceCount,
          schedule: job['scheduleType'] === 'On-demand' ? 'On-Demand' : orNull(job['scheduleType']),
          previousRun: extras.lastScheduleDateTime,
          nextRun: extras.nextScheduleDateTime,
        }
      : null;
  return { listItem, summaryItem, linkItem };
}

/** The fields of a seed list item that follow the job when it is updated (same name, same meaning). */
const SYNCED_LIST_FIELDS = [
  'name',
  'type',
  'status',
  'platform',
  'scheduleType',
  'timezone',
  'timezoneType',
  'startDateTime',
  'recurringWeekDays',
  'recurringDayOfMonth',
  'recurringWeekDayOfMonth',
  'recurringLastDayOfMonth',
  'monthlyRecurringType',
  'patchTuesdayPlusXDays',
  'dayOfMonth',
  'dynamicPatchesQQL',
  'isDynamicPatchesQQL',
  'dynamicQQLType',
  'patchCount',
  'coAuthorUserIds',
  'exclusionAssetIds',
  'disabledPatches',
  'filterType',
  'exclusionFilterType',
  'linkedJobId',
] as const;

/**
 * A seed list item brought in line with its updated job: the fields both share (and the
 * availableToLink `schedule`) take the job's values; the rest stays as in the sample.
 *
 * @param item - a seed list, summary or availableToLink item.
 * @param job - the job after the update.
 */
export function syncListItem(item: JsonObject, job: JsonObject): JsonObject {
  const out: Record<string, JsonValue> = { ...item };
  for (const key of SYNCED_LIST_FIELDS) {
    if (key in item && key in job) {
      out[key] = orNull(job[key]);
    }
  }
  if ('schedule' in item && typeof job['scheduleType'] === 'string') {
    out['schedule'] = job['scheduleType'] === 'On-demand' ? 'On-Demand' : job['scheduleType'];
  }
  return out;
}
