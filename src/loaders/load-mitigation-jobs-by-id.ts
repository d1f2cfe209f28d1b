/**
 * Batch function: mitigation (MTG) jobs by job UUID.
 */
import type { QualysApi } from '../qualys/api.js';
import type { QualysDeploymentJob } from '../qualys/schemas/index.js';
import { settlePerKey } from './keys.js';

/**
 * Loads mitigation jobs, one call per job UUID, all concurrently (there is no batch endpoint).
 *
 * Shape: job UUIDs in; per key, in key order, the `QualysDeploymentJob` (with "Apply
 * Mitigation" `preDeployActions`) or an `Error` — `QUALYS_NOT_FOUND` for an unknown job.
 *
 * Source: `GET /mtg/v1/deploymentjob/{id}` (seed 003 release 3.12).
 */
export function loadMitigationJobsById(
  jobIds: readonly string[],
  api: QualysApi,
): Promise<(QualysDeploymentJob | Error)[]> {
  return settlePerKey(jobIds, (id) => api.getMitigationJob(id));
}
