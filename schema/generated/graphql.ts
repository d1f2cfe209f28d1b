/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The state of one job run on one asset (Qualys per-asset `status`, the "Job Result Statuses List"). The list is open-ended: unknown values map to `OTHER` and `statusLabel` keeps the raw value. */
export type AssetJobResultStatus =
  /** Canceled by a blackout window (Qualys `Canceled - Blackout`). */
  | 'CANCELED_BLACKOUT'
  /** The job finished on the asset (Qualys `Completed`). */
  | 'COMPLETED'
  /** Patches downloaded (Qualys `Downloaded`, Windows). */
  | 'DOWNLOADED'
  /** Downloading patches failed (Qualys `Downloading - Failed`, Windows). */
  | 'DOWNLOADING_FAILED'
  /** Another job is running; this one runs later or times out (Qualys `Execution Blocked`). */
  | 'EXECUTION_BLOCKED'
  /** The job failed on the asset (Qualys `Job Failed`). */
  | 'JOB_FAILED'
  /** The agent received the job (Qualys `Job Received`). */
  | 'JOB_RECEIVED'
  /** The agent resumed the job (Qualys `Job Resumed`). */
  | 'JOB_RESUMED'
  /** The agent started the job (Qualys `Job Started`). */
  | 'JOB_STARTED'
  /** None of the patches apply to the asset (Qualys `Not Applicable`). */
  | 'NOT_APPLICABLE'
  /** The asset has no PM licence (Qualys `Not Licensed`). */
  | 'NOT_LICENSED'
  /** No patches and no actions to run (Qualys `No Patch Available`). */
  | 'NO_PATCH_AVAILABLE'
  /** A status this gateway does not know; `statusLabel` has the Qualys value. */
  | 'OTHER'
  /** Waiting for a reboot to finish (Qualys `Pending Reboot`). */
  | 'PENDING_REBOOT'
  /** Failed patches are being reattempted (Qualys `Reattempting`, release 3.5). */
  | 'REATTEMPTING';

/** The lifecycle status of a job (Qualys `status`). Qualys adds values over time, so unknown ones map to `OTHER`; the raw value is always in `statusLabel`. */
export type JobStatus =
  /** The targeted assets have reported results (Qualys `Assets Responded`, PM API v2.2.0+). */
  | 'ASSETS_RESPONDED'
  /** Completed (Qualys `Completed`; PM jobs report `Assets Responded` since v2.2.0). */
  | 'COMPLETED'
  /** Completed with failures (Qualys `Completed with Failure`, mitigation jobs). */
  | 'COMPLETED_WITH_FAILURE'
  /** Disabled: the job does not run (Qualys `Disabled`). */
  | 'DISABLED'
  /** Enabled: the job runs on its schedule or on demand (Qualys `Enabled`). */
  | 'ENABLED'
  /** A status this gateway does not know yet; `statusLabel` has the Qualys value. */
  | 'OTHER'
  /** Prepared for deployment (Qualys `Prepared`). */
  | 'PREPARED';

/** What a deployment job does with its patches (Qualys job `type`). */
export type JobType =
  /** Installs patches (Qualys `Install`). */
  | 'INSTALL'
  /** Uninstalls patches (Qualys `Rollback`; called `Uninstall` before PM API v1.7). */
  | 'ROLLBACK';

/** The operating-system family a job, patch or asset belongs to (Qualys `platform`). Almost every Qualys list call is per platform. */
export type Platform =
  /** Linux (Qualys `Linux`). */
  | 'LINUX'
  /** macOS (Qualys `Mac`); the PM API documents it only for a few endpoints. */
  | 'MAC'
  /** Windows (Qualys `Windows`). */
  | 'WINDOWS';

