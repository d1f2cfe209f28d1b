/**
 * `JobSchedule`: when a job runs. Qualys wall-clock times are never shifted: the local
 * date-time is given together with the time zone it is meant in.
 */

import type { QualysDeploymentJob, QualysDeploymentJobListItem } from '../../qualys/schemas/index.js';
import { formatWallClockIso, parseWallClock } from '../../qualys/schemas/index.js';
import {
  scheduleTypeFromWire,
  timezoneTypeFromWire,
  weekdayFromNumber,
  weekdaysFromBitmap,
} from '../../qualys/vocabulary.js';
import { ScheduleType, TimezoneType, Weekday } from '../support/enums.js';
import { JobSchedule, type JobScheduleParent } from '../support/refs.js';

/** The schedule of a full job (GET by id); the run times are not in it. */
export function scheduleFromJob(job: QualysDeploymentJob): JobScheduleParent {
  return {
    scheduleType: job.scheduleType,
    startDateTime: job.startDateTime,
    timezone: job.timezone,
    timezoneType: job.timezoneType,
    recurring: job.recurring,
    recurringWeekDays: job.recurringWeekDays,
    dayOfMonth: job.dayOfMonth,
    recurringDayOfMonth: job.recurringDayOfMonth,
    recurringWeekDayOfMonth: job.recurringWeekDayOfMonth,
    recurringLastDayOfMonth: job.recurringLastDayOfMonth,
    monthlyRecurringType: job.monthlyRecurringType,
    patchTuesdayPlusXDays: job.patchTuesdayPlusXDays,
    nextScheduleDateTime: null,
    lastScheduleDateTime: null,
  };
}

/** The schedule of a job-list entry, including the next and last run times only lists carry. */
export function scheduleFromListItem(item: QualysDeploymentJobListItem): JobScheduleParent {
  return {
    scheduleType: item.scheduleType,
    startDateTime: item.startDateTime,
    timezone: item.timezone,
    timezoneType: item.timezoneType,
    recurring: item.isRecurring,
    recurringWeekDays: item.recurringWeekDays,
    dayOfMonth: item.dayOfMonth,
    recurringDayOfMonth: item.recurringDayOfMonth,
    recurringWeekDayOfMonth: item.recurringWeekDayOfMonth,
    recurringLastDayOfMonth: item.recurringLastDayOfMonth,
    monthlyRecurringType: item.monthlyRecurringType,
    patchTuesdayPlusXDays: item.patchTuesdayPlusXDays,
    nextScheduleDateTime: item.nextScheduleDateTime,
    lastScheduleDateTime: item.lastScheduleDateTime,
  };
}

JobSchedule.implement({
  description:
    'When a job runs (Qualys `scheduleType`, `startDateTime`, `timezone`, the `recurring*` fields). Qualys ' +
    'stores the start as wall-clock time plus a time zone; this type keeps them apart and never converts.',
  fields: (t) => ({
    type: t.field({
      type: ScheduleType,
      nullable: true,
      description:
        'How the job is scheduled (Qualys `scheduleType`); null when Qualys sends an unknown value.',
      resolve: (s) => scheduleTypeFromWire(s.scheduleType),
    }),
    startDateTime: t.field({
      type: 'LocalDateTime',
      nullable: true,
      description:
        'The start as wall-clock time, not shifted (Qualys `startDateTime` "2025-3-19 04:59:17 AM" becomes ' +
        "`2025-03-19T04:59:17`). It is meant in `timezone` (SPECIFIC_TZ) or in each agent's zone (AGENT_TZ). " +
        'Null when Qualys sends none (on-demand jobs may have none) or a value it cannot read; see `startDateTimeRaw`.',
      resolve: (s) => {
        const parts = s.startDateTime === null ? null : parseWallClock(s.startDateTime);
        return parts ? formatWallClockIso(parts) : null;
      },
    }),
    startDateTimeRaw: t.string({
      nullable: true,
      description:
        'The start exactly as Qualys sent it (`startDateTime`, e.g. "2025-3-19 04:59:17 AM"); null when none.',
      resolve: (s) => s.startDateTime,
    }),
    timezone: t.string({
      nullable: true,
      description:
        'The IANA time zone `startDateTime` is meant in when `timezoneType` is SPECIFIC_TZ (e.g. `UTC`, ' +
        '`Asia/Kolkata`); null when Qualys sends none.',
      resolve: (s) => s.timezone,
    }),
    timezoneType: t.field({
      type: TimezoneType,
      nullable: true,
      description:
        "Whether the schedule follows `timezone` or each agent's own zone; null when Qualys sends none.",
      resolve: (s) => timezoneTypeFromWire(s.timezoneType),
    }),
    recurring: t.boolean({
      nullable: true,
      description:
        'True when the job repeats (Qualys `recurring`, `isRecurring` in job lists); null when unknown.',
      resolve: (s) => s.recurring,
    }),
    weekDays: t.field({
      type: [Weekday],
      nullable: false,
      description:
        'The days a weekly job runs (Qualys `recurringWeekDays`, a Sunday-first bitmap "0,1,0,0,0,0,0"); empty ' +
        'for other schedules.',
      resolve: (s) => weekdaysFromBitmap(s.recurringWeekDays),
    }),
    dayOfMonth: t.int({
      nullable: true,
      description:
        'The day (1-31) a monthly job runs on (Qualys `dayOfMonth`); null when not scheduled by day.',
      resolve: (s) => s.dayOfMonth,
    }),
    weekOfMonth: t.int({
      nullable: true,
      description:
        'For "n-th weekday of the month" schedules, n from 1 to 5 (Qualys `recurringDayOfMonth`); null otherwise.',
      resolve: (s) => s.recurringDayOfMonth,
    }),
    weekDayOfMonth: t.field({
      type: Weekday,
      nullable: true,
      description:
        'For "n-th weekday of the month" schedules, the weekday (Qualys `recurringWeekDayOfMonth`, 0 = Sunday); ' +
        'null otherwise.',
      resolve: (s) => weekdayFromNumber(s.recurringWeekDayOfMonth),
    }),
    lastDayOfMonth: t.boolean({
      nullable: true,
      description:
        'True when a monthly job runs on the last day of the month (Qualys `recurringLastDayOfMonth`).',
      resolve: (s) => s.recurringLastDayOfMonth,
    }),
    patchTuesday: t.boolean({
      nullable: true,
      description:
        'True when a monthly job runs relative to Patch Tuesday (Qualys `monthlyRecurringType` 1); null when ' +
        'Qualys does not say.',
      resolve: (s) => (s.monthlyRecurringType === null ? null : s.monthlyRecurringType === 1),
    }),
    patchTuesdayOffsetDays: t.int({
      nullable: true,
      description:
        'Days after (positive, 1-27) or before (negative, -27 to -1) Patch Tuesday the job runs (Qualys ' +
        '`patchTuesdayPlusXDays`); null when not a Patch Tuesday schedule.',
      resolve: (s) => s.patchTuesdayPlusXDays,
    }),
    nextRunAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'The next scheduled run (Qualys `nextScheduleDateTime`). Only job lists carry it: null for jobs fetched ' +
        'by id and for jobs with no next run.',
      resolve: (s) => s.nextScheduleDateTime,
    }),
    lastRunAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'The last scheduled run (Qualys `lastScheduleDateTime`). Only job lists carry it: null for jobs fetched ' +
        'by id and for jobs that never ran.',
      resolve: (s) => s.lastScheduleDateTime,
    }),
  }),
});
