/**
 * Every response sample of the seed documents (`src/simulator/seed-data`) through the wire
 * schema of its endpoint, asserting the normalised values the rest of the gateway relies on.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  QualysAssetUuidMappingSchema,
  QualysDeploymentJobListSchema,
  QualysDeploymentJobSchema,
  QualysErrorEnvelopeSchema,
  QualysJobResultSummarySchema,
  QualysLinkableJobListSchema,
  QualysPatchListSchema,
} from '../../src/qualys/schemas/index.js';
import { type SeedSample, seedResponses } from '../../src/simulator/seed-data/index.js';

/** The wire schema of a response sample, chosen by its body (`_error`) or endpoint path. */
function schemaFor(sample: SeedSample): { name: string; schema: z.ZodType } | null {
  const path = sample.path.split('?')[0] ?? '';
  if (sample.body !== null && typeof sample.body === 'object' && '_error' in sample.body) {
    return { name: 'QualysErrorEnvelopeSchema', schema: QualysErrorEnvelopeSchema };
  }
  if (/\/deploymentjobresult\/summary$/.test(path)) {
    return { name: 'QualysJobResultSummarySchema', schema: QualysJobResultSummarySchema };
  }
  if (/\/deploymentjobs\/availableToLink$/.test(path)) {
    return { name: 'QualysLinkableJobListSchema', schema: QualysLinkableJobListSchema };
  }
  if (/\/deploymentjobs(\/summary)?$/.test(path)) {
    return { name: 'QualysDeploymentJobListSchema', schema: QualysDeploymentJobListSchema };
  }
  if (/\/assets\/uuids$/.test(path))
    return { name: 'QualysAssetUuidMappingSchema', schema: QualysAssetUuidMappingSchema };
  if (/\/patches$/.test(path)) return { name: 'QualysPatchListSchema', schema: QualysPatchListSchema };
  if (/^\/(pm|mtg)\/v[12]\/deploymentjob(\/update)?(\/[^/]+)?$/.test(path)) {
    return { name: 'QualysDeploymentJobSchema', schema: QualysDeploymentJobSchema };
  }
  return null;
}

/**
 * Samples that are not a payload the client parses, with the reason. Anything else must parse.
 */
const NOT_PARSED: Readonly<Record<string, string>> = {
  // The report endpoints are not part of QualysApi; the answer is `{reportId}`.
  '003-asset-report-response.json': 'POST /pm/v2/report/asset is not called by the client',
  // The document prints the request body again as the response (no `id`; see seed-data README).
  '001-update-windows-job-response.json': 'the document repeats the request body, which has no job id',
};

