import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AssetsByAssetIdDocument,
  DashboardDocument,
  JobDetailDocument,
  MitigationJobDetailDocument,
  PatchSupersedenceDocument,
} from '../../schema/generated/graphql.js';
import { FIRST_ASSET_ID } from '../../src/simulator/index.js';
import { type Harness, startHarness } from '../helpers/harness.js';

/**
 * The named operations of schema/operations/ against the simulator's default fleet, each making
 * exactly the minimum number of upstream calls of docs/architecture.md §3.3, read from the simulator's
 * request log.
 */
describe('named operations: upstream calls', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetCalls());

  const chunks = (n: number, size: number) => Math.ceil(n / size);

  it('Dashboard (50 jobs): 1 list call, 1 result call per job, catalog calls only for patch details not held', async () => {
    const result = await h.execute(DashboardDocument, { platform: 'WINDOWS', first: 50 });
    expect(result.errors).toBeUndefined();
    const jobs = result.data?.patchJobs.nodes ?? [];
    expect(jobs).toHaveLength(50);

    // Result patches come as bare UUIDs: their title/kb need the catalog, all of them at once.
    const resultPatchIds = new Set<string>();
    for (const job of jobs) {
      for (const r of job.latestResult?.assetResults ?? []) {
        for (const p of [...r.installedPatches, ...r.failedPatches]) resultPatchIds.add(p.id);
      }
    }
    expect(resultPatchIds.size).toBeGreaterThan(0);

    // The job list names its assets; where it sends `name: null` (the seed 000 sample does), the
    // names load with one asset call per 400 assets.
    const listItems = h.simulator.store().jobList('list', 'Windows').slice(0, 50);
    const unnamedAssets = new Set(
      listItems.flatMap((item) =>
        ((item['assets'] as Array<{ id: string; name: string | null }> | null) ?? [])
          .filter((a) => a.name === null)
          .map((a) => a.id),
      ),
    );
    expect(h.callCounts()).toEqual({
      'GET /pm/v1/deploymentjobs': 1,
      'GET /pm/v1/deploymentjob/{id}/deploymentjobresult/summary': 50,
      'POST /pm/v1/patchcatalog/patches': chunks(resultPatchIds.size, 1000),
      ...(unnamedAssets.size > 0 ? { 'POST /pm/v1/assets': chunks(unnamedAssets.size, 400) } : {}),
    });
    const catalogCalls = h.calls().filter((c) => c.path === '/pm/v1/patchcatalog/patches');
    const asked = catalogCalls.flatMap((c) => (c.body as { patchUuid: string[] }).patchUuid);
    expect(new Set(asked)).toEqual(resultPatchIds);
    expect(asked).toHaveLength(resultPatchIds.size); // no id asked twice
    // Approved patches and asset names came with the job list and the results: no call for them.
    expect(
      jobs.some((j) => (j.approvedPatches?.length ?? 0) > 0 && j.approvedPatches?.every((p) => p.title)),
    ).toBe(true);
  });

  it('JobDetail: the job, its linked job, one asset page, one catalog call, the runs, one result per run', async () => {
    const store = h.simulator.store();
    const job = store.patchJobs.find(
      (j) =>
        j.source.kind === 'explicit' &&
        j.platform === 'Windows' &&
        j.runs.length >= 2 &&
        ((j.job['assetIds'] as string[] | null) ?? []).length > 0,
    );
    expect(job).toBeDefined();
    if (!job) return;
    const result = await h.execute(JobDetailDocument, { id: job.id });
    expect(result.errors).toBeUndefined();
    const detail = result.data?.patchJob;
    expect(detail?.id).toBe(job.id);
    const assetIds = (job.job['assetIds'] as string[] | null) ?? [];
    const approved = (job.job['approvedPatches'] as string[] | null) ?? [];
    expect(detail?.assets?.map((a) => a.id)).toEqual(assetIds);
    expect(detail?.assets?.every((a) => a.operatingSystem !== null)).toBe(true);
    expect(detail?.approvedPatches?.map((p) => p.id)).toEqual(approved);
    expect(detail?.runs?.map((r) => r.jobInstanceId)).toEqual(job.runs.map((r) => r.jobInstanceId));

    expect(h.callCounts()).toEqual({
      'GET /pm/v1/deploymentjob/{id}': 1,
      'POST /pm/v1/assets': chunks(assetIds.length, 400),
      ...(approved.length > 0 ? { 'POST /pm/v1/patchcatalog/patches': chunks(approved.length, 1000) } : {}),
      'GET /pm/v1/deploymentjob/{id}/runs': 1,
      'GET /pm/v1/deploymentjob/{id}/deploymentjobresult/summary': job.runs.length,
    });
  });

  it('JobDetail of a linked job also loads the job it takes its patches from, once', async () => {
    const store = h.simulator.store();
    const job = store.patchJobs.find((j) => j.source.kind === 'linked');
    expect(job).toBeDefined();
    if (job?.source.kind !== 'linked') return;
    const result = await h.execute(JobDetailDocument, { id: job.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.patchJob?.linkedJob?.id).toBe(job.source.jobId);
    expect(result.data?.patchJob?.linkedJob?.name).toBe(store.patchJob(job.source.jobId)?.['name']);
    expect(h.callCounts()['GET /pm/v1/deploymentjob/{id}']).toBe(2);
  });

  it('PatchSupersedence two levels deep: one catalog call per level', async () => {
    const store = h.simulator.store();
    const byId = new Map(store.patches.map((p) => [p.id, p]));
    // A Windows patch with supersedence on both sides, two levels down.
    const patch = store.patches.find(
      (p) =>
        p.supersedes.some((id) => (byId.get(id)?.supersedes.length ?? 0) > 0) &&
        p.supersededBy.length > 0 &&
        !p.id.startsWith('0536aeee'),
    );
    expect(patch).toBeDefined();
    if (!patch) return;
    const result = await h.execute(PatchSupersedenceDocument, { id: patch.id, platform: 'WINDOWS' });
    expect(result.errors).toBeUndefined();
    const data = result.data?.patch;
    expect(data?.supersedes?.map((p) => p.id)).toEqual(patch.supersedes);
    expect(data?.supersededBy?.map((p) => p.id)).toEqual(patch.supersededBy);
    for (const child of data?.supersedes ?? []) {
      expect(child.supersedes?.map((p) => p.id)).toEqual(byId.get(child.id)?.supersedes);
      expect(child.title).toBe(byId.get(child.id)?.title);
    }
    const level1 = new Set([...patch.supersedes, ...patch.supersededBy]);
    const level2 = new Set(
      [
        ...patch.supersedes.flatMap((id) => byId.get(id)?.supersedes ?? []),
        ...patch.supersededBy.flatMap((id) => byId.get(id)?.supersededBy ?? []),
      ].filter((id) => !level1.has(id) && id !== patch.id),
    );
    expect(h.callCounts()).toEqual({ 'POST /pm/v1/patchcatalog/patches': 1 + 1 + (level2.size > 0 ? 1 : 0) });
  });

  it('AssetsByAssetId with 2,500 ids: exactly 3 mapping calls (1,000 per call), order kept', async () => {
    const assetIds = Array.from({ length: 2500 }, (_, i) => FIRST_ASSET_ID + i);
    const result = await h.execute(AssetsByAssetIdDocument, { assetIds });
    expect(result.errors).toBeUndefined();
    const store = h.simulator.store();
    const expected = assetIds.flatMap((id) => {
      const a = store.assetByAssetId(id);
      return a ? [{ id: a.id, assetId: id }] : [];
    });
    expect(result.data?.assetsByAssetId.mapped).toEqual(expected);
    expect(result.data?.assetsByAssetId.unmappedAssetIds).toEqual(
      assetIds.filter((id) => !store.assetByAssetId(id)),
    );
    expect(h.callCounts()).toEqual({ 'POST /pm/v1/assets/uuids': 3 });
    expect(h.calls().map((c) => (c.body as number[]).length)).toEqual([1000, 1000, 500]);
  });

  it('MitigationJobDetail: one job call and one QID call', async () => {
    const job = h.simulator.store().mitigationJobs[0];
    expect(job).toBeDefined();
    if (!job) return;
    const result = await h.execute(MitigationJobDetailDocument, { id: job.id });
    expect(result.errors).toBeUndefined();
    const data = result.data?.mitigationJob;
    expect(data?.qids).toEqual([...job.qids]);
    expect(data?.actions?.map((a) => a.qid)).toEqual([...job.qids]);
    expect(data?.actions?.every((a) => a.vulnerability?.qid === a.qid && a.vulnerability.title)).toBe(true);
    expect(h.callCounts()).toEqual({ 'GET /mtg/v1/deploymentjob/{id}': 1, 'POST /pm/v1/vulnerabilities': 1 });
  });
});
