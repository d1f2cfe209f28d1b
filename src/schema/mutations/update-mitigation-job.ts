/**
 * `UpdateMitigationJobInput`, `UpdateMitigationJobPayload` and `Mutation.updateMitigationJob`:
 * change some settings of a mitigation job (read, merge, check, `PATCH /mtg/v2/deploymentjob/{id}`).
 */
import { builder } from '../../builder.js';
import {
  checkMitigationJobSpec,
  mergeMitigationJobIntoWire,
  mergeMitigationJobSpec,
  specFromMitigationJobWire,
  validateMitigationJobUpdateSpec,
} from '../../jobs/index.js';
import { MitigationJob } from '../support/refs.js';
import { callsPerParent, cost } from '../support/upstream-cost.js';
import { qualysIdSchema } from '../support/validation.js';
import { readCurrentJob } from './current-job.js';
import { mitigationJobSettingFields } from './mitigation-job-fields.js';
import { answeredJob, defineJobPayload, failedPayload } from './payload.js';
import { isNotFound, rejectionUserError, type UserErrorParent, userErrorsFromIssues } from './user-error.js';

/** `UpdateMitigationJobInput`. */
export const UpdateMitigationJobInput = builder.inputType('UpdateMitigationJobInput', {
  description:
    'The settings to change; everything omitted stays as it is (the platform cannot change). Lists replace the ' +
    'current list; `targets` and `notification` change field by field; a `schedule` with `type` replaces the ' +
    'schedule. The merged job is checked against every rule before it is sent.',
  fields: (t) => ({
    name: t.string({ required: false, description: 'A new name; omitted or null: unchanged.' }),
    ...mitigationJobSettingFields(t, 'update'),
  }),
});

/** `UpdateMitigationJobPayload`. */
export const UpdateMitigationJobPayload = defineJobPayload({
  name: 'UpdateMitigationJobPayload',
  mutation: 'updateMitigationJob',
  job: MitigationJob,
  kind: 'update',
});

const NOT_FOUND: UserErrorParent = {
  field: ['id'],
  code: 'NOT_FOUND',
  message: 'Qualys has no mitigation job with this id.',
  qualysErrorCode: null,
};

builder.mutationField('updateMitigationJob', (t) =>
  t.field({
    ...cost({ rule: callsPerParent(2) }),
    type: UpdateMitigationJobPayload,
    nullable: true,
    description:
      'Changes settings of a mitigation job: reads it (`GET /mtg/v1/deploymentjob/{id}`), merges the input, checks ' +
      'the result and sends the full job with its QIDs (`PATCH /mtg/v2/deploymentjob/{id}`). Input that breaks a ' +
      'rule on its own answers `userErrors` with no upstream call. Never retried.',
    args: {
      id: t.arg.id({ required: true, description: 'The mitigation job UUID.', validate: qualysIdSchema }),
      input: t.arg({
        type: UpdateMitigationJobInput,
        required: true,
        description: 'The settings to change.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const update = validateMitigationJobUpdateSpec(args.input);
      if (!update.ok) return failedPayload(userErrorsFromIssues(update.issues));
      let wire: Awaited<ReturnType<typeof ctx.qualys.getMitigationJobWire>>;
      try {
        wire = await ctx.qualys.getMitigationJobWire(args.id);
      } catch (error) {
        if (isNotFound(error)) return failedPayload([NOT_FOUND]);
        throw error;
      }
      const merged = mergeMitigationJobSpec(
        readCurrentJob(() => specFromMitigationJobWire(wire), 'GET /mtg/v1/deploymentjob/{id}'),
        update.spec,
      );
      const issues = checkMitigationJobSpec(merged);
      if (issues.length > 0) return failedPayload(userErrorsFromIssues(issues));
      try {
        const job = await ctx.qualys.updateMitigationJob(args.id, mergeMitigationJobIntoWire(wire, merged));
        return { job: answeredJob(ctx, 'MITIGATION', job), userErrors: [], replayed: false };
      } catch (error) {
        if (isNotFound(error)) return failedPayload([NOT_FOUND]);
        const rejection = rejectionUserError(error);
        if (rejection) return failedPayload([rejection]);
        throw error;
      }
    },
  }),
);
