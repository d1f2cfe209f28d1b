/**
 * The person-friendly job specs: what a user says about a patch or mitigation job, in the
 * gateway's terms (enums in UPPER_SNAKE, ISO local date-times, lists never null), before it is
 * turned into Qualys' 80-field wire body (`./patch-job-wire.ts`, `./mitigation-job-wire.ts`).
 *
 * The field names mirror the GraphQL inputs (`CreatePatchJobInput`, ...) one to one, so a rule's
 * path in a spec is the path in the mutation's `input` argument.
 *
 * Three kinds of schema per job kind:
 * - `PatchJobSpecSchema` parses a create input into a full {@link PatchJobSpec}: omitted or null
 *   settings take the defaults Qualys' own samples use (seed 001, 003);
 * - `PatchJobUpdateSpecSchema` parses an update input into a {@link PatchJobUpdateSpec} where
 *   `undefined` means "unchanged" and `null` means "unchanged" for names, enums, booleans and
 *   lists, and "back to the default" for optional settings (see `./merge.ts`);
 * - the same two for mitigation jobs.
 *
 * The schemas check shape only; the business rules are in `./rules.ts`.
 */
import { z } from 'zod';
import {
  CONFIG_STATUSES,
  JOB_TYPES,
  PLATFORMS,
  SCHEDULE_TYPES,
  TAG_MATCHES,
  TIME_UNITS,
  TIMEZONE_TYPES,
  WEEKDAYS,
} from '../qualys/vocabulary.js';

/** A value that may be absent or null; absent and null become `def`. */
function withDefault<T extends z.ZodType>(schema: T, def: () => z.output<T>) {
  return schema.nullish().transform((v): z.output<T> => (v === null || v === undefined ? def() : v));
}

/** A value that may be absent or null; both become `null`. */
function orNull<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v): z.output<T> | null => (v === undefined ? null : v));
}

/** A list of ids (UUID strings); absent or null becomes `[]`. */
const idList = withDefault(z.array(z.string()), () => []);

/** `Platform` values. MAC exists in the read graph; PM and MTG jobs are Windows or Linux only. */
export const JobPlatformSchema = z.enum(PLATFORMS);
/** A job platform. */
export type JobPlatform = z.output<typeof JobPlatformSchema>;

/** `JobType` values: Qualys `Install` / `Rollback`. */
export const PatchJobTypeSchema = z.enum(JOB_TYPES);
/** `JobConfigStatus` values: Qualys `Enabled` / `Disabled`. */
export const JobConfigStatusSchema = z.enum(CONFIG_STATUSES);
/** A job's configuration status. */
export type JobConfigStatusValue = z.output<typeof JobConfigStatusSchema>;
/** `ScheduleType` values. */
export const ScheduleTypeSchema = z.enum(SCHEDULE_TYPES);
/** A schedule type. */
export type ScheduleTypeValue = z.output<typeof ScheduleTypeSchema>;
/** `TimezoneType` values. */
export const TimezoneTypeSchema = z.enum(TIMEZONE_TYPES);
/** `TagMatch` values: Qualys `Any` / `All`. */
export const TagMatchSchema = z.enum(TAG_MATCHES);
/** `TimeUnit` values. */
export const TimeUnitSchema = z.enum(TIME_UNITS);
/** A time unit. */
export type TimeUnitValue = z.output<typeof TimeUnitSchema>;
/** `Weekday`. */
export const WeekdaySchema = z.enum(WEEKDAYS);
/** A day of the week. */
export type WeekdayValue = z.output<typeof WeekdaySchema>;

/** A length of time: `value` whole `unit`s (Qualys `timeout` + `timeoutUnit` and the like). */
export const DurationSpecSchema = z.object({ value: z.number().int(), unit: TimeUnitSchema });
/** Output of {@link DurationSpecSchema}. */
export type DurationSpec = z.output<typeof DurationSpecSchema>;

