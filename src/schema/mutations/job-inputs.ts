/**
 * The nested input types of the job mutations, shared by create and update: targets, patch
 * selection, schedule, durations, messages, deferment, reboot settings, reattempts and
 * notifications. Their fields mirror the job specs of `src/jobs/spec.ts` one to one, so a rule's
 * path in a spec is its path under `input`.
 *
 * Argument-format checks live here (run by the validation plugin before the resolver; a failure
 * is a top-level `BAD_USER_INPUT` and no upstream call): UUID-shaped ids and bounded list sizes.
 * Every documented business rule is checked by `src/jobs/` in the resolver and answered as
 * `userErrors`.
 */
import { z } from 'zod';
import { builder } from '../../builder.js';
import { JOB_LIMITS } from '../../jobs/index.js';
import { ScheduleType, TagMatch, TimeUnit, TimezoneType, Weekday } from '../support/enums.js';
import { qualysIdSchema } from '../support/validation.js';

/** Most ids in one list of a job input (asset, tag, patch ids): a bound against oversized requests. */
export const MAX_JOB_INPUT_IDS = 10_000;
/**
 * Most co-author ids accepted at all. Above {@link JOB_LIMITS.maxCoAuthors} (200) the job rule
 * answers `TOO_MANY` as a user error; this bound only stops oversized requests.
 */
export const MAX_CO_AUTHOR_IDS_INPUT = 1_000;
/** Most QIDs or e-mail recipients in one input list. */
export const MAX_JOB_INPUT_VALUES = 1_000;

/** A list of Qualys UUIDs of at most `max` entries. */
export function idListSchema(max: number) {
  return z.array(qualysIdSchema).max(max, `at most ${max} ids`);
}

/** `JobTargetsInput`. */
export const JobTargetsInput = builder.inputType('JobTargetsInput', {
  description:
    'The assets a job targets: asset UUIDs and asset tags, minus excluded assets and tags. A job needs at least ' +
    'one asset or tag (`TARGETS_MISSING`). In an update, each field given replaces that field only.',
  fields: (t) => ({
    assetIds: t.idList({
      required: false,
      description: 'Asset UUIDs to target (Qualys `assetIds`). Default: none.',
      validate: idListSchema(MAX_JOB_INPUT_IDS),
    }),
    tagIds: t.idList({
      required: false,
      description: 'Asset tag UUIDs whose assets are targeted (Qualys `assetTagIds`). Default: none.',
      validate: idListSchema(MAX_JOB_INPUT_IDS),
    }),
    tagMatch: t.field({
      type: TagMatch,
      required: false,
      description: 'Whether an asset needs any or all of `tagIds` (Qualys `filterType`). Default ANY.',
    }),
    exclusionAssetIds: t.idList({
      required: false,
      description: 'Asset UUIDs never targeted (Qualys `exclusionAssetIds`). Default: none.',
      validate: idListSchema(MAX_JOB_INPUT_IDS),
    }),
    exclusionTagIds: t.idList({
      required: false,
      description: 'Asset tag UUIDs whose assets are excluded (Qualys `exclusionTagIds`). Default: none.',
      validate: idListSchema(MAX_JOB_INPUT_IDS),
    }),
    exclusionTagMatch: t.field({
      type: TagMatch,
      required: false,
      description:
        'Whether an asset is excluded by any or all of `exclusionTagIds` (Qualys `exclusionFilterType`). Default ANY.',
    }),
  }),
});

/** `PatchSelectionInput`. */
export const PatchSelectionInput = builder.inputType('PatchSelectionInput', {
  description:
    'Where a patch job gets its patches: exactly one of explicit patch UUIDs, a patch QQL evaluated before each ' +
    'run, or the patches of another ("linked") job (`PATCH_SOURCE_CONFLICT`, `PATCH_SOURCE_MISSING`). In an ' +
    'update it replaces the selection as a whole.',
  fields: (t) => ({
    patchIds: t.idList({
      required: false,
      description: 'Patch UUIDs to deploy (Qualys `approvedPatches`).',
      validate: idListSchema(MAX_JOB_INPUT_IDS),
    }),
    qql: t.string({
      required: false,
      description:
        'A patch QQL; matching missing, non-superseded patches are deployed, re-evaluated before every run ' +
        '(Qualys `dynamicPatchesQQL`; Install jobs only, at most 2,000 patches per run).',
    }),
    linkedJobId: t.id({
      required: false,
      description:
        'The UUID of a job whose patches this job deploys (Qualys `linkedJobId`, release 3.3); see `linkablePatchJobs`.',
      validate: qualysIdSchema,
    }),
  }),
});

/** `JobScheduleInput`. */
export const JobScheduleInput = builder.inputType('JobScheduleInput', {
  description:
    'When a patch job runs. `startDateTime` is wall-clock time in `timezone` (or in each agent zone with AGENT_TZ) ' +
    'and is sent to Qualys as is, never shifted. Every type but ON_DEMAND needs a start and a time zone. Weekly ' +
    'jobs name `weekDays`; monthly jobs name one day rule: `dayOfMonth`, `lastDayOfMonth`, `weekOfMonth` + ' +
    '`weekDayOfMonth`, or `patchTuesdayOffsetDays`. In an update, a schedule with `type` replaces the schedule; ' +
    'without `type` only the fields given change (null clears one).',
  fields: (t) => ({
    type: t.field({
      type: ScheduleType,
      required: false,
      description: 'How the job is scheduled (Qualys `scheduleType`). Default ON_DEMAND on create.',
    }),
    startDateTime: t.field({
      type: 'LocalDateTime',
      required: false,
      description:
        'The first run, wall-clock time without offset (`2026-12-01T22:00:00`), sent as Qualys `startDateTime` ' +
        '"2026-12-1 10:00:00 PM". Required for every type but ON_DEMAND.',
    }),
    timezone: t.string({
      required: false,
      description:
        'The IANA time zone `startDateTime` is meant in (`UTC`, `Europe/Berlin`; Qualys `timezone`).',
    }),
    timezoneType: t.field({
      type: TimezoneType,
      required: false,
      description:
        'SPECIFIC_TZ (the default when `timezone` is given) or AGENT_TZ (each agent local time; no `timezone`).',
    }),
    weekDays: t.field({
      type: [Weekday],
      required: false,
      description: 'WEEKLY only: the days to run (Qualys `recurringWeekDays`, a Sunday-first bitmap).',
    }),
    dayOfMonth: t.int({
      required: false,
      description: `MONTHLY only: the day of the month, ${JOB_LIMITS.dayOfMonth.min}-${JOB_LIMITS.dayOfMonth.max} (Qualys \`dayOfMonth\`).`,
    }),
    lastDayOfMonth: t.boolean({
      required: false,
      description: 'MONTHLY only: run on the last day of the month (Qualys `recurringLastDayOfMonth`).',
    }),
    weekOfMonth: t.int({
      required: false,
      description:
        'MONTHLY only: with `weekDayOfMonth`, run on the n-th such weekday, n = 1-5 (Qualys `recurringDayOfMonth`).',
    }),
    weekDayOfMonth: t.field({
      type: Weekday,
      required: false,
      description:
        'MONTHLY only: the weekday of `weekOfMonth` (Qualys `recurringWeekDayOfMonth`, 0 = Sunday).',
    }),
    patchTuesdayOffsetDays: t.int({
      required: false,
      description:
        'MONTHLY only: run this many days after (1 to 27) or before (-27 to -1) Patch Tuesday (Qualys ' +
        '`monthlyRecurringType` 1 + `patchTuesdayPlusXDays`).',
    }),
  }),
});

/** `MitigationJobScheduleInput`. */
export const MitigationJobScheduleInput = builder.inputType('MitigationJobScheduleInput', {
  description:
    'When a mitigation job runs: ON_DEMAND or ONCE only (`MTG_SCHEDULE_UNSUPPORTED`). ONCE needs a start and a time ' +
    'zone. In an update, a schedule with `type` replaces the schedule; without `type` only the fields given change.',
  fields: (t) => ({
    type: t.field({
      type: ScheduleType,
      required: false,
      description: 'ON_DEMAND or ONCE (Qualys "On-demand" / "Once"). Default ON_DEMAND on create.',
    }),
    startDateTime: t.field({
      type: 'LocalDateTime',
      required: false,
      description: 'The run, wall-clock time without offset, sent unshifted. Required for ONCE.',
    }),
    timezone: t.string({
      required: false,
      description: 'The IANA time zone `startDateTime` is meant in (Qualys `timezone`).',
    }),
    timezoneType: t.field({
      type: TimezoneType,
      required: false,
      description: 'SPECIFIC_TZ (the default when `timezone` is given) or AGENT_TZ.',
    }),
  }),
});

/** `DurationInput`. */
export const DurationInput = builder.inputType('DurationInput', {
  description: 'A length of time as Qualys stores it: a whole number and a unit.',
  fields: (t) => ({
    value: t.int({ required: true, description: 'The amount, in `unit`s.' }),
    unit: t.field({ type: TimeUnit, required: true, description: 'The unit of `value`.' }),
  }),
});

/** `UserMessageInput`. */
export const UserMessageInput = builder.inputType('UserMessageInput', {
  description: 'A message shown to the logged-on user of an asset (Qualys `userMessage` + `description`).',
  fields: (t) => ({
    message: t.string({
      required: false,
      description: 'The message text (Qualys `userMessage`). Default empty.',
    }),
    description: t.string({
      required: false,
      description: 'The longer text shown with it (Qualys `description`). Default empty.',
    }),
  }),
});

/** `DefermentInput`. */
export const DefermentInput = builder.inputType('DefermentInput', {
  description: `How often and for how long the logged-on user may postpone a step (Qualys \`deferment\`): ${JOB_LIMITS.defermentCount.min}-${JOB_LIMITS.defermentCount.max} times, each at most 168 hours.`,
  fields: (t) => ({
    count: t.int({ required: true, description: 'How many times the user may defer (0 = never).' }),
    interval: t.int({ required: true, description: 'How long each deferral lasts, in `intervalUnit`s.' }),
    intervalUnit: t.field({ type: TimeUnit, required: true, description: 'The unit of `interval`.' }),
  }),
});

/** `RebootSettingsInput`. */
export const RebootSettingsInput = builder.inputType('RebootSettingsInput', {
  description:
    "Reboot behaviour after deployment (Qualys `postDeployment`). Omitted parts take the values of Qualys' own " +
    'samples: no suppression, deferment 3 x 1 hour, a 15-minute countdown with the "Reboot countdown started" ' +
    'message. In an update, the fields given change; null resets one to its default.',
  fields: (t) => ({
    suppressReboots: t.boolean({
      required: false,
      description: 'Never reboot the asset (Qualys `suppressReboots`). Default false.',
    }),
    honorUserLogin: t.boolean({
      required: false,
      description: 'Wait while a user is logged on (Qualys `rebootHonorOnUserLogin`). Default false.',
    }),
    prompt: t.field({
      type: UserMessageInput,
      required: false,
      description: 'The reboot request shown to the user (Qualys `rebootOption`). Default empty.',
    }),
    deferment: t.field({
      type: DefermentInput,
      required: false,
      description:
        'How the user may postpone the reboot (Qualys `rebootOption.deferment`). Default 3 x 1 hour.',
    }),
    countdown: t.field({
      type: DurationInput,
      required: false,
      description:
        'The countdown before a forced reboot, 1-24 hours (Qualys `rebootCountdown`). Default 15 minutes.',
    }),
    countdownMessage: t.field({
      type: UserMessageInput,
      required: false,
      description:
        'The message shown during the countdown. Default "Reboot countdown started" (Qualys\' sample).',
    }),
  }),
});

/** `ReattemptInput`. */
export const ReattemptInput = builder.inputType('ReattemptInput', {
  description:
    'Reattempting failed patches, Windows only (Qualys `enableReattemptFailedPatches` + `reattemptFailedPatches`, ' +
    'release 3.5).',
  fields: (t) => ({
    attempts: t.int({
      required: true,
      description: `How many reattempts, ${JOB_LIMITS.reattemptAttempts.min}-${JOB_LIMITS.reattemptAttempts.max} (Qualys \`noOfReattempts\`).`,
    }),
    backoffInterval: t.int({
      required: true,
      description: `The exponential backoff interval, ${JOB_LIMITS.reattemptBackoffInterval.min}-${JOB_LIMITS.reattemptBackoffInterval.max} (Qualys \`exponentialBackoffInterval\`).`,
    }),
  }),
});

/** `NotificationInput`. */
export const NotificationInput = builder.inputType('NotificationInput', {
  description:
    'E-mail notifications about a job (Qualys `notification`). In an update, the fields given change on top of ' +
    'the current settings.',
  fields: (t) => ({
    emailEnabled: t.boolean({
      required: false,
      description:
        'Send e-mails (Qualys `notificationTypes.email`). Default true; then recipients are required.',
    }),
    recipientEmails: t.stringList({
      required: false,
      description: 'Valid e-mail addresses (sent as Qualys `recipientEmails`, comma-separated).',
      validate: z.array(z.string()).max(MAX_JOB_INPUT_VALUES, `at most ${MAX_JOB_INPUT_VALUES} recipients`),
    }),
    completedPercentage: t.int({
      required: false,
      description: 'Notify when this percentage of assets completed, 1-100 (Qualys `completedPercentage`).',
    }),
    onJobStart: t.boolean({ required: false, description: 'Notify when the job starts. Default false.' }),
    onJobComplete: t.boolean({
      required: false,
      description: 'Notify when the job completes. Default false.',
    }),
  }),
});
