import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeedSample, seedResponses } from '../../src/simulator/seed-data/index.js';
import { call, qs, type Started, startSimulator } from './helpers.js';

/** How a response sample is served: the request(s) answering it, and the fixture they answer with. */
interface Served {
  readonly requests: readonly { readonly path: string; readonly method?: string; readonly body?: unknown }[];
  /** The fixture the answer deep-equals: the sample itself unless another sample of the same id wins. */
  readonly answeredBy?: string;
}

const PM_JOB = '/pm/v1/deploymentjob/';
const MTG_JOB = '/mtg/v1/deploymentjob/';

const SERVED: Readonly<Record<string, Served>> = {
  '000-assets-uuids-response.json': {
    requests: [
      { path: '/pm/v1/assets/uuids', method: 'POST', body: [27994959, 29997962, 29995962] },
      { path: '/pm/v1/assets/uuids', method: 'POST', body: '27994959,29997962,29995962' },
    ],
  },
  '000-job-result-summary-b6fd7a02-response.json': {
    requests: [
      { path: `${PM_JOB}b6fd7a02-1b08-40d0-8504-2bb6bcc36ff8/deploymentjobresult/summary?jobInstanceId=21` },
      { path: `${PM_JOB}b6fd7a02-1b08-40d0-8504-2bb6bcc36ff8/deploymentjobresult/summary` },
      {
        path: `${PM_JOB}b6fd7a02-1b08-40d0-8504-2bb6bcc36ff8/deploymentjobresult/summary`,
        method: 'POST',
        body: { jobInstanceId: 21 },
      },
    ],
  },
  '000-get-deployment-job-8ae6cd23.json': {
    requests: [{ path: `${PM_JOB}8ae6cd23-bb09-423b-aad8-f8910855e755` }],
  },
  '000-deployment-jobs-windows-response.json': {
    requests: [
      {
        path: `/pm/v1/deploymentjobs${qs({ platform: 'Windows', filter: 'id:57d630df-9877-4adb-8785-12ee96dfe8a6' })}`,
      },
    ],
  },
  '000-deployment-jobs-summary-linux-response.json': {
    requests: [
      {
        path: `/pm/v1/deploymentjobs/summary${qs({ platform: 'Linux', filter: "id: '0a42c22e-1f5e-4a57-a6e2-9d25bfcc67ef'" })}`,
      },
    ],
  },
  '000-deployment-jobs-available-to-link-response.json': {
    requests: [
      {
        path: `/pm/v1/deploymentjobs/availableToLink${qs({
          platform: 'Windows',
          filter: 'id:[8ae6cd23-bb09-423b-aad8-f8910855e755, ac4099aa-da3b-4b32-8d81-0643b714f0fc]',
        })}`,
      },
    ],
  },
  '001-create-linux-job-response.json': {
    requests: [{ path: `${PM_JOB}8df80cf0-e24c-4d7c-877f-10700250c906` }],
  },
  '001-update-linux-job-response.json': {
    requests: [{ path: `${PM_JOB}16be09aa-5415-4a58-8295-8a4ac8db6f26` }],
    answeredBy: '001-get-linux-job-16be09aa-response.json',
  },
  '001-get-linux-job-16be09aa-response.json': {
    requests: [{ path: `${PM_JOB}16be09aa-5415-4a58-8295-8a4ac8db6f26` }],
  },
  '001-create-windows-job-response.json': {
    requests: [{ path: `${PM_JOB}44ae1515-a51c-4d67-87ae-aef57d1e26b2` }],
  },
  '001-get-windows-job-1ca9c211-response.json': {
    requests: [{ path: `${PM_JOB}1ca9c211-6c0a-4855-ac49-f9d735b1563c` }],
  },
  '001-windows-job-result-summary-4cd571f5-response.json': {
    requests: [
      { path: `${PM_JOB}4cd571f5-e470-4b7d-926d-eb7cafb7326d/deploymentjobresult/summary` },
      { path: `${PM_JOB}4cd571f5-e470-4b7d-926d-eb7cafb7326d/deploymentjobresult/summary?jobInstanceId=1` },
    ],
  },
  '002-create-windows-rollback-job-response.json': {
    requests: [{ path: `${PM_JOB}ec3fb8b4-2df5-467e-8ab4-0cd84aec3382` }],
  },
  '003-create-mtg-ondemand-job-response.json': {
    requests: [{ path: `${MTG_JOB}756aa782-8f11-4468-8e68-d1db74c7203e` }],
    answeredBy: '003-get-mtg-job-756aa782-response.json',
  },
  '003-create-mtg-runonce-job-response.json': {
    requests: [{ path: `${MTG_JOB}d6a2dbae-9f78-4947-9c15-c6dc2a0f56ef` }],
  },
  '003-get-mtg-job-756aa782-response.json': {
    requests: [{ path: `${MTG_JOB}756aa782-8f11-4468-8e68-d1db74c7203e` }],
  },
  '003-update-mtg-ondemand-job-response.json': {
    requests: [{ path: `${MTG_JOB}02afe166-b5fa-4bc2-9b0e-3008a83b69b4` }],
  },
  '003-create-windows-job-randomize-response.json': {
    requests: [{ path: `${PM_JOB}32e9a0ab-efb8-45e6-99ba-5f7025bf5a56` }],
  },
  '003-update-job-randomize-response.json': {
    requests: [{ path: `${PM_JOB}0221be68-fa9a-4d06-b6ef-64431a8bcf19` }],
  },
  '004-patches-list-response.json': {
    requests: [
      { path: '/pm/v1/patches?platform=Windows&pageSize=2' },
      { path: '/pm/v1/patches?pageNumber=0&pageSize=2' },
      {
        path: `/pm/v1/patches${qs({ query: 'id:[0536aeee-60c0-383b-bbdd-8b8d1a35b6fa,802b47fe-586e-320d-8275-22503ef65d9d]' })}`,
      },
    ],
  },
};

