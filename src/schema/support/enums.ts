/**
 * The graph's enums: their values are the wire vocabulary's tokens (`src/qualys/vocabulary.ts`,
 * where every mapping from and to Qualys spellings lives), their descriptions are here. Where
 * upstream values are open-ended (statuses, severities) the enum has an `OTHER` value and the type
 * exposes the raw string next to it (`statusLabel`), so an unknown value never fails a query.
 */
import { builder } from '../../builder.js';
import type {
  AssetJobResultStatus as AssetJobResultStatusToken,
  JobStatus as JobStatusToken,
  JobType as JobTypeToken,
  Platform as PlatformToken,
  ScheduleType as ScheduleTypeToken,
  TagMatch as TagMatchToken,
  TimeUnit as TimeUnitToken,
  TimezoneType as TimezoneTypeToken,
  VendorSeverity as VendorSeverityToken,
  VulnerabilityType as VulnerabilityTypeToken,
  Weekday as WeekdayToken,
} from '../../qualys/vocabulary.js';

type Described<K extends string> = { readonly [P in K]: { readonly description: string } };

/** Turns `{VALUE: 'description'}` (one entry per vocabulary token) into Pothos enum value configs. */
function describe<K extends string>(values: { readonly [P in K]: string }): Described<K> {
  const out: Partial<Record<K, { description: string }>> = {};
  for (const key of Object.keys(values) as K[]) out[key] = { description: values[key] };
  return out as Described<K>;
}

// Platform ---------------------------------------------------------------------------------

const PLATFORM_VALUES = describe<PlatformToken>({
  WINDOWS: 'Windows (Qualys `Windows`).',
  LINUX: 'Linux (Qualys `Linux`).',
  MAC: 'macOS (Qualys `Mac`); the PM API documents it only for a few endpoints.',
});
/** A value of the `Platform` enum. */
export type PlatformValue = keyof typeof PLATFORM_VALUES;

/** `Platform`: the operating-system family of jobs, patches and assets. */
export const Platform = builder.enumType('Platform', {
  description:
    'The operating-system family a job, patch or asset belongs to (Qualys `platform`). Almost every Qualys ' +
    'list call is per platform.',
  values: PLATFORM_VALUES,
});

// Job type ---------------------------------------------------------------------------------

const JOB_TYPE_VALUES = describe<JobTypeToken>({
  INSTALL: 'Installs patches (Qualys `Install`).',
  ROLLBACK: 'Uninstalls patches (Qualys `Rollback`; called `Uninstall` before PM API v1.7).',
});
/** A value of the `JobType` enum. */
export type JobTypeValue = keyof typeof JOB_TYPE_VALUES;

/** `JobType`. */
export const JobType = builder.enumType('JobType', {
  description: 'What a deployment job does with its patches (Qualys job `type`).',
  values: JOB_TYPE_VALUES,
});

// Job status -------------------------------------------------------------------------------

const JOB_STATUS_VALUES = describe<JobStatusToken>({
  ENABLED: 'Enabled: the job runs on its schedule or on demand (Qualys `Enabled`).',
  DISABLED: 'Disabled: the job does not run (Qualys `Disabled`).',
  PREPARED: 'Prepared for deployment (Qualys `Prepared`).',
  ASSETS_RESPONDED: 'The targeted assets have reported results (Qualys `Assets Responded`, PM API v2.2.0+).',
  COMPLETED: 'Completed (Qualys `Completed`; PM jobs report `Assets Responded` since v2.2.0).',
  COMPLETED_WITH_FAILURE: 'Completed with failures (Qualys `Completed with Failure`, mitigation jobs).',
  OTHER: 'A status this gateway does not know yet; `statusLabel` has the Qualys value.',
});
/** A value of the `JobStatus` enum. */
export type JobStatusValue = keyof typeof JOB_STATUS_VALUES;

/** `JobStatus`. */
export const JobStatus = builder.enumType('JobStatus', {
  description:
    'The lifecycle status of a job (Qualys `status`). Qualys adds values over time, so unknown ones map to ' +
    '`OTHER`; the raw value is always in `statusLabel`.',
  values: JOB_STATUS_VALUES,
});

