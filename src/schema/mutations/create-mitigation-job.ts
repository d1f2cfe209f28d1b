/**
 * `CreateMitigationJobInput`, `CreateMitigationJobPayload` and `Mutation.createMitigationJob`:
 * create a mitigation (TruRisk Mitigate) job for QIDs (`POST /mtg/v2/deploymentjob`, seed 003;
 * v1 is scheduled to reach end of life in July 2026).
 */
import { builder } from '../../builder.js';
import { buildMitigationJobWireBody, validateMitigationJobSpec } from '../../jobs/index.js';
import { Platform } from '../support/enums.js';
import { MitigationJob } from '../support/refs.js';
import { defineCreateJobMutation } from './create-job-mutation.js';
import { mitigationJobSettingFields } from './mitigation-job-fields.js';
import { defineJobPayload } from './payload.js';

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

defineCreateJobMutation({
  name: 'createMitigationJob',
  kind: 'MITIGATION',
  description:
    'Creates a mitigation job (`POST /mtg/v2/deploymentjob`). Invalid input answers `userErrors` and makes no ' +
    'upstream call. Sent at most once: never retried; with an `idempotencyKey`, a repeated request returns the ' +
    'first outcome instead of creating a second job.',
  input: CreateMitigationJobInput,
  payload: CreateMitigationJobPayload,
  validate: validateMitigationJobSpec,
  build: buildMitigationJobWireBody,
  send: (ctx, body, options) => ctx.qualys.createMitigationJob(body, options),
});
