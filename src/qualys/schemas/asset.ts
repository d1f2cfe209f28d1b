/**
 * Wire schemas for assets: GET/POST /pm/v1/assets (release 3.9 sample; qualysdk `Asset`,
 * docs/qualys-api.md §11.7) and the asset id -> UUID mapping POST /pm/v1/assets/uuids (seed 000
 * v2.2.0, docs/qualys-api.md §11.8).
 */
import { z } from 'zod';
import { epochMs, integerList, nullableList, numberish, optionalNumber, optionalString } from './common.js';
import { QualysInterfaceSchema, QualysTagRefSchema } from './job-result.js';

/** A missing patch on an asset: a UUID string, or an object with at least `id`. */
const missingPatch = z
  .union([z.string(), z.looseObject({ id: z.string(), title: optionalString })])
  .transform((v) => (typeof v === 'string' ? { id: v, title: null } : { id: v.id, title: v.title }));

/** One asset of the PM asset list. `statusCode` is an int; timestamps are epoch ms. */
export const QualysAssetSchema = z.looseObject({
  id: z.string(),
  assetId: optionalNumber,
  name: optionalString,
  operatingSystem: optionalString,
  osIdentifier: optionalString,
  platform: optionalString,
  architecture: optionalString,
  version: optionalString,
  lastLoggedOnUser: optionalString,
  assetStatus: optionalString,
  status: optionalString,
  scanStatus: optionalString,
  statusCode: optionalNumber,
  statusDateTime: epochMs,
  scanDateTime: epochMs,
  hardware: z
    .object({ model: optionalString, manufacturer: optionalString })
    .nullish()
    .transform((v) => v ?? null),
  tags: nullableList(z.union([z.string().transform((id) => ({ id, name: null })), QualysTagRefSchema])),
  interfaces: nullableList(QualysInterfaceSchema),
  installedPatches: nullableList(z.string()),
  missingPatches: nullableList(missingPatch),
  installedPatchCount: optionalNumber,
  missingPatchCount: optionalNumber,
  nonSupersededMissingPatchCount: optionalNumber,
});
/** Output of {@link QualysAssetSchema}. */
export type QualysAsset = z.output<typeof QualysAssetSchema>;

/** The array answered by the asset list. */
export const QualysAssetListSchema = nullableList(QualysAssetSchema);

/**
 * The answer of POST /pm/v1/assets/uuids: `{mappedAssets: [{assetId, assetUuid}],
 * unmappedAssets: "[29995962]"}` — the unmapped ids come as a stringified array (seed 000);
 * they are normalised to `number[]`.
 */
export const QualysAssetUuidMappingSchema = z.looseObject({
  mappedAssets: nullableList(z.object({ assetId: numberish, assetUuid: z.string() })),
  unmappedAssets: integerList,
});
/** Output of {@link QualysAssetUuidMappingSchema}. */
export type QualysAssetUuidMapping = z.output<typeof QualysAssetUuidMappingSchema>;
