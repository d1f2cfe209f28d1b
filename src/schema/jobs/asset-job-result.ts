/**
 * `AssetJobResult`: one asset's result in a job run.
 */
import type { QualysAssetJobResult } from '../../qualys/schemas/index.js';
import { assetJobResultStatusFromWire, qualysPlatform } from '../../qualys/vocabulary.js';
import { patchRefs } from '../catalog/patch.js';
import { AssetJobResultStatus } from '../support/enums.js';
import {
  Asset,
  AssetJobResult,
  type AssetJobResultParent,
  type AssetParent,
  type AssetPartial,
  Patch,
} from '../support/refs.js';
import { cost, describedAs, refList } from '../support/upstream-cost.js';

/** The platform of a result: the job's when known, else the asset's `osIdentifier` (`WINDOWS`). */
function platformOf(r: AssetJobResultParent) {
  return r.platform ?? qualysPlatform(r.result.osIdentifier);
}

/**
 * The asset data the result's `asset` sub-object holds; empty values are `undefined` (not known
 * here). One object of one shape per result: the spreads it replaces built five per result.
 */
function assetPartial(asset: QualysAssetJobResult['asset']): AssetPartial {
  return {
    name: asset.name || undefined,
    operatingSystem: asset.operatingSystem || undefined,
    lastLoggedOnUser: asset.lastLoggedOnUser || undefined,
    tags: asset.tags.length > 0 ? asset.tags : undefined,
    interfaces: asset.interfaces.length > 0 ? asset.interfaces : undefined,
  };
}

