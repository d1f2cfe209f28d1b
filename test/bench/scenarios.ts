/**
 * The scenarios of `npm run bench`: each an operation with its variables, the minimum upstream
 * calls it can make (computed from an in-process simulator store with the benchmark's seed and
 * fleet, the way test/server/operations.test.ts and test/server/federation-entities.test.ts
 * compute them), and its dependency levels, which give the critical-path floor of its latency.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { encodeOffsetCursor } from '../../src/schema/support/pagination.js';
import { createSimulator, FIRST_ASSET_ID } from '../../src/simulator/index.js';

/** Seed and fleet of the benchmark's simulator (the stand-alone process and the in-process store). */
export const BENCH_FLEET = {
  seed: 1,
  /** ≥ 10,000 so every id of the 10,000-id scenario maps. */
  assets: 10_000,
  /** 60 % are Windows: ≥ 10,000 Windows patches for the 10,000-patch response. */
  patches: 17_000,
  patchJobs: 200,
  mitigationJobs: 40,
} as const;

/** The `SIMULATOR_*` variables of {@link BENCH_FLEET}. */
export function benchFleetEnv(): Record<string, string> {
  return {
    SIMULATOR_SEED: String(BENCH_FLEET.seed),
    SIMULATOR_ASSETS: String(BENCH_FLEET.assets),
    SIMULATOR_PATCHES: String(BENCH_FLEET.patches),
    SIMULATOR_PATCH_JOBS: String(BENCH_FLEET.patchJobs),
    SIMULATOR_MITIGATION_JOBS: String(BENCH_FLEET.mitigationJobs),
  };
}

/** Upstream endpoint templates, as `extensions.upstream.byEndpoint` names them. */
export const EP = {
  job: 'GET /pm/v1/deploymentjob/{id}',
  jobList: 'GET /pm/v1/deploymentjobs',
  runs: 'GET /pm/v1/deploymentjob/{id}/runs',
  resultSummary: 'GET /pm/v1/deploymentjob/{id}/deploymentjobresult/summary',
  assetPage: 'POST /pm/v1/assets',
  catalog: 'POST /pm/v1/patchcatalog/patches',
  assetUuids: 'POST /pm/v1/assets/uuids',
  patchList: 'GET /pm/v1/patches',
} as const;

/**
 * One dependency level: calls that can all be in flight together, and that can only start once
 * every call of the level before has answered.
 */
export interface DependencyLevel {
  /** What the level fetches (for the report). */
  readonly label: string;
  /** Upstream calls at this level (the minimum). */
  readonly calls: number;
}

/** A benchmark scenario. */
export interface Scenario {
  /** Key used by `--only` and in the JSON. */
  readonly name: string;
  /** One line for the table. */
  readonly title: string;
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
  /** Minimum upstream calls per endpoint template. */
  readonly minimum: Readonly<Record<string, number>>;
  /** Dependency levels, first to last (their calls sum to the minimum). */
  readonly levels: readonly DependencyLevel[];
  /** Connections of the throughput run (autocannon). */
  readonly connections: number;
  /** The scenario the stall target (10,000-patch responses) applies to. */
  readonly stallTarget?: boolean;
  /** The scenario the job-detail throughput target applies to. */
  readonly throughputTarget?: boolean;
}

const chunks = (n: number, size: number) => Math.ceil(n / size);

