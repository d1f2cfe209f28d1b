/**
 * The one definition of the update mutations (`updatePatchJob`, `updateMitigationJob`). Qualys'
 * update takes the whole job (docs/qualys-api.md §7.3, §12.2), so each reads the current job,
 * merges the input into it, checks the merged job against every rule, and sends the full body:
 * input that breaks a rule on its own answers `userErrors` with no upstream call, a merged job
 * that breaks one costs the read only. Never retried.
 */
import type { InputObjectRef } from '@pothos/core';
import { builder, type GatewayContext } from '../../builder.js';
import type { JobSpecIssue, JobSpecValidation } from '../../jobs/index.js';
import type { QualysWireObject } from '../../qualys/api.js';
import type { QualysDeploymentJob } from '../../qualys/schemas/index.js';
import type { JobKind } from '../../qualys/vocabulary.js';
import { callsPerParent, cost } from '../support/upstream-cost.js';
import { qualysIdSchema } from '../support/validation.js';
import { readCurrentJob } from './current-job.js';
import { answeredJob, type defineJobPayload, failedPayload, type JobPayloadParent } from './payload.js';
import { isNotFound, rejectionUserError, type UserErrorParent, userErrorsFromIssues } from './user-error.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** What makes one update mutation. */
export interface UpdateJobMutation<Input, Update, Spec> {
  /** The mutation field: `updatePatchJob`. */
  readonly name: 'updatePatchJob' | 'updateMitigationJob';
  readonly kind: JobKind;
  /** The GraphQL description of the mutation field. */
  readonly description: string;
  /** The description of the `id` argument. */
  readonly idDescription: string;
  readonly input: InputObjectRef<Types, Input>;
  /** The payload type, from `defineJobPayload`. */
  readonly payload: ReturnType<typeof defineJobPayload>;
  /** The `NOT_FOUND` user error's message: Qualys has no such job. */
  readonly notFoundMessage: string;
  /** The endpoint template of the read, for the error of an unreadable job. */
  readonly readEndpoint: string;
  /** Checks the input on its own. */
  readonly validate: (input: Input) => JobSpecValidation<Update>;
  /** Reads the current job (as Qualys sent it, not normalised). */
  readonly read: (ctx: GatewayContext, id: string) => Promise<QualysWireObject>;
  /** The spec of the job Qualys sent. */
  readonly specOf: (wire: QualysWireObject) => Spec;
  /** The current spec with the update applied. */
  readonly merge: (current: Spec, update: Update) => Spec;
  /** The rules the merged job breaks. */
  readonly check: (spec: Spec) => readonly JobSpecIssue[];
  /** The full body: the job Qualys sent with the merged spec's changes. */
  readonly body: (wire: QualysWireObject, spec: Spec) => QualysWireObject;
  /** The one write. */
  readonly send: (ctx: GatewayContext, id: string, body: QualysWireObject) => Promise<QualysDeploymentJob>;
}

/** Registers the update mutation `definition.name` on the schema builder. */
export function defineUpdateJobMutation<Input, Update, Spec>(
  definition: UpdateJobMutation<Input, Update, Spec>,
): void {
  const notFound: UserErrorParent = {
    field: ['id'],
    code: 'NOT_FOUND',
    message: definition.notFoundMessage,
    qualysErrorCode: null,
  };
  builder.mutationField(definition.name, (t) =>
    t.field({
      ...cost({ rule: callsPerParent(2) }),
      type: definition.payload,
      nullable: true,
      description: definition.description,
      args: {
        id: t.arg.id({ required: true, description: definition.idDescription, validate: qualysIdSchema }),
        input: t.arg({ type: definition.input, required: true, description: 'The settings to change.' }),
      },
      resolve: async (_root, rawArgs, ctx): Promise<JobPayloadParent> => {
        // Pothos cannot infer arguments from a generic input ref: their shape is the one declared above.
        const args = rawArgs as unknown as { id: string; input: Input };
        const update = definition.validate(args.input);
        if (!update.ok) return failedPayload(userErrorsFromIssues(update.issues));
        let wire: QualysWireObject;
        try {
          wire = await definition.read(ctx, args.id);
        } catch (error) {
          if (isNotFound(error)) return failedPayload([notFound]);
          throw error;
        }
        const merged = definition.merge(
          readCurrentJob(() => definition.specOf(wire), definition.readEndpoint),
          update.spec,
        );
        const issues = definition.check(merged);
        if (issues.length > 0) return failedPayload(userErrorsFromIssues(issues));
        try {
          const job = await definition.send(ctx, args.id, definition.body(wire, merged));
          return { job: answeredJob(ctx, definition.kind, job), userErrors: [], replayed: false };
        } catch (error) {
          if (isNotFound(error)) return failedPayload([notFound]);
          const rejection = rejectionUserError(error);
          if (rejection) return failedPayload([rejection]);
          throw error;
        }
      },
    }),
  );
}
