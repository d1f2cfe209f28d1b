/**
 * Batch function: patch catalog records by platform and patch UUID.
 */
import { QUALYS_LIMITS, type QualysApi } from '../qualys/api.js';
import type { QualysPatch } from '../qualys/schemas/index.js';
import { loadByPlatformInChunks, type PlatformScopedKey } from './keys.js';

/**
 * Loads patch details from the patch catalog for platform-scoped patch UUIDs.
 *
 * Shape: `{platform, id}` keys in; per key, in key order, the catalog record (`QualysPatch`),
 * `null` when the catalog does not know the UUID on that platform, or an `Error`.
 * Calls: one per platform per chunk of `QUALYS_LIMITS.patchUuidsPerCatalogCall` (1,000) UUIDs,
 * all concurrently (the catalog answers one platform per call). The catalog lacks the
 * per-customer `missingCount`/`installedCount`, so those are `null` in its records.
 *
 * Errors: a failed call answers its own chunk's keys with its `QualysError`; other chunks are
 * unaffected.
 *
 * Source: `POST /pm/v1/patchcatalog/patches?platform=` with `{"patchUuid": [...]}`
 * (docs/qualys-api.md §11.4; qualysdk sends 1,000 per call, one platform at a time).
 */
export async function loadPatchesById(
  keys: readonly PlatformScopedKey[],
  api: QualysApi,
): Promise<(QualysPatch | null | Error)[]> {
  return loadByPlatformInChunks(keys, QUALYS_LIMITS.patchUuidsPerCatalogCall, (platform, patchUuids) =>
    api.getCatalogPatches({ platform, patchUuids }),
  );
}
