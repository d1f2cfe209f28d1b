/**
 * The wire vocabulary, once: every enumeration Qualys spells on the wire, the gateway's token for
 * each value (the UPPER_SNAKE names the graph's enums and the job specs use), and the mapping
 * both ways. Qualys sends enumerations as free-form strings (`"On-demand"`, `"Assets Responded"`,
 * `"Canceled - Blackout"`); every `…FromWire` normalises case and punctuation, accepts the known
 * aliases, and never throws: an unknown value is `null`, or `OTHER` for the open-ended lists
 * (statuses, severities). Callers decide what an unknown value means for them.
 *
 * Nothing here knows GraphQL: the graph's enum descriptions live in `src/schema/`, keyed by these
 * tokens. Source: docs/qualys-api.md §1 (platforms), §7.1 (job fields), §9 (enumerations).
 */

/** `"Canceled - Blackout"` -> `CANCELED_BLACKOUT`: upper case, runs of other characters as `_`. */
export function enumToken(wire: string): string {
  return wire
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Maps a wire string to one of `tokens` (directly or through `aliases`), else `null`. */
function mapKnown<T extends string>(
  wire: string | null | undefined,
  tokens: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): T | null {
  if (wire === null || wire === undefined || wire.trim() === '') return null;
  const token = enumToken(wire);
  if ((tokens as readonly string[]).includes(token)) return token as T;
  return Object.hasOwn(aliases, token) ? (aliases[token] as T) : null;
}

/** Like {@link mapKnown} for an open-ended list: an unknown non-empty value becomes `OTHER`. */
function mapOpen<T extends string>(
  wire: string | null | undefined,
  tokens: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): T | 'OTHER' | null {
  if (wire === null || wire === undefined || wire.trim() === '') return null;
  return mapKnown(wire, tokens, aliases) ?? 'OTHER';
}

// Platforms ---------------------------------------------------------------------------------

/** Qualys platform values (case-sensitive on the wire). */
export type QualysPlatform = 'Windows' | 'Linux' | 'Mac';

/** The platform tokens. MAC exists in the read graph; PM and MTG jobs are Windows or Linux. */
export const PLATFORMS = ['WINDOWS', 'LINUX', 'MAC'] as const;
/** A platform token. */
export type Platform = (typeof PLATFORMS)[number];

/** Wire spelling of each platform. */
export const PLATFORM_WIRE: Readonly<Record<Platform, QualysPlatform>> = {
  WINDOWS: 'Windows',
  LINUX: 'Linux',
  MAC: 'Mac',
};

/** `Windows` -> `WINDOWS` (also `macOS`, `OSX` -> `MAC`); `null` for an unknown or missing value. */
export function platformFromWire(wire: string | null | undefined): Platform | null {
  return mapKnown(wire, PLATFORMS, { MACOS: 'MAC', OSX: 'MAC' });
}

/** `WINDOWS` -> `Windows` (the case-sensitive wire spelling). */
export function platformToWire(platform: Platform): QualysPlatform {
  return PLATFORM_WIRE[platform];
}

/** A wire platform string as a {@link QualysPlatform}, or `null` when it is not one. */
export function qualysPlatform(wire: string | null | undefined): QualysPlatform | null {
  const value = platformFromWire(wire);
  return value === null ? null : PLATFORM_WIRE[value];
}

/**
 * The platforms an id is looked up on, in this order, when its platform is not known: almost
 * every Qualys list call is per platform, so such a lookup costs one call per platform.
 */
export const UNKNOWN_PLATFORM_ORDER: readonly QualysPlatform[] = ['Windows', 'Linux'];

// Job kinds, types and statuses ----------------------------------------------------------------

/** The two kinds of deployment job: PM patch jobs and MTG mitigation jobs. */
export type JobKind = 'PATCH' | 'MITIGATION';

/** Job types: Qualys `Install` / `Rollback` (`Uninstall` before PM API v1.7). */
export const JOB_TYPES = ['INSTALL', 'ROLLBACK'] as const;
/** A job type token. */
export type JobType = (typeof JOB_TYPES)[number];

/** `Install` -> `INSTALL`, `Rollback`/`Uninstall` -> `ROLLBACK`; `null` otherwise. */
export function jobTypeFromWire(wire: string | null | undefined): JobType | null {
  return mapKnown(wire, JOB_TYPES, { UNINSTALL: 'ROLLBACK' });
}

/** The configuration statuses a job can be set to: Qualys `Enabled` / `Disabled`. */
export const CONFIG_STATUSES = ['ENABLED', 'DISABLED'] as const;
/** A configuration status token. */
export type ConfigStatus = (typeof CONFIG_STATUSES)[number];

/** Wire spelling of each configuration status (also the path segment of the bulk status call). */
export const CONFIG_STATUS_WIRE: Readonly<Record<ConfigStatus, 'Enabled' | 'Disabled'>> = {
  ENABLED: 'Enabled',
  DISABLED: 'Disabled',
};

/**
 * A job's `status` as a configuration status: `Disabled` (or none) -> DISABLED; `Enabled` and the
 * lifecycle statuses of enabled jobs (`Prepared`, `Assets Responded`, `Completed`, ...) -> ENABLED.
 */
export function configStatusFromWire(wire: string | null | undefined): ConfigStatus {
  const token = wire?.trim().toUpperCase() ?? '';
  return token === 'DISABLED' || token === '' ? 'DISABLED' : 'ENABLED';
}

/** The lifecycle statuses of a job (docs/qualys-api.md §9.2); open-ended. */
export const JOB_STATUSES = [
  'ENABLED',
  'DISABLED',
  'PREPARED',
  'ASSETS_RESPONDED',
  'COMPLETED',
  'COMPLETED_WITH_FAILURE',
] as const;
/** A job lifecycle status token, or `OTHER` for one not in {@link JOB_STATUSES}. */
export type JobStatus = (typeof JOB_STATUSES)[number] | 'OTHER';

/** `Assets Responded` -> `ASSETS_RESPONDED`; unknown -> `OTHER`; missing -> `null`. */
export function jobStatusFromWire(wire: string | null | undefined): JobStatus | null {
  return mapOpen(wire, JOB_STATUSES);
}

// Schedules ---------------------------------------------------------------------------------

/** Schedule types (Qualys `scheduleType`). */
export const SCHEDULE_TYPES = ['ON_DEMAND', 'ONCE', 'DAILY', 'WEEKLY', 'MONTHLY'] as const;
/** A schedule type token. */
export type ScheduleType = (typeof SCHEDULE_TYPES)[number];

/** Wire spelling of each schedule type, as the create and update bodies send it. */
export const SCHEDULE_TYPE_WIRE: Readonly<Record<ScheduleType, string>> = {
  ON_DEMAND: 'On-demand',
  ONCE: 'Once',
  DAILY: 'Daily',
  WEEKLY: 'Weekly',
  MONTHLY: 'Monthly',
};

/** `On-demand` -> `ON_DEMAND`, `Once`/`Run Once` -> `ONCE`, ...; `null` when unknown or missing. */
export function scheduleTypeFromWire(wire: string | null | undefined): ScheduleType | null {
  return mapKnown(wire, SCHEDULE_TYPES, { ONDEMAND: 'ON_DEMAND', RUN_ONCE: 'ONCE', RUNONCE: 'ONCE' });
}

/** Which clock a schedule is meant in (Qualys `timezoneType`). */
export const TIMEZONE_TYPES = ['SPECIFIC_TZ', 'AGENT_TZ'] as const;
/** A time-zone type token. */
export type TimezoneType = (typeof TIMEZONE_TYPES)[number];

/** `SPECIFIC_TZ`/`AGENT_TZ`; `null` otherwise. */
export function timezoneTypeFromWire(wire: string | null | undefined): TimezoneType | null {
  return mapKnown(wire, TIMEZONE_TYPES);
}

/** Units of job durations (Qualys `timeoutUnit`, `intervalUnit`, ...). */
export const TIME_UNITS = ['MINUTES', 'HOURS'] as const;
/** A time unit token. */
export type TimeUnit = (typeof TIME_UNITS)[number];

/** `HOURS`/`MINUTES` (also singular); `null` otherwise. */
export function timeUnitFromWire(wire: string | null | undefined): TimeUnit | null {
  return mapKnown(wire, TIME_UNITS, { MINUTE: 'MINUTES', HOUR: 'HOURS' });
}

/** Days of the week, Sunday first: Qualys numbers them 0-6 from Sunday. */
export const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;
/** A weekday token. */
export type Weekday = (typeof WEEKDAYS)[number];

/** `0` -> `SUNDAY` ... `6` -> `SATURDAY`; `null` otherwise. */
export function weekdayFromNumber(n: number | null | undefined): Weekday | null {
  return n === null || n === undefined ? null : (WEEKDAYS[n] ?? null);
}

/** The Qualys 7-position bitmap `"0,1,0,0,0,0,1"` (Sunday first) -> `[MONDAY, SATURDAY]`. */
export function weekdaysFromBitmap(bitmap: string | null | undefined): Weekday[] {
  if (!bitmap) return [];
  const days: Weekday[] = [];
  bitmap.split(',').forEach((bit, i) => {
    const day = WEEKDAYS[i];
    if (bit.trim() === '1' && day !== undefined) days.push(day);
  });
  return days;
}

/** `[MONDAY, SATURDAY]` -> the 7-position Sunday-first bitmap `"0,1,0,0,0,0,1"` of a weekly schedule. */
export function weekdaysToBitmap(days: readonly Weekday[]): string {
  return WEEKDAYS.map((day) => (days.includes(day) ? '1' : '0')).join(',');
}

// Targets -----------------------------------------------------------------------------------

/** How a list of asset tags combines (Qualys `filterType` / `exclusionFilterType`). */
export const TAG_MATCHES = ['ANY', 'ALL'] as const;
/** A tag-match token. */
export type TagMatch = (typeof TAG_MATCHES)[number];

/** Wire spelling of each tag match. */
export const TAG_MATCH_WIRE: Readonly<Record<TagMatch, 'Any' | 'All'>> = { ANY: 'Any', ALL: 'All' };

/** `Any` -> `ANY`, `All` -> `ALL`; `null` otherwise. */
export function tagMatchFromWire(wire: string | null | undefined): TagMatch | null {
  return mapKnown(wire, TAG_MATCHES);
}

// Catalog -----------------------------------------------------------------------------------

/** The patch vendor's severity ratings (Qualys `vendorSeverity`); open-ended. */
export const VENDOR_SEVERITIES = ['CRITICAL', 'IMPORTANT', 'MODERATE', 'LOW', 'NONE'] as const;
/** A vendor severity token, or `OTHER`. */
export type VendorSeverity = (typeof VENDOR_SEVERITIES)[number] | 'OTHER';

/** `Critical` -> `CRITICAL`; unknown -> `OTHER`; missing -> `null`. */
export function vendorSeverityFromWire(wire: string | null | undefined): VendorSeverity | null {
  return mapOpen(wire, VENDOR_SEVERITIES);
}

/** Kinds of QID (Qualys `vulnType`); open-ended. */
export const VULNERABILITY_TYPES = ['VULNERABILITY', 'POTENTIAL'] as const;
/** A vulnerability type token, or `OTHER`. */
export type VulnerabilityType = (typeof VULNERABILITY_TYPES)[number] | 'OTHER';

/** `VULNERABILITY`/`POTENTIAL`; unknown -> `OTHER`; missing -> `null`. */
export function vulnerabilityTypeFromWire(wire: string | null | undefined): VulnerabilityType | null {
  return mapOpen(wire, VULNERABILITY_TYPES);
}

// Job results -------------------------------------------------------------------------------

/** The state of one job run on one asset (the "Job Result Statuses List", docs/qualys-api.md §9.4). */
export const ASSET_JOB_RESULT_STATUSES = [
  'JOB_RECEIVED',
  'JOB_STARTED',
  'JOB_RESUMED',
  'DOWNLOADED',
  'DOWNLOADING_FAILED',
  'EXECUTION_BLOCKED',
  'REATTEMPTING',
  'PENDING_REBOOT',
  'COMPLETED',
  'JOB_FAILED',
  'CANCELED_BLACKOUT',
  'NO_PATCH_AVAILABLE',
  'NOT_APPLICABLE',
  'NOT_LICENSED',
] as const;
/** A per-asset result status token, or `OTHER`. */
export type AssetJobResultStatus = (typeof ASSET_JOB_RESULT_STATUSES)[number] | 'OTHER';

/** `Canceled - Blackout` -> `CANCELED_BLACKOUT`; unknown -> `OTHER`; missing -> `null`. */
export function assetJobResultStatusFromWire(wire: string | null | undefined): AssetJobResultStatus | null {
  return mapOpen(wire, ASSET_JOB_RESULT_STATUSES, { CANCELLED_BLACKOUT: 'CANCELED_BLACKOUT' });
}
