/**
 * The graph's enums and their mapping from Qualys wire strings. Qualys sends enumerations as
 * free-form strings (`"On-demand"`, `"Assets Responded"`, `"Canceled - Blackout"`); each mapper
 * normalises case and punctuation and never throws. Where upstream values are open-ended
 * (statuses, severities) the enum has an `OTHER` value and the type exposes the raw string next
 * to it (`statusLabel`), so an unknown value never fails a query.
 */
import { builder } from '../builder.js';
import type { QualysPlatform } from '../qualys/api.js';

type Described<K extends string> = { readonly [P in K]: { readonly description: string } };

/** Turns `{VALUE: 'description'}` into Pothos enum value configs. */
function describe<K extends string>(values: { readonly [P in K]: string }): Described<K> {
  const out: Partial<Record<K, { description: string }>> = {};
  for (const key of Object.keys(values) as K[]) out[key] = { description: values[key] };
  return out as Described<K>;
}

/** `"Canceled - Blackout"` -> `CANCELED_BLACKOUT`. */
export function enumToken(wire: string): string {
  return wire
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Maps a wire string to a known value (directly or through `aliases`), else `null`. */
function mapKnown<K extends string>(
  wire: string | null | undefined,
  known: Described<K>,
  aliases: Readonly<Record<string, K>> = {},
): K | null {
  if (wire === null || wire === undefined || wire.trim() === '') return null;
  const token = enumToken(wire);
  if (Object.hasOwn(known, token)) return token as K;
  return aliases[token] ?? null;
}

/** Like {@link mapKnown} but an unknown non-empty value becomes `OTHER`. */
function mapOpen<K extends string>(
  wire: string | null | undefined,
  known: Described<K | 'OTHER'>,
  aliases: Readonly<Record<string, K>> = {},
): K | 'OTHER' | null {
  if (wire === null || wire === undefined || wire.trim() === '') return null;
  return mapKnown(wire, known, aliases) ?? 'OTHER';
}

// Platform ---------------------------------------------------------------------------------

const PLATFORM_VALUES = describe({
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

const PLATFORM_WIRE: Readonly<Record<PlatformValue, QualysPlatform>> = {
  WINDOWS: 'Windows',
  LINUX: 'Linux',
  MAC: 'Mac',
};

/** `Windows` -> `WINDOWS`; `null` for an unknown or missing value. */
export function platformFromWire(wire: string | null | undefined): PlatformValue | null {
  return mapKnown(wire, PLATFORM_VALUES, { MACOS: 'MAC', OSX: 'MAC' });
}

/** `WINDOWS` -> `Windows` (the case-sensitive wire spelling). */
export function platformToWire(value: PlatformValue): QualysPlatform {
  return PLATFORM_WIRE[value];
}

/** A wire platform string to a `QualysPlatform`, or `null` when it is not one. */
export function qualysPlatform(wire: string | null | undefined): QualysPlatform | null {
  const value = platformFromWire(wire);
  return value === null ? null : PLATFORM_WIRE[value];
}

// Job type ---------------------------------------------------------------------------------

const JOB_TYPE_VALUES = describe({
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

/** `Install` -> `INSTALL`, `Rollback`/`Uninstall` -> `ROLLBACK`; `null` otherwise. */
export function jobTypeFromWire(wire: string | null | undefined): JobTypeValue | null {
  return mapKnown(wire, JOB_TYPE_VALUES, { UNINSTALL: 'ROLLBACK' });
}

// Job status -------------------------------------------------------------------------------

const JOB_STATUS_VALUES = describe({
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

/** `Assets Responded` -> `ASSETS_RESPONDED`; unknown -> `OTHER`; missing -> `null`. */
export function jobStatusFromWire(wire: string | null | undefined): JobStatusValue | null {
  return mapOpen(wire, JOB_STATUS_VALUES);
}

// Schedule type ----------------------------------------------------------------------------

const SCHEDULE_TYPE_VALUES = describe({
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

/** `On-demand` -> `ON_DEMAND`, `Run Once` -> `ONCE`, ...; `null` otherwise. */
export function scheduleTypeFromWire(wire: string | null | undefined): ScheduleTypeValue | null {
  return mapKnown(wire, SCHEDULE_TYPE_VALUES, { ONDEMAND: 'ON_DEMAND', RUN_ONCE: 'ONCE', RUNONCE: 'ONCE' });
}

// Time zone type ---------------------------------------------------------------------------

const TIMEZONE_TYPE_VALUES = describe({
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

/** `SPECIFIC_TZ`/`AGENT_TZ`; `null` otherwise. */
export function timezoneTypeFromWire(wire: string | null | undefined): TimezoneTypeValue | null {
  return mapKnown(wire, TIMEZONE_TYPE_VALUES);
}

// Tag match --------------------------------------------------------------------------------

const TAG_MATCH_VALUES = describe({
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

/** `Any` -> `ANY`, `All` -> `ALL`; `null` otherwise. */
export function tagMatchFromWire(wire: string | null | undefined): TagMatchValue | null {
  return mapKnown(wire, TAG_MATCH_VALUES);
}

// Vendor severity --------------------------------------------------------------------------

const VENDOR_SEVERITY_VALUES = describe({
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

/** `Critical` -> `CRITICAL`; unknown -> `OTHER`; missing -> `null`. */
export function vendorSeverityFromWire(wire: string | null | undefined): VendorSeverityValue | null {
  return mapOpen(wire, VENDOR_SEVERITY_VALUES);
}

// Asset job result status ------------------------------------------------------------------

const ASSET_JOB_RESULT_STATUS_VALUES = describe({
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

/** `Canceled - Blackout` -> `CANCELED_BLACKOUT`; unknown -> `OTHER`; missing -> `null`. */
export function assetJobResultStatusFromWire(
  wire: string | null | undefined,
): AssetJobResultStatusValue | null {
  return mapOpen(wire, ASSET_JOB_RESULT_STATUS_VALUES, { CANCELLED_BLACKOUT: 'CANCELED_BLACKOUT' });
}

// Time unit --------------------------------------------------------------------------------

const TIME_UNIT_VALUES = describe({
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

/** `HOURS`/`MINUTES` (also singular); `null` otherwise. */
export function timeUnitFromWire(wire: string | null | undefined): TimeUnitValue | null {
  return mapKnown(wire, TIME_UNIT_VALUES, { MINUTE: 'MINUTES', HOUR: 'HOURS' });
}

// Weekday ----------------------------------------------------------------------------------

const WEEKDAY_VALUES = describe({
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

const WEEKDAYS_IN_ORDER: readonly WeekdayValue[] = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
];

/** `0` -> `SUNDAY` ... `6` -> `SATURDAY`; `null` otherwise. */
export function weekdayFromNumber(n: number | null | undefined): WeekdayValue | null {
  return n === null || n === undefined ? null : (WEEKDAYS_IN_ORDER[n] ?? null);
}

/** The Qualys 7-position bitmap `"0,1,0,0,0,0,1"` (Sunday first) -> `[MONDAY, SATURDAY]`. */
export function weekdaysFromBitmap(bitmap: string | null | undefined): WeekdayValue[] {
  if (!bitmap) return [];
  const days: WeekdayValue[] = [];
  bitmap.split(',').forEach((bit, i) => {
    const day = WEEKDAYS_IN_ORDER[i];
    if (bit.trim() === '1' && day !== undefined) days.push(day);
  });
  return days;
}

// Vulnerability type -----------------------------------------------------------------------

const VULNERABILITY_TYPE_VALUES = describe({
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

/** `VULNERABILITY`/`POTENTIAL`; unknown -> `OTHER`; missing -> `null`. */
export function vulnerabilityTypeFromWire(wire: string | null | undefined): VulnerabilityTypeValue | null {
  return mapOpen(wire, VULNERABILITY_TYPE_VALUES);
}
