/**
 * What a tenant's job state answers, as it is now: the runs of a job (generated runs, or one run
 * per seed result summary), a run's result summary (seed samples verbatim, generated results built
 * and memoised, a header without assets for a job without runs) and the items of the three job
 * list endpoints in their default order.
 *
 * @module
 */
import type { Platform, SimJobRun } from '../fleet/types.js';
import { formatIsoWithOffset } from '../fleet/wall-clock.js';
import { isJsonObject, type JsonObject } from '../json.js';
import {
  buildPatchJobListItems,
  firstRunEpoch,
  type JobListItems,
  type JobListLookups,
} from './job-list-items.js';
import { buildJobResult, type ResultContext } from './job-results.js';
import type { JobListKind } from './seed-index.js';
import type { TenantJobState } from './tenant-job-state.js';

/** The answer for a job result request. */
export type JobResultLookup =
  | { readonly kind: 'found'; readonly result: JsonObject }
  | { readonly kind: 'unknownJob' }
  | { readonly kind: 'unknownRun'; readonly jobInstanceId: number };

/** The items of every job list endpoint, per platform. */
export type JobLists = Record<JobListKind, Record<Platform, JsonObject[]>>;

/** Most results kept in the memo before it is cleared (bounds memory under load tests). */
const RESULT_MEMO_LIMIT = 256;

/**
 * The runs of a job (`GET .../runs`): generated runs, or one run per seed result summary.
 *
 * @param state - the tenant's jobs.
 * @param jobId - job UUID.
 * @returns `undefined` when no job with that id is known.
 */
export function jobRuns(state: TenantJobState, jobId: string): readonly SimJobRun[] | undefined {
  const job = state.generatedPm.get(jobId);
  if (job !== undefined) {
    return job.runs;
  }
  const seeded = state.seedResults.get(jobId);
  if (seeded !== undefined) {
    return [...seeded]
      .sort(([a], [b]) => a - b)
      .map(([jobInstanceId, result]) => ({
        jobInstanceId,
        scheduledDateTime: formatIsoWithOffset(seedRunEpoch(result), null),
        timezoneType: 'SPECIFIC_TZ',
      }));
  }
  return state.pmJobs.has(jobId) ? [] : undefined;
}

/**
 * A job run's result summary.
 *
 * @param state - the tenant's jobs.
 * @param ctx - what building a generated result needs.
 * @param memo - built generated results by `jobId#instance` (cleared when full).
 * @param jobId - job UUID.
 * @param jobInstanceId - the run; `null` for the latest.
 * @returns the result (a job without runs answers its header with `assets: []`), or why there is none.
 */
export function findJobResult(
  state: TenantJobState,
  ctx: ResultContext,
  memo: Map<string, JsonObject>,
  jobId: string,
  jobInstanceId: number | null,
): JobResultLookup {
  const seeded = state.seedResults.get(jobId);
  if (seeded !== undefined) {
    const instance = jobInstanceId ?? Math.max(...seeded.keys());
    const result = seeded.get(instance);
    return result === undefined ? { kind: 'unknownRun', jobInstanceId: instance } : { kind: 'found', result };
  }
  const job = state.generatedPm.get(jobId);
  if (job !== undefined) {
    if (job.runs.length === 0) {
      if (jobInstanceId !== null) {
        return { kind: 'unknownRun', jobInstanceId };
      }
      return { kind: 'found', result: emptyResult(job.job) };
    }
    const instance = jobInstanceId ?? job.runs.length;
    if (instance < 1 || instance > job.runs.length) {
      return { kind: 'unknownRun', jobInstanceId: instance };
    }
    const key = `${jobId}#${instance}`;
    let result = memo.get(key);
    if (result === undefined) {
      if (memo.size >= RESULT_MEMO_LIMIT) {
        memo.clear();
      }
      result = buildJobResult(ctx, job, instance - 1);
      memo.set(key, result);
    }
    return { kind: 'found', result };
  }
  const seedJob = state.pmJobs.get(jobId);
  if (seedJob !== undefined) {
    return jobInstanceId === null
      ? { kind: 'found', result: emptyResult(seedJob) }
      : { kind: 'unknownRun', jobInstanceId };
  }
  return { kind: 'unknownJob' };
}

