/**
 * `DeletePatchJobsPayload` and `Mutation.deletePatchJobs`: delete patch deployment jobs in bulk
 * (`DELETE /pm/v1/deploymentjobs` with body `{"ids":[...]}`; docs/qualys-api.md §7.6).
 */
import { builder } from '../../builder.js';
import { cost, oneCall } from '../support/upstream-cost.js';
import { bulkJobIdsSchema } from './arguments.js';
import { defineBulkPayload, runBulk } from './bulk.js';

/** `DeletePatchJobsPayload`. */
export const DeletePatchJobsPayload = defineBulkPayload(
  'DeletePatchJobsPayload',
  'The answer of `deletePatchJobs`: one result per job asked (Qualys answers HTTP 200 even when some jobs fail).',
);

builder.mutationField('deletePatchJobs', (t) =>
  t.field({
    ...cost({ rule: oneCall }),
    type: DeletePatchJobsPayload,
    nullable: true,
    description:
      'Deletes patch deployment jobs (`DELETE /pm/v1/deploymentjobs`): one result per job, e.g. a failure for an ' +
      'unknown id. Never retried.',
    args: {
      ids: t.arg.idList({
        required: true,
        description: 'The deployment job UUIDs, 1-1,000 per call.',
        validate: bulkJobIdsSchema,
      }),
    },
    resolve: (_root, args, ctx) =>
      runBulk(ctx, args.ids, 'patchJobsById', () => ctx.qualys.deletePatchJobs(args.ids)),
  }),
);
