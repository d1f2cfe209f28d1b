/**
 * Per-request DataLoaders over the Qualys API. Build one set per GraphQL request (and so per
 * caller identity) with {@link createLoaders}: nothing one caller fetched is served to another
 * (docs/architecture.md §3.3).
 *
 * Each loader wraps one batch function of this folder (`load<Things>By<Key>`), deduplicates
 * keys, caches results for the request, and batches the keys requested in the same tick.
 */
import DataLoader from 'dataloader';
import type { QualysApi } from '../qualys/api.js';
import type {
  QualysAsset,
  QualysDeploymentJob,
  QualysJobResultSummary,
  QualysJobRun,
  QualysPatch,
  QualysVulnerability,
} from '../qualys/schemas/index.js';
import {
  type AssetPlatformKey,
  assetPlatformCacheKey,
  type JobRunKey,
  jobRunCacheKey,
  type PlatformScopedKey,
  platformScopedCacheKey,
} from './keys.js';
import { loadAssetUuidsByAssetId } from './load-asset-uuids-by-asset-id.js';
import { loadAssetsById } from './load-assets-by-id.js';
import { loadJobResultsByRun } from './load-job-results-by-run.js';
import { loadJobRunsByJobId } from './load-job-runs-by-job-id.js';
import { loadMitigationJobsById } from './load-mitigation-jobs-by-id.js';
import { type AssetPatchJob, loadPatchJobsByAssetId } from './load-patch-jobs-by-asset-id.js';
import { loadPatchJobsById } from './load-patch-jobs-by-id.js';
import { loadPatchesById } from './load-patches-by-id.js';
import { loadVulnerabilitiesByQid } from './load-vulnerabilities-by-qid.js';

export { assetUuidQql } from './asset-qql.js';
export { jobsTargetingAssetsQql } from './job-qql.js';
export type { AssetPlatformKey, JobRunKey, PlatformScopedKey } from './keys.js';
export { assetPlatformCacheKey, jobRunCacheKey, platformScopedCacheKey } from './keys.js';
export {
  ASSET_UUIDS_PER_JOB_QUERY,
  type AssetPatchJob,
  JOBS_PER_PAGE,
} from './load-patch-jobs-by-asset-id.js';

/** The per-request loaders. Each answers its keys in order; failures are per key. */
export interface Loaders {
  /**
   * Numeric Qualys asset id -> PM asset UUID; `null` when Qualys lists the id as unmapped.
   * One `POST /pm/v1/assets/uuids` per 1,000 distinct ids.
   */
  readonly assetUuidsByAssetId: DataLoader<number, string | null>;
  /**
   * `{platform, id}` -> patch catalog record (`null` when unknown on that platform). One
   * `POST /pm/v1/patchcatalog/patches` per platform per 1,000 distinct UUIDs. Cache key
   * `Windows:<uuid>`; the patch list (`GET /pm/v1/patches`) primes it with its records.
   */
  readonly patchesById: DataLoader<PlatformScopedKey, QualysPatch | null, string>;
  /**
   * `{platform, id}` -> asset (`null` when not found). One `POST /pm/v1/assets` page per
   * platform per 400 distinct UUIDs (QQL from `assetUuidQql`, an unverified assumption). The
   * asset list primes it.
   */
  readonly assetsById: DataLoader<PlatformScopedKey, QualysAsset | null, string>;
  /** QID -> vulnerability (`null` when unknown). One `POST /pm/v1/vulnerabilities` per 1,000 QIDs. */
  readonly vulnerabilitiesByQid: DataLoader<number, QualysVulnerability | null>;
  /** PM job UUID -> full job. One `GET /pm/v1/deploymentjob/{id}` per job, concurrently. */
  readonly patchJobsById: DataLoader<string, QualysDeploymentJob>;
  /**
   * `{id: asset UUID, platform | null}` -> the PM deployment jobs naming the asset among their
   * explicit assets, as job-list entries. One `GET /pm/v1/deploymentjobs` (filter from
   * `jobsTargetingAssetsQql`, an unverified assumption; `pageSize` 1,000, more pages only past
   * 1,000 jobs) per platform per 100 distinct UUIDs; `platform: null` asks Windows and Linux.
   * Cache key `Windows:<uuid>` / `*:<uuid>`.
   */
  readonly patchJobsByAssetId: DataLoader<AssetPlatformKey, AssetPatchJob[], string>;
  /** MTG job UUID -> full job. One `GET /mtg/v1/deploymentjob/{id}` per job, concurrently. */
  readonly mitigationJobsById: DataLoader<string, QualysDeploymentJob>;
  /** PM job UUID -> its runs. One `GET /pm/v1/deploymentjob/{id}/runs` per job, concurrently. */
  readonly jobRunsByJobId: DataLoader<string, QualysJobRun[]>;
  /**
   * `{jobId, jobInstanceId | null (latest)}` -> run result summary. One
   * `GET .../deploymentjobresult/summary` per key, concurrently. A latest-run answer whose
   * assets all name one `jobInstanceId` also primes that run's key.
   */
  readonly jobResultsByRun: DataLoader<JobRunKey, QualysJobResultSummary, string>;
}

