import { describe, expect, it } from 'vitest';
import { generateFleet } from '../../src/simulator/fleet/generate-fleet.js';
import { formatIsoWithOffset, formatWallClock } from '../../src/simulator/fleet/wall-clock.js';
import {
  createSimulator,
  DEFAULT_FLEET_SIZES,
  FIRST_ASSET_ID,
  type SimulatorStore,
} from '../../src/simulator/index.js';
import { SMALL_FLEET } from './helpers.js';

const SIZES = { assets: 250, patches: 500, patchJobs: 50, mitigationJobs: 8 };

function snapshot(store: SimulatorStore): string {
  return JSON.stringify({
    assets: store.assets,
    patches: store.patches,
    vulnerabilities: store.vulnerabilities,
    jobs: store.patchJobs.map((job) => [job.job, job.listItem, job.summaryItem, job.linkItem, job.runs]),
    mitigationJobs: store.mitigationJobs.map((job) => job.job),
    results: store.patchJobs.slice(0, 15).map((job) => store.jobResult(job.id, null)),
  });
}

describe('simulator fleet', () => {
  it('is byte-identical for the same seed and differs for another seed or username', () => {
    const make = (seed: number, username = 'simulator') =>
      snapshot(
        createSimulator({
          seed,
          fleet: SIZES,
          tenants: [{ username, password: 'p', includeSeedSamples: false }],
        }).store(),
      );
    const first = make(7);
    expect(make(7)).toBe(first);
    expect(make(8)).not.toBe(first);
    expect(make(7, 'other')).not.toBe(first);
  });

  it('has the default sizes: 2000 assets, 5000 patches, 200 patch jobs, 40 mitigation jobs', () => {
    expect(DEFAULT_FLEET_SIZES).toEqual({ assets: 2000, patches: 5000, patchJobs: 200, mitigationJobs: 40 });
    const fleet = generateFleet({
      seed: 1,
      username: 'simulator',
      sizes: DEFAULT_FLEET_SIZES,
      customerId: 'c',
    });
    expect(fleet.assets).toHaveLength(2000);
    expect(fleet.patches).toHaveLength(5000);
    expect(fleet.patchJobs).toHaveLength(200);
    expect(fleet.mitigationJobs).toHaveLength(40);
    const windowsShare = fleet.assets.filter((asset) => asset.platform === 'Windows').length / 2000;
    expect(windowsShare).toBeGreaterThan(0.55);
    expect(windowsShare).toBeLessThan(0.65);
  });

  it('generates assets with numeric ids from 40000000, UUIDs and consistent patch counts', () => {
    const store = createSimulator({
      fleet: SIZES,
      tenants: [{ username: 'u', password: 'p', includeSeedSamples: false }],
    }).store();
    expect(store.assets.map((asset) => asset.assetId)).toEqual(
      Array.from({ length: 250 }, (_, i) => FIRST_ASSET_ID + i),
    );
    const problems: string[] = [];
    for (const asset of store.assets) {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(asset.id)) {
        problems.push(`${asset.assetId}: id ${asset.id}`);
      }
      const missing = new Set(asset.missingPatches.map((patch) => patch.id));
      if (asset.installedPatches.some((id) => missing.has(id))) {
        problems.push(`${asset.assetId}: a patch both installed and missing`);
      }
      if (
        [...missing, ...asset.installedPatches].some((id) => store.patch(id)?.platform !== asset.platform)
      ) {
        problems.push(`${asset.assetId}: a patch of another platform`);
      }
    }
    expect(problems).toEqual([]);
    const missingCounts = new Map<string, number>();
    const installedCounts = new Map<string, number>();
    for (const asset of store.assets) {
      for (const { id } of asset.missingPatches) {
        missingCounts.set(id, (missingCounts.get(id) ?? 0) + 1);
      }
      for (const id of asset.installedPatches) {
        installedCounts.set(id, (installedCounts.get(id) ?? 0) + 1);
      }
    }
    for (const patch of store.patches) {
      expect(patch.missingCount).toBe(missingCounts.get(patch.id) ?? 0);
      expect(patch.installedCount).toBe(installedCounts.get(patch.id) ?? 0);
    }
  });

  it('builds Windows supersedence chains of 1 to 4 and leaves Linux without supersedence', () => {
    const store = createSimulator({
      fleet: SIZES,
      tenants: [{ username: 'u', password: 'p', includeSeedSamples: false }],
    }).store();
    for (const patch of store.patches) {
      expect(patch.qid.every((qid) => /^\d+$/.test(qid))).toBe(true);
      if (patch.platform === 'Linux') {
        expect(patch.isSuperseded).toBeNull();
        expect(patch.supersedes).toEqual([]);
        expect(patch.supersededBy).toEqual([]);
        continue;
      }
      expect(patch.supersedes.length + patch.supersededBy.length).toBeLessThanOrEqual(3);
      expect(patch.isSuperseded).toBe(patch.supersededBy.length > 0);
      for (const newer of patch.supersededBy) {
        expect(store.patch(newer)?.supersedes).toContain(patch.id);
      }
      for (const qid of patch.qid) {
        expect(store.vulnerability(Number(qid))).toBeDefined();
      }
    }
  });

  it('generates jobs whose list items, summaries and results agree with the full job', () => {
    const store = createSimulator({
      fleet: SIZES,
      tenants: [{ username: 'u', password: 'p', includeSeedSamples: false }],
    }).store();
    const kinds = new Set(store.patchJobs.map((job) => job.source.kind));
    expect(kinds).toEqual(new Set(['explicit', 'qql', 'linked']));
    expect(new Set(store.patchJobs.map((job) => job.job['scheduleType']))).toEqual(
      new Set(['On-demand', 'Once', 'Daily', 'Weekly', 'Monthly']),
    );
    expect(new Set(store.patchJobs.map((job) => job.job['status']))).toEqual(
      new Set(['Enabled', 'Disabled', 'Prepared', 'Assets Responded']),
    );
    expect(store.patchJobs.some((job) => typeof job.summaryItem['completionPercent'] === 'string')).toBe(
      true,
    );
    for (const job of store.patchJobs) {
      expect(job.job['startDateTime']).toMatch(/^\d{4}-\d{1,2}-\d{2} \d{2}:\d{2}:\d{2} (AM|PM)$/);
      expect(job.listItem['id']).toBe(job.id);
      expect(job.listItem['patches']).toEqual(
        job.source.kind === 'explicit'
          ? job.source.patchIds.map((id) => ({ id, title: store.patch(id)?.title }))
          : null,
      );
      expect(job.job['approvedPatches']).toEqual(job.source.kind === 'explicit' ? job.source.patchIds : null);
      expect(job.runs.map((run) => run.jobInstanceId)).toEqual(job.runs.map((_, i) => i + 1));
      expect(job.runs.length).toBeLessThanOrEqual(5);
      for (const run of job.runs) {
        expect(run.scheduledDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      }
      const lookup = store.jobResult(job.id, null);
      expect(lookup.kind).toBe('found');
      if (lookup.kind !== 'found' || job.runs.length === 0) {
        continue;
      }
      const assets = lookup.result['assets'] as Record<string, unknown>[];
      expect(assets.map((entry) => (entry['asset'] as { id: string }).id)).toEqual(job.targetAssetIds);
      for (const entry of assets) {
        const asset = entry['asset'] as Record<string, unknown>;
        const deployable = new Set(store.jobPatchIds(job.id, asset['id'] as string));
        for (const [list, count] of [
          ['installed', 'installedPatches'],
          ['failed', 'failedPatches'],
          ['superseded', 'supersededPatches'],
          ['notApplicable', 'notApplicablePatches'],
          ['success', 'successPatches'],
        ] as const) {
          const ids = (entry[list] as string[] | null) ?? [];
          expect(asset[count]).toBe(ids.length);
          expect(ids.every((id) => deployable.has(id))).toBe(true);
        }
        expect(typeof entry['statusCode']).toBe('string');
      }
    }
  });

  it('generates mitigation jobs with Apply Mitigation actions per QID', () => {
    const store = createSimulator({
      fleet: SMALL_FLEET,
      tenants: [{ username: 'u', password: 'p', includeSeedSamples: false }],
    }).store();
    for (const job of store.mitigationJobs) {
      const actions = job.job['preDeployActions'] as { action: string; params: { qid: number } }[];
      expect(actions.map((action) => action.params.qid)).toEqual(job.qids);
      expect(actions.every((action) => action.action === 'Apply Mitigation')).toBe(true);
      expect(job.job).toMatchObject({ subCategory: 'Mitigation', jobCategory: 3 });
      expect(['On-demand', 'Once']).toContain(job.job['scheduleType']);
      for (const qid of job.qids) {
        expect(store.vulnerability(qid)).toBeDefined();
      }
    }
  });

  it('formats Qualys wall-clock and ISO-8601 times in the job time zone', () => {
    const instant = Date.UTC(2025, 2, 19, 4, 59, 17, 500);
    expect(formatWallClock(instant, 'UTC')).toBe('2025-3-19 04:59:17 AM');
    expect(formatWallClock(instant, null)).toBe('2025-3-19 04:59:17 AM');
    expect(formatWallClock(Date.UTC(2022, 4, 3, 14, 54, 49), 'UTC')).toBe('2022-5-03 02:54:49 PM');
    expect(formatWallClock(Date.UTC(2025, 0, 1, 0, 5), 'UTC')).toBe('2025-1-01 12:05:00 AM');
    expect(formatIsoWithOffset(instant, 'Asia/Kolkata')).toBe('2025-03-19T10:29:17+05:30');
    expect(formatIsoWithOffset(instant, 'America/New_York')).toBe('2025-03-19T00:59:17-04:00');
    expect(formatIsoWithOffset(Date.UTC(2025, 0, 15), 'America/New_York')).toBe('2025-01-14T19:00:00-05:00');
  });
});
