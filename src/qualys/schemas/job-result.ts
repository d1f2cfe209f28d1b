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
import * as fast from './fast.js';

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

// The compiled form of the result summary (the largest payload: one item per asset), field for
// field the schemas above; see fast.ts for why and how equivalence is tested.
const fastTagRef = fast.object({ id: fast.string, name: fast.optionalString });
const fastInterface = fast.object({
  interfaceName: fast.optionalString,
  macAddress: fast.optionalString,
  address: fast.optionalString,
  ipv6Address: fast.optionalString,
  gatewayAddress: fast.optionalString,
});
const fastResultAsset = fast.looseObject({
  id: fast.string,
  name: fast.optionalString,
  operatingSystem: fast.optionalString,
  tags: fast.nullableList(fastTagRef),
  lastLoggedOnUser: fast.optionalString,
  successPatches: fast.optionalNumber,
  installedPatches: fast.optionalNumber,
  failedPatches: fast.optionalNumber,
  supersededPatches: fast.optionalNumber,
  notApplicablePatches: fast.optionalNumber,
  executing: fast.flag,
  pendingExecution: fast.flag,
  pendingReboot: fast.flag,
  pendingVerification: fast.flag,
  jobInstanceId: fast.optionalNumber,
  interfaces: fast.nullableList(fastInterface),
  skipPatchCount: fast.optionalNumber,
  additionalFields: fast.nullOr(
    fast.looseObject({
      failedPatchRetryNumber: fast.optionalNumber,
      totalAvailableFailedPatchRetries: fast.optionalNumber,
    }),
  ),
});
const fastStringList = fast.nullableList(fast.string);
const fastAssetJobResult = fast.looseObject({
  asset: fastResultAsset,
  endDateTime: fast.epochMs,
  startDateTime: fast.epochMs,
  statusDateTime: fast.epochMs,
  status: fast.optionalString,
  statusCode: fast.optionalNumber,
  jobSentOn: fast.epochMs,
  installed: fastStringList,
  failed: fastStringList,
  success: fastStringList,
  superseded: fastStringList,
  notApplicable: fastStringList,
  agentCheckedInTime: fast.epochMs,
  failedActionsCount: fast.optionalNumber,
  successfulActionsCount: fast.optionalNumber,
  skippedActionsCount: fast.optionalNumber,
  interimResultStatus: fast.optionalString,
  jobInstanceId: fast.optionalNumber,
  totalPatchCount: fast.optionalNumber,
  runId: fast.optionalNumber,
  scanDateTime: fast.epochMs,
  pendingForRebootInAnotherJob: fast.optionalBoolean,
  pendingForRebootInAnotherJobName: fast.optionalString,
  osIdentifier: fast.optionalString,
});
fast.withCompiled(
  QualysJobResultSummarySchema,
  fast.looseObject({
    id: fast.string,
    name: fast.optionalString,
    assetCount: fast.optionalNumber,
    patchCount: fast.optionalNumber,
    createdBy: (v: unknown) =>
      typeof v === 'string' ? v : v && typeof v === 'object' && 'user' in v ? JSON.stringify(v) : null,
    createdOn: fast.epochMs,
    assets: fast.nullableList(fastAssetJobResult),
  }) as fast.Normaliser<QualysJobResultSummary>,
);
