/**
 * `CreatePatchJobInput`, `CreatePatchJobPayload` and `Mutation.createPatchJob`: create a patch
 * deployment job from a person-friendly input (`POST /pm/v2/deploymentjob`, seed 003; v1 reached
 * end of life in August 2026).
 */
import type { InputFieldBuilder } from '@pothos/core';
import { builder } from '../../builder.js';
import { buildPatchJobWireBody, JOB_LIMITS, validatePatchJobSpec } from '../../jobs/index.js';
import { JobConfigStatus } from '../jobs/job-config-status.js';
import { JobType, Platform } from '../support/enums.js';
import { PatchJob } from '../support/refs.js';
import { cost, oneCall } from '../support/upstream-cost.js';
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
import { createJob, failedPayload, idempotencyKeySchema } from './job-mutation-support.js';
import { defineJobPayload } from './job-payload.js';
import { userErrorsFromIssues } from './user-error.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

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

/** `CreatePatchJobInput`. */
export const CreatePatchJobInput = builder.inputType('CreatePatchJobInput', {
  description:
    'A new patch deployment job in your terms; the gateway builds the full Qualys v2 body and fills everything ' +
    "not given with the values Qualys' own samples use. Every documented rule is checked first: broken rules come " +
    'back as `userErrors` and nothing is sent.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The job name (Qualys `name`); not blank.' }),
    platform: t.field({
      type: Platform,
      required: true,
      description: 'WINDOWS or LINUX: the platform of the job, its patches and assets.',
    }),
    ...patchJobSettingFields(t, 'create'),
  }),
});

/** `CreatePatchJobPayload`. */
export const CreatePatchJobPayload = defineJobPayload({
  name: 'CreatePatchJobPayload',
  mutation: 'createPatchJob',
  job: PatchJob,
  kind: 'create',
});

builder.mutationField('createPatchJob', (t) =>
  t.field({
    ...cost({ rule: oneCall }),
    type: CreatePatchJobPayload,
    nullable: true,
    description:
      'Creates a patch deployment job (`POST /pm/v2/deploymentjob`). Invalid input answers `userErrors` and makes no ' +
      'upstream call. Sent at most once: never retried; with an `idempotencyKey`, a repeated request returns the ' +
      'first outcome instead of creating a second job. Failures without an answer from Qualys (timeout, network, ' +
      '5xx) are errors with their `QUALYS_*` code: the job may exist, check before creating it again.',
    args: {
      input: t.arg({ type: CreatePatchJobInput, required: true, description: 'The job to create.' }),
      idempotencyKey: t.arg.string({
        required: false,
        description:
          'A key of yours (1-255 visible ASCII characters, e.g. a UUID) that makes retries safe: the same key with ' +
          'the same input within 24 hours returns the first outcome without creating a second job.',
        validate: idempotencyKeySchema,
      }),
    },
    resolve: async (_root, args, ctx) => {
      const validated = validatePatchJobSpec(args.input);
      if (!validated.ok) return failedPayload(userErrorsFromIssues(validated.issues));
      const body = buildPatchJobWireBody(validated.spec);
      return createJob(ctx, {
        kind: 'PATCH',
        operation: 'createPatchJob',
        idempotencyKey: args.idempotencyKey,
        normalisedInput: validated.spec,
        send: () => ctx.qualys.createPatchJob(body),
      });
    },
  }),
);
