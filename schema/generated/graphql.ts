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

/** A new mitigation job: QIDs to mitigate on assets and tags, on demand or once. Checked against every documented rule first; broken rules come back as `userErrors` and nothing is sent. */
export type CreateMitigationJobInput = {
  /** User UUIDs who may edit the job besides you, at most 200. Default: none. */
  coAuthorIds?: Array<string | number> | null | undefined;
  /** A description (Qualys `description`). Default empty. */
  description?: string | null | undefined;
  /** The job name (Qualys `name`); not blank. */
  name: string;
  /** E-mail notifications. Default: none. */
  notification?: NotificationInput | null | undefined;
  /** WINDOWS or LINUX. */
  platform: Platform;
  /** The QIDs to mitigate (Qualys `qids`); at least one, positive. */
  qids?: Array<number> | null | undefined;
  /** On demand (default) or once. */
  schedule?: MitigationJobScheduleInput | null | undefined;
  /** ENABLED or DISABLED (default). Note: Qualys cannot disable a non-recurring job once enabled. */
  status?: JobConfigStatus | null | undefined;
  /** The assets to target: asset UUIDs and/or tags (asset UUIDs since release 3.12); at least one. */
  targets?: JobTargetsInput | null | undefined;
};

/** A new patch deployment job in your terms; the gateway builds the full Qualys v2 body and fills everything not given with the values Qualys' own samples use. Every documented rule is checked first: broken rules come back as `userErrors` and nothing is sent. */
export type CreatePatchJobInput = {
  /** Windows only: always show the completion prompt (Qualys `alwaysShowCompletedPrompt`). Default false. */
  alwaysShowCompletedPrompt?: boolean | null | undefined;
  /** User UUIDs who may edit the job besides you, at most 200 (release 3.12). Default: none. */
  coAuthorIds?: Array<string | number> | null | undefined;
  /** The message shown when deployment completes (Qualys `postDeployment.onComplete`). Default empty. */
  completionMessage?: UserMessageInput | null | undefined;
  /** Linux only: a failed patch does not stop the others. Default false. */
  continueOnPatchFailure?: boolean | null | undefined;
  /** How the user may postpone the deployment (Qualys `preDeployment.deferment`). Default 3 x 1 hour. */
  deferment?: DefermentInput | null | undefined;
  /** A description (Qualys `description`). Default empty. */
  description?: string | null | undefined;
  /** Agents start downloading at a random time within this window, at most 8 hours (release 3.12). Default: off. */
  downloadRandomization?: DurationInput | null | undefined;
  /** The message shown while deploying (Qualys `duringDeployment`). Default empty. */
  duringDeploymentMessage?: UserMessageInput | null | undefined;
  /** Windows only: user prompts open minimised. Default false. */
  minimizeWindow?: boolean | null | undefined;
  /** The job name (Qualys `name`); not blank. */
  name: string;
  /** E-mail notifications. Default: none. */
  notification?: NotificationInput | null | undefined;
  /** Windows only: agents may download patches ahead of the run. Default false. */
  opportunisticDownloads?: boolean | null | undefined;
  /** Where the patches come from: one of patch ids, a patch QQL or a linked job. */
  patches?: PatchSelectionInput | null | undefined;
  /** WINDOWS or LINUX: the platform of the job, its patches and assets. */
  platform: Platform;
  /** The message shown before deployment (Qualys `preDeployment`). Default empty. */
  preDeploymentMessage?: UserMessageInput | null | undefined;
  /** Windows only: reattempt failed patches (release 3.5). Default: off. */
  reattemptFailedPatches?: ReattemptInput | null | undefined;
  /** Reboot behaviour after deployment. Default: Qualys sample values. */
  rebootSettings?: RebootSettingsInput | null | undefined;
  /** When the job runs. Default: on demand. */
  schedule?: JobScheduleInput | null | undefined;
  /** ENABLED or DISABLED (default: a new job does not run until enabled). */
  status?: JobConfigStatus | null | undefined;
  /** The assets to target; at least one asset or tag. */
  targets?: JobTargetsInput | null | undefined;
  /** How long a run may take: 1-168 hours or 1-10,080 minutes (Qualys `timeout`). Default: no limit. */
  timeout?: DurationInput | null | undefined;
  /** INSTALL (default) or ROLLBACK (Qualys `type`; rollback on Windows and, since release 3.3, Linux). */
  type?: JobType | null | undefined;
  /** Linux only: update the package cache before deploying (the MakeCache pre-action, release 3.5). Default false. */
  updatePackageCache?: boolean | null | undefined;
};

/** How often and for how long the logged-on user may postpone a step (Qualys `deferment`): 0-99 times, each at most 168 hours. */
export type DefermentInput = {
  /** How many times the user may defer (0 = never). */
  count: number;
  /** How long each deferral lasts, in `intervalUnit`s. */
  interval: number;
  /** The unit of `interval`. */
  intervalUnit: TimeUnit;
};

/** A length of time as Qualys stores it: a whole number and a unit. */
export type DurationInput = {
  /** The unit of `value`. */
  unit: TimeUnit;
  /** The amount, in `unit`s. */
  value: number;
};

/** Whether a job may run (Qualys `status` on create and update, and the `{Enabled|Disabled}` of the bulk status call). Read back, an enabled job reports its lifecycle in `status` (PREPARED, ASSETS_RESPONDED, ...). */
export type JobConfigStatus =
  /** The job does not run (Qualys `Disabled`). A non-recurring job cannot be disabled once enabled (Qualys rule). */
  | 'DISABLED'
  /** The job runs on its schedule, or when started (Qualys `Enabled`). */
  | 'ENABLED';

