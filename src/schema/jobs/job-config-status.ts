/**
 * `JobConfigStatus`: the status a job can be set to by a mutation (Qualys `Enabled` / `Disabled`),
 * as opposed to the lifecycle `JobStatus` a job reports.
 */
import { builder } from '../../builder.js';

/** `JobConfigStatus`. */
export const JobConfigStatus = builder.enumType('JobConfigStatus', {
  description:
    'Whether a job may run (Qualys `status` on create and update, and the `{Enabled|Disabled}` of the bulk status ' +
    'call). Read back, an enabled job reports its lifecycle in `status` (PREPARED, ASSETS_RESPONDED, ...).',
  values: {
    ENABLED: { description: 'The job runs on its schedule, or when started (Qualys `Enabled`).' },
    DISABLED: {
      description:
        'The job does not run (Qualys `Disabled`). A non-recurring job cannot be disabled once enabled (Qualys rule).',
    },
  },
});
