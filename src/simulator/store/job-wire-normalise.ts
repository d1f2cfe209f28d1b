/**
 * The parts of a job object that `job-mutation-wire.ts` builds from a checked create or update
 * body, each normalised to its response shape: the schedule (an On-demand job's start set by the
 * server), the targeted assets and their counts, the `preDeployment` / `duringDeployment` /
 * `postDeployment` messages and deferments, the deploy actions (with the MakeCache script and the
 * default timeout), the notification, the reattempt settings and the default job configuration.
 *
 * @module
 */
import { targetAssets } from '../fleet/generate-patch-jobs.js';
import type { ScheduleType } from '../fleet/patch-job-wire.js';
import type { Platform, SimAsset } from '../fleet/types.js';
import { formatWallClock } from '../fleet/wall-clock.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { bool, emptyToNull, isAbsent, num, obj, orNull, str, strings } from './json-readers.js';

/** `script` of the Linux MakeCache pre-action in responses (seed 001 create response). */
export const MAKECACHE_SCRIPT = 'default/MakeCache/makecache';

/**
 * Default `params.timeout` of a deploy action (the wire value of seeds 001 and 003; Qualys does not
 * document its unit).
 */
export const DEFAULT_ACTION_TIMEOUT = 180;

/** Whether a schedule type repeats (Daily, Weekly, Monthly): the job's `recurring`. */
export function isRecurringSchedule(scheduleType: ScheduleType): boolean {
  return scheduleType === 'Daily' || scheduleType === 'Weekly' || scheduleType === 'Monthly';
}

/** The time zone and start of a job, as the job object shows them. */
export interface Schedule {
  readonly timezoneType: string;
  readonly timezone: string | null;
  readonly startDateTime: string | null;
}

/**
 * The schedule of a job body: `timezoneType` default `SPECIFIC_TZ`, `timezone` default `UTC` for
 * `SPECIFIC_TZ`; the start as sent, except for an On-demand job, which keeps its stored start on
 * update and else starts now (in the job's zone).
 *
 * @param body - a checked job body.
 * @param scheduleType - the job's schedule type.
 * @param nowMs - now, epoch ms.
 * @param current - the stored job on update, `null` on create.
 */
export function scheduleOf(
  body: JsonObject,
  scheduleType: ScheduleType,
  nowMs: number,
  current: JsonObject | null,
): Schedule {
  const timezoneType = str(body['timezoneType']) ?? 'SPECIFIC_TZ';
  const timezone = str(body['timezone']) ?? (timezoneType === 'SPECIFIC_TZ' ? 'UTC' : null);
  if (scheduleType !== 'On-demand') {
    return { timezoneType, timezone, startDateTime: str(body['startDateTime']) };
  }
  const kept = current === null ? null : str(current['startDateTime']);
  return { timezoneType, timezone, startDateTime: kept ?? formatWallClock(nowMs, timezone) };
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

/**
 * The asset counts of a job body: `applicable`, the assets it targets (see {@link jobTargetAssets});
 * `taggedOnly`, those of them it reaches only through a tag.
 *
 * @param body - a checked job body.
 * @param platform - the job's platform.
 * @param assetsOf - the tenant's assets of a platform.
 */
export function assetCounts(
  body: JsonObject,
  platform: Platform,
  assetsOf: (platform: Platform) => readonly SimAsset[],
): { applicable: number; taggedOnly: number } {
  const targets = jobTargetAssets(body, platform, assetsOf);
  const explicit = new Set(strings(body['assetIds']));
  return {
    applicable: targets.length,
    taggedOnly: targets.filter((asset) => !explicit.has(asset.id)).length,
  };
}

/** `userMessage` and `description` of a message section, `""` when absent. */
export function messages(value: JsonObject | null): { userMessage: string; description: string } {
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

/** `preDeployment` in the GET shape: its messages and its deferment. */
export function preDeploymentOf(body: JsonObject): JsonObject {
  const given = obj(body['preDeployment']);
  return { ...messages(given), deferment: deferment(given?.['deferment']) };
}

/**
 * `postDeployment` in the GET shape. The nested fields are read from `postDeployment` first, then
 * from the top level, where qualysdk sends them (docs/qualys-api.md §7.1, shape discrepancy).
 */
export function postDeploymentOf(body: JsonObject): JsonObject {
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
export function deployActionsOf(
  value: JsonValue | undefined,
  actionType: 'predeploy' | 'postdeploy',
  newId: () => string,
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
      actionId: sentId ?? newId(),
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
export function notificationOf(value: JsonValue | undefined): JsonValue {
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

/** `reattemptFailedPatches`: both counts (0 when missing), or `null` when absent. */
export function reattemptOf(value: JsonValue | undefined): JsonValue {
  const given = obj(value);
  return given === null
    ? null
    : {
        noOfReattempts: num(given['noOfReattempts']) ?? 0,
        exponentialBackoffInterval: num(given['exponentialBackoffInterval']) ?? 0,
      };
}

/** `defaultJobConfiguration`: `onAssetActivation` default `false`, `onAssetInactiveForXDays` as sent. */
export function defaultJobConfigurationOf(value: JsonValue | undefined): JsonObject {
  const given = obj(value);
  return {
    onAssetActivation: bool(given?.['onAssetActivation']) ?? false,
    onAssetInactiveForXDays: orNull(given?.['onAssetInactiveForXDays']),
  };
}

/** `additionalDynamicQQLType`: `""` -> `null`, digit strings -> numbers (seed 001 vs qualysdk). */
export function additionalQqlTypeOf(value: JsonValue | undefined): JsonValue {
  if (isAbsent(value) || value === '') {
    return null;
  }
  return num(value) ?? value;
}