AssetJobResult.implement({
  description:
    "One asset's result in a job run (an item of Qualys result summary `assets`). Patch lists are patch UUIDs " +
    'upstream; their details load in batches.',
  fields: (t) => ({
    asset: t.field({
      ...cost({ rule: describedAs('result') }),
      type: Asset,
      nullable: false,
      description:
        'The asset. Its id, name, operating system, tags and interfaces come with the result (no call).',
      resolve: (r): AssetParent => ({
        id: r.result.asset.id,
        platform: platformOf(r),
        partial: assetPartial(r.result.asset),
      }),
    }),
    status: t.field({
      type: AssetJobResultStatus,
      nullable: true,
      description:
        'The state of the run on this asset (Qualys `status`); `OTHER` for unknown values; null when absent.',
      resolve: (r) => assetJobResultStatusFromWire(r.result.status),
    }),
    statusLabel: t.string({
      nullable: true,
      description: 'The state exactly as Qualys sent it (e.g. "Reattempting"); null when absent.',
      resolve: (r) => r.result.status,
    }),
    statusCode: t.int({
      nullable: true,
      description:
        'The Qualys status code (Qualys `statusCode`, a string upstream, e.g. 20740); null when absent.',
      resolve: (r) => r.result.statusCode,
    }),
    interimStatus: t.string({
      nullable: true,
      description:
        'An intermediate status Qualys reports while the run is in progress (Qualys `interimResultStatus`); null when none.',
      resolve: (r) => r.result.interimResultStatus,
    }),
    jobInstanceId: t.int({
      nullable: true,
      description: 'The run number (Qualys `jobInstanceId`); null when absent.',
      resolve: (r) => r.result.jobInstanceId ?? r.result.asset.jobInstanceId,
    }),
    runId: t.int({
      nullable: true,
      description: 'The attempt number within the run (Qualys `runId`); null when absent.',
      resolve: (r) => r.result.runId,
    }),
    startedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the asset started the job (Qualys `startDateTime`); null until it started.',
      resolve: (r) => r.result.startDateTime,
    }),
    endedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the asset finished the job (Qualys `endDateTime`); null until it finished.',
      resolve: (r) => r.result.endDateTime,
    }),
    statusAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When `status` was last set (Qualys `statusDateTime`); null when absent.',
      resolve: (r) => r.result.statusDateTime,
    }),
    scannedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When the asset was last scanned (Qualys `scanDateTime`, PM API v2.2.0); null until scanned.',
      resolve: (r) => r.result.scanDateTime,
    }),
    jobSentAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the job was sent to the agent (Qualys `jobSentOn`); null until sent.',
      resolve: (r) => r.result.jobSentOn,
    }),
    agentCheckedInAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the agent last checked in (Qualys `agentCheckedInTime`); null when absent.',
      resolve: (r) => r.result.agentCheckedInTime,
    }),
    installedPatches: t.field({
      ...cost({ rule: refList('ref') }),
      type: [Patch],
      nullable: false,
      description: 'Patches installed by the run (Qualys `installed`); empty when none.',
      resolve: (r) => patchRefs(r.result.installed, platformOf(r)),
    }),
    failedPatches: t.field({
      ...cost({ rule: refList('ref') }),
      type: [Patch],
      nullable: false,
      description: 'Patches that failed to install (Qualys `failed`); empty when none.',
      resolve: (r) => patchRefs(r.result.failed, platformOf(r)),
    }),
    successPatches: t.field({
      ...cost({ rule: refList('ref') }),
      type: [Patch],
      nullable: false,
      description: 'Patches deployed successfully (Qualys `success`); empty when none.',
      resolve: (r) => patchRefs(r.result.success, platformOf(r)),
    }),
    supersededPatches: t.field({
      ...cost({ rule: refList('ref') }),
      type: [Patch],
      nullable: false,
      description:
        'Patches skipped because a newer one supersedes them (Qualys `superseded`); empty when none.',
      resolve: (r) => patchRefs(r.result.superseded, platformOf(r)),
    }),
    notApplicablePatches: t.field({
      ...cost({ rule: refList('ref') }),
      type: [Patch],
      nullable: false,
      description: 'Patches that do not apply to the asset (Qualys `notApplicable`); empty when none.',
      resolve: (r) => patchRefs(r.result.notApplicable, platformOf(r)),
    }),
    installedPatchCount: t.int({
      nullable: true,
      description:
        'How many patches were installed (Qualys `asset.installedPatches`); null when not reported.',
      resolve: (r) => r.result.asset.installedPatches,
    }),
    failedPatchCount: t.int({
      nullable: true,
      description: 'How many patches failed (Qualys `asset.failedPatches`); null when not reported.',
      resolve: (r) => r.result.asset.failedPatches,
    }),
    successPatchCount: t.int({
      nullable: true,
      description: 'How many patches succeeded (Qualys `asset.successPatches`); null when not reported.',
      resolve: (r) => r.result.asset.successPatches,
    }),
    supersededPatchCount: t.int({
      nullable: true,
      description:
        'How many patches were superseded (Qualys `asset.supersededPatches`); null when not reported.',
      resolve: (r) => r.result.asset.supersededPatches,
    }),
    notApplicablePatchCount: t.int({
      nullable: true,
      description:
        'How many patches did not apply (Qualys `asset.notApplicablePatches`); null when not reported.',
      resolve: (r) => r.result.asset.notApplicablePatches,
    }),
    skippedPatchCount: t.int({
      nullable: true,
      description: 'How many patches were skipped (Qualys `asset.skipPatchCount`); null when not reported.',
      resolve: (r) => r.result.asset.skipPatchCount,
    }),
    totalPatchCount: t.int({
      nullable: true,
      description:
        'How many patches the run had for the asset (Qualys `totalPatchCount`); null when not reported.',
      resolve: (r) => r.result.totalPatchCount,
    }),
    failedActionCount: t.int({
      nullable: true,
      description: 'How many deploy actions failed (Qualys `failedActionsCount`); null when not reported.',
      resolve: (r) => r.result.failedActionsCount,
    }),
    successfulActionCount: t.int({
      nullable: true,
      description:
        'How many deploy actions succeeded (Qualys `successfulActionsCount`); null when not reported.',
      resolve: (r) => r.result.successfulActionsCount,
    }),
    skippedActionCount: t.int({
      nullable: true,
      description:
        'How many deploy actions were skipped (Qualys `skippedActionsCount`); null when not reported.',
      resolve: (r) => r.result.skippedActionsCount,
    }),
    executing: t.boolean({
      nullable: true,
      description:
        'True while the job executes on the asset (Qualys `executing`, 0/1 upstream); null when not reported.',
      resolve: (r) => r.result.asset.executing,
    }),
    pendingExecution: t.boolean({
      nullable: true,
      description: 'True while execution is pending (Qualys `pendingExecution`); null when not reported.',
      resolve: (r) => r.result.asset.pendingExecution,
    }),
    pendingReboot: t.boolean({
      nullable: true,
      description: 'True while a reboot is pending (Qualys `pendingReboot`); null when not reported.',
      resolve: (r) => r.result.asset.pendingReboot,
    }),
    pendingVerification: t.boolean({
      nullable: true,
      description:
        'True while installation awaits verification by a scan (Qualys `pendingVerification`); null when not reported.',
      resolve: (r) => r.result.asset.pendingVerification,
    }),
    pendingRebootInAnotherJob: t.boolean({
      nullable: true,
      description:
        'True when a reboot pending for another job blocks this one (Qualys `pendingForRebootInAnotherJob`); null when not reported.',
      resolve: (r) => r.result.pendingForRebootInAnotherJob,
    }),
    pendingRebootInAnotherJobName: t.string({
      nullable: true,
      description: 'The name of that other job (Qualys `pendingForRebootInAnotherJobName`); null when none.',
      resolve: (r) => r.result.pendingForRebootInAnotherJobName,
    }),
    reattemptNumber: t.int({
      nullable: true,
      description:
        'Which reattempt of failed patches this is (Qualys `additionalFields.failedPatchRetryNumber`, release 3.5); null when none.',
      resolve: (r) => r.result.asset.additionalFields?.failedPatchRetryNumber ?? null,
    }),
    reattemptsAvailable: t.int({
      nullable: true,
      description:
        'How many reattempts the job allows in total (Qualys `additionalFields.totalAvailableFailedPatchRetries`); null when none.',
      resolve: (r) => r.result.asset.additionalFields?.totalAvailableFailedPatchRetries ?? null,
    }),
  }),
});
