/**
 * The payloads of the job mutations: the data behind them (the job as Qualys answered it, primed
 * into the request's loaders, and the user errors) and the one definition of the four
 * `Create/Update…JobPayload` types.
 */
import { builder, type GatewayContext } from '../../builder.js';
import type { QualysDeploymentJob } from '../../qualys/schemas/index.js';
import { qualysPlatform } from '../../qualys/vocabulary.js';
import type { JobParent, PatchJob } from '../support/refs.js';
import { cost, payloadJob } from '../support/upstream-cost.js';
import { UserError, type UserErrorParent } from './user-error.js';

/** The data behind the job payloads (`CreatePatchJobPayload`, ...). */
export interface JobPayloadParent {
  /** The job as Qualys answered it; null when nothing was created or updated. */
  readonly job: JobParent | null;
  readonly userErrors: readonly UserErrorParent[];
  /** True when the answer is the stored outcome of an earlier request with the same idempotency key. */
  readonly replayed: boolean;
}

/** A payload with user errors only. */
export function failedPayload(userErrors: readonly UserErrorParent[]): JobPayloadParent {
  return { job: null, userErrors, replayed: false };
}

/**
 * The job parent of a job Qualys answered (create/update), primed into the request's loader so
 * fields read from it cost no call and a later `patchJob(id)` in the same request sees it.
 */
export function answeredJob(
  ctx: GatewayContext,
  kind: JobParent['kind'],
  job: QualysDeploymentJob,
): JobParent {
  const loader = kind === 'MITIGATION' ? ctx.loaders.mitigationJobsById : ctx.loaders.patchJobsById;
  loader.clear(job.id).prime(job.id, job);
  return { kind, id: job.id, platform: qualysPlatform(job.platform), full: job };
}

/** What a payload type is for. */
export interface JobPayloadOptions {
  /** The GraphQL type name, e.g. `CreatePatchJobPayload`. */
  name: string;
  /** The mutation that answers it, e.g. `createPatchJob`. */
  mutation: string;
  /** The job type of its `job` field (`PatchJob` or `MitigationJob`; both are job-parent refs). */
  job: typeof PatchJob;
  /** `create` adds `replayed` (idempotency); `update` documents `NOT_FOUND`. */
  kind: 'create' | 'update';
}

/** Defines and implements one job mutation payload type; returns its ref. */
export function defineJobPayload({ name, mutation, job, kind }: JobPayloadOptions) {
  const ref = builder.objectRef<JobPayloadParent>(name);
  const creates = kind === 'create';
  ref.implement({
    description: creates
      ? `The answer of \`${mutation}\`: the job Qualys created, or why none was.`
      : `The answer of \`${mutation}\`: the job as Qualys answered the update, or why it was not updated.`,
    fields: (t) => ({
      job: t.field({
        ...cost({ rule: payloadJob }),
        type: job,
        nullable: true,
        description: `The job as Qualys answered the ${kind} (the job itself costs no further call); null when \`userErrors\` is not empty.`,
        resolve: (p) => p.job,
      }),
      userErrors: t.field({
        type: [UserError],
        nullable: false,
        description: creates
          ? "What prevented the create: broken rules (nothing sent) or Qualys' rejection. Empty on success."
          : "What prevented the update: broken rules (nothing written), an unknown job (`NOT_FOUND`), or Qualys' " +
            'rejection. Empty on success.',
        resolve: (p) => [...p.userErrors],
      }),
      ...(creates
        ? {
            replayed: t.boolean({
              nullable: false,
              description:
                'True when this answer is the stored outcome of an earlier request with the same `idempotencyKey` and ' +
                'input: no job was created by this request.',
              resolve: (p) => p.replayed,
            }),
          }
        : {}),
    }),
  });
  return ref;
}
