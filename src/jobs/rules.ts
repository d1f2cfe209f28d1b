/**
 * Every documented rule of Qualys PM/MTG job bodies, as a named check with a stable UPPER_SNAKE
 * code and the source it comes from. The gateway runs them before any upstream call, so a job
 * Qualys would refuse (or, worse, accept and misread) never leaves the gateway; Qualys' own
 * validation (e.g. `_error.errorCode` "2435", co-author limit) stays a second line of defence.
 *
 * Each rule reads a {@link SpecView}: a full spec, or the part of a spec an update input alone
 * states. A rule whose fields are unknown (`undefined`) is skipped, so an update's input can be
 * checked before the current job is read, and the merged job after.
 */
import { z } from 'zod';
import type { MitigationJobView, PatchJobView, SpecView } from './spec.js';
import { isValidLocalDateTime, isValidTimezone } from './wall-clock.js';

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

type Range = { readonly min: number; readonly max: number };

function outside(value: number, range: Range): boolean {
  return value < range.min || value > range.max;
}

function rangeText(range: Range, unit = ''): string {
  return `${range.min}-${range.max}${unit ? ` ${unit}` : ''}`;
}

/** True when a boolean setting is known to be switched on. */
function on(value: boolean | undefined): boolean {
  return value === true;
}

/** The platform's display name for messages. */
function platformName(platform: string): string {
  return platform === 'WINDOWS' ? 'Windows' : platform === 'LINUX' ? 'Linux' : 'macOS';
}

const emailSchema = z.email();

/** The parts of a schedule the shared schedule rules read. */
type ScheduleView = SpecView<{
  type: string;
  startDateTime: string | null;
  timezone: string | null;
  timezoneType: string | null;
}>;

