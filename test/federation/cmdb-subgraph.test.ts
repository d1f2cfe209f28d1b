import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, FIRST_ASSET_ID, UNMAPPED_ASSET_ID_RANGE } from '../../src/simulator/index.js';
import {
  CMDB_ONLY_ASSET_IDS,
  type CmdbSubgraph,
  cmdbAssetsFrom,
  cmdbRecord,
  startCmdbSubgraph,
} from './cmdb-subgraph.js';
import { fetchSubgraphSdl } from './supergraph.js';

async function post(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
}

describe('cmdbAssetsFrom', () => {
  const fleet = { assets: 60, patches: 60, patchJobs: 4, mitigationJobs: 1 };

  it('lists every simulator asset id and the CMDB-only ids, ascending, deterministically', () => {
    const store = createSimulator({ fleet }).store();
    const assets = cmdbAssetsFrom(store);
    const ids = assets.map((a) => a.assetId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids)).toEqual(new Set([...store.assets.map((a) => a.assetId), ...CMDB_ONLY_ASSET_IDS]));
    expect(assets).toEqual(cmdbAssetsFrom(createSimulator({ fleet }).store()));
    // The CMDB-only ids are in PM's unmapped range and sort before the generated fleet.
    for (const id of CMDB_ONLY_ASSET_IDS) {
      expect(id).toBeGreaterThanOrEqual(UNMAPPED_ASSET_ID_RANGE.first);
      expect(id).toBeLessThanOrEqual(UNMAPPED_ASSET_ID_RANGE.last);
      expect(ids.indexOf(id)).toBeLessThan(ids.indexOf(FIRST_ASSET_ID));
    }
  });
});

describe('CMDB subgraph', () => {
  const assets = [40_000_000, 40_000_001, 40_000_002].map(cmdbRecord);
  let cmdb: CmdbSubgraph;
  beforeAll(async () => {
    cmdb = await startCmdbSubgraph(assets);
  });
  afterAll(() => cmdb.close());

  it('pages its assets with cmdbAssets(first:)', async () => {
    const result = await post(cmdb.url, '{ cmdbAssets(first: 2) { assetId owner riskScore } }');
    expect(result).toEqual({ data: { cmdbAssets: assets.slice(0, 2) } });
  });

  it('resolves Asset entities by assetId, null for an id it does not know', async () => {
    cmdb.resetRequests();
    const result = await post(
      cmdb.url,
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Asset { assetId owner riskScore } } }',
      {
        representations: [
          { __typename: 'Asset', assetId: 40_000_002 },
          { __typename: 'Asset', assetId: 1 },
        ],
      },
    );
    expect(result).toEqual({ data: { _entities: [assets[2], null] } });
    expect(cmdb.requests().map((r) => r.representations)).toEqual([2]);
  });

  it('publishes its SDL with the assetId key', async () => {
    const sdl = await fetchSubgraphSdl(cmdb.url);
    expect(sdl).toMatch(/type Asset\s+@key\(fields: "assetId"\)/);
    expect(sdl).toContain('cmdbAssets(first: Int): [Asset!]!');
  });
});
