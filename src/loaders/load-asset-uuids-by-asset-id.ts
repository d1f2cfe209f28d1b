/**
 * Batch function: numeric Qualys asset ids to PM asset UUIDs.
 */
import { QUALYS_LIMITS, type QualysApi } from '../qualys/api.js';
import { loadInChunks } from './keys.js';

/**
 * Maps numeric Qualys asset ids to PM asset UUIDs, one call per 1,000 ids.
 *
 * Shape: asset ids in, one UUID per id in key order, `null` for an id Qualys lists as unmapped
 * (or does not mention). At most `QUALYS_LIMITS.assetIdsPerMapping` (1,000) ids per call, all
 * chunks concurrently and settling together (see `loadInChunks`), so what the answers trigger
 * (asset pages, job lists) is batched across chunks.
 *
 * Errors: a failed call answers its own chunk's keys with its `QualysError`.
 *
 * Source: `POST /pm/v1/assets/uuids` (seed 000 v2.2.0; qualysdk sends 1,000 per call).
 */
export async function loadAssetUuidsByAssetId(
  assetIds: readonly number[],
  api: QualysApi,
): Promise<(string | null | Error)[]> {
  return loadInChunks(
    assetIds,
    QUALYS_LIMITS.assetIdsPerMapping,
    async (ids) => {
      const mapping = await api.mapAssetIdsToUuids(ids);
      return new Map(mapping.mappedAssets.map(({ assetId, assetUuid }) => [assetId, assetUuid]));
    },
    (uuidByAssetId, assetId) => uuidByAssetId.get(assetId) ?? null,
  );
}
