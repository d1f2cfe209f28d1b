/**
 * The Pothos refs of every GraphQL type, with the parent shapes their resolvers receive. Type
 * files import refs from here and implement them, so files can link to each other without
 * import cycles.
 *
 * Linked objects are "refs carrying partial data": a parent holds the identity of the object
 * plus whatever the payload it came from already said about it (a job list's `assets: [{id,
 * name}]`, a result's `asset` sub-object, the asset id of a UUID mapping, a patch list record).
 * Field resolvers answer from that data and load the full record (batched, once per request)
 * only for fields it lacks (docs/architecture.md §3.3: no call for data a parent payload already holds).
 */

import type { z } from 'zod';
import { builder } from '../../builder.js';
import type { QualysPlatform } from '../../qualys/api.js';
import type {
  QualysAsset,
  QualysAssetJobResult,
  QualysDeployAction,
  QualysDeploymentJob,
  QualysDeploymentJobListItem,
  QualysInterfaceSchema,
  QualysJobResultSummary,
  QualysJobRun,
  QualysLinkableJob,
  QualysMitigationSchema,
  QualysPatch,
  QualysVulnerability,
} from '../../qualys/schemas/index.js';

/** A tag: only its id is always known; Qualys often sends `name: null`. */
export interface TagParent {
  readonly id: string;
  readonly name: string | null;
}

/** A user as Qualys references one: any part may be missing. */
export interface UserParent {
  readonly id: string | null;
  readonly name: string | null;
  readonly fullName: string | null;
}

import type { JobKind } from '../../qualys/vocabulary.js';

export type { JobKind };

/**
 * A job: its UUID plus the payloads already holding data about it. `full` is the job by id;
 * `listItem` a job-list entry; `linkable` an "available to link" entry; `name` a result
 * summary's job name. Fields missing from every present payload load the full job.
 */
export interface JobParent {
  readonly kind: JobKind;
  readonly id: string;
  /** The job's platform when known from the context (list argument, parent job). */
  readonly platform: QualysPlatform | null;
  readonly full?: QualysDeploymentJob | undefined;
  readonly listItem?: QualysDeploymentJobListItem | undefined;
  readonly linkable?: QualysLinkableJob | undefined;
  readonly name?: string | undefined;
}

/** Asset data a parent payload may already hold. Only non-empty values are recorded. */
export interface AssetPartial {
  readonly name?: string | undefined;
  readonly operatingSystem?: string | undefined;
  readonly lastLoggedOnUser?: string | undefined;
  readonly tags?: readonly TagParent[] | undefined;
  readonly interfaces?: readonly z.output<typeof QualysInterfaceSchema>[] | undefined;
}

/**
 * An asset: its UUID, the platform when known (`null` = look on Windows and Linux), the numeric
 * asset id when a UUID mapping said it, the full record when a list returned it, and partial
 * data from a parent payload.
 */
export interface AssetParent {
  readonly id: string;
  readonly platform: QualysPlatform | null;
  readonly assetId?: number | undefined;
  readonly full?: QualysAsset | undefined;
  readonly partial?: AssetPartial | undefined;
}

/** A patch: its UUID, platform (`null` = unknown), the full record when held, or a known title. */
export interface PatchParent {
  readonly id: string;
  readonly platform: QualysPlatform | null;
  readonly full?: QualysPatch | undefined;
  readonly title?: string | undefined;
}

/** A job's schedule, normalised from the full job or a job-list entry. */
export interface JobScheduleParent {
  readonly scheduleType: string | null;
  readonly startDateTime: string | null;
  readonly timezone: string | null;
  readonly timezoneType: string | null;
  readonly recurring: boolean | null;
  readonly recurringWeekDays: string | null;
  readonly dayOfMonth: number | null;
  readonly recurringDayOfMonth: number | null;
  readonly recurringWeekDayOfMonth: number | null;
  readonly recurringLastDayOfMonth: boolean | null;
  readonly monthlyRecurringType: number | null;
  readonly patchTuesdayPlusXDays: number | null;
  readonly nextScheduleDateTime: number | null;
  readonly lastScheduleDateTime: number | null;
}

