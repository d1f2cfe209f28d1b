/**
 * The vocabulary of the job rules (`./rule-table.ts`): codes, the rule shape, the numeric limits,
 * and the helpers the checks share. Every documented rule of Qualys PM/MTG job bodies is a named
 * check with a stable UPPER_SNAKE code and the source it comes from. The gateway runs them before any upstream call, so a job
 * Qualys would refuse (or, worse, accept and misread) never leaves the gateway; Qualys' own
 * validation (e.g. `_error.errorCode` "2435", co-author limit) stays a second line of defence.
 *
 * Each rule reads a {@link SpecView}: a full spec, or the part of a spec an update input alone
 * states. A rule whose fields are unknown (`undefined`) is skipped, so an update's input can be
 * checked before the current job is read, and the merged job after.
 */
import { z } from 'zod';
import type { MitigationJobView, PatchJobView, SpecView } from './spec.js';

/** Stable codes of a job rule violation (the `UserErrorCode` values of the graph). */
export const JOB_RULE_CODES = [
  'REQUIRED',
  'INVALID_VALUE',
  'OUT_OF_RANGE',
  'TOO_MANY',
  'INVALID_EMAIL',
  'INVALID_TIMEZONE',
  'INVALID_DATE_TIME',
  'TARGETS_MISSING',
  'PATCH_SOURCE_CONFLICT',
  'PATCH_SOURCE_MISSING',
  'QQL_NOT_ALLOWED_FOR_ROLLBACK',
  'PLATFORM_UNSUPPORTED',
  'START_TIME_REQUIRED',
  'SCHEDULE_FIELD_MISMATCH',
  'MONTHLY_DAY_CONFLICT',
  'MONTHLY_DAY_MISSING',
  'MTG_SCHEDULE_UNSUPPORTED',
] as const;
/** A job rule violation code. */
export type JobRuleCode = (typeof JOB_RULE_CODES)[number];

/**
 * One broken rule: where (`path` into the spec, which is the path into the mutation's `input`;
 * list positions as decimal strings), which code, a message for people, and the rule's name.
 */
export interface JobSpecIssue {
  readonly path: readonly string[];
  readonly code: JobRuleCode;
  readonly message: string;
  /** The rule's name in {@link JOB_RULES} (`CO_AUTHOR_LIMIT`); `SHAPE` for a malformed spec. */
  readonly rule: string;
}

import type { JobKind } from '../qualys/vocabulary.js';

export type { JobKind };

/** Reports one violation of the running rule at `path`. */
export type ReportIssue = (path: readonly string[], message: string) => void;

/** A documented rule: its name, code, meaning, source, and the check for each job kind it applies to. */
export interface JobRule {
  /** Stable name, UPPER_SNAKE (`REATTEMPT_WINDOWS_ONLY`). */
  readonly name: string;
  /** The code its violations carry. */
  readonly code: JobRuleCode;
  /** The rule in one sentence, for people (the README table). */
  readonly rule: string;
  /** Where the rule is documented: a seed or a docs/qualys-api.md / docs/architecture.md section. */
  readonly source: string;
  /** The check on patch job specs, when the rule applies to them. */
  readonly patch?: ((view: PatchJobView, report: ReportIssue) => void) | undefined;
  /** The check on mitigation job specs, when the rule applies to them. */
  readonly mitigation?: ((view: MitigationJobView, report: ReportIssue) => void) | undefined;
}

/** Numeric limits of the rules, in the units named. */
export const JOB_LIMITS = {
  /** Co-authors per job (seed 003, release 3.12; Qualys answers errorCode "2435" above it). */
  maxCoAuthors: 200,
  /** Reattempts of failed patches, inclusive (seed 001, release 3.5). */
  reattemptAttempts: { min: 1, max: 5 },
  /** Exponential backoff interval between reattempts, inclusive (seed 001, release 3.5). */
  reattemptBackoffInterval: { min: 1, max: 15 },
  /** Job timeout: 1-168 hours or 1-10,080 minutes (docs/qualys-api.md §7.1, qualysdk). */
  timeout: { HOURS: { min: 1, max: 168 }, MINUTES: { min: 1, max: 10_080 } },
  /** Download randomisation: up to 8 hours (seed 003, release 3.12); 0 = off. */
  downloadRandomization: { HOURS: { min: 0, max: 8 }, MINUTES: { min: 0, max: 480 } },
  /** Deferments a user may take (gateway bound; Qualys documents none). */
  defermentCount: { min: 0, max: 99 },
  /** Length of one deferment (gateway bound: at most a week). */
  defermentInterval: { HOURS: { min: 0, max: 168 }, MINUTES: { min: 0, max: 10_080 } },
  /** Reboot countdown (gateway bound: at most a day). */
  rebootCountdown: { HOURS: { min: 1, max: 24 }, MINUTES: { min: 1, max: 1_440 } },
  /** Monthly `dayOfMonth` (docs/qualys-api.md §7.1). */
  dayOfMonth: { min: 1, max: 31 },
  /** The n of "n-th weekday of the month" (`recurringDayOfMonth`, docs/qualys-api.md §7.1). */
  weekOfMonth: { min: 1, max: 5 },
  /** Days before (negative) or after Patch Tuesday; 0 is not a documented value (docs/qualys-api.md §7.1). */
  patchTuesdayOffsetDays: { min: -27, max: 27 },
  /** Notification completion percentage (docs/qualys-api.md §7.1). */
  completedPercentage: { min: 1, max: 100 },
} as const;

// Helpers -----------------------------------------------------------------------------------

export type Range = { readonly min: number; readonly max: number };

