import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SimulatorStore, UNMAPPED_ASSET_ID_RANGE } from '../../src/simulator/index.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { type CmdbSubgraph, cmdbAssetsFrom, cmdbRecord, startCmdbSubgraph } from './cmdb-subgraph.js';
import { type LoopbackServer, serveOnLoopback } from './loopback.js';
import { composeSupergraph, fetchSubgraphSdl, requireSupergraph } from './supergraph.js';

/**
 * The PM gateway as an Apollo Federation v2 subgraph behind a real federation gateway: the
 * simulator, the PM gateway served on a loopback port, a CMDB subgraph that knows assets by
 * numeric asset id, the supergraph composed with both composition libraries, and Hive Gateway
 * (`createGatewayRuntime`) served on a loopback port and queried over HTTP. The simulator's
 * request log shows the Qualys calls a federated query costs.
 */

/** A GraphQL response from Hive Gateway. */
interface Response<TData> {
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** One request Hive Gateway sent to a subgraph. */
interface SubgraphFetch {
  readonly subgraph: 'pm' | 'cmdb' | 'other';
  readonly query: string;
  /** The number of `_entities` representations (0 for root-field requests). */
  readonly representations: number;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The UUIDs in a text (an asset QQL, a job filter), in order. */
const uuidsIn = (text: string) => text.match(new RegExp(UUID.source, 'gi')) ?? [];

const chunks = (n: number, size: number) => Math.ceil(n / size);

/** What PM knows about a numeric asset id: the asset, or `undefined` when it cannot map the id. */
function pmAsset(store: SimulatorStore, assetId: number) {
  const inUnmappedRange = assetId >= UNMAPPED_ASSET_ID_RANGE.first && assetId <= UNMAPPED_ASSET_ID_RANGE.last;
  return inUnmappedRange ? undefined : store.assetByAssetId(assetId);
}

/** The jobs of the simulator's job lists (Windows, then Linux) that name the asset UUID among their assets. */
function jobsTargeting(store: SimulatorStore, uuid: string) {
  return (['Windows', 'Linux'] as const).flatMap((platform) =>
    store
      .jobList('list', platform)
      .filter((item) => ((item['assets'] as Array<{ id: string }> | null) ?? []).some((a) => a.id === uuid))
      .map((item) => ({ id: item['id'], name: item['name'], statusLabel: item['status'] })),
  );
}

describe('Hive Gateway over the PM subgraph and a CMDB subgraph', () => {
  let h: Harness;
  let pm: LoopbackServer;
  let cmdb: CmdbSubgraph;
  let runtime: GatewayRuntime;
  let router: LoopbackServer;
  let fetches: SubgraphFetch[] = [];

  async function query<TData>(text: string): Promise<Response<TData>> {
    const response = await fetch(`${router.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: text }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Response<TData>;
  }

  beforeAll(async () => {
    h = await startHarness();
    pm = await serveOnLoopback(h.gateway);
    cmdb = await startCmdbSubgraph(cmdbAssetsFrom(h.simulator.store()));
    const pmUrl = `${pm.origin}/graphql`;
    const composition = composeSupergraph([
      { name: 'pm', url: pmUrl, sdl: await fetchSubgraphSdl(pmUrl) },
      { name: 'cmdb', url: cmdb.url, sdl: await fetchSubgraphSdl(cmdb.url) },
    ]);
    expect(composition.guildErrors).toEqual([]);
    expect(composition.apolloErrors).toEqual([]);
    runtime = createGatewayRuntime({
      supergraph: requireSupergraph(composition),
      logging: false,
      plugins: () => [
        {
          onFetch({ url, options }) {
            const body = typeof options.body === 'string' ? (JSON.parse(options.body) as unknown) : null;
            const { query = '', variables = {} } = (body ?? {}) as {
              query?: string;
              variables?: Record<string, unknown>;
            };
            const representations = variables['representations'];
            fetches.push({
              subgraph: url === pmUrl ? 'pm' : url === cmdb.url ? 'cmdb' : 'other',
              query,
              representations: Array.isArray(representations) ? representations.length : 0,
            });
          },
        },
      ],
    });
    router = await serveOnLoopback(runtime);
  });

  afterAll(async () => {
    await router?.close();
    await runtime?.dispose();
    await pm?.close();
    await cmdb?.close();
    await h?.close();
  });

  beforeEach(() => {
    h.resetCalls();
    fetches = [];
  });

  it('joins 1,200 CMDB assets to their PM missing patches and jobs: 2 mapping calls, no call per asset', async () => {
    const N = 1200;
    const store = h.simulator.store();
    type Row = {
      assetId: number;
      owner: string;
      riskScore: number;
      name: string | null;
      operatingSystem: string | null;
      missingPatches: Array<{ id: string; title: string | null }> | null;
      patchJobs: Array<{ id: string; name: string | null; statusLabel: string | null }> | null;
    };
    const result = await query<{ cmdbAssets: Row[] }>(`{
      cmdbAssets(first: ${N}) {
        assetId owner riskScore
        name operatingSystem
        missingPatches { id title }
        patchJobs { id name statusLabel }
      }
    }`);
    const rows = result.data?.cmdbAssets ?? [];
    expect(rows).toHaveLength(N);

    const unmapped = rows.filter((r) => !pmAsset(store, r.assetId)).map((r) => r.assetId);
    expect(unmapped.length).toBeGreaterThanOrEqual(5);
    const mappedUuids: string[] = [];
    for (const row of rows) {
      expect({ owner: row.owner, riskScore: row.riskScore }).toEqual({
        owner: cmdbRecord(row.assetId).owner,
        riskScore: cmdbRecord(row.assetId).riskScore,
      });
      const asset = pmAsset(store, row.assetId);
      if (!asset) {
        // PM answers `null` with a NOT_FOUND error for the representation; Hive Gateway keeps the
        // CMDB fields and nulls every PM field of that asset.
        expect(row).toMatchObject({
          name: null,
          operatingSystem: null,
          missingPatches: null,
          patchJobs: null,
        });
        continue;
      }
      mappedUuids.push(asset.id);
      expect(row.name).toBe(asset.name);
      expect(row.operatingSystem).toBe(asset.operatingSystem);
      expect(row.missingPatches).toEqual(asset.missingPatches.map((p) => ({ id: p.id, title: p.title })));
      expect(row.patchJobs).toEqual(jobsTargeting(store, asset.id));
    }
    expect(rows.some((r) => (r.patchJobs?.length ?? 0) > 0)).toBe(true);
    expect(rows.some((r) => (r.missingPatches?.length ?? 0) > 0)).toBe(true);
    // Each unmappable asset id: `_entities` answers `null` at its index with a NOT_FOUND error;
    // Hive Gateway repeats that error once per PM field selected, at `[root field, field]` (the
    // list index is dropped), and keeps the rest of the data.
    const pmFields = ['name', 'operatingSystem', 'missingPatches', 'patchJobs'];
    expect(result.errors).toEqual(
      unmapped.flatMap((assetId) =>
        pmFields.map((field) => ({
          message: expect.stringContaining(`No Asset with assetId ${assetId}`),
          path: ['cmdbAssets', field],
          extensions: { code: 'NOT_FOUND', serviceName: 'pm' },
        })),
      ),
    );

    // Hive Gateway: one CMDB root call, then one `_entities` request with all N representations.
    expect(fetches.map((f) => [f.subgraph, f.representations])).toEqual([
      ['cmdb', 0],
      ['pm', N],
    ]);

    // Qualys: one mapping call per 1,000 asset ids, nothing per asset. The mapping chunks settle
    // together, so the UUIDs of all of them go on as one batch to asset pages of 400 UUIDs and
    // job-list calls of 100 UUIDs, on both platforms (an asset's platform is unknown after the
    // mapping); each UUID is asked once per platform. For 1,200 ids of the default fleet (1,195
    // mapped): 2 mapping calls, 2 x 3 asset pages, 2 x 12 job lists: the minimum.
    const calls = h.calls();
    expect(calls.filter((c) => UUID.test(c.path))).toEqual([]);
    const mapping = calls.filter((c) => c.path === '/pm/v1/assets/uuids').map((c) => c.body as number[]);
    expect(mapping.map((ids) => ids.length).sort((a, b) => b - a)).toEqual([1000, N - 1000]);
    expect(mapping.flat().sort()).toEqual(rows.map((r) => r.assetId).sort());
    const mappedCount = mapping.flat().filter((id) => pmAsset(store, id)).length;
    expect(h.callCounts()).toEqual({
      'POST /pm/v1/assets/uuids': chunks(N, 1000),
      'POST /pm/v1/assets': 2 * chunks(mappedCount, 400),
      'GET /pm/v1/deploymentjobs': 2 * chunks(mappedCount, 100),
    });
    for (const platform of ['Windows', 'Linux']) {
      const assetPages = calls
        .filter((c) => c.path === '/pm/v1/assets' && c.query['platform'] === platform)
        .map((c) => uuidsIn(JSON.stringify(c.body)));
      const jobLists = calls
        .filter((c) => c.path === '/pm/v1/deploymentjobs' && c.query['platform'] === platform)
        .map((c) => uuidsIn(c.query['filter'] ?? ''));
      for (const [asked, size] of [
        [assetPages, 400],
        [jobLists, 100],
      ] as const) {
        expect(Math.max(...asked.map((u) => u.length))).toBeLessThanOrEqual(size);
        expect(asked.flat().sort()).toEqual([...mappedUuids].sort());
      }
    }
  });

  it('a non-null PM field (`id`) of an unmappable asset nulls the whole CMDB list, as federation says', async () => {
    // `Asset.id` is non-null in PM; for an asset PM cannot map there is no value, so the null
    // bubbles up through `[Asset!]!` to `data`. Through other subgraphs, select PM's nullable fields.
    const result = await query('{ cmdbAssets(first: 20) { assetId id } }');
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      {
        message: expect.stringContaining('No Asset with assetId'),
        path: ['cmdbAssets', 'id'],
        extensions: { code: 'NOT_FOUND', serviceName: 'pm' },
      },
    ]);
    expect(h.callCounts()).toEqual({ 'POST /pm/v1/assets/uuids': 1 });
  });

  it('enters through PM and crosses into the CMDB by assetId: one job call, one asset page, one _entities request', async () => {
    const store = h.simulator.store();
    const job = store.patchJobs.find(
      (j) => j.source.kind === 'explicit' && ((j.job['assetIds'] as string[] | null) ?? []).length >= 3,
    );
    expect(job).toBeDefined();
    if (!job) return;
    const assetUuids = (job.job['assetIds'] as string[] | null) ?? [];
    type Row = { id: string; assetId: number | null; name: string | null; owner: string; riskScore: number };
    const result = await query<{ patchJob: { id: string; name: string; assets: Row[] } | null }>(`{
      patchJob(id: "${job.id}") { id name assets { id assetId name owner riskScore } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.patchJob?.name).toBe(job.name);
    expect(result.data?.patchJob?.assets).toEqual(
      assetUuids.map((uuid) => {
        const asset = store.asset(uuid);
        return { id: uuid, name: asset?.name, ...cmdbRecord(asset?.assetId ?? -1) };
      }),
    );

    // `assetId`, the key the CMDB needs, comes from the asset page PM loads anyway (the job's
    // platform is known, so one platform); the CMDB gets all representations in one request.
    expect(fetches.map((f) => [f.subgraph, f.representations])).toEqual([
      ['pm', 0],
      ['cmdb', assetUuids.length],
    ]);
    expect(h.callCounts()).toEqual({
      'GET /pm/v1/deploymentjob/{id}': 1,
      'POST /pm/v1/assets': chunks(assetUuids.length, 400),
    });
  });
});
