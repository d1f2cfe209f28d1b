/**
 * The job list items of a PM job object (created, updated or generated): the
 * `GET /pm/v1/deploymentjobs` item, the `/summary` item and the `/availableToLink` item, in the
 * shapes of `fleet/patch-job-wire.ts`; the first run of a job that has not run yet; and a seed list
 * item brought in line with its updated job.
 *
 * @module
 */
import { parseWallClock } from '../fleet/wall-clock.js';
import type { JsonObject, JsonValue } from '../json.js';
import { emptyToNull, list, obj, orNull, str, strings } from './json-readers.js';

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
/** `[{id, name}]` of the tags of an id list, `null` for none. */
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
