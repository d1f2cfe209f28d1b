/**
 * Builds the job objects that create and update answer (and GET then serves) from a request body
 * already checked by `job-body-rules.ts`; the parts of such a job are normalised in
 * `job-wire-normalise.ts`, its list items built in `job-list-items.ts`.
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
import { mitigationActionWire } from '../fleet/generate-mitigation-jobs.js';
import type { Platform, SimAsset, SimUser, SimVulnerability } from '../fleet/types.js';
import { MITIGATION_QIDS } from '../fleet/vocabulary.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import type { JobBodyEssentials, MitigationBodyEssentials } from './job-body-rules.js';
import {
  additionalQqlTypeOf,
  assetCounts,
  DEFAULT_ACTION_TIMEOUT,
  defaultJobConfigurationOf,
  deployActionsOf,
  isRecurringSchedule,
  messages,
  notificationOf,
  postDeploymentOf,
  preDeploymentOf,
  reattemptOf,
  scheduleOf,
} from './job-wire-normalise.js';
import { bool, emptyToNull, list, num, obj, orNull, str, strings } from './json-readers.js';

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

/** The fields of a job object that a create sets and an update keeps from the stored job. */
interface ReadOnlyFields {
  readonly customerId: JsonValue;
  readonly id: JsonValue;
  readonly createdBy: JsonValue;
  readonly updatedBy: JsonValue;
  readonly deletedBy: JsonValue;
}

/**
 * The read-only fields of a job object: on create the tenant's customer id, a new id, the caller
 * as creator at `nowMs` and empty updater/deleter stamps; on update those of the stored job, with
 * the caller as updater at `nowMs`.
 */
function readOnlyFields(ctx: JobWireContext, current: JsonObject | null): ReadOnlyFields {
  return {
    customerId: current === null ? ctx.customerId : orNull(current['customerId']),
    id: current === null ? ctx.newId() : orNull(current['id']),
    createdBy: current === null ? creatorStamp(ctx.caller, ctx.nowMs) : orNull(current['createdBy']),
    updatedBy: current === null ? emptyStamp() : updaterStamp(ctx.caller, ctx.nowMs),
    deletedBy: current === null ? emptyStamp() : orNull(current['deletedBy']),
  };
}

/** A field the stored job keeps on update (`null` when it has none); `fallback` on create. */
function keeper(current: JsonObject | null): (key: string, fallback: JsonValue) => JsonValue {
  return (key, fallback) => (current === null ? fallback : orNull(current[key]));
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
  const schedule = scheduleOf(body, scheduleType, ctx.nowMs, current);
  const counts = assetCounts(body, platform, ctx.assetsOf);
  const approvedPatches = list(body['approvedPatches']);
  const keep = keeper(current);
  const fixed = readOnlyFields(ctx, current);
  return {
    customerId: fixed.customerId,
    id: fixed.id,
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
    createdBy: fixed.createdBy,
    updatedBy: fixed.updatedBy,
    deletedBy: fixed.deletedBy,
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
    preDeployActions: deployActionsOf(body['preDeployActions'], 'predeploy', ctx.newId, current !== null),
    postDeployActions: deployActionsOf(body['postDeployActions'], 'postdeploy', ctx.newId, current !== null),
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
    const mitigation = ctx.mitigationOf(qid);
    return mitigationActionWire({
      actionId: previousIds.get(qid) ?? ctx.newId(),
      timeout: DEFAULT_ACTION_TIMEOUT,
      qid,
      qidTitle: ctx.vulnerability(qid)?.title ?? known?.title ?? null,
      qds: known?.qds ?? null,
      mitigation:
        known === undefined
          ? null
          : {
              mitigationId: mitigation.mitigationId,
              mitigationType: known.mitigationType,
              carScriptId: mitigation.carScriptId,
            },
    });
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
  const schedule = scheduleOf(body, scheduleType, ctx.nowMs, current);
  const counts = assetCounts(body, platform, ctx.assetsOf);
  const keep = keeper(current);
  const fixed = readOnlyFields(ctx, current);
  return {
    customerId: fixed.customerId,
    id: fixed.id,
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
    createdBy: fixed.createdBy,
    updatedBy: fixed.updatedBy,
    deletedBy: fixed.deletedBy,
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
