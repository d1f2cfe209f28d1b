/**
 * `CreateMitigationJobInput`, `CreateMitigationJobPayload` and `Mutation.createMitigationJob`:
 * create a mitigation (TruRisk Mitigate) job for QIDs (`POST /mtg/v2/deploymentjob`, seed 003;
 * v1 reached end of life in July 2026).
 */
import type { InputFieldBuilder } from '@pothos/core';
import { z } from 'zod';
import { builder } from '../../builder.js';
import { buildMitigationJobWireBody, JOB_LIMITS, validateMitigationJobSpec } from '../../jobs/index.js';
import { JobConfigStatus } from '../jobs/job-config-status.js';
import { Platform } from '../support/enums.js';
import { MitigationJob } from '../support/refs.js';
import { cost, oneCall } from '../support/upstream-cost.js';
import {
  idListSchema,
  JobTargetsInput,
  MAX_CO_AUTHOR_IDS_INPUT,
  MAX_JOB_INPUT_VALUES,
  MitigationJobScheduleInput,
  NotificationInput,
} from './job-inputs.js';
import { createJob, failedPayload, idempotencyKeySchema } from './job-mutation-support.js';
import { defineJobPayload } from './job-payload.js';
import { userErrorsFromIssues } from './user-error.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The settings fields of the mitigation job inputs, shared by create and update. */
export function mitigationJobSettingFields(
  t: InputFieldBuilder<Types, 'InputObject'>,
  mode: 'create' | 'update',
) {
  const d = (create: string, update: string) => (mode === 'create' ? create : update);
  return {
    description: t.string({
      required: false,
      description: d(
        'A description (Qualys `description`). Default empty.',
        'A new description; null clears it.',
      ),
    }),
    status: t.field({
      type: JobConfigStatus,
      required: false,
      description: d(
        'ENABLED or DISABLED (default). Note: Qualys cannot disable a non-recurring job once enabled.',
        'ENABLED or DISABLED; omitted or null: unchanged.',
      ),
    }),
    qids: t.intList({
      required: false,
      description: d(
        'The QIDs to mitigate (Qualys `qids`); at least one, positive.',
        'The new QIDs, replacing the current ones; omitted or null: unchanged.',
      ),
      validate: z.array(z.number()).max(MAX_JOB_INPUT_VALUES, `at most ${MAX_JOB_INPUT_VALUES} QIDs`),
    }),
    targets: t.field({
      type: JobTargetsInput,
      required: false,
      description: d(
        'The assets to target: asset UUIDs and/or tags (asset UUIDs since release 3.12); at least one.',
        'Target changes; fields given replace.',
      ),
    }),
    schedule: t.field({
      type: MitigationJobScheduleInput,
      required: false,
      description: d('On demand (default) or once.', 'Schedule changes: with `type`, a new schedule.'),
    }),
    coAuthorIds: t.idList({
      required: false,
      description: d(
        `User UUIDs who may edit the job besides you, at most ${JOB_LIMITS.maxCoAuthors}. Default: none.`,
        `The new co-authors, at most ${JOB_LIMITS.maxCoAuthors}; null: unchanged.`,
      ),
      validate: idListSchema(MAX_CO_AUTHOR_IDS_INPUT),
    }),
    notification: t.field({
      type: NotificationInput,
      required: false,
      description: d(
        'E-mail notifications. Default: none.',
        'Notification changes; null removes notifications.',
      ),
    }),
  };
}

/** `CreateMitigationJobInput`. */
export const CreateMitigationJobInput = builder.inputType('CreateMitigationJobInput', {
  description:
    'A new mitigation job: QIDs to mitigate on assets and tags, on demand or once. Checked against every ' +
    'documented rule first; broken rules come back as `userErrors` and nothing is sent.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The job name (Qualys `name`); not blank.' }),
    platform: t.field({ type: Platform, required: true, description: 'WINDOWS or LINUX.' }),
    ...mitigationJobSettingFields(t, 'create'),
  }),
});

/** `CreateMitigationJobPayload`. */
export const CreateMitigationJobPayload = defineJobPayload({
  name: 'CreateMitigationJobPayload',
  mutation: 'createMitigationJob',
  job: MitigationJob,
  kind: 'create',
});

builder.mutationField('createMitigationJob', (t) =>
  t.field({
    ...cost({ rule: oneCall }),
    type: CreateMitigationJobPayload,
    nullable: true,
    description:
      'Creates a mitigation job (`POST /mtg/v2/deploymentjob`). Invalid input answers `userErrors` and makes no ' +
      'upstream call. Sent at most once: never retried; with an `idempotencyKey`, a repeated request returns the ' +
      'first outcome instead of creating a second job.',
    args: {
      input: t.arg({ type: CreateMitigationJobInput, required: true, description: 'The job to create.' }),
      idempotencyKey: t.arg.string({
        required: false,
        description:
          'A key of yours (1-255 visible ASCII characters, e.g. a UUID) that makes retries safe: the same key with ' +
          'the same input within 24 hours returns the first outcome without creating a second job.',
        validate: idempotencyKeySchema,
      }),
    },
    resolve: async (_root, args, ctx) => {
      const validated = validateMitigationJobSpec(args.input);
      if (!validated.ok) return failedPayload(userErrorsFromIssues(validated.issues));
      const body = buildMitigationJobWireBody(validated.spec);
      return createJob(ctx, {
        kind: 'MITIGATION',
        operation: 'createMitigationJob',
        idempotencyKey: args.idempotencyKey,
        normalisedInput: validated.spec,
        send: () => ctx.qualys.createMitigationJob(body),
      });
    },
  }),
);
