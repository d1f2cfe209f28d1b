/**
 * One tenant's data: its generated fleet merged with the seed samples (when the tenant includes
 * them), indexed for the routes. Seed samples win over generated data for the same id. Assets,
 * patches and QIDs are read-only after construction; deployment jobs and mitigation jobs change
 * through the job mutation endpoints (create, update, enable/disable, delete), and every getter
 * and job list answers the current state. Shared seed objects are never changed: a change
 * replaces the object.
 *
 * The store extends its read-only assets, patches and QIDs (`tenant-catalog.ts`) with the job
 * state (`tenant-job-state.ts`), what it answers (`tenant-job-reads.ts`) and how the job
 * mutations change it (`tenant-job-mutations.ts`); it keeps the caches derived from the jobs and
 * forgets them after every change.
 *
 * @module
 */
import { type FleetSizes, generateFleet, tenantSeed } from '../fleet/generate-fleet.js';
import type { Platform, SimJobRun, SimMitigationJob, SimPatchJob, SimUser } from '../fleet/types.js';
import { FIRST_NAMES, LAST_NAMES } from '../fleet/vocabulary.js';
import type { JsonObject } from '../json.js';
import { createPrng, type Prng } from '../prng.js';
import { compileQql, type QqlPredicate } from '../qql.js';
import type { JobWireContext } from './job-mutation-wire.js';
import { jobPatchIdsForAsset, type ResultContext } from './job-results.js';
import { PATCH_QQL_FIELDS, type PatchQqlContext } from './qql-fields.js';
import type { JobListKind, SeedIndex } from './seed-index.js';
import { seedQidSources, TenantCatalog } from './tenant-catalog.js';
import type { JobBulkResult, JobStatusAction } from './tenant-job-mutations.js';
import * as mutations from './tenant-job-mutations.js';
import {
  buildJobLists,
  findJobResult,
  type JobLists,
  type JobResultLookup,
  jobRuns,
} from './tenant-job-reads.js';
import { createTenantJobState, type TenantJobState } from './tenant-job-state.js';

export {
  JOB_NOT_FOUND_ERROR,
  type JobBulkResult,
  type JobStatusAction,
  NON_RECURRING_DISABLE_ERROR,
} from './tenant-job-mutations.js';
export type { JobResultLookup } from './tenant-job-reads.js';

/** How a tenant is configured (resolved options). */
export interface TenantConfig {
  readonly username: string;
  readonly password: string;
  readonly customerId: string;
  readonly seed: number;
  readonly sizes: FleetSizes;
  /** The seed index to merge in, or `null` for a tenant without seed samples. */
  readonly seedIndex: SeedIndex | null;
}

/**
 * A tenant's data and the lookups the routes and tests need. Generation happens in the constructor
 * (about 0.1–0.3 s for the default sizes).
 */
export class TenantStore extends TenantCatalog {
  /** The tenant's username (JWT `sub`). */
  readonly username: string;
  /** The tenant's password for `POST /auth`. */
  readonly password: string;
  /** The tenant's customer UUID (JWT `customerId`; `customerId` of generated jobs). */
  readonly customerId: string;
  /**
   * The user the tenant's token stands for: `createdBy`/`updatedBy` of the jobs it creates and
   * updates. `name` is the username; id and full name are derived from the seed and the username.
   */
  readonly caller: SimUser;

  readonly #jobs: TenantJobState;
  readonly #resultContext: ResultContext;
  readonly #resultMemo = new Map<string, JsonObject>();
  readonly #qqlMemo = new Map<string, QqlPredicate<PatchQqlContext>>();
  readonly #root: number;
  /** Ids of jobs and actions created through the API (deterministic per tenant and call order). */
  readonly #idPrng: Prng;
  #listCache: JobLists | null = null;
  #patchJobsCache: readonly SimPatchJob[] | null = null;
  #mitigationJobsCache: readonly SimMitigationJob[] | null = null;