/** A message shown to the logged-on user (Qualys `userMessage` + `description`); null = empty. */
export const UserMessageSpecSchema = z.object({
  message: orNull(z.string()),
  description: orNull(z.string()),
});
/** Output of {@link UserMessageSpecSchema}. */
export type UserMessageSpec = z.output<typeof UserMessageSpecSchema>;

/** How often (`count`) and for how long (`interval` `intervalUnit`s) a user may postpone a step. */
export const DefermentSpecSchema = z.object({
  count: z.number().int(),
  interval: z.number().int(),
  intervalUnit: TimeUnitSchema,
});
/** Output of {@link DefermentSpecSchema}. */
export type DefermentSpec = z.output<typeof DefermentSpecSchema>;

/**
 * The assets a job targets: asset UUIDs and tag UUIDs (combined by `tagMatch`), minus excluded
 * assets and tags (combined by `exclusionTagMatch`). Qualys `assetIds`, `assetTagIds`,
 * `filterType`, `exclusionAssetIds`, `exclusionTagIds`, `exclusionFilterType`.
 */
export const JobTargetsSpecSchema = z.object({
  assetIds: idList,
  tagIds: idList,
  tagMatch: withDefault(TagMatchSchema, () => 'ANY' as const),
  exclusionAssetIds: idList,
  exclusionTagIds: idList,
  exclusionTagMatch: withDefault(TagMatchSchema, () => 'ANY' as const),
});
/** Output of {@link JobTargetsSpecSchema}. */
export type JobTargetsSpec = z.output<typeof JobTargetsSpecSchema>;

/**
 * Where a patch job's patches come from: explicit patch UUIDs (Qualys `approvedPatches`), a patch
 * QQL evaluated before each run (`dynamicPatchesQQL`), or another job's patches (`linkedJobId`).
 * Exactly one of them (rule `PATCH_SOURCE_*`). Blank `qql` / `linkedJobId` count as not given.
 */
export const PatchSelectionSpecSchema = z.object({
  patchIds: idList,
  qql: orNull(z.string()).transform((v) => (v === null || v.trim() === '' ? null : v)),
  linkedJobId: orNull(z.string()).transform((v) => (v === null || v.trim() === '' ? null : v)),
});
/** Output of {@link PatchSelectionSpecSchema}. */
export type PatchSelectionSpec = z.output<typeof PatchSelectionSpecSchema>;

/**
 * When a patch job runs. `startDateTime` is an ISO local date-time meant in `timezone`
 * (SPECIFIC_TZ) or in each agent's zone (AGENT_TZ), never shifted. Weekly jobs name `weekDays`;
 * monthly jobs name one of: `dayOfMonth`, `lastDayOfMonth`, `weekOfMonth` + `weekDayOfMonth`
 * (the n-th weekday), `patchTuesdayOffsetDays` (Patch Tuesday plus or minus days).
 */
export const JobScheduleSpecSchema = z.object({
  type: withDefault(ScheduleTypeSchema, () => 'ON_DEMAND' as const),
  startDateTime: orNull(z.string()),
  timezone: orNull(z.string()),
  timezoneType: orNull(TimezoneTypeSchema),
  weekDays: withDefault(z.array(WeekdaySchema), () => []),
  dayOfMonth: orNull(z.number().int()),
  lastDayOfMonth: withDefault(z.boolean(), () => false),
  weekOfMonth: orNull(z.number().int()),
  weekDayOfMonth: orNull(WeekdaySchema),
  patchTuesdayOffsetDays: orNull(z.number().int()),
});
/** Output of {@link JobScheduleSpecSchema}. */
export type JobScheduleSpec = z.output<typeof JobScheduleSpecSchema>;

/** The default schedule: on demand, no start time, no time zone. */
export function defaultSchedule(): JobScheduleSpec {
  return JobScheduleSpecSchema.parse({});
}

/**
 * Reboot behaviour after deployment (Qualys `postDeployment`). Null parts take Qualys' sample
 * defaults: no suppression, prompt and countdown messages as in seed 001, deferment 3 x 1 hour,
 * countdown 15 minutes.
 */
