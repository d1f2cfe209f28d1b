import { describe, expect, it } from 'vitest';
import { createFakeQualysApi } from '../loaders/fake-qualys-api.js';
import { dashboardData } from './fixtures.js';
import { errorCodes, run } from './helpers.js';

describe('argument validation', () => {
  const cases: [string, string, Record<string, unknown>?][] = [
    ['first: 0', '{ patchJobs(platform: WINDOWS, first: 0) { nodes { id } } }'],
    ['first: 5000', '{ patchJobs(platform: WINDOWS, first: 5000) { nodes { id } } }'],
    ['first: 1001 on patches', '{ patches(platform: LINUX, first: 1001) { nodes { id } } }'],
    ['first: 401 on assets', '{ assets(platform: WINDOWS, first: 401) { nodes { id } } }'],
    ['a cursor not issued here', '{ patchJobs(platform: WINDOWS, after: "bm9wZQ==") { nodes { id } } }'],
    ['an asset cursor that is not one', '{ assets(platform: WINDOWS, after: "xyz") { nodes { id } } }'],
    ['an id with a path separator', '{ patchJob(id: "../secrets") { id } }'],
    ['a negative jobInstanceId', '{ jobResult(jobId: "abc-1", jobInstanceId: -1) { assetCount } }'],
    [
      '10,001 asset ids',
      'query($ids: [Int!]!) { assetsByAssetId(assetIds: $ids) { unmappedAssetIds } }',
      { ids: Array.from({ length: 10_001 }, (_, i) => i + 1) },
    ],
  ];

  for (const [name, source, variables] of cases) {
    it(`rejects ${name} with BAD_USER_INPUT before any upstream call`, async () => {
      const fake = createFakeQualysApi(dashboardData(2));
      const result = await run(fake, source, variables);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.message).toMatch(/^Invalid argument: /);
      expect(fake.count()).toBe(0);
    });
  }

  it('accepts the bounds: first 1 and 1000, 10,000 asset ids', async () => {
    const fake = createFakeQualysApi(dashboardData(2));
    const result = await run(
      fake,
      `query($ids: [Int!]!) {
        a: patchJobs(platform: WINDOWS, first: 1) { nodes { id } }
        b: patchJobs(platform: WINDOWS, first: 1000) { nodes { id } }
        assetsByAssetId(assetIds: $ids) { unmappedAssetIds }
      }`,
      { ids: Array.from({ length: 10_000 }, (_, i) => i + 1) },
    );
    expect(result.errors).toBeUndefined();
    expect(fake.count('mapAssetIdsToUuids')).toBe(10);
  });
});