  /**
   * @param config - the tenant's resolved configuration.
   */
  constructor(config: TenantConfig) {
    const seeds = config.seedIndex;
    const fleet = generateFleet({
      seed: config.seed,
      username: config.username,
      sizes: config.sizes,
      customerId: config.customerId,
      extraQids: seedQidSources(seeds),
    });
    const root = tenantSeed(config.seed, config.username);
    super(fleet, seeds, root);
    this.username = config.username;
    this.password = config.password;
    this.customerId = config.customerId;
    this.#root = root;
    this.#idPrng = createPrng(root).fork('jobMutations');
    const callerPrng = createPrng(root).fork('caller');
    this.caller = {
      id: callerPrng.uuid(4),
      name: config.username,
      fullName: `${callerPrng.pick(FIRST_NAMES)} ${callerPrng.pick(LAST_NAMES)}`,
    };
    this.#jobs = createTenantJobState(fleet, seeds);
    this.#resultContext = {
      assetById: this.assetById,
      patchById: this.patchById,
      jobById: this.#jobs.jobById,
      patchPredicate: (qql) => this.patchPredicate(qql),
      seed: root,
    };
  }

  /**
   * Compiles a patch QQL once per store.
   *
   * @throws QqlError on an invalid query.
   */
  patchPredicate(qql: string): QqlPredicate<PatchQqlContext> {
    let predicate = this.#qqlMemo.get(qql);
    if (predicate === undefined) {
      predicate = compileQql(qql, PATCH_QQL_FIELDS, 'patches');
      this.#qqlMemo.set(qql, predicate);
    }
    return predicate;
  }

  /**
   * The generated patch jobs, in generation order, as they are now: a deleted job is gone; after
   * an update or a status change `name`, `platform`, `job` and the list items show the new
   * settings, while `type`, `source`, `targetAssetIds` and the runs keep describing the runs that
   * happened.
   */
  get patchJobs(): readonly SimPatchJob[] {
    this.#patchJobsCache ??= [...this.#jobs.generatedPm.values()];
    return this.#patchJobsCache;
  }

  /** The generated mitigation jobs, in generation order, as they are now (updated, or gone when deleted). */
  get mitigationJobs(): readonly SimMitigationJob[] {
    this.#mitigationJobsCache ??= [...this.#jobs.generatedMtg.values()];
    return this.#mitigationJobsCache;
  }

  /** The object `GET /pm/v1/deploymentjob/{id}` answers (seed sample, generated or created), as it is now. */
  patchJob(id: string): JsonObject | undefined {
    return this.#jobs.pmJobs.get(id);
  }

  /** A generated patch job with its bookkeeping (see {@link TenantStore.patchJobs}), unless deleted. */
  generatedPatchJob(id: string): SimPatchJob | undefined {
    return this.#jobs.generatedPm.get(id);
  }

  /** The object `GET /mtg/v1/deploymentjob/{id}` answers, as it is now. */
  mitigationJob(id: string): JsonObject | undefined {
    return this.#jobs.mtgJobs.get(id);
  }

  /**
   * The items of a job list endpoint for a platform, in default order: seed samples first, then
   * the jobs created through the API (newest first), then the generated jobs (newest first).
   */
  jobList(kind: JobListKind, platform: Platform): readonly JsonObject[] {
    this.#listCache ??= buildJobLists(this.#jobs, this.listLookups());
    return this.#listCache[kind][platform];
  }

  /**
   * The patch UUIDs a generated job deploys to one of its assets.
   *
   * @returns `undefined` when the job or the asset is unknown.
   */
  jobPatchIds(jobId: string, assetUuid: string): string[] | undefined {
    const job = this.#jobs.jobById.get(jobId);
    const asset = this.assetById.get(assetUuid);
    return job === undefined || asset === undefined
      ? undefined
      : jobPatchIdsForAsset(this.#resultContext, job, asset);
  }

  /**
   * The runs of a job (`GET .../runs`): generated runs, or one run per seed result summary.
   *
   * @returns `undefined` when no job with that id is known.
   */
  runs(jobId: string): readonly SimJobRun[] | undefined {
    return jobRuns(this.#jobs, jobId);
  }

  /**
   * A job run's result summary.
   *
   * @param jobId - job UUID.
   * @param jobInstanceId - the run; `null` for the latest.
   * @returns the result (a job without runs answers its header with `assets: []`), or why there is none.
   */
  jobResult(jobId: string, jobInstanceId: number | null): JobResultLookup {
    return findJobResult(this.#jobs, this.#resultContext, this.#resultMemo, jobId, jobInstanceId);
  }

  /**
   * Creates a patch deployment job (`POST /pm/v2/deploymentjob`): checks the body with Qualys'
   * rules, builds the job (GET shape, see `job-mutation-wire.ts`) with a new id, the caller as
   * creator and `nowMs` as creation time, and adds it to `patchJob()` and the job lists of its
   * platform (after the seed samples, newest first). It has no runs.
   *
   * @param body - the request body (a JSON object).
   * @param nowMs - creation time, epoch ms.
   * @returns the job as GET serves it.
   * @throws SimulatorHttpError 400 (9008, 9009, 9010, "2435") for a body Qualys rejects.
   */
  createPatchJob(body: JsonObject, nowMs: number): JsonObject {
    const job = mutations.createPatchJob(this.#jobs, body, this.#wireContext(nowMs));
    this.#changed();
    return job;
  }

  /**
   * Replaces a patch job's settings with a full body (`PATCH /pm/v2/deploymentjob/update/{id}`;
   * the GET body with edits): read-only fields in it (`id`, `customerId`, `createdBy`, counts)
   * are ignored, `updatedBy` becomes the caller at `nowMs`. Lists and, for a generated job,
   * {@link TenantStore.patchJobs} follow; its runs and their results stay.
   *
   * @param id - job UUID.
   * @param body - the request body (a JSON object).
   * @param nowMs - update time, epoch ms.
   * @returns the updated job, or `undefined` when the tenant has no patch job with that id.
   * @throws SimulatorHttpError 400 (9008, 9009, 9010, "2435") for a body Qualys rejects.
   */
  updatePatchJob(id: string, body: JsonObject, nowMs: number): JsonObject | undefined {
    const job = mutations.updatePatchJob(this.#jobs, id, body, this.#wireContext(nowMs), this.listLookups());
    if (job !== undefined) {
      this.#changed();
    }
    return job;
  }

  /**
   * Creates a mitigation job (`POST /mtg/v2/deploymentjob`; seed 003 shape) with a new id, the
   * caller as creator and `nowMs` as creation time; `mitigationJob()` serves it afterwards.
   *
   * @param body - the request body (a JSON object).
   * @param nowMs - creation time, epoch ms.
   * @returns the job as `GET /mtg/v1/deploymentjob/{id}` serves it.
   * @throws SimulatorHttpError 400 (9008, 9009, 9010, 9011, 9012, "2435") for a body Qualys rejects.
   */
  createMitigationJob(body: JsonObject, nowMs: number): JsonObject {
    const job = mutations.createMitigationJob(this.#jobs, body, this.#wireContext(nowMs));
    this.#changed();
    return job;
  }

  /**
   * Replaces a mitigation job's settings with a full body (`PATCH /mtg/v2/deploymentjob/{id}`),
   * as {@link TenantStore.updatePatchJob}. Actions of QIDs the job already had keep their ids.
   *
   * @param id - job UUID.
   * @param body - the request body (a JSON object).
   * @param nowMs - update time, epoch ms.
   * @returns the updated job, or `undefined` when the tenant has no mitigation job with that id.
   * @throws SimulatorHttpError 400 (9008, 9009, 9010, 9011, 9012, "2435") for a body Qualys rejects.
   */
  updateMitigationJob(id: string, body: JsonObject, nowMs: number): JsonObject | undefined {
    const job = mutations.updateMitigationJob(this.#jobs, id, body, this.#wireContext(nowMs));
    if (job !== undefined) {
      this.#changed();
    }
    return job;
  }

  /**
   * Enables or disables patch jobs (`POST /pm/v1/deploymentjobs/update/status/{action}`): one
   * result per distinct id, in request order. Unknown id -> failure {@link JOB_NOT_FOUND_ERROR};
   * disabling a non-recurring job (On-demand, Once) that is not Disabled -> failure
   * {@link NON_RECURRING_DISABLE_ERROR}; else the job's `status` (in GET and in the lists)
   * becomes `action`. Jobs known only from a seed list sample or a seed result sample count as
   * known.
   *
   * @param ids - job UUIDs.
   * @param action - the status to set.
   */
  setPatchJobStatus(ids: readonly string[], action: JobStatusAction): JobBulkResult[] {
    const results = mutations.setPatchJobStatus(this.#jobs, ids, action);
    this.#changed();
    return results;
  }

  /**
   * Enables or disables mitigation jobs (`POST /mtg/v1/deploymentjobs/update/status/{action}`;
   * docs/qualys-api.md §12.3), with the rules of {@link TenantStore.setPatchJobStatus} (every
   * mitigation job is non-recurring).
   *
   * @param ids - job UUIDs.
   * @param action - the status to set.
   */
  setMitigationJobStatus(ids: readonly string[], action: JobStatusAction): JobBulkResult[] {
    const results = mutations.setMitigationJobStatus(this.#jobs, ids, action);
    this.#changed();
    return results;
  }

  /**
   * Deletes patch jobs (`DELETE /pm/v1/deploymentjobs`; docs/qualys-api.md §7.6): one result per
   * distinct id, in request order; unknown id -> failure {@link JOB_NOT_FOUND_ERROR}. A deleted
   * job (seed sample, generated or created) is gone from `patchJob()` (GET answers 404), the job
   * lists, its runs and results, and {@link TenantStore.patchJobs}.
   *
   * @param ids - job UUIDs.
   */
  deletePatchJobs(ids: readonly string[]): JobBulkResult[] {
    const results = mutations.deletePatchJobs(this.#jobs, ids);
    this.#changed();
    return results;
  }

  /** Forgets everything derived from the jobs, after a change. */
  #changed(): void {
    this.#listCache = null;
    this.#patchJobsCache = null;
    this.#mitigationJobsCache = null;
    this.#resultMemo.clear();
  }

  #wireContext(nowMs: number): JobWireContext {
    return {
      customerId: this.customerId,
      caller: this.caller,
      nowMs,
      newId: () => mutations.newJobId(this.#jobs, () => this.#idPrng.uuid(4)),
      assetsOf: (platform) => this.assetsOf(platform),
      vulnerability: (qid) => this.vulnerability(qid),
      mitigationOf: (qid) => {
        const prng = createPrng(this.#root).fork(`mitigation/${qid}`);
        return { mitigationId: prng.uuid(4), carScriptId: prng.int(100_000_000, 999_999_999) };
      },
    };
  }
}
