/**
 * Batch function: PM assets by platform and asset UUID.
 */
import { QUALYS_LIMITS, type QualysApi } from '../qualys/api.js';
import type { QualysAsset } from '../qualys/schemas/index.js';
import { assetUuidQql } from './asset-qql.js';
import { loadByPlatformInChunks, type PlatformScopedKey } from './keys.js';

/**
 * Loads full asset records for platform-scoped asset UUIDs.
 *
 * Shape: `{platform, id}` keys in; per key, in key order, the asset (`QualysAsset`), `null` when
 * no asset with that UUID came back on that platform, or an `Error`.
 * Calls: one asset-list page per platform per chunk of `QUALYS_LIMITS.assetsPerPage` (400)
 * UUIDs, filtered with {@link assetUuidQql} (an unverified QQL assumption), all concurrently.
 * Records are matched by `id`, so extra records in an answer are ignored.
 *
 * Errors: a failed call answers its own chunk's keys with its `QualysError`.
 *
 * Source: `POST /pm/v1/assets?platform=&pageSize=` with body `{query}` (qualysdk;
 * docs/qualys-api.md §11.7, §14.2: there is no documented single-asset GET).
 */
export async function loadAssetsById(
  keys: readonly PlatformScopedKey[],
  api: QualysApi,
): Promise<(QualysAsset | null | Error)[]> {
  return loadByPlatformInChunks(
    keys,
    QUALYS_LIMITS.assetsPerPage,
    async (platform, uuids) =>
      (await api.listAssets({ platform, query: assetUuidQql(uuids), pageSize: QUALYS_LIMITS.assetsPerPage }))
        .assets,
  );
}