/** When a patch job runs. `startDateTime` is wall-clock time in `timezone` (or in each agent zone with AGENT_TZ) and is sent to Qualys as is, never shifted. Every type but ON_DEMAND needs a start and a time zone. Weekly jobs name `weekDays`; monthly jobs name one day rule: `dayOfMonth`, `lastDayOfMonth`, `weekOfMonth` + `weekDayOfMonth`, or `patchTuesdayOffsetDays`. In an update, a schedule with `type` replaces the schedule; without `type` only the fields given change (null clears one). */
export type JobScheduleInput = {
  /** MONTHLY only: the day of the month, 1-31 (Qualys `dayOfMonth`). */
  dayOfMonth?: number | null | undefined;
  /** MONTHLY only: run on the last day of the month (Qualys `recurringLastDayOfMonth`). */
  lastDayOfMonth?: boolean | null | undefined;
  /** MONTHLY only: run this many days after (1 to 27) or before (-27 to -1) Patch Tuesday (Qualys `monthlyRecurringType` 1 + `patchTuesdayPlusXDays`). */
  patchTuesdayOffsetDays?: number | null | undefined;
  /** The first run, wall-clock time without offset (`2026-12-01T22:00:00`), sent as Qualys `startDateTime` "2026-12-1 10:00:00 PM". Required for every type but ON_DEMAND. */
  startDateTime?: string | null | undefined;
  /** The IANA time zone `startDateTime` is meant in (`UTC`, `Europe/Berlin`; Qualys `timezone`). */
  timezone?: string | null | undefined;
  /** SPECIFIC_TZ (the default when `timezone` is given) or AGENT_TZ (each agent local time; no `timezone`). */
  timezoneType?: TimezoneType | null | undefined;
  /** How the job is scheduled (Qualys `scheduleType`). Default ON_DEMAND on create. */
  type?: ScheduleType | null | undefined;
  /** MONTHLY only: the weekday of `weekOfMonth` (Qualys `recurringWeekDayOfMonth`, 0 = Sunday). */
  weekDayOfMonth?: Weekday | null | undefined;
  /** WEEKLY only: the days to run (Qualys `recurringWeekDays`, a Sunday-first bitmap). */
  weekDays?: Array<Weekday> | null | undefined;
  /** MONTHLY only: with `weekDayOfMonth`, run on the n-th such weekday, n = 1-5 (Qualys `recurringDayOfMonth`). */
  weekOfMonth?: number | null | undefined;
};

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

/** The assets a job targets: asset UUIDs and asset tags, minus excluded assets and tags. A job needs at least one asset or tag (`TARGETS_MISSING`). In an update, each field given replaces that field only. */
export type JobTargetsInput = {
  /** Asset UUIDs to target (Qualys `assetIds`). Default: none. */
  assetIds?: Array<string | number> | null | undefined;
  /** Asset UUIDs never targeted (Qualys `exclusionAssetIds`). Default: none. */
  exclusionAssetIds?: Array<string | number> | null | undefined;
  /** Asset tag UUIDs whose assets are excluded (Qualys `exclusionTagIds`). Default: none. */
  exclusionTagIds?: Array<string | number> | null | undefined;
  /** Whether an asset is excluded by any or all of `exclusionTagIds` (Qualys `exclusionFilterType`). Default ANY. */
  exclusionTagMatch?: TagMatch | null | undefined;
  /** Asset tag UUIDs whose assets are targeted (Qualys `assetTagIds`). Default: none. */
  tagIds?: Array<string | number> | null | undefined;
  /** Whether an asset needs any or all of `tagIds` (Qualys `filterType`). Default ANY. */
  tagMatch?: TagMatch | null | undefined;
};

/** What a deployment job does with its patches (Qualys job `type`). */
export type JobType =
  /** Installs patches (Qualys `Install`). */
  | 'INSTALL'
  /** Uninstalls patches (Qualys `Rollback`; called `Uninstall` before PM API v1.7). */
  | 'ROLLBACK';

/** When a mitigation job runs: ON_DEMAND or ONCE only (`MTG_SCHEDULE_UNSUPPORTED`). ONCE needs a start and a time zone. In an update, a schedule with `type` replaces the schedule; without `type` only the fields given change. */
export type MitigationJobScheduleInput = {
  /** The run, wall-clock time without offset, sent unshifted. Required for ONCE. */
  startDateTime?: string | null | undefined;
  /** The IANA time zone `startDateTime` is meant in (Qualys `timezone`). */
  timezone?: string | null | undefined;
  /** SPECIFIC_TZ (the default when `timezone` is given) or AGENT_TZ. */
  timezoneType?: TimezoneType | null | undefined;
  /** ON_DEMAND or ONCE (Qualys "On-demand" / "Once"). Default ON_DEMAND on create. */
  type?: ScheduleType | null | undefined;
};

/** E-mail notifications about a job (Qualys `notification`). In an update, the fields given change on top of the current settings. */
export type NotificationInput = {
  /** Notify when this percentage of assets completed, 1-100 (Qualys `completedPercentage`). */
  completedPercentage?: number | null | undefined;
  /** Send e-mails (Qualys `notificationTypes.email`). Default true; then recipients are required. */
  emailEnabled?: boolean | null | undefined;
  /** Notify when the job completes. Default false. */
  onJobComplete?: boolean | null | undefined;
  /** Notify when the job starts. Default false. */
  onJobStart?: boolean | null | undefined;
  /** Valid e-mail addresses (sent as Qualys `recipientEmails`, comma-separated). */
  recipientEmails?: Array<string> | null | undefined;
};

/** Where a patch job gets its patches: exactly one of explicit patch UUIDs, a patch QQL evaluated before each run, or the patches of another ("linked") job (`PATCH_SOURCE_CONFLICT`, `PATCH_SOURCE_MISSING`). In an update it replaces the selection as a whole. */
export type PatchSelectionInput = {
  /** The UUID of a job whose patches this job deploys (Qualys `linkedJobId`, release 3.3); see `linkablePatchJobs`. */
  linkedJobId?: string | number | null | undefined;
  /** Patch UUIDs to deploy (Qualys `approvedPatches`). */
  patchIds?: Array<string | number> | null | undefined;
  /** A patch QQL; matching missing, non-superseded patches are deployed, re-evaluated before every run (Qualys `dynamicPatchesQQL`; Install jobs only, at most 2,000 patches per run). */
  qql?: string | null | undefined;
};

/** The operating-system family a job, patch or asset belongs to (Qualys `platform`). Almost every Qualys list call is per platform. */
export type Platform =
  /** Linux (Qualys `Linux`). */
  | 'LINUX'
  /** macOS (Qualys `Mac`); the PM API documents it only for a few endpoints. */
  | 'MAC'
  /** Windows (Qualys `Windows`). */
  | 'WINDOWS';

/** Reattempting failed patches, Windows only (Qualys `enableReattemptFailedPatches` + `reattemptFailedPatches`, release 3.5). */
export type ReattemptInput = {
  /** How many reattempts, 1-5 (Qualys `noOfReattempts`). */
  attempts: number;
  /** The exponential backoff interval, 1-15 (Qualys `exponentialBackoffInterval`). */
  backoffInterval: number;
};

/** Reboot behaviour after deployment (Qualys `postDeployment`). Omitted parts take the values of Qualys' own samples: no suppression, deferment 3 x 1 hour, a 15-minute countdown with the "Reboot countdown started" message. In an update, the fields given change; null resets one to its default. */
export type RebootSettingsInput = {
  /** The countdown before a forced reboot, 1-24 hours (Qualys `rebootCountdown`). Default 15 minutes. */
  countdown?: DurationInput | null | undefined;
  /** The message shown during the countdown. Default "Reboot countdown started" (Qualys' sample). */
  countdownMessage?: UserMessageInput | null | undefined;
  /** How the user may postpone the reboot (Qualys `rebootOption.deferment`). Default 3 x 1 hour. */
  deferment?: DefermentInput | null | undefined;
  /** Wait while a user is logged on (Qualys `rebootHonorOnUserLogin`). Default false. */
  honorUserLogin?: boolean | null | undefined;
  /** The reboot request shown to the user (Qualys `rebootOption`). Default empty. */
  prompt?: UserMessageInput | null | undefined;
  /** Never reboot the asset (Qualys `suppressReboots`). Default false. */
  suppressReboots?: boolean | null | undefined;
};

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

