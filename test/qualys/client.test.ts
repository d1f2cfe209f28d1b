import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUALYS_LIMITS } from '../../src/qualys/api.js';
import { createQualysClient } from '../../src/qualys/client.js';
import { findSeedSample } from '../../src/simulator/seed-data/index.js';
import { BEARER, harness, JSON_HEADERS, type MockHarness, rejectionOf } from './helpers.js';

/** A seed sample's body, cloned (the fixtures are frozen). */
function seedBody(file: string): object {
  const sample = findSeedSample(file);
  if (!sample) throw new Error(`no seed sample ${file}`);
  return structuredClone(sample.body) as object;
}

const JOB_ID = '8ae6cd23-bb09-423b-aad8-f8910855e755';

describe('createQualysClient endpoints', () => {
  let h: MockHarness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(async () => {
    await h.finish();
  });

  const api = () => h.client.session({ bearerToken: BEARER });

  /** The only request the MockAgent saw. */
  function onlyCall() {
    const calls = h.calls();
    expect(calls).toHaveLength(1);
    const call = calls[0];
    if (!call) throw new Error('no call');
    return call;
  }

  it('listDeploymentJobs: GET /pm/v1/deploymentjobs with platform, filter, paging and sort in the query', async () => {
    h.pool
      .intercept({
        method: 'GET',
        path: '/pm/v1/deploymentjobs',
        query: {
          platform: 'Windows',
          filter: "status: 'Assets Responded'",
          pageNumber: '0',
          pageSize: '50',
          sort: '[{"name":"asc"}]',
        },
      })
      .reply(200, seedBody('000-deployment-jobs-windows-response.json'), { headers: JSON_HEADERS });

    const jobs = await api().listDeploymentJobs({
      platform: 'Windows',
      filter: "status: 'Assets Responded'",
      pageNumber: 0,
      pageSize: 50,
      sort: '[{"name":"asc"}]',
    });

    const call = onlyCall();
    expect(call.fullUrl).toBe(
      `${'https://gateway.qg2.apps.qualys.com'}/pm/v1/deploymentjobs?platform=Windows&filter=status%3A+%27Assets+Responded%27&pageNumber=0&pageSize=50&sort=%5B%7B%22name%22%3A%22asc%22%7D%5D`,
    );
    expect(call.headers).toMatchObject({ accept: 'application/json', authorization: `Bearer ${BEARER}` });
    expect(call.body ?? null).toBeNull();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      id: '57d630df-9877-4adb-8785-12ee96dfe8a6',
      status: 'Assets Responded',
      coAuthorUserIds: [],
      assets: [{ id: '9061817a-ed2b-4d53-aff9-b8b01b70f779', name: null }],
      startDateTime: '2022-5-03 02:54:49 PM',
      created: { date: 1663838737278, user: { name: 'User John' } },
    });
    expect(h.events).toEqual([
      {
        endpoint: 'GET /pm/v1/deploymentjobs',
        method: 'GET',
        path: '/pm/v1/deploymentjobs',
        status: 200,
        durationMs: expect.any(Number),
        attempt: 1,
        queuedMs: expect.any(Number),
        errorCode: null,
      },
    ]);
  });

  it('listDeploymentJobs: sends only the parameters given', async () => {
    h.pool
      .intercept({ method: 'GET', path: '/pm/v1/deploymentjobs', query: { platform: 'Linux' } })
      .reply(200, '[]');
    expect(await api().listDeploymentJobs({ platform: 'Linux' })).toEqual([]);
    expect(onlyCall().fullUrl).toBe(
      `${'https://gateway.qg2.apps.qualys.com'}/pm/v1/deploymentjobs?platform=Linux`,
    );
  });

  it('listDeploymentJobSummaries: GET /pm/v1/deploymentjobs/summary, counts given as strings become numbers', async () => {
    h.pool
      .intercept({
        method: 'GET',
        path: '/pm/v1/deploymentjobs/summary',
        query: { platform: 'Linux', filter: "status: 'Assets Responded'" },
      })
      .reply(200, seedBody('000-deployment-jobs-summary-linux-response.json'), { headers: JSON_HEADERS });

    const jobs = await api().listDeploymentJobSummaries({
      platform: 'Linux',
      filter: "status: 'Assets Responded'",
    });

    onlyCall();
    expect(jobs[0]).toMatchObject({
      id: '0a42c22e-1f5e-4a57-a6e2-9d25bfcc67ef',
      completionPercent: 100,
      totalAssetCount: 1,
      applicableAssetCount: 1,
      assetResultReceivedCount: 1,
      startDateTime: '2023-3-13 03:58:37 PM',
    });
    expect(h.events[0]?.endpoint).toBe('GET /pm/v1/deploymentjobs/summary');
  });

  it('listLinkableDeploymentJobs: GET /pm/v1/deploymentjobs/availableToLink', async () => {
    h.pool
      .intercept({
        method: 'GET',
        path: '/pm/v1/deploymentjobs/availableToLink',
        query: { platform: 'Windows', pageSize: '10' },
      })
      .reply(200, seedBody('000-deployment-jobs-available-to-link-response.json'), { headers: JSON_HEADERS });

    const jobs = await api().listLinkableDeploymentJobs({ platform: 'Windows', pageSize: 10 });

    onlyCall();
    expect(jobs.map((j) => j.id)).toEqual([JOB_ID, 'ac4099aa-da3b-4b32-8d81-0643b714f0fc']);
    expect(jobs[0]).toMatchObject({
      schedule: 'On-Demand',
      createdBy: { user: { name: 'User John' }, date: 1678446767717 },
      previousRun: null,
    });
  });

  it('getDeploymentJob: GET /pm/v1/deploymentjob/{id}, null lists become []', async () => {
    h.pool
      .intercept({ method: 'GET', path: `/pm/v1/deploymentjob/${JOB_ID}` })
      .reply(200, seedBody('000-get-deployment-job-8ae6cd23.json'), { headers: JSON_HEADERS });

    const job = await api().getDeploymentJob(JOB_ID);

    expect(onlyCall().fullUrl).toBe(`https://gateway.qg2.apps.qualys.com/pm/v1/deploymentjob/${JOB_ID}`);
    expect(job).toMatchObject({
      id: JOB_ID,
      schemaVersion: '1.0',
      status: 'Assets Responded',
      assetTagIds: [],
      approvedPatches: ['42758508-e479-3f72-81c7-2b95157f17c0', 'af5f5880-6067-3665-ac4a-67c7cb58b967'],
      startDateTime: '2023-3-10 11:13:28 AM',
    });
    expect(h.events[0]).toMatchObject({
      endpoint: 'GET /pm/v1/deploymentjob/{id}',
      path: `/pm/v1/deploymentjob/${JOB_ID}`,
    });
  });

  it('encodes path ids with encodeURIComponent', async () => {
    h.pool
      .intercept({ method: 'GET', path: '/pm/v1/deploymentjob/a%2Fb%20c%3Fd' })
      .reply(200, { id: 'a/b c?d' });
    expect((await api().getDeploymentJob('a/b c?d')).id).toBe('a/b c?d');
    expect(onlyCall().path).toBe('/pm/v1/deploymentjob/a%2Fb%20c%3Fd');
  });

  it('listDeploymentJobRuns: GET /pm/v1/deploymentjob/{id}/runs', async () => {
    h.pool.intercept({ method: 'GET', path: `/pm/v1/deploymentjob/${JOB_ID}/runs` }).reply(200, [
      { jobInstanceId: '3', scheduledDateTime: '2025-03-19T04:59:17Z', timezoneType: 'SPECIFIC_TZ' },
      { jobInstanceId: 4, scheduledDateTime: null },
    ]);

    const runs = await api().listDeploymentJobRuns(JOB_ID);

    onlyCall();
    expect(runs).toEqual([
      { jobInstanceId: 3, scheduledDateTime: '2025-03-19T04:59:17Z', timezoneType: 'SPECIFIC_TZ' },
      { jobInstanceId: 4, scheduledDateTime: null, timezoneType: null },
    ]);
  });

  it('getDeploymentJobResultSummary: GET .../deploymentjobresult/summary?jobInstanceId=N', async () => {
    const id = 'b6fd7a02-1b08-40d0-8504-2bb6bcc36ff8';
    h.pool
      .intercept({
        method: 'GET',
        path: `/pm/v1/deploymentjob/${id}/deploymentjobresult/summary`,
        query: { jobInstanceId: '21' },
      })
      .reply(200, seedBody('000-job-result-summary-b6fd7a02-response.json'), { headers: JSON_HEADERS });

    const summary = await api().getDeploymentJobResultSummary(id, { jobInstanceId: 21 });

    expect(onlyCall().fullUrl).toBe(
      `https://gateway.qg2.apps.qualys.com/pm/v1/deploymentjob/${id}/deploymentjobresult/summary?jobInstanceId=21`,
    );
    expect(summary).toMatchObject({ id, assetCount: 1, createdBy: 'User John', createdOn: 1656048779381 });
    expect(summary.assets[0]).toMatchObject({
      status: 'Not Licensed',
      statusCode: 20392,
      endDateTime: null,
      installed: [],
      scanDateTime: 1679074153079,
    });
    expect(h.events[0]?.endpoint).toBe('GET /pm/v1/deploymentjob/{id}/deploymentjobresult/summary');
  });

  it('getDeploymentJobResultSummary: no query without jobInstanceId', async () => {
    const id = '4cd571f5-e470-4b7d-926d-eb7cafb7326d';
    h.pool
      .intercept({ method: 'GET', path: `/pm/v1/deploymentjob/${id}/deploymentjobresult/summary` })
      .reply(200, seedBody('001-windows-job-result-summary-4cd571f5-response.json'));

    const summary = await api().getDeploymentJobResultSummary(id);

    expect(onlyCall().path).toBe(`/pm/v1/deploymentjob/${id}/deploymentjobresult/summary`);
    expect(summary.assets[0]).toMatchObject({ status: 'Reattempting', statusCode: 20740, runId: 2 });
  });

  it('listPatches: GET /pm/v1/patches with the seed 004 parameters', async () => {
    const query = 'isSecurity: true and (patchStatus:[Missing, Installed] and isSuperseded: false)';
    h.pool
      .intercept({
        method: 'GET',
        path: '/pm/v1/patches',
        query: {
          platform: 'Windows',
          query,
          havingQuery: 'name:"Windows"',
          pageNumber: '0',
          pageSize: '2',
          sort: '[{"vendorSeverity":"asc"}]',
        },
      })
      .reply(200, seedBody('004-patches-list-response.json'), { headers: JSON_HEADERS });

    const patches = await api().listPatches({
      platform: 'Windows',
      query,
      havingQuery: 'name:"Windows"',
      pageNumber: 0,
      pageSize: 2,
      sort: '[{"vendorSeverity":"asc"}]',
    });

    const url = new URL(onlyCall().fullUrl);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      platform: 'Windows',
      query,
      havingQuery: 'name:"Windows"',
      pageNumber: '0',
      pageSize: '2',
      sort: '[{"vendorSeverity":"asc"}]',
    });
    expect(patches.map((p) => p.qid)).toEqual([[90931], [91653]]);
    expect(patches[0]).toMatchObject({ id: '0536aeee-60c0-383b-bbdd-8b8d1a35b6fa', appFamily: ['Windows'] });
  });

  it('getCatalogPatches: POST /pm/v1/patchcatalog/patches?platform=&attributes= with {"patchUuid":[...]}', async () => {
    h.pool
      .intercept({
        method: 'POST',
        path: '/pm/v1/patchcatalog/patches',
        query: { platform: 'Linux', attributes: 'id,title,qid' },
        body: '{"patchUuid":["p-1","p-2"]}',
        headers: { 'content-type': 'application/json' },
      })
      .reply(200, [
        { id: 'p-1', title: 'openssl', qid: [1001] },
        { id: 'p-2', title: 'kernel', qid: null },
      ]);

    const patches = await api().getCatalogPatches({
      platform: 'Linux',
      patchUuids: ['p-1', 'p-2'],
      attributes: ['title', 'qid'],
    });

    const call = onlyCall();
    expect(call.method).toBe('POST');
    expect(call.body).toBe('{"patchUuid":["p-1","p-2"]}');
    expect(new URL(call.fullUrl).searchParams.get('attributes')).toBe('id,title,qid');
    expect(patches.map((p) => [p.id, p.title, p.qid])).toEqual([
      ['p-1', 'openssl', [1001]],
      ['p-2', 'kernel', []],
    ]);
  });

  it('getCatalogPatches: no attributes parameter when none are asked for', async () => {
    h.pool
      .intercept({ method: 'POST', path: '/pm/v1/patchcatalog/patches', query: { platform: 'Windows' } })
      .reply(200, []);
    await api().getCatalogPatches({ platform: 'Windows', patchUuids: ['p-1'] });
    expect(onlyCall().fullUrl).toBe(
      'https://gateway.qg2.apps.qualys.com/pm/v1/patchcatalog/patches?platform=Windows',
    );
  });

  it('mapAssetIdsToUuids: POST /pm/v1/assets/uuids with a bare JSON array', async () => {
    h.pool
      .intercept({ method: 'POST', path: '/pm/v1/assets/uuids', body: '[27994959,29997962,29995962]' })
      .reply(200, seedBody('000-assets-uuids-response.json'), { headers: JSON_HEADERS });

    const mapping = await api().mapAssetIdsToUuids([27994959, 29997962, 29995962]);

    expect(onlyCall().headers).toMatchObject({ 'content-type': 'application/json' });
    expect(mapping).toEqual({
      mappedAssets: [
        { assetId: 27994959, assetUuid: 'ecf76a16-1bb6-4adf-8e25-b8dab426a724' },
        { assetId: 29997962, assetUuid: 'f7df266c-df01-4669-9cfb-2a2cc6c375b1' },
      ],
      unmappedAssets: [29995962],
    });
  });

  it('listAssets: POST /pm/v1/assets?platform=&pageSize= with the body and the searchAfter cursor header', async () => {
    h.pool
      .intercept({
        method: 'POST',
        path: '/pm/v1/assets',
        query: { platform: 'Windows', pageSize: '2' },
        body: '{"query":"operatingSystem:Windows","havingQuery":"patchStatus:Missing","attributes":"id,name"}',
        headers: { searchafter: 'cursor-1' },
      })
      .reply(200, [{ id: 'a-1', name: 'one', statusCode: '20212' }, { id: 'a-2' }], {
        headers: { searchAfter: 'cursor-2' },
      });

    const page = await api().listAssets({
      platform: 'Windows',
      query: 'operatingSystem:Windows',
      havingQuery: 'patchStatus:Missing',
      attributes: ['name'],
      pageSize: 2,
      searchAfter: 'cursor-1',
    });

    expect(onlyCall().headers).toMatchObject({ searchAfter: 'cursor-1' });
    expect(page.searchAfter).toBe('cursor-2');
    expect(page.assets.map((a) => [a.id, a.name, a.statusCode])).toEqual([
      ['a-1', 'one', 20212],
      ['a-2', null, null],
    ]);
  });

  it('listAssets: first page has no cursor header, body {} and pageSize 400; a short page ends the list', async () => {
    h.pool
      .intercept({
        method: 'POST',
        path: '/pm/v1/assets',
        query: { platform: 'Linux', pageSize: '400' },
        body: '{}',
      })
      .reply(200, [{ id: 'a-1' }], { headers: { searchAfter: 'cursor-2' } });

    const page = await api().listAssets({ platform: 'Linux' });

    const headers = onlyCall().headers ?? {};
    expect(Object.keys(headers).map((k) => k.toLowerCase())).not.toContain('searchafter');
    expect(page).toEqual({ assets: [expect.objectContaining({ id: 'a-1' })], searchAfter: null });
  });

  it('listAssets: a full page without a searchAfter header is the last one', async () => {
    h.pool
      .intercept({ method: 'POST', path: '/pm/v1/assets', query: { platform: 'Linux', pageSize: '1' } })
      .reply(200, [{ id: 'a-1' }]);
    expect(
      (await api().listAssets({ platform: 'Linux', pageSize: 1, searchAfter: null })).searchAfter,
    ).toBeNull();
  });

  it('getVulnerabilities: POST /pm/v1/vulnerabilities with {"qids":[...]}', async () => {
    h.pool
      .intercept({ method: 'POST', path: '/pm/v1/vulnerabilities', body: '{"qids":[90931,91653]}' })
      .reply(200, [
        { id: '90931', title: 'MS13-098', cves: null, severity: '4', vulnType: 'VULNERABILITY' },
        { id: 91653, title: 'SSU', cves: ['CVE-2020-1'], severity: 3, vulnType: 'POTENTIAL' },
      ]);

    const vulns = await api().getVulnerabilities([90931, 91653]);

    onlyCall();
    expect(vulns.map((v) => [v.id, v.cves, v.severity])).toEqual([
      [90931, [], 4],
      [91653, ['CVE-2020-1'], 3],
    ]);
  });

  it('getMitigationJob: GET /mtg/v1/deploymentjob/{id}', async () => {
    const id = '756aa782-8f11-4468-8e68-d1db74c7203e';
    h.pool
      .intercept({ method: 'GET', path: `/mtg/v1/deploymentjob/${id}` })
      .reply(200, seedBody('003-get-mtg-job-756aa782-response.json'), { headers: JSON_HEADERS });

    const job = await api().getMitigationJob(id);

    onlyCall();
    expect(job).toMatchObject({ id, subCategory: 'Mitigation', completionPercent: 66 });
    expect(job.preDeployActions.map((a) => a.params?.qid)).toEqual([90007, 90043]);
    expect(h.events[0]?.endpoint).toBe('GET /mtg/v1/deploymentjob/{id}');
  });

  it('answers an empty body or JSON null as [] where a list is expected', async () => {
    h.pool
      .intercept({ method: 'GET', path: '/pm/v1/deploymentjobs', query: { platform: 'Linux' } })
      .reply(200, '');
    h.pool
      .intercept({ method: 'GET', path: '/pm/v1/deploymentjobs/summary', query: { platform: 'Linux' } })
      .reply(204, '');
    h.pool.intercept({ method: 'GET', path: `/pm/v1/deploymentjob/${JOB_ID}/runs` }).reply(200, 'null');

    expect(await api().listDeploymentJobs({ platform: 'Linux' })).toEqual([]);
    expect(await api().listDeploymentJobSummaries({ platform: 'Linux' })).toEqual([]);
    expect(await api().listDeploymentJobRuns(JOB_ID)).toEqual([]);
  });
});

