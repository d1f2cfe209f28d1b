/**
 * The JSON samples of the seed documents (the seed documents (docs/qualys-api.md §0.2)) as fixtures: every request body
 * and response printed in the Qualys release notes, one JSON file each in this folder, with the
 * endpoint it belongs to. Values, spellings, types and key order are kept as in the documents;
 * the samples the documents print broken were repaired structurally, as listed in `README.md`.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

/** HTTP method of the endpoint a seed sample belongs to. */
export type SeedMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Whether a seed sample is the body sent to the endpoint or the body it answered with. */
export type SeedSampleKind = 'request' | 'response';

/** One JSON sample from a seed document. */
export interface SeedSample {
  /** Fixture file name in this folder, e.g. `000-assets-uuids-response.json`. */
  readonly file: string;
  /** Seed document the sample comes from: its short name (docs/qualys-api.md §0.2). */
  readonly seed: string;
  /** Heading of the sample in the seed document: `<section> > <"Sample - ..." line>`. */
  readonly heading: string;
  /** HTTP method of the endpoint (the one the sample means where the document's curl mislabels it; see README.md). */
  readonly method: SeedMethod;
  /** Concrete path of the sample, with query string, without the base URL. */
  readonly path: string;
  /** Whether `body` is the request body or the response body. */
  readonly kind: SeedSampleKind;
  /**
   * HTTP status of a response, only where the seed document states it (the co-author error,
   * 400). Absent otherwise: the documents show no status for success samples.
   */
  readonly status?: number;
  /** The parsed JSON body (an object or an array), deeply frozen: `structuredClone` it before changing it. */
  readonly body: unknown;
}

/** A manifest entry before its body is loaded. */
type SeedSampleEntry = Omit<SeedSample, 'body'>;

const SEED_000 = '000_8a8f8bf62b96668e.txt';
const SEED_001 = '001_66a1f10ba6248732.txt';
const SEED_002 = '002_e3048471082aec08.txt';
const SEED_003 = '003_7c2d8d3d29f02693.txt';
const SEED_004 = '004_a43048cd4e55fe35.txt';

const JOBS_ASSETS_RESPONDED_FILTER = 'filter=status%3A%20%27Assets%20Responded%27';

