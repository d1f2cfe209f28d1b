import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AssetJobsDocument,
  AssetsByAssetIdDocument,
  CreateMitigationJobDocument,
  CreatePatchJobDocument,
  DashboardDocument,
  DeletePatchJobsDocument,
  JobDetailDocument,
  MitigationJobDetailDocument,
  MitigationJobSettingsDocument,
  PatchJobSettingsDocument,
  PatchSupersedenceDocument,
  SetMitigationJobsStatusDocument,
  SetPatchJobsStatusDocument,
  UpdateMitigationJobDocument,
  UpdatePatchJobDocument,
} from '../../schema/generated/graphql.js';
import { schema } from '../../src/schema/index.js';
import { DEFAULT_QUERY_LIMITS } from '../../src/server/plugins/use-query-limits.js';
import {
  ASSUMED_LIST_SIZE,
  estimateUpstreamCalls,
  VariableCoercionFailure,
} from '../../src/server/upstream-estimate.js';
import { FIRST_ASSET_ID } from '../../src/simulator/index.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { ASSET_ID, TAG_ID, windowsJob } from '../jobs/fixtures.js';
import { operationSources } from './operation-sources.js';

interface Upstream {
  calls: number;
  estimated?: number;
  byEndpoint: Record<string, number>;
}

const estimateOf = (query: string, variables: Record<string, unknown> = {}, operationName?: string) => {
  const result = estimateUpstreamCalls(schema, parse(query), operationName, variables);
  if (result instanceof VariableCoercionFailure) throw result.error;
  return result;
};
const estimate = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  estimateOf(query, variables, operationName).calls;

/**
 * The budget's estimate against the calls each operation of schema/operations/ really makes on
 * the simulator's fleet: never below them (the estimate is the bound the budget enforces), and
 * every operation fits the default budget.
 */