describe('createQualysClient batch limits and inputs', () => {
  let h: MockHarness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(async () => {
    await h.finish();
  });
  const api = () => h.client.session({ bearerToken: BEARER });

  it('rejects batches over QUALYS_LIMITS with a plain RangeError and sends nothing', async () => {
    const ids = Array.from({ length: QUALYS_LIMITS.assetIdsPerMapping + 1 }, (_, i) => i + 1);
    const uuids = Array.from({ length: QUALYS_LIMITS.patchUuidsPerCatalogCall + 1 }, (_, i) => `p-${i}`);
    const qids = Array.from({ length: QUALYS_LIMITS.qidsPerCall + 1 }, (_, i) => i + 1);

    for (const call of [
      () => api().mapAssetIdsToUuids(ids),
      () => api().getCatalogPatches({ platform: 'Windows', patchUuids: uuids }),
      () => api().getVulnerabilities(qids),
      () => api().listAssets({ platform: 'Windows', pageSize: QUALYS_LIMITS.assetsPerPage + 1 }),
    ]) {
      const err = await rejectionOf(call());
      expect(err.constructor).toBe(RangeError);
      expect(err.message).toMatch(/QUALYS_LIMITS/);
    }
    expect(h.calls()).toHaveLength(0);
    expect(h.events).toHaveLength(0);
  });

  it('accepts a batch of exactly the limit', async () => {
    const ids = Array.from({ length: QUALYS_LIMITS.assetIdsPerMapping }, (_, i) => i + 1);
    h.pool
      .intercept({ method: 'POST', path: '/pm/v1/assets/uuids', body: JSON.stringify(ids) })
      .reply(200, { mappedAssets: [], unmappedAssets: JSON.stringify(ids) });
    const mapping = await api().mapAssetIdsToUuids(ids);
    expect(mapping.unmappedAssets).toHaveLength(QUALYS_LIMITS.assetIdsPerMapping);
  });

  it('answers empty batches without a request', async () => {
    expect(await api().mapAssetIdsToUuids([])).toEqual({ mappedAssets: [], unmappedAssets: [] });
    expect(await api().getCatalogPatches({ platform: 'Linux', patchUuids: [] })).toEqual([]);
    expect(await api().getVulnerabilities([])).toEqual([]);
    expect(h.calls()).toHaveLength(0);
  });

  it('rejects non-integer ids, negative page numbers and bad page sizes with RangeError', async () => {
    for (const call of [
      () => api().mapAssetIdsToUuids([1.5]),
      () => api().getVulnerabilities([Number.NaN]),
      () => api().listPatches({ platform: 'Windows', pageNumber: -1 }),
      () => api().listDeploymentJobs({ platform: 'Windows', pageSize: 0 }),
      () => api().getDeploymentJobResultSummary('x', { jobInstanceId: 1.5 }),
    ]) {
      expect((await rejectionOf(call())).constructor).toBe(RangeError);
    }
    expect(h.calls()).toHaveLength(0);
  });

  it('answers QUALYS_NOT_FOUND for an empty id without a request', async () => {
    const err = await rejectionOf(api().getDeploymentJob(''));
    expect(err).toMatchObject({ code: 'QUALYS_NOT_FOUND', endpoint: 'GET /pm/v1/deploymentjob/{id}' });
    expect(h.calls()).toHaveLength(0);
  });
});

