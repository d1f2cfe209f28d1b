/**
 * Batch function: numeric Qualys asset ids to PM asset UUIDs.
 */
import type { QualysApi } from '../qualys/api.js';

/**
 * Maps numeric Qualys asset ids to PM asset UUIDs in one call.
 *
 * Shape: asset ids in, one UUID per id in key order, `null` for an id Qualys lists as unmapped
 * (or does not mention). At most `QUALYS_LIMITS.assetIdsPerMapping` (1,000) ids per call: the
 * DataLoader in `createLoaders` chunks with `maxBatchSize`, so one call per chunk.
 *
 * @throws QualysError when the call fails: the whole chunk failed, so every key of the chunk
 *   rejects with it (the DataLoader contract).
 *
 * Source: `POST /pm/v1/assets/uuids` (seed 000 v2.2.0; qualysdk sends 1,000 per call).
 */
export async function loadAssetUuidsByAssetId(
  assetIds: readonly number[],
  api: QualysApi,
): Promise<(string | null)[]> {
  const mapping = await api.mapAssetIdsToUuids(assetIds);
  const uuidByAssetId = new Map<number, string>();
  for (const { assetId, assetUuid } of mapping.mappedAssets) uuidByAssetId.set(assetId, assetUuid);
  return assetIds.map((assetId) => uuidByAssetId.get(assetId) ?? null);
}
