/**
 * The job mutations on a tenant's job state: create and update of PM and MTG jobs (body checked by
 * `job-body-rules.ts`, job object built by `job-mutation-wire.ts`), enable/disable, and delete,
 * with the bulk answers of the last two. Every change replaces objects (shared seed objects are
 * never changed) and keeps the generated jobs' bookkeeping and the seed list samples in line; the
 * tenant store forgets what it derived from the jobs after each call.
 *
 * @module
 */
import type { ScheduleType } from '../fleet/patch-job-wire.js';
import type { SimPatchJob } from '../fleet/types.js';
import type { JsonObject, JsonValue } from '../json.js';
import { checkMitigationJobBody, checkPatchJobBody } from './job-body-rules.js';
import {
  buildPatchJobListItems,
  type JobListItems,
  type JobListLookups,
  syncListItem,
} from './job-list-items.js';
import { buildMitigationJobWire, buildPatchJobWire, type JobWireContext } from './job-mutation-wire.js';
import { jobTargetAssets } from './job-wire-normalise.js';
import type { JobListKind } from './seed-index.js';
import type { TenantJobState } from './tenant-job-state.js';

/** `error` of a bulk item for an id the tenant has no job for. */
export const JOB_NOT_FOUND_ERROR = 'Job not found';

/**
 * `error` of a bulk item disabling an enabled non-recurring job, verbatim from the MTG status
 * sample (docs/qualys-api.md §5, §12.3).
 */
export const NON_RECURRING_DISABLE_ERROR = 'Non-recurring jobs cannot be disabled once enabled by user';

/**
 * One item of a bulk job call's answer (enable/disable, delete): `{id, name, status:"success"}` or
 * `{id, name, status:"failure", error}` (docs/qualys-api.md §5, §7.5, §7.6, §12.3). `name` is the job's
 * name, `null` for an unknown id.
 */
export type JobBulkResult =
  | { readonly id: string; readonly name: string | null; readonly status: 'success' }
  | { readonly id: string; readonly name: string | null; readonly status: 'failure'; readonly error: string };

/** What a job's configuration status can be set to (`.../update/status/{action}`). */
export type JobStatusAction = 'Enabled' | 'Disabled';

/** Schedule types whose jobs run once (or on demand): they cannot be disabled once enabled. */
const NON_RECURRING: readonly string[] = ['On-demand', 'Once'] satisfies readonly ScheduleType[];

/** The schedule type of a job object or list item (availableToLink items say `schedule: "On-Demand"`). */
function scheduleTypeOf(item: JsonObject): string | null {
  const value = item['scheduleType'] ?? item['schedule'];
  if (typeof value !== 'string') {
    return null;
  }
  return value === 'On-Demand' ? 'On-demand' : value;
}

function nameOf(item: JsonObject | undefined): string | null {
  return typeof item?.['name'] === 'string' ? item['name'] : null;
}

/**
 * Whether a job (object or list item) may take a status: a non-recurring job (On-demand, Once)
 * that is not Disabled cannot be disabled ("Non-recurring jobs cannot be disabled once enabled by
 * user", docs/qualys-api.md §12.3); Prepared and Assets Responded jobs were enabled, so they count.
 */
function canSetStatus(job: JsonObject, action: JobStatusAction): boolean {
  const scheduleType = scheduleTypeOf(job);
  const status = job['status'];
  return !(
    action === 'Disabled' &&
    scheduleType !== null &&
    NON_RECURRING.includes(scheduleType) &&
    typeof status === 'string' &&
    status !== 'Disabled'
  );
}

/**
 * A new job id: a UUID from the tenant's id stream that no PM or MTG job has yet.
 *
 * @param state - the tenant's jobs.
 * @param next - draws the next UUID of the stream.
 */
export function newJobId(state: TenantJobState, next: () => string): string {
  let id = next();
  while (state.pmJobs.has(id) || state.mtgJobs.has(id)) {
    id = next();
  }
  return id;
}

/**
 * Adds a patch job built from a create body (see `TenantStore.createPatchJob`).
 *
 * @returns the job as GET serves it.
 * @throws SimulatorHttpError 400 for a body Qualys rejects.
 */
export function createPatchJob(state: TenantJobState, body: JsonObject, ctx: JobWireContext): JsonObject {
  const essentials = checkPatchJobBody(body, null);
  const job = buildPatchJobWire(body, essentials, ctx, null);
  const id = String(job['id']);
  state.pmJobs.set(id, job);
  state.createdPm.push(id);
  return job;
}