/** How a list of asset tags combines (Qualys `filterType` / `exclusionFilterType`). */
export type TagMatch =
  /** An asset matches only when it has all of the tags (Qualys `All`). */
  | 'ALL'
  /** An asset matches when it has any of the tags (Qualys `Any`, the default). */
  | 'ANY';

/** The unit of a job duration setting (Qualys `timeoutUnit`, `intervalUnit`, ...). */
export type TimeUnit =
  /** Hours (Qualys `HOURS`). */
  | 'HOURS'
  /** Minutes (Qualys `MINUTES`). */
  | 'MINUTES';

/** Which clock a schedule is meant in (Qualys `timezoneType`). */
export type TimezoneType =
  /** The schedule is meant in each agent's own local time zone (Qualys `AGENT_TZ`). */
  | 'AGENT_TZ'
  /** The schedule is meant in the time zone named by `timezone` (Qualys `SPECIFIC_TZ`). */
  | 'SPECIFIC_TZ';

/** The settings to change; everything omitted stays as it is (the platform cannot change). Lists replace the current list; `targets` and `notification` change field by field; a `schedule` with `type` replaces the schedule. The merged job is checked against every rule before it is sent. */
export type UpdateMitigationJobInput = {
  /** The new co-authors, at most 200; null: unchanged. */
  coAuthorIds?: Array<string | number> | null | undefined;
  /** A new description; null clears it. */
  description?: string | null | undefined;
  /** A new name; omitted or null: unchanged. */
  name?: string | null | undefined;
  /** Notification changes; null removes notifications. */
  notification?: NotificationInput | null | undefined;
  /** The new QIDs, replacing the current ones; omitted or null: unchanged. */
  qids?: Array<number> | null | undefined;
  /** Schedule changes: with `type`, a new schedule. */
  schedule?: MitigationJobScheduleInput | null | undefined;
  /** ENABLED or DISABLED; omitted or null: unchanged. */
  status?: JobConfigStatus | null | undefined;
  /** Target changes; fields given replace. */
  targets?: JobTargetsInput | null | undefined;
};

/** The settings to change; everything omitted stays as it is (the platform cannot change). Lists replace the current list; `targets`, `rebootSettings` and `notification` change field by field; `patches` replaces the patch selection; a `schedule` with `type` replaces the schedule. `null` leaves names, enums, booleans and lists unchanged and resets optional settings (messages, deferment, reattempts, durations, notification) to their defaults. The merged job is checked against every rule before it is sent. */
export type UpdatePatchJobInput = {
  /** Windows only; omitted or null: unchanged. */
  alwaysShowCompletedPrompt?: boolean | null | undefined;
  /** The new co-authors (replacing the current ones), at most 200; null: unchanged. */
  coAuthorIds?: Array<string | number> | null | undefined;
  /** A new completion message; null resets it to empty. */
  completionMessage?: UserMessageInput | null | undefined;
  /** Linux only; omitted or null: unchanged. */
  continueOnPatchFailure?: boolean | null | undefined;
  /** A new deferment; null resets it to 3 x 1 hour. */
  deferment?: DefermentInput | null | undefined;
  /** A new description; null clears it. */
  description?: string | null | undefined;
  /** A new download randomisation window; null turns it off. */
  downloadRandomization?: DurationInput | null | undefined;
  /** A new during-deployment message; null resets it to empty. */
  duringDeploymentMessage?: UserMessageInput | null | undefined;
  /** Windows only; omitted or null: unchanged. */
  minimizeWindow?: boolean | null | undefined;
  /** A new name; omitted or null: unchanged. */
  name?: string | null | undefined;
  /** Notification changes on top of the current ones; null removes notifications. */
  notification?: NotificationInput | null | undefined;
  /** Windows only; omitted or null: unchanged. */
  opportunisticDownloads?: boolean | null | undefined;
  /** A new patch selection, replacing the current one; omitted or null: unchanged. */
  patches?: PatchSelectionInput | null | undefined;
  /** A new pre-deployment message; null resets it to empty. */
  preDeploymentMessage?: UserMessageInput | null | undefined;
  /** Windows only: new reattempt settings; null turns reattempts off. */
  reattemptFailedPatches?: ReattemptInput | null | undefined;
  /** Reboot changes (fields given change); null resets all reboot settings to the defaults. */
  rebootSettings?: RebootSettingsInput | null | undefined;
  /** Schedule changes: with `type`, a new schedule; without, only the fields given change. */
  schedule?: JobScheduleInput | null | undefined;
  /** ENABLED or DISABLED; omitted or null: unchanged. */
  status?: JobConfigStatus | null | undefined;
  /** Target changes; fields given replace. */
  targets?: JobTargetsInput | null | undefined;
  /** A new timeout; null removes it. */
  timeout?: DurationInput | null | undefined;
  /** INSTALL or ROLLBACK; omitted or null: unchanged. */
  type?: JobType | null | undefined;
  /** Linux only: add (true) or remove (false) the MakeCache pre-action; other pre-actions are kept. */
  updatePackageCache?: boolean | null | undefined;
};

