/**
 * One tenant's data: its generated fleet merged with the seed samples (when the tenant includes
 * them), indexed for the routes. Seed samples win over generated data for the same id. Assets,
 * patches and QIDs are read-only after construction; deployment jobs and mitigation jobs change
 * through the job mutation endpoints (create, update, enable/disable, delete), and every getter
 * and job list answers the current state. Shared seed objects are never changed: a change
 * replaces the object.
 *
 * @module
 */
import { type FleetSizes, generateFleet, tenantSeed } from '../fleet/generate-fleet.js';
import type { QidSource } from '../fleet/generate-vulnerabilities.js';
import type { ScheduleType } from '../fleet/patch-job-wire.js';
import type {
  Platform,
  SimAsset,
  SimJobRun,
  SimMitigationJob,
  SimPatch,
  SimPatchJob,
  SimTag,
  SimUser,
  SimVulnerability,
} from '../fleet/types.js';
import { FIRST_NAMES, LAST_NAMES } from '../fleet/vocabulary.js';
import { formatIsoWithOffset } from '../fleet/wall-clock.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { createPrng, type Prng } from '../prng.js';
import { compileQql, type QqlPredicate } from '../qql.js';
import { toCatalogPatch } from './catalog-patch.js';
import { checkMitigationJobBody, checkPatchJobBody } from './job-body-rules.js';
import {
  buildMitigationJobWire,
  buildPatchJobListItems,
  buildPatchJobWire,
  firstRunEpoch,
  type JobListItems,
  type JobListLookups,
  type JobWireContext,
  jobTargetAssets,
  syncListItem,
} from './job-mutation-wire.js';
import { buildJobResult, jobPatchIdsForAsset, type ResultContext } from './job-results.js';
import { PATCH_QQL_FIELDS, type PatchQqlContext } from './qql-fields.js';
import { buildSeedAssets } from './seed-assets.js';
import type { JobListKind, SeedIndex, SeedListItem } from './seed-index.js';

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

/** The answer for a job result request. */
export type JobResultLookup =
  | { readonly kind: 'found'; readonly result: JsonObject }
  | { readonly kind: 'unknownJob' }
  | { readonly kind: 'unknownRun'; readonly jobInstanceId: number };

/** Most results kept in the memo before it is cleared (bounds memory under load tests). */
const RESULT_MEMO_LIMIT = 256;

/** `error` of a bulk item for an id the tenant has no job for. */
export const JOB_NOT_FOUND_ERROR = 'Job not found';

/**
 * `error` of a bulk item disabling an enabled non-recurring job, verbatim from the MTG status
 * sample (QUALYS-API.md §5, §12.3).
 */
export const NON_RECURRING_DISABLE_ERROR = 'Non-recurring jobs cannot be disabled once enabled by user';

/**
 * One item of a bulk job call's answer (enable/disable, delete): `{id, name, status:"success"}` or
 * `{id, name, status:"failure", error}` (QUALYS-API.md §5, §7.5, §7.6, §12.3). `name` is the job's
 * name, `null` for an unknown id.
 */
export type JobBulkResult =
  | { readonly id: string; readonly name: string | null; readonly status: 'success' }
  | { readonly id: string; readonly name: string | null; readonly status: 'failure'; readonly error: string };

/** What a job's configuration status can be set to (`.../update/status/{action}`). */
export type JobStatusAction = 'Enabled' | 'Disabled';

type JobLists = Record<JobListKind, Record<Platform, JsonObject[]>>;

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
 * A tenant's data and the lookups the routes and tests need. Generation happens in the constructor
 * (about 0.1–0.3 s for the default sizes).
 */
