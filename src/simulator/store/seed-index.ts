/**
 * Sorts the seed samples (`../seed-data/index.js`) into what the simulator serves verbatim:
 *
 * - `GET /pm/v1/deploymentjob/{id}` samples, and the job objects answered by PM create
 *   (`POST /pm/v{1,2}/deploymentjob`) and update (`PATCH .../deploymentjob/update/{id}`) samples,
 *   by their `id`; for one id a GET sample wins over an update sample, which wins over a create sample;
 * - the same for MTG jobs (`/mtg/v1/deploymentjob...`);
 * - job list samples (`/pm/v1/deploymentjobs`, `/summary`, `/availableToLink`) with the platform
 *   of their request;
 * - job result summaries by job id and `jobInstanceId` (from the request's query, else from the
 *   sample's first asset);
 * - the asset id -> UUID mapping sample (mapped pairs and the stringified unmapped list);
 * - the patch list sample (`GET /pm/v1/patches`) with its platform.
 *
 * Everything else is listed in `unserved` with the reason (error samples, report samples, and
 * response samples without a job `id`).
 *
 * @module
 */
import type { Platform } from '../fleet/types.js';
import { isJsonObject, type JsonObject } from '../json.js';
import type { SeedSample } from '../seed-data/index.js';

/** A seed list item with the platform its request asked for. */
export interface SeedListItem {
  readonly platform: Platform;
  readonly item: JsonObject;
}

/** The three job list endpoints. */
export type JobListKind = 'list' | 'summary' | 'availableToLink';

/** The seed samples the simulator serves, by endpoint. */
export interface SeedIndex {
  /** PM job objects by id. */
  readonly pmJobs: ReadonlyMap<string, JsonObject>;
  /** Platform of each PM job: its `platform`, else that of a list item with its id, else the sample heading's. */
  readonly pmJobPlatforms: ReadonlyMap<string, Platform>;
  /** MTG job objects by id. */
  readonly mtgJobs: ReadonlyMap<string, JsonObject>;
  /** List items per list endpoint, in sample order. */
  readonly lists: Readonly<Record<JobListKind, readonly SeedListItem[]>>;
  /** Result summaries: job id -> jobInstanceId -> body. */
  readonly results: ReadonlyMap<string, ReadonlyMap<number, JsonObject>>;
  /** Mapped asset ids of the uuid sample. */
  readonly uuidMappings: readonly { readonly assetId: number; readonly assetUuid: string }[];
  /** Unmapped asset ids of the uuid sample (parsed from its stringified list). */
  readonly unmappedAssetIds: readonly number[];
  /** Patch list items with their platform. */
  readonly patches: readonly SeedListItem[];
  /** Response samples not served, with the reason. */
  readonly unserved: readonly { readonly file: string; readonly reason: string }[];
}

const JOB_GET = /^\/pm\/v1\/deploymentjob\/([^/]+)$/;
const JOB_UPDATE = /^\/pm\/v[12]\/deploymentjob\/update\/([^/]+)$/;
const JOB_CREATE = /^\/pm\/v[12]\/deploymentjob$/;
const MTG_GET_OR_UPDATE = /^\/mtg\/v[12]\/deploymentjob\/([^/]+)$/;
const MTG_CREATE = /^\/mtg\/v[12]\/deploymentjob$/;
const RESULT_SUMMARY = /^\/pm\/v1\/deploymentjob\/([^/]+)\/deploymentjobresult\/summary$/;
const LIST_PATHS: Readonly<Record<string, JobListKind>> = {
  '/pm/v1/deploymentjobs': 'list',
  '/pm/v1/deploymentjobs/summary': 'summary',
  '/pm/v1/deploymentjobs/availableToLink': 'availableToLink',
};

function asPlatform(value: unknown): Platform | null {
  return value === 'Windows' || value === 'Linux' ? value : null;
}

function headingPlatform(heading: string): Platform | null {
  if (heading.includes('Linux')) {
    return 'Linux';
  }
  return heading.includes('Windows') ? 'Windows' : null;
}

function objects(body: unknown): JsonObject[] {
  return Array.isArray(body) ? body.filter(isJsonObject) : [];
}

function resultInstanceId(url: URL, body: JsonObject): number {
  const fromQuery = Number(url.searchParams.get('jobInstanceId'));
  if (url.searchParams.has('jobInstanceId') && Number.isInteger(fromQuery)) {
    return fromQuery;
  }
  const firstAsset = objects(body['assets'])[0];
  const direct = firstAsset?.['jobInstanceId'];
  const nested = isJsonObject(firstAsset?.['asset']) ? firstAsset['asset']['jobInstanceId'] : undefined;
  const id = typeof direct === 'number' ? direct : typeof nested === 'number' ? nested : 1;
  return id;
}

/**
 * Indexes the seed samples.
 *
 * @param samples - the fixtures (`seedSamples`).
 * @returns the index; requests are ignored, responses are sorted by endpoint.
 */