/** How a job is scheduled (Qualys `scheduleType`). */
export type ScheduleType =
  /** Runs every day (Qualys `Daily`). */
  | 'DAILY'
  /** Runs once a month (Qualys `Monthly`): on `dayOfMonth`, on the n-th weekday or relative to Patch Tuesday. */
  | 'MONTHLY'
  /** Runs once at `startDateTime` (Qualys `Once`, "Run Once"). */
  | 'ONCE'
  /** Runs when started by a user (Qualys `On-demand`). */
  | 'ON_DEMAND'
  /** Runs on the `weekDays` of each week (Qualys `Weekly`). */
  | 'WEEKLY';

/** Which clock a schedule is meant in (Qualys `timezoneType`). */
export type TimezoneType =
  /** The schedule is meant in each agent's own local time zone (Qualys `AGENT_TZ`). */
  | 'AGENT_TZ'
  /** The schedule is meant in the time zone named by `timezone` (Qualys `SPECIFIC_TZ`). */
  | 'SPECIFIC_TZ';

/** The patch vendor's severity rating (Qualys `vendorSeverity`). */
export type VendorSeverity =
  /** Vendor rates it Critical. */
  | 'CRITICAL'
  /** Vendor rates it Important. */
  | 'IMPORTANT'
  /** Vendor rates it Low. */
  | 'LOW'
  /** Vendor rates it Moderate. */
  | 'MODERATE'
  /** Vendor gives no rating (Qualys `None`). */
  | 'NONE'
  /** A rating this gateway does not know; `vendorSeverityLabel` has the Qualys value. */
  | 'OTHER';

/** A day of the week. Qualys numbers them from 0 = Sunday. */
export type Weekday =
  /** Friday (position 5; `5`). */
  | 'FRIDAY'
  /** Monday (position 1; `1`). */
  | 'MONDAY'
  /** Saturday (position 6; `6`). */
  | 'SATURDAY'
  /** Sunday (position 0 of Qualys `recurringWeekDays`; `0` in `recurringWeekDayOfMonth`). */
  | 'SUNDAY'
  /** Thursday (position 4; `4`). */
  | 'THURSDAY'
  /** Tuesday (position 2; `2`). */
  | 'TUESDAY'
  /** Wednesday (position 3; `3`). */
  | 'WEDNESDAY';

export type AssetsByAssetIdQueryVariables = Exact<{
  assetIds: Array<number> | number;
}>;


export type AssetsByAssetIdQuery = { assetsByAssetId: { unmappedAssetIds: Array<number>, mapped: Array<{ id: string, assetId: number | null }> } };

export type DashboardQueryVariables = Exact<{
  platform?: Platform;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DashboardQuery = { patchJobs: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string | null, status: JobStatus | null, statusLabel: string | null, completionPercent: number | null, schedule: { type: ScheduleType | null, startDateTime: string | null, timezone: string | null } | null, assets: Array<{ id: string, name: string | null }> | null, approvedPatches: Array<{ id: string, title: string | null }> | null, latestResult: { jobInstanceId: number | null, assetResults: Array<{ status: AssetJobResultStatus | null, statusLabel: string | null, asset: { id: string, name: string | null }, installedPatches: Array<{ id: string, title: string | null, kb: string | null }>, failedPatches: Array<{ id: string, title: string | null, kb: string | null }> }> } | null }> } };

export type JobDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type JobDetailQuery = { patchJob: { id: string, name: string | null, description: string | null, type: JobType | null, status: JobStatus | null, statusLabel: string | null, platform: Platform | null, createdAt: string | null, createdBy: { id: string | null, name: string | null } | null, schedule: { type: ScheduleType | null, startDateTime: string | null, startDateTimeRaw: string | null, timezone: string | null, timezoneType: TimezoneType | null, recurring: boolean | null, weekDays: Array<Weekday> } | null, assets: Array<{ id: string, name: string | null, operatingSystem: string | null }> | null, assetTags: Array<{ id: string }> | null, approvedPatches: Array<{ id: string, title: string | null, kb: string | null, vendorSeverity: VendorSeverity | null, isSecurity: boolean | null, rebootRequired: boolean | null }> | null, linkedJob: { id: string, name: string | null } | null, reattemptFailedPatches: { enabled: boolean | null, attempts: number | null, backoffInterval: number | null } | null, runs: Array<{ jobInstanceId: number, scheduledAt: string | null, result: { assetCount: number | null, assetResults: Array<{ status: AssetJobResultStatus | null, statusLabel: string | null, installedPatchCount: number | null, failedPatchCount: number | null, asset: { id: string, name: string | null } }> } | null }> | null } | null };