export const RebootSettingsSpecSchema = z.object({
  suppressReboots: withDefault(z.boolean(), () => false),
  honorUserLogin: withDefault(z.boolean(), () => false),
  prompt: orNull(UserMessageSpecSchema),
  deferment: orNull(DefermentSpecSchema),
  countdown: orNull(DurationSpecSchema),
  countdownMessage: orNull(UserMessageSpecSchema),
});
/** Output of {@link RebootSettingsSpecSchema}. */
export type RebootSettingsSpec = z.output<typeof RebootSettingsSpecSchema>;

/** Reattempting failed patches (Windows, seed 001 release 3.5): `attempts` 1-5, `backoffInterval` 1-15. */
export const ReattemptSpecSchema = z.object({
  attempts: z.number().int(),
  backoffInterval: z.number().int(),
});
/** Output of {@link ReattemptSpecSchema}. */
export type ReattemptSpec = z.output<typeof ReattemptSpecSchema>;

/**
 * E-mail notifications (Qualys `notification`): recipients, the completion percentage (1-100)
 * that triggers a mail, and the start/complete events.
 */
export const NotificationSpecSchema = z.object({
  emailEnabled: withDefault(z.boolean(), () => true),
  recipientEmails: withDefault(z.array(z.string()), () => []),
  completedPercentage: orNull(z.number().int()),
  onJobStart: withDefault(z.boolean(), () => false),
  onJobComplete: withDefault(z.boolean(), () => false),
});
/** Output of {@link NotificationSpecSchema}. */
export type NotificationSpec = z.output<typeof NotificationSpecSchema>;

/**
 * A full patch deployment job spec: the parsed `CreatePatchJobInput`, or a current job read back
 * from Qualys (`specFromPatchJobWire`). `platform` is null only for a current job whose payload
 * does not say (the seed 000 sample); rules that need it are then skipped.
 */
export const PatchJobSpecSchema = z.object({
  name: z.string(),
  description: orNull(z.string()),
  platform: JobPlatformSchema.nullable(),
  type: withDefault(PatchJobTypeSchema, () => 'INSTALL' as const),
  status: withDefault(JobConfigStatusSchema, () => 'DISABLED' as const),
  targets: withDefault(JobTargetsSpecSchema, () => JobTargetsSpecSchema.parse({})),
  patches: withDefault(PatchSelectionSpecSchema, () => PatchSelectionSpecSchema.parse({})),
  schedule: withDefault(JobScheduleSpecSchema, defaultSchedule),
  preDeploymentMessage: orNull(UserMessageSpecSchema),
  deferment: orNull(DefermentSpecSchema),
  duringDeploymentMessage: orNull(UserMessageSpecSchema),
  rebootSettings: orNull(RebootSettingsSpecSchema),
  completionMessage: orNull(UserMessageSpecSchema),
  alwaysShowCompletedPrompt: withDefault(z.boolean(), () => false),
  updatePackageCache: withDefault(z.boolean(), () => false),
  reattemptFailedPatches: orNull(ReattemptSpecSchema),
  downloadRandomization: orNull(DurationSpecSchema),
  timeout: orNull(DurationSpecSchema),
  opportunisticDownloads: withDefault(z.boolean(), () => false),
  minimizeWindow: withDefault(z.boolean(), () => false),
  continueOnPatchFailure: withDefault(z.boolean(), () => false),
  coAuthorIds: idList,
  notification: orNull(NotificationSpecSchema),
});
/** Output of {@link PatchJobSpecSchema}: a full patch job spec. */
export type PatchJobSpec = z.output<typeof PatchJobSpecSchema>;

/**
 * When a mitigation job runs: on demand or once (Qualys "On-Demand" / "Run Once" only,
 * docs/qualys-api.md §9.1; rule `MTG_SCHEDULE_UNSUPPORTED`).
 */