const entries: readonly SeedSampleEntry[] = [
  // 000: Qualys Patch Management v2.2.0 API Release Notes (2023-03-21)
  {
    file: '000-assets-uuids-response.json',
    seed: SEED_000,
    heading:
      'Introduced a New API - Get Mapping assetUuids with assetIds > Sample - Get mapping of assetUuids with assetIds.',
    method: 'POST',
    path: '/pm/v1/assets/uuids',
    kind: 'response',
  },
  {
    file: '000-job-result-summary-b6fd7a02-response.json',
    seed: SEED_000,
    heading:
      'Introduced Parameter scanDateTime in Get Deployment Job Result Summary API > Sample - Get the deployment job summary for the Job ID in the request.',
    method: 'GET',
    path: '/pm/v1/deploymentjob/b6fd7a02-1b08-40d0-8504-2bb6bcc36ff8/deploymentjobresult/summary?jobInstanceId=21',
    kind: 'response',
  },
  {
    file: '000-get-deployment-job-8ae6cd23.json',
    seed: SEED_000,
    heading: 'Get Deployment by Job ID',
    method: 'GET',
    path: '/pm/v1/deploymentjob/8ae6cd23-bb09-423b-aad8-f8910855e755',
    kind: 'response',
  },
  {
    file: '000-deployment-jobs-windows-response.json',
    seed: SEED_000,
    heading: 'Get Deployment Job List > Sample - Get a detailed list of deployment jobs on Windows platform.',
    method: 'GET',
    path: `/pm/v1/deploymentjobs?${JOBS_ASSETS_RESPONDED_FILTER}&platform=Windows`,
    kind: 'response',
  },
  {
    file: '000-deployment-jobs-summary-linux-response.json',
    seed: SEED_000,
    heading: 'Get Deployment Job Result Summary > Sample - Get the job result summary on Linux platform.',
    method: 'GET',
    path: `/pm/v1/deploymentjobs/summary?${JOBS_ASSETS_RESPONDED_FILTER}&platform=Linux`,
    kind: 'response',
  },
  {
    file: '000-deployment-jobs-available-to-link-response.json',
    seed: SEED_000,
    heading: 'Get a List of Deployment Jobs that can be Used to Fetch Patches From',
    method: 'GET',
    path: `/pm/v1/deploymentjobs/availableToLink?${JOBS_ASSETS_RESPONDED_FILTER}&platform=Windows`,
    kind: 'response',
  },
  // 001: Patch Management Release 3.5 API (2025-04-21)
  {
    file: '001-create-linux-job-request.json',
    seed: SEED_001,
    heading: 'Enhanced API: Create a Linux Deployment Job > Sample - Create a Linux Deployment Job',
    method: 'POST',
    path: '/pm/v1/deploymentjob',
    kind: 'request',
  },
  {
    file: '001-create-linux-job-response.json',
    seed: SEED_001,
    heading: 'Enhanced API: Create a Linux Deployment Job > Sample - Create a Linux Deployment Job',
    method: 'POST',
    path: '/pm/v1/deploymentjob',
    kind: 'response',
  },
  {
    file: '001-update-linux-job-request.json',
    seed: SEED_001,
    heading: 'Enhanced API: Update Linux Deployment Job > Sample - Update a Linux Deployment Job',
    method: 'PATCH',
    path: '/pm/v1/deploymentjob/update/16be09aa-5415-4a58-8295-8a4ac8db6f26',
    kind: 'request',
  },
  {
    file: '001-update-linux-job-response.json',
    seed: SEED_001,
    heading: 'Enhanced API: Update Linux Deployment Job > Sample - Update a Linux Deployment Job',
    method: 'PATCH',
    path: '/pm/v1/deploymentjob/update/16be09aa-5415-4a58-8295-8a4ac8db6f26',
    kind: 'response',
  },
  {
    file: '001-get-linux-job-16be09aa-response.json',
    seed: SEED_001,
    heading:
      'Enhanced API: Get Linux Deployment Job Details by JobID > Sample - Get Linux Job Details for specific JobID',
    method: 'GET',
    path: '/pm/v1/deploymentjob/16be09aa-5415-4a58-8295-8a4ac8db6f26',
    kind: 'response',
  },
  {
    file: '001-create-windows-job-request.json',
    seed: SEED_001,
    heading: 'Enhanced API: Create Windows Deployment Job > Sample - Create Windows Deployment Job',
    method: 'POST',
    path: '/pm/v1/deploymentjob',
    kind: 'request',
  },
  {
    file: '001-create-windows-job-response.json',
    seed: SEED_001,
    heading: 'Enhanced API: Create Windows Deployment Job > Sample - Create Windows Deployment Job',
    method: 'POST',
    path: '/pm/v1/deploymentjob',
    kind: 'response',
  },
  {
    file: '001-get-windows-job-1ca9c211-response.json',
    seed: SEED_001,
    heading:
      'Enhanced API: Get Windows Deployment Job Details by JobID > Sample - Get Windows Deployment Job Details by Job ID',
    method: 'GET',
    path: '/pm/v1/deploymentjob/1ca9c211-6c0a-4855-ac49-f9d735b1563c',
    kind: 'response',
  },
  {
    file: '001-windows-job-result-summary-4cd571f5-response.json',
    seed: SEED_001,
    heading:
      'Enhanced API: Get Windows Deployment Job Results Summary by Job ID > Sample - Get Windows Deployment Job Results Summary by Job ID',
    method: 'GET',
    path: '/pm/v1/deploymentjob/4cd571f5-e470-4b7d-926d-eb7cafb7326d/deploymentjobresult/summary',
    kind: 'response',
  },
  {
    file: '001-update-windows-job-request.json',
    seed: SEED_001,
    heading:
      'Enhanced API: Update Windows Deployment Job by JobID > Sample - Update Windows Deployment Job by Job ID',
    method: 'PATCH',
    path: '/pm/v1/deploymentjob/update/c08769ba-aa65-4b77-b224-f2c789ce7970',
    kind: 'request',
  },
  {
    file: '001-update-windows-job-response.json',
    seed: SEED_001,
    heading:
      'Enhanced API: Update Windows Deployment Job by JobID > Sample - Update Windows Deployment Job by Job ID',
    method: 'PATCH',
    path: '/pm/v1/deploymentjob/update/c08769ba-aa65-4b77-b224-f2c789ce7970',
    kind: 'response',
  },
  // 002: Qualys Patch Management v1.7 API Release Notes (2022-04-13)
  {
    file: '002-create-windows-rollback-job-request.json',
    seed: SEED_002,
    heading: 'Change in the "type" Input Parameter Value > Sample - Create a Windows Rollback Job',
    method: 'POST',
    path: '/pm/v1/deploymentjob',
    kind: 'request',
  },
  {
    file: '002-create-windows-rollback-job-response.json',
    seed: SEED_002,
    heading: 'Change in the "type" Input Parameter Value > Sample - Create a Windows Rollback Job',
    method: 'POST',
    path: '/pm/v1/deploymentjob',
    kind: 'response',
  },
  // 003: Patch Management Release 3.12 API (2026-02-09)
  {
    file: '003-create-mtg-ondemand-job-request.json',
    seed: SEED_003,
    heading: 'Updated API: Create MTG Deployment Job > Sample - Create On-Demand MTG Deployment Job',
    method: 'POST',
    path: '/mtg/v1/deploymentjob',
    kind: 'request',
  },
  {
    file: '003-create-mtg-ondemand-job-response.json',
    seed: SEED_003,
    heading: 'Updated API: Create MTG Deployment Job > Sample - Create On-Demand MTG Deployment Job',
    method: 'POST',
    path: '/mtg/v1/deploymentjob',
    kind: 'response',
  },
  {
    file: '003-create-mtg-runonce-job-request.json',
    seed: SEED_003,
    heading: 'Updated API: Create MTG Deployment Job > Sample - Create Run Once Windows Mitigation Job',
    method: 'POST',
    path: '/mtg/v1/deploymentjob',
    kind: 'request',
  },
  {
    file: '003-create-mtg-runonce-job-response.json',
    seed: SEED_003,
    heading: 'Updated API: Create MTG Deployment Job > Sample - Create Run Once Windows Mitigation Job',
    method: 'POST',
    path: '/mtg/v1/deploymentjob',
    kind: 'response',
  },
  {
    file: '003-get-mtg-job-756aa782-response.json',
    seed: SEED_003,
    heading: 'Updated API: Get Mitigation Job Details > Sample - Get Mitigation Job Details',
    method: 'GET',
    path: '/mtg/v1/deploymentjob/756aa782-8f11-4468-8e68-d1db74c7203e',
    kind: 'response',
  },
  {
    file: '003-update-mtg-ondemand-job-request.json',
    seed: SEED_003,
    heading: 'Updated API: Update Mitigation Deployment Job > Sample - Update On-Demand MTG Deployment Job',
    method: 'PATCH',
    path: '/mtg/v1/deploymentjob/02afe166-b5fa-4bc2-9b0e-3008a83b69b4',
    kind: 'request',
  },
  {
    file: '003-update-mtg-ondemand-job-response.json',
    seed: SEED_003,
    heading: 'Updated API: Update Mitigation Deployment Job > Sample - Update On-Demand MTG Deployment Job',
    method: 'PATCH',
    path: '/mtg/v1/deploymentjob/02afe166-b5fa-4bc2-9b0e-3008a83b69b4',
    kind: 'response',
  },
  {
    file: '003-create-windows-job-randomize-request.json',
    seed: SEED_003,
    heading: 'Updated API: Create Deployment Job > Sample - Create Windows Deployment Job',
    method: 'POST',
    path: '/pm/v1/deploymentjob',
    kind: 'request',
  },
  {
    file: '003-create-windows-job-randomize-response.json',
    seed: SEED_003,
    heading: 'Updated API: Create Deployment Job > Sample - Create Windows Deployment Job',
    method: 'POST',
    path: '/pm/v1/deploymentjob',
    kind: 'response',
  },
  {
    file: '003-update-job-randomize-request.json',
    seed: SEED_003,
    heading: 'Updated API: Update Deployment Job > Sample - Update Deployment Job',
    method: 'PATCH',
    path: '/pm/v1/deploymentjob/update/0221be68-fa9a-4d06-b6ef-64431a8bcf19',
    kind: 'request',
  },
  {
    file: '003-update-job-randomize-response.json',
    seed: SEED_003,
    heading: 'Updated API: Update Deployment Job > Sample - Update Deployment Job',
    method: 'PATCH',
    path: '/pm/v1/deploymentjob/update/0221be68-fa9a-4d06-b6ef-64431a8bcf19',
    kind: 'response',
  },
  {
    file: '003-coauthor-limit-request.json',
    seed: SEED_003,
    heading:
      'Extended Limits for Deployment Job Co-Authors > Sample - Update Patch Deployment Job for Co-Author Restriction',
    method: 'PATCH',
    path: '/pm/v2/deploymentjob/update/16be09aa-5415-4a58-8295-8a4ac8db6f26',
    kind: 'request',
  },
  {
    file: '003-coauthor-limit-error.json',
    seed: SEED_003,
    heading:
      'Extended Limits for Deployment Job Co-Authors > Sample - Update Patch Deployment Job for Co-Author Restriction',
    method: 'PATCH',
    path: '/pm/v2/deploymentjob/update/16be09aa-5415-4a58-8295-8a4ac8db6f26',
    kind: 'response',
    status: 400,
  },
  {
    file: '003-asset-report-request.json',
    seed: SEED_003,
    heading:
      'Support IPv6 and IP4 columns in Reports > Sample - Get Assets Tab Report to include IPv6 and IPv4 address',
    method: 'POST',
    path: '/pm/v2/report/asset',
    kind: 'request',
  },
  {
    file: '003-asset-report-response.json',
    seed: SEED_003,
    heading:
      'Support IPv6 and IP4 columns in Reports > Sample - Get Assets Tab Report to include IPv6 and IPv4 address',
    method: 'POST',
    path: '/pm/v2/report/asset',
    kind: 'response',
  },
  // 004: Get a List of Patches for a Specific Customer (GET /pm/v1/patches)
  {
    file: '004-patches-list-response.json',
    seed: SEED_004,
    heading:
      'Get a List of Patches for a Specific Customer > Sample - Get a list of patches for Windows Platform sorted by Vendor Severity',
    method: 'GET',
    path: '/pm/v1/patches?havingQuery=name%3A%22Windows%22&pageNumber=0&pageSize=2&platform=Windows&query=isSecurity%3A%20true%20and%20%28patchStatus%3A%5BMissing%2C%20Installed%5D%20and%20isSuperseded%3A%20false%29&sort=%5B%7B%22vendorSeverity%22%3A%22asc%22%7D%5D',
    kind: 'response',
  },
];

