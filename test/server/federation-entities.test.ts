import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AssetJobsDocument } from '../../schema/generated/graphql.js';
import { ASSET_UUIDS_PER_JOB_QUERY } from '../../src/loaders/index.js';
import { FIRST_ASSET_ID, type JsonObject, UNMAPPED_ASSET_ID_RANGE } from '../../src/simulator/index.js';
import { type GraphQLResponse, type Harness, startHarness } from '../helpers/harness.js';

/**
 * Apollo Federation `_entities` through the whole gateway (`yoga.fetch`) against the simulator's
 * default fleet: 1,000 representations of each key type make the minimum upstream calls (read
 * from the simulator's request log), come back in order, and a representation that names no
 * entity is `null` with its own error at `["_entities", i]`.
 */

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Asset { id assetId }
    ... on Patch { id title }
    ... on Vulnerability { qid title }
    ... on PatchJob { id name }
    ... on MitigationJob { id name }
  }
}`;

type Entity = { __typename: string } & Record<string, unknown>;
type EntitiesResult = GraphQLResponse<{ _entities: (Entity | null)[] }>;

/** A UUID no fleet has: `ffffffff-0000-4000-8000-<n>`. */
const unknownUuid = (n: number) => `ffffffff-0000-4000-8000-${String(n).padStart(12, '0')}`;

const chunks = (n: number, size: number) => Math.ceil(n / size);

/** The errors by index of `_entities`; fails on an error elsewhere. */
function errorsByIndex(result: EntitiesResult): Map<number, { code: unknown; message: string }> {
  const byIndex = new Map<number, { code: unknown; message: string }>();
  for (const error of result.errors ?? []) {
    expect(error.path?.slice(0, 1)).toEqual(['_entities']);
    expect(error.path).toHaveLength(2);
    const index = error.path?.[1];
    expect(typeof index).toBe('number');
    expect(byIndex.has(index as number), `two errors at ${index}`).toBe(false);
    byIndex.set(index as number, { code: error.extensions?.['code'], message: error.message });
  }
  return byIndex;
}

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.resetCalls());

describe('federation: _entities', () => {
  const entities = (representations: readonly object[]) =>
    h.execute(ENTITIES, { representations }) as Promise<EntitiesResult>;

  it('1,000 Assets by assetId: one mapping call, in order, each unmapped id null with its own NOT_FOUND', async () => {
    const store = h.simulator.store();
    const assetIds = Array.from({ length: 1000 }, (_, i) =>
      i % 10 === 7 ? UNMAPPED_ASSET_ID_RANGE.first + i : FIRST_ASSET_ID + i,
    );

    const result = await entities(assetIds.map((assetId) => ({ __typename: 'Asset', assetId })));

    expect(h.callCounts()).toEqual({ 'POST /pm/v1/assets/uuids': 1 });
    const errors = errorsByIndex(result);
    expect(errors.size).toBe(100);
    for (const [i, assetId] of assetIds.entries()) {
      const entity = result.data?._entities[i];
      if (i % 10 === 7) {
        expect(entity, `index ${i}`).toBeNull();
        expect(errors.get(i)?.code).toBe('NOT_FOUND');
        expect(errors.get(i)?.message).toContain(String(assetId));
      } else {
        expect(entity).toEqual({ __typename: 'Asset', id: store.assetByAssetId(assetId)?.id, assetId });
      }
    }
  });

  it('1,000 Assets by id: one asset page per 400 UUIDs per platform (platform unknown), in order', async () => {
    const store = h.simulator.store();
    const known = store.assets.slice(0, 990);
    const ids = known.map((a) => a.id);
    for (let n = 0; n < 10; n += 1) ids.splice(n * 97, 0, unknownUuid(n));

    const result = await entities(ids.map((id) => ({ __typename: 'Asset', id })));

    expect(h.callCounts()).toEqual({ 'POST /pm/v1/assets': 2 * chunks(1000, 400) });
    const errors = errorsByIndex(result);
    expect([...errors.values()].map((e) => e.code)).toEqual(Array(10).fill('NOT_FOUND'));
    for (const [i, id] of ids.entries()) {
      const asset = store.asset(id);
      expect(result.data?._entities[i]).toEqual(
        asset ? { __typename: 'Asset', id, assetId: asset.assetId } : null,
      );
      expect(errors.has(i)).toBe(!asset);
    }
  });

  it('1,000 Patches by id: one catalog call per platform (platform unknown), in order', async () => {
    const store = h.simulator.store();
    const known = [
      ...store.patches.filter((p) => p.platform === 'Linux').slice(0, 400),
      ...store.patches.filter((p) => p.platform === 'Windows').slice(0, 590),
    ];
    const ids = known.map((p) => p.id).reverse();
    for (let n = 0; n < 10; n += 1) ids.splice(n * 101, 0, unknownUuid(n));

    const result = await entities(ids.map((id) => ({ __typename: 'Patch', id })));

    expect(h.callCounts()).toEqual({ 'POST /pm/v1/patchcatalog/patches': 2 });
    const errors = errorsByIndex(result);
    expect(errors.size).toBe(10);
    for (const [i, id] of ids.entries()) {
      const patch = store.patch(id);
      expect(result.data?._entities[i]).toEqual(
        patch ? { __typename: 'Patch', id, title: patch.title } : null,
      );
      expect(errors.get(i)?.code).toBe(patch ? undefined : 'NOT_FOUND');
    }
  });

  it('1,000 Vulnerabilities by qid: one call, in order', async () => {
    const store = h.simulator.store();
    const qids = store.vulnerabilities.slice(0, 995).map((v) => v.id);
    qids.push(1, 2, 3, 4, 5); // not QIDs Qualys knows

    const result = await entities(qids.map((qid) => ({ __typename: 'Vulnerability', qid })));

    expect(h.callCounts()).toEqual({ 'POST /pm/v1/vulnerabilities': 1 });
    const errors = errorsByIndex(result);
    expect([...errors.keys()]).toEqual([995, 996, 997, 998, 999]);
    expect([...errors.values()].every((e) => e.code === 'NOT_FOUND')).toBe(true);
    for (const [i, qid] of qids.slice(0, 995).entries()) {
      expect(result.data?._entities[i]).toEqual({
        __typename: 'Vulnerability',
        qid,
        title: store.vulnerability(qid)?.title ?? null,
      });
    }
  });

  it('1,000 PatchJobs by id: one GET per distinct job, no more, in order', async () => {
    const store = h.simulator.store();
    const jobIds = store.patchJobs.map((j) => j.id);
    // Each of the 200 jobs 4 or 5 times, and 20 unknown ids once.
    const ids = Array.from({ length: 980 }, (_, i) => jobIds[i % jobIds.length] ?? '');
    for (let n = 0; n < 20; n += 1) ids.splice(n * 49, 0, unknownUuid(n));

    const result = await entities(ids.map((id) => ({ __typename: 'PatchJob', id })));

    expect(h.callCounts()).toEqual({ 'GET /pm/v1/deploymentjob/{id}': new Set(ids).size });
    expect(new Set(ids).size).toBe(220);
    const errors = errorsByIndex(result);
    for (const [i, id] of ids.entries()) {
      const job = store.patchJob(id);
      expect(result.data?._entities[i]).toEqual(
        job ? { __typename: 'PatchJob', id, name: job['name'] } : null,
      );
      expect(errors.get(i)?.code).toBe(job ? undefined : 'NOT_FOUND');
    }
  });

  it('1,000 MitigationJobs by id: one GET per distinct job, no more, in order', async () => {
    const store = h.simulator.store();
    const jobIds = store.mitigationJobs.map((j) => j.id);
    const ids = Array.from({ length: 1000 }, (_, i) =>
      i % 100 === 99 ? unknownUuid(i) : (jobIds[i % jobIds.length] ?? ''),
    );

    const result = await entities(ids.map((id) => ({ __typename: 'MitigationJob', id })));

    expect(h.callCounts()).toEqual({ 'GET /mtg/v1/deploymentjob/{id}': jobIds.length + 10 });
    const errors = errorsByIndex(result);
    expect(errors.size).toBe(10);
    for (const [i, id] of ids.entries()) {
      const job = store.mitigationJob(id);
      expect(result.data?._entities[i]).toEqual(
        job ? { __typename: 'MitigationJob', id, name: job['name'] } : null,
      );
    }
  });

  it('resolves mixed typenames in one request; unknown typenames and malformed keys fail alone', async () => {
    const store = h.simulator.store();
    const asset = store.assets[3];
    const patch = store.patches[3];
    const vulnerability = store.vulnerabilities[3];
    const patchJob = store.patchJobs[3];
    const mitigationJob = store.mitigationJobs[3];
    const representations = [
      { __typename: 'Asset', assetId: asset?.assetId },
      { __typename: 'Tag', id: unknownUuid(1) },
      { __typename: 'Patch', id: patch?.id },
      { __typename: 'Asset', assetId: 'forty' },
      { __typename: 'Vulnerability', qid: vulnerability?.id },
      { __typename: 'PatchJob', id: patchJob?.id },
      { __typename: 'PatchJob' },
      { __typename: 'MitigationJob', id: mitigationJob?.id },
      { __typename: 'Asset', id: asset?.id },
      { __typename: 'Asset', id: '../../etc/passwd' },
      { id: asset?.id },
    ];

    const result = await entities(representations);

    expect(result.data?._entities).toEqual([
      { __typename: 'Asset', id: asset?.id, assetId: asset?.assetId },
      null,
      { __typename: 'Patch', id: patch?.id, title: patch?.title },
      null,
      { __typename: 'Vulnerability', qid: vulnerability?.id, title: vulnerability?.title ?? null },
      { __typename: 'PatchJob', id: patchJob?.id, name: patchJob?.name },
      null,
      {
        __typename: 'MitigationJob',
        id: mitigationJob?.id,
        name: store.mitigationJob(mitigationJob?.id ?? '')?.['name'],
      },
      { __typename: 'Asset', id: asset?.id, assetId: asset?.assetId },
      null,
      null,
    ]);
    const errors = errorsByIndex(result);
    expect(
      [...errors.entries()].map(([i, e]) => [i, e.code]).sort(([a], [b]) => Number(a) - Number(b)),
    ).toEqual([
      [1, 'BAD_USER_INPUT'],
      [3, 'BAD_USER_INPUT'],
      [6, 'BAD_USER_INPUT'],
      [9, 'BAD_USER_INPUT'],
      [10, 'BAD_USER_INPUT'],
    ]);
    expect(errors.get(1)?.message).toContain('`Tag` is not an entity of this subgraph');
    // One batched call per loader; the malformed representations cost nothing.
    expect(h.callCounts()).toEqual({
      'POST /pm/v1/assets/uuids': 1,
      'POST /pm/v1/patchcatalog/patches': 2,
      'POST /pm/v1/vulnerabilities': 1,
      'GET /pm/v1/deploymentjob/{id}': 1,
      'GET /mtg/v1/deploymentjob/{id}': 1,
      'POST /pm/v1/assets': 2,
    });
  });

  it('_service { sdl } is the committed subgraph SDL, with the @key directives', async () => {
    const result = await h.execute<{ _service: { sdl: string } }, Record<string, never>>(
      '{ _service { sdl } }',
    );
    const sdl = result.data?._service.sdl ?? '';
    expect(`${sdl}\n`).toBe(readFileSync(new URL('../../schema/subgraph.graphql', import.meta.url), 'utf8'));
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])');
    for (const key of [
      /type Asset\s+@key\(fields: "id"\)\s+@key\(fields: "assetId"\)/,
      /type Patch\s+@key\(fields: "id"\)/,
      /type PatchJob implements Job\s+@key\(fields: "id"\)/,
      /type MitigationJob implements Job\s+@key\(fields: "id"\)/,
      /type Vulnerability\s+@key\(fields: "qid"\)/,
    ]) {
      expect(sdl).toMatch(key);
    }
    expect(sdl).not.toContain('_entities');
    expect(h.calls()).toEqual([]);
  });
});

describe('federation: the asset join (assets by assetId with missing patches and deployment jobs)', () => {
  /** The jobs whose list entry names the asset, Windows first, in list order. */
  function expectedJobs(assetUuid: string): { id: unknown; name: unknown }[] {
    const store = h.simulator.store();
    return [...store.jobList('list', 'Windows'), ...store.jobList('list', 'Linux')]
      .filter((item) => ((item['assets'] as JsonObject[] | null) ?? []).some((a) => a['id'] === assetUuid))
      .map((item) => ({ id: item['id'], name: item['name'] }));
  }

  const MAPPED = 250;
  const UNMAPPED = 5;
  const assetIds = [
    ...Array.from({ length: MAPPED }, (_, i) => FIRST_ASSET_ID + i),
    ...Array.from({ length: UNMAPPED }, (_, i) => UNMAPPED_ASSET_ID_RANGE.first + i),
  ];
  /** Asset ids are mapped first, asset pages (both platforms) and job lists (both platforms) then run together. */
  const minimumCalls = {
    'POST /pm/v1/assets/uuids': chunks(MAPPED + UNMAPPED, 1000),
    'POST /pm/v1/assets': 2 * chunks(MAPPED, 400),
    'GET /pm/v1/deploymentjobs': 2 * chunks(MAPPED, ASSET_UUIDS_PER_JOB_QUERY),
  };

  it('AssetJobs: mapping, asset pages and job lists only, no call per asset', async () => {
    const store = h.simulator.store();

    const result = await h.execute(AssetJobsDocument, { assetIds });

    expect(result.errors).toBeUndefined();
    expect(h.callCounts()).toEqual(minimumCalls);
    const mapping = result.data?.assetsByAssetId;
    expect(mapping?.unmappedAssetIds).toEqual(assetIds.slice(MAPPED));
    expect(mapping?.mapped).toHaveLength(MAPPED);
    let withJobs = 0;
    for (const [i, asset] of (mapping?.mapped ?? []).entries()) {
      const simAsset = store.assetByAssetId(FIRST_ASSET_ID + i);
      expect(asset.id).toBe(simAsset?.id);
      expect(asset.name).toBe(simAsset?.name);
      expect(asset.missingPatches).toEqual(
        simAsset?.missingPatches.map((m) => ({ id: m.id, title: m.title })),
      );
      const jobs = expectedJobs(asset.id);
      expect(asset.patchJobs?.map((j) => ({ id: j.id, name: j.name }))).toEqual(jobs);
      expect(asset.patchJobs?.every((j) => j.statusLabel !== null)).toBe(true);
      if (jobs.length > 0) withJobs += 1;
    }
    expect(withJobs).toBeGreaterThan(10);
  });

  it('the same join through _entities by assetId (as a router sends it) makes the same calls', async () => {
    const result = (await h.execute(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Asset { id assetId missingPatches { id } patchJobs { id statusLabel } }
        }
      }`,
      { representations: assetIds.map((assetId) => ({ __typename: 'Asset', assetId })) },
    )) as GraphQLResponse<{ _entities: ({ id: string; patchJobs: { id: string }[] } | null)[] }>;

    expect(h.callCounts()).toEqual(minimumCalls);
    const found = result.data?._entities ?? [];
    expect(found.slice(MAPPED)).toEqual(Array(UNMAPPED).fill(null));
    expect(result.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual(
      Array.from({ length: UNMAPPED }, (_, i) => [['_entities', MAPPED + i], 'NOT_FOUND']),
    );
    for (const entity of found.slice(0, MAPPED)) {
      expect(entity?.patchJobs.map((j) => j.id)).toEqual(expectedJobs(entity?.id ?? '').map((j) => j.id));
    }
  });
});
