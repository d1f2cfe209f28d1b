import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNMAPPED_ASSET_ID_RANGE } from '../../src/simulator/index.js';
import { call, type ErrorBody, qs, type Started, startSimulator } from './helpers.js';

interface Mapping {
  readonly mappedAssets: { readonly assetId: number; readonly assetUuid: string }[];
  readonly unmappedAssets: string;
}

describe('simulator endpoints', () => {
  let started: Started;
  beforeAll(async () => {
    started = await startSimulator({
      tenants: [{ username: 'simulator', password: 'simulator', includeSeedSamples: false }],
    });
  });
  afterAll(() => started.sim.close());

  const post = <T = unknown>(path: string, body: unknown) =>
    call<T>(started.url, started.token, path, { body });
  const get = <T = unknown>(path: string) => call<T>(started.url, started.token, path);

  describe('POST /pm/v1/assets/uuids', () => {
    it('maps known asset ids and lists the others as a stringified array, in request order', async () => {
      const [a, b] = started.sim.store().assets;
      const response = await post<Mapping>('/pm/v1/assets/uuids', [
        b?.assetId,
        12,
        a?.assetId,
        UNMAPPED_ASSET_ID_RANGE.first,
        12,
      ]);
      expect(response.status).toBe(200);
      expect(response.text).toContain('"unmappedAssets":"[12, 39990000]"');
      expect(response.body).toEqual({
        mappedAssets: [
          { assetId: b?.assetId, assetUuid: b?.id },
          { assetId: a?.assetId, assetUuid: a?.id },
        ],
        unmappedAssets: '[12, 39990000]',
      });
      expect((await post<Mapping>('/pm/v1/assets/uuids', [a?.assetId])).body.unmappedAssets).toBe('[]');
      expect((await post<Mapping>('/pm/v1/assets/uuids', `${a?.assetId}, 5`)).body).toEqual({
        mappedAssets: [{ assetId: a?.assetId, assetUuid: a?.id }],
        unmappedAssets: '[5]',
      });
    });

    it('accepts at most 1000 ids and answers other bodies with 400', async () => {
      const ids = Array.from({ length: 1000 }, (_, i) => 40_000_000 + i);
      expect((await post<Mapping>('/pm/v1/assets/uuids', ids)).status).toBe(200);
      const tooMany = await post<ErrorBody>('/pm/v1/assets/uuids', [...ids, 1]);
      expect(tooMany.status).toBe(400);
      expect(tooMany.body._error).toMatchObject({ code: 400, errorCode: '9003' });
      for (const body of ['{"assetIds":[1]}', '["x"]', 'abc', '']) {
        const bad = await post<ErrorBody>('/pm/v1/assets/uuids', body);
        expect(bad.status, body).toBe(400);
        expect(bad.body._error.errorCode).toBe('9001');
      }
    });
  });

  describe('POST /pm/v1/patchcatalog/patches', () => {
    it('answers the patches of the requested platform only, projected to the attributes plus id', async () => {
      const store = started.sim.store();
      const windows = store.patches.filter((p) => p.platform === 'Windows').slice(0, 3);
      const linux = store.patches.find((p) => p.platform === 'Linux');
      const ids = [windows[2]?.id, linux?.id, 'unknown-id', windows[0]?.id, windows[2]?.id];
      const full = await post<Record<string, unknown>[]>('/pm/v1/patchcatalog/patches', { patchUuid: ids });
      expect(full.body.map((p) => p['id'])).toEqual([windows[2]?.id, windows[0]?.id]);
      expect(Object.keys(full.body[0] ?? {})).toEqual([
        'patchId',
        'id',
        'title',
        'type',
        'appFamily',
        'vendor',
        'product',
        'platform',
        'kb',
        'isSuperseded',
        'isSecurity',
        'isRollback',
        'servicePack',
        'advisory',
        'vendorlink',
        'advisoryLink',
        'osIdentifier',
        'deleted',
        'rebootRequired',
        'vendorSeverity',
        'description',
        'qid',
        'enabled',
        'downloadMethod',
        'supportedOs',
        'supersedes',
        'supersededBy',
        'notification',
        'cve',
        'architecture',
        'packageDetails',
        'patchFeedProviderId',
        'syncDateTime',
        'vendorPatchId',
        'modifiedDate',
        'publishedDate',
        'category',
        'isEsuPatch',
        'bulletin',
      ]);
      expect(full.body[0]?.['qid']).toEqual(windows[2]?.qid.map(Number));

      const projected = await post<Record<string, unknown>[]>(
        `/pm/v1/patchcatalog/patches${qs({ platform: 'Linux', attributes: 'isSecurity,rebootRequired,vendorSeverity' })}`,
        { patchUuid: ids },
      );
      expect(projected.body).toEqual([
        {
          id: linux?.id,
          isSecurity: linux?.isSecurity,
          rebootRequired: linux?.rebootRequired,
          vendorSeverity: linux?.vendorSeverity,
        },
      ]);
    });

    it('accepts at most 1000 UUIDs', async () => {
      const ids = Array.from({ length: 1001 }, (_, i) => `id-${i}`);
      const response = await post<ErrorBody>('/pm/v1/patchcatalog/patches', { patchUuid: ids });
      expect(response.status).toBe(400);
      expect(response.body._error.errorCode).toBe('9003');
      expect((await post('/pm/v1/patchcatalog/patches', { patchUuid: ids.slice(0, 1000) })).status).toBe(200);
      expect((await post<ErrorBody>('/pm/v1/patchcatalog/patches', { ids: [] })).body._error.errorCode).toBe(
        '9001',
      );
      expect((await post<ErrorBody>('/pm/v1/patchcatalog/patches', '{not json')).body._error).toMatchObject({
        errorCode: '9001',
        message: 'Malformed JSON request body',
      });
    });
  });

  describe('POST /pm/v1/vulnerabilities', () => {
    it('answers the known QIDs only, in request order', async () => {
      const store = started.sim.store();
      const known = store.vulnerabilities.slice(0, 2);
      const response = await post<unknown[]>('/pm/v1/vulnerabilities', {
        qids: [known[1]?.id, 1, String(known[0]?.id), known[1]?.id],
      });
      expect(response.body).toEqual([known[1], known[0]]);
      const tooMany = await post<ErrorBody>('/pm/v1/vulnerabilities', {
        qids: Array.from({ length: 1001 }, (_, i) => i),
      });
      expect(tooMany.body._error).toMatchObject({ code: 400, errorCode: '9003' });
      expect((await post<ErrorBody>('/pm/v1/vulnerabilities', { qids: ['x'] })).body._error.errorCode).toBe(
        '9001',
      );
    });
  });

  describe('deployment jobs', () => {
    it('answers a job by id, its runs, and 404 envelopes for unknown ids', async () => {
      const job = started.sim.store().patchJobs[0];
      expect((await get(`/pm/v1/deploymentjob/${job?.id}`)).body).toEqual(job?.job);
      expect((await get(`/pm/v1/deploymentjob/${job?.id}/runs`)).body).toEqual(job?.runs);
      for (const path of [
        '/pm/v1/deploymentjob/00000000-0000-4000-8000-000000000000',
        '/pm/v1/deploymentjob/00000000-0000-4000-8000-000000000000/runs',
        '/pm/v1/deploymentjob/00000000-0000-4000-8000-000000000000/deploymentjobresult/summary',
        '/mtg/v1/deploymentjob/00000000-0000-4000-8000-000000000000',
      ]) {
        const response = await get<ErrorBody>(path);
        expect(response.status, path).toBe(404);
        expect(response.body._error).toMatchObject({ code: 404, errorCode: '9004' });
      }
    });

    it('answers summary items with progress counts, some as digit strings, and linkable jobs only', async () => {
      const store = started.sim.store();
      const summary = await get<Record<string, unknown>[]>(
        '/pm/v1/deploymentjobs/summary?platform=Windows&pageSize=1000',
      );
      expect(summary.body).toEqual(store.jobList('summary', 'Windows'));
      expect(
        summary.body.every((item) => 'completionPercent' in item && 'assetResultReceivedCount' in item),
      ).toBe(true);
      const linkable = await get<{ id: string }[]>(
        '/pm/v1/deploymentjobs/availableToLink?platform=Linux&pageSize=1000',
      );
      const linkableIds = new Set(linkable.body.map((item) => item.id));
      for (const job of store.patchJobs.filter((j) => j.platform === 'Linux')) {
        expect(linkableIds.has(job.id)).toBe(job.type === 'Install' && job.source.kind !== 'linked');
      }
    });

    it('answers the mitigation job by id', async () => {
      const job = started.sim.store().mitigationJobs[0];
      expect((await get(`/mtg/v1/deploymentjob/${job?.id}`)).body).toEqual(job?.job);
      expect((await get(`/pm/v1/deploymentjob/${job?.id}`)).status).toBe(404);
    });
  });

  describe('job result summary', () => {
    it('answers the latest run by default and a given run by jobInstanceId, by GET and POST', async () => {
      const store = started.sim.store();
      const job = store.patchJobs.find((j) => j.runs.length >= 2 && j.targetAssetIds.length >= 3);
      expect(job).toBeDefined();
      const base = `/pm/v1/deploymentjob/${job?.id}/deploymentjobresult/summary`;
      const latest = store.jobResult(job?.id ?? '', null);
      const firstRun = store.jobResult(job?.id ?? '', 1);
      expect(latest.kind === 'found' && firstRun.kind === 'found').toBe(true);
      if (latest.kind !== 'found' || firstRun.kind !== 'found') {
        return;
      }
      expect((await get(base)).body).toEqual(latest.result);
      expect((await get(`${base}?jobInstanceId=${job?.runs.length}`)).body).toEqual(latest.result);
      expect((await get(`${base}?jobInstanceId=1`)).body).toEqual(firstRun.result);
      expect((await post(base, { jobInstanceId: 1 })).body).toEqual(firstRun.result);
      expect((await post(base, {})).body).toEqual(latest.result);

      const paged = await post<{ assets: { asset: { name: string } }[] }>(base, {
        jobInstanceId: 1,
        pageSize: 2,
        sort: [{ 'asset.name': 'desc' }],
      });
      const names = (firstRun.result['assets'] as { asset: { name: string } }[]).map(
        (entry) => entry.asset.name,
      );
      const sortedDesc = [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? 1 : -1));
      expect(paged.body.assets.map((entry) => entry.asset.name)).toEqual(sortedDesc.slice(0, 2));

      const unknownRun = await get<ErrorBody>(`${base}?jobInstanceId=${(job?.runs.length ?? 0) + 1}`);
      expect(unknownRun.status).toBe(404);
      expect(unknownRun.body._error.message).toMatch(/^Run \d+ of deployment job/);
      expect((await get<ErrorBody>(`${base}?jobInstanceId=first`)).body._error.errorCode).toBe('9001');
    });

    it('answers a job without runs with its header and no assets', async () => {
      const job = started.sim.store().patchJobs.find((j) => j.runs.length === 0);
      const response = await get(`/pm/v1/deploymentjob/${job?.id}/deploymentjobresult/summary`);
      expect(response.body).toEqual({
        id: job?.id,
        name: job?.name,
        assetCount: 0,
        patchCount: job?.job['patchCount'] ?? 0,
        createdBy: job?.createdBy.name,
        createdOn: job?.createdOn,
        assets: [],
      });
    });

    it('reports statuses with string codes and arrays of the job patches', async () => {
      const store = started.sim.store();
      const statuses = new Set<string>();
      for (const job of store.patchJobs) {
        for (const run of job.runs) {
          const lookup = store.jobResult(job.id, run.jobInstanceId);
          if (lookup.kind === 'found') {
            for (const entry of lookup.result['assets'] as { status: string; statusCode: string }[]) {
              statuses.add(`${entry.status}/${entry.statusCode}`);
            }
          }
        }
      }
      expect(statuses).toContain('Completed/2036');
      expect(statuses).toContain('Job Failed/2046');
      expect([...statuses].every((s) => /^[A-Za-z -]+\/\d+$/.test(s))).toBe(true);
    });
  });

  it('answers unknown routes with 404 and wrong methods with 405 and Allow', async () => {
    const missing = await get<ErrorBody>('/pm/v2/whatever');
    expect(missing.status).toBe(404);
    expect(missing.body._error).toMatchObject({ code: 404, errorCode: '9005' });
    const wrong = await call<ErrorBody>(started.url, started.token, '/pm/v1/vulnerabilities', {
      method: 'GET',
    });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(wrong.body._error).toMatchObject({ code: 405, errorCode: '9006' });
    const assets = await call<ErrorBody>(started.url, started.token, '/pm/v1/assets', { method: 'DELETE' });
    expect(assets.headers.get('allow')).toBe('GET, POST');
  });
});