/** Why a mutation did not do what was asked. The rule codes are listed with their rules in the README ("Mutations"); the others come from Qualys or from idempotency keys. */
export type UserErrorCode =
  /** The idempotencyKey was used before with a different input; nothing was sent. Use a new key for a new job. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The start is not a real calendar date and time. */
  | 'INVALID_DATE_TIME'
  /** A notification recipient is not a valid e-mail address. */
  | 'INVALID_EMAIL'
  /** The time zone is not an IANA time zone name. */
  | 'INVALID_TIMEZONE'
  /** A value has the wrong shape. */
  | 'INVALID_VALUE'
  /** A monthly schedule names more than one day rule. */
  | 'MONTHLY_DAY_CONFLICT'
  /** A monthly schedule names no day rule. */
  | 'MONTHLY_DAY_MISSING'
  /** Mitigation jobs run on demand or once only. */
  | 'MTG_SCHEDULE_UNSUPPORTED'
  /** Qualys has no job with this id. */
  | 'NOT_FOUND'
  /** An earlier request with this idempotencyKey failed without a definite answer (timeout, network error, HTTP 5xx): the job may or may not exist, so the gateway does not send it again. Check `patchJobs` (or the mitigation job list in Qualys) and use a new key to create it. */
  | 'OUTCOME_UNKNOWN'
  /** A number is outside its documented range (reattempts 1-5, timeout 1-168 hours, ...). */
  | 'OUT_OF_RANGE'
  /** More than one patch source was given (patch ids, a patch QQL, a linked job). */
  | 'PATCH_SOURCE_CONFLICT'
  /** No patch source was given (patch ids, a patch QQL or a linked job). */
  | 'PATCH_SOURCE_MISSING'
  /** The setting does not exist on the job platform (MakeCache is Linux only, reattempts are Windows only, ...), or the platform has no jobs (MAC). */
  | 'PLATFORM_UNSUPPORTED'
  /** A rollback job cannot select patches by QQL. */
  | 'QQL_NOT_ALLOWED_FOR_ROLLBACK'
  /** Qualys refused the request (HTTP 4xx); `message` is Qualys' message and `qualysErrorCode` its `_error.errorCode`. */
  | 'QUALYS_REJECTED'
  /** A value the job needs is missing or blank (name, QIDs, week days, time zone, recipients, ...). */
  | 'REQUIRED'
  /** A schedule field belongs to another schedule type (week days on a non-weekly schedule, ...), or a time zone was given with AGENT_TZ. */
  | 'SCHEDULE_FIELD_MISMATCH'
  /** A schedule other than on-demand has no start date and time. */
  | 'START_TIME_REQUIRED'
  /** The job targets no asset and no asset tag. */
  | 'TARGETS_MISSING'
  /** A list is longer than Qualys allows (at most 200 co-authors). */
  | 'TOO_MANY';

/** A message shown to the logged-on user of an asset (Qualys `userMessage` + `description`). */
export type UserMessageInput = {
  /** The longer text shown with it (Qualys `description`). Default empty. */
  description?: string | null | undefined;
  /** The message text (Qualys `userMessage`). Default empty. */
  message?: string | null | undefined;
};

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

export type AssetJobsQueryVariables = Exact<{
  assetIds: Array<number> | number;
}>;


export type AssetJobsQuery = { assetsByAssetId: { unmappedAssetIds: Array<number>, mapped: Array<{ id: string, assetId: number | null, name: string | null, missingPatches: Array<{ id: string, title: string | null }> | null, patchJobs: Array<{ id: string, name: string | null, statusLabel: string | null }> | null }> } };

export type AssetsByAssetIdQueryVariables = Exact<{
  assetIds: Array<number> | number;
}>;


export type AssetsByAssetIdQuery = { assetsByAssetId: { unmappedAssetIds: Array<number>, mapped: Array<{ id: string, assetId: number | null }> } };

export type CreateMitigationJobMutationVariables = Exact<{
  input: CreateMitigationJobInput;
  idempotencyKey?: string | null | undefined;
}>;


export type CreateMitigationJobMutation = { createMitigationJob: { replayed: boolean, job: { id: string, name: string | null, description: string | null, platform: Platform | null, status: JobStatus | null, statusLabel: string | null, qids: Array<number> | null, assetTagMatch: TagMatch | null, exclusionTagMatch: TagMatch | null, schedule: { type: ScheduleType | null, startDateTime: string | null, timezone: string | null, timezoneType: TimezoneType | null } | null, assets: Array<{ id: string }> | null, assetTags: Array<{ id: string }> | null, exclusionAssets: Array<{ id: string }> | null, exclusionTags: Array<{ id: string }> | null, coAuthors: Array<{ id: string | null }> | null, notification: { emailEnabled: boolean | null, recipientEmails: Array<string>, completedPercentage: number | null, onJobStart: boolean | null, onJobComplete: boolean | null } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, qualysErrorCode: string | null }> } | null };

export type CreatePatchJobMutationVariables = Exact<{
  input: CreatePatchJobInput;
  idempotencyKey?: string | null | undefined;
}>;


export type CreatePatchJobMutation = { createPatchJob: { replayed: boolean, job: { id: string, name: string | null, description: string | null, platform: Platform | null, type: JobType | null, status: JobStatus | null, statusLabel: string | null, assetTagMatch: TagMatch | null, exclusionTagMatch: TagMatch | null, usesPatchQql: boolean | null, patchQql: string | null, alwaysShowCompletedPrompt: boolean | null, opportunisticDownloads: boolean | null, minimizeWindow: boolean | null, continueOnPatchFailure: boolean | null, schedule: { type: ScheduleType | null, startDateTime: string | null, startDateTimeRaw: string | null, timezone: string | null, timezoneType: TimezoneType | null, recurring: boolean | null, weekDays: Array<Weekday>, dayOfMonth: number | null, lastDayOfMonth: boolean | null, weekOfMonth: number | null, weekDayOfMonth: Weekday | null, patchTuesday: boolean | null, patchTuesdayOffsetDays: number | null } | null, assets: Array<{ id: string }> | null, assetTags: Array<{ id: string }> | null, exclusionAssets: Array<{ id: string }> | null, exclusionTags: Array<{ id: string }> | null, approvedPatches: Array<{ id: string }> | null, linkedJob: { id: string } | null, coAuthors: Array<{ id: string | null }> | null, preDeployActions: Array<
        | { action: string | null }
        | { defaultScriptType: string | null, actionItem: string | null, scriptType: string | null, action: string | null }
      > | null, preDeploymentMessage: { message: string | null, description: string | null } | null, deferment: { count: number | null, interval: number | null, intervalUnit: TimeUnit | null } | null, duringDeploymentMessage: { message: string | null, description: string | null } | null, rebootSettings: { suppressReboots: boolean | null, honorUserLogin: boolean | null, prompt: { message: string | null, description: string | null } | null, deferment: { count: number | null, interval: number | null, intervalUnit: TimeUnit | null } | null, countdown: { value: number, unit: TimeUnit | null } | null, countdownMessage: { message: string | null, description: string | null } | null } | null, completionMessage: { message: string | null, description: string | null } | null, reattemptFailedPatches: { enabled: boolean | null, attempts: number | null, backoffInterval: number | null } | null, downloadRandomization: { value: number, unit: TimeUnit | null } | null, timeout: { value: number, unit: TimeUnit | null } | null, notification: { emailEnabled: boolean | null, recipientEmails: Array<string>, completedPercentage: number | null, onJobStart: boolean | null, onJobComplete: boolean | null } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, qualysErrorCode: string | null }> } | null };

export type DashboardQueryVariables = Exact<{
  platform?: Platform;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DashboardQuery = { patchJobs: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string | null, status: JobStatus | null, statusLabel: string | null, completionPercent: number | null, schedule: { type: ScheduleType | null, startDateTime: string | null, timezone: string | null } | null, assets: Array<{ id: string, name: string | null }> | null, approvedPatches: Array<{ id: string, title: string | null }> | null, latestResult: { jobInstanceId: number | null, assetResults: Array<{ status: AssetJobResultStatus | null, statusLabel: string | null, asset: { id: string, name: string | null }, installedPatches: Array<{ id: string, title: string | null, kb: string | null }>, failedPatches: Array<{ id: string, title: string | null, kb: string | null }> }> } | null }> } };

