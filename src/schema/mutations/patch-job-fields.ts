/**
 * The settings fields of the patch job inputs, shared by `CreatePatchJobInput` and
 * `UpdatePatchJobInput`: `mode` only changes the descriptions (defaults on create,
 * "unchanged when omitted" on update).
 */
import type { InputFieldBuilder } from '@pothos/core';
import type { builder } from '../../builder.js';
import { JOB_LIMITS } from '../../jobs/index.js';
import { JobConfigStatus } from '../jobs/job-config-status.js';
import { JobType } from '../support/enums.js';
import {
  DefermentInput,
  DurationInput,
  idListSchema,
  JobScheduleInput,
  JobTargetsInput,
  MAX_CO_AUTHOR_IDS_INPUT,
  NotificationInput,
  PatchSelectionInput,
  ReattemptInput,
  RebootSettingsInput,
  UserMessageInput,
} from './job-inputs.js';

export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/**
 * The settings fields of the patch job inputs, shared by create and update; `mode` only changes
 * the descriptions (defaults on create, "unchanged when omitted" on update).
 */
export function patchJobSettingFields(t: InputFieldBuilder<Types, 'InputObject'>, mode: 'create' | 'update') {
  const d = (create: string, update: string) => (mode === 'create' ? create : update);
  return {
    description: t.string({
      required: false,
      description: d(
        'A description (Qualys `description`). Default empty.',
        'A new description; null clears it.',
      ),
    }),
    type: t.field({
      type: JobType,
      required: false,
      description: d(
        'INSTALL (default) or ROLLBACK (Qualys `type`; rollback on Windows and, since release 3.3, Linux).',
        'INSTALL or ROLLBACK; omitted or null: unchanged.',
      ),
    }),
    status: t.field({
      type: JobConfigStatus,
      required: false,
      description: d(
        'ENABLED or DISABLED (default: a new job does not run until enabled).',
        'ENABLED or DISABLED; omitted or null: unchanged.',
      ),
    }),
    targets: t.field({
      type: JobTargetsInput,
      required: false,
      description: d(
        'The assets to target; at least one asset or tag.',
        'Target changes; fields given replace.',
      ),
    }),
    patches: t.field({
      type: PatchSelectionInput,
      required: false,
      description: d(
        'Where the patches come from: one of patch ids, a patch QQL or a linked job.',
        'A new patch selection, replacing the current one; omitted or null: unchanged.',
      ),
    }),
    schedule: t.field({
      type: JobScheduleInput,
      required: false,
      description: d(
        'When the job runs. Default: on demand.',
        'Schedule changes: with `type`, a new schedule; without, only the fields given change.',
      ),
    }),
    preDeploymentMessage: t.field({
      type: UserMessageInput,
      required: false,
      description: d(
        'The message shown before deployment (Qualys `preDeployment`). Default empty.',
        'A new pre-deployment message; null resets it to empty.',
      ),
    }),
    deferment: t.field({
      type: DefermentInput,
      required: false,
      description: d(
        'How the user may postpone the deployment (Qualys `preDeployment.deferment`). Default 3 x 1 hour.',
        'A new deferment; null resets it to 3 x 1 hour.',
      ),
    }),
    duringDeploymentMessage: t.field({
      type: UserMessageInput,
      required: false,
      description: d(
        'The message shown while deploying (Qualys `duringDeployment`). Default empty.',
        'A new during-deployment message; null resets it to empty.',
      ),
    }),
    rebootSettings: t.field({
      type: RebootSettingsInput,
      required: false,
      description: d(
        'Reboot behaviour after deployment. Default: Qualys sample values.',
        'Reboot changes (fields given change); null resets all reboot settings to the defaults.',
      ),
    }),
    completionMessage: t.field({
      type: UserMessageInput,
      required: false,
      description: d(
        'The message shown when deployment completes (Qualys `postDeployment.onComplete`). Default empty.',
        'A new completion message; null resets it to empty.',
      ),
    }),
    alwaysShowCompletedPrompt: t.boolean({
      required: false,
      description: d(
        'Windows only: always show the completion prompt (Qualys `alwaysShowCompletedPrompt`). Default false.',
        'Windows only; omitted or null: unchanged.',
      ),
    }),
    updatePackageCache: t.boolean({
      required: false,
      description: d(
        'Linux only: update the package cache before deploying (the MakeCache pre-action, release 3.5). Default false.',
        'Linux only: add (true) or remove (false) the MakeCache pre-action; other pre-actions are kept.',
      ),
    }),
    reattemptFailedPatches: t.field({
      type: ReattemptInput,
      required: false,
      description: d(
        'Windows only: reattempt failed patches (release 3.5). Default: off.',
        'Windows only: new reattempt settings; null turns reattempts off.',
      ),
    }),
    downloadRandomization: t.field({
      type: DurationInput,
      required: false,
      description: d(
        `Agents start downloading at a random time within this window, at most ${JOB_LIMITS.downloadRandomization.HOURS.max} hours (release 3.12). Default: off.`,
        'A new download randomisation window; null turns it off.',
      ),
    }),
    timeout: t.field({
      type: DurationInput,
      required: false,
      description: d(
        'How long a run may take: 1-168 hours or 1-10,080 minutes (Qualys `timeout`). Default: no limit.',
        'A new timeout; null removes it.',
      ),
    }),
    opportunisticDownloads: t.boolean({
      required: false,
      description: d(
        'Windows only: agents may download patches ahead of the run. Default false.',
        'Windows only; omitted or null: unchanged.',
      ),
    }),
    minimizeWindow: t.boolean({
      required: false,
      description: d(
        'Windows only: user prompts open minimised. Default false.',
        'Windows only; omitted or null: unchanged.',
      ),
    }),
    continueOnPatchFailure: t.boolean({
      required: false,
      description: d(
        'Linux only: a failed patch does not stop the others. Default false.',
        'Linux only; omitted or null: unchanged.',
      ),
    }),
    coAuthorIds: t.idList({
      required: false,
      description: d(
        `User UUIDs who may edit the job besides you, at most ${JOB_LIMITS.maxCoAuthors} (release 3.12). Default: none.`,
        `The new co-authors (replacing the current ones), at most ${JOB_LIMITS.maxCoAuthors}; null: unchanged.`,
      ),
      validate: idListSchema(MAX_CO_AUTHOR_IDS_INPUT),
    }),
    notification: t.field({
      type: NotificationInput,
      required: false,
      description: d(
        'E-mail notifications. Default: none.',
        'Notification changes on top of the current ones; null removes notifications.',
      ),
    }),
  };
}
