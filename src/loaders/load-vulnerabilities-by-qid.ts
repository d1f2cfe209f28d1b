/**
 * Batch function: QID details (vulnerabilities) by QID.
 */
import type { QualysApi } from '../qualys/api.js';
import type { QualysVulnerability } from '../qualys/schemas/index.js';

/**
 * Loads vulnerability details for QIDs in one call.
 *
 * Shape: QIDs in; per QID, in key order, its `QualysVulnerability` or `null` when Qualys does
 * not return it. At most `QUALYS_LIMITS.qidsPerCall` (1,000) QIDs per call: the DataLoader in
 * `createLoaders` chunks with `maxBatchSize`.
 *
 * @throws QualysError when the call fails (every key of the chunk rejects with it).
 *
 * Source: `POST /pm/v1/vulnerabilities` with `{"qids": [...]}` (qualysdk; QUALYS-API.md §11.9).
 */
export async function loadVulnerabilitiesByQid(
  qids: readonly number[],
  api: QualysApi,
): Promise<(QualysVulnerability | null)[]> {
  const vulnerabilities = await api.getVulnerabilities(qids);
  const byQid = new Map(vulnerabilities.map((v) => [v.id, v]));
  return qids.map((qid) => byQid.get(qid) ?? null);
}