export type DeletePatchJobsMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type DeletePatchJobsMutation = { deletePatchJobs: { results: Array<{ id: string, name: string | null, success: boolean, message: string | null }>, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, qualysErrorCode: string | null }> } | null };

export type JobDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type JobDetailQuery = { patchJob: { id: string, name: string | null, description: string | null, type: JobType | null, status: JobStatus | null, statusLabel: string | null, platform: Platform | null, createdAt: string | null, createdBy: { id: string | null, name: string | null } | null, schedule: { type: ScheduleType | null, startDateTime: string | null, startDateTimeRaw: string | null, timezone: string | null, timezoneType: TimezoneType | null, recurring: boolean | null, weekDays: Array<Weekday> } | null, assets: Array<{ id: string, name: string | null, operatingSystem: string | null }> | null, assetTags: Array<{ id: string }> | null, approvedPatches: Array<{ id: string, title: string | null, kb: string | null, vendorSeverity: VendorSeverity | null, isSecurity: boolean | null, rebootRequired: boolean | null }> | null, linkedJob: { id: string, name: string | null } | null, reattemptFailedPatches: { enabled: boolean | null, attempts: number | null, backoffInterval: number | null } | null, runs: Array<{ jobInstanceId: number, scheduledAt: string | null, result: { assetCount: number | null, assetResults: Array<{ status: AssetJobResultStatus | null, statusLabel: string | null, installedPatchCount: number | null, failedPatchCount: number | null, asset: { id: string, name: string | null } }> } | null }> | null } | null };

export type MitigationJobSettingsFragment = { id: string, name: string | null, description: string | null, platform: Platform | null, status: JobStatus | null, statusLabel: string | null, qids: Array<number> | null, assetTagMatch: TagMatch | null, exclusionTagMatch: TagMatch | null, schedule: { type: ScheduleType | null, startDateTime: string | null, timezone: string | null, timezoneType: TimezoneType | null } | null, assets: Array<{ id: string }> | null, assetTags: Array<{ id: string }> | null, exclusionAssets: Array<{ id: string }> | null, exclusionTags: Array<{ id: string }> | null, coAuthors: Array<{ id: string | null }> | null, notification: { emailEnabled: boolean | null, recipientEmails: Array<string>, completedPercentage: number | null, onJobStart: boolean | null, onJobComplete: boolean | null } | null };

export type MitigationJobSettingsQueryVariables = Exact<{
  id: string | number;
}>;


export type MitigationJobSettingsQuery = { mitigationJob: { id: string, name: string | null, description: string | null, platform: Platform | null, status: JobStatus | null, statusLabel: string | null, qids: Array<number> | null, assetTagMatch: TagMatch | null, exclusionTagMatch: TagMatch | null, schedule: { type: ScheduleType | null, startDateTime: string | null, timezone: string | null, timezoneType: TimezoneType | null } | null, assets: Array<{ id: string }> | null, assetTags: Array<{ id: string }> | null, exclusionAssets: Array<{ id: string }> | null, exclusionTags: Array<{ id: string }> | null, coAuthors: Array<{ id: string | null }> | null, notification: { emailEnabled: boolean | null, recipientEmails: Array<string>, completedPercentage: number | null, onJobStart: boolean | null, onJobComplete: boolean | null } | null } | null };

export type MitigationJobDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type MitigationJobDetailQuery = { mitigationJob: { id: string, name: string | null, status: JobStatus | null, statusLabel: string | null, platform: Platform | null, completionPercent: number | null, qids: Array<number> | null, schedule: { type: ScheduleType | null, startDateTime: string | null, timezone: string | null } | null, actions: Array<{ id: string | null, action: string | null, qid: number | null, qidTitle: string | null, mitigationCategory: string | null, mitigations: Array<{ id: string | null, type: string | null, cves: Array<string> }>, vulnerability: { qid: number, title: string | null, severity: number | null, cves: Array<string> } | null }> | null } | null };

export type PatchJobSettingsFragment = { id: string, name: string | null, description: string | null, platform: Platform | null, type: JobType | null, status: JobStatus | null, statusLabel: string | null, assetTagMatch: TagMatch | null, exclusionTagMatch: TagMatch | null, usesPatchQql: boolean | null, patchQql: string | null, alwaysShowCompletedPrompt: boolean | null, opportunisticDownloads: boolean | null, minimizeWindow: boolean | null, continueOnPatchFailure: boolean | null, schedule: { type: ScheduleType | null, startDateTime: string | null, startDateTimeRaw: string | null, timezone: string | null, timezoneType: TimezoneType | null, recurring: boolean | null, weekDays: Array<Weekday>, dayOfMonth: number | null, lastDayOfMonth: boolean | null, weekOfMonth: number | null, weekDayOfMonth: Weekday | null, patchTuesday: boolean | null, patchTuesdayOffsetDays: number | null } | null, assets: Array<{ id: string }> | null, assetTags: Array<{ id: string }> | null, exclusionAssets: Array<{ id: string }> | null, exclusionTags: Array<{ id: string }> | null, approvedPatches: Array<{ id: string }> | null, linkedJob: { id: string } | null, coAuthors: Array<{ id: string | null }> | null, preDeployActions: Array<
    | { action: string | null }
    | { defaultScriptType: string | null, actionItem: string | null, scriptType: string | null, action: string | null }
  > | null, preDeploymentMessage: { message: string | null, description: string | null } | null, deferment: { count: number | null, interval: number | null, intervalUnit: TimeUnit | null } | null, duringDeploymentMessage: { message: string | null, description: string | null } | null, rebootSettings: { suppressReboots: boolean | null, honorUserLogin: boolean | null, prompt: { message: string | null, description: string | null } | null, deferment: { count: number | null, interval: number | null, intervalUnit: TimeUnit | null } | null, countdown: { value: number, unit: TimeUnit | null } | null, countdownMessage: { message: string | null, description: string | null } | null } | null, completionMessage: { message: string | null, description: string | null } | null, reattemptFailedPatches: { enabled: boolean | null, attempts: number | null, backoffInterval: number | null } | null, downloadRandomization: { value: number, unit: TimeUnit | null } | null, timeout: { value: number, unit: TimeUnit | null } | null, notification: { emailEnabled: boolean | null, recipientEmails: Array<string>, completedPercentage: number | null, onJobStart: boolean | null, onJobComplete: boolean | null } | null };

export type PatchJobSettingsQueryVariables = Exact<{
  id: string | number;
}>;


