/**
 * Wire schema for patches: GET /pm/v1/patches (seed 004) and POST /pm/v1/patchcatalog/patches
 * (docs/qualys-api.md §11.4; qualysdk `CatalogPatch`). The catalog answers only the requested
 * `attributes`, so every field but `id` is optional. `qid` arrives as strings (`["90931"]`,
 * seed 004) or numbers (catalog); `appFamily` as an array or a string.
 */
import { z } from 'zod';
import {
  epochMs,
  nullableList,
  numberish,
  optionalBoolean,
  optionalNumber,
  optionalString,
  stringOrList,
} from './common.js';
import * as fast from './fast.js';

/** One patch of the customer patch list or the patch catalog. */
export const QualysPatchSchema = z.looseObject({
  id: z.string(),
  patchId: optionalString,
  title: optionalString,
  type: optionalString,
  platform: optionalString,
  architecture: stringOrList,
  bulletin: optionalString,
  category: optionalString,
  cve: nullableList(z.string()),
  kb: optionalString,
  modifiedDate: epochMs,
  publishedDate: epochMs,
  appFamily: stringOrList,
  product: stringOrList,
  qid: nullableList(numberish),
  rebootRequired: optionalBoolean,
  supersededBy: nullableList(z.string()),
  supersedes: nullableList(z.string()),
  vendor: optionalString,
  vendorSeverity: optionalString,
  vendorlink: optionalString,
  advisory: optionalString,
  missingCount: optionalNumber,
  installedCount: optionalNumber,
  downloadMethod: optionalString,
  isSecurity: optionalBoolean,
  isSuperseded: optionalBoolean,
  isRollback: optionalBoolean,
  enabled: optionalBoolean,
  deleted: optionalBoolean,
  description: optionalString,
});
/** Output of {@link QualysPatchSchema}. */
export type QualysPatch = z.output<typeof QualysPatchSchema>;

/** The array answered by the patch list and the patch catalog. */
export const QualysPatchListSchema = nullableList(QualysPatchSchema);

// The compiled form of the patch list (10,000 patches for a full page set, 1,000 per catalog
// call), field for field the schema above; see fast.ts for why and how equivalence is tested.
const fastStrings = fast.nullableList(fast.string);
fast.withCompiled(
  QualysPatchListSchema,
  fast.nullableList(
    fast.looseObject({
      id: fast.string,
      patchId: fast.optionalString,
      title: fast.optionalString,
      type: fast.optionalString,
      platform: fast.optionalString,
      architecture: fast.stringOrList,
      bulletin: fast.optionalString,
      category: fast.optionalString,
      cve: fastStrings,
      kb: fast.optionalString,
      modifiedDate: fast.epochMs,
      publishedDate: fast.epochMs,
      appFamily: fast.stringOrList,
      product: fast.stringOrList,
      qid: fast.nullableList(fast.numberishValue),
      rebootRequired: fast.optionalBoolean,
      supersededBy: fastStrings,
      supersedes: fastStrings,
      vendor: fast.optionalString,
      vendorSeverity: fast.optionalString,
      vendorlink: fast.optionalString,
      advisory: fast.optionalString,
      missingCount: fast.optionalNumber,
      installedCount: fast.optionalNumber,
      downloadMethod: fast.optionalString,
      isSecurity: fast.optionalBoolean,
      isSuperseded: fast.optionalBoolean,
      isRollback: fast.optionalBoolean,
      enabled: fast.optionalBoolean,
      deleted: fast.optionalBoolean,
      description: fast.optionalString,
    }),
  ) as fast.Normaliser<QualysPatch[]>,
);
