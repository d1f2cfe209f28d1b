import { describe, expect, it } from 'vitest';
import { QualysAssetSchema, QualysPatchSchema } from '../../src/qualys/schemas/index.js';
import { decodeOffsetCursor, encodeOffsetCursor } from '../../src/schema/support/pagination.js';
import { createFakeQualysApi } from '../loaders/fake-qualys-api.js';
import { linkableJobs, uuid } from './fixtures.js';
import { errorCodes, run } from './helpers.js';

const patches = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    QualysPatchSchema.parse({ id: uuid('9a7c4', i), title: `P${i}`, missingCount: i }),
  );

type Page = {
  patches: {
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
};

describe('offset connections', () => {
  it('fetches an aligned window as one page (pageSize = first, pageNumber = offset / first)', async () => {
    const fake = createFakeQualysApi({ patchList: { Windows: patches(45) } });
    const result = await run(
      fake,
      `{ patches(platform: WINDOWS, first: 10, after: "${encodeOffsetCursor(19)}") {
      edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
    );
    const page = (result.data as Page).patches;
    expect(page.edges.map((e) => e.node.id)).toEqual(
      patches(45)
        .slice(20, 30)
        .map((p) => p.id),
    );
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      endCursor: encodeOffsetCursor(29),
    });
    expect(fake.callsOf('listPatches').map((c) => c.args[0])).toEqual([
      { platform: 'Windows', pageNumber: 2, pageSize: 10 },
    ]);
  });

  it('fetches an unaligned window as the two pages covering it', async () => {
    const fake = createFakeQualysApi({ patchList: { Windows: patches(45) } });
    const result = await run(
      fake,
      `{ patches(platform: WINDOWS, first: 10, after: "${encodeOffsetCursor(24)}", query: "isSecurity:true") {
      nodes { id } pageInfo { hasNextPage } } }`,
    );
    const data = result.data as { patches: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } };
    expect(data.patches.nodes.map((n) => n.id)).toEqual(
      patches(45)
        .slice(25, 35)
        .map((p) => p.id),
    );
    expect(data.patches.pageInfo.hasNextPage).toBe(true);
    expect(fake.callsOf('listPatches').map((c) => c.args[0])).toEqual([
      { platform: 'Windows', query: 'isSecurity:true', pageNumber: 2, pageSize: 10 },
      { platform: 'Windows', query: 'isSecurity:true', pageNumber: 3, pageSize: 10 },
    ]);
  });

  it('reports hasNextPage false when the page came back short', async () => {
    const fake = createFakeQualysApi({ patchList: { Windows: patches(45) } });
    const result = await run(
      fake,
      `{ patches(platform: WINDOWS, first: 20, after: "${encodeOffsetCursor(39)}") { nodes { id missingCount } pageInfo { hasNextPage } } }`,
    );
    const data = result.data as {
      patches: { nodes: { missingCount: number }[]; pageInfo: { hasNextPage: boolean } };
    };
    expect(data.patches.nodes.map((n) => n.missingCount)).toEqual([40, 41, 42, 43, 44]);
    expect(data.patches.pageInfo.hasNextPage).toBe(false);
  });

  it('primes the patch loader: patch details of listed patches cost no catalog call', async () => {
    const fake = createFakeQualysApi({ patchList: { Windows: patches(3) } });
    const result = await run(
      fake,
      `{ patches(platform: WINDOWS) { nodes { title missingCount supersedes { id } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(fake.count()).toBe(1);
  });

  it('surfaces the 10,000-record cap as QUALYS_RECORD_CAP without a call, and clips windows at it', async () => {
    const fake = createFakeQualysApi({ patchList: { Windows: patches(10) } });
    const capped = await run(
      fake,
      `{ patches(platform: WINDOWS, after: "${encodeOffsetCursor(9999)}") { nodes { id } } }`,
    );
    expect(errorCodes(capped)).toEqual(['QUALYS_RECORD_CAP']);
    expect(fake.count()).toBe(0);

    await run(
      fake,
      `{ patches(platform: WINDOWS, first: 30, after: "${encodeOffsetCursor(9979)}") { nodes { id } } }`,
    );
    // Records 9,980-9,999 in one page of 40 (a divisor of 10,000 >= first): never past the cap.
    expect(fake.callsOf('listPatches').map((c) => c.args[0])).toMatchObject([
      { platform: 'Windows', pageNumber: 249, pageSize: 40 },
    ]);
  });

  it('encodes cursors as opaque base64 of the absolute offset', () => {
    expect(decodeOffsetCursor(encodeOffsetCursor(1234))).toBe(1234);
    expect(decodeOffsetCursor('not a cursor')).toBeNull();
  });

  it('lists linkable jobs on the requested platform and loads full jobs only for fields the entry lacks', async () => {
    const fake = createFakeQualysApi({ linkableJobs: { Linux: linkableJobs(2) } });
    const result = await run(
      fake,
      `{ linkablePatchJobs(platform: LINUX) { nodes { id name status platform createdBy { name } createdAt } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      linkablePatchJobs: {
        nodes: [
          {
            name: 'PM_0',
            status: 'ASSETS_RESPONDED',
            platform: 'LINUX',
            createdBy: { name: 'User John' },
            createdAt: '2022-10-21T07:35:48.141Z',
          },
          { name: 'PM_1' },
        ],
      },
    });
    expect(fake.calls.map((c) => c.method)).toEqual(['listLinkableDeploymentJobs']);
  });
});

describe('asset connection', () => {
  it('pages with the Qualys searchAfter cursor and primes the asset loader', async () => {
    const assets = Array.from({ length: 5 }, (_, i) =>
      QualysAssetSchema.parse({ id: uuid('a55e7', i), name: `h${i}`, tags: ['t-1'] }),
    );
    const fake = createFakeQualysApi({ assets: { Windows: assets } });
    const first = await run(
      fake,
      `{ assets(platform: WINDOWS, first: 2) { nodes { id name tags { id name } } pageInfo { hasNextPage endCursor } } }`,
    );
    const page = (
      first.data as {
        assets: { nodes: { name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      }
    ).assets;
    expect(page.nodes.map((n) => n.name)).toEqual(['h0', 'h1']);
    expect(page.pageInfo.hasNextPage).toBe(true);

    const next = await run(
      fake,
      `query($after: String) { assets(platform: WINDOWS, first: 3, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } }`,
      {
        after: page.pageInfo.endCursor,
      },
    );
    const nextPage = (
      next.data as {
        assets: { nodes: { name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      }
    ).assets;
    expect(nextPage.nodes.map((n) => n.name)).toEqual(['h2', 'h3', 'h4']);
    expect(nextPage.pageInfo.hasNextPage).toBe(false);
    expect(fake.callsOf('listAssets').map((c) => c.args[0])).toEqual([
      { platform: 'Windows', pageSize: 2, searchAfter: null },
      { platform: 'Windows', pageSize: 3, searchAfter: '2' },
    ]);

    const end = await run(
      fake,
      `query($after: String) { assets(platform: WINDOWS, after: $after) { nodes { name } } }`,
      {
        after: nextPage.pageInfo.endCursor,
      },
    );
    expect(end.data).toEqual({ assets: { nodes: [] } });
    expect(fake.count()).toBe(2);
  });
});