export type PatchJobSettingsQuery = { patchJob: { id: string, name: string | null, description: string | null, platform: Platform | null, type: JobType | null, status: JobStatus | null, statusLabel: string | null, assetTagMatch: TagMatch | null, exclusionTagMatch: TagMatch | null, usesPatchQql: boolean | null, patchQql: string | null, alwaysShowCompletedPrompt: boolean | null, opportunisticDownloads: boolean | null, minimizeWindow: boolean | null, continueOnPatchFailure: boolean | null, schedule: { type: ScheduleType | null, startDateTime: string | null, startDateTimeRaw: string | null, timezone: string | null, timezoneType: TimezoneType | null, recurring: boolean | null, weekDays: Array<Weekday>, dayOfMonth: number | null, lastDayOfMonth: boolean | null, weekOfMonth: number | null, weekDayOfMonth: Weekday | null, patchTuesday: boolean | null, patchTuesdayOffsetDays: number | null } | null, assets: Array<{ id: string }> | null, assetTags: Array<{ id: string }> | null, exclusionAssets: Array<{ id: string }> | null, exclusionTags: Array<{ id: string }> | null, approvedPatches: Array<{ id: string }> | null, linkedJob: { id: string } | null, coAuthors: Array<{ id: string | null }> | null, preDeployActions: Array<
      | { action: string | null }
      | { defaultScriptType: string | null, actionItem: string | null, scriptType: string | null, action: string | null }
    > | null, preDeploymentMessage: { message: string | null, description: string | null } | null, deferment: { count: number | null, interval: number | null, intervalUnit: TimeUnit | null } | null, duringDeploymentMessage: { message: string | null, description: string | null } | null, rebootSettings: { suppressReboots: boolean | null, honorUserLogin: boolean | null, prompt: { message: string | null, description: string | null } | null, deferment: { count: number | null, interval: number | null, intervalUnit: TimeUnit | null } | null, countdown: { value: number, unit: TimeUnit | null } | null, countdownMessage: { message: string | null, description: string | null } | null } | null, completionMessage: { message: string | null, description: string | null } | null, reattemptFailedPatches: { enabled: boolean | null, attempts: number | null, backoffInterval: number | null } | null, downloadRandomization: { value: number, unit: TimeUnit | null } | null, timeout: { value: number, unit: TimeUnit | null } | null, notification: { emailEnabled: boolean | null, recipientEmails: Array<string>, completedPercentage: number | null, onJobStart: boolean | null, onJobComplete: boolean | null } | null } | null };

export type PatchSupersedenceQueryVariables = Exact<{
  id: string | number;
  platform?: Platform | null | undefined;
}>;


export type PatchSupersedenceQuery = { patch: { id: string, title: string | null, kb: string | null, isSuperseded: boolean | null, supersedes: Array<{ id: string, title: string | null, kb: string | null, supersedes: Array<{ id: string, title: string | null, kb: string | null }> | null }> | null, supersededBy: Array<{ id: string, title: string | null, kb: string | null, supersededBy: Array<{ id: string, title: string | null, kb: string | null }> | null }> | null } | null };

export type SetPatchJobsStatusMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
  status: JobConfigStatus;
}>;


export type SetPatchJobsStatusMutation = { setPatchJobsStatus: { results: Array<{ id: string, name: string | null, success: boolean, message: string | null }>, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, qualysErrorCode: string | null }> } | null };

export type SetMitigationJobsStatusMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
  status: JobConfigStatus;
}>;


export type SetMitigationJobsStatusMutation = { setMitigationJobsStatus: { results: Array<{ id: string, name: string | null, success: boolean, message: string | null }>, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, qualysErrorCode: string | null }> } | null };

export type UpdateMitigationJobMutationVariables = Exact<{
  id: string | number;
  input: UpdateMitigationJobInput;
}>;


export type UpdateMitigationJobMutation = { updateMitigationJob: { job: { id: string, name: string | null, description: string | null, platform: Platform | null, status: JobStatus | null, statusLabel: string | null, qids: Array<number> | null, assetTagMatch: TagMatch | null, exclusionTagMatch: TagMatch | null, schedule: { type: ScheduleType | null, startDateTime: string | null, timezone: string | null, timezoneType: TimezoneType | null } | null, assets: Array<{ id: string }> | null, assetTags: Array<{ id: string }> | null, exclusionAssets: Array<{ id: string }> | null, exclusionTags: Array<{ id: string }> | null, coAuthors: Array<{ id: string | null }> | null, notification: { emailEnabled: boolean | null, recipientEmails: Array<string>, completedPercentage: number | null, onJobStart: boolean | null, onJobComplete: boolean | null } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, qualysErrorCode: string | null }> } | null };

export type UpdatePatchJobMutationVariables = Exact<{
  id: string | number;
  input: UpdatePatchJobInput;
}>;


export type UpdatePatchJobMutation = { updatePatchJob: { job: { id: string, name: string | null, description: string | null, platform: Platform | null, type: JobType | null, status: JobStatus | null, statusLabel: string | null, assetTagMatch: TagMatch | null, exclusionTagMatch: TagMatch | null, usesPatchQql: boolean | null, patchQql: string | null, alwaysShowCompletedPrompt: boolean | null, opportunisticDownloads: boolean | null, minimizeWindow: boolean | null, continueOnPatchFailure: boolean | null, schedule: { type: ScheduleType | null, startDateTime: string | null, startDateTimeRaw: string | null, timezone: string | null, timezoneType: TimezoneType | null, recurring: boolean | null, weekDays: Array<Weekday>, dayOfMonth: number | null, lastDayOfMonth: boolean | null, weekOfMonth: number | null, weekDayOfMonth: Weekday | null, patchTuesday: boolean | null, patchTuesdayOffsetDays: number | null } | null, assets: Array<{ id: string }> | null, assetTags: Array<{ id: string }> | null, exclusionAssets: Array<{ id: string }> | null, exclusionTags: Array<{ id: string }> | null, approvedPatches: Array<{ id: string }> | null, linkedJob: { id: string } | null, coAuthors: Array<{ id: string | null }> | null, preDeployActions: Array<
        | { action: string | null }
        | { defaultScriptType: string | null, actionItem: string | null, scriptType: string | null, action: string | null }
      > | null, preDeploymentMessage: { message: string | null, description: string | null } | null, deferment: { count: number | null, interval: number | null, intervalUnit: TimeUnit | null } | null, duringDeploymentMessage: { message: string | null, description: string | null } | null, rebootSettings: { suppressReboots: boolean | null, honorUserLogin: boolean | null, prompt: { message: string | null, description: string | null } | null, deferment: { count: number | null, interval: number | null, intervalUnit: TimeUnit | null } | null, countdown: { value: number, unit: TimeUnit | null } | null, countdownMessage: { message: string | null, description: string | null } | null } | null, completionMessage: { message: string | null, description: string | null } | null, reattemptFailedPatches: { enabled: boolean | null, attempts: number | null, backoffInterval: number | null } | null, downloadRandomization: { value: number, unit: TimeUnit | null } | null, timeout: { value: number, unit: TimeUnit | null } | null, notification: { emailEnabled: boolean | null, recipientEmails: Array<string>, completedPercentage: number | null, onJobStart: boolean | null, onJobComplete: boolean | null } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, qualysErrorCode: string | null }> } | null };

