import { describe, expect, it } from 'vitest';
import { QualysAssetSchema } from '../../src/qualys/schemas/index.js';
import { createFakeQualysApi } from '../loaders/fake-qualys-api.js';
import { catalogPatch, dashboardData, jobDetailData, MTG_JOB_ID, mitigationData, uuid } from './fixtures.js';
import { run } from './helpers.js';

describe('upstream call counts of named operations', () => {
  it('dashboard: 50 jobs with assets, patches and latest results = 1 list + 50 results + 1 catalog call', async () => {
    const fake = createFakeQualysApi(dashboardData(50));
    const result = await run(
      fake,
      /* GraphQL */ `
        query Dashboard {
          patchJobs(platform: WINDOWS, first: 50) {
            nodes {
              id
              name
              status
              completionPercent
              assets { id name }
              approvedPatches { id title vendorSeverity }
              latestResult {
                assetResults {
                  asset { id name }
                  installedPatches { id title }
                  failedPatches { id title }
                }
              }
            }
            pageInfo { hasNextPage endCursor }
          }
        }
      `,
    );
    expect(result.errors).toBeUndefined();
    const data = result.data as {
      patchJobs: {
        nodes: {
          assets: { name: string }[];
          approvedPatches: { title: string; vendorSeverity: string }[];
          latestResult: { assetResults: { asset: { name: string }; failedPatches: { title: string }[] }[] };
        }[];
        pageInfo: { hasNextPage: boolean };
      };
    };
    expect(data.patchJobs.nodes).toHaveLength(50);
    expect(data.patchJobs.nodes[0]?.assets[1]?.name).toBe('host-0-1');
    expect(data.patchJobs.nodes[0]?.approvedPatches[2]).toEqual({
      id: uuid('9a7c4', 2),
      title: 'KB02',
      vendorSeverity: 'CRITICAL',
    });
    expect(data.patchJobs.nodes[3]?.latestResult.assetResults[0]?.failedPatches[0]?.title).toBe('KB32');
    expect(data.patchJobs.pageInfo.hasNextPage).toBe(true);

    expect(fake.count('listDeploymentJobs')).toBe(1);
    expect(fake.callsOf('listDeploymentJobs')[0]?.args[0]).toMatchObject({
      platform: 'Windows',
      pageNumber: 0,
      pageSize: 50,
    });
    expect(fake.count('getDeploymentJobResultSummary')).toBe(50);
    expect(
      fake.callsOf('getCatalogPatches').map((c) => (c.args[0] as { patchUuids: string[] }).patchUuids.length),
    ).toEqual([150]);
    expect(fake.count()).toBe(52);
  });

  it('job detail: job + linked job + assets + patches + runs + 2 results = 7 calls (latest primes its run)', async () => {
    const fake = createFakeQualysApi(jobDetailData());
    const result = await run(
      fake,
      /* GraphQL */ `
        query JobDetail($id: ID!) {
          patchJob(id: $id) {
            name
            platform
            description
            schedule { type startDateTime timezone }
            createdBy { name fullName }
            coAuthors { id }
            assets { id name status }
            approvedPatches { id title kb vendorSeverity }
            linkedJob { id name }
            rebootSettings { suppressReboots countdown { value unit } }
            runs { jobInstanceId scheduledAt result { jobInstanceId assetCount } }
            latestResult {
              jobInstanceId
              job { id name }
              assetResults { asset { id name } status statusLabel installedPatches { title } }
            }
          }
        }
      `,
      { id: uuid('10b', 900) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      patchJob: {
        platform: 'WINDOWS',
        description: null,
        assets: [
          { id: uuid('a55e7', 900), name: 'detail-host-0', status: 'Failed' },
          { id: uuid('a55e7', 901), name: 'detail-host-1', status: 'Failed' },
        ],
        linkedJob: { id: uuid('10b', 901), name: 'Source job' },
        rebootSettings: { suppressReboots: false, countdown: { value: 15, unit: 'MINUTES' } },
        runs: [
          {
            jobInstanceId: 1,
            scheduledAt: '2025-03-21T10:00:00.000Z',
            result: { jobInstanceId: 1, assetCount: 2 },
          },
          {
            jobInstanceId: 2,
            scheduledAt: '2025-03-22T10:00:00.000Z',
            result: { jobInstanceId: 2, assetCount: 2 },
          },
        ],
        latestResult: { jobInstanceId: 2, job: { name: 'Detail job' } },
      },
    });
    expect(fake.calls.map((c) => c.method).sort()).toEqual(
      [
        'getCatalogPatches',
        'getDeploymentJob',
        'getDeploymentJob',
        'getDeploymentJobResultSummary',
        'getDeploymentJobResultSummary',
        'listAssets',
        'listDeploymentJobRuns',
      ].sort(),
    );
    expect(fake.callsOf('getDeploymentJobResultSummary').map((c) => c.args)).toEqual([
      [uuid('10b', 900)],
      [uuid('10b', 900), { jobInstanceId: 1 }],
    ]);
  });

  it('patch with supersedes two levels deep = 3 catalog calls (one per level)', async () => {
    const p = (n: number) => uuid('9a7c4', n);
    const catalog = [
      catalogPatch(p(0), 'Windows', { supersedes: [p(1), p(2)] }),
      catalogPatch(p(1), 'Windows', { supersedes: [p(3)] }),
      catalogPatch(p(2), 'Windows', { supersedes: [p(3), p(4)] }),
      catalogPatch(p(3), 'Windows'),
      catalogPatch(p(4), 'Windows'),
    ];
    const fake = createFakeQualysApi({ catalog: { Windows: catalog } });
    const result = await run(
      fake,
      /* GraphQL */ `
        query Supersedes($id: ID!) {
          patch(id: $id, platform: WINDOWS) {
            title
            supersedes { id title supersedes { id title platform } }
          }
        }
      `,
      { id: p(0) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      patch: {
        supersedes: [
          { id: p(1), supersedes: [{ id: p(3), platform: 'WINDOWS' }] },
          { id: p(2), supersedes: [{ id: p(3) }, { id: p(4) }] },
        ],
      },
    });
    expect(
      fake.callsOf('getCatalogPatches').map((c) => (c.args[0] as { patchUuids: string[] }).patchUuids),
    ).toEqual([[p(0)], [p(1), p(2)], [p(3), p(4)]]);
  });

  it('a patch without platform is looked up on Windows and Linux in the same tick', async () => {
    const id = uuid('9a7c4', 77);
    const fake = createFakeQualysApi({
      catalog: { Linux: [catalogPatch(id, 'Linux', { title: 'openssl' })] },
    });
    const result = await run(fake, `query($id: ID!) { patch(id: $id) { title platform missingCount } }`, {
      id,
    });
    expect(result.data).toEqual({ patch: { title: 'openssl', platform: 'LINUX', missingCount: null } });
    expect(
      fake.callsOf('getCatalogPatches').map((c) => (c.args[0] as { platform: string }).platform),
    ).toEqual(['Windows', 'Linux']);
  });

  it('assetsByAssetId with 2,500 ids asking id and assetId = exactly 3 mapping calls', async () => {
    const assetUuids = new Map<number, string>();
    for (let i = 0; i < 2500; i += 1) if (i % 10 !== 9) assetUuids.set(100000 + i, uuid('a55e7', i));
    const fake = createFakeQualysApi({ assetUuids });
    const assetIds = Array.from({ length: 2500 }, (_, i) => 102499 - i);
    const result = await run(
      fake,
      `query($ids: [Int!]!) { assetsByAssetId(assetIds: $ids) { mapped { id assetId } unmappedAssetIds } }`,
      { ids: assetIds },
    );
    expect(result.errors).toBeUndefined();
    const data = result.data as {
      assetsByAssetId: { mapped: { id: string; assetId: number }[]; unmappedAssetIds: number[] };
    };
    expect(data.assetsByAssetId.mapped).toHaveLength(2250);
    expect(data.assetsByAssetId.mapped.map((m) => m.assetId)).toEqual(assetIds.filter((id) => id % 10 !== 9));
    expect(data.assetsByAssetId.mapped[0]).toEqual({ id: uuid('a55e7', 2498), assetId: 102498 });
    expect(data.assetsByAssetId.unmappedAssetIds.slice(0, 2)).toEqual([102499, 102489]);
    expect(data.assetsByAssetId.unmappedAssetIds).toHaveLength(250);
    expect(fake.count()).toBe(3);
  });

  it('assetsByAssetId loads the asset (both platforms) only for fields the mapping lacks', async () => {
    const id = uuid('a55e7', 1);
    const fake = createFakeQualysApi({
      assetUuids: new Map([[5, id]]),
      assets: { Linux: [QualysAssetSchema.parse({ id, name: 'web-1', platform: 'Linux' })] },
    });
    const result = await run(
      fake,
      `{ assetsByAssetId(assetIds: [5, 5]) { mapped { id assetId name platform } } }`,
    );
    expect(result.data).toEqual({
      assetsByAssetId: { mapped: [{ id, assetId: 5, name: 'web-1', platform: 'LINUX' }] },
    });
    expect(fake.calls.map((c) => [c.method, (c.args[0] as { platform?: string }).platform])).toEqual([
      ['mapAssetIdsToUuids', undefined],
      ['listAssets', 'Windows'],
      ['listAssets', 'Linux'],
    ]);
  });

  it('mitigation job with actions and their vulnerabilities = 1 job call + 1 QID call', async () => {
    const fake = createFakeQualysApi(mitigationData());
    const result = await run(
      fake,
      /* GraphQL */ `
        query Mitigation($id: ID!) {
          mitigationJob(id: $id) {
            name
            status
            qids
            vulnerabilities { qid title }
            actions {
              __typename
              id
              action
              qid
              qidTitle
              mitigationCategory
              timeoutSeconds
              vulnerability { qid title cves severity vulnType }
              mitigations { id type cves scriptId }
            }
          }
        }
      `,
      { id: MTG_JOB_ID },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      mitigationJob: {
        status: 'ASSETS_RESPONDED',
        qids: [90007, 90043],
        vulnerabilities: [{ qid: 90007 }, { qid: 90043 }],
        actions: [
          {
            __typename: 'MitigationAction',
            qid: 90007,
            timeoutSeconds: 180,
            vulnerability: { qid: 90007, cves: [], vulnType: 'VULNERABILITY' },
            mitigations: [{ type: 'Registry Update', scriptId: '263935419' }],
          },
          { qid: 90043, vulnerability: { title: 'SMB Signing Disabled', vulnType: 'POTENTIAL' } },
        ],
      },
    });
    expect(fake.calls.map((c) => c.method)).toEqual(['getMitigationJob', 'getVulnerabilities']);
    expect(fake.callsOf('getVulnerabilities')[0]?.args[0]).toEqual([90007, 90043]);
  });
});
