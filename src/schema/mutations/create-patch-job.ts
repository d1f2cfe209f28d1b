/**
 * `CreatePatchJobInput`, `CreatePatchJobPayload` and `Mutation.createPatchJob`: create a patch
 * deployment job from a person-friendly input (`POST /pm/v2/deploymentjob`, seed 003; v1 is
 * scheduled to reach end of life in August 2026).
 */
import { builder } from '../../builder.js';
import { buildPatchJobWireBody, validatePatchJobSpec } from '../../jobs/index.js';
import { Platform } from '../support/enums.js';
import { PatchJob } from '../support/refs.js';
import { defineCreateJobMutation } from './create-job-mutation.js';
import { patchJobSettingFields } from './patch-job-fields.js';
import { defineJobPayload } from './payload.js';

/** `CreatePatchJobInput`. */
export const CreatePatchJobInput = builder.inputType('CreatePatchJobInput', {
  description:
    'A new patch deployment job in your terms; the gateway builds the full Qualys v2 body and fills everything ' +
    "not given with the values Qualys' own samples use. Every documented rule is checked first: broken rules come " +
    'back as `userErrors` and nothing is sent.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The job name (Qualys `name`); not blank.' }),
    platform: t.field({
      type: Platform,
      required: true,
      description: 'WINDOWS or LINUX: the platform of the job, its patches and assets.',
    }),
    ...patchJobSettingFields(t, 'create'),
  }),
});

/** `CreatePatchJobPayload`. */
export const CreatePatchJobPayload = defineJobPayload({
  name: 'CreatePatchJobPayload',
  mutation: 'createPatchJob',
  job: PatchJob,
  kind: 'create',
});

defineCreateJobMutation({
  name: 'createPatchJob',
  kind: 'PATCH',
  description:
    'Creates a patch deployment job (`POST /pm/v2/deploymentjob`). Invalid input answers `userErrors` and makes no ' +
    'upstream call. Sent at most once: never retried; with an `idempotencyKey`, a repeated request returns the ' +
    'first outcome instead of creating a second job. Failures without an answer from Qualys (timeout, network, ' +
    '5xx) are errors with their `QUALYS_*` code: the job may exist, check before creating it again.',
  input: CreatePatchJobInput,
  payload: CreatePatchJobPayload,
  validate: validatePatchJobSpec,
  build: buildPatchJobWireBody,
  send: (ctx, body, options) => ctx.qualys.createPatchJob(body, options),
});