export type UserErrorFieldsFragment = { field: Array<string> | null, message: string, code: UserErrorCode, qualysErrorCode: string | null };

export const MitigationJobSettingsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MitigationJobSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MitigationJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"qids"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"timezoneType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"exclusionAssets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"coAuthors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"recipientEmails"}},{"kind":"Field","name":{"kind":"Name","value":"completedPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"onJobStart"}},{"kind":"Field","name":{"kind":"Name","value":"onJobComplete"}}]}}]}}]} as unknown as DocumentNode<MitigationJobSettingsFragment, unknown>;
export const PatchJobSettingsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatchJobSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PatchJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTimeRaw"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"timezoneType"}},{"kind":"Field","name":{"kind":"Name","value":"recurring"}},{"kind":"Field","name":{"kind":"Name","value":"weekDays"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"lastDayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"weekOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"weekDayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"patchTuesday"}},{"kind":"Field","name":{"kind":"Name","value":"patchTuesdayOffsetDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"exclusionAssets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"approvedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usesPatchQql"}},{"kind":"Field","name":{"kind":"Name","value":"patchQql"}},{"kind":"Field","name":{"kind":"Name","value":"linkedJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coAuthors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preDeployActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunScriptAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defaultScriptType"}},{"kind":"Field","name":{"kind":"Name","value":"actionItem"}},{"kind":"Field","name":{"kind":"Name","value":"scriptType"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"preDeploymentMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deferment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"intervalUnit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"duringDeploymentMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rebootSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suppressReboots"}},{"kind":"Field","name":{"kind":"Name","value":"honorUserLogin"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deferment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"intervalUnit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"countdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"countdownMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"completionMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alwaysShowCompletedPrompt"}},{"kind":"Field","name":{"kind":"Name","value":"reattemptFailedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"backoffInterval"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloadRandomization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunisticDownloads"}},{"kind":"Field","name":{"kind":"Name","value":"minimizeWindow"}},{"kind":"Field","name":{"kind":"Name","value":"continueOnPatchFailure"}},{"kind":"Field","name":{"kind":"Name","value":"notification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"recipientEmails"}},{"kind":"Field","name":{"kind":"Name","value":"completedPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"onJobStart"}},{"kind":"Field","name":{"kind":"Name","value":"onJobComplete"}}]}}]}}]} as unknown as DocumentNode<PatchJobSettingsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"qualysErrorCode"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const AssetJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssetJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assetIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetsByAssetId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assetIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assetIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mapped"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"assetId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"missingPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patchJobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unmappedAssetIds"}}]}}]}}]} as unknown as DocumentNode<AssetJobsQuery, AssetJobsQueryVariables>;
export const AssetsByAssetIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssetsByAssetId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assetIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetsByAssetId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assetIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assetIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mapped"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"assetId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unmappedAssetIds"}}]}}]}}]} as unknown as DocumentNode<AssetsByAssetIdQuery, AssetsByAssetIdQueryVariables>;
export const CreateMitigationJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateMitigationJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateMitigationJobInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMitigationJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MitigationJobSettings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MitigationJobSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MitigationJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"qids"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"timezoneType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"exclusionAssets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"coAuthors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"recipientEmails"}},{"kind":"Field","name":{"kind":"Name","value":"completedPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"onJobStart"}},{"kind":"Field","name":{"kind":"Name","value":"onJobComplete"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"qualysErrorCode"}}]}}]} as unknown as DocumentNode<CreateMitigationJobMutation, CreateMitigationJobMutationVariables>;
export const CreatePatchJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePatchJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePatchJobInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPatchJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PatchJobSettings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatchJobSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PatchJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTimeRaw"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"timezoneType"}},{"kind":"Field","name":{"kind":"Name","value":"recurring"}},{"kind":"Field","name":{"kind":"Name","value":"weekDays"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"lastDayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"weekOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"weekDayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"patchTuesday"}},{"kind":"Field","name":{"kind":"Name","value":"patchTuesdayOffsetDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"exclusionAssets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"approvedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usesPatchQql"}},{"kind":"Field","name":{"kind":"Name","value":"patchQql"}},{"kind":"Field","name":{"kind":"Name","value":"linkedJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coAuthors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preDeployActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunScriptAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defaultScriptType"}},{"kind":"Field","name":{"kind":"Name","value":"actionItem"}},{"kind":"Field","name":{"kind":"Name","value":"scriptType"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"preDeploymentMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deferment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"intervalUnit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"duringDeploymentMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rebootSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suppressReboots"}},{"kind":"Field","name":{"kind":"Name","value":"honorUserLogin"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deferment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"intervalUnit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"countdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"countdownMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"completionMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alwaysShowCompletedPrompt"}},{"kind":"Field","name":{"kind":"Name","value":"reattemptFailedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"backoffInterval"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloadRandomization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunisticDownloads"}},{"kind":"Field","name":{"kind":"Name","value":"minimizeWindow"}},{"kind":"Field","name":{"kind":"Name","value":"continueOnPatchFailure"}},{"kind":"Field","name":{"kind":"Name","value":"notification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"recipientEmails"}},{"kind":"Field","name":{"kind":"Name","value":"completedPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"onJobStart"}},{"kind":"Field","name":{"kind":"Name","value":"onJobComplete"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"qualysErrorCode"}}]}}]} as unknown as DocumentNode<CreatePatchJobMutation, CreatePatchJobMutationVariables>;
export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Platform"}}},"defaultValue":{"kind":"EnumValue","value":"WINDOWS"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patchJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"completionPercent"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobInstanceId"}},{"kind":"Field","name":{"kind":"Name","value":"assetResults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"installedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const DeletePatchJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeletePatchJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePatchJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"qualysErrorCode"}}]}}]} as unknown as DocumentNode<DeletePatchJobsMutation, DeletePatchJobsMutationVariables>;
export const JobDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patchJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTimeRaw"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"timezoneType"}},{"kind":"Field","name":{"kind":"Name","value":"recurring"}},{"kind":"Field","name":{"kind":"Name","value":"weekDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"operatingSystem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}},{"kind":"Field","name":{"kind":"Name","value":"vendorSeverity"}},{"kind":"Field","name":{"kind":"Name","value":"isSecurity"}},{"kind":"Field","name":{"kind":"Name","value":"rebootRequired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reattemptFailedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"backoffInterval"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobInstanceId"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetCount"}},{"kind":"Field","name":{"kind":"Name","value":"assetResults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"installedPatchCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedPatchCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<JobDetailQuery, JobDetailQueryVariables>;
export const MitigationJobSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MitigationJobSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mitigationJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MitigationJobSettings"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MitigationJobSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MitigationJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"qids"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"timezoneType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"exclusionAssets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"coAuthors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"recipientEmails"}},{"kind":"Field","name":{"kind":"Name","value":"completedPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"onJobStart"}},{"kind":"Field","name":{"kind":"Name","value":"onJobComplete"}}]}}]}}]} as unknown as DocumentNode<MitigationJobSettingsQuery, MitigationJobSettingsQueryVariables>;
export const MitigationJobDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MitigationJobDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mitigationJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"completionPercent"}},{"kind":"Field","name":{"kind":"Name","value":"qids"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"qid"}},{"kind":"Field","name":{"kind":"Name","value":"qidTitle"}},{"kind":"Field","name":{"kind":"Name","value":"mitigationCategory"}},{"kind":"Field","name":{"kind":"Name","value":"mitigations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"cves"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vulnerability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qid"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"cves"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MitigationJobDetailQuery, MitigationJobDetailQueryVariables>;
export const PatchJobSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatchJobSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patchJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PatchJobSettings"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatchJobSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PatchJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTimeRaw"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"timezoneType"}},{"kind":"Field","name":{"kind":"Name","value":"recurring"}},{"kind":"Field","name":{"kind":"Name","value":"weekDays"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"lastDayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"weekOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"weekDayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"patchTuesday"}},{"kind":"Field","name":{"kind":"Name","value":"patchTuesdayOffsetDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"exclusionAssets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"approvedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usesPatchQql"}},{"kind":"Field","name":{"kind":"Name","value":"patchQql"}},{"kind":"Field","name":{"kind":"Name","value":"linkedJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coAuthors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preDeployActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunScriptAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defaultScriptType"}},{"kind":"Field","name":{"kind":"Name","value":"actionItem"}},{"kind":"Field","name":{"kind":"Name","value":"scriptType"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"preDeploymentMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deferment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"intervalUnit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"duringDeploymentMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rebootSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suppressReboots"}},{"kind":"Field","name":{"kind":"Name","value":"honorUserLogin"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deferment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"intervalUnit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"countdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"countdownMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"completionMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alwaysShowCompletedPrompt"}},{"kind":"Field","name":{"kind":"Name","value":"reattemptFailedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"backoffInterval"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloadRandomization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunisticDownloads"}},{"kind":"Field","name":{"kind":"Name","value":"minimizeWindow"}},{"kind":"Field","name":{"kind":"Name","value":"continueOnPatchFailure"}},{"kind":"Field","name":{"kind":"Name","value":"notification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"recipientEmails"}},{"kind":"Field","name":{"kind":"Name","value":"completedPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"onJobStart"}},{"kind":"Field","name":{"kind":"Name","value":"onJobComplete"}}]}}]}}]} as unknown as DocumentNode<PatchJobSettingsQuery, PatchJobSettingsQueryVariables>;
export const PatchSupersedenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatchSupersedence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Platform"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}},{"kind":"Field","name":{"kind":"Name","value":"isSuperseded"}},{"kind":"Field","name":{"kind":"Name","value":"supersedes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}},{"kind":"Field","name":{"kind":"Name","value":"supersedes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"supersededBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}},{"kind":"Field","name":{"kind":"Name","value":"supersededBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kb"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PatchSupersedenceQuery, PatchSupersedenceQueryVariables>;
export const SetPatchJobsStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPatchJobsStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JobConfigStatus"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPatchJobsStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"qualysErrorCode"}}]}}]} as unknown as DocumentNode<SetPatchJobsStatusMutation, SetPatchJobsStatusMutationVariables>;
export const SetMitigationJobsStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetMitigationJobsStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JobConfigStatus"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMitigationJobsStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"qualysErrorCode"}}]}}]} as unknown as DocumentNode<SetMitigationJobsStatusMutation, SetMitigationJobsStatusMutationVariables>;
export const UpdateMitigationJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMitigationJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMitigationJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMitigationJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MitigationJobSettings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MitigationJobSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MitigationJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"qids"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"timezoneType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"exclusionAssets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"coAuthors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"recipientEmails"}},{"kind":"Field","name":{"kind":"Name","value":"completedPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"onJobStart"}},{"kind":"Field","name":{"kind":"Name","value":"onJobComplete"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"qualysErrorCode"}}]}}]} as unknown as DocumentNode<UpdateMitigationJobMutation, UpdateMitigationJobMutationVariables>;
export const UpdatePatchJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePatchJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePatchJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePatchJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PatchJobSettings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PatchJobSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PatchJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"startDateTimeRaw"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"timezoneType"}},{"kind":"Field","name":{"kind":"Name","value":"recurring"}},{"kind":"Field","name":{"kind":"Name","value":"weekDays"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"lastDayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"weekOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"weekDayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"patchTuesday"}},{"kind":"Field","name":{"kind":"Name","value":"patchTuesdayOffsetDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assetTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"exclusionAssets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exclusionTagMatch"}},{"kind":"Field","name":{"kind":"Name","value":"approvedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usesPatchQql"}},{"kind":"Field","name":{"kind":"Name","value":"patchQql"}},{"kind":"Field","name":{"kind":"Name","value":"linkedJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coAuthors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preDeployActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunScriptAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defaultScriptType"}},{"kind":"Field","name":{"kind":"Name","value":"actionItem"}},{"kind":"Field","name":{"kind":"Name","value":"scriptType"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"preDeploymentMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deferment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"intervalUnit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"duringDeploymentMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rebootSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suppressReboots"}},{"kind":"Field","name":{"kind":"Name","value":"honorUserLogin"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deferment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"intervalUnit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"countdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"countdownMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"completionMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alwaysShowCompletedPrompt"}},{"kind":"Field","name":{"kind":"Name","value":"reattemptFailedPatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"backoffInterval"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloadRandomization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunisticDownloads"}},{"kind":"Field","name":{"kind":"Name","value":"minimizeWindow"}},{"kind":"Field","name":{"kind":"Name","value":"continueOnPatchFailure"}},{"kind":"Field","name":{"kind":"Name","value":"notification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"recipientEmails"}},{"kind":"Field","name":{"kind":"Name","value":"completedPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"onJobStart"}},{"kind":"Field","name":{"kind":"Name","value":"onJobComplete"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"qualysErrorCode"}}]}}]} as unknown as DocumentNode<UpdatePatchJobMutation, UpdatePatchJobMutationVariables>;