/**
 * The items of the job list endpoints per platform, in default order: seed samples first, then
 * the jobs created through the API (newest first), then the generated jobs (newest first).
 *
 * @param state - the tenant's jobs.
 * @param lookups - names of assets, patches and tags (for the created jobs' items).
 */
export function buildJobLists(state: TenantJobState, lookups: JobListLookups): JobLists {
  const out: JobLists = {
    list: { Windows: [], Linux: [] },
    summary: { Windows: [], Linux: [] },
    availableToLink: { Windows: [], Linux: [] },
  };
  // `/deploymentjobs` and `/deploymentjobs/summary` list the same jobs (seed 000 shows one
  // sample of each): both serve both samples, so each reaches the graph's job list.
  for (const kind of ['list', 'summary'] as const) {
    for (const seedKind of ['list', 'summary'] as const) {
      for (const { platform, item } of state.seedLists[seedKind]) {
        out[kind][platform].push(item);
      }
    }
  }
  for (const { platform, item } of state.seedLists.availableToLink) {
    out.availableToLink[platform].push(item);
  }
  const push = (platform: Platform, items: JobListItems): void => {
    out.list[platform].push(items.listItem);
    out.summary[platform].push(items.summaryItem);
    if (items.linkItem !== null) {
      out.availableToLink[platform].push(items.linkItem);
    }
  };
  if (state.createdPm.length > 0) {
    const linkedCounts = new Map<string, number>();
    for (const job of state.pmJobs.values()) {
      const parent = job['linkedJobId'];
      if (typeof parent === 'string' && parent !== '') {
        linkedCounts.set(parent, (linkedCounts.get(parent) ?? 0) + 1);
      }
    }
    for (const id of [...state.createdPm].reverse()) {
      const job = state.pmJobs.get(id);
      const platform = job?.['platform'];
      if (job === undefined || (platform !== 'Windows' && platform !== 'Linux')) {
        continue;
      }
      const applicable = job['applicableAssetCount'] ?? null;
      push(
        platform,
        buildPatchJobListItems(
          job,
          {
            nextScheduleDateTime: firstRunEpoch(job),
            lastScheduleDateTime: null,
            triggerStatus: 0,
            linkedJobReferenceCount: linkedCounts.get(id) ?? null,
            totalAssetCount: null,
            applicableAssetCount: applicable,
            completionPercent: null,
            assetResultReceivedCount: null,
          },
          lookups,
        ),
      );
    }
  }
  for (const id of state.generatedNewestFirst) {
    const job = state.generatedPm.get(id);
    if (job !== undefined) {
      push(job.platform, job);
    }
  }
  return out;
}

/** The header of a result summary for a job without runs: its id, name, counts and creator, no assets. */
function emptyResult(job: JsonObject): JsonObject {
  const createdBy = isJsonObject(job['createdBy']) ? job['createdBy'] : null;
  const user = createdBy !== null && isJsonObject(createdBy['user']) ? createdBy['user'] : null;
  return {
    id: job['id'] ?? null,
    name: job['name'] ?? null,
    assetCount: 0,
    patchCount: typeof job['patchCount'] === 'number' ? job['patchCount'] : 0,
    createdBy: typeof user?.['name'] === 'string' ? user['name'] : null,
    createdOn: typeof createdBy?.['date'] === 'number' ? createdBy['date'] : null,
    assets: [],
  };
}

/** When a seed run happened: its first asset's start, else status time, else the job's creation. */
function seedRunEpoch(result: JsonObject): number {
  const first = Array.isArray(result['assets']) ? result['assets'].find(isJsonObject) : undefined;
  for (const key of ['startDateTime', 'statusDateTime'] as const) {
    const value = first?.[key];
    if (typeof value === 'number' && value > 0) {
      return value;
    }
  }
  return typeof result['createdOn'] === 'number' ? result['createdOn'] : 0;
}