/** Per-sample assertions on the normalised output. */
const EXPECTATIONS: Readonly<Record<string, (out: unknown) => void>> = {
  '000-assets-uuids-response.json': (out) => {
    expect(out).toEqual({
      mappedAssets: [
        { assetId: 27994959, assetUuid: 'ecf76a16-1bb6-4adf-8e25-b8dab426a724' },
        { assetId: 29997962, assetUuid: 'f7df266c-df01-4669-9cfb-2a2cc6c375b1' },
      ],
      unmappedAssets: [29995962],
    });
  },
  '000-job-result-summary-b6fd7a02-response.json': (out) => {
    expect(out).toMatchObject({
      id: 'b6fd7a02-1b08-40d0-8504-2bb6bcc36ff8',
      createdBy: 'User John',
      assetCount: 1,
    });
    expect(out).toHaveProperty(
      ['assets', 0],
      expect.objectContaining({
        status: 'Not Licensed',
        statusCode: 20392,
        endDateTime: null,
        jobSentOn: null,
        installed: [],
        notApplicable: [],
        scanDateTime: 1679074153079,
        asset: expect.objectContaining({ executing: null, interfaces: [], jobInstanceId: 21 }),
      }),
    );
  },
  '000-get-deployment-job-8ae6cd23.json': (out) => {
    expect(out).toMatchObject({
      id: '8ae6cd23-bb09-423b-aad8-f8910855e755',
      schemaVersion: '1.0',
      status: 'Assets Responded',
      assetTagIds: [],
      matchAllTagIds: [],
      exclusionTagIds: [],
      disabledPatches: [],
      coAuthorUserIds: ['2047175c-7d16-e1a3-8230-4009ac539b5d'],
      startDateTime: '2023-3-10 11:13:28 AM',
      timeout: -1,
      notification: null,
      preDeployment: { deferment: { count: 3, interval: 1, intervalUnit: 'HOURS' } },
    });
  },
  '000-deployment-jobs-windows-response.json': (out) => {
    expect(out).toHaveProperty(
      [0],
      expect.objectContaining({
        id: '57d630df-9877-4adb-8785-12ee96dfe8a6',
        coAuthorUserIds: [],
        tags: [],
        patches: [],
        assetCount: null,
        applicableAssetCount: 1,
        created: {
          user: { id: 'c4c71f94-4ef6-7e6f-8260-11704fa58172', name: 'User John', fullName: null },
          date: 1663838737278,
        },
        startDateTime: '2022-5-03 02:54:49 PM',
        nextScheduleDateTime: null,
      }),
    );
  },
  '000-deployment-jobs-summary-linux-response.json': (out) => {
    expect(out).toHaveProperty(
      [0],
      expect.objectContaining({
        id: '0a42c22e-1f5e-4a57-a6e2-9d25bfcc67ef',
        completionPercent: 100,
        totalAssetCount: 1,
        applicableAssetCount: 1,
        assetResultReceivedCount: 1,
        updated: null,
        startDateTime: '2023-3-13 03:58:37 PM',
      }),
    );
  },
  '000-deployment-jobs-available-to-link-response.json': (out) => {
    expect(out).toEqual([
      expect.objectContaining({
        id: '8ae6cd23-bb09-423b-aad8-f8910855e755',
        createdBy: { user: expect.objectContaining({ name: 'User John' }), date: 1678446767717 },
        schedule: 'On-Demand',
        previousRun: null,
        nextRun: null,
      }),
      expect.objectContaining({ id: 'ac4099aa-da3b-4b32-8d81-0643b714f0fc', name: 'PM_100' }),
    ]);
  },
  '001-create-linux-job-response.json': (out) => {
    expect(out).toMatchObject({
      id: '8df80cf0-e24c-4d7c-877f-10700250c906',
      startDateTime: '2025-3-19 04:59:17 AM',
      createdBy: { user: { fullName: 'Karan Mehta' }, date: 1742360357346 },
      updatedBy: null,
      deletedBy: null,
      postDeployActions: [],
      downloadRandomizeTime: 0,
      reattemptFailedPatches: null,
    });
    expect(out).toHaveProperty(
      ['preDeployActions', 0],
      expect.objectContaining({
        action: 'Run Script',
        script: 'default/MakeCache/makecache',
        params: expect.objectContaining({ defaultScriptType: 'MakeCache', timeout: 180, qid: null }),
      }),
    );
  },
  '001-update-linux-job-response.json': (out) => {
    expect(out).toMatchObject({
      id: '16be09aa-5415-4a58-8295-8a4ac8db6f26',
      startDateTime: null,
      createdBy: null,
      updatedBy: { user: { name: 'quaysxkm14', fullName: null }, date: 1742360741491 },
      deletedBy: null,
    });
  },
  '001-get-linux-job-16be09aa-response.json': (out) => {
    expect(out).toMatchObject({
      status: 'Prepared',
      assetTagIds: [],
      coAuthorUserIds: [],
      approvedPatches: [],
      remediationQids: [],
      startDateTime: '2025-3-19 05:05:43 AM',
      deletedBy: null,
      postDeployment: { suppressReboots: false, onComplete: { alwaysShowCompletedPrompt: false } },
    });
  },
  '001-create-windows-job-response.json': (out) => {
    expect(out).toMatchObject({ platform: 'Windows', enableReattemptFailedPatches: true });
    expect(out).toHaveProperty('reattemptFailedPatches.noOfReattempts', 5);
  },
  '001-get-windows-job-1ca9c211-response.json': (out) => {
    expect(out).toMatchObject({
      id: '1ca9c211-6c0a-4855-ac49-f9d735b1563c',
      enableReattemptFailedPatches: true,
      reattemptFailedPatches: { noOfReattempts: 1, exponentialBackoffInterval: 5 },
    });
  },
  '001-windows-job-result-summary-4cd571f5-response.json': (out) => {
    expect(out).toHaveProperty(
      ['assets', 0],
      expect.objectContaining({
        status: 'Reattempting',
        statusCode: 20740,
        runId: 2,
        success: [],
        notApplicable: ['b91fca0e-2a07-3155-909c-fc50ba1863ed', '444ba31a-0f94-3199-870e-ef8ab1a5a477'],
        asset: expect.objectContaining({
          executing: false,
          pendingReboot: false,
          additionalFields: { failedPatchRetryNumber: 1, totalAvailableFailedPatchRetries: 3 },
          interfaces: [expect.objectContaining({ address: '10.115.109.163', ipv6Address: null })],
        }),
      }),
    );
  },
  '002-create-windows-rollback-job-response.json': (out) => {
    expect(out).toMatchObject({
      type: 'Rollback',
      status: 'Disabled',
      createdBy: { user: { name: 'gtham_bw', fullName: null }, date: 1645974285950 },
      updatedBy: null,
      deletedBy: null,
      postDeployment: { onComplete: { userMessage: 'On complete userMessage' } },
    });
  },
  '003-create-mtg-ondemand-job-response.json': (out) => {
    expect(out).toMatchObject({ subCategory: 'Mitigation', startDateTime: '2026-1-23 04:27:51 AM' });
    expect(out).toHaveProperty('notification.notificationConfigs.completedPercentage', 80);
  },
  '003-create-mtg-runonce-job-response.json': (out) => {
    expect(out).toMatchObject({ subCategory: 'Mitigation', startDateTime: '2026-01-23 10:09:58 AM' });
    expect(out).toHaveProperty('notification.notificationConfigs.completedPercentage', 80);
  },
  '003-get-mtg-job-756aa782-response.json': (out) => {
    expect(out).toMatchObject({
      id: '756aa782-8f11-4468-8e68-d1db74c7203e',
      completionPercent: 66,
      coAuthorUserIds: [],
      matchAllTagIds: [],
      updatedBy: null,
      deletedBy: null,
      createdBy: { user: { name: 'quaysxkm30' }, date: 1769142471331 },
      notification: {
        notificationTypes: { email: true },
        notificationConfigs: {
          recipientEmails: 'john.doe@example.com,jane.doe@example.com',
          completedPercentage: 80,
        },
        notificationEvents: { onJobStart: true, onJobComplete: true },
      },
    });
    expect(out).toHaveProperty(['preDeployActions', 0, 'params', 'qid'], 90007);
    expect(out).toHaveProperty(['preDeployActions', 1, 'params', 'qid'], 90043);
    expect(out).toHaveProperty(['preDeployActions', 0, 'mitigationList', 0, 'carScriptId'], 263935419);
  },
  '003-update-mtg-ondemand-job-response.json': (out) => {
    expect(out).toMatchObject({ id: '02afe166-b5fa-4bc2-9b0e-3008a83b69b4', createdBy: null });
    expect(out).toHaveProperty('updatedBy.date', 1769145196428);
  },
  '003-create-windows-job-randomize-response.json': (out) => {
    expect(out).toMatchObject({
      downloadRandomizeTime: 8,
      downloadRandomizeTimeUnit: 'HOURS',
      patchCount: 4,
    });
  },
  '003-update-job-randomize-response.json': (out) => {
    expect(out).toMatchObject({
      downloadRandomizeTime: 6,
      downloadRandomizeTimeUnit: 'HOURS',
      status: 'Disabled',
    });
    expect(out).toHaveProperty('updatedBy.date', 1769583269312);
  },
  '003-coauthor-limit-error.json': (out) => {
    expect(out).toEqual({
      _error: {
        code: 400,
        errorCode: '2435',
        message: 'Co-author limit exceeded. You can add up to 200 co-authors per job',
      },
    });
  },
  '004-patches-list-response.json': (out) => {
    expect(out).toEqual([
      expect.objectContaining({
        id: '0536aeee-60c0-383b-bbdd-8b8d1a35b6fa',
        qid: [90931],
        appFamily: ['Windows'],
        architecture: ['X64'],
        cve: ['CVE-2013-3900'],
        modifiedDate: 1438732800000,
        advisory: null,
        missingCount: 1,
      }),
      expect.objectContaining({
        id: '802b47fe-586e-320d-8275-22503ef65d9d',
        qid: [91653],
        cve: [],
        isSuperseded: true,
      }),
    ]);
  },
};

