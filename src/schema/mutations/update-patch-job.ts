/**
 * `UpdatePatchJobInput`, `UpdatePatchJobPayload` and `Mutation.updatePatchJob`: change some
 * settings of a patch deployment job. Qualys' update takes the whole job (docs/qualys-api.md §7.3), so
 * the gateway reads the current job, merges the input, checks the merged job, and sends the full
 * body (`PATCH /pm/v2/deploymentjob/update/{id}`, seed 003).
 */
import { builder } from '../../builder.js';
import {
  checkPatchJobSpec,
  mergePatchJobIntoWire,
  mergePatchJobSpec,
  specFromPatchJobWire,
  validatePatchJobUpdateSpec,
} from '../../jobs/index.js';
import { PatchJob } from '../support/refs.js';
import { patchJobSettingFields } from './patch-job-fields.js';
import { defineJobPayload } from './payload.js';
import { defineUpdateJobMutation } from './update-job-mutation.js';

/** `UpdatePatchJobInput`. */
export const UpdatePatchJobInput = builder.inputType('UpdatePatchJobInput', {
  description:
    'The settings to change; everything omitted stays as it is (the platform cannot change). Lists replace the ' +
    'current list; `targets`, `rebootSettings` and `notification` change field by field; `patches` replaces the ' +
    'patch selection; a `schedule` with `type` replaces the schedule. `null` leaves names, enums, booleans and ' +
    'lists unchanged and resets optional settings (messages, deferment, reattempts, durations, notification) to ' +
    'their defaults. The merged job is checked against every rule before it is sent.',
  fields: (t) => ({
    name: t.string({ required: false, description: 'A new name; omitted or null: unchanged.' }),
    ...patchJobSettingFields(t, 'update'),
  }),
});

/** `UpdatePatchJobPayload`. */
export const UpdatePatchJobPayload = defineJobPayload({
  name: 'UpdatePatchJobPayload',
  mutation: 'updatePatchJob',
  job: PatchJob,
  kind: 'update',
});

defineUpdateJobMutation({
  name: 'updatePatchJob',
  kind: 'PATCH',
  description:
    'Changes settings of a patch deployment job: reads it (`GET /pm/v1/deploymentjob/{id}`), merges the input, ' +
    'checks the result and sends the full job (`PATCH /pm/v2/deploymentjob/update/{id}`); fields not asked for ' +
    'keep their current values. Input that breaks a rule on its own answers `userErrors` with no upstream call; ' +
    'a merged job that breaks one costs the read only. Never retried.',
  idDescription: 'The deployment job UUID.',
  input: UpdatePatchJobInput,
  payload: UpdatePatchJobPayload,
  notFoundMessage: 'Qualys has no patch job with this id.',
  readEndpoint: 'GET /pm/v1/deploymentjob/{id}',
  validate: validatePatchJobUpdateSpec,
  read: (ctx, id) => ctx.qualys.getDeploymentJobWire(id),
  specOf: specFromPatchJobWire,
  merge: mergePatchJobSpec,
  check: checkPatchJobSpec,
  body: mergePatchJobIntoWire,
  send: (ctx, id, body) => ctx.qualys.updatePatchJob(id, body),
});