/** Response samples of endpoints the simulator does not implement, or that cannot be served. */
const NOT_SERVED: Readonly<Record<string, string>> = {
  '001-update-windows-job-response.json': 'the printed response is a request body without an id',
  '003-coauthor-limit-error.json':
    'an error answer, not data: job-mutations.test.ts gets it for more than 200 co-authors',
  '003-asset-report-response.json': 'POST /pm/v2/report/asset (reports are not simulated)',
};

describe('simulator seed samples', () => {
  let started: Started;
  beforeAll(async () => {
    started = await startSimulator();
  });
  afterAll(() => started.sim.close());

  it('decides for every response sample how it is served', () => {
    const files = seedResponses().map((sample) => sample.file);
    expect([...Object.keys(SERVED), ...Object.keys(NOT_SERVED)].sort()).toEqual([...files].sort());
  });

  for (const [file, served] of Object.entries(SERVED)) {
    it(`serves ${file} verbatim`, async () => {
      const expected = findSeedSample(served.answeredBy ?? file)?.body;
      expect(expected).toBeDefined();
      for (const request of served.requests) {
        const response = await call(started.url, started.token, request.path, {
          ...(request.method === undefined ? {} : { method: request.method }),
          ...(request.body === undefined ? {} : { body: request.body }),
        });
        expect(response.status, request.path).toBe(200);
        expect(response.body, request.path).toEqual(expected);
      }
    });
  }

  it('answers the seed list requests with the sample items first', async () => {
    const filter = "status: 'Assets Responded'";
    const cases = [
      ['/pm/v1/deploymentjobs', 'Windows', '000-deployment-jobs-windows-response.json'],
      ['/pm/v1/deploymentjobs/summary', 'Linux', '000-deployment-jobs-summary-linux-response.json'],
      [
        '/pm/v1/deploymentjobs/availableToLink',
        'Windows',
        '000-deployment-jobs-available-to-link-response.json',
      ],
    ] as const;
    for (const [path, platform, file] of cases) {
      const sample = findSeedSample(file)?.body as unknown[];
      const response = await call<{ status: string }[]>(
        started.url,
        started.token,
        `${path}${qs({ filter, platform })}`,
      );
      expect(response.status).toBe(200);
      expect(response.body.slice(0, sample.length)).toEqual(sample);
      expect(response.body.every((item) => item.status === 'Assets Responded')).toBe(true);
    }
  });

  it('gives the seed result jobs runs and serves the seed jobs without runs a result header', async () => {
    const runs = await call(started.url, started.token, `${PM_JOB}b6fd7a02-1b08-40d0-8504-2bb6bcc36ff8/runs`);
    expect(runs.body).toEqual([
      { jobInstanceId: 21, scheduledDateTime: '2022-07-14T06:00:00+00:00', timezoneType: 'SPECIFIC_TZ' },
    ]);
    const unknownRun = await call(
      started.url,
      started.token,
      `${PM_JOB}b6fd7a02-1b08-40d0-8504-2bb6bcc36ff8/deploymentjobresult/summary?jobInstanceId=3`,
    );
    expect(unknownRun.status).toBe(404);
    const header = await call(
      started.url,
      started.token,
      `${PM_JOB}1ca9c211-6c0a-4855-ac49-f9d735b1563c/deploymentjobresult/summary`,
    );
    expect(header.body).toEqual({
      id: '1ca9c211-6c0a-4855-ac49-f9d735b1563c',
      name: 'WinOnDemJob_Update_1742489647906',
      assetCount: 0,
      patchCount: 2,
      createdBy: 'quays_vy59',
      createdOn: 1742489646254,
      assets: [],
    });
    expect(
      (await call(started.url, started.token, `${PM_JOB}1ca9c211-6c0a-4855-ac49-f9d735b1563c/runs`)).body,
    ).toEqual([]);
  });

  it('knows the assets the seed samples refer to', async () => {
    const result = await call<{ id: string; name: string; assetId: number }[]>(
      started.url,
      started.token,
      `/pm/v1/assets${qs({ query: 'id:[ecf76a16-1bb6-4adf-8e25-b8dab426a724, 6df4bc50-83ce-49e5-a5c2-1814413f8057]', attributes: 'name,assetId' })}`,
    );
    expect(result.body).toEqual([
      { name: 'SEED-ASSET-01', id: 'ecf76a16-1bb6-4adf-8e25-b8dab426a724', assetId: 27994959 },
      {
        name: 'PMUI_AUTOMATION_ASSET_WINDOWS_EXCLUSION',
        id: '6df4bc50-83ce-49e5-a5c2-1814413f8057',
        assetId: expect.any(Number),
      },
    ]);
  });

  it('puts the seed patches into the catalog with int QIDs and the seed QIDs into the vulnerabilities', async () => {
    const catalog = await call<{ id: string; qid: number[]; kb: string }[]>(
      started.url,
      started.token,
      '/pm/v1/patchcatalog/patches?platform=Windows&attributes=qid,kb',
      { body: { patchUuid: ['0536aeee-60c0-383b-bbdd-8b8d1a35b6fa'] } },
    );
    expect(catalog.body).toEqual([
      { id: '0536aeee-60c0-383b-bbdd-8b8d1a35b6fa', kb: 'KB2893294', qid: [90931] },
    ]);
    const vulnerabilities = await call<{ id: number }[]>(
      started.url,
      started.token,
      '/pm/v1/vulnerabilities',
      {
        body: { qids: [90931, 91653, 90007, 90043] },
      },
    );
    expect(vulnerabilities.body.map((v) => v.id)).toEqual([90931, 91653, 90007, 90043]);
  });
});
