import { describe, expect, it } from 'vitest';
import {
  ASSET_UUIDS_PER_JOB_QUERY,
  type AssetPlatformKey,
  createLoaders,
  JOBS_PER_PAGE,
  jobsTargetingAssetsQql,
} from '../../src/loaders/index.js';
import { loadPatchJobsByAssetId } from '../../src/loaders/load-patch-jobs-by-asset-id.js';
import type { ListDeploymentJobsParams, QualysPlatform } from '../../src/qualys/api.js';
import { QualysRateLimitedError } from '../../src/qualys/errors.js';
import {
  type QualysDeploymentJobListItem,
  QualysDeploymentJobListItemSchema,
} from '../../src/qualys/schemas/index.js';
import { listItemWire, uuid } from '../schema/fixtures.js';
import { createFakeQualysApi, type FakeQualysApi } from './fake-qualys-api.js';

/** A job-list entry of `platform` naming `assetIds` as its explicit assets. */
function job(n: number, platform: QualysPlatform, assetIds: readonly string[]): QualysDeploymentJobListItem {
  return QualysDeploymentJobListItemSchema.parse(
    listItemWire(uuid('10b', n), { platform, assets: assetIds.map((id) => ({ id, name: null })) }),
  );
}

const asset = (n: number) => uuid('a55e7', n);

/** The `listDeploymentJobs` parameters of each call, in call order. */
function listCalls(fake: FakeQualysApi): ListDeploymentJobsParams[] {
  return fake.callsOf('listDeploymentJobs').map((c) => c.args[0] as ListDeploymentJobsParams);
}

function rateLimited() {
  return new QualysRateLimitedError('throttled', {
    endpoint: 'GET /pm/v1/deploymentjobs',
    status: 429,
  });
}

describe('jobsTargetingAssetsQql', () => {
  it('builds the assets.id list filter, UUIDs as given', () => {
    expect(jobsTargetingAssetsQql([asset(1), asset(2)])).toBe(`assets.id:[${asset(1)},${asset(2)}]`);
  });
});

