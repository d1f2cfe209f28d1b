/**
 * `UpdatePatchJobInput`, `UpdatePatchJobPayload` and `Mutation.updatePatchJob`: change some
 * settings of a patch deployment job. Qualys' update takes the whole job (docs/qualys-api.md §7.3), so
 * the gateway reads the current job, merges the input, checks the merged job, and sends the full
 * body (`PATCH /pm/v2/deploymentjob/update/{id}`, seed 003).
 */
import { builder } from '../../builder.js';
import {
  checkPatchJobSpec,
  mergePatchJobIntoWire,
  mergePatchJobSpec,
  specFromPatchJobWire,
  validatePatchJobUpdateSpec,
} from '../../jobs/index.js';
import { PatchJob } from '../support/refs.js';
import { callsPerParent, cost } from '../support/upstream-cost.js';
import { qualysIdSchema } from '../support/validation.js';
import { readCurrentJob } from './current-job.js';
import { patchJobSettingFields } from './patch-job-fields.js';
import { answeredJob, defineJobPayload, failedPayload } from './payload.js';
import { isNotFound, rejectionUserError, type UserErrorParent, userErrorsFromIssues } from './user-error.js';

/** `UpdatePatchJobInput`. */
export const UpdatePatchJobInput = builder.inputType('UpdatePatchJobInput', {
  description:
    'The settings to change; everything omitted stays as it is (the platform cannot change). Lists replace the ' +
    'current list; `targets`, `rebootSettings` and `notification` change field by field; `patches` replaces the ' +
    'patch selection; a `schedule` with `type` replaces the schedule. `null` leaves names, enums, booleans and ' +
    'lists unchanged and resets optional settings (messages, deferment, reattempts, durations, notification) to ' +
    'their defaults. The merged job is checked against every rule before it is sent.',
  fields: (t) => ({
    name: t.string({ required: false, description: 'A new name; omitted or null: unchanged.' }),
    ...patchJobSettingFields(t, 'update'),
  }),
});

/** `UpdatePatchJobPayload`. */
export const UpdatePatchJobPayload = defineJobPayload({
  name: 'UpdatePatchJobPayload',
  mutation: 'updatePatchJob',
  job: PatchJob,
  kind: 'update',
});

const NOT_FOUND: UserErrorParent = {
  field: ['id'],
  code: 'NOT_FOUND',
  message: 'Qualys has no patch job with this id.',
  qualysErrorCode: null,
};

builder.mutationField('updatePatchJob', (t) =>
  t.field({
    ...cost({ rule: callsPerParent(2) }),
    type: UpdatePatchJobPayload,
    nullable: true,
    description:
      'Changes settings of a patch deployment job: reads it (`GET /pm/v1/deploymentjob/{id}`), merges the input, ' +
      'checks the result and sends the full job (`PATCH /pm/v2/deploymentjob/update/{id}`); fields not asked for ' +
      'keep their current values. Input that breaks a rule on its own answers `userErrors` with no upstream call; ' +
      'a merged job that breaks one costs the read only. Never retried.',
    args: {
      id: t.arg.id({ required: true, description: 'The deployment job UUID.', validate: qualysIdSchema }),
      input: t.arg({ type: UpdatePatchJobInput, required: true, description: 'The settings to change.' }),
    },
    resolve: async (_root, args, ctx) => {
      const update = validatePatchJobUpdateSpec(args.input);
      if (!update.ok) return failedPayload(userErrorsFromIssues(update.issues));
      let wire: Awaited<ReturnType<typeof ctx.qualys.getDeploymentJobWire>>;
      try {
        wire = await ctx.qualys.getDeploymentJobWire(args.id);
      } catch (error) {
        if (isNotFound(error)) return failedPayload([NOT_FOUND]);
        throw error;
      }
      const merged = mergePatchJobSpec(
        readCurrentJob(() => specFromPatchJobWire(wire), 'GET /pm/v1/deploymentjob/{id}'),
        update.spec,
      );
      const issues = checkPatchJobSpec(merged);
      if (issues.length > 0) return failedPayload(userErrorsFromIssues(issues));
      try {
        const job = await ctx.qualys.updatePatchJob(args.id, mergePatchJobIntoWire(wire, merged));
        return { job: answeredJob(ctx, 'PATCH', job), userErrors: [], replayed: false };
      } catch (error) {
        if (isNotFound(error)) return failedPayload([NOT_FOUND]);
        const rejection = rejectionUserError(error);
        if (rejection) return failedPayload([rejection]);
        throw error;
      }
    },
  }),
);
