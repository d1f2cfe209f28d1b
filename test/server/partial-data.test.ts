import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DashboardDocument, JobDetailDocument } from '../../schema/generated/graphql.js';
import { type Harness, startHarness } from '../helpers/harness.js';

/**
 * An upstream failure under one linked field yields partial data plus a coded error at that
 * field's path — never a failed request — and no client-visible error carries an upstream URL,
 * token or body.
 */
describe('partial data on upstream failures (through Yoga)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      simulator: { fleet: { assets: 400, patches: 800, patchJobs: 40, mitigationJobs: 2 } },
    });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.simulator.clearFaults();
    h.resetCalls();
  });

  it("one job's failing result summary nulls only that job's latestResult, with QUALYS_HTTP_STATUS at its path", async () => {
    const baseline = await h.execute(DashboardDocument, { first: 10 });
    const nodes = baseline.data?.patchJobs.nodes ?? [];
    const victimIndex = nodes.findIndex(
      (n) => n.latestResult !== null && n.latestResult.assetResults.length > 0,
    );
    expect(victimIndex).toBeGreaterThanOrEqual(0);
    const victim = nodes[victimIndex];
    h.simulator.injectFault({
      path: `/pm/v1/deploymentjob/${victim?.id}/deploymentjobresult/summary`,
      status: 503,
      body: { _error: { code: 503, errorCode: '9999', message: 'upstream body that must not leak' } },
    });

    const result = await h.execute(DashboardDocument, { first: 10 });
    expect(result.data?.patchJobs.nodes).toHaveLength(10);
    result.data?.patchJobs.nodes.forEach((node, i) => {
      if (i === victimIndex) expect(node.latestResult).toBeNull();
      else expect(node).toEqual(nodes[i]);
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['patchJobs', 'nodes', victimIndex, 'latestResult'],
      extensions: { code: 'QUALYS_HTTP_STATUS', httpStatus: 503 },
    });
    const text = JSON.stringify(result.errors);
    expect(text).not.toContain('must not leak');
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toMatch(/Bearer|eyJ/);
  });

  it('a failing catalog call leaves job data and asset names intact; only patch details are null', async () => {
    h.simulator.injectFault({ path: '/pm/v1/patchcatalog/patches', status: 500 });
    const result = await h.execute(DashboardDocument, { first: 10 });
    const nodes = result.data?.patchJobs.nodes ?? [];
    expect(nodes).toHaveLength(10);
    expect(nodes.every((n) => typeof n.name === 'string')).toBe(true);
    expect(result.errors?.length).toBeGreaterThan(0);
    for (const error of result.errors ?? []) {
      expect(error.extensions?.['code']).toBe('QUALYS_HTTP_STATUS');
      expect(error.path?.slice(0, 2)).toEqual(['patchJobs', 'nodes']);
    }
    const results = nodes.flatMap((n) => n.latestResult?.assetResults ?? []);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => typeof r.asset.id === 'string')).toBe(true);
  });

  it('a malformed upstream body becomes QUALYS_BAD_PAYLOAD at the field, not a crash', async () => {
    const job = h.simulator.store().patchJobs.find((j) => j.runs.length > 0);
    h.simulator.injectFault({ path: /\/runs$/, status: 200, body: [{ jobInstanceId: 1 }], malformed: true });
    const result = await h.execute(JobDetailDocument, { id: job?.id ?? '' });
    expect(result.data?.patchJob?.id).toBe(job?.id);
    expect(result.data?.patchJob?.runs).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      path: ['patchJob', 'runs'],
      extensions: { code: 'QUALYS_BAD_PAYLOAD' },
    });
  });

  it('a timeout becomes QUALYS_TIMEOUT at the field', async () => {
    const slow = await startHarness({
      timeoutMs: 100,
      simulator: { fleet: { assets: 50, patches: 100, patchJobs: 5, mitigationJobs: 1 } },
    });
    try {
      const job = slow.simulator.store().patchJobs.find((j) => j.runs.length > 0);
      slow.simulator.injectFault({ path: /\/runs$/, status: 200, body: [], delayMs: 400 });
      const result = await slow.execute(JobDetailDocument, { id: job?.id ?? '' });
      expect(result.data?.patchJob?.id).toBe(job?.id);
      expect(result.errors?.[0]).toMatchObject({
        path: ['patchJob', 'runs'],
        extensions: { code: 'QUALYS_TIMEOUT' },
      });
    } finally {
      await slow.close();
    }
  });

  it('a job that does not exist is null without an error', async () => {
    const result = await h.execute(JobDetailDocument, { id: '00000000-0000-0000-0000-000000000000' });
    expect(result).toEqual({ data: { patchJob: null } });
  });
});