/** Total of a per-endpoint count. */
export function totalCalls(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * The critical-path floor in ms: the sum over dependency levels of ceil(calls at that level /
 * concurrency cap) × upstream latency; a lifted cap (`0`) is one round per non-empty level.
 */
export function criticalPathFloorMs(
  levels: readonly DependencyLevel[],
  cap: number,
  latencyMs: number,
): number {
  let rounds = 0;
  for (const level of levels) {
    if (level.calls === 0) continue;
    rounds += cap === 0 ? 1 : Math.ceil(level.calls / cap);
  }
  return rounds * latencyMs;
}

const operation = (file: string) =>
  readFileSync(new URL(`../../schema/operations/${file}`, import.meta.url), 'utf8');

/** Fields of a patch that the patch list carries (no catalog call). */
const PATCH_FIELDS = 'id title kb bulletin vendor vendorSeverity isSecurity rebootRequired';

const PATCH_PAGE_WITH_SUPERSEDENCE = `query PatchPageWithSupersedence($first: Int!) {
  patches(platform: WINDOWS, first: $first) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id title kb isSuperseded
      supersedes { id title kb }
      supersededBy { id title kb }
    }
  }
}`;

/**
 * Ten aliased pages of 1,000: one response with 10,000 patches. `first` is a variable: written
 * inline, graphql-armor's static cost (5,000 by default) refuses the query (cost 230,000);
 * through a variable the static cost does not see the list size (the upstream budget does).
 */
const PATCHES_10K = (() => {
  const vars = ['$first: Int!', ...Array.from({ length: 9 }, (_, i) => `$after${i + 1}: String!`)].join(', ');
  const pages = Array.from({ length: 10 }, (_, i) => {
    const after = i === 0 ? '' : `, after: $after${i}`;
    return `  page${i}: patches(platform: WINDOWS, first: $first${after}) { nodes { ${PATCH_FIELDS} } }`;
  }).join('\n');
  return `query Patches10k(${vars}) {\n${pages}\n}`;
})();

const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Patch { id title kb }
  }
}`;

/**
 * Builds the scenarios from an in-process simulator with {@link BENCH_FLEET} (generated, never
 * listening).
 */
export function buildScenarios(): Scenario[] {
  const store = createSimulator({
    seed: BENCH_FLEET.seed,
    fleet: {
      assets: BENCH_FLEET.assets,
      patches: BENCH_FLEET.patches,
      patchJobs: BENCH_FLEET.patchJobs,
      mitigationJobs: BENCH_FLEET.mitigationJobs,
    },
  }).store();

  // Job detail: a job like the one of operations.test.ts (explicit patches, Windows, ≥ 2 runs,
  // explicit assets), but a typical one: ≥ 3 runs and no asset tags, so its results cover its
  // handful of explicit assets. (On this fleet the operations test's pick also targets ~500
  // tagged assets: 5 runs × 491 asset results, a 420 KB response.)
  const job = store.patchJobs.find(
    (j) =>
      j.source.kind === 'explicit' &&
      j.platform === 'Windows' &&
      j.runs.length >= 3 &&
      ((j.job['assetIds'] as string[] | null) ?? []).length > 0 &&
      j.targetAssetIds.length === ((j.job['assetIds'] as string[] | null) ?? []).length,
  );
  if (!job) throw new Error('bench: no explicit Windows job with runs and assets in the fleet');
  const jobAssets = ((job.job['assetIds'] as string[] | null) ?? []).length;
  const jobApproved = ((job.job['approvedPatches'] as string[] | null) ?? []).length;
  const jobDetailMin: Record<string, number> = {
    [EP.job]: 1,
    [EP.assetPage]: chunks(jobAssets, 400),
    ...(jobApproved > 0 ? { [EP.catalog]: chunks(jobApproved, 1000) } : {}),
    [EP.runs]: 1,
    [EP.resultSummary]: job.runs.length,
  };

  // Dashboard of 50 jobs: list, one result summary per job, catalog for the result patches,
  // asset pages only for assets the list sends without a name.
  const listItems = store.jobList('list', 'Windows').slice(0, 50);
  const unnamed = new Set<string>();
  const resultPatches = new Set<string>();
  for (const item of listItems) {
    for (const a of (item['assets'] as Array<{ id: string; name: string | null }> | null) ?? []) {
      if (a.name === null) unnamed.add(a.id);
    }
    const lookup = store.jobResult(item['id'] as string, null);
    if (lookup.kind !== 'found') continue;
    for (const r of (lookup.result['assets'] as Array<{ installed?: string[]; failed?: string[] }> | null) ??
      []) {
      for (const id of [...(r.installed ?? []), ...(r.failed ?? [])]) resultPatches.add(id);
    }
  }
  const dashboardCatalog = chunks(resultPatches.size, 1000);
  const dashboardAssets = chunks(unnamed.size, 400);
  const dashboardMin: Record<string, number> = {
    [EP.jobList]: 1,
    [EP.resultSummary]: listItems.length,
    ...(dashboardCatalog > 0 ? { [EP.catalog]: dashboardCatalog } : {}),
    ...(dashboardAssets > 0 ? { [EP.assetPage]: dashboardAssets } : {}),
  };

  // assetsByAssetId with 10,000 ids: 1,000 per mapping call.
  const assetIds = Array.from({ length: 10_000 }, (_, i) => FIRST_ASSET_ID + i);
  const unmappedIds = assetIds.filter((id) => store.assetByAssetId(id) === undefined).length;
  if (unmappedIds > 0) throw new Error(`bench: ${unmappedIds} of the 10,000 asset ids do not map`);

  // _entities with 1,000 Patch representations, both platforms (platform unknown): one catalog
  // call per platform (a Windows-only set could be served by one call, so mix them).
  const entityPatches = [
    ...store.patches.filter((p) => p.platform === 'Linux').slice(0, 400),
    ...store.patches.filter((p) => p.platform === 'Windows').slice(0, 600),
  ];
  const representations = entityPatches.map((p) => ({ __typename: 'Patch', id: p.id }));

  // A 1,000-patch page with supersedence: the list page, then the linked patches not on the page
  // from the catalog (1,000 per call; the page's own records are primed, no call for them).
  const windowsList = store.patchList('Windows');
  if (windowsList.length < 10_000) {
    throw new Error(
      `bench: ${windowsList.length} Windows patches listed; the 10,000-patch scenario needs 10,000`,
    );
  }
  const page = windowsList.slice(0, 1000);
  const pageIds = new Set(page.map((p) => p['id'] as string));
  const linked = new Set<string>();
  for (const p of page) {
    for (const id of [
      ...((p['supersedes'] as string[] | null) ?? []),
      ...((p['supersededBy'] as string[] | null) ?? []),
    ]) {
      if (!pageIds.has(id)) linked.add(id);
    }
  }
  const pageCatalog = chunks(linked.size, 1000);

  const patches10kVars: Record<string, string | number> = { first: 1000 };
  for (let i = 1; i < 10; i += 1) patches10kVars[`after${i}`] = encodeOffsetCursor(i * 1000 - 1);

  return [
    {
      name: 'jobDetail',
      title: `JobDetail (${jobAssets} assets, ${jobApproved} patches, ${job.runs.length} runs)`,
      query: operation('job-detail.graphql'),
      variables: { id: job.id },
      minimum: jobDetailMin,
      // The job first; its assets, approved patches and runs need the job (ids, runs field on
      // it); each run's result needs the run list.
      levels: [
        { label: 'job', calls: 1 },
        {
          label: 'asset pages + catalog + runs',
          calls: chunks(jobAssets, 400) + (jobApproved > 0 ? chunks(jobApproved, 1000) : 0) + 1,
        },
        { label: 'result per run', calls: job.runs.length },
      ],
      connections: 50,
      throughputTarget: true,
    },
    {
      name: 'dashboard',
      title: 'Dashboard (50 jobs, assets, approved patches, latest results)',
      query: operation('dashboard.graphql'),
      variables: { platform: 'WINDOWS', first: 50 },
      minimum: dashboardMin,
      // The job list first; each job's latest result and the unnamed assets need the list; the
      // result patches' details need the results.
      levels: [
        { label: 'job list', calls: 1 },
        { label: 'result per job + unnamed asset pages', calls: listItems.length + dashboardAssets },
        { label: 'catalog (result patches)', calls: dashboardCatalog },
      ],
      connections: 2,
    },
    {
      name: 'assetsByAssetId',
      title: 'assetsByAssetId (10,000 ids)',
      query: operation('assets-by-asset-id.graphql'),
      variables: { assetIds },
      minimum: { [EP.assetUuids]: 10 },
      // Every mapping call only needs the ids from the request: one level.
      levels: [{ label: 'id mapping', calls: 10 }],
      connections: 2,
    },
    {
      name: 'entities',
      title: '_entities (1,000 Patch representations, 2 platforms)',
      query: ENTITIES,
      variables: { representations },
      minimum: { [EP.catalog]: 2 },
      // Both platforms' catalog calls only need the representations: one level.
      levels: [{ label: 'catalog per platform', calls: 2 }],
      connections: 2,
    },
    {
      name: 'patchPage',
      title: `patches(first: 1000) with supersedence (${linked.size} linked off-page)`,
      query: PATCH_PAGE_WITH_SUPERSEDENCE,
      variables: { first: 1000 },
      minimum: { [EP.patchList]: 1, ...(pageCatalog > 0 ? { [EP.catalog]: pageCatalog } : {}) },
      // The page first; the linked patches' ids come from it.
      levels: [
        { label: 'patch list page', calls: 1 },
        { label: 'catalog (linked off-page)', calls: pageCatalog },
      ],
      connections: 2,
    },
    {
      name: 'patches10k',
      title: '10,000-patch response (10 aliased pages of 1,000)',
      query: PATCHES_10K,
      variables: patches10kVars,
      minimum: { [EP.patchList]: 10 },
      // Every page's offset comes from the request: one level.
      levels: [{ label: 'patch list pages', calls: 10 }],
      connections: 3,
      stallTarget: true,
    },
  ];
}