/** The parts of a job both kinds share, read by the shared rules. */
interface CommonJobView {
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
function common(
  rule: Omit<JobRule, 'patch' | 'mitigation'>,
  check: (view: CommonJobView, report: ReportIssue) => void,
): JobRule {
  return { ...rule, patch: check, mitigation: check };
}

/** A "Windows only" / "Linux only" boolean-or-object setting of patch jobs. */
function platformOnly(
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
function checkDuration(
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
function checkDeferment(
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
function monthlyRulesGiven(s: NonNullable<PatchJobView['schedule']>): string[] {
  const given: string[] = [];
  if (s.dayOfMonth !== undefined && s.dayOfMonth !== null) given.push('dayOfMonth');
  if (s.lastDayOfMonth === true) given.push('lastDayOfMonth');
  if ((s.weekOfMonth ?? null) !== null || (s.weekDayOfMonth ?? null) !== null) given.push('weekOfMonth');
  if (s.patchTuesdayOffsetDays !== undefined && s.patchTuesdayOffsetDays !== null)
    given.push('patchTuesdayOffsetDays');
  return given;
}

/** True when every monthly field of the schedule is known. */
function monthlyFieldsKnown(s: NonNullable<PatchJobView['schedule']>): boolean {
  return (
    s.dayOfMonth !== undefined &&
    s.lastDayOfMonth !== undefined &&
    s.weekOfMonth !== undefined &&
    s.weekDayOfMonth !== undefined &&
    s.patchTuesdayOffsetDays !== undefined
  );
}

const MONTHLY_FIELDS: readonly (keyof NonNullable<PatchJobView['schedule']> & string)[] = [
  'dayOfMonth',
  'lastDayOfMonth',
  'weekOfMonth',
  'weekDayOfMonth',
  'patchTuesdayOffsetDays',
];

/** True when a schedule field holds a value (not unknown, not null, not false, not empty). */
function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  return !(Array.isArray(value) && value.length === 0);
}

// The rules ---------------------------------------------------------------------------------

/**
 * Every rule, in the order they are checked. The README's validation table is this list.
 * Several rules share a code (every range is `OUT_OF_RANGE`); the name tells them apart.
 */
export const JOB_RULES: readonly JobRule[] = [
  common(
    {
      name: 'NAME_REQUIRED',
      code: 'REQUIRED',
      rule: 'A job has a non-blank name.',
      source: 'docs/qualys-api.md §7.1 (`name`, mandatory in qualysdk), §12.1',
    },
    (v, report) => {
      if (v.name !== undefined && v.name.trim() === '') report(['name'], 'A job needs a name.');
    },
  ),
  common(
    {
      name: 'PLATFORM_SUPPORTED',
      code: 'PLATFORM_UNSUPPORTED',
      rule: 'Deployment and mitigation jobs are Windows or Linux jobs.',
      source: 'docs/qualys-api.md §7 (`platform`: `Windows`, `Linux`), §12.1',
    },
    (v, report) => {
      if (v.platform === 'MAC') report(['platform'], 'Jobs can only be created for Windows or Linux.');
    },
  ),
  common(
    {
      name: 'TARGETS_REQUIRED',
      code: 'TARGETS_MISSING',
      rule: 'A job targets at least one asset UUID or asset tag.',
      source: 'seed 003 (release 3.12: asset ids or tags in MTG jobs); docs/qualys-api.md §7.1, §12.1',
    },
    (v, report) => {
      const t = v.targets;
      if (!t || t.assetIds === undefined || t.tagIds === undefined) return;
      if (t.assetIds.length === 0 && t.tagIds.length === 0) {
        report(['targets'], 'A job needs at least one asset (assetIds) or asset tag (tagIds) to target.');
      }
    },
  ),
  common(
    {
      name: 'CO_AUTHOR_LIMIT',
      code: 'TOO_MANY',
      rule: `A job has at most ${JOB_LIMITS.maxCoAuthors} co-authors.`,
      source: 'seed 003 (release 3.12, v2 endpoints; Qualys errorCode 2435)',
    },
    (v, report) => {
      const n = v.coAuthorIds?.length ?? 0;
      if (n > JOB_LIMITS.maxCoAuthors) {
        report(['coAuthorIds'], `A job can have at most ${JOB_LIMITS.maxCoAuthors} co-authors (got ${n}).`);
      }
    },
  ),
  common(
    {
      name: 'NOTIFICATION_EMAIL_VALID',
      code: 'INVALID_EMAIL',
      rule: 'Every notification recipient is a valid e-mail address.',
      source: 'docs/qualys-api.md §7.1 (`notification.notificationConfigs.recipientEmails`), §12.1',
    },
    (v, report) => {
      v.notification?.recipientEmails?.forEach((email, i) => {
        if (!emailSchema.safeParse(email).success) {
          report(['notification', 'recipientEmails', String(i)], `"${email}" is not a valid e-mail address.`);
        }
      });
    },
  ),
  common(
    {
      name: 'NOTIFICATION_RECIPIENTS_REQUIRED',
      code: 'REQUIRED',
      rule: 'E-mail notifications name at least one recipient.',
      source: 'docs/qualys-api.md §7.1 (`notification`), §12.1',
    },
    (v, report) => {
      const n = v.notification;
      if (n?.emailEnabled !== true || n.recipientEmails === undefined) return;
      if (n.recipientEmails.length === 0) {
        report(['notification', 'recipientEmails'], 'E-mail notifications need at least one recipient.');
      }
    },
  ),
  common(
    {
      name: 'NOTIFICATION_PERCENTAGE_RANGE',
      code: 'OUT_OF_RANGE',
      rule: `The notification completion percentage is ${rangeText(JOB_LIMITS.completedPercentage)}.`,
      source: 'docs/qualys-api.md §7.1 (`completedPercentage` 1-100)',
    },
    (v, report) => {
      const p = v.notification?.completedPercentage;
      if (p !== undefined && p !== null && outside(p, JOB_LIMITS.completedPercentage)) {
        report(
          ['notification', 'completedPercentage'],
          `The completion percentage must be ${rangeText(JOB_LIMITS.completedPercentage)} (got ${p}).`,
        );
      }
    },
  ),
  common(
    {
      name: 'START_DATE_TIME_VALID',
      code: 'INVALID_DATE_TIME',
      rule: 'The start is a real calendar date and time of day.',
      source: 'docs/qualys-api.md §7.1 (`startDateTime`)',
    },
    (v, report) => {
      const start = v.schedule?.startDateTime;
      if (typeof start === 'string' && !isValidLocalDateTime(start)) {
        report(
          ['schedule', 'startDateTime'],
          `"${start}" is not a real date and time (YYYY-MM-DDTHH:mm:ss).`,
        );
      }
    },
  ),
  common(
    {
      name: 'TIMEZONE_VALID',
      code: 'INVALID_TIMEZONE',
      rule: 'The time zone is an IANA time zone name (`UTC`, `Asia/Kolkata`).',
      source: 'docs/qualys-api.md §7.1 (`timezone`, Qualys time zone list)',
    },
    (v, report) => {
      const tz = v.schedule?.timezone;
      if (typeof tz === 'string' && !isValidTimezone(tz)) {
        report(
          ['schedule', 'timezone'],
          `"${tz}" is not an IANA time zone name such as "UTC" or "Europe/Berlin".`,
        );
      }
    },
  ),
  common(
    {
      name: 'START_TIME_REQUIRED',
      code: 'START_TIME_REQUIRED',
      rule: 'Every schedule but on-demand has a start date and time.',
      source: 'docs/qualys-api.md §7.1 (`startDateTime`: optional for On-demand, mandatory otherwise)',
    },
    (v, report) => {
      const s = v.schedule;
      if (!s || s.type === undefined || s.type === 'ON_DEMAND' || s.startDateTime !== null) return;
      report(
        ['schedule', 'startDateTime'],
        `A ${s.type.toLowerCase().replace('_', '-')} schedule needs a startDateTime.`,
      );
    },
  ),
  common(
    {
      name: 'TIMEZONE_REQUIRED',
      code: 'REQUIRED',
      rule: 'A scheduled job names its time zone, or runs in each agent time zone (AGENT_TZ).',
      source:
        'docs/architecture.md §3.2 (wall-clock times are never shifted silently); docs/qualys-api.md §7.1',
    },
    (v, report) => {
      const s = v.schedule;
      if (!s || s.type === undefined || s.type === 'ON_DEMAND') return;
      if (s.timezoneType === undefined || s.timezone === undefined) return;
      if (s.timezoneType !== 'AGENT_TZ' && s.timezone === null) {
        report(['schedule', 'timezone'], 'A scheduled job needs a timezone, or timezoneType AGENT_TZ.');
      }
    },
  ),
  common(
    {
      name: 'TIMEZONE_NOT_WITH_AGENT_TZ',
      code: 'SCHEDULE_FIELD_MISMATCH',
      rule: 'A time zone is named only for SPECIFIC_TZ schedules (AGENT_TZ uses each agent zone).',
      source: 'docs/qualys-api.md §7.1 (`timezoneType` SPECIFIC_TZ / AGENT_TZ)',
    },
    (v, report) => {
      const s = v.schedule;
      if (s?.timezoneType === 'AGENT_TZ' && typeof s.timezone === 'string') {
        report(['schedule', 'timezone'], 'timezone cannot be combined with timezoneType AGENT_TZ.');
      }
    },
  ),
  {
    name: 'MTG_SCHEDULE_TYPES',
    code: 'MTG_SCHEDULE_UNSUPPORTED',
    rule: 'Mitigation jobs run on demand or once.',
    source: 'docs/qualys-api.md §9.1, §12.1 (MTG jobs: "Run Once" and "On-Demand" only); seed 003',
    mitigation: (v, report) => {
      const type = v.schedule?.type;
      if (type !== undefined && type !== 'ON_DEMAND' && type !== 'ONCE') {
        report(['schedule', 'type'], `Mitigation jobs run on demand or once, not ${type}.`);
      }
    },
  },
  {
    name: 'QIDS_REQUIRED',
    code: 'REQUIRED',
    rule: 'A mitigation job names at least one QID.',
    source: 'docs/qualys-api.md §12.1 (`qids`); seed 003',
    mitigation: (v, report) => {
      if (v.qids !== undefined && v.qids.length === 0)
        report(['qids'], 'A mitigation job needs at least one QID.');
    },
  },
  {
    name: 'QID_POSITIVE',
    code: 'OUT_OF_RANGE',
    rule: 'QIDs are positive integers.',
    source: 'docs/qualys-api.md §12.1 (`qids` [int]); seed 003',
    mitigation: (v, report) => {
      v.qids?.forEach((qid, i) => {
        if (qid < 1) report(['qids', String(i)], `${qid} is not a QID (QIDs are positive integers).`);
      });
    },
  },
  {
    name: 'PATCH_SOURCE_ONE',
    code: 'PATCH_SOURCE_CONFLICT',
    rule: 'A patch job takes its patches from one source: patch ids, a patch QQL or a linked job.',
    source: 'docs/qualys-api.md §7.1 (UI guide: "one of QQL, an explicit patch list, or a linked job")',
    patch: (v, report) => {
      const p = v.patches;
      if (!p) return;
      const given = [
        (p.patchIds?.length ?? 0) > 0 ? 'patchIds' : null,
        p.qql ? 'qql' : null,
        p.linkedJobId ? 'linkedJobId' : null,
      ].filter((x) => x !== null);
      if (given.length > 1) {
        report(['patches'], `Choose one patch source, not ${given.join(' and ')}.`);
      }
    },
  },
  {
    name: 'PATCH_SOURCE_REQUIRED',
    code: 'PATCH_SOURCE_MISSING',
    rule: 'A patch job names its patch source: patch ids, a patch QQL or a linked job.',
    source: 'docs/qualys-api.md §7.1 (`approvedPatches`, `dynamicPatchesQQL`, `linkedJobId`)',
    patch: (v, report) => {
      const p = v.patches;
      if (!p || p.patchIds === undefined || p.qql === undefined || p.linkedJobId === undefined) return;
      if (p.patchIds.length === 0 && p.qql === null && p.linkedJobId === null) {
        report(['patches'], 'A patch job needs patchIds, a patch qql or a linkedJobId.');
      }
    },
  },
  {
    name: 'QQL_INSTALL_ONLY',
    code: 'QQL_NOT_ALLOWED_FOR_ROLLBACK',
    rule: 'Patch QQL selects patches for Install jobs only, never for Rollback jobs.',
    source: 'docs/qualys-api.md §7.1 (UI guide "Using QQL to Automate Patch Selection")',
    patch: (v, report) => {
      if (v.type === 'ROLLBACK' && typeof v.patches?.qql === 'string') {
        report(['patches', 'qql'], 'A rollback job cannot select its patches by QQL; list the patchIds.');
      }
    },
  },
  platformOnly(
    'MAKECACHE_LINUX_ONLY',
    'updatePackageCache',
    'LINUX',
    'The package cache update (MakeCache pre-action)',
    'seed 001 (release 3.5, Linux package cache update)',
    (v) => on(v.updatePackageCache),
  ),
  platformOnly(
    'REATTEMPT_WINDOWS_ONLY',
    'reattemptFailedPatches',
    'WINDOWS',
    'Reattempting failed patches',
    'seed 001 (release 3.5, Windows deployment jobs)',
    (v) => v.reattemptFailedPatches !== undefined && v.reattemptFailedPatches !== null,
  ),
  platformOnly(
    'OPPORTUNISTIC_DOWNLOADS_WINDOWS_ONLY',
    'opportunisticDownloads',
    'WINDOWS',
    'Opportunistic downloads',
    'docs/qualys-api.md §7.1 (`opportunisticDownloads`: Windows only)',
    (v) => on(v.opportunisticDownloads),
  ),
  platformOnly(
    'MINIMIZE_WINDOW_WINDOWS_ONLY',
    'minimizeWindow',
    'WINDOWS',
    'Minimising the user prompt window',
    'docs/qualys-api.md §7.1 (`minimizeWindow`, Windows user prompts); seed 002',
    (v) => on(v.minimizeWindow),
  ),
  platformOnly(
    'ALWAYS_SHOW_COMPLETED_PROMPT_WINDOWS_ONLY',
    'alwaysShowCompletedPrompt',
    'WINDOWS',
    'Always showing the completion prompt',
    'docs/qualys-api.md §7.1 (`alwaysShowCompletedPrompt`: Windows, release 3.3)',
    (v) => on(v.alwaysShowCompletedPrompt),
  ),
  platformOnly(
    'CONTINUE_ON_PATCH_FAILURE_LINUX_ONLY',
    'continueOnPatchFailure',
    'LINUX',
    'Continuing after a failed patch',
    'docs/qualys-api.md §7.1 (`continueOnPatchFailure`: Linux only)',
    (v) => on(v.continueOnPatchFailure),
  ),
  {
    name: 'REATTEMPT_ATTEMPTS_RANGE',
    code: 'OUT_OF_RANGE',
    rule: `Failed patches are reattempted ${rangeText(JOB_LIMITS.reattemptAttempts)} times.`,
    source: 'seed 001 (release 3.5: `noOfReattempts` 1-5)',
    patch: (v, report) => {
      const n = v.reattemptFailedPatches?.attempts;
      if (n !== undefined && outside(n, JOB_LIMITS.reattemptAttempts)) {
        report(
          ['reattemptFailedPatches', 'attempts'],
          `Reattempts must be ${rangeText(JOB_LIMITS.reattemptAttempts)} (got ${n}).`,
        );
      }
    },
  },
  {
    name: 'REATTEMPT_BACKOFF_RANGE',
    code: 'OUT_OF_RANGE',
    rule: `The reattempt backoff interval is ${rangeText(JOB_LIMITS.reattemptBackoffInterval)}.`,
    source: 'seed 001 (release 3.5: `exponentialBackoffInterval` 1-15)',
    patch: (v, report) => {
      const n = v.reattemptFailedPatches?.backoffInterval;
      if (n !== undefined && outside(n, JOB_LIMITS.reattemptBackoffInterval)) {
        report(
          ['reattemptFailedPatches', 'backoffInterval'],
          `The backoff interval must be ${rangeText(JOB_LIMITS.reattemptBackoffInterval)} (got ${n}).`,
        );
      }
    },
  },
  {
    name: 'TIMEOUT_RANGE',
    code: 'OUT_OF_RANGE',
    rule: 'A job timeout is 1-168 hours or 1-10,080 minutes.',
    source: 'docs/qualys-api.md §7.1 (`timeout` + `timeoutUnit`, qualysdk)',
    patch: (v, report) => checkDuration(v.timeout, JOB_LIMITS.timeout, ['timeout'], 'The timeout', report),
  },
  {
    name: 'DOWNLOAD_RANDOMIZATION_RANGE',
    code: 'OUT_OF_RANGE',
    rule: 'Download randomisation is at most 8 hours (480 minutes).',
    source: 'seed 003 (release 3.12: "You can now set this time to 8 hours")',
    patch: (v, report) =>
      checkDuration(
        v.downloadRandomization,
        JOB_LIMITS.downloadRandomization,
        ['downloadRandomization'],
        'Download randomisation',
        report,
      ),
  },
  {
    name: 'DEFERMENT_RANGE',
    code: 'OUT_OF_RANGE',
    rule: 'Deferments: 0-99 times, each at most 168 hours (10,080 minutes).',
    source:
      'docs/qualys-api.md §8.1 (`deferment {count, interval, intervalUnit}`); bounds set by the gateway',
    patch: (v, report) => {
      checkDeferment(v.deferment, ['deferment'], report);
      checkDeferment(v.rebootSettings?.deferment, ['rebootSettings', 'deferment'], report);
    },
  },
  {
    name: 'REBOOT_COUNTDOWN_RANGE',
    code: 'OUT_OF_RANGE',
    rule: 'The reboot countdown is 1-24 hours (1-1,440 minutes).',
    source: 'docs/qualys-api.md §8.1 (`rebootCountdown {interval, intervalUnit}`); bounds set by the gateway',
    patch: (v, report) =>
      checkDuration(
        v.rebootSettings?.countdown,
        JOB_LIMITS.rebootCountdown,
        ['rebootSettings', 'countdown'],
        'The reboot countdown',
        report,
      ),
  },
  {
    name: 'WEEKDAYS_WEEKLY_ONLY',
    code: 'SCHEDULE_FIELD_MISMATCH',
    rule: 'Week days belong to weekly schedules only.',
    source: 'docs/qualys-api.md §7.1 (`recurringWeekDays`)',
    patch: (v, report) => {
      const s = v.schedule;
      if (s?.type !== undefined && s.type !== 'WEEKLY' && hasValue(s.weekDays)) {
        report(['schedule', 'weekDays'], `weekDays only apply to WEEKLY schedules, not ${s.type}.`);
      }
    },
  },
  {
    name: 'WEEKDAYS_REQUIRED',
    code: 'REQUIRED',
    rule: 'A weekly schedule names at least one week day.',
    source: 'docs/qualys-api.md §7.1 (`recurringWeekDays` bitmap)',
    patch: (v, report) => {
      const s = v.schedule;
      if (s?.type === 'WEEKLY' && s.weekDays !== undefined && s.weekDays.length === 0) {
        report(['schedule', 'weekDays'], 'A weekly schedule needs at least one week day.');
      }
    },
  },
  {
    name: 'MONTHLY_FIELDS_MONTHLY_ONLY',
    code: 'SCHEDULE_FIELD_MISMATCH',
    rule: 'Day of month, last day, n-th weekday and Patch Tuesday offset belong to monthly schedules only.',
    source: 'docs/qualys-api.md §7.1 (`dayOfMonth`, `recurringLastDayOfMonth`, `recurringDayOfMonth`, ...)',
    patch: (v, report) => {
      const s = v.schedule;
      if (!s || s.type === undefined || s.type === 'MONTHLY') return;
      for (const field of MONTHLY_FIELDS) {
        if (hasValue(s[field])) {
          report(['schedule', field], `${field} only applies to MONTHLY schedules, not ${s.type}.`);
        }
      }
    },
  },
  {
    name: 'MONTHLY_DAY_ONE',
    code: 'MONTHLY_DAY_CONFLICT',
    rule: 'A monthly schedule names one day rule: a day of month, the last day, the n-th weekday or Patch Tuesday.',
    source: 'docs/qualys-api.md §7.1 (`monthlyRecurringType`, `dayOfMonth`, `recurringDayOfMonth`, ...)',
    patch: (v, report) => {
      const s = v.schedule;
      if (s?.type !== 'MONTHLY') return;
      const given = monthlyRulesGiven(s);
      if (given.length > 1) report(['schedule'], `Choose one monthly day rule, not ${given.join(' and ')}.`);
    },
  },
  {
    name: 'MONTHLY_DAY_REQUIRED',
    code: 'MONTHLY_DAY_MISSING',
    rule: 'A monthly schedule names its day rule.',
    source: 'docs/qualys-api.md §7.1 (`monthlyRecurringType`, `dayOfMonth`, `recurringDayOfMonth`, ...)',
    patch: (v, report) => {
      const s = v.schedule;
      if (s?.type !== 'MONTHLY' || !monthlyFieldsKnown(s)) return;
      if (monthlyRulesGiven(s).length === 0) {
        report(
          ['schedule'],
          'A monthly schedule needs dayOfMonth, lastDayOfMonth, weekOfMonth + weekDayOfMonth or patchTuesdayOffsetDays.',
        );
      }
    },
  },
  {
    name: 'NTH_WEEKDAY_PAIR',
    code: 'REQUIRED',
    rule: 'The n-th weekday of the month needs both weekOfMonth and weekDayOfMonth.',
    source: 'docs/qualys-api.md §7.1 (`recurringDayOfMonth` 1-5 with `recurringWeekDayOfMonth` 0-6)',
    patch: (v, report) => {
      const s = v.schedule;
      if (s?.type !== 'MONTHLY' || s.weekOfMonth === undefined || s.weekDayOfMonth === undefined) return;
      if (s.weekOfMonth !== null && s.weekDayOfMonth === null) {
        report(['schedule', 'weekDayOfMonth'], 'weekOfMonth needs weekDayOfMonth (which weekday).');
      }
      if (s.weekOfMonth === null && s.weekDayOfMonth !== null) {
        report(
          ['schedule', 'weekOfMonth'],
          'weekDayOfMonth needs weekOfMonth (1-5: which one of the month).',
        );
      }
    },
  },
  {
    name: 'DAY_OF_MONTH_RANGE',
    code: 'OUT_OF_RANGE',
    rule: `The day of month is ${rangeText(JOB_LIMITS.dayOfMonth)}.`,
    source: 'docs/qualys-api.md §7.1 (`dayOfMonth` 1-31)',
    patch: (v, report) => {
      const d = v.schedule?.dayOfMonth;
      if (d !== undefined && d !== null && outside(d, JOB_LIMITS.dayOfMonth)) {
        report(
          ['schedule', 'dayOfMonth'],
          `dayOfMonth must be ${rangeText(JOB_LIMITS.dayOfMonth)} (got ${d}).`,
        );
      }
    },
  },
  {
    name: 'WEEK_OF_MONTH_RANGE',
    code: 'OUT_OF_RANGE',
    rule: `The n of the n-th weekday is ${rangeText(JOB_LIMITS.weekOfMonth)}.`,
    source: 'docs/qualys-api.md §7.1 (`recurringDayOfMonth` 1-5)',
    patch: (v, report) => {
      const w = v.schedule?.weekOfMonth;
      if (w !== undefined && w !== null && outside(w, JOB_LIMITS.weekOfMonth)) {
        report(
          ['schedule', 'weekOfMonth'],
          `weekOfMonth must be ${rangeText(JOB_LIMITS.weekOfMonth)} (got ${w}).`,
        );
      }
    },
  },
  {
    name: 'PATCH_TUESDAY_OFFSET_RANGE',
    code: 'OUT_OF_RANGE',
    rule: 'Patch Tuesday offsets are -27 to -1 (before) or 1 to 27 (after) days.',
    source: 'docs/qualys-api.md §7.1 (`patchTuesdayPlusXDays`: -27...-1, 1...27)',
    patch: (v, report) => {
      const d = v.schedule?.patchTuesdayOffsetDays;
      if (d !== undefined && d !== null && (d === 0 || outside(d, JOB_LIMITS.patchTuesdayOffsetDays))) {
        report(
          ['schedule', 'patchTuesdayOffsetDays'],
          `patchTuesdayOffsetDays must be -27 to -1 or 1 to 27 (got ${d}).`,
        );
      }
    },
  },
];

/** A row of the rule table: what the README prints. */
export interface JobRuleRow {
  readonly name: string;
  readonly code: JobRuleCode;
  readonly appliesTo: readonly JobKind[];
  readonly rule: string;
  readonly source: string;
}

/** {@link JOB_RULES} as table rows (name, code, job kinds, rule, source). */
export const JOB_RULE_TABLE: readonly JobRuleRow[] = JOB_RULES.map((r) => ({
  name: r.name,
  code: r.code,
  appliesTo: [...(r.patch ? (['PATCH'] as const) : []), ...(r.mitigation ? (['MITIGATION'] as const) : [])],
  rule: r.rule,
  source: r.source,
}));

function runRules<V>(
  view: V,
  pick: (rule: JobRule) => ((view: V, report: ReportIssue) => void) | undefined,
): JobSpecIssue[] {
  const issues: JobSpecIssue[] = [];
  for (const rule of JOB_RULES) {
    const check = pick(rule);
    check?.(view, (path, message) =>
      issues.push({ path: [...path], code: rule.code, message, rule: rule.name }),
    );
  }
  return issues;
}

/**
 * Runs every patch job rule on a spec or view and returns every violation (not just the first),
 * in rule order. Unknown (`undefined`) parts are skipped.
 */
export function checkPatchJobRules(view: PatchJobView): JobSpecIssue[] {
  return runRules(view, (rule) => rule.patch);
}

/** Runs every mitigation job rule on a spec or view; see {@link checkPatchJobRules}. */
export function checkMitigationJobRules(view: MitigationJobView): JobSpecIssue[] {
  return runRules(view, (rule) => rule.mitigation);
}
