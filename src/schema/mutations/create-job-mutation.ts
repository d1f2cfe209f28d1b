/**
 * The one definition of the create mutations (`createPatchJob`, `createMitigationJob`): the
 * input checked against every documented rule (broken rules are `userErrors`, zero calls), the
 * v2 body built from the spec, and the create sent at most once per `idempotencyKey`
 * (`./idempotent-create.ts`).
 */
import type { InputObjectRef } from '@pothos/core';
import { builder, type GatewayContext } from '../../builder.js';
import type { JobSpecValidation } from '../../jobs/index.js';
import type { CallOptions, QualysWireObject } from '../../qualys/api.js';
import type { QualysDeploymentJob } from '../../qualys/schemas/index.js';
import type { JobKind } from '../../qualys/vocabulary.js';
import { cost, oneCall } from '../support/upstream-cost.js';
import { idempotencyKeySchema } from './arguments.js';
import { createJob } from './idempotent-create.js';
import { type defineJobPayload, failedPayload, type JobPayloadParent } from './payload.js';
import { userErrorsFromIssues } from './user-error.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** What makes one create mutation. */
export interface CreateJobMutation<Input, Spec> {
  /** The mutation field, also the idempotency key's scope: `createPatchJob`. */
  readonly name: 'createPatchJob' | 'createMitigationJob';
  readonly kind: JobKind;
  /** The GraphQL description of the mutation field. */
  readonly description: string;
  readonly input: InputObjectRef<Types, Input>;
  /** The payload type, from `defineJobPayload`. */
  readonly payload: ReturnType<typeof defineJobPayload>;
  /** Checks the input against the rules: the normalised spec, or the broken rules. */
  readonly validate: (input: Input) => JobSpecValidation<Spec>;
  /** The v2 create body of a valid spec. */
  readonly build: (spec: Spec) => QualysWireObject;
  /** The one upstream call; `options` go to the client's create method. */
  readonly send: (
    ctx: GatewayContext,
    body: QualysWireObject,
    options: CallOptions,
  ) => Promise<QualysDeploymentJob>;
}

/** Registers the create mutation `definition.name` on the schema builder. */
export function defineCreateJobMutation<Input, Spec>(definition: CreateJobMutation<Input, Spec>): void {
  builder.mutationField(definition.name, (t) =>
    t.field({
      ...cost({ rule: oneCall }),
      type: definition.payload,
      nullable: true,
      description: definition.description,
      args: {
        input: t.arg({ type: definition.input, required: true, description: 'The job to create.' }),
        idempotencyKey: t.arg.string({
          required: false,
          description:
            'A key of yours (1-255 visible ASCII characters, e.g. a UUID) that makes retries safe: the same key with ' +
            'the same input within 24 hours returns the first outcome without creating a second job.',
          validate: idempotencyKeySchema,
        }),
      },
      resolve: async (_root, rawArgs, ctx): Promise<JobPayloadParent> => {
        // Pothos cannot infer arguments from a generic input ref: their shape is the one declared above.
        const args = rawArgs as unknown as { input: Input; idempotencyKey?: string | null };
        const validated = definition.validate(args.input);
        if (!validated.ok) return failedPayload(userErrorsFromIssues(validated.issues));
        const body = definition.build(validated.spec);
        return createJob(ctx, {
          kind: definition.kind,
          operation: definition.name,
          idempotencyKey: args.idempotencyKey,
          normalisedInput: validated.spec,
          send: (options) => definition.send(ctx, body, options),
        });
      },
    }),
  );
}
