/**
 * What the bulk job mutations share (enable, disable, delete): `JobBulkResult`, one job's
 * outcome (Qualys answers these calls with HTTP 200 and a success or failure per job,
 * docs/qualys-api.md §5, §7.5, §7.6, §12.3), the payload data, and running one bulk call.
 */
import { builder, type GatewayContext } from '../../builder.js';
import type { QualysBulkJobResult } from '../../qualys/api.js';
import { rejectionUserError, UserError, type UserErrorParent } from './user-error.js';

/** The data behind a `JobBulkResult`. */
export interface JobBulkResultParent {
  readonly id: string;
  readonly name: string | null;
  readonly success: boolean;
  readonly message: string | null;
}

/** `JobBulkResult`. */
export const JobBulkResult = builder.objectRef<JobBulkResultParent>('JobBulkResult');

JobBulkResult.implement({
  description:
    'What happened to one job of a bulk call. Qualys answers bulk calls with HTTP 200 even when some jobs fail, ' +
    'so check `success` per job.',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false, description: 'The job UUID, as asked.' }),
    name: t.exposeString('name', {
      nullable: true,
      description: 'The job name, when Qualys sends it; null otherwise.',
    }),
    success: t.exposeBoolean('success', {
      nullable: false,
      description: 'True when Qualys did it (Qualys per-item `status` "success").',
    }),
    message: t.exposeString('message', {
      nullable: true,
      description:
        'Qualys\' reason for a failure (e.g. "Non-recurring jobs cannot be disabled once enabled by user"); null on ' +
        'success.',
    }),
  }),
});

/**
 * One result per asked id, in the order asked (an id asked twice answers twice): Qualys' item for
 * it, or a failure when Qualys' answer does not mention it.
 */
export function bulkResultsFor(
  ids: readonly string[],
  results: readonly QualysBulkJobResult[],
): JobBulkResultParent[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r)
      return { id, name: null, success: false, message: 'Qualys did not report a result for this job.' };
    return {
      id,
      name: r.name,
      success: r.success,
      message: r.success ? null : (r.error ?? 'Qualys reported a failure.'),
    };
  });
}

/** The data behind the bulk payloads. */
export interface BulkPayloadParent {
  readonly results: readonly JobBulkResultParent[];
  readonly userErrors: readonly UserErrorParent[];
}

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

/** Defines one bulk payload type (`SetJobsStatusPayload`, `DeletePatchJobsPayload`): results and user errors. */
export function defineBulkPayload(name: string, description: string) {
  const ref = builder.objectRef<BulkPayloadParent>(name);
  ref.implement({
    description,
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
  return ref;
}
