/**
 * The table of job rules: every documented rule of Qualys PM/MTG job bodies, in the order they are
 * checked, each with its name, code, rule text, source and the check per job kind. The README's
 * validation table is this list.
 */

import {
  checkDeferment,
  checkDuration,
  common,
  emailSchema,
  hasValue,
  JOB_LIMITS,
  type JobRule,
  MONTHLY_FIELDS,
  monthlyFieldsKnown,
  monthlyRulesGiven,
  on,
  outside,
  platformOnly,
  rangeText,
} from './rule-kit.js';
import { isValidLocalDateTime, isValidTimezone } from './wall-clock.js';

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