/** A deploy action of a job, with the job's platform for linked lookups. */
export interface DeployActionParent {
  readonly action: QualysDeployAction;
  readonly platform: QualysPlatform | null;
}

/** One run of a job. */
export interface JobRunParent {
  readonly jobId: string;
  readonly platform: QualysPlatform | null;
  readonly run: QualysJobRun;
}

/** The result summary of one job run. */
export interface JobResultParent {
  readonly jobId: string;
  /** The job's platform when known; else each asset result's `osIdentifier` is used. */
  readonly platform: QualysPlatform | null;
  /** The requested run, or `null` when the latest run was asked for. */
  readonly jobInstanceId: number | null;
  readonly summary: QualysJobResultSummary;
}

/** One asset's result in a job run. */
export interface AssetJobResultParent {
  readonly platform: QualysPlatform | null;
  readonly result: QualysAssetJobResult;
}

/** The answer of `assetsByAssetId`. */
export interface AssetIdMappingParent {
  readonly mapped: readonly AssetParent[];
  readonly unmappedAssetIds: readonly number[];
}

/** A value with a unit (`timeout` + `timeoutUnit`, ...). */
export interface DurationParent {
  readonly value: number;
  readonly unit: string | null;
}

/** A user message: the text shown to the user and its description. */
export interface UserMessageParent {
  readonly userMessage: string | null;
  readonly description: string | null;
}

/** A deferment setting. */
export interface DefermentParent {
  readonly count: number | null;
  readonly interval: number | null;
  readonly intervalUnit: string | null;
}

/** One mitigation of a mitigation action. */
export type MitigationParent = z.output<typeof QualysMitigationSchema>;

/*
 * Pothos refs, one per GraphQL type and named as the type. Each is implemented,
 * with its description and fields, in the type's own file (`job.ts`, `patch.ts`, ...); the
 * type parameter is the parent shape its resolvers receive (see the `*Parent` types above).
 */
export const Job = builder.interfaceRef<JobParent>('Job');
export const PatchJob = builder.objectRef<JobParent>('PatchJob');
export const MitigationJob = builder.objectRef<JobParent>('MitigationJob');
export const JobSchedule = builder.objectRef<JobScheduleParent>('JobSchedule');
export const JobRun = builder.objectRef<JobRunParent>('JobRun');
export const JobResult = builder.objectRef<JobResultParent>('JobResult');
export const AssetJobResult = builder.objectRef<AssetJobResultParent>('AssetJobResult');
export const DeployAction = builder.interfaceRef<DeployActionParent>('DeployAction');
export const RunScriptAction = builder.objectRef<DeployActionParent>('RunScriptAction');
export const MitigationAction = builder.objectRef<DeployActionParent>('MitigationAction');
export const Mitigation = builder.objectRef<MitigationParent>('Mitigation');
export const Asset = builder.objectRef<AssetParent>('Asset');
export const AssetIdMapping = builder.objectRef<AssetIdMappingParent>('AssetIdMapping');
export const NetworkInterface = builder.objectRef<z.output<typeof QualysInterfaceSchema>>('NetworkInterface');
export const Hardware = builder.objectRef<{ model: string | null; manufacturer: string | null }>('Hardware');
export const Patch = builder.objectRef<PatchParent>('Patch');
export const Vulnerability = builder.objectRef<QualysVulnerability>('Vulnerability');
export const User = builder.objectRef<UserParent>('User');
export const Tag = builder.objectRef<TagParent>('Tag');
export const Duration = builder.objectRef<DurationParent>('Duration');
export const UserMessage = builder.objectRef<UserMessageParent>('UserMessage');
export const Deferment = builder.objectRef<DefermentParent>('Deferment');
export const RebootSettings = builder.objectRef<QualysDeploymentJob>('RebootSettings');
export const ReattemptSettings = builder.objectRef<QualysDeploymentJob>('ReattemptSettings');
export const JobNotification =
  builder.objectRef<NonNullable<QualysDeploymentJob['notification']>>('JobNotification');
