import { describe, expect, it } from 'vitest';
import { assetUuidQql, createLoaders } from '../../src/loaders/index.js';
import type { QualysPlatform } from '../../src/qualys/api.js';
import { QualysHttpError, QualysRateLimitedError } from '../../src/qualys/errors.js';
import {
  QualysAssetSchema,
  QualysJobResultSummarySchema,
  type QualysPatch,
  QualysPatchSchema,
  QualysVulnerabilitySchema,
} from '../../src/qualys/schemas/index.js';
import { createFakeQualysApi } from './fake-qualys-api.js';

const uuid = (prefix: string, n: number) =>
  `${prefix.padEnd(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const patch = (id: string, platform: QualysPlatform): QualysPatch =>
  QualysPatchSchema.parse({ id, platform, title: `Patch ${id}` });

function rateLimited(endpoint: string) {
  return new QualysRateLimitedError('throttled', { endpoint, status: 429 });
}

describe('loadAssetUuidsByAssetId', () => {
  it('maps 2,500 ids in 3 calls of 1000/1000/500, in key order, unmapped ids answering null', async () => {
    const assetUuids = new Map<number, string>();
    for (let i = 1; i <= 2500; i += 1) if (i % 7 !== 0) assetUuids.set(i, uuid('a', i));
    const fake = createFakeQualysApi({ assetUuids });
    const loaders = createLoaders(fake.api);
    const ids = Array.from({ length: 2500 }, (_, i) => 2500 - i);

    const result = await loaders.assetUuidsByAssetId.loadMany(ids);

    expect(fake.callsOf('mapAssetIdsToUuids').map((c) => (c.args[0] as number[]).length)).toEqual([
      1000, 1000, 500,
    ]);
    expect(fake.count()).toBe(3);
    expect(result).toEqual(ids.map((id) => (id % 7 === 0 ? null : uuid('a', id))));
  });

  it('deduplicates ids and serves repeats from the request cache', async () => {
    const fake = createFakeQualysApi({ assetUuids: new Map([[1, uuid('a', 1)]]) });
    const loaders = createLoaders(fake.api);
    await Promise.all([
      loaders.assetUuidsByAssetId.load(1),
      loaders.assetUuidsByAssetId.load(1),
      loaders.assetUuidsByAssetId.load(2),
    ]);
    await loaders.assetUuidsByAssetId.load(1);
    expect(fake.callsOf('mapAssetIdsToUuids').map((c) => c.args[0])).toEqual([[1, 2]]);
  });

  it('rejects only the keys of a failed chunk', async () => {
    const assetUuids = new Map<number, string>();
    for (let i = 0; i < 2500; i += 1) assetUuids.set(i, uuid('a', i));
    const fake = createFakeQualysApi({ assetUuids });
    fake.failWhen((call) =>
      call.method === 'mapAssetIdsToUuids' && (call.args[0] as number[])[0] === 1000
        ? rateLimited('POST /pm/v1/assets/uuids')
        : undefined,
    );
    const result = await createLoaders(fake.api).assetUuidsByAssetId.loadMany(
      Array.from({ length: 2500 }, (_, i) => i),
    );

    expect(result.slice(0, 1000).every((r) => typeof r === 'string')).toBe(true);
    expect(result.slice(1000, 2000).every((r) => r instanceof QualysRateLimitedError)).toBe(true);
    expect(result.slice(2000).every((r) => typeof r === 'string')).toBe(true);
  });
});

describe('loadPatchesById', () => {
  it('sends one call per platform per 1,000 UUIDs, all in one batch', async () => {
    const windows = Array.from({ length: 1001 }, (_, i) => patch(uuid('b', i), 'Windows'));
    const linux = Array.from({ length: 3 }, (_, i) => patch(uuid('c', i), 'Linux'));
    const fake = createFakeQualysApi({ catalog: { Windows: windows, Linux: linux } });
    const loaders = createLoaders(fake.api);

    const keys = [
      ...windows.map((p) => ({ platform: 'Windows' as const, id: p.id })),
      ...linux.map((p) => ({ platform: 'Linux' as const, id: p.id })),
    ];
    const result = await loaders.patchesById.loadMany(keys);

    const calls = fake
      .callsOf('getCatalogPatches')
      .map((c) => c.args[0] as { platform: string; patchUuids: string[] });
    expect(calls.map((c) => [c.platform, c.patchUuids.length])).toEqual([
      ['Windows', 1000],
      ['Windows', 1],
      ['Linux', 3],
    ]);
    expect(result.map((r) => (r instanceof Error || r === null ? r : r.id))).toEqual(keys.map((k) => k.id));
  });

  it('keys by platform: the same UUID on two platforms is two lookups, a duplicate key is one', async () => {
    const id = uuid('d', 1);
    const fake = createFakeQualysApi({ catalog: { Windows: [patch(id, 'Windows')] } });
    const loaders = createLoaders(fake.api);
    const [onWindows, onLinux, again] = await Promise.all([
      loaders.patchesById.load({ platform: 'Windows', id }),
      loaders.patchesById.load({ platform: 'Linux', id }),
      loaders.patchesById.load({ platform: 'Windows', id }),
    ]);
    expect(onWindows?.id).toBe(id);
    expect(onLinux).toBeNull();
    expect(again).toBe(onWindows);
    expect(
      fake.callsOf('getCatalogPatches').map((c) => (c.args[0] as { patchUuids: string[] }).patchUuids),
    ).toEqual([[id], [id]]);
  });

  it('answers a failed chunk with an Error per key and leaves the other chunks intact', async () => {
    const windows = Array.from({ length: 1500 }, (_, i) => patch(uuid('e', i), 'Windows'));
    const fake = createFakeQualysApi({
      catalog: { Windows: windows, Linux: [patch(uuid('f', 1), 'Linux')] },
    });
    fake.failWhen((call) => {
      const params = call.args[0] as { platform: string; patchUuids: string[] };
      return call.method === 'getCatalogPatches' &&
        params.platform === 'Windows' &&
        params.patchUuids.length === 500
        ? rateLimited('POST /pm/v1/patchcatalog/patches')
        : undefined;
    });
    const loaders = createLoaders(fake.api);
    const result = await loaders.patchesById.loadMany([
      ...windows.map((p) => ({ platform: 'Windows' as const, id: p.id })),
      { platform: 'Linux', id: uuid('f', 1) },
    ]);
    expect(result.slice(0, 1000).every((r) => r !== null && !(r instanceof Error))).toBe(true);
    expect(result.slice(1000, 1500).every((r) => r instanceof QualysRateLimitedError)).toBe(true);
    expect(result[1500]).toMatchObject({ id: uuid('f', 1) });
  });
});

describe('loadAssetsById', () => {
  it('pages 400 UUIDs per call per platform with the UUID QQL and matches records by id', async () => {
    const assets = Array.from({ length: 401 }, (_, i) =>
      QualysAssetSchema.parse({ id: uuid('a', i), name: `host-${i}` }),
    );
    const fake = createFakeQualysApi({ assets: { Windows: assets } });
    const loaders = createLoaders(fake.api);
    const result = await loaders.assetsById.loadMany([
      ...assets.map((a) => ({ platform: 'Windows' as const, id: a.id })),
      { platform: 'Linux', id: uuid('a', 0) },
    ]);
    const calls = fake
      .callsOf('listAssets')
      .map((c) => c.args[0] as { platform: string; query: string; pageSize: number });
    expect(calls.map((c) => [c.platform, c.pageSize])).toEqual([
      ['Windows', 400],
      ['Windows', 400],
      ['Linux', 400],
    ]);
    expect(calls[1]?.query).toBe(assetUuidQql([uuid('a', 400)]));
    expect(result.slice(0, 401).map((r) => (r && !(r instanceof Error) ? r.name : r))).toEqual(
      assets.map((a) => a.name),
    );
    expect(result[401]).toBeNull();
  });

  it('builds the UUID QQL in one place', () => {
    expect(assetUuidQql(['x-1', 'y-2'])).toBe('id:[x-1,y-2]');
  });
});

describe('loadVulnerabilitiesByQid', () => {
  it('sends 1,000 QIDs per call and answers null for unknown QIDs', async () => {
    const vulnerabilities = Array.from({ length: 1200 }, (_, i) =>
      QualysVulnerabilitySchema.parse({ id: 90000 + i, title: `QID ${i}` }),
    );
    const fake = createFakeQualysApi({ vulnerabilities });
    const loaders = createLoaders(fake.api);
    const qids = [...vulnerabilities.map((v) => v.id), 1];
    const result = await loaders.vulnerabilitiesByQid.loadMany(qids);
    expect(fake.callsOf('getVulnerabilities').map((c) => (c.args[0] as number[]).length)).toEqual([
      1000, 201,
    ]);
    expect(result.at(-1)).toBeNull();
    expect(result[0]).toMatchObject({ id: 90000, title: 'QID 0' });
  });
});

describe('per-key loaders (jobs, runs, results)', () => {
  it('fetch each distinct key once, concurrently, and fail per key', async () => {
    const fake = createFakeQualysApi({
      results: { 'j1:latest': QualysJobResultSummarySchema.parse({ id: 'j1', assets: [] }) },
    });
    const loaders = createLoaders(fake.api);
    const [a, b, c] = await Promise.allSettled([
      loaders.jobResultsByRun.load({ jobId: 'j1', jobInstanceId: null }),
      loaders.jobResultsByRun.load({ jobId: 'j1', jobInstanceId: null }),
      loaders.jobResultsByRun.load({ jobId: 'j2', jobInstanceId: 3 }),
    ]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('fulfilled');
    expect(c).toMatchObject({ status: 'rejected', reason: { code: 'QUALYS_NOT_FOUND' } });
    expect(fake.callsOf('getDeploymentJobResultSummary').map((call) => call.args)).toEqual([
      ['j1'],
      ['j2', { jobInstanceId: 3 }],
    ]);
  });

  it('primes the run of a latest result whose assets name one jobInstanceId', async () => {
    const summary = QualysJobResultSummarySchema.parse({
      id: 'j1',
      assets: [{ asset: { id: 'a1' }, jobInstanceId: 7 }],
    });
    const fake = createFakeQualysApi({ results: { 'j1:latest': summary } });
    const loaders = createLoaders(fake.api);
    await loaders.jobResultsByRun.load({ jobId: 'j1', jobInstanceId: null });
    expect(await loaders.jobResultsByRun.load({ jobId: 'j1', jobInstanceId: 7 })).toBe(summary);
    expect(fake.count()).toBe(1);
  });

  it('loads PM and MTG jobs through separate loaders', async () => {
    const fake = createFakeQualysApi();
    fake.failWhen((call) =>
      call.method === 'getDeploymentJob'
        ? new QualysHttpError('boom', { endpoint: 'x', status: 500 })
        : undefined,
    );
    const loaders = createLoaders(fake.api);
    const [pm, mtg] = await Promise.allSettled([
      loaders.patchJobsById.load('j1'),
      loaders.mitigationJobsById.load('j1'),
    ]);
    expect(pm).toMatchObject({ status: 'rejected', reason: { code: 'QUALYS_HTTP_STATUS' } });
    expect(mtg).toMatchObject({ status: 'rejected', reason: { code: 'QUALYS_NOT_FOUND' } });
    expect(fake.calls.map((c) => c.method)).toEqual(['getDeploymentJob', 'getMitigationJob']);
  });
});

describe('createLoaders', () => {
  it('gives each request its own cache', async () => {
    const fake = createFakeQualysApi({ assetUuids: new Map([[1, uuid('a', 1)]]) });
    await createLoaders(fake.api).assetUuidsByAssetId.load(1);
    await createLoaders(fake.api).assetUuidsByAssetId.load(1);
    expect(fake.count('mapAssetIdsToUuids')).toBe(2);
  });
});
