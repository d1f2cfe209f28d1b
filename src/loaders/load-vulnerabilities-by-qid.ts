/**
 * Batch function: QID details (vulnerabilities) by QID.
 */
import { QUALYS_LIMITS, type QualysApi } from '../qualys/api.js';
import type { QualysVulnerability } from '../qualys/schemas/index.js';
import { loadInChunks } from './keys.js';

/**
 * Loads vulnerability details for QIDs, one call per 1,000.
 *
 * Shape: QIDs in; per QID, in key order, its `QualysVulnerability` or `null` when Qualys does
 * not return it. At most `QUALYS_LIMITS.qidsPerCall` (1,000) QIDs per call, all chunks concurrently and
 * settling together (see `loadInChunks`).
 *
 * Errors: a failed call answers its own chunk's keys with its `QualysError`.
 *
 * Source: `POST /pm/v1/vulnerabilities` with `{"qids": [...]}` (qualysdk; docs/qualys-api.md §11.9).
 */
export async function loadVulnerabilitiesByQid(
  qids: readonly number[],
  api: QualysApi,
): Promise<(QualysVulnerability | null | Error)[]> {
  return loadInChunks(
    qids,
    QUALYS_LIMITS.qidsPerCall,
    async (chunkQids) => new Map((await api.getVulnerabilities(chunkQids)).map((v) => [v.id, v])),
    (byQid, qid) => byQid.get(qid) ?? null,
  );
}
