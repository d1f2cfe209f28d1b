/**
 * The job state of one tenant, the part of its data that changes: the job objects GET serves
 * (seed samples, generated, created through the API), the generated jobs with their bookkeeping,
 * the seed list and result samples, and the order the job lists show the jobs in. The tenant store
 * owns one; `tenant-job-reads.ts` answers from it, `tenant-job-mutations.ts` changes it. Shared
 * seed objects are never changed: a change replaces the object.
 *
 * @module
 */
import type { GeneratedFleet } from '../fleet/generate-fleet.js';
import type { SimMitigationJob, SimPatchJob } from '../fleet/types.js';
import type { JsonObject } from '../json.js';
import type { JobListKind, SeedIndex, SeedListItem } from './seed-index.js';

/** A tenant's jobs as they are now. */
export interface TenantJobState {
  /** Generated patch jobs as generated (past runs' results are built from these). */
  readonly jobById: ReadonlyMap<string, SimPatchJob>;
  /** Current job objects of `GET /pm/v1/deploymentjob/{id}` (seed, generated, created). */
  readonly pmJobs: Map<string, JsonObject>;
  /** Current job objects of `GET /mtg/v1/deploymentjob/{id}`. */
  readonly mtgJobs: Map<string, JsonObject>;
  /** Current generated patch jobs (updated, deleted ones gone), in generation order. */
  readonly generatedPm: Map<string, SimPatchJob>;
  /** Current generated mitigation jobs, in generation order. */
  readonly generatedMtg: Map<string, SimMitigationJob>;
  /** Ids of the generated patch jobs, newest first (the lists' order). */
  readonly generatedNewestFirst: readonly string[];
  /** Ids of the patch jobs created through the API, in creation order. */
  readonly createdPm: string[];
  /** Seed list samples per list endpoint (a deleted job's items removed, changed ones replaced). */
  readonly seedLists: Record<JobListKind, SeedListItem[]>;
  /** Seed result summaries: job id -> jobInstanceId -> body (a deleted job's removed). */
  readonly seedResults: Map<string, ReadonlyMap<number, JsonObject>>;
}

/**
 * The job state of a new tenant: its generated jobs and, when it includes them, the seed samples
 * (which win over generated jobs for the same id).
 *
 * @param fleet - the tenant's generated fleet.
 * @param seeds - the seed index to merge in, or `null` for a tenant without seed samples.
 */
export function createTenantJobState(fleet: GeneratedFleet, seeds: SeedIndex | null): TenantJobState {
  return {
    jobById: new Map(fleet.patchJobs.map((job) => [job.id, job])),
    pmJobs: new Map<string, JsonObject>([
      ...fleet.patchJobs.map((job): [string, JsonObject] => [job.id, job.job]),
      ...(seeds?.pmJobs ?? []),
    ]),
    mtgJobs: new Map<string, JsonObject>([
      ...fleet.mitigationJobs.map((job): [string, JsonObject] => [job.id, job.job]),
      ...(seeds?.mtgJobs ?? []),
    ]),
    generatedPm: new Map(fleet.patchJobs.map((job) => [job.id, job])),
    generatedMtg: new Map(fleet.mitigationJobs.map((job) => [job.id, job])),
    generatedNewestFirst: fleet.patchJobs
      .slice()
      .sort((a, b) => b.createdOn - a.createdOn)
      .map((job) => job.id),
    createdPm: [],
    seedLists: {
      list: [...(seeds?.lists.list ?? [])],
      summary: [...(seeds?.lists.summary ?? [])],
      availableToLink: [...(seeds?.lists.availableToLink ?? [])],
    },
    seedResults: new Map(seeds?.results ?? []),
  };
}