// Schedule type ----------------------------------------------------------------------------

const SCHEDULE_TYPE_VALUES = describe<ScheduleTypeToken>({
  ON_DEMAND: 'Runs when started by a user (Qualys `On-demand`).',
  ONCE: 'Runs once at `startDateTime` (Qualys `Once`, "Run Once").',
  DAILY: 'Runs every day (Qualys `Daily`).',
  WEEKLY: 'Runs on the `weekDays` of each week (Qualys `Weekly`).',
  MONTHLY:
    'Runs once a month (Qualys `Monthly`): on `dayOfMonth`, on the n-th weekday or relative to Patch Tuesday.',
});
/** A value of the `ScheduleType` enum. */
export type ScheduleTypeValue = keyof typeof SCHEDULE_TYPE_VALUES;

/** `ScheduleType`. */
export const ScheduleType = builder.enumType('ScheduleType', {
  description: 'How a job is scheduled (Qualys `scheduleType`).',
  values: SCHEDULE_TYPE_VALUES,
});

// Time zone type ---------------------------------------------------------------------------

const TIMEZONE_TYPE_VALUES = describe<TimezoneTypeToken>({
  SPECIFIC_TZ: 'The schedule is meant in the time zone named by `timezone` (Qualys `SPECIFIC_TZ`).',
  AGENT_TZ: "The schedule is meant in each agent's own local time zone (Qualys `AGENT_TZ`).",
});
/** A value of the `TimezoneType` enum. */
export type TimezoneTypeValue = keyof typeof TIMEZONE_TYPE_VALUES;

/** `TimezoneType`. */
export const TimezoneType = builder.enumType('TimezoneType', {
  description: 'Which clock a schedule is meant in (Qualys `timezoneType`).',
  values: TIMEZONE_TYPE_VALUES,
});

// Tag match --------------------------------------------------------------------------------

const TAG_MATCH_VALUES = describe<TagMatchToken>({
  ANY: 'An asset matches when it has any of the tags (Qualys `Any`, the default).',
  ALL: 'An asset matches only when it has all of the tags (Qualys `All`).',
});
/** A value of the `TagMatch` enum. */
export type TagMatchValue = keyof typeof TAG_MATCH_VALUES;

/** `TagMatch`. */
export const TagMatch = builder.enumType('TagMatch', {
  description: 'How a list of asset tags combines (Qualys `filterType` / `exclusionFilterType`).',
  values: TAG_MATCH_VALUES,
});

// Vendor severity --------------------------------------------------------------------------

const VENDOR_SEVERITY_VALUES = describe<VendorSeverityToken>({
  CRITICAL: 'Vendor rates it Critical.',
  IMPORTANT: 'Vendor rates it Important.',
  MODERATE: 'Vendor rates it Moderate.',
  LOW: 'Vendor rates it Low.',
  NONE: 'Vendor gives no rating (Qualys `None`).',
  OTHER: 'A rating this gateway does not know; `vendorSeverityLabel` has the Qualys value.',
});
/** A value of the `VendorSeverity` enum. */
export type VendorSeverityValue = keyof typeof VENDOR_SEVERITY_VALUES;

/** `VendorSeverity`. */
export const VendorSeverity = builder.enumType('VendorSeverity', {
  description: "The patch vendor's severity rating (Qualys `vendorSeverity`).",
  values: VENDOR_SEVERITY_VALUES,
});

// Asset job result status ------------------------------------------------------------------