describe('createQualysClient options and lifecycle', () => {
  it('keeps a base URL path prefix and ignores a trailing slash', async () => {
    const agent = new MockAgent({ enableCallHistory: true });
    agent.disableNetConnect();
    agent
      .get('http://127.0.0.1:4010')
      .intercept({ method: 'GET', path: '/qualys/pm/v1/deploymentjob/j1' })
      .reply(200, {
        id: 'j1',
      });
    const client = createQualysClient({ baseUrl: 'http://127.0.0.1:4010/qualys/', dispatcher: agent });
    expect((await client.session({ bearerToken: BEARER }).getDeploymentJob('j1')).id).toBe('j1');
    agent.assertNoPendingInterceptors();
    await agent.close();
  });

  it('validates its options', () => {
    expect(() => createQualysClient({ baseUrl: 'gateway.qg2.apps.qualys.com' })).toThrow(TypeError);
    expect(() => createQualysClient({ baseUrl: 'ftp://example.com' })).toThrow(TypeError);
    expect(() => createQualysClient({ baseUrl: 'https://u:p@example.com' })).toThrow(TypeError);
    expect(() => createQualysClient({ baseUrl: 'https://example.com', timeoutMs: 0 })).toThrow(RangeError);
    expect(() =>
      createQualysClient({
        baseUrl: 'https://example.com',
        tokenLifetimeMs: 1000,
        tokenRefreshMarginMs: 1000,
      }),
    ).toThrow(RangeError);
    expect(() =>
      createQualysClient({ baseUrl: 'https://example.com', credentials: { username: 'svc', password: '' } }),
    ).toThrow(TypeError);
  });

  it('reports hasServiceCredentials', async () => {
    const withCreds = createQualysClient({
      baseUrl: 'https://example.com',
      credentials: { username: 'svc', password: 'pw' },
    });
    const without = createQualysClient({ baseUrl: 'https://example.com' });
    expect(withCreds.hasServiceCredentials).toBe(true);
    expect(without.hasServiceCredentials).toBe(false);
    await Promise.all([withCreds.close(), without.close()]);
  });

  it('close() leaves an injected dispatcher open', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const closeSpy = vi.spyOn(agent, 'close');
    const client = createQualysClient({ baseUrl: 'https://example.com', dispatcher: agent });
    await client.close();
    await client.close();
    expect(closeSpy).not.toHaveBeenCalled();
    closeSpy.mockRestore();
    await agent.close();
  });

  it('close() closes the Agent it created; later calls fail with QUALYS_NETWORK without a request', async () => {
    const events: unknown[] = [];
    const client = createQualysClient({ baseUrl: 'http://127.0.0.1:9', onCall: (e) => events.push(e) });
    await client.close();
    await client.close();
    const err = await rejectionOf(client.session({ bearerToken: BEARER }).getDeploymentJob('j1'));
    expect(err).toMatchObject({ code: 'QUALYS_NETWORK', message: expect.stringMatching(/closed/) });
    expect(events).toEqual([]);
  });

  it('ignores an onCall listener that throws', async () => {
    const h = harness({
      onCall: () => {
        throw new Error('listener broke');
      },
    });
    h.pool.intercept({ method: 'GET', path: '/pm/v1/deploymentjob/j1' }).reply(200, { id: 'j1' });
    expect((await h.client.session({ bearerToken: BEARER }).getDeploymentJob('j1')).id).toBe('j1');
    expect(h.logs.some((l) => l.level === 'warn' && /onCall/.test(l.msg ?? ''))).toBe(true);
    await h.finish();
  });
});