describe('loadPatchJobsByAssetId', () => {
  it('asks one job-list page per platform per 100 assets, with the assets.id filter', async () => {
    const fake = createFakeQualysApi({});
    const keys: AssetPlatformKey[] = Array.from({ length: 250 }, (_, i) => ({
      id: asset(i),
      platform: null,
    }));

    const result = await loadPatchJobsByAssetId(keys, fake.api);

    expect(ASSET_UUIDS_PER_JOB_QUERY).toBe(100);
    expect(result).toEqual(keys.map(() => []));
    const chunks = [keys.slice(0, 100), keys.slice(100, 200), keys.slice(200)].map((part) =>
      jobsTargetingAssetsQql(part.map((k) => k.id)),
    );
    expect(listCalls(fake)).toEqual(
      (['Windows', 'Linux'] as const).flatMap((platform) =>
        chunks.map((filter) => ({ platform, filter, pageNumber: 0, pageSize: JOBS_PER_PAGE })),
      ),
    );
  });

  it('answers each key, in key order, with the jobs naming its asset, in upstream order, Windows before Linux', async () => {
    const fake = createFakeQualysApi({
      jobList: {
        Windows: [
          job(1, 'Windows', [asset(1), asset(2)]),
          job(2, 'Windows', [asset(9)]), // names no requested asset: ignored
          job(3, 'Windows', [asset(2), asset(2)]), // names it twice: listed once
        ],
        Linux: [job(4, 'Linux', [asset(3)]), job(5, 'Linux', [asset(1)])],
      },
    });
    const keys: AssetPlatformKey[] = [
      { id: asset(3), platform: 'Linux' },
      { id: asset(2), platform: 'Windows' },
      { id: asset(1), platform: null },
      { id: asset(4), platform: null },
    ];

    const result = await loadPatchJobsByAssetId(keys, fake.api);

    const ids = result.map((r) => (r instanceof Error ? r : r.map((j) => `${j.platform}:${j.item.id}`)));
    expect(ids).toEqual([
      [`Linux:${uuid('10b', 4)}`],
      [`Windows:${uuid('10b', 1)}`, `Windows:${uuid('10b', 3)}`],
      [`Windows:${uuid('10b', 1)}`, `Linux:${uuid('10b', 5)}`],
      [],
    ]);
    // Windows asks for the assets of the Windows key and the unknown-platform keys; Linux likewise.
    const calls = listCalls(fake).map((c) => [c.platform, c.filter]);
    expect(calls.sort()).toEqual([
      ['Linux', jobsTargetingAssetsQql([asset(3), asset(1), asset(4)])],
      ['Windows', jobsTargetingAssetsQql([asset(2), asset(1), asset(4)])],
    ]);
  });

  it('pages with pageSize 1,000 until a short page', async () => {
    const many = Array.from({ length: 2 * JOBS_PER_PAGE + 1 }, (_, n) => job(n, 'Windows', [asset(1)]));
    const fake = createFakeQualysApi({ jobList: { Windows: many } });

    const [jobs] = await loadPatchJobsByAssetId([{ id: asset(1), platform: 'Windows' }], fake.api);

    expect(jobs instanceof Error ? jobs : jobs?.map((j) => j.item.id)).toEqual(many.map((j) => j.id));
    expect(listCalls(fake).map((c) => [c.pageNumber, c.pageSize])).toEqual([
      [0, 1000],
      [1, 1000],
      [2, 1000],
    ]);
  });

  it('fails only the keys of a failed chunk, and an unknown-platform key when either platform failed', async () => {
    const fake = createFakeQualysApi({
      jobList: { Windows: [job(1, 'Windows', [asset(150)])], Linux: [job(2, 'Linux', [asset(0)])] },
    });
    const firstChunk = jobsTargetingAssetsQql(Array.from({ length: 100 }, (_, i) => asset(i)));
    fake.failWhen((call) => {
      const params = call.args[0] as ListDeploymentJobsParams;
      return call.method === 'listDeploymentJobs' &&
        params.platform === 'Windows' &&
        params.filter === firstChunk
        ? rateLimited()
        : undefined;
    });
    const keys: AssetPlatformKey[] = Array.from({ length: 200 }, (_, i) => ({
      id: asset(i),
      platform: null,
    }));
    keys.push({ id: asset(0), platform: 'Linux' });

    const result = await loadPatchJobsByAssetId(keys, fake.api);

    for (const r of result.slice(0, 100)) expect(r).toBeInstanceOf(QualysRateLimitedError);
    expect(result[150]).toEqual([{ platform: 'Windows', item: job(1, 'Windows', [asset(150)]) }]);
    expect(result.slice(100, 200).filter((r) => r instanceof Error)).toEqual([]);
    // The Linux-only key of a failed Windows asset still gets its Linux jobs.
    expect(result[200]).toEqual([{ platform: 'Linux', item: job(2, 'Linux', [asset(0)]) }]);
  });
});

describe('createLoaders().patchJobsByAssetId', () => {
  it('batches the keys of one tick, deduplicates them and caches them for the request', async () => {
    const fake = createFakeQualysApi({ jobList: { Windows: [job(1, 'Windows', [asset(1)])] } });
    const loaders = createLoaders(fake.api);

    const [a, b, c] = await Promise.all([
      loaders.patchJobsByAssetId.load({ id: asset(1), platform: 'Windows' }),
      loaders.patchJobsByAssetId.load({ id: asset(1), platform: 'Windows' }),
      loaders.patchJobsByAssetId.load({ id: asset(2), platform: 'Windows' }),
    ]);
    await loaders.patchJobsByAssetId.load({ id: asset(1), platform: 'Windows' });

    expect(a?.map((j) => j.item.id)).toEqual([uuid('10b', 1)]);
    expect(b).toBe(a);
    expect(c).toEqual([]);
    expect(listCalls(fake).map((p) => p.filter)).toEqual([jobsTargetingAssetsQql([asset(1), asset(2)])]);
  });
});