/** Freezes a parsed JSON value and everything in it, so a shared fixture cannot be changed by one consumer. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
    Object.freeze(value);
  }
  return value;
}

/** Reads and parses one fixture file of this folder. */
function loadBody(file: string): unknown {
  const text = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
  return deepFreeze(JSON.parse(text) as unknown);
}

/**
 * Every JSON sample of the seed documents, in document order (seed 000 to 004), each with its
 * endpoint and its parsed body. Loaded synchronously from the JSON files of this folder when the
 * module is first imported; the entries and bodies are frozen.
 *
 * Source: the seed documents (docs/qualys-api.md §0.2); the per-file provenance and every repair are in this folder's README.md.
 */
export const seedSamples: readonly SeedSample[] = Object.freeze(
  entries.map((entry): SeedSample => Object.freeze({ ...entry, body: loadBody(entry.file) })),
);

/**
 * The response samples only (`kind === 'response'`), in document order.
 *
 * @returns a new array of the shared, frozen {@link SeedSample} objects.
 */
export function seedResponses(): readonly SeedSample[] {
  return seedSamples.filter((sample) => sample.kind === 'response');
}

/**
 * The sample stored in the given fixture file.
 *
 * @param file - a fixture file name of this folder, e.g. `004-patches-list-response.json`.
 * @returns the sample, or `undefined` when no sample has that file name.
 */
export function findSeedSample(file: string): SeedSample | undefined {
  return seedSamples.find((sample) => sample.file === file);
}