describe('upstream budget: estimate vs calls made, every named operation', () => {
  let h: Harness;
  const rows: Array<{ operation: string; calls: number; estimated: number }> = [];

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    console.info('upstream estimate vs calls', JSON.stringify(rows));
    await h.close();
  });
  beforeEach(() => h.resetCalls());

  async function run(name: string, document: Parameters<Harness['execute']>[0], variables: object) {
    const result = await h.execute(document, variables);
    expect(result.errors).toBeUndefined();
    const upstream = h.lastUpstream() as Upstream;
    expect(upstream.estimated, 'extensions.upstream.estimated').toBeTypeOf('number');
    const estimated = upstream.estimated ?? 0;
    rows.push({ operation: name, calls: upstream.calls, estimated });
    expect(upstream.calls).toBe(h.calls().length);
    expect(estimated).toBeGreaterThanOrEqual(upstream.calls);
    expect(estimated).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxUpstreamCalls);
    return { result, upstream };
  }

  const store = () => h.simulator.store();

  it('Dashboard (50 jobs)', async () => {
    await run('Dashboard', DashboardDocument, { platform: 'WINDOWS', first: 50 });
  });

  it('JobDetail, of a job with runs and of a linked job', async () => {
    const withRuns = store().patchJobs.find((j) => j.runs.length >= 2 && j.source.kind === 'explicit');
    const linked = store().patchJobs.find((j) => j.source.kind === 'linked');
    expect(withRuns && linked).toBeTruthy();
    await run('JobDetail', JobDetailDocument, { id: withRuns?.id });
    h.resetCalls();
    await run('JobDetail (linked)', JobDetailDocument, { id: linked?.id });
  });

  it('PatchJobSettings, MitigationJobSettings, MitigationJobDetail', async () => {
    await run('PatchJobSettings', PatchJobSettingsDocument, { id: store().patchJobs[0]?.id });
    h.resetCalls();
    await run('MitigationJobSettings', MitigationJobSettingsDocument, { id: store().mitigationJobs[0]?.id });
    h.resetCalls();
    await run('MitigationJobDetail', MitigationJobDetailDocument, { id: store().mitigationJobs[0]?.id });
  });

  it('PatchSupersedence', async () => {
    const patch = store().patches.find((p) => p.supersedes.length > 0 && p.supersededBy.length > 0);
    await run('PatchSupersedence', PatchSupersedenceDocument, { id: patch?.id, platform: 'WINDOWS' });
  });

  it('AssetsByAssetId (2,500 ids) and AssetJobs (300 ids)', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => FIRST_ASSET_ID + i);
    const { upstream } = await run('AssetsByAssetId', AssetsByAssetIdDocument, { assetIds: ids(2500) });
    // Only the mapping: exact.
    expect(upstream.estimated).toBe(3);
    h.resetCalls();
    await run('AssetJobs', AssetJobsDocument, { assetIds: ids(300) });
  });

  it('the mutations', async () => {
    const created = await run('CreatePatchJob', CreatePatchJobDocument, {
      input: { ...windowsJob(), name: 'budget create' },
    });
    const id = (created.result.data as { createPatchJob: { job: { id: string } } }).createPatchJob.job.id;
    h.resetCalls();
    await run('UpdatePatchJob', UpdatePatchJobDocument, { id, input: { description: 'budget update' } });
    h.resetCalls();
    await run('SetPatchJobsStatus', SetPatchJobsStatusDocument, { ids: [id], status: 'DISABLED' });
    h.resetCalls();
    await run('DeletePatchJobs', DeletePatchJobsDocument, { ids: [id] });
    h.resetCalls();
    const mtg = await run('CreateMitigationJob', CreateMitigationJobDocument, {
      input: {
        name: 'budget mtg',
        platform: 'WINDOWS',
        qids: [90007],
        targets: { assetIds: [ASSET_ID], tagIds: [TAG_ID] },
      },
    });
    const mtgId = (mtg.result.data as { createMitigationJob: { job: { id: string } } }).createMitigationJob
      .job.id;
    h.resetCalls();
    await run('UpdateMitigationJob', UpdateMitigationJobDocument, { id: mtgId, input: { description: 'x' } });
    h.resetCalls();
    await run('SetMitigationJobsStatus', SetMitigationJobsStatusDocument, {
      ids: [mtgId],
      status: 'DISABLED',
    });
  });

  it('covers every operation of schema/operations/', () => {
    const covered = new Set(rows.map((r) => r.operation.replace(/ \(.*\)$/, '')));
    const all = operationSources()
      .map((o) => o.name)
      .filter((n) => n !== 'UserErrorFields');
    expect(all.filter((n) => !covered.has(n))).toEqual([]);
  });
});

describe('upstream budget: the estimate', () => {
  it('counts list pages, per-item calls and batched lookups', () => {
    // One job-list page; runs (1 per job) and a result per run (assumed list size each).
    expect(
      estimate('{ patchJobs(platform: WINDOWS, first: 10) { nodes { id runs { result { assetCount } } } } }'),
    ).toBe(1 + 10 + 10 * ASSUMED_LIST_SIZE);
    // Names come with the job list: no job GET; descriptions need one per job.
    expect(estimate('{ patchJobs(platform: WINDOWS, first: 30) { nodes { name } } }')).toBe(1);
    expect(estimate('{ patchJobs(platform: WINDOWS, first: 30) { nodes { description } } }')).toBe(31);
    // An offset `after` may straddle two pages.
    expect(
      estimate(
        '{ patchJobs(platform: WINDOWS, first: 30, after: "YXJyYXljb25uZWN0aW9uOjE=") { nodes { id } } }',
      ),
    ).toBe(2);
    // 2,500 ids: 3 mapping calls; their missing patches need the asset pages (2 platforms x 7).
    const ids = Array.from({ length: 2500 }, (_, i) => i + 1);
    expect(
      estimate('query ($ids: [Int!]!) { assetsByAssetId(assetIds: $ids) { mapped { id } } }', { ids }),
    ).toBe(3);
    expect(
      estimate(
        'query ($ids: [Int!]!) { assetsByAssetId(assetIds: $ids) { mapped { missingPatches { id } } } }',
        {
          ids,
        },
      ),
    ).toBe(3 + 2 * 7);
  });

  it('follows fragments, inline fragments, @skip/@include and variable defaults', () => {
    const q = `query ($first: Int = 5, $withRuns: Boolean!) {
      patchJobs(platform: WINDOWS, first: $first) { nodes { ...J } }
    }
    fragment J on PatchJob { id ... on Job { name } runs @include(if: $withRuns) { jobInstanceId } }`;
    expect(estimate(q, { withRuns: false })).toBe(1);
    expect(estimate(q, { withRuns: true })).toBe(1 + 5);
    expect(estimate(q, { withRuns: true, first: 50 })).toBe(1 + 50);
  });

  it('estimates _entities by __typename and key', () => {
    const reps = [
      ...Array.from({ length: 1000 }, (_, i) => ({ __typename: 'Asset', assetId: i + 1 })),
      ...Array.from({ length: 30 }, (_, i) => ({ __typename: 'PatchJob', id: `job-${i}` })),
      ...Array.from({ length: 1500 }, (_, i) => ({ __typename: 'Patch', id: `patch-${i}` })),
    ];
    const q = `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on Asset { id assetId } ... on PatchJob { name } ... on Patch { title } } }`;
    // 1 mapping call; 30 job GETs; 2 platforms x 2 catalog calls.
    expect(estimate(q, { r: reps })).toBe(1 + 30 + 4);
  });

  it('counts aliases separately: each alias is its own upstream work', () => {
    const one = estimate(
      '{ patchJobs(platform: WINDOWS, first: 100) { nodes { latestResult { assetCount } } } }',
    );
    const three = estimate(
      `{ ${['a', 'b', 'c'].map((a) => `${a}: patchJobs(platform: WINDOWS, first: 100) { nodes { latestResult { assetCount } } }`).join(' ')} }`,
    );
    expect(one).toBe(101);
    expect(three).toBe(303);
  });
});