const ASSET_JOB_RESULT_STATUS_VALUES = describe<AssetJobResultStatusToken>({
  JOB_RECEIVED: 'The agent received the job (Qualys `Job Received`).',
  JOB_STARTED: 'The agent started the job (Qualys `Job Started`).',
  JOB_RESUMED: 'The agent resumed the job (Qualys `Job Resumed`).',
  DOWNLOADED: 'Patches downloaded (Qualys `Downloaded`, Windows).',
  DOWNLOADING_FAILED: 'Downloading patches failed (Qualys `Downloading - Failed`, Windows).',
  EXECUTION_BLOCKED: 'Another job is running; this one runs later or times out (Qualys `Execution Blocked`).',
  REATTEMPTING: 'Failed patches are being reattempted (Qualys `Reattempting`, release 3.5).',
  PENDING_REBOOT: 'Waiting for a reboot to finish (Qualys `Pending Reboot`).',
  COMPLETED: 'The job finished on the asset (Qualys `Completed`).',
  JOB_FAILED: 'The job failed on the asset (Qualys `Job Failed`).',
  CANCELED_BLACKOUT: 'Canceled by a blackout window (Qualys `Canceled - Blackout`).',
  NO_PATCH_AVAILABLE: 'No patches and no actions to run (Qualys `No Patch Available`).',
  NOT_APPLICABLE: 'None of the patches apply to the asset (Qualys `Not Applicable`).',
  NOT_LICENSED: 'The asset has no PM licence (Qualys `Not Licensed`).',
  OTHER: 'A status this gateway does not know; `statusLabel` has the Qualys value.',
});
/** A value of the `AssetJobResultStatus` enum. */
export type AssetJobResultStatusValue = keyof typeof ASSET_JOB_RESULT_STATUS_VALUES;

/** `AssetJobResultStatus`. */
export const AssetJobResultStatus = builder.enumType('AssetJobResultStatus', {
  description:
    'The state of one job run on one asset (Qualys per-asset `status`, the "Job Result Statuses List"). ' +
    'The list is open-ended: unknown values map to `OTHER` and `statusLabel` keeps the raw value.',
  values: ASSET_JOB_RESULT_STATUS_VALUES,
});

// Time unit --------------------------------------------------------------------------------

const TIME_UNIT_VALUES = describe<TimeUnitToken>({
  MINUTES: 'Minutes (Qualys `MINUTES`).',
  HOURS: 'Hours (Qualys `HOURS`).',
});
/** A value of the `TimeUnit` enum. */
export type TimeUnitValue = keyof typeof TIME_UNIT_VALUES;

/** `TimeUnit`. */
export const TimeUnit = builder.enumType('TimeUnit', {
  description: 'The unit of a job duration setting (Qualys `timeoutUnit`, `intervalUnit`, ...).',
  values: TIME_UNIT_VALUES,
});

// Weekday ----------------------------------------------------------------------------------

const WEEKDAY_VALUES = describe<WeekdayToken>({
  SUNDAY: 'Sunday (position 0 of Qualys `recurringWeekDays`; `0` in `recurringWeekDayOfMonth`).',
  MONDAY: 'Monday (position 1; `1`).',
  TUESDAY: 'Tuesday (position 2; `2`).',
  WEDNESDAY: 'Wednesday (position 3; `3`).',
  THURSDAY: 'Thursday (position 4; `4`).',
  FRIDAY: 'Friday (position 5; `5`).',
  SATURDAY: 'Saturday (position 6; `6`).',
});
/** A value of the `Weekday` enum. */
export type WeekdayValue = keyof typeof WEEKDAY_VALUES;

/** `Weekday`. */
export const Weekday = builder.enumType('Weekday', {
  description: 'A day of the week. Qualys numbers them from 0 = Sunday.',
  values: WEEKDAY_VALUES,
});

// Vulnerability type -----------------------------------------------------------------------

const VULNERABILITY_TYPE_VALUES = describe<VulnerabilityTypeToken>({
  VULNERABILITY: 'A confirmed vulnerability (Qualys `VULNERABILITY`).',
  POTENTIAL: 'A potential vulnerability (Qualys `POTENTIAL`).',
  OTHER: 'A type this gateway does not know; `vulnTypeLabel` has the Qualys value.',
});
/** A value of the `VulnerabilityType` enum. */
export type VulnerabilityTypeValue = keyof typeof VULNERABILITY_TYPE_VALUES;

/** `VulnerabilityType`. */
export const VulnerabilityType = builder.enumType('VulnerabilityType', {
  description: 'The kind of a QID (Qualys `vulnType`).',
  values: VULNERABILITY_TYPE_VALUES,
});