export const MitigationScheduleSpecSchema = z.object({
  type: withDefault(ScheduleTypeSchema, () => 'ON_DEMAND' as const),
  startDateTime: orNull(z.string()),
  timezone: orNull(z.string()),
  timezoneType: orNull(TimezoneTypeSchema),
});
/** Output of {@link MitigationScheduleSpecSchema}. */
export type MitigationScheduleSpec = z.output<typeof MitigationScheduleSpecSchema>;

/** A full mitigation job spec: the parsed `CreateMitigationJobInput`, or a current job. */
export const MitigationJobSpecSchema = z.object({
  name: z.string(),
  description: orNull(z.string()),
  platform: JobPlatformSchema.nullable(),
  status: withDefault(JobConfigStatusSchema, () => 'DISABLED' as const),
  qids: withDefault(z.array(z.number().int()), () => []),
  targets: withDefault(JobTargetsSpecSchema, () => JobTargetsSpecSchema.parse({})),
  schedule: withDefault(MitigationScheduleSpecSchema, () => MitigationScheduleSpecSchema.parse({})),
  coAuthorIds: idList,
  notification: orNull(NotificationSpecSchema),
});
/** Output of {@link MitigationJobSpecSchema}: a full mitigation job spec. */
export type MitigationJobSpec = z.output<typeof MitigationJobSpecSchema>;

// Update specs ------------------------------------------------------------------------------

/** A list in an update: `undefined`/`null` = unchanged, a list replaces the current one. */
const updateIdList = z.array(z.string()).nullish();

/** The targets part of an update: each list or match given replaces the current one. */
export const JobTargetsUpdateSchema = z.object({
  assetIds: updateIdList,
  tagIds: updateIdList,
  tagMatch: TagMatchSchema.nullish(),
  exclusionAssetIds: updateIdList,
  exclusionTagIds: updateIdList,
  exclusionTagMatch: TagMatchSchema.nullish(),
});
/** Output of {@link JobTargetsUpdateSchema}. */
export type JobTargetsUpdate = z.output<typeof JobTargetsUpdateSchema>;

/**
 * The schedule part of an update. With `type`, it replaces the whole schedule (omitted fields
 * take their defaults); without `type`, only the fields given change (`null` clears one).
 */
export const JobScheduleUpdateSchema = z.object({
  type: ScheduleTypeSchema.nullish(),
  startDateTime: z.string().nullish(),
  timezone: z.string().nullish(),
  timezoneType: TimezoneTypeSchema.nullish(),
  weekDays: z.array(WeekdaySchema).nullish(),
  dayOfMonth: z.number().int().nullish(),
  lastDayOfMonth: z.boolean().nullish(),
  weekOfMonth: z.number().int().nullish(),
  weekDayOfMonth: WeekdaySchema.nullish(),
  patchTuesdayOffsetDays: z.number().int().nullish(),
});
/** Output of {@link JobScheduleUpdateSchema}. */
export type JobScheduleUpdate = z.output<typeof JobScheduleUpdateSchema>;

/** Reboot settings in an update: the fields given change; `null` resets one to its default. */
export const RebootSettingsUpdateSchema = z.object({
  suppressReboots: z.boolean().nullish(),
  honorUserLogin: z.boolean().nullish(),
  prompt: UserMessageSpecSchema.nullish(),
  deferment: DefermentSpecSchema.nullish(),
  countdown: DurationSpecSchema.nullish(),
  countdownMessage: UserMessageSpecSchema.nullish(),
});
/** Output of {@link RebootSettingsUpdateSchema}. */
export type RebootSettingsUpdate = z.output<typeof RebootSettingsUpdateSchema>;

/** Notification settings in an update: the fields given change (on top of the current ones). */
export const NotificationUpdateSchema = z.object({
  emailEnabled: z.boolean().nullish(),
  recipientEmails: z.array(z.string()).nullish(),
  completedPercentage: z.number().int().nullish(),
  onJobStart: z.boolean().nullish(),
  onJobComplete: z.boolean().nullish(),
});
/** Output of {@link NotificationUpdateSchema}. */
export type NotificationUpdate = z.output<typeof NotificationUpdateSchema>;

