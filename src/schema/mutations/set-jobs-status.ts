/**
 * `SetJobsStatusPayload`, `Mutation.setPatchJobsStatus` and `Mutation.setMitigationJobsStatus`:
 * enable or disable jobs in bulk (`POST /pm/v1/deploymentjobs/update/status/{Enabled|Disabled}`,
 * `POST /mtg/v1/deploymentjobs/update/status/{Enabled|Disabled}`; QUALYS-API.md §7.5, §12.3).
 */
import { builder, type GatewayContext } from '../../builder.js';
import type { QualysBulkJobResult } from '../../qualys/api.js';
import { CONFIG_STATUS_WIRE } from '../../qualys/vocabulary.js';
import { JobConfigStatus } from '../jobs/job-config-status.js';
import { cost, oneCall } from '../support/upstream-cost.js';
import { bulkResultsFor, JobBulkResult, type JobBulkResultParent } from './job-bulk-result.js';
import { bulkJobIdsSchema } from './job-mutation-support.js';
import { rejectionUserError, UserError, type UserErrorParent } from './user-error.js';

/** The data behind the bulk payloads. */
export interface BulkPayloadParent {
  readonly results: readonly JobBulkResultParent[];
  readonly userErrors: readonly UserErrorParent[];
}

/** `SetJobsStatusPayload`. */
export const SetJobsStatusPayload = builder.objectRef<BulkPayloadParent>('SetJobsStatusPayload');

SetJobsStatusPayload.implement({
  description:
    'The answer of `setPatchJobsStatus` / `setMitigationJobsStatus`: one result per job asked (Qualys answers HTTP ' +
    '200 even when some jobs fail).',
  fields: (t) => ({
    results: t.field({
      type: [JobBulkResult],
      nullable: false,
      description: 'One result per id asked, in the order asked; empty when the whole call was rejected.',
      resolve: (p) => [...p.results],
    }),
    userErrors: t.field({
      type: [UserError],
      nullable: false,
      description: 'Why Qualys rejected the whole call (`QUALYS_REJECTED`); empty otherwise.',
      resolve: (p) => [...p.userErrors],
    }),
  }),
});

/**
 * Runs one bulk call (sent once, never retried), answering per-item results; a rejection of the
 * whole call is a user error. The request's cached jobs for these ids are dropped, so a later
 * read in the same request sees the new state.
 * @throws QualysError for failures without a definite answer (timeout, network, 5xx, credentials).
 */
export async function runBulk(
  ctx: GatewayContext,
  ids: readonly string[],
  loader: 'patchJobsById' | 'mitigationJobsById',
  call: () => Promise<QualysBulkJobResult[]>,
): Promise<BulkPayloadParent> {
  try {
    const results = await call();
    for (const id of ids) ctx.loaders[loader].clear(id);
    return { results: bulkResultsFor(ids, results), userErrors: [] };
  } catch (error) {
    const rejection = rejectionUserError(error);
    if (rejection) return { results: [], userErrors: [rejection] };
    throw error;
  }
}

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