export class TenantStore {
  /** The tenant's username (JWT `sub`). */
  readonly username: string;
  /** The tenant's password for `POST /auth`. */
  readonly password: string;
  /** The tenant's customer UUID (JWT `customerId`; `customerId` of generated jobs). */
  readonly customerId: string;
  /** The tags. */
  readonly tags: readonly SimTag[];
  /** The users. */
  readonly users: readonly SimUser[];
  /** All assets (generated and seed), ascending numeric `assetId`. */
  readonly assets: readonly SimAsset[];
  /** Generated catalog patches. */
  readonly patches: readonly SimPatch[];
  /** QIDs, ascending. */
  readonly vulnerabilities: readonly SimVulnerability[];
  /** Asset ids the seed samples list as unmapped. */
  readonly seedUnmappedAssetIds: readonly number[];
  /**
   * The user the tenant's token stands for: `createdBy`/`updatedBy` of the jobs it creates and
   * updates. `name` is the username; id and full name are derived from the seed and the username.
   */
  readonly caller: SimUser;

  readonly #assetsByPlatform: Readonly<Record<Platform, readonly SimAsset[]>>;
  readonly #assetById: ReadonlyMap<string, SimAsset>;
  readonly #assetByNumericId: ReadonlyMap<number, SimAsset>;
  readonly #unmapped: ReadonlySet<number>;
  readonly #patchById: ReadonlyMap<string, SimPatch>;
  readonly #patchList: Readonly<Record<Platform, readonly JsonObject[]>>;
  readonly #catalog: ReadonlyMap<string, { readonly platform: Platform; readonly item: JsonObject }>;
  readonly #vulnerabilityById: ReadonlyMap<number, SimVulnerability>;
  /** Generated patch jobs as generated (past runs' results are built from these). */
  readonly #jobById: ReadonlyMap<string, SimPatchJob>;
  /** Current job objects of `GET /pm/v1/deploymentjob/{id}` (seed, generated, created). */
  readonly #pmJobs: Map<string, JsonObject>;
  /** Current job objects of `GET /mtg/v1/deploymentjob/{id}`. */
  readonly #mtgJobs: Map<string, JsonObject>;
  /** Current generated patch jobs (updated, deleted ones gone), in generation order. */
  readonly #generatedPm: Map<string, SimPatchJob>;
  /** Current generated mitigation jobs, in generation order. */
  readonly #generatedMtg: Map<string, SimMitigationJob>;
  /** Ids of the generated patch jobs, newest first (the lists' order). */
  readonly #generatedNewestFirst: readonly string[];
  /** Ids of the patch jobs created through the API, in creation order. */
  readonly #createdPm: string[] = [];
  /** Seed list samples per list endpoint (a deleted job's items removed, changed ones replaced). */
  readonly #seedLists: Record<JobListKind, SeedListItem[]>;
  readonly #seedResults: Map<string, ReadonlyMap<number, JsonObject>>;
  readonly #resultContext: ResultContext;
  readonly #resultMemo = new Map<string, JsonObject>();
  readonly #qqlMemo = new Map<string, QqlPredicate<PatchQqlContext>>();
  readonly #tagNames: ReadonlyMap<string, string>;
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
    this.username = config.username;
    this.password = config.password;
    this.customerId = config.customerId;
    const seeds = config.seedIndex;
    const extraQids: QidSource[] = (seeds?.patches ?? []).flatMap(({ item }) =>
      (Array.isArray(item['qid']) ? item['qid'] : []).map((qid) => ({
        qid: Number(qid),
        title: typeof item['title'] === 'string' ? item['title'] : `QID ${String(qid)}`,
        cves: Array.isArray(item['cve']) ? item['cve'].filter((c): c is string => typeof c === 'string') : [],
        vendorSeverity: typeof item['vendorSeverity'] === 'string' ? item['vendorSeverity'] : 'Moderate',
        publishedDate: typeof item['publishedDate'] === 'number' ? item['publishedDate'] : 0,
      })),
    );
    const fleet = generateFleet({
      seed: config.seed,
      username: config.username,
      sizes: config.sizes,
      customerId: config.customerId,
      extraQids,
    });
    const root = tenantSeed(config.seed, config.username);
    this.tags = fleet.tags;
    this.users = fleet.users;
    this.patches = fleet.patches;
    this.vulnerabilities = fleet.vulnerabilities;
    this.seedUnmappedAssetIds = seeds?.unmappedAssetIds ?? [];
    this.#root = root;
    this.#idPrng = createPrng(root).fork('jobMutations');
    const callerPrng = createPrng(root).fork('caller');
    this.caller = {
      id: callerPrng.uuid(4),
      name: config.username,
      fullName: `${callerPrng.pick(FIRST_NAMES)} ${callerPrng.pick(LAST_NAMES)}`,
    };
    this.#tagNames = new Map(fleet.tags.map((tag) => [tag.id, tag.name]));

