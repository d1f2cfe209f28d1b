/**
 * One tenant's data: its generated fleet merged with the seed samples (when the tenant includes
 * them), indexed for the routes. Seed samples win over generated data for the same id. Read-only
 * after construction, except for the memo of lazily built job results.
 *
 * @module
 */
import { type FleetSizes, generateFleet, tenantSeed } from '../fleet/generate-fleet.js';
import type { QidSource } from '../fleet/generate-vulnerabilities.js';
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
import { formatIsoWithOffset } from '../fleet/wall-clock.js';
import { isJsonObject, type JsonObject } from '../json.js';
import { createPrng } from '../prng.js';
import { compileQql, type QqlPredicate } from '../qql.js';
import { toCatalogPatch } from './catalog-patch.js';
import { buildJobResult, jobPatchIdsForAsset, type ResultContext } from './job-results.js';
import { PATCH_QQL_FIELDS, type PatchQqlContext } from './qql-fields.js';
import { buildSeedAssets } from './seed-assets.js';
import type { JobListKind, SeedIndex } from './seed-index.js';

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
  /** Generated patch jobs, in generation order. */
  readonly patchJobs: readonly SimPatchJob[];
  /** Generated mitigation jobs, in generation order. */
  readonly mitigationJobs: readonly SimMitigationJob[];
  /** Asset ids the seed samples list as unmapped. */
  readonly seedUnmappedAssetIds: readonly number[];

  readonly #assetsByPlatform: Readonly<Record<Platform, readonly SimAsset[]>>;
  readonly #assetById: ReadonlyMap<string, SimAsset>;
  readonly #assetByNumericId: ReadonlyMap<number, SimAsset>;
  readonly #unmapped: ReadonlySet<number>;
  readonly #patchById: ReadonlyMap<string, SimPatch>;
  readonly #patchList: Readonly<Record<Platform, readonly JsonObject[]>>;
  readonly #catalog: ReadonlyMap<string, { readonly platform: Platform; readonly item: JsonObject }>;
  readonly #vulnerabilityById: ReadonlyMap<number, SimVulnerability>;
  readonly #jobById: ReadonlyMap<string, SimPatchJob>;
  readonly #pmJobs: ReadonlyMap<string, JsonObject>;
  readonly #mtgJobs: ReadonlyMap<string, JsonObject>;
  readonly #jobLists: Readonly<Record<JobListKind, Readonly<Record<Platform, readonly JsonObject[]>>>>;
  readonly #seedResults: ReadonlyMap<string, ReadonlyMap<number, JsonObject>>;
  readonly #resultContext: ResultContext;
  readonly #resultMemo = new Map<string, JsonObject>();
  readonly #qqlMemo = new Map<string, QqlPredicate<PatchQqlContext>>();

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
    this.patchJobs = fleet.patchJobs;
    this.mitigationJobs = fleet.mitigationJobs;
    this.seedUnmappedAssetIds = seeds?.unmappedAssetIds ?? [];

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
    const newestFirst = fleet.patchJobs.slice().sort((a, b) => b.createdOn - a.createdOn);
    const listFor = (
      kind: JobListKind,
      pick: (job: SimPatchJob) => JsonObject | null,
    ): Record<Platform, JsonObject[]> => {
      const out: Record<Platform, JsonObject[]> = { Windows: [], Linux: [] };
      // `/deploymentjobs` and `/deploymentjobs/summary` list the same jobs (seed 000 shows one
      // sample of each): both serve both samples, so each reaches the graph's job list.
      const seedKinds: readonly JobListKind[] = kind === 'availableToLink' ? [kind] : ['list', 'summary'];
      for (const seedKind of seedKinds) {
        for (const { platform, item } of seeds?.lists[seedKind] ?? []) {
          out[platform].push(item);
        }
      }
      for (const job of newestFirst) {
        const item = pick(job);
        if (item !== null) {
          out[job.platform].push(item);
        }
      }
      return out;
    };
    this.#jobLists = {
      list: listFor('list', (job) => job.listItem),
      summary: listFor('summary', (job) => job.summaryItem),
      availableToLink: listFor('availableToLink', (job) => job.linkItem),
    };
    this.#seedResults = seeds?.results ?? new Map();
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

  /** The object `GET /pm/v1/deploymentjob/{id}` answers (seed sample or generated). */
  patchJob(id: string): JsonObject | undefined {
    return this.#pmJobs.get(id);
  }

  /** A generated patch job with its bookkeeping. */
  generatedPatchJob(id: string): SimPatchJob | undefined {
    return this.#jobById.get(id);
  }

  /** The object `GET /mtg/v1/deploymentjob/{id}` answers. */
  mitigationJob(id: string): JsonObject | undefined {
    return this.#mtgJobs.get(id);
  }

  /** The items of a job list endpoint for a platform, in default order (seed samples first, then newest first). */
  jobList(kind: JobListKind, platform: Platform): readonly JsonObject[] {
    return this.#jobLists[kind][platform];
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
    const job = this.#jobById.get(jobId);
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
    const job = this.#jobById.get(jobId);
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
