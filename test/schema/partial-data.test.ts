import type { ExecutionResult } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { QualysHttpError, QualysRateLimitedError } from '../../src/qualys/errors.js';
import { QualysDeploymentJobSchema } from '../../src/qualys/schemas/index.js';
import { createFakeQualysApi, type FakeCall } from '../loaders/fake-qualys-api.js';
import {
  catalogPatch,
  dashboardData,
  fullJobWire,
  jobDetailData,
  MTG_JOB_ID,
  mitigationData,
  uuid,
} from './fixtures.js';
import { run } from './helpers.js';

describe('partial data', () => {
  it('a failed result summary nulls only that latestResult, with the error at its path', async () => {
    const fake = createFakeQualysApi(dashboardData(3));
    const failing = uuid('10b', 1);
    fake.failWhen((call) =>
      call.method === 'getDeploymentJobResultSummary' && call.args[0] === failing
        ? new QualysHttpError('Qualys answered 502', { endpoint: 'GET x', status: 502 })
        : undefined,
    );
    const result = await run(
      fake,
      `{ patchJobs(platform: WINDOWS, first: 3) { nodes { id name latestResult { assetCount } } } }`,
    );
    const data = result.data as {
      patchJobs: { nodes: { id: string; name: string; latestResult: unknown }[] };
    };
    expect(data.patchJobs.nodes.map((n) => n.latestResult)).toEqual([
      { assetCount: 2 },
      null,
      { assetCount: 2 },
    ]);
    expect(data.patchJobs.nodes[1]?.name).toBe('Job 0001');
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.path).toEqual(['patchJobs', 'nodes', 1, 'latestResult']);
    expect(result.errors?.[0]?.originalError).toMatchObject({ code: 'QUALYS_HTTP_STATUS' });
  });

  it('a failed catalog call nulls the patch fields that needed it, with one error per field', async () => {
    const fake = createFakeQualysApi(dashboardData(1));
    fake.failWhen((call) =>
      call.method === 'getCatalogPatches'
        ? new QualysRateLimitedError('throttled', { endpoint: 'x', status: 429 })
        : undefined,
    );
    const result = await run(
      fake,
      `{ patchJobs(platform: WINDOWS) { nodes { name approvedPatches { id title vendorSeverity } } } }`,
    );
    expect(result.data).toEqual({
      patchJobs: {
        nodes: [
          {
            name: 'Job 0000',
            approvedPatches: [0, 1, 2].map((k) => ({
              id: uuid('9a7c4', k),
              title: `KB0${k}`,
              vendorSeverity: null,
            })),
          },
        ],
      },
    });
    expect(result.errors?.map((e) => e.path)).toEqual(
      [0, 1, 2].map((k) => ['patchJobs', 'nodes', 0, 'approvedPatches', k, 'vendorSeverity']),
    );
  });

  it('single-object root fields answer null, without an error, for unknown ids', async () => {
    const fake = createFakeQualysApi(jobDetailData());
    const result = await run(
      fake,
      `{
        patchJob(id: "00000000-dead") { id }
        mitigationJob(id: "00000000-dead") { id }
        patch(id: "00000000-dead") { id }
        asset(id: "00000000-dead", platform: WINDOWS) { id }
        jobResult(jobId: "00000000-dead") { assetCount }
      }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      patchJob: null,
      mitigationJob: null,
      patch: null,
      asset: null,
      jobResult: null,
    });
  });

  it('other upstream failures of root fields are errors carrying the QualysError', async () => {
    const fake = createFakeQualysApi(jobDetailData());
    fake.failWhen(() => new QualysHttpError('Qualys answered 500', { endpoint: 'x', status: 500 }));
    const result = await run(fake, `{ patchJob(id: "${uuid('10b', 900)}") { id } }`);
    expect(result.data).toEqual({ patchJob: null });
    expect(result.errors?.[0]?.originalError).toMatchObject({ code: 'QUALYS_HTTP_STATUS' });
  });
});

/** A 502 from Qualys, as the client reports it. */
function badGateway(endpoint: string): QualysHttpError {
  return new QualysHttpError('Qualys answered 502', { endpoint, status: 502 });
}

/** The value at an error `path`, failing when an ancestor on the way is null (a null that propagated). */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const [i, key] of path.entries()) {
    if (value === null || typeof value !== 'object') {
      throw new Error(`null propagated to ${JSON.stringify(path.slice(0, i))} from ${JSON.stringify(path)}`);
    }
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/**
 * Asserts the errors sit exactly at `paths` (in any order), each with the QualysError `code`,
 * and that each of those fields is null while every field above it kept its value.
 */
function expectFailedFieldsAt(result: ExecutionResult, paths: (string | number)[][], code: string): void {
  expect(result.data).not.toBeNull();
  const errors = result.errors ?? [];
  const byPath = (a: readonly unknown[], b: readonly unknown[]) =>
    JSON.stringify(a).localeCompare(JSON.stringify(b));
  expect(errors.map((e) => [...(e.path ?? [])]).sort(byPath)).toEqual([...paths].sort(byPath));
  for (const error of errors) {
    expect(error.originalError).toMatchObject({ code });
    expect(valueAt(result.data, error.path ?? [])).toBeNull();
  }
}

const DASHBOARD = /* GraphQL */ `
  query Dashboard {
    patchJobs(platform: WINDOWS, first: 3) {
      nodes {
        id
        name
        approvedPatches { id title cves vendorSeverity }
        latestResult {
          assetResults {
            asset { id name operatingSystem }
            installedPatches { id title kb }
          }
        }
      }
    }
  }
`;

const OS = 'Windows Microsoft Windows 10 Pro 10.0.17134 Build 17134';

/** The dashboard answer for job `j` of `dashboardData`, with the catalog fields as given. */
function dashboardNode(
  j: number,
  catalog: {
    cves: string[] | null;
    vendorSeverity: string | null;
    title: (k: number) => string | null;
    kb: string | null;
  },
) {
  return {
    id: uuid('10b', j),
    name: `Job ${uuid('10b', j).slice(-4)}`,
    approvedPatches: [0, 1, 2].map((k) => ({
      id: uuid('9a7c4', j * 10 + k),
      title: `KB${j}${k}`,
      cves: catalog.cves,
      vendorSeverity: catalog.vendorSeverity,
    })),
    latestResult: {
      assetResults: [0, 1].map((a) => ({
        asset: { id: uuid('a55e7', j * 10 + a), name: `host-${j}-${a}`, operatingSystem: OS },
        installedPatches: [0, 1].map((k) => ({
          id: uuid('9a7c4', j * 10 + k),
          title: catalog.title(j * 10 + k),
          kb: catalog.kb,
        })),
      })),
    },
  };
}

describe('partial data under linked fields (one failed upstream call never nulls the root field)', () => {
  it('dashboard with the catalog call failing: catalog fields are null, every job and free field stays', async () => {
    const fake = createFakeQualysApi(dashboardData(3));
    fake.failWhen((call) =>
      call.method === 'getCatalogPatches'
        ? new QualysRateLimitedError('throttled', { endpoint: 'x', status: 429 })
        : undefined,
    );
    const result = await run(fake, DASHBOARD);
    const failed = { cves: null, vendorSeverity: null, title: () => null, kb: null };
    expect(result.data).toEqual({ patchJobs: { nodes: [0, 1, 2].map((j) => dashboardNode(j, failed)) } });
    const node = (j: number) => ['patchJobs', 'nodes', j];
    expectFailedFieldsAt(
      result,
      [0, 1, 2].flatMap((j) => [
        ...[0, 1, 2].flatMap((k) =>
          ['cves', 'vendorSeverity'].map((f) => [...node(j), 'approvedPatches', k, f]),
        ),
        ...[0, 1].flatMap((a) =>
          [0, 1].flatMap((k) =>
            ['title', 'kb'].map((f) => [
              ...node(j),
              'latestResult',
              'assetResults',
              a,
              'installedPatches',
              k,
              f,
            ]),
          ),
        ),
      ]),
      'QUALYS_RATE_LIMITED',
    );
  });

  it("dashboard with one job's result summary failing: only that latestResult is null", async () => {
    const fake = createFakeQualysApi(dashboardData(3));
    fake.failWhen((call) =>
      call.method === 'getDeploymentJobResultSummary' && call.args[0] === uuid('10b', 1)
        ? badGateway('GET /pm/v1/deploymentjob/{id}/deploymentjobresult/summary')
        : undefined,
    );
    const result = await run(fake, DASHBOARD);
    const ok = {
      cves: [],
      vendorSeverity: 'CRITICAL',
      title: (n: number) => `KB${Math.floor(n / 10)}${n % 10}`,
      kb: null,
    };
    expect(result.data).toEqual({
      patchJobs: {
        nodes: [dashboardNode(0, ok), { ...dashboardNode(1, ok), latestResult: null }, dashboardNode(2, ok)],
      },
    });
    expectFailedFieldsAt(result, [['patchJobs', 'nodes', 1, 'latestResult']], 'QUALYS_HTTP_STATUS');
    expect(fake.count('getDeploymentJobResultSummary')).toBe(3);
  });

  it('job detail with the asset page call failing: asset fields are null, the job and its ids stay', async () => {
    const fake = createFakeQualysApi(jobDetailData());
    fake.failWhen((call) => (call.method === 'listAssets' ? badGateway('POST /pm/v1/assets') : undefined));
    const result = await run(
      fake,
      `query($id: ID!) { patchJob(id: $id) { name assets { id operatingSystem tags { id } } approvedPatches { id title } } }`,
      { id: uuid('10b', 900) },
    );
    expect(result.data).toEqual({
      patchJob: {
        name: 'Job 0900',
        assets: [900, 901].map((n) => ({ id: uuid('a55e7', n), operatingSystem: null, tags: null })),
        approvedPatches: [900, 901].map((n) => ({ id: uuid('9a7c4', n), title: `Patch 0${String(n)}` })),
      },
    });
    expectFailedFieldsAt(
      result,
      [0, 1].flatMap((i) => [
        ['patchJob', 'assets', i, 'operatingSystem'],
        ['patchJob', 'assets', i, 'tags'],
      ]),
      'QUALYS_HTTP_STATUS',
    );
    expect(fake.count('listAssets')).toBe(1);
  });

  it('mitigation job with the QID call failing: vulnerabilities are null, the actions stay', async () => {
    const fake = createFakeQualysApi(mitigationData());
    fake.failWhen((call) =>
      call.method === 'getVulnerabilities' ? badGateway('POST /pm/v1/vulnerabilities') : undefined,
    );
    const result = await run(
      fake,
      `query($id: ID!) { mitigationJob(id: $id) {
          name qids
          actions { qid qidTitle vulnerability { title cves } }
          vulnerabilities { cves }
      } }`,
      { id: MTG_JOB_ID },
    );
    expect(result.data).toEqual({
      mitigationJob: {
        name: 'Windows_MTG_OnDemand_Job',
        qids: [90007, 90043],
        actions: [
          { qid: 90007, qidTitle: 'Enabled Cached Logon Credential', vulnerability: null },
          { qid: 90043, qidTitle: 'SMB Signing Disabled or SMB Signing Not Required', vulnerability: null },
        ],
        vulnerabilities: null,
      },
    });
    expectFailedFieldsAt(
      result,
      [
        ['mitigationJob', 'actions', 0, 'vulnerability'],
        ['mitigationJob', 'actions', 1, 'vulnerability'],
        ['mitigationJob', 'vulnerabilities'],
      ],
      'QUALYS_HTTP_STATUS',
    );
    expect(fake.count('getVulnerabilities')).toBe(1);
  });

  describe('patch supersedence two levels deep', () => {
    const p = (n: number) => uuid('9a7c4', n);
    const supersedenceData = () => ({
      catalog: {
        Windows: [
          catalogPatch(p(0), 'Windows', { supersedes: [p(1), p(2)] }),
          catalogPatch(p(1), 'Windows', { supersedes: [p(3)] }),
          catalogPatch(p(2), 'Windows', { supersedes: [p(3), p(4)] }),
          catalogPatch(p(3), 'Windows', { cve: ['CVE-2025-0003'] }),
          catalogPatch(p(4), 'Windows', { cve: ['CVE-2025-0004'] }),
        ],
      },
    });
    const SUPERSEDES = `query($id: ID!) { patch(id: $id, platform: WINDOWS) {
        title supersedes { id supersedes { id title cves } }
    } }`;
    /** Fails the catalog call that asks for `id`. */
    const failCatalogCallFor = (id: string) => (call: FakeCall) =>
      call.method === 'getCatalogPatches' &&
      (call.args[0] as { patchUuids: string[] }).patchUuids.includes(id)
        ? badGateway('POST /pm/v1/patchcatalog/patches')
        : undefined;

    it('the catalog call for the first level failing nulls the second-level lists only', async () => {
      const fake = createFakeQualysApi(supersedenceData());
      fake.failWhen(failCatalogCallFor(p(1)));
      const result = await run(fake, SUPERSEDES, { id: p(0) });
      expect(result.data).toEqual({
        patch: {
          title: 'Patch 0000',
          supersedes: [
            { id: p(1), supersedes: null },
            { id: p(2), supersedes: null },
          ],
        },
      });
      expectFailedFieldsAt(
        result,
        [
          ['patch', 'supersedes', 0, 'supersedes'],
          ['patch', 'supersedes', 1, 'supersedes'],
        ],
        'QUALYS_HTTP_STATUS',
      );
    });

    it("the catalog call for the second level failing nulls those patches' title and cves only", async () => {
      const fake = createFakeQualysApi(supersedenceData());
      fake.failWhen(failCatalogCallFor(p(3)));
      const result = await run(fake, SUPERSEDES, { id: p(0) });
      const unknown = (n: number) => ({ id: p(n), title: null, cves: null });
      expect(result.data).toEqual({
        patch: {
          title: 'Patch 0000',
          supersedes: [
            { id: p(1), supersedes: [unknown(3)] },
            { id: p(2), supersedes: [unknown(3), unknown(4)] },
          ],
        },
      });
      expectFailedFieldsAt(
        result,
        [
          [0, 0],
          [1, 0],
          [1, 1],
        ].flatMap(([a, b]) =>
          ['title', 'cves'].map((f) => ['patch', 'supersedes', a ?? 0, 'supersedes', b ?? 0, f]),
        ),
        'QUALYS_HTTP_STATUS',
      );
      expect(
        fake.callsOf('getCatalogPatches').map((c) => (c.args[0] as { patchUuids: string[] }).patchUuids),
      ).toEqual([[p(0)], [p(1), p(2)], [p(3), p(4)]]);
    });
  });

  it('patchJobs with the full-job load of one job failing: only its full-job fields are null', async () => {
    const ids = [0, 1, 2].map((j) => uuid('10b', j));
    const fake = createFakeQualysApi({
      ...dashboardData(3),
      jobs: ids.map((id) =>
        QualysDeploymentJobSchema.parse(
          fullJobWire(id, {
            preDeployActions: [
              {
                actionId: '926ff25c-e1c4-4613-a446-53268fed1b52',
                action: 'Run Script',
                actionType: 'predeploy',
                params: { actionItem: 'makecache Pre-Action', timeout: 180, defaultScriptType: 'MakeCache' },
                script: 'default/MakeCache/makecache',
                scriptType: 'sh',
              },
            ],
          }),
        ),
      ),
    });
    fake.failWhen((call) =>
      call.method === 'getDeploymentJob' && call.args[0] === ids[1]
        ? badGateway('GET /pm/v1/deploymentjob/{id}')
        : undefined,
    );
    const result = await run(
      fake,
      `{ patchJobs(platform: WINDOWS, first: 3) { nodes {
          id name status
          preDeployActions { __typename ... on RunScriptAction { defaultScriptType } }
          rebootSettings { suppressReboots countdown { value unit } }
      } } }`,
    );
    const full = {
      preDeployActions: [{ __typename: 'RunScriptAction', defaultScriptType: 'MakeCache' }],
      rebootSettings: { suppressReboots: false, countdown: { value: 15, unit: 'MINUTES' } },
    };
    const listed = (id: string) => ({ id, name: `Job ${id.slice(-4)}`, status: 'ASSETS_RESPONDED' });
    expect(result.data).toEqual({
      patchJobs: {
        nodes: ids.map((id, j) =>
          j === 1
            ? { ...listed(id), preDeployActions: null, rebootSettings: null }
            : { ...listed(id), ...full },
        ),
      },
    });
    expectFailedFieldsAt(
      result,
      [
        ['patchJobs', 'nodes', 1, 'preDeployActions'],
        ['patchJobs', 'nodes', 1, 'rebootSettings'],
      ],
      'QUALYS_HTTP_STATUS',
    );
    expect(fake.count('getDeploymentJob')).toBe(3);
  });
});
