import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssetsByAssetIdDocument, DashboardDocument } from '../../schema/generated/graphql.js';
import { type Harness, startHarness } from '../helpers/harness.js';

/**
 * Two Qualys subscriptions (tenants) behind one gateway that forwards callers' JWTs: loaders
 * and caches are per request, so concurrent callers never see each other's results.
 */
describe('per-caller isolation (forwarded Authorization: Bearer tokens)', () => {
  let h: Harness;
  const fleet = { assets: 300, patches: 400, patchJobs: 20, mitigationJobs: 4 };

  beforeAll(async () => {
    h = await startHarness({
      serviceCredentials: false,
      simulator: {
        fleet,
        tenants: [
          { username: 'alice', password: 'alice-pw', seed: 11, includeSeedSamples: false },
          { username: 'bob', password: 'bob-pw', seed: 22, includeSeedSamples: false },
        ],
      },
    });
  });
  afterAll(() => h.close());

  it('answers each caller from its own subscription when requests run concurrently', async () => {
    const alice = { authorization: `Bearer ${h.simulator.issueToken('alice')}` };
    const bob = { authorization: `Bearer ${h.simulator.issueToken('bob')}` };
    const aliceIds = h.simulator
      .store('alice')
      .assetsOf('Windows')
      .slice(0, 40)
      .map((a) => a.assetId);
    const bobIds = h.simulator
      .store('bob')
      .assetsOf('Windows')
      .slice(0, 40)
      .map((a) => a.assetId);
    // The same asset ids asked by both callers at once: the answers must differ per tenant.
    const sharedIds = [...new Set([...aliceIds, ...bobIds])];

    const rounds = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        Promise.all([
          h.execute(AssetsByAssetIdDocument, { assetIds: sharedIds }, i % 2 ? alice : bob),
          h.execute(AssetsByAssetIdDocument, { assetIds: sharedIds }, i % 2 ? bob : alice),
          h.execute(DashboardDocument, { first: 5 }, alice),
          h.execute(DashboardDocument, { first: 5 }, bob),
        ]),
      ),
    );

    const expectedMapping = (tenant: 'alice' | 'bob') => {
      const store = h.simulator.store(tenant);
      return sharedIds.flatMap((id) => {
        const asset = store.assetByAssetId(id);
        return asset ? [{ id: asset.id, assetId: id }] : [];
      });
    };
    const aliceJobs = h.simulator.store('alice').jobList('list', 'Windows').slice(0, 5);
    const bobJobs = h.simulator.store('bob').jobList('list', 'Windows').slice(0, 5);
    expect(aliceJobs.map((j) => j['id'])).not.toEqual(bobJobs.map((j) => j['id']));

    rounds.forEach(([first, second, aliceDashboard, bobDashboard], i) => {
      const [forAlice, forBob] = i % 2 ? [first, second] : [second, first];
      expect(forAlice.errors).toBeUndefined();
      expect(forBob.errors).toBeUndefined();
      expect(forAlice.data?.assetsByAssetId.mapped).toEqual(expectedMapping('alice'));
      expect(forBob.data?.assetsByAssetId.mapped).toEqual(expectedMapping('bob'));
      expect(aliceDashboard.data?.patchJobs.nodes.map((n) => n.id)).toEqual(aliceJobs.map((j) => j['id']));
      expect(bobDashboard.data?.patchJobs.nodes.map((n) => n.id)).toEqual(bobJobs.map((j) => j['id']));
    });

    // Every upstream call carried the caller's own token.
    const tenants = new Set(h.calls().map((c) => c.tenant));
    expect(tenants).toEqual(new Set(['alice', 'bob']));
  });

  it('refuses a request without a token with QUALYS_UNAUTHORIZED and makes no upstream call', async () => {
    h.resetCalls();
    const result = await h.execute(AssetsByAssetIdDocument, { assetIds: [1] });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('QUALYS_UNAUTHORIZED');
    expect(h.calls()).toHaveLength(0);
  });

  it('passes a rejected token through as QUALYS_UNAUTHORIZED without leaking it', async () => {
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.forged-signature';
    const result = await h.execute(
      AssetsByAssetIdDocument,
      { assetIds: [1] },
      { authorization: `Bearer ${forged}` },
    );
    expect(result.errors?.[0]?.extensions?.['code']).toBe('QUALYS_UNAUTHORIZED');
    expect(JSON.stringify(result)).not.toContain('forged-signature');
  });
});
