/**
 * The upstream-call budget as a guarantee: counted as calls are made, the call that would exceed
 * it not made (its field errors with UPSTREAM_BUDGET_EXCEEDED, the rest of the data returned),
 * the pre-check refusing only what is certain to exceed it, and ordinary large queries running.
 * A property test throws random cursors, ids, `__typename`s and strings at the gateway.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyFieldOf } from '../helpers/every-field.js';
import { codes, type Stack, startStack } from '../helpers/stack.js';

describe('the run-time budget', () => {
  let s: Stack;
  const FLEET = { assets: 60, patches: 80, patchJobs: 200, mitigationJobs: 4 };
  /**
   * Two jobs, their assets, and the jobs targeting each of those, with a description (a job GET
   * each): list sizes no argument fixes, so the pre-check counts them as empty (1 call) and lets
   * it run; unbounded it makes 74 calls on this fleet.
   */
  const QUERY =
    '{ patchJobs(platform: LINUX, first: 2) { nodes { id assets { id patchJobs { id description } } } } }';

  beforeAll(async () => {
    s = await startStack({ simulator: { fleet: FLEET }, gateway: { queryLimits: { maxUpstreamCalls: 10 } } });
  });
  afterAll(() => s.close());

  it('a budget of 10 against a query that makes 60: exactly 10 calls, partial data, coded errors', async () => {
    const unbounded = await startStack({ simulator: { fleet: FLEET } });
    let full: Awaited<ReturnType<Stack['post']>>;
    try {
      full = await unbounded.post(QUERY);
    } finally {
      await unbounded.close();
    }
    expect(full.body.errors).toBeUndefined();
    expect(full.calls.length).toBeGreaterThanOrEqual(60);

    const bounded = await s.post(QUERY);
    expect(bounded.body.extensions?.upstream?.calls).toBe(10);
    expect(bounded.calls).toHaveLength(10);
    expect(bounded.status).toBe(200);
    expect(bounded.body.errors?.length).toBeGreaterThan(0);
    expect(new Set(codes(bounded))).toEqual(new Set(['UPSTREAM_BUDGET_EXCEEDED']));
    for (const error of bounded.body.errors ?? []) {
      if (error.extensions?.['code'] === 'ERRORS_TRUNCATED') continue; // counted by codes() above
      expect(error.extensions?.['maxCalls']).toBe(10);
      expect(error.path?.length).toBeGreaterThan(0);
      expect(error.message).not.toMatch(/\/pm\/|deploymentjob/);
    }
    // Partial data: what the 10 calls paid for is there.
    const jobs = bounded.body.data?.['patchJobs'] as
      | { nodes: Array<{ id: string; assets: unknown[] }> }
      | undefined;
    const nodes = jobs?.nodes ?? [];
    expect(nodes).toHaveLength(2);
    expect(nodes.some((n) => n.assets.length > 0)).toBe(true);
  });

  it('retries are paid from the same budget: a retry it cannot pay for is not made', async () => {
    const small = await startStack({ gateway: { queryLimits: { maxUpstreamCalls: 3 } } });
    try {
      small.simulator.configure({ errorRate: 1 });
      const response = await small.post('{ patchJobs(platform: WINDOWS, first: 1) { nodes { id } } }');
      expect(response.calls).toHaveLength(3);
      expect(codes(response)).toEqual(['QUALYS_HTTP_STATUS']);
    } finally {
      await small.close();
    }
  });
});

describe('the pre-check refuses only what is certain to exceed the budget', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(() => s.close());

  it('mitigationJob with every field three levels deep runs', async () => {
    const id = s.simulator.store().mitigationJobs[0]?.id;
    const response = await s.post(`{ mitigationJob(id: "${id}") { ${everyFieldOf('MitigationJob', 4)} } }`);
    expect(codes(response)).not.toContain('UPSTREAM_BUDGET_EXCEEDED');
    expect(codes(response)).not.toContain('GRAPHQL_VALIDATION_FAILED');
    expect(response.body.data?.['mitigationJob']).toMatchObject({ id });
  });

  it('patchJob with every field three levels deep parses and runs (3,000+ tokens)', async () => {
    const id = s.simulator.store().patchJobs[0]?.id;
    const document = `{ patchJob(id: "${id}") { ${everyFieldOf('PatchJob', 4)} } }`;
    expect(document.length).toBeGreaterThan(20_000);
    const response = await s.post(document);
    expect(codes(response)).not.toContain('GRAPHQL_PARSE_FAILED');
    expect(codes(response)).not.toContain('GRAPHQL_VALIDATION_FAILED');
    expect(codes(response)).not.toContain('UPSTREAM_BUDGET_EXCEEDED');
    expect(response.body.data?.['patchJob']).toMatchObject({ id });
  });

  it('the 50-job dashboard with result assets and their patches runs (~52 calls)', async () => {
    const response = await s.post(
      '{ patchJobs(platform: WINDOWS, first: 50) { nodes { id name status latestResult { assetResults { status ' +
        'asset { id name } installedPatches { id title } failedPatches { id title } } } } } }',
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.calls.length).toBeLessThanOrEqual(60);
  });

  it('assetsByAssetId with 2,500 ids written inline parses and runs', async () => {
    const { FIRST_ASSET_ID } = await import('../../src/simulator/index.js');
    const list = Array.from({ length: 2500 }, (_, i) => FIRST_ASSET_ID + i).join(', ');
    const response = await s.post(`{ assetsByAssetId(assetIds: [${list}]) { mapped { id assetId } } }`);
    expect(response.body.errors).toBeUndefined();
    expect(response.calls).toHaveLength(3);
  });

  it('what is certain to exceed is still refused with zero calls', async () => {
    const response = await s.post(
      '{ patchJobs(platform: WINDOWS, first: 1000) { nodes { runs { jobInstanceId } latestResult { assetCount } } } }',
    );
    expect(codes(response)).toEqual(['UPSTREAM_BUDGET_EXCEEDED']);
    expect(response.body.errors?.[0]?.extensions?.['estimatedCalls']).toBe(2001);
    expect(response.calls).toEqual([]);
  });
});