describe('upstream budget: over-budget operations are refused before any upstream call', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetCalls());

  const huge: Array<[name: string, query: string, variables: Record<string, unknown>]> = [
    // List sizes in variables: graphql-armor's static cost cannot see them (it weighs literal
    // arguments), so only the budget stands between these and thousands of Qualys calls.
    [
      '1,000 jobs with their runs and latest results (2 calls per job)',
      'query ($n: Int) { patchJobs(platform: WINDOWS, first: $n) { nodes { runs { jobInstanceId } latestResult { assetCount } } } }',
      { n: 1000 },
    ],
    [
      '2 aliases of 600 jobs with descriptions (a job GET each)',
      `query ($n: Int) { ${[1, 2].map((i) => `a${i}: patchJobs(platform: LINUX, first: $n, filter: "x${i}") { nodes { description } }`).join(' ')} }`,
      { n: 600 },
    ],
    [
      '2,000 job representations (a GET each)',
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PatchJob { name } } }',
      {
        r: Array.from({ length: 2000 }, (_, i) => ({
          __typename: 'PatchJob',
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        })),
      },
    ],
  ];

  it.each(huge)('%s', async (_name, query, variables) => {
    const response = await h.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: unknown;
      errors: Array<{ message: string; extensions: Record<string, unknown> }>;
      extensions: { upstream: Upstream };
    };
    expect(response.status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    const error = body.errors[0];
    expect(error?.extensions['code']).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(error?.extensions['maxCalls']).toBe(DEFAULT_QUERY_LIMITS.maxUpstreamCalls);
    expect(error?.extensions['estimatedCalls']).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxUpstreamCalls);
    expect(error?.extensions['http']).toBeUndefined();
    expect(error?.message).toMatch(/would make at least \d+ Qualys calls .*; the limit is 1000/);
    expect(body.extensions.upstream.calls).toBe(0);
    expect(h.calls()).toEqual([]);
  });

  it('QUERY_MAX_UPSTREAM_CALLS is a setting: a budget of 10 refuses the Dashboard, 60 does not', async () => {
    const small = await startHarness({ queryLimits: { maxUpstreamCalls: 10 } });
    try {
      const refused = await small.execute(DashboardDocument, { platform: 'WINDOWS', first: 50 });
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_BUDGET_EXCEEDED');
      expect(small.calls()).toEqual([]);
      const fewer = await small.execute(DashboardDocument, { platform: 'WINDOWS', first: 2 });
      expect(fewer.errors).toBeUndefined();
    } finally {
      await small.close();
    }
  });
});
