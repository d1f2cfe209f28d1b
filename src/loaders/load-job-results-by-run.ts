/**
 * Batch function: job run result summaries by (job UUID, run number | latest).
 */
import type { QualysApi } from '../qualys/api.js';
import type { QualysJobResultSummary } from '../qualys/schemas/index.js';
import { type JobRunKey, settlePerKey } from './keys.js';

/**
 * Loads the result summary (per-asset results) of job runs, one call per key, all
 * concurrently. A key with `jobInstanceId: null` asks for the latest run.
 *
 * Shape: {@link JobRunKey}s in; per key, in key order, the `QualysJobResultSummary` or an
 * `Error` (`QUALYS_NOT_FOUND` when the job or run does not exist).
 *
 * Source: `GET /pm/v1/deploymentjob/{id}/deploymentjobresult/summary?jobInstanceId=N`
 * (seeds 000 and 001; docs/qualys-api.md §7.7).
 */
export function loadJobResultsByRun(
  keys: readonly JobRunKey[],
  api: QualysApi,
): Promise<(QualysJobResultSummary | Error)[]> {
  return settlePerKey(keys, ({ jobId, jobInstanceId }) =>
    jobInstanceId === null
      ? api.getDeploymentJobResultSummary(jobId)
      : api.getDeploymentJobResultSummary(jobId, { jobInstanceId }),
  );
}