const responses = seedResponses();

describe('seed response samples through the wire schemas', () => {
  it('has an expectation or a stated reason for every response sample', () => {
    const covered = new Set([...Object.keys(EXPECTATIONS), ...Object.keys(NOT_PARSED)]);
    expect(responses.map((s) => s.file).filter((f) => !covered.has(f))).toEqual([]);
    expect([...covered].filter((f) => !responses.some((s) => s.file === f))).toEqual([]);
  });

  for (const sample of responses) {
    const reason = NOT_PARSED[sample.file];
    if (reason !== undefined) {
      it(`${sample.file}: not parsed (${reason})`, () => {
        if (sample.file === '001-update-windows-job-response.json') {
          // Shown to be the request body: it fails only on the missing job id.
          const result = QualysDeploymentJobSchema.safeParse(sample.body);
          expect(result.success).toBe(false);
          expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['id']);
        } else {
          expect(schemaFor(sample)).toBeNull();
        }
      });
      continue;
    }
    const chosen = schemaFor(sample);
    it(`${sample.file}: ${sample.method} ${sample.path.split('?')[0]} parses with ${chosen?.name ?? '(no schema)'}`, () => {
      expect(chosen).not.toBeNull();
      const result = chosen?.schema.safeParse(sample.body);
      expect(result?.error).toBeUndefined();
      EXPECTATIONS[sample.file]?.(result?.data);
    });
  }
});