/**
 * A partial patch job spec (`UpdatePatchJobInput`; the platform cannot change). Semantics of
 * each field, applied by `mergePatchJobSpec`:
 * - `name`, `type`, `status`, booleans, id lists: `undefined`/`null` = unchanged;
 * - `description`, messages, `deferment`, `rebootSettings`, `reattemptFailedPatches`,
 *   `downloadRandomization`, `timeout`, `notification`: `null` = back to the default (none);
 * - `targets`, `rebootSettings`, `notification`: the fields given change;
 * - `patches`: replaces the patch selection as a whole;
 * - `schedule`: see {@link JobScheduleUpdateSchema}.
 */
export const PatchJobUpdateSpecSchema = z.object({
  name: z.string().nullish(),
  description: z.string().nullish(),
  type: PatchJobTypeSchema.nullish(),
  status: JobConfigStatusSchema.nullish(),
  targets: JobTargetsUpdateSchema.nullish(),
  patches: PatchSelectionSpecSchema.nullish(),
  schedule: JobScheduleUpdateSchema.nullish(),
  preDeploymentMessage: UserMessageSpecSchema.nullish(),
  deferment: DefermentSpecSchema.nullish(),
  duringDeploymentMessage: UserMessageSpecSchema.nullish(),
  rebootSettings: RebootSettingsUpdateSchema.nullish(),
  completionMessage: UserMessageSpecSchema.nullish(),
  alwaysShowCompletedPrompt: z.boolean().nullish(),
  updatePackageCache: z.boolean().nullish(),
  reattemptFailedPatches: ReattemptSpecSchema.nullish(),
  downloadRandomization: DurationSpecSchema.nullish(),
  timeout: DurationSpecSchema.nullish(),
  opportunisticDownloads: z.boolean().nullish(),
  minimizeWindow: z.boolean().nullish(),
  continueOnPatchFailure: z.boolean().nullish(),
  coAuthorIds: updateIdList,
  notification: NotificationUpdateSchema.nullish(),
});
/** Output of {@link PatchJobUpdateSpecSchema}. */
export type PatchJobUpdateSpec = z.output<typeof PatchJobUpdateSpecSchema>;

/** The schedule part of a mitigation job update (same semantics as {@link JobScheduleUpdateSchema}). */
export const MitigationScheduleUpdateSchema = z.object({
  type: ScheduleTypeSchema.nullish(),
  startDateTime: z.string().nullish(),
  timezone: z.string().nullish(),
  timezoneType: TimezoneTypeSchema.nullish(),
});
/** Output of {@link MitigationScheduleUpdateSchema}. */
export type MitigationScheduleUpdate = z.output<typeof MitigationScheduleUpdateSchema>;

/** A partial mitigation job spec (`UpdateMitigationJobInput`), semantics as for patch jobs. */
export const MitigationJobUpdateSpecSchema = z.object({
  name: z.string().nullish(),
  description: z.string().nullish(),
  status: JobConfigStatusSchema.nullish(),
  qids: z.array(z.number().int()).nullish(),
  targets: JobTargetsUpdateSchema.nullish(),
  schedule: MitigationScheduleUpdateSchema.nullish(),
  coAuthorIds: updateIdList,
  notification: NotificationUpdateSchema.nullish(),
});
/** Output of {@link MitigationJobUpdateSpecSchema}. */
export type MitigationJobUpdateSpec = z.output<typeof MitigationJobUpdateSpecSchema>;

/**
 * A view of a spec in which any part may be unknown (`undefined`): a full spec (nothing
 * unknown), or what an update input alone says before the current job is read. The rules
 * (`./rules.ts`) skip every check whose fields are unknown.
 */
export type SpecView<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { readonly [K in keyof T]?: SpecView<T[K]> | undefined }
    : T;

/** A {@link SpecView} of a patch job spec. */
export type PatchJobView = SpecView<PatchJobSpec>;
/** A {@link SpecView} of a mitigation job spec. */
export type MitigationJobView = SpecView<MitigationJobSpec>;
