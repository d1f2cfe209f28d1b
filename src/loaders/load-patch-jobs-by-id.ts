/**
 * Batch function: PM deployment jobs by job UUID.
 */
import type { QualysApi } from '../qualys/api.js';
import type { QualysDeploymentJob } from '../qualys/schemas/index.js';
import { settlePerKey } from './keys.js';

/**
 * Loads full PM deployment jobs, one call per job UUID, all concurrently (there is no batch
 * endpoint). The DataLoader deduplicates, so each job is fetched at most once per request.
 *
 * Shape: job UUIDs in; per key, in key order, the `QualysDeploymentJob` or an `Error` — a
 * `QualysNotFoundError` (`QUALYS_NOT_FOUND`) for an unknown job.
 *
 * Source: `GET /pm/v1/deploymentjob/{id}` (seed 000; docs/qualys-api.md §7.2).
 */
export function loadPatchJobsById(
  jobIds: readonly string[],
  api: QualysApi,
): Promise<(QualysDeploymentJob | Error)[]> {
  return settlePerKey(jobIds, (id) => api.getDeploymentJob(id));
}