export type MitigationJobDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type MitigationJobDetailQuery = { mitigationJob: { id: string, name: string | null, status: JobStatus | null, statusLabel: string | null, platform: Platform | null, completionPercent: number | null, qids: Array<number> | null, schedule: { type: ScheduleType | null, startDateTime: string | null, timezone: string | null } | null, actions: Array<{ id: string | null, action: string | null, qid: number | null, qidTitle: string | null, mitigationCategory: string | null, mitigations: Array<{ id: string | null, type: string | null, cves: Array<string> }>, vulnerability: { qid: number, title: string | null, severity: number | null, cves: Array<string> } | null }> | null } | null };

export type PatchSupersedenceQueryVariables = Exact<{
  id: string | number;
  platform?: Platform | null | undefined;
}>;


export type PatchSupersedenceQuery = { patch: { id: string, title: string | null, kb: string | null, isSuperseded: boolean | null, supersedes: Array<{ id: string, title: string | null, kb: string | null, supersedes: Array<{ id: string, title: string | null, kb: string | null }> | null }> | null, supersededBy: Array<{ id: string, title: string | null, kb: string | null, supersededBy: Array<{ id: string, title: string | null, kb: string | null }> | null }> | null } | null };


export const AssetsByAssetIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssetsByAssetId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assetIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetsByAssetId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assetIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assetIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mapped"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"assetId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unmappedAssetIds"}}]}}]}}]} as unknown as DocumentNode<AssetsByAssetIdQuery, AssetsByAssetIdQueryVariables>;
export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Platform"}}},"defaultValue":{"kind":"EnumValue","value":"WINDOWS"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patchJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"completionPercent"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobInstanceId"}},{"kind":"Field","name":{"kind":"Name","value":"assetResults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"installedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const JobDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patchJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTimeRaw"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"timezoneType"}},{"kind":"Field","name":{"kind":"Name","value":"recurring"}},{"kind":"Field","name":{"kind":"Name","value":"weekDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"operatingSystem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}},{"kind":"Field","name":{"kind":"Name","value":"vendorSeverity"}},{"kind":"Field","name":{"kind":"Name","value":"isSecurity"}},{"kind":"Field","name":{"kind":"Name","value":"rebootRequired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reattemptFailedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"backoffInterval"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobInstanceId"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetCount"}},{"kind":"Field","name":{"kind":"Name","value":"assetResults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"installedPatchCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedPatchCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<JobDetailQuery, JobDetailQueryVariables>;
export const MitigationJobDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MitigationJobDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mitigationJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"completionPercent"}},{"kind":"Field","name":{"kind":"Name","value":"qids"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"qid"}},{"kind":"Field","name":{"kind":"Name","value":"qidTitle"}},{"kind":"Field","name":{"kind":"Name","value":"mitigationCategory"}},{"kind":"Field","name":{"kind":"Name","value":"mitigations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"cves"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vulnerability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qid"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"cves"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MitigationJobDetailQuery, MitigationJobDetailQueryVariables>;
export const PatchSupersedenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatchSupersedence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Platform"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}},{"kind":"Field","name":{"kind":"Name","value":"isSuperseded"}},{"kind":"Field","name":{"kind":"Name","value":"supersedes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}},{"kind":"Field","name":{"kind":"Name","value":"supersedes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"supersededBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}},{"kind":"Field","name":{"kind":"Name","value":"supersededBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PatchSupersedenceQuery, PatchSupersedenceQueryVariables>;