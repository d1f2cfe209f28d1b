/**
 * Small value types of job settings: `Duration`, `UserMessage`, `Deferment`, `RebootSettings`,
 * `ReattemptSettings`, `JobNotification`. They only read data their parent job already holds.
 */

import { timeUnitFromWire } from '../../qualys/vocabulary.js';
import { TimeUnit } from '../support/enums.js';
import {
  Deferment,
  type DefermentParent,
  Duration,
  type DurationParent,
  JobNotification,
  ReattemptSettings,
  RebootSettings,
  UserMessage,
  type UserMessageParent,
} from '../support/refs.js';

/** A `Duration` from a value and a unit; `null` when the value is unset (`null`, or `-1`/`0` meaning "none"). */
export function durationFrom(
  value: number | null,
  unit: string | null,
  unsetValues: readonly number[],
): DurationParent | null {
  return value === null || unsetValues.includes(value) ? null : { value, unit };
}

/** A `UserMessage`, or `null` when the block is absent. */
export function userMessageFrom(block: UserMessageParent | null | undefined): UserMessageParent | null {
  return block ? { userMessage: block.userMessage, description: block.description } : null;
}

/** A `Deferment`, or `null` when absent or entirely empty. */
export function defermentFrom(block: DefermentParent | null | undefined): DefermentParent | null {
  if (!block || (block.count === null && block.interval === null && block.intervalUnit === null)) return null;
  return block;
}

Duration.implement({
  description: 'A length of time as Qualys stores it: a whole number and a unit.',
  fields: (t) => ({
    value: t.exposeInt('value', { description: 'The amount, in `unit`s.', nullable: false }),
    unit: t.field({
      type: TimeUnit,
      nullable: true,
      description: 'The unit of `value`; null when Qualys sent no unit or one this gateway does not know.',
      resolve: (d) => timeUnitFromWire(d.unit),
    }),
  }),
});

UserMessage.implement({
  description:
    'A message shown to the logged-on user of an asset during a job (Qualys `userMessage` + `description`).',
  fields: (t) => ({
    message: t.string({
      nullable: true,
      description: 'The message text (Qualys `userMessage`); null when empty.',
      resolve: (m) => m.userMessage || null,
    }),
    description: t.string({
      nullable: true,
      description: 'The longer description shown with it (Qualys `description`); null when empty.',
      resolve: (m) => m.description || null,
    }),
  }),
});

Deferment.implement({
  description: 'How often and for how long the logged-on user may postpone a step (Qualys `deferment`).',
  fields: (t) => ({
    count: t.exposeInt('count', {
      nullable: true,
      description: 'How many times the user may defer; null when Qualys does not say.',
    }),
    interval: t.exposeInt('interval', {
      nullable: true,
      description: 'How long each deferral lasts, in `intervalUnit`s; null when Qualys does not say.',
    }),
    intervalUnit: t.field({
      type: TimeUnit,
      nullable: true,
      description: 'The unit of `interval` (Qualys `intervalUnit`); null when absent or unknown.',
      resolve: (d) => timeUnitFromWire(d.intervalUnit),
    }),
  }),
});

RebootSettings.implement({
  description: 'Reboot behaviour after patches are installed (Qualys `postDeployment`).',
  fields: (t) => ({
    suppressReboots: t.boolean({
      nullable: true,
      description:
        'True when the job never reboots the asset (Qualys `postDeployment.suppressReboots`); null when unset.',
      resolve: (job) => job.postDeployment?.suppressReboots ?? null,
    }),
    honorUserLogin: t.boolean({
      nullable: true,
      description:
        'True when the reboot waits while a user is logged on (Qualys `rebootHonorOnUserLogin`); null when unset.',
      resolve: (job) => job.postDeployment?.rebootHonorOnUserLogin ?? null,
    }),
    prompt: t.field({
      type: UserMessage,
      nullable: true,
      description: 'The reboot request shown to the user (Qualys `rebootOption`); null when not configured.',
      resolve: (job) => userMessageFrom(job.postDeployment?.rebootOption),
    }),
    deferment: t.field({
      type: Deferment,
      nullable: true,
      description:
        'How the user may postpone the reboot (Qualys `rebootOption.deferment`); null when not configured.',
      resolve: (job) => defermentFrom(job.postDeployment?.rebootOption?.deferment),
    }),
    countdown: t.field({
      type: Duration,
      nullable: true,
      description:
        'The countdown before a forced reboot (Qualys `rebootCountdown.interval`/`intervalUnit`); null when not configured.',
      resolve: (job) => {
        const countdown = job.postDeployment?.rebootCountdown;
        return countdown ? durationFrom(countdown.interval, countdown.intervalUnit, []) : null;
      },
    }),
    countdownMessage: t.field({
      type: UserMessage,
      nullable: true,
      description:
        'The message shown during the countdown (Qualys `rebootCountdown.userMessage`); null when not configured.',
      resolve: (job) => userMessageFrom(job.postDeployment?.rebootCountdown),
    }),
  }),
});

ReattemptSettings.implement({
  description:
    'Automatic reattempts of failed patch installations (Qualys `enableReattemptFailedPatches` and ' +
    '`reattemptFailedPatches`, Windows, release 3.5).',
  fields: (t) => ({
    enabled: t.boolean({
      nullable: true,
      description:
        'True when failed patches are reattempted (Qualys `enableReattemptFailedPatches`); null when unset.',
      resolve: (job) => job.enableReattemptFailedPatches,
    }),
    attempts: t.int({
      nullable: true,
      description:
        'How many reattempts, 1-5 (Qualys `noOfReattempts`); null when unset (0 is reported as null).',
      resolve: (job) => job.reattemptFailedPatches?.noOfReattempts || null,
    }),
    backoffInterval: t.int({
      nullable: true,
      description:
        'The exponential backoff interval between reattempts, 1-15 (Qualys `exponentialBackoffInterval`; the unit ' +
        'is not documented); null when unset (0 is reported as null).',
      resolve: (job) => job.reattemptFailedPatches?.exponentialBackoffInterval || null,
    }),
  }),
});

JobNotification.implement({
  description: 'E-mail notifications about a job (Qualys `notification`).',
  fields: (t) => ({
    emailEnabled: t.boolean({
      nullable: true,
      description:
        'True when e-mail notifications are on (Qualys `notificationTypes.email`); null when unset.',
      resolve: (n) => n.notificationTypes?.email ?? null,
    }),
    recipientEmails: t.stringList({
      nullable: false,
      description:
        'The recipients (Qualys `recipientEmails`, a comma-separated string, split here); empty when none.',
      resolve: (n) =>
        (n.notificationConfigs?.recipientEmails ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
    }),
    completedPercentage: t.int({
      nullable: true,
      description:
        'Notify when this percentage of assets completed, 1-100 (Qualys `completedPercentage`); null when unset.',
      resolve: (n) => n.notificationConfigs?.completedPercentage ?? null,
    }),
    onJobStart: t.boolean({
      nullable: true,
      description:
        'True to notify when the job starts (Qualys `notificationEvents.onJobStart`); null when unset.',
      resolve: (n) => n.notificationEvents?.onJobStart ?? null,
    }),
    onJobComplete: t.boolean({
      nullable: true,
      description:
        'True to notify when the job completes (Qualys `notificationEvents.onJobComplete`); null when unset.',
      resolve: (n) => n.notificationEvents?.onJobComplete ?? null,
    }),
  }),
});