    const seedAssets = seeds === null ? [] : buildSeedAssets(createPrng(root).fork('seedAssets'), seeds);
    const seedAssetIds = new Set(seedAssets.map((asset) => asset.id));
    this.assets = [...seedAssets, ...fleet.assets.filter((asset) => !seedAssetIds.has(asset.id))].sort(
      (a, b) => a.assetId - b.assetId,
    );
    this.#assetsByPlatform = {
      Windows: this.assets.filter((asset) => asset.platform === 'Windows'),
      Linux: this.assets.filter((asset) => asset.platform === 'Linux'),
    };
    this.#assetById = new Map(this.assets.map((asset) => [asset.id, asset]));
    this.#unmapped = new Set(this.seedUnmappedAssetIds);
    this.#assetByNumericId = new Map(
      this.assets
        .filter((asset) => !this.#unmapped.has(asset.assetId))
        .map((asset) => [asset.assetId, asset]),
    );
    this.#patchById = new Map(fleet.patches.map((patch) => [patch.id, patch]));

    const byNewest = (list: readonly SimPatch[]): SimPatch[] =>
      list.slice().sort((a, b) => b.publishedDate - a.publishedDate);
    const seedPatches = (platform: Platform): JsonObject[] =>
      (seeds?.patches ?? []).filter((entry) => entry.platform === platform).map((entry) => entry.item);
    const seedPatchIds = new Set((seeds?.patches ?? []).map((entry) => String(entry.item['id'])));
    this.#patchList = {
      Windows: [
        ...seedPatches('Windows'),
        ...byNewest(fleet.patches.filter((p) => p.platform === 'Windows' && !seedPatchIds.has(p.id))),
      ],
      Linux: [
        ...seedPatches('Linux'),
        ...byNewest(fleet.patches.filter((p) => p.platform === 'Linux' && !seedPatchIds.has(p.id))),
      ],
    };
    const catalog = new Map<string, { platform: Platform; item: JsonObject }>();
    for (const patch of fleet.patches) {
      catalog.set(patch.id, { platform: patch.platform, item: toCatalogPatch(patch, patch.platform) });
    }
    for (const { platform, item } of seeds?.patches ?? []) {
      catalog.set(String(item['id']), { platform, item: toCatalogPatch(item, platform) });
    }
    this.#catalog = catalog;
    this.#vulnerabilityById = new Map(fleet.vulnerabilities.map((vuln) => [vuln.id, vuln]));

    this.#jobById = new Map(fleet.patchJobs.map((job) => [job.id, job]));
    this.#pmJobs = new Map<string, JsonObject>([
      ...fleet.patchJobs.map((job): [string, JsonObject] => [job.id, job.job]),
      ...(seeds?.pmJobs ?? []),
    ]);
    this.#mtgJobs = new Map<string, JsonObject>([
      ...fleet.mitigationJobs.map((job): [string, JsonObject] => [job.id, job.job]),
      ...(seeds?.mtgJobs ?? []),
    ]);
    this.#generatedPm = new Map(fleet.patchJobs.map((job) => [job.id, job]));
    this.#generatedMtg = new Map(fleet.mitigationJobs.map((job) => [job.id, job]));
    this.#generatedNewestFirst = fleet.patchJobs
      .slice()
      .sort((a, b) => b.createdOn - a.createdOn)
      .map((job) => job.id);
    this.#seedLists = {
      list: [...(seeds?.lists.list ?? [])],
      summary: [...(seeds?.lists.summary ?? [])],
      availableToLink: [...(seeds?.lists.availableToLink ?? [])],
    };
    this.#seedResults = new Map(seeds?.results ?? []);
    this.#resultContext = {
      assetById: this.#assetById,
      patchById: this.#patchById,
      jobById: this.#jobById,
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

  /** Assets of one platform, ascending `assetId`. */
  assetsOf(platform: Platform): readonly SimAsset[] {
    return this.#assetsByPlatform[platform];
  }

  /** The asset with this UUID. */
  asset(uuid: string): SimAsset | undefined {
    return this.#assetById.get(uuid);
  }

  /** The asset with this numeric Qualys asset id, unless PM does not map it. */
  assetByAssetId(assetId: number): SimAsset | undefined {
    return this.#assetByNumericId.get(assetId);
  }

  /** A generated catalog patch by UUID. */
  patch(uuid: string): SimPatch | undefined {
    return this.#patchById.get(uuid);
  }

  /** What `GET /pm/v1/patches` lists for a platform, in its default order (seed samples first, then newest first). */
  patchList(platform: Platform): readonly JsonObject[] {
    return this.#patchList[platform];
  }

  /** The full catalog object of a patch and its platform. */
  catalogPatch(uuid: string): { readonly platform: Platform; readonly item: JsonObject } | undefined {
    return this.#catalog.get(uuid);
  }

  /** A QID. */
  vulnerability(qid: number): SimVulnerability | undefined {
    return this.#vulnerabilityById.get(qid);
  }

  /**
   * The generated patch jobs, in generation order, as they are now: a deleted job is gone; after
   * an update or a status change `name`, `platform`, `job` and the list items show the new
   * settings, while `type`, `source`, `targetAssetIds` and the runs keep describing the runs that
   * happened.
   */
  get patchJobs(): readonly SimPatchJob[] {
    this.#patchJobsCache ??= [...this.#generatedPm.values()];
    return this.#patchJobsCache;
  }

  /** The generated mitigation jobs, in generation order, as they are now (updated, or gone when deleted). */
  get mitigationJobs(): readonly SimMitigationJob[] {
    this.#mitigationJobsCache ??= [...this.#generatedMtg.values()];
    return this.#mitigationJobsCache;
  }

  /** The object `GET /pm/v1/deploymentjob/{id}` answers (seed sample, generated or created), as it is now. */
  patchJob(id: string): JsonObject | undefined {
    return this.#pmJobs.get(id);
  }

  /** A generated patch job with its bookkeeping (see {@link TenantStore.patchJobs}), unless deleted. */
  generatedPatchJob(id: string): SimPatchJob | undefined {
    return this.#generatedPm.get(id);
  }

  /** The object `GET /mtg/v1/deploymentjob/{id}` answers, as it is now. */
  mitigationJob(id: string): JsonObject | undefined {
    return this.#mtgJobs.get(id);
  }

  /**
   * The items of a job list endpoint for a platform, in default order: seed samples first, then
   * the jobs created through the API (newest first), then the generated jobs (newest first).
   */
  jobList(kind: JobListKind, platform: Platform): readonly JsonObject[] {
    this.#listCache ??= this.#buildLists();
    return this.#listCache[kind][platform];
  }

  /**
   * The patch UUIDs a generated job deploys to one of its assets.
   *
   * @returns `undefined` when the job or the asset is unknown.
   */
  jobPatchIds(jobId: string, assetUuid: string): string[] | undefined {
    const job = this.#jobById.get(jobId);
    const asset = this.#assetById.get(assetUuid);
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
    const job = this.#generatedPm.get(jobId);
    if (job !== undefined) {
      return job.runs;
    }
    const seeded = this.#seedResults.get(jobId);
    if (seeded !== undefined) {
      return [...seeded]
        .sort(([a], [b]) => a - b)
        .map(([jobInstanceId, result]) => ({
          jobInstanceId,
          scheduledDateTime: formatIsoWithOffset(seedRunEpoch(result), null),
          timezoneType: 'SPECIFIC_TZ',
        }));
    }
    return this.#pmJobs.has(jobId) ? [] : undefined;
  }

  /**
   * A job run's result summary.
   *
   * @param jobId - job UUID.
   * @param jobInstanceId - the run; `null` for the latest.
   * @returns the result (a job without runs answers its header with `assets: []`), or why there is none.
   */
  jobResult(jobId: string, jobInstanceId: number | null): JobResultLookup {
    const seeded = this.#seedResults.get(jobId);
    if (seeded !== undefined) {
      const instance = jobInstanceId ?? Math.max(...seeded.keys());
      const result = seeded.get(instance);
      return result === undefined
        ? { kind: 'unknownRun', jobInstanceId: instance }
        : { kind: 'found', result };
    }
    const job = this.#generatedPm.get(jobId);
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
      let result = this.#resultMemo.get(key);
      if (result === undefined) {
        if (this.#resultMemo.size >= RESULT_MEMO_LIMIT) {
          this.#resultMemo.clear();
        }
        result = buildJobResult(this.#resultContext, job, instance - 1);
        this.#resultMemo.set(key, result);
      }
      return { kind: 'found', result };
    }
    const seedJob = this.#pmJobs.get(jobId);
    if (seedJob !== undefined) {
      return jobInstanceId === null
        ? { kind: 'found', result: emptyResult(seedJob) }
        : { kind: 'unknownRun', jobInstanceId };
    }
    return { kind: 'unknownJob' };
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
    const essentials = checkPatchJobBody(body, null);
    const job = buildPatchJobWire(body, essentials, this.#wireContext(nowMs), null);
    const id = String(job['id']);
    this.#pmJobs.set(id, job);
    this.#createdPm.push(id);
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
    const current = this.#pmJobs.get(id);
    if (current === undefined) {
      return undefined;
    }
    const essentials = checkPatchJobBody(body, current);
    const job = buildPatchJobWire(body, essentials, this.#wireContext(nowMs), current);
    this.#pmJobs.set(id, job);
    const generated = this.#generatedPm.get(id);
    if (generated !== undefined) {
      this.#generatedPm.set(id, {
        ...generated,
        name: essentials.name,
        platform: essentials.platform,
        job,
        ...this.#generatedItemsAfterUpdate(generated, job),
      });
    }
    this.#replaceSeedListItems(id, (item) => syncListItem(item, job));
    this.#changed();
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
    const essentials = checkMitigationJobBody(body, null);
    const job = buildMitigationJobWire(body, essentials, this.#wireContext(nowMs), null);
    this.#mtgJobs.set(String(job['id']), job);
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
    const current = this.#mtgJobs.get(id);
    if (current === undefined) {
      return undefined;
    }
    const essentials = checkMitigationJobBody(body, current);
    const job = buildMitigationJobWire(body, essentials, this.#wireContext(nowMs), current);
    this.#mtgJobs.set(id, job);
    const generated = this.#generatedMtg.get(id);
    if (generated !== undefined) {
      this.#generatedMtg.set(id, {
        ...generated,
        platform: essentials.platform,
        qids: essentials.qids,
        targetAssetIds: jobTargetAssets(body, essentials.platform, (p) => this.assetsOf(p)).map((a) => a.id),
        job,
      });
    }
    this.#changed();
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
    const results = [...new Set(ids)].map((id): JobBulkResult => {
      const known = this.#knownPatchJob(id);
      if (known === undefined) {
        return { id, name: null, status: 'failure', error: JOB_NOT_FOUND_ERROR };
      }
      if (!canSetStatus(known, action)) {
        return { id, name: nameOf(known), status: 'failure', error: NON_RECURRING_DISABLE_ERROR };
      }
      this.#setPatchStatus(id, action);
      return { id, name: nameOf(known), status: 'success' };
    });
    this.#changed();
    return results;
  }

  /**
   * Enables or disables mitigation jobs (`POST /mtg/v1/deploymentjobs/update/status/{action}`;
   * QUALYS-API.md §12.3), with the rules of {@link TenantStore.setPatchJobStatus} (every
   * mitigation job is non-recurring).
   *
   * @param ids - job UUIDs.
   * @param action - the status to set.
   */
  setMitigationJobStatus(ids: readonly string[], action: JobStatusAction): JobBulkResult[] {
    const results = [...new Set(ids)].map((id): JobBulkResult => {
      const job = this.#mtgJobs.get(id);
      if (job === undefined) {
        return { id, name: null, status: 'failure', error: JOB_NOT_FOUND_ERROR };
      }
      if (!canSetStatus(job, action)) {
        return { id, name: nameOf(job), status: 'failure', error: NON_RECURRING_DISABLE_ERROR };
      }
      const changed = { ...job, status: action };
      this.#mtgJobs.set(id, changed);
      const generated = this.#generatedMtg.get(id);
      if (generated !== undefined) {
        this.#generatedMtg.set(id, { ...generated, job: changed });
      }
      return { id, name: nameOf(job), status: 'success' };
    });
    this.#changed();
    return results;
  }

  /**
   * Deletes patch jobs (`DELETE /pm/v1/deploymentjobs`; QUALYS-API.md §7.6): one result per
   * distinct id, in request order; unknown id -> failure {@link JOB_NOT_FOUND_ERROR}. A deleted
   * job (seed sample, generated or created) is gone from `patchJob()` (GET answers 404), the job
   * lists, its runs and results, and {@link TenantStore.patchJobs}.
   *
   * @param ids - job UUIDs.
   */
  deletePatchJobs(ids: readonly string[]): JobBulkResult[] {
    const results = [...new Set(ids)].map((id): JobBulkResult => {
      const known = this.#knownPatchJob(id);
      if (known === undefined) {
        return { id, name: null, status: 'failure', error: JOB_NOT_FOUND_ERROR };
      }
      this.#pmJobs.delete(id);
      this.#generatedPm.delete(id);
      this.#seedResults.delete(id);
      const created = this.#createdPm.indexOf(id);
      if (created >= 0) {
        this.#createdPm.splice(created, 1);
      }
      for (const kind of Object.keys(this.#seedLists) as JobListKind[]) {
        this.#seedLists[kind] = this.#seedLists[kind].filter((entry) => entry.item['id'] !== id);
      }
      return { id, name: nameOf(known), status: 'success' };
    });
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

  /** What a patch job id is known as: its job object, else a seed list item, else a seed result. */
  #knownPatchJob(id: string): JsonObject | undefined {
    const job = this.#pmJobs.get(id);
    if (job !== undefined) {
      return job;
    }
    for (const entries of Object.values(this.#seedLists)) {
      const entry = entries.find((candidate) => candidate.item['id'] === id);
      if (entry !== undefined) {
        return entry.item;
      }
    }
    const results = this.#seedResults.get(id);
    const first = results === undefined ? undefined : [...results.values()][0];
    return first === undefined ? undefined : { id, name: first['name'] ?? null };
  }

  #setPatchStatus(id: string, status: JobStatusAction): void {
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
    const job = this.#pmJobs.get(id);
    if (job !== undefined) {
      this.#pmJobs.set(id, { ...job, status });
    }
    const generated = this.#generatedPm.get(id);
    if (generated !== undefined) {
      this.#generatedPm.set(id, {
        ...generated,
        job: { ...generated.job, status },
        listItem: withStatus(generated.listItem),
        summaryItem: withStatus(generated.summaryItem),
        linkItem: generated.linkItem === null ? null : withStatus(generated.linkItem),
      });
    }
    this.#replaceSeedListItems(id, withStatus);
  }

  #replaceSeedListItems(id: string, change: (item: JsonObject) => JsonObject): void {
    for (const kind of Object.keys(this.#seedLists) as JobListKind[]) {
      this.#seedLists[kind] = this.#seedLists[kind].map((entry) =>
        entry.item['id'] === id ? { platform: entry.platform, item: change(entry.item) } : entry,
      );
    }
  }

  /** List items of an updated generated job: rebuilt from the job, run-dependent values kept. */
  #generatedItemsAfterUpdate(generated: SimPatchJob, job: JsonObject): JobListItems {
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
      this.#listLookups(),
    );
  }

  #buildLists(): JobLists {
    const out: JobLists = {
      list: { Windows: [], Linux: [] },
      summary: { Windows: [], Linux: [] },
      availableToLink: { Windows: [], Linux: [] },
    };
    // `/deploymentjobs` and `/deploymentjobs/summary` list the same jobs (seed 000 shows one
    // sample of each): both serve both samples, so each reaches the graph's job list.
    for (const kind of ['list', 'summary'] as const) {
      for (const seedKind of ['list', 'summary'] as const) {
        for (const { platform, item } of this.#seedLists[seedKind]) {
          out[kind][platform].push(item);
        }
      }
    }
    for (const { platform, item } of this.#seedLists.availableToLink) {
      out.availableToLink[platform].push(item);
    }
    const push = (platform: Platform, items: JobListItems): void => {
      out.list[platform].push(items.listItem);
      out.summary[platform].push(items.summaryItem);
      if (items.linkItem !== null) {
        out.availableToLink[platform].push(items.linkItem);
      }
    };
    if (this.#createdPm.length > 0) {
      const linkedCounts = new Map<string, number>();
      for (const job of this.#pmJobs.values()) {
        const parent = job['linkedJobId'];
        if (typeof parent === 'string' && parent !== '') {
          linkedCounts.set(parent, (linkedCounts.get(parent) ?? 0) + 1);
        }
      }
      const lookups = this.#listLookups();
      for (const id of [...this.#createdPm].reverse()) {
        const job = this.#pmJobs.get(id);
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
    for (const id of this.#generatedNewestFirst) {
      const job = this.#generatedPm.get(id);
      if (job !== undefined) {
        push(job.platform, job);
      }
    }
    return out;
  }

  #listLookups(): JobListLookups {
    return {
      assetName: (id) => this.#assetById.get(id)?.name ?? null,
      patchTitle: (id) => {
        const title = this.#catalog.get(id)?.item['title'];
        return typeof title === 'string' ? title : null;
      },
      tagName: (id) => this.#tagNames.get(id) ?? null,
    };
  }

  #newId(): string {
    let id = this.#idPrng.uuid(4);
    while (this.#pmJobs.has(id) || this.#mtgJobs.has(id)) {
      id = this.#idPrng.uuid(4);
    }
    return id;
  }

  #wireContext(nowMs: number): JobWireContext {
    return {
      customerId: this.customerId,
      caller: this.caller,
      nowMs,
      newId: () => this.#newId(),
      assetsOf: (platform) => this.assetsOf(platform),
      vulnerability: (qid) => this.vulnerability(qid),
      mitigationOf: (qid) => {
        const prng = createPrng(this.#root).fork(`mitigation/${qid}`);
        return { mitigationId: prng.uuid(4), carScriptId: prng.int(100_000_000, 999_999_999) };
      },
    };
  }
}

/**
 * Whether a job (object or list item) may take a status: a non-recurring job (On-demand, Once)
 * that is not Disabled cannot be disabled ("Non-recurring jobs cannot be disabled once enabled by
 * user", QUALYS-API.md §12.3); Prepared and Assets Responded jobs were enabled, so they count.
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
