/**
 * Batch function: the runs of deployment jobs by job UUID.
 */
import type { QualysApi } from '../qualys/api.js';
import type { QualysJobRun } from '../qualys/schemas/index.js';
import { settlePerKey } from './keys.js';

/**
 * Loads the runs of deployment jobs, one call per job, all concurrently.
 *
 * Shape: job UUIDs in; per key, in key order, the job's runs (`QualysJobRun[]`, empty when the
 * job never ran) or an `Error`.
 *
 * Source: `GET /pm/v1/deploymentjob/{id}/runs` (qualysdk; docs/qualys-api.md §7.8).
 */
export function loadJobRunsByJobId(
  jobIds: readonly string[],
  api: QualysApi,
): Promise<(QualysJobRun[] | Error)[]> {
  return settlePerKey(jobIds, (id) => api.listDeploymentJobRuns(id));
}
