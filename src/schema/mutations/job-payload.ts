/**
 * The payload types of the job create/update mutations (`CreatePatchJobPayload`,
 * `UpdatePatchJobPayload`, `CreateMitigationJobPayload`, `UpdateMitigationJobPayload`): the job
 * as Qualys answered, `userErrors`, and for creates `replayed`. One definition, four types.
 */
import { builder } from '../../builder.js';
import type { PatchJob } from '../support/refs.js';
import { cost, payloadJob } from '../support/upstream-cost.js';
import type { JobPayloadParent } from './job-mutation-support.js';
import { UserError } from './user-error.js';

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