/** Options of {@link createLoaders}. */
export interface LoaderOptions {
  /**
   * Called once per batch a loader dispatches, before its batch function runs, with the loader's
   * name (the {@link Loaders} field) and the number of distinct keys in the batch (metrics).
   * Exceptions are not caught. Default: none.
   */
  onBatch?: ((loader: keyof Loaders, size: number) => void) | undefined;
}

/**
 * Creates a fresh set of {@link Loaders} over one caller's Qualys API session. Call it once per
 * GraphQL request (the server puts it in the context); never share it between requests or
 * callers.
 *
 * Shape: `QualysApi` in, `Loaders` out. Makes no call by itself.
 */
export function createLoaders(api: QualysApi, options: LoaderOptions = {}): Loaders {
  const { onBatch } = options;
  /**
   * A DataLoader named `name` (its `name` option and the `onBatch` label) over `batch`, which
   * reports each batch's size to `onBatch` first; `cacheKeyFn` for object keys.
   */
  const loader = <K, V, C = K>(
    name: keyof Loaders,
    batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>,
    cacheKeyFn?: (key: K) => C,
  ): DataLoader<K, V, C> =>
    new DataLoader<K, V, C>(
      onBatch === undefined
        ? batch
        : (keys) => {
            onBatch(name, keys.length);
            return batch(keys);
          },
      cacheKeyFn === undefined ? { name } : { name, cacheKeyFn },
    );

  const jobResultsByRun: DataLoader<JobRunKey, QualysJobResultSummary, string> = loader(
    'jobResultsByRun',
    async (keys: readonly JobRunKey[]) => {
      const results = await loadJobResultsByRun(keys, api);
      keys.forEach((key, i) => {
        const summary = results[i];
        if (key.jobInstanceId !== null || summary === undefined || summary instanceof Error) return;
        const instanceId = singleJobInstanceId(summary);
        if (instanceId !== null)
          jobResultsByRun.prime({ jobId: key.jobId, jobInstanceId: instanceId }, summary);
      });
      return results;
    },
    jobRunCacheKey,
  );

  return {
    assetUuidsByAssetId: loader('assetUuidsByAssetId', (ids: readonly number[]) =>
      loadAssetUuidsByAssetId(ids, api),
    ),
    patchesById: loader(
      'patchesById',
      (keys: readonly PlatformScopedKey[]) => loadPatchesById(keys, api),
      platformScopedCacheKey,
    ),
    assetsById: loader(
      'assetsById',
      (keys: readonly PlatformScopedKey[]) => loadAssetsById(keys, api),
      platformScopedCacheKey,
    ),
    vulnerabilitiesByQid: loader('vulnerabilitiesByQid', (qids: readonly number[]) =>
      loadVulnerabilitiesByQid(qids, api),
    ),
    patchJobsById: loader('patchJobsById', (ids: readonly string[]) => loadPatchJobsById(ids, api)),
    patchJobsByAssetId: loader(
      'patchJobsByAssetId',
      (keys: readonly AssetPlatformKey[]) => loadPatchJobsByAssetId(keys, api),
      assetPlatformCacheKey,
    ),
    mitigationJobsById: loader('mitigationJobsById', (ids: readonly string[]) =>
      loadMitigationJobsById(ids, api),
    ),
    jobRunsByJobId: loader('jobRunsByJobId', (ids: readonly string[]) => loadJobRunsByJobId(ids, api)),
    jobResultsByRun,
  };
}

/** The run number all per-asset results of a summary share, or `null` when none or several. */
function singleJobInstanceId(summary: QualysJobResultSummary): number | null {
  const ids = new Set<number>();
  for (const result of summary.assets) {
    const id = result.jobInstanceId ?? result.asset.jobInstanceId;
    if (id !== null) ids.add(id);
  }
  const [only] = ids;
  return ids.size === 1 && only !== undefined ? only : null;
}