export function indexSeedSamples(samples: readonly SeedSample[]): SeedIndex {
  const pmJobs = new Map<string, { body: JsonObject; rank: number; heading: string }>();
  const mtgJobs = new Map<string, { body: JsonObject; rank: number }>();
  const lists: Record<JobListKind, SeedListItem[]> = { list: [], summary: [], availableToLink: [] };
  const results = new Map<string, Map<number, JsonObject>>();
  const uuidMappings: { assetId: number; assetUuid: string }[] = [];
  const unmappedAssetIds: number[] = [];
  const patches: SeedListItem[] = [];
  const unserved: { file: string; reason: string }[] = [];

  const putJob = <V extends { rank: number }>(map: Map<string, V>, id: string, value: V): void => {
    const existing = map.get(id);
    if (existing === undefined || existing.rank < value.rank) {
      map.set(id, value);
    }
  };

  for (const sample of samples) {
    if (sample.kind !== 'response') {
      continue;
    }
    const url = new URL(sample.path, 'http://seed.invalid');
    const route = url.pathname;
    const body = sample.body;
    if (sample.status !== undefined && sample.status >= 400) {
      unserved.push({
        file: sample.file,
        reason: `error sample (HTTP ${sample.status}): not data to serve; the rule it shows answers it`,
      });
      continue;
    }
    const listKind = LIST_PATHS[route];
    if (sample.method === 'GET' && listKind !== undefined) {
      const platform = asPlatform(url.searchParams.get('platform')) ?? 'Windows';
      for (const item of objects(body)) {
        lists[listKind].push({ platform: asPlatform(item['platform']) ?? platform, item });
      }
      continue;
    }
    if (sample.method === 'GET' && route === '/pm/v1/patches') {
      const platform = asPlatform(url.searchParams.get('platform')) ?? 'Windows';
      for (const item of objects(body)) {
        patches.push({ platform, item });
      }
      continue;
    }
    if (route === '/pm/v1/assets/uuids' && isJsonObject(body)) {
      for (const entry of objects(body['mappedAssets'])) {
        if (typeof entry['assetId'] === 'number' && typeof entry['assetUuid'] === 'string') {
          uuidMappings.push({ assetId: entry['assetId'], assetUuid: entry['assetUuid'] });
        }
      }
      const unmapped = body['unmappedAssets'];
      if (typeof unmapped === 'string') {
        for (const part of unmapped.replace(/[[\]\s]/g, '').split(',')) {
          if (part !== '' && Number.isInteger(Number(part))) {
            unmappedAssetIds.push(Number(part));
          }
        }
      }
      continue;
    }
    const resultMatch = RESULT_SUMMARY.exec(route);
    if (resultMatch !== null && isJsonObject(body)) {
      const jobId = typeof body['id'] === 'string' ? body['id'] : (resultMatch[1] as string);
      const perJob = results.get(jobId) ?? new Map<number, JsonObject>();
      perJob.set(resultInstanceId(url, body), body);
      results.set(jobId, perJob);
      continue;
    }
    const isMtg = MTG_CREATE.test(route) || MTG_GET_OR_UPDATE.test(route);
    const isPm = JOB_CREATE.test(route) || JOB_UPDATE.test(route) || JOB_GET.test(route);
    if (isMtg || isPm) {
      if (!isJsonObject(body) || typeof body['id'] !== 'string') {
        unserved.push({
          file: sample.file,
          reason: 'job response sample without an `id`: cannot be served by id',
        });
        continue;
      }
      const rank = sample.method === 'GET' ? 3 : sample.method === 'PATCH' ? 2 : 1;
      if (isMtg) {
        putJob(mtgJobs, body['id'], { body, rank });
      } else {
        putJob(pmJobs, body['id'], { body, rank, heading: sample.heading });
      }
      continue;
    }
    unserved.push({
      file: sample.file,
      reason: `response of ${sample.method} ${route}, an endpoint the simulator does not implement`,
    });
  }

  const listPlatform = new Map<string, Platform>();
  for (const kind of Object.keys(lists) as JobListKind[]) {
    for (const { platform, item } of lists[kind]) {
      if (typeof item['id'] === 'string') {
        listPlatform.set(item['id'], platform);
      }
    }
  }
  const pmJobPlatforms = new Map<string, Platform>();
  for (const [id, { body, heading }] of pmJobs) {
    pmJobPlatforms.set(
      id,
      asPlatform(body['platform']) ?? listPlatform.get(id) ?? headingPlatform(heading) ?? 'Windows',
    );
  }

  return {
    pmJobs: new Map([...pmJobs].map(([id, { body }]) => [id, body])),
    pmJobPlatforms,
    mtgJobs: new Map([...mtgJobs].map(([id, { body }]) => [id, body])),
    lists,
    results,
    uuidMappings,
    unmappedAssetIds,
    patches,
    unserved,
  };
}
