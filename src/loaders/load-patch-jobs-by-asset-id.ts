/**
 * Batch function: the PM deployment jobs that target assets by UUID.
 */
import { QUALYS_LIMITS, type QualysApi, type QualysPlatform } from '../qualys/api.js';
import { QualysRecordCapError } from '../qualys/errors.js';
import type { QualysDeploymentJobListItem } from '../qualys/schemas/index.js';
import { UNKNOWN_PLATFORM_ORDER } from '../qualys/vocabulary.js';
import { jobsTargetingAssetsQql } from './job-qql.js';
import { type AssetPlatformKey, chunk, toError } from './keys.js';

/**
 * Most asset UUIDs per job-list query: 100 UUIDs make a `filter` of about 4 KB once
 * URL-encoded, well under the usual 8 KB request-line limits of proxies and servers.
 */
export const ASSET_UUIDS_PER_JOB_QUERY = 100;

/** Jobs per job-list page (`pageSize`): the largest page the gateway asks Qualys for. */
export const JOBS_PER_PAGE = 1000;

const ENDPOINT = 'GET /pm/v1/deploymentjobs';

/** A deployment job that targets an asset: the job-list entry and the platform it was listed on. */
export interface AssetPatchJob {
  /** The platform whose job list returned the job (wire spelling). */
  readonly platform: QualysPlatform;
  /** The job-list entry (`QualysDeploymentJobListItem`), with `assets`, `patches`, schedule, ... */
  readonly item: QualysDeploymentJobListItem;
}

/**
 * Lists every job of one platform matching `filter`, page after page (`pageSize`
 * {@link JOBS_PER_PAGE}) until a short page. Stops with `QUALYS_RECORD_CAP` rather than asking
 * past the 10,000-record cap.
 */
async function listAllJobs(
  api: QualysApi,
  platform: QualysPlatform,
  filter: string,
): Promise<QualysDeploymentJobListItem[]> {
  const items: QualysDeploymentJobListItem[] = [];
  for (let pageNumber = 0; ; pageNumber += 1) {
    if (pageNumber * JOBS_PER_PAGE >= QUALYS_LIMITS.offsetRecordCap) {
      throw QualysRecordCapError.beforeCall(
        ENDPOINT,
        `More than ${QUALYS_LIMITS.offsetRecordCap} deployment jobs target these assets; Qualys serves only the first ${QUALYS_LIMITS.offsetRecordCap}`,
      );
    }
    const page = await api.listDeploymentJobs({ platform, filter, pageNumber, pageSize: JOBS_PER_PAGE });
    items.push(...page);
    if (page.length < JOBS_PER_PAGE) return items;
  }
}

/**
 * Loads, per asset, the PM deployment jobs that target it by UUID (the job's explicit assets;
 * jobs that reach the asset only through a tag are not found this way). The key is the asset
 * UUID (`Asset.id`), not the numeric Qualys asset id.
 *
 * Shape: {@link AssetPlatformKey}s in; per key, in key order, the jobs whose list entry names
 * the asset in `assets[].id` ({@link AssetPatchJob}s, upstream order, each job once; empty when
 * none), or an `Error`. A key with `platform: null` gets the jobs of Windows and then Linux.
 *
 * Calls: per platform, one `GET /pm/v1/deploymentjobs` per chunk of
 * {@link ASSET_UUIDS_PER_JOB_QUERY} (100) distinct UUIDs, filtered with
 * {@link jobsTargetingAssetsQql} (an unverified QQL assumption), plus one more page per further
 * {@link JOBS_PER_PAGE} (1,000) jobs; chunks and platforms run concurrently, the pages of one
 * chunk one after the other. Jobs are attributed by their own `assets` list, so jobs Qualys
 * returns for another reason are ignored.
 *
 * Errors: a failed chunk answers its own keys with its `QualysError` (`QUALYS_RECORD_CAP` past
 * 10,000 jobs for one chunk); a key whose platform is unknown fails when either platform failed,
 * rather than answering half a list.
 *
 * Source: `GET /pm/v1/deploymentjobs?platform=&filter=&pageNumber=&pageSize=` (seed 000;
 * docs/qualys-api.md §7.4); list items carry `assets: [{id, name}]` (seed 000 list sample).
 */
export async function loadPatchJobsByAssetId(
  keys: readonly AssetPlatformKey[],
  api: QualysApi,
): Promise<(AssetPatchJob[] | Error)[]> {
  const platformsOf = (key: AssetPlatformKey) => (key.platform ? [key.platform] : UNKNOWN_PLATFORM_ORDER);

  const uuidsByPlatform = new Map<QualysPlatform, Set<string>>();
  for (const key of keys) {
    for (const platform of platformsOf(key)) {
      const uuids = uuidsByPlatform.get(platform) ?? new Set<string>();
      uuids.add(key.id);
      uuidsByPlatform.set(platform, uuids);
    }
  }

  /** `Windows:<uuid>` -> the asset's jobs on that platform, or the error of its chunk. */
  const found = new Map<string, AssetPatchJob[] | Error>();
  const calls: Promise<void>[] = [];
  for (const [platform, uuids] of uuidsByPlatform) {
    for (const part of chunk([...uuids], ASSET_UUIDS_PER_JOB_QUERY)) {
      calls.push(
        listAllJobs(api, platform, jobsTargetingAssetsQql(part)).then(
          (items) => {
            const jobsByUuid = new Map(part.map((uuid) => [uuid, new Map<string, AssetPatchJob>()]));
            for (const item of items) {
              for (const asset of item.assets) {
                jobsByUuid.get(asset.id)?.set(item.id, { platform, item });
              }
            }
            for (const [uuid, jobs] of jobsByUuid) found.set(`${platform}:${uuid}`, [...jobs.values()]);
          },
          (error: unknown) => {
            const failure = toError(error);
            for (const uuid of part) found.set(`${platform}:${uuid}`, failure);
          },
        ),
      );
    }
  }
  await Promise.all(calls);

  return keys.map((key) => {
    const jobs: AssetPatchJob[] = [];
    for (const platform of platformsOf(key)) {
      const result = found.get(`${platform}:${key.id}`) ?? [];
      if (result instanceof Error) return result;
      jobs.push(...result);
    }
    return jobs;
  });
}
