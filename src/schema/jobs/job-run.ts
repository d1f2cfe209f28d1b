/**
 * `JobRun`: one run (`jobInstanceId`) of a deployment job.
 */

import { timezoneTypeFromWire } from '../../qualys/vocabulary.js';
import { TimezoneType } from '../support/enums.js';
import { JobResult, JobRun } from '../support/refs.js';
import { cost, perParent } from '../support/upstream-cost.js';
import { loadJobResult } from './job-result.js';

JobRun.implement({
  description:
    'One run of a deployment job (Qualys `GET /pm/v1/deploymentjob/{id}/runs`). Everything but `result` comes ' +
    'with the run list (no call); `result` needs one, and is null with an error in `errors` when it fails.',
  fields: (t) => ({
    jobInstanceId: t.int({
      nullable: false,
      description: 'The run number (Qualys `jobInstanceId`), the key of its result.',
      resolve: ({ run }) => run.jobInstanceId,
    }),
    scheduledAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When the run was scheduled (Qualys `scheduledDateTime`, which carries its zone); null when absent or unreadable.',
      resolve: ({ run }) => {
        const ms = run.scheduledDateTime === null ? Number.NaN : Date.parse(run.scheduledDateTime);
        return Number.isNaN(ms) ? null : ms;
      },
    }),
    timezoneType: t.field({
      type: TimezoneType,
      nullable: true,
      description:
        'Whether the run followed a specific zone or agent time (Qualys `timezoneType`); null when absent.',
      resolve: ({ run }) => timezoneTypeFromWire(run.timezoneType),
    }),
    result: t.field({
      ...cost({ rule: perParent }),
      type: JobResult,
      nullable: true,
      description:
        'The per-asset results of this run (one call per run per request); null when Qualys has none.',
      resolve: ({ jobId, platform, run }, _args, ctx) =>
        loadJobResult(jobId, run.jobInstanceId, platform, ctx),
    }),
  }),
});