describe('property: random input never opens the breaker, never exceeds the budget, never calls for invalid input', () => {
  const BUDGET = 25;
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({
      gateway: { queryLimits: { maxUpstreamCalls: BUDGET } },
      // Two upstream-health failures in a row would open it for a minute: any miscounted local
      // error shows up as QUALYS_CIRCUIT_OPEN.
      client: { circuitBreaker: { failureThreshold: 2, halfOpenAfterMs: 60_000 } },
    });
  });
  afterAll(() => s.close());

  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const nasty = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('x\r\ny', '\u0000', '../../etc/passwd', '%0d%0a', 'a'.repeat(5_000), 'ü\u2028', ''),
  );
  const cursor = fc.oneof(
    nasty,
    nasty.map((t) => b64(`searchAfter:${t}`)),
    fc.nat({ max: 20_000 }).map((n) => b64(`offset:${n}`)),
    nasty.map(b64),
  );
  const id = fc.oneof(nasty, fc.uuid());
  const typename = fc.oneof(
    fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'PatchJob', 'Asset', 'Patch'),
    nasty,
  );
  const sample = fc.oneof(
    fc.record({ kind: fc.constant('assets' as const), a: cursor }),
    fc.record({
      kind: fc.constant('jobs' as const),
      a: cursor,
      f: nasty,
      n: fc.integer({ min: -5, max: 1_200 }),
    }),
    fc.record({ kind: fc.constant('job' as const), id }),
    fc.record({ kind: fc.constant('entities' as const), t: typename, id }),
    fc.record({ kind: fc.constant('patches' as const), a: cursor, f: nasty }),
  );

  function sampleToRequest(x: {
    kind: string;
    a?: string;
    f?: string;
    n?: number;
    id?: string;
    t?: string;
  }): [string, Record<string, unknown>] {
    switch (x.kind) {
      case 'assets':
        return [
          'query ($a: String) { assets(platform: WINDOWS, first: 2, after: $a) { nodes { id } } }',
          { a: x.a },
        ];
      case 'jobs':
        return [
          'query ($a: String, $f: String, $n: Int) { patchJobs(platform: WINDOWS, first: $n, after: $a, filter: $f) { nodes { id name } } }',
          { a: x.a, f: x.f, n: x.n },
        ];
      case 'job':
        return ['query ($id: ID!) { patchJob(id: $id) { id name runs { jobInstanceId } } }', { id: x.id }];
      case 'entities':
        return [
          'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
          { r: [{ __typename: x.t, id: x.id }] },
        ];
      default:
        return [
          'query ($a: String, $f: String) { patches(platform: LINUX, first: 3, after: $a, query: $f) { nodes { id } } }',
          { a: x.a, f: x.f },
        ];
    }
  }

  it('holds for 150 random requests, and a valid request still succeeds afterwards', async () => {
    let reachedQualys = 0;
    let refusedAsInput = 0;
    await fc.assert(
      fc.asyncProperty(sample, async (x) => {
        const [query, variables] = sampleToRequest(x);
        const response = await s.post(query, variables);
        const errorCodes = codes(response);
        expect(errorCodes).not.toContain('QUALYS_CIRCUIT_OPEN');
        expect(errorCodes).not.toContain('QUALYS_REQUEST_INVALID');
        expect(errorCodes).not.toContain('INTERNAL_SERVER_ERROR');
        expect(response.calls.length).toBeLessThanOrEqual(BUDGET);
        if (errorCodes.includes('BAD_USER_INPUT') || errorCodes.includes('GRAPHQL_VALIDATION_FAILED')) {
          expect(response.calls).toEqual([]);
          refusedAsInput += 1;
        }
        if (response.calls.length > 0) reachedQualys += 1;
      }),
      { numRuns: 150, seed: 12 },
    );
    // Both paths were exercised: input refused locally, and input Qualys had to judge.
    expect(refusedAsInput).toBeGreaterThan(20);
    expect(reachedQualys).toBeGreaterThan(20);
    const fine = await s.post('{ patchJobs(platform: WINDOWS, first: 2) { nodes { id } } }');
    expect(fine.body.errors).toBeUndefined();
    expect(fine.calls).toHaveLength(1);
  }, 120_000);
});