/**
 * Replaces a patch job with one built from a full body (see `TenantStore.updatePatchJob`); a
 * generated job's bookkeeping and the seed list items of the job follow.
 *
 * @param lookups - names for the rebuilt list items of a generated job.
 * @returns the updated job, or `undefined` when there is no patch job with that id.
 * @throws SimulatorHttpError 400 for a body Qualys rejects.
 */
export function updatePatchJob(
  state: TenantJobState,
  id: string,
  body: JsonObject,
  ctx: JobWireContext,
  lookups: JobListLookups,
): JsonObject | undefined {
  const current = state.pmJobs.get(id);
  if (current === undefined) {
    return undefined;
  }
  const essentials = checkPatchJobBody(body, current);
  const job = buildPatchJobWire(body, essentials, ctx, current);
  state.pmJobs.set(id, job);
  const generated = state.generatedPm.get(id);
  if (generated !== undefined) {
    state.generatedPm.set(id, {
      ...generated,
      name: essentials.name,
      platform: essentials.platform,
      job,
      ...generatedItemsAfterUpdate(generated, job, lookups),
    });
  }
  replaceSeedListItems(state, id, (item) => syncListItem(item, job));
  return job;
}

/**
 * Adds a mitigation job built from a create body (see `TenantStore.createMitigationJob`).
 *
 * @returns the job as `GET /mtg/v1/deploymentjob/{id}` serves it.
 * @throws SimulatorHttpError 400 for a body Qualys rejects.
 */
export function createMitigationJob(
  state: TenantJobState,
  body: JsonObject,
  ctx: JobWireContext,
): JsonObject {
  const essentials = checkMitigationJobBody(body, null);
  const job = buildMitigationJobWire(body, essentials, ctx, null);
  state.mtgJobs.set(String(job['id']), job);
  return job;
}

/**
 * Replaces a mitigation job with one built from a full body (see
 * `TenantStore.updateMitigationJob`); a generated job's bookkeeping follows.
 *
 * @returns the updated job, or `undefined` when there is no mitigation job with that id.
 * @throws SimulatorHttpError 400 for a body Qualys rejects.
 */
export function updateMitigationJob(
  state: TenantJobState,
  id: string,
  body: JsonObject,
  ctx: JobWireContext,
): JsonObject | undefined {
  const current = state.mtgJobs.get(id);
  if (current === undefined) {
    return undefined;
  }
  const essentials = checkMitigationJobBody(body, current);
  const job = buildMitigationJobWire(body, essentials, ctx, current);
  state.mtgJobs.set(id, job);
  const generated = state.generatedMtg.get(id);
  if (generated !== undefined) {
    state.generatedMtg.set(id, {
      ...generated,
      platform: essentials.platform,
      qids: essentials.qids,
      targetAssetIds: jobTargetAssets(body, essentials.platform, ctx.assetsOf).map((a) => a.id),
      job,
    });
  }
  return job;
}

/**
 * Enables or disables patch jobs (see `TenantStore.setPatchJobStatus`).
 *
 * @returns one result per distinct id, in request order.
 */
export function setPatchJobStatus(
  state: TenantJobState,
  ids: readonly string[],
  action: JobStatusAction,
): JobBulkResult[] {
  return [...new Set(ids)].map((id): JobBulkResult => {
    const known = knownPatchJob(state, id);
    if (known === undefined) {
      return { id, name: null, status: 'failure', error: JOB_NOT_FOUND_ERROR };
    }
    if (!canSetStatus(known, action)) {
      return { id, name: nameOf(known), status: 'failure', error: NON_RECURRING_DISABLE_ERROR };
    }
    setPatchStatus(state, id, action);
    return { id, name: nameOf(known), status: 'success' };
  });
}

/**
 * Enables or disables mitigation jobs (see `TenantStore.setMitigationJobStatus`).
 *
 * @returns one result per distinct id, in request order.
 */
export function setMitigationJobStatus(
  state: TenantJobState,
  ids: readonly string[],
  action: JobStatusAction,
): JobBulkResult[] {
  return [...new Set(ids)].map((id): JobBulkResult => {
    const job = state.mtgJobs.get(id);
    if (job === undefined) {
      return { id, name: null, status: 'failure', error: JOB_NOT_FOUND_ERROR };
    }
    if (!canSetStatus(job, action)) {
      return { id, name: nameOf(job), status: 'failure', error: NON_RECURRING_DISABLE_ERROR };
    }
    const changed = { ...job, status: action };
    state.mtgJobs.set(id, changed);
    const generated = state.generatedMtg.get(id);
    if (generated !== undefined) {
      state.generatedMtg.set(id, { ...generated, job: changed });
    }
    return { id, name: nameOf(job), status: 'success' };
  });
}

