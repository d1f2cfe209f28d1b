/**
 * Wire schema for a job run's per-asset results: GET
 * /pm/v1/deploymentjob/{id}/deploymentjobresult/summary?jobInstanceId=N (seed 000 v2.2.0 adds
 * `scanDateTime`; seed 001 release 3.5 sample; qualysdk `JobResultSummary`/`PMAssetJobView`,
 * docs/qualys-api.md §7.7, §8.3).
 */
import { z } from 'zod';
import {
  epochMs,
  nullableList,
  numberish,
  optionalBoolean,
  optionalNumber,
  optionalString,
} from './common.js';

/** A tag reference on an asset: `{id, name}` (name is often null). */
export const QualysTagRefSchema = z.object({ id: z.string(), name: optionalString });

/** A network interface of an asset (seed 001; release 3.9 adds `ipv6Address`). */
export const QualysInterfaceSchema = z.object({
  interfaceName: optionalString,
  macAddress: optionalString,
  address: optionalString,
  ipv6Address: optionalString,
  gatewayAddress: optionalString,
});

/** A pending flag that Qualys sends as a number (0/1), a boolean or null. Output: `boolean | null`. */
const flag = z
  .union([z.boolean(), numberish, z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? null : typeof v === 'boolean' ? v : v !== 0));

/** The `asset` sub-object of one result: the asset's identity plus its patch counts for the run. */
export const QualysResultAssetSchema = z.looseObject({
  id: z.string(),
  name: optionalString,
  operatingSystem: optionalString,
  tags: nullableList(QualysTagRefSchema),
  lastLoggedOnUser: optionalString,
  successPatches: optionalNumber,
  installedPatches: optionalNumber,
  failedPatches: optionalNumber,
  supersededPatches: optionalNumber,
  notApplicablePatches: optionalNumber,
  executing: flag,
  pendingExecution: flag,
  pendingReboot: flag,
  pendingVerification: flag,
  jobInstanceId: optionalNumber,
  interfaces: nullableList(QualysInterfaceSchema),
  skipPatchCount: optionalNumber,
  additionalFields: z
    .looseObject({ failedPatchRetryNumber: optionalNumber, totalAvailableFailedPatchRetries: optionalNumber })
    .nullish()
    .transform((v) => v ?? null),
});

/**
 * One asset's result in a job run. `statusCode` arrives as a string (`"20740"`); the patch
 * lists (`installed`, `failed`, ...) are patch UUIDs or `null` (normalised to `[]`).
 */
export const QualysAssetJobResultSchema = z.looseObject({
  asset: QualysResultAssetSchema,
  endDateTime: epochMs,
  startDateTime: epochMs,
  statusDateTime: epochMs,
  status: optionalString,
  statusCode: optionalNumber,
  jobSentOn: epochMs,
  installed: nullableList(z.string()),
  failed: nullableList(z.string()),
  success: nullableList(z.string()),
  superseded: nullableList(z.string()),
  notApplicable: nullableList(z.string()),
  agentCheckedInTime: epochMs,
  failedActionsCount: optionalNumber,
  successfulActionsCount: optionalNumber,
  skippedActionsCount: optionalNumber,
  interimResultStatus: optionalString,
  jobInstanceId: optionalNumber,
  totalPatchCount: optionalNumber,
  runId: optionalNumber,
  scanDateTime: epochMs,
  pendingForRebootInAnotherJob: optionalBoolean,
  pendingForRebootInAnotherJobName: optionalString,
  osIdentifier: optionalString,
});
/** Output of {@link QualysAssetJobResultSchema}. */
export type QualysAssetJobResult = z.output<typeof QualysAssetJobResultSchema>;

/**
 * The result summary of one job run: `{id, name, assetCount, patchCount, createdBy (a user
 * name string), createdOn (epoch ms), assets: [...]}`.
 */
export const QualysJobResultSummarySchema = z.looseObject({
  id: z.string(),
  name: optionalString,
  assetCount: optionalNumber,
  patchCount: optionalNumber,
  createdBy: z
    .unknown()
    .optional()
    .transform((v) =>
      typeof v === 'string' ? v : v && typeof v === 'object' && 'user' in v ? JSON.stringify(v) : null,
    ),
  createdOn: epochMs,
  assets: nullableList(QualysAssetJobResultSchema),
});
/** Output of {@link QualysJobResultSummarySchema}. */
export type QualysJobResultSummary = z.output<typeof QualysJobResultSummarySchema>;