export function outside(value: number, range: Range): boolean {
  return value < range.min || value > range.max;
}

export function rangeText(range: Range, unit = ''): string {
  return `${range.min}-${range.max}${unit ? ` ${unit}` : ''}`;
}

/** True when a boolean setting is known to be switched on. */
export function on(value: boolean | undefined): boolean {
  return value === true;
}

/** The platform's display name for messages. */
export function platformName(platform: string): string {
  return platform === 'WINDOWS' ? 'Windows' : platform === 'LINUX' ? 'Linux' : 'macOS';
}

export const emailSchema = z.email();

/** The parts of a schedule the shared schedule rules read. */
export type ScheduleView = SpecView<{
  type: string;
  startDateTime: string | null;
  timezone: string | null;
  timezoneType: string | null;
}>;

/** The parts of a job both kinds share, read by the shared rules. */
export interface CommonJobView {
  readonly name?: string | undefined;
  readonly platform?: string | null | undefined;
  readonly coAuthorIds?: readonly string[] | undefined;
  readonly targets?:
    | { readonly assetIds?: readonly string[] | undefined; readonly tagIds?: readonly string[] | undefined }
    | undefined;
  readonly schedule?: ScheduleView | undefined;
  readonly notification?:
    | SpecView<{
        emailEnabled: boolean;
        recipientEmails: string[];
        completedPercentage: number | null;
      }>
    | null
    | undefined;
}

/** A rule applying to both job kinds with the same check. */
export function common(
  rule: Omit<JobRule, 'patch' | 'mitigation'>,
  check: (view: CommonJobView, report: ReportIssue) => void,
): JobRule {
  return { ...rule, patch: check, mitigation: check };
}

/** A "Windows only" / "Linux only" boolean-or-object setting of patch jobs. */
export function platformOnly(
  name: string,
  field: keyof PatchJobView & string,
  platform: 'WINDOWS' | 'LINUX',
  what: string,
  source: string,
  isSet: (view: PatchJobView) => boolean,
): JobRule {
  return {
    name,
    code: 'PLATFORM_UNSUPPORTED',
    rule: `${what} is ${platformName(platform)} only.`,
    source,
    patch: (v, report) => {
      if (v.platform === undefined || v.platform === null || v.platform === platform) return;
      if (v.platform === 'MAC') return; // PLATFORM_SUPPORTED already reports the platform.
      if (isSet(v)) report([field], `${what} is only available for ${platformName(platform)} jobs.`);
    },
  };
}

/** Checks a `{value, unit}` duration against per-unit ranges. */
export function checkDuration(
  duration: SpecView<{ value: number; unit: 'HOURS' | 'MINUTES' }> | null | undefined,
  ranges: { readonly HOURS: Range; readonly MINUTES: Range },
  path: readonly string[],
  what: string,
  report: ReportIssue,
): void {
  if (!duration || duration.value === undefined || duration.unit === undefined) return;
  const range = ranges[duration.unit];
  if (outside(duration.value, range)) {
    report([...path, 'value'], `${what} must be ${rangeText(range, duration.unit.toLowerCase())}.`);
  }
}

/** Checks a deferment's count and interval. */
export function checkDeferment(
  deferment:
    | SpecView<{ count: number; interval: number; intervalUnit: 'HOURS' | 'MINUTES' }>
    | null
    | undefined,
  path: readonly string[],
  report: ReportIssue,
): void {
  if (!deferment) return;
  if (deferment.count !== undefined && outside(deferment.count, JOB_LIMITS.defermentCount)) {
    report([...path, 'count'], `The number of deferments must be ${rangeText(JOB_LIMITS.defermentCount)}.`);
  }
  if (deferment.interval !== undefined && deferment.intervalUnit !== undefined) {
    const range = JOB_LIMITS.defermentInterval[deferment.intervalUnit];
    if (outside(deferment.interval, range)) {
      report(
        [...path, 'interval'],
        `A deferment interval must be ${rangeText(range, deferment.intervalUnit.toLowerCase())}.`,
      );
    }
  }
}

/** The monthly rules a patch schedule names. */
export function monthlyRulesGiven(s: NonNullable<PatchJobView['schedule']>): string[] {
  const given: string[] = [];
  if (s.dayOfMonth !== undefined && s.dayOfMonth !== null) given.push('dayOfMonth');
  if (s.lastDayOfMonth === true) given.push('lastDayOfMonth');
  if ((s.weekOfMonth ?? null) !== null || (s.weekDayOfMonth ?? null) !== null) given.push('weekOfMonth');
  if (s.patchTuesdayOffsetDays !== undefined && s.patchTuesdayOffsetDays !== null)
    given.push('patchTuesdayOffsetDays');
  return given;
}

/** True when every monthly field of the schedule is known. */
export function monthlyFieldsKnown(s: NonNullable<PatchJobView['schedule']>): boolean {
  return (
    s.dayOfMonth !== undefined &&
    s.lastDayOfMonth !== undefined &&
    s.weekOfMonth !== undefined &&
    s.weekDayOfMonth !== undefined &&
    s.patchTuesdayOffsetDays !== undefined
  );
}

export const MONTHLY_FIELDS: readonly (keyof NonNullable<PatchJobView['schedule']> & string)[] = [
  'dayOfMonth',
  'lastDayOfMonth',
  'weekOfMonth',
  'weekDayOfMonth',
  'patchTuesdayOffsetDays',
];

/** True when a schedule field holds a value (not unknown, not null, not false, not empty). */
export function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  return !(Array.isArray(value) && value.length === 0);
}
