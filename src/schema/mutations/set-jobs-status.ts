/**
 * `SetJobsStatusPayload`, `Mutation.setPatchJobsStatus` and `Mutation.setMitigationJobsStatus`:
 * enable or disable jobs in bulk (`POST /pm/v1/deploymentjobs/update/status/{Enabled|Disabled}`,
 * `POST /mtg/v1/deploymentjobs/update/status/{Enabled|Disabled}`; docs/qualys-api.md §7.5, §12.3).
 */
import { builder } from '../../builder.js';
import { CONFIG_STATUS_WIRE } from '../../qualys/vocabulary.js';
import { JobConfigStatus } from '../jobs/job-config-status.js';
import { cost, oneCall } from '../support/upstream-cost.js';
import { bulkJobIdsSchema } from './arguments.js';
import { defineBulkPayload, runBulk } from './bulk.js';

/** `SetJobsStatusPayload`. */
export const SetJobsStatusPayload = defineBulkPayload(
  'SetJobsStatusPayload',
  'The answer of `setPatchJobsStatus` / `setMitigationJobsStatus`: one result per job asked (Qualys answers HTTP ' +
    '200 even when some jobs fail).',
);

builder.mutationFields((t) => {
  const args = (what: string) => ({
    ids: t.arg.idList({
      required: true,
      description: `The ${what} UUIDs, 1-1,000 per call.`,
      validate: bulkJobIdsSchema,
    }),
    status: t.arg({
      type: JobConfigStatus,
      required: true,
      description: 'ENABLED or DISABLED.',
    }),
  });
  return {
    setPatchJobsStatus: t.field({
      ...cost({ rule: oneCall }),
      type: SetJobsStatusPayload,
      nullable: true,
      description:
        'Enables or disables patch deployment jobs (`POST /pm/v1/deploymentjobs/update/status/{Enabled|Disabled}`): ' +
        'one result per job; e.g. a non-recurring job cannot be disabled once enabled. Never retried.',
      args: args('deployment job'),
      resolve: (_root, a, ctx) =>
        runBulk(ctx, a.ids, 'patchJobsById', () =>
          ctx.qualys.setPatchJobsStatus(CONFIG_STATUS_WIRE[a.status], a.ids),
        ),
    }),
    setMitigationJobsStatus: t.field({
      ...cost({ rule: oneCall }),
      type: SetJobsStatusPayload,
      nullable: true,
      description:
        'Enables or disables mitigation jobs (`POST /mtg/v1/deploymentjobs/update/status/{Enabled|Disabled}`): one ' +
        'result per job; a non-recurring job cannot be disabled once enabled (Qualys rule). Never retried.',
      args: args('mitigation job'),
      resolve: (_root, a, ctx) =>
        runBulk(ctx, a.ids, 'mitigationJobsById', () =>
          ctx.qualys.setMitigationJobsStatus(CONFIG_STATUS_WIRE[a.status], a.ids),
        ),
    }),
  };
});