/**
 * Deletes patch jobs (see `TenantStore.deletePatchJobs`): gone from the job objects, the generated
 * jobs, the created jobs, the seed results and the seed list samples.
 *
 * @returns one result per distinct id, in request order.
 */
export function deletePatchJobs(state: TenantJobState, ids: readonly string[]): JobBulkResult[] {
  return [...new Set(ids)].map((id): JobBulkResult => {
    const known = knownPatchJob(state, id);
    if (known === undefined) {
      return { id, name: null, status: 'failure', error: JOB_NOT_FOUND_ERROR };
    }
    state.pmJobs.delete(id);
    state.generatedPm.delete(id);
    state.seedResults.delete(id);
    const created = state.createdPm.indexOf(id);
    if (created >= 0) {
      state.createdPm.splice(created, 1);
    }
    for (const kind of Object.keys(state.seedLists) as JobListKind[]) {
      state.seedLists[kind] = state.seedLists[kind].filter((entry) => entry.item['id'] !== id);
    }
    return { id, name: nameOf(known), status: 'success' };
  });
}

/** What a patch job id is known as: its job object, else a seed list item, else a seed result. */
function knownPatchJob(state: TenantJobState, id: string): JsonObject | undefined {
  const job = state.pmJobs.get(id);
  if (job !== undefined) {
    return job;
  }
  for (const entries of Object.values(state.seedLists)) {
    const entry = entries.find((candidate) => candidate.item['id'] === id);
    if (entry !== undefined) {
      return entry.item;
    }
  }
  const results = state.seedResults.get(id);
  const first = results === undefined ? undefined : [...results.values()][0];
  return first === undefined ? undefined : { id, name: first['name'] ?? null };
}

function setPatchStatus(state: TenantJobState, id: string, status: JobStatusAction): void {
  const withStatus = (item: JsonObject): JsonObject => {
    const out: Record<string, JsonValue> = { ...item, status };
    // A job that is not Enabled is not scheduled (the generated lists' rule).
    if (status !== 'Enabled') {
      for (const key of ['nextScheduleDateTime', 'nextRun']) {
        if (key in out) {
          out[key] = null;
        }
      }
    }
    return out;
  };
  const job = state.pmJobs.get(id);
  if (job !== undefined) {
    state.pmJobs.set(id, { ...job, status });
  }
  const generated = state.generatedPm.get(id);
  if (generated !== undefined) {
    state.generatedPm.set(id, {
      ...generated,
      job: { ...generated.job, status },
      listItem: withStatus(generated.listItem),
      summaryItem: withStatus(generated.summaryItem),
      linkItem: generated.linkItem === null ? null : withStatus(generated.linkItem),
    });
  }
  replaceSeedListItems(state, id, withStatus);
}

function replaceSeedListItems(
  state: TenantJobState,
  id: string,
  change: (item: JsonObject) => JsonObject,
): void {
  for (const kind of Object.keys(state.seedLists) as JobListKind[]) {
    state.seedLists[kind] = state.seedLists[kind].map((entry) =>
      entry.item['id'] === id ? { platform: entry.platform, item: change(entry.item) } : entry,
    );
  }
}

/** List items of an updated generated job: rebuilt from the job, run-dependent values kept. */
function generatedItemsAfterUpdate(
  generated: SimPatchJob,
  job: JsonObject,
  lookups: JobListLookups,
): JobListItems {
  const { listItem, summaryItem } = generated;
  const epochOrNull = (value: JsonValue | undefined): number | null =>
    typeof value === 'number' ? value : null;
  const applicable = job['applicableAssetCount'];
  return buildPatchJobListItems(
    job,
    {
      nextScheduleDateTime:
        job['status'] === 'Enabled' ? epochOrNull(listItem['nextScheduleDateTime']) : null,
      lastScheduleDateTime: epochOrNull(listItem['lastScheduleDateTime']),
      triggerStatus: typeof listItem['triggerStatus'] === 'number' ? listItem['triggerStatus'] : 0,
      linkedJobReferenceCount: epochOrNull(listItem['linkedJobReferenceCount']),
      totalAssetCount: summaryItem['totalAssetCount'] ?? null,
      applicableAssetCount:
        generated.countsAsStrings && typeof applicable === 'number'
          ? String(applicable)
          : (applicable ?? null),
      completionPercent: summaryItem['completionPercent'] ?? null,
      assetResultReceivedCount: summaryItem['assetResultReceivedCount'] ?? null,
    },
    lookups,
  );
}
