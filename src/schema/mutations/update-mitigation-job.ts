/**
 * `UpdateMitigationJobInput`, `UpdateMitigationJobPayload` and `Mutation.updateMitigationJob`:
 * change some settings of a mitigation job (read, merge, check, `PATCH /mtg/v2/deploymentjob/{id}`).
 */
import { builder } from '../../builder.js';
import {
  checkMitigationJobSpec,
  mergeMitigationJobIntoWire,
  mergeMitigationJobSpec,
  specFromMitigationJobWire,
  validateMitigationJobUpdateSpec,
} from '../../jobs/index.js';
import { MitigationJob } from '../support/refs.js';
import { mitigationJobSettingFields } from './mitigation-job-fields.js';
import { defineJobPayload } from './payload.js';
import { defineUpdateJobMutation } from './update-job-mutation.js';

/** `UpdateMitigationJobInput`. */
export const UpdateMitigationJobInput = builder.inputType('UpdateMitigationJobInput', {
  description:
    'The settings to change; everything omitted stays as it is (the platform cannot change). Lists replace the ' +
    'current list; `targets` and `notification` change field by field; a `schedule` with `type` replaces the ' +
    'schedule. The merged job is checked against every rule before it is sent.',
  fields: (t) => ({
    name: t.string({ required: false, description: 'A new name; omitted or null: unchanged.' }),
    ...mitigationJobSettingFields(t, 'update'),
  }),
});

/** `UpdateMitigationJobPayload`. */
export const UpdateMitigationJobPayload = defineJobPayload({
  name: 'UpdateMitigationJobPayload',
  mutation: 'updateMitigationJob',
  job: MitigationJob,
  kind: 'update',
});

defineUpdateJobMutation({
  name: 'updateMitigationJob',
  kind: 'MITIGATION',
  description:
    'Changes settings of a mitigation job: reads it (`GET /mtg/v1/deploymentjob/{id}`), merges the input, checks ' +
    'the result and sends the full job with its QIDs (`PATCH /mtg/v2/deploymentjob/{id}`). Input that breaks a ' +
    'rule on its own answers `userErrors` with no upstream call. Never retried.',
  idDescription: 'The mitigation job UUID.',
  input: UpdateMitigationJobInput,
  payload: UpdateMitigationJobPayload,
  notFoundMessage: 'Qualys has no mitigation job with this id.',
  readEndpoint: 'GET /mtg/v1/deploymentjob/{id}',
  validate: validateMitigationJobUpdateSpec,
  read: (ctx, id) => ctx.qualys.getMitigationJobWire(id),
  specOf: specFromMitigationJobWire,
  merge: mergeMitigationJobSpec,
  check: checkMitigationJobSpec,
  body: mergeMitigationJobIntoWire,
  send: (ctx, id, body) => ctx.qualys.updateMitigationJob(id, body),
});
