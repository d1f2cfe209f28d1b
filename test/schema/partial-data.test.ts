import { describe, expect, it } from 'vitest';
import { QualysHttpError, QualysRateLimitedError } from '../../src/qualys/errors.js';
import { createFakeQualysApi } from '../loaders/fake-qualys-api.js';
import { dashboardData, jobDetailData, uuid } from './fixtures.js';
import { run } from './helpers.js';

describe('partial data', () => {
  it('a failed result summary nulls only that latestResult, with the error at its path', async () => {
    const fake = createFakeQualysApi(dashboardData(3));
    const failing = uuid('10b', 1);
    fake.failWhen((call) =>
      call.method === 'getDeploymentJobResultSummary' && call.args[0] === failing
        ? new QualysHttpError('QUALYS_HTTP_STATUS', 'Qualys answered 502', { endpoint: 'GET x', status: 502 })
        : undefined,
    );
    const result = await run(
      fake,
      `{ patchJobs(platform: WINDOWS, first: 3) { nodes { id name latestResult { assetCount } } } }`,
    );
    const data = result.data as {
      patchJobs: { nodes: { id: string; name: string; latestResult: unknown }[] };
    };
    expect(data.patchJobs.nodes.map((n) => n.latestResult)).toEqual([
      { assetCount: 2 },
      null,
      { assetCount: 2 },
    ]);
    expect(data.patchJobs.nodes[1]?.name).toBe('Job 0001');
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.path).toEqual(['patchJobs', 'nodes', 1, 'latestResult']);
    expect(result.errors?.[0]?.originalError).toMatchObject({ code: 'QUALYS_HTTP_STATUS' });
  });

  it('a failed catalog call nulls the patch fields that needed it, with one error per field', async () => {
    const fake = createFakeQualysApi(dashboardData(1));
    fake.failWhen((call) =>
      call.method === 'getCatalogPatches'
        ? new QualysRateLimitedError('QUALYS_RATE_LIMITED', 'throttled', { endpoint: 'x', status: 429 })
        : undefined,
    );
    const result = await run(
      fake,
      `{ patchJobs(platform: WINDOWS) { nodes { name approvedPatches { id title vendorSeverity } } } }`,
    );
    expect(result.data).toEqual({
      patchJobs: {
        nodes: [
          {
            name: 'Job 0000',
            approvedPatches: [0, 1, 2].map((k) => ({
              id: uuid('9a7c4', k),
              title: `KB0${k}`,
              vendorSeverity: null,
            })),
          },
        ],
      },
    });
    expect(result.errors?.map((e) => e.path)).toEqual(
      [0, 1, 2].map((k) => ['patchJobs', 'nodes', 0, 'approvedPatches', k, 'vendorSeverity']),
    );
  });

  it('single-object root fields answer null, without an error, for unknown ids', async () => {
    const fake = createFakeQualysApi(jobDetailData());
    const result = await run(
      fake,
      `{
        patchJob(id: "00000000-dead") { id }
        mitigationJob(id: "00000000-dead") { id }
        patch(id: "00000000-dead") { id }
        asset(id: "00000000-dead", platform: WINDOWS) { id }
        jobResult(jobId: "00000000-dead") { assetCount }
      }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      patchJob: null,
      mitigationJob: null,
      patch: null,
      asset: null,
      jobResult: null,
    });
  });

  it('other upstream failures of root fields are errors carrying the QualysError', async () => {
    const fake = createFakeQualysApi(jobDetailData());
    fake.failWhen(
      () => new QualysHttpError('QUALYS_HTTP_STATUS', 'Qualys answered 500', { endpoint: 'x', status: 500 }),
    );
    const result = await run(fake, `{ patchJob(id: "${uuid('10b', 900)}") { id } }`);
    expect(result.data).toEqual({ patchJob: null });
    expect(result.errors?.[0]?.originalError).toMatchObject({ code: 'QUALYS_HTTP_STATUS' });
  });
});
