/**
 * Test data in Qualys wire shape (modelled on the seed samples), normalised through the real
 * wire schemas so the fake answers exactly what the client would.
 */
import type { QualysPlatform } from '../../src/qualys/api.js';
import {
  QualysAssetSchema,
  QualysDeploymentJobListItemSchema,
  QualysDeploymentJobSchema,
  QualysJobResultSummarySchema,
  QualysJobRunSchema,
  QualysLinkableJobSchema,
  QualysPatchSchema,
  QualysVulnerabilitySchema,
} from '../../src/qualys/schemas/index.js';
import type { FakeData } from '../loaders/fake-qualys-api.js';

/** A deterministic UUID-shaped id: `<prefix>-0000-4000-8000-<n>`. */
export function uuid(prefix: string, n: number): string {
  return `${prefix.padEnd(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** A catalog patch of a platform. */
export function catalogPatch(id: string, platform: QualysPlatform, extra: Record<string, unknown> = {}) {
  return QualysPatchSchema.parse({
    id,
    platform,
    title: `Patch ${id.slice(-4)}`,
    vendorSeverity: 'Critical',
    qid: ['90931'],
    ...extra,
  });
}

/** A full PM job (GET /pm/v1/deploymentjob/{id}), seed 001 shaped. */
export function fullJobWire(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customerId: '8ac1558c-cbdf-c133-80c6-0fcf7d68e79c',
    id,
    schemaVersion: '1.0',
    name: `Job ${id.slice(-4)}`,
    type: 'Install',
    status: 'Enabled',
    assetIds: [],
    assetTagIds: [],
    matchAllTagIds: null,
    exclusionTagIds: null,
    exclusionAssetIds: null,
    coAuthorUserIds: ['2047175c-7d16-e1a3-8230-4009ac539b5d'],
    approvedPatches: [],
    disabledPatches: null,
    patchCount: 0,
    scheduleType: 'On-demand',
    startDateTime: '2025-3-19 04:59:17 AM',
    recurring: false,
    recurringWeekDays: '',
    timezoneType: 'SPECIFIC_TZ',
    timezone: 'UTC',
    timeout: -1,
    timeoutUnit: 'HOURS',
    preDeployment: {
      userMessage: '',
      description: '',
      deferment: { count: 3, interval: 1, intervalUnit: 'HOURS' },
    },
    duringDeployment: { userMessage: '', description: '' },
    postDeployment: {
      suppressReboots: false,
      rebootHonorOnUserLogin: false,
      rebootOption: {
        userMessage: '',
        description: '',
        deferment: { count: 3, interval: 1, intervalUnit: 'HOURS' },
      },
      rebootCountdown: {
        interval: 15,
        intervalUnit: 'MINUTES',
        userMessage: 'Reboot countdown started',
        description: '',
      },
      onComplete: { userMessage: '', description: '', alwaysShowCompletedPrompt: false },
    },
    description: '',
    createdBy: {
      user: { id: '9ea81ebb-1830-5f23-8389-2921ae95238f', name: 'quaysxkm14', fullName: 'Karan Mehta' },
      date: 1742360357346,
    },
    updatedBy: { user: null, date: null },
    deletedBy: { user: null, date: null },
    platform: 'Windows',
    preDeployActions: null,
    postDeployActions: null,
    completionPercent: null,
    downloadRandomizeTime: 8,
    downloadRandomizeTimeUnit: 'HOURS',
    enableReattemptFailedPatches: true,
    reattemptFailedPatches: { noOfReattempts: 4, exponentialBackoffInterval: 10 },
    linkedJobId: null,
    ...extra,
  };
}

/** A job-list entry (GET /pm/v1/deploymentjobs), seed 000 shaped, with numbers as strings. */
export function listItemWire(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `Job ${id.slice(-4)}`,
    platform: 'Windows',
    type: 'Install',
    status: 'Assets Responded',
    scheduleType: 'On-demand',
    startDateTime: '2023-3-13 03:58:37 PM',
    timezone: 'UTC',
    timezoneType: 'SPECIFIC_TZ',
    isRecurring: false,
    recurringWeekDays: '',
    coAuthorUserIds: [],
    tags: [],
    matchAllTags: [],
    exclusionTags: [],
    exclusionAssetIds: [],
    assets: [],
    patches: null,
    patchCount: 0,
    totalAssetCount: '1',
    applicableAssetCount: '1',
    assetResultReceivedCount: '1',
    completionPercent: '100',
    created: { date: 1678723116985, user: { name: 'User John', id: '2047175c-7d16-e1a3-8230-4009ac539b5d' } },
    updated: null,
    filterType: 'Any',
    exclusionFilterType: 'Any',
    linkedJobId: null,
    ...extra,
  };
}

/** A per-asset result (seed 001 shaped). */
export function assetResultWire(
  assetId: string,
  name: string,
  installed: string[],
  failed: string[],
  jobInstanceId: number,
) {
  return {
    asset: {
      id: assetId,
      name,
      operatingSystem: 'Windows Microsoft Windows 10 Pro 10.0.17134 Build 17134',
      tags: [{ id: '236bdc33-a0c7-4baf-8ce3-fc89ad5302ce', name: null }],
      lastLoggedOnUser: '',
      successPatches: installed.length,
      installedPatches: installed.length,
      failedPatches: failed.length,
      supersededPatches: 0,
      notApplicablePatches: 0,
      executing: 0,
      pendingExecution: 0,
      pendingReboot: 1,
      pendingVerification: 0,
      jobInstanceId,
      interfaces: [
        { interfaceName: null, macAddress: null, address: '10.115.109.163', gatewayAddress: null },
      ],
      skipPatchCount: 0,
      additionalFields: { failedPatchRetryNumber: 1, totalAvailableFailedPatchRetries: 3 },
    },
    endDateTime: 1742925811729,
    startDateTime: 1742921179378,
    statusDateTime: 1742925808761,
    status: 'Reattempting',
    statusCode: '20740',
    jobSentOn: 1742921262874,
    installed,
    failed,
    success: null,
    superseded: [],
    notApplicable: null,
    jobInstanceId,
    totalPatchCount: installed.length + failed.length,
    runId: 2,
    scanDateTime: 1742990566879,
    pendingForRebootInAnotherJob: false,
    osIdentifier: 'WINDOWS',
  };
}

/**
 * The dashboard data: `jobCount` Windows jobs in the job list, each with 2 assets and 3 approved
 * patches (titles in the list), a latest result in which each asset installed 2 of the job's
 * patches and failed 1, and every patch in the Windows catalog.
 */
export function dashboardData(jobCount = 50): FakeData {
  const jobList = [];
  const catalog = [];
  const results: FakeData['results'] = {};
  for (let j = 0; j < jobCount; j += 1) {
    const jobId = uuid('10b', j);
    const assets = [0, 1].map((k) => ({ id: uuid('a55e7', j * 10 + k), name: `host-${j}-${k}` }));
    const patches = [0, 1, 2].map((k) => ({ id: uuid('9a7c4', j * 10 + k), title: `KB${j}${k}` }));
    for (const p of patches) catalog.push(catalogPatch(p.id, 'Windows', { title: p.title }));
    jobList.push(
      QualysDeploymentJobListItemSchema.parse(
        listItemWire(jobId, { assets, patches, patchCount: patches.length }),
      ),
    );
    results[`${jobId}:latest`] = QualysJobResultSummarySchema.parse({
      id: jobId,
      name: `Job ${j}`,
      assetCount: 2,
      patchCount: 3,
      createdBy: 'User John',
      createdOn: 1742921172719,
      assets: assets.map((a) =>
        assetResultWire(
          a.id,
          a.name,
          [patches[0]?.id ?? '', patches[1]?.id ?? ''],
          [patches[2]?.id ?? ''],
          1,
        ),
      ),
    });
  }
  return { jobList: { Windows: jobList }, catalog: { Windows: catalog }, results };
}

/** The job-detail data: one full Windows job with assets, patches, runs, results and a linked job. */
export function jobDetailData(): FakeData {
  const jobId = uuid('10b', 900);
  const linkedId = uuid('10b', 901);
  const assetIds = [uuid('a55e7', 900), uuid('a55e7', 901)];
  const patchIds = [uuid('9a7c4', 900), uuid('9a7c4', 901)];
  return {
    jobs: [
      QualysDeploymentJobSchema.parse(
        fullJobWire(jobId, { assetIds, approvedPatches: patchIds, patchCount: 2, linkedJobId: linkedId }),
      ),
      QualysDeploymentJobSchema.parse(fullJobWire(linkedId, { name: 'Source job' })),
    ],
    assets: {
      Windows: assetIds.map((id, i) =>
        QualysAssetSchema.parse({
          id,
          name: `detail-host-${i}`,
          assetStatus: 'Failed',
          scanStatus: 'Scanned',
          statusCode: 20212,
        }),
      ),
    },
    catalog: { Windows: patchIds.map((id) => catalogPatch(id, 'Windows')) },
    runs: {
      [jobId]: [1, 2].map((n) =>
        QualysJobRunSchema.parse({
          jobInstanceId: n,
          scheduledDateTime: `2025-03-2${n}T10:00:00Z`,
          timezoneType: 'SPECIFIC_TZ',
        }),
      ),
    },
    results: Object.fromEntries(
      ['1', '2', 'latest'].map((run) => [
        `${jobId}:${run}`,
        QualysJobResultSummarySchema.parse({
          id: jobId,
          name: 'Detail job',
          assetCount: 2,
          patchCount: 2,
          createdBy: 'quays_vy59',
          createdOn: 1742921172719,
          assets: assetIds.map((id, i) =>
            assetResultWire(id, `detail-host-${i}`, patchIds, [], run === '1' ? 1 : 2),
          ),
        }),
      ]),
    ),
  };
}

/** The MTG job of seed 003 (GET /mtg/v1/deploymentjob/756aa782-...) and its two QIDs. */
export const MTG_JOB_ID = '756aa782-8f11-4468-8e68-d1db74c7203e';

/** Data for the mitigation-job operation. */
export function mitigationData(): FakeData {
  const action = (actionId: string, qid: number, title: string) => ({
    actionId,
    action: 'Apply Mitigation',
    actionType: 'predeploy',
    params: {
      timeout: 180,
      mitigationCategory: 'Script-based Virtual Patch',
      qid,
      qidDetectionId: 0,
      qidTitle: title,
      hostVulnId: 0,
      qds: 50,
    },
    mitigationList: [
      {
        cves: [String(qid)],
        mitigationId: 'd7e1f429-e0bd-4aac-83d2-ffabbb25e084',
        mitigationType: 'Registry Update',
        mitigationSource: null,
        carScriptId: 263935419,
        impactFactor: 0,
        implication: 1,
      },
    ],
    actionLinkedToJob: false,
  });
  return {
    mitigationJobs: [
      QualysDeploymentJobSchema.parse(
        fullJobWire(MTG_JOB_ID, {
          name: 'Windows_MTG_OnDemand_Job',
          status: 'Assets Responded',
          subCategory: 'Mitigation',
          jobCategory: 3,
          completionPercent: 66,
          approvedPatches: undefined,
          preDeployActions: [
            action('1e8b264f-6689-426b-a395-ca288e554781', 90007, 'Enabled Cached Logon Credential'),
            action(
              'ae7631c7-e0af-441f-81e4-cd88a340ed2e',
              90043,
              'SMB Signing Disabled or SMB Signing Not Required',
            ),
          ],
        }),
      ),
    ],
    vulnerabilities: [
      QualysVulnerabilitySchema.parse({
        id: 90007,
        title: 'Enabled Cached Logon Credential',
        cves: null,
        severity: 3,
        vulnType: 'VULNERABILITY',
      }),
      QualysVulnerabilitySchema.parse({
        id: 90043,
        title: 'SMB Signing Disabled',
        cves: ['CVE-2016-2115'],
        severity: 2,
        vulnType: 'POTENTIAL',
      }),
    ],
  };
}

/** Linkable jobs (seed 000 shaped). */
export function linkableJobs(count: number) {
  return Array.from({ length: count }, (_, i) =>
    QualysLinkableJobSchema.parse({
      id: uuid('1171c', i),
      name: `PM_${i}`,
      type: 'Install',
      status: 'Assets Responded',
      createdBy: {
        user: { id: '2047175c-7d16-e1a3-8230-4009ac539b5d', name: 'User John' },
        date: 1666337748141,
      },
      schedule: 'On-Demand',
    }),
  );
}
