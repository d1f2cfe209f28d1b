/**
 * The QQL tokens each simulated resource understands (see `../qql.ts` for the syntax). Tokens
 * read the wire objects, so they work on generated items and on seed samples alike.
 *
 * Sources for the token names: docs/qualys-api.md §10 (`patchStatus`, `isSuperseded`, `isSecurity`,
 * `appFamily`, `vendorSeverity`, `lastModified`; asset `status`, `name`; job `status`), seed 004
 * (`isSecurity`, `patchStatus`, `isSuperseded`), seed 000 (`status: 'Assets Responded'`); the rest
 * are the wire field names, an assumption.
 *
 * @module
 */
import type { SimAsset } from '../fleet/types.js';
import { type JsonObject, readPath } from '../json.js';
import type { QqlField, QqlFieldMap, QqlFieldType } from '../qql.js';

/**
 * What a patch query is evaluated against: the patch (wire object) and its status in context —
 * on `GET /pm/v1/patches` `Missing` when any asset misses it and `Installed` when any has it; on
 * the asset endpoints' `havingQuery` its status on that one asset.
 */
export interface PatchQqlContext {
  readonly patch: JsonObject;
  readonly statuses: readonly string[];
}

const patchPath = (type: QqlFieldType, dotted: string): QqlField<PatchQqlContext> => ({
  type,
  get: (ctx) => readPath(ctx.patch, dotted),
});

/** Patch tokens (`query` of `GET /pm/v1/patches`, `havingQuery` of the asset endpoints). */
export const PATCH_QQL_FIELDS: QqlFieldMap<PatchQqlContext> = {
  id: patchPath('string', 'id'),
  title: patchPath('string', 'title'),
  kb: patchPath('string', 'kb'),
  bulletin: patchPath('string', 'bulletin'),
  advisory: patchPath('string', 'advisory'),
  vendor: patchPath('string', 'vendor'),
  vendorSeverity: patchPath('string', 'vendorSeverity'),
  appFamily: patchPath('string', 'appFamily'),
  product: patchPath('string', 'product'),
  category: patchPath('string', 'category'),
  type: patchPath('string', 'type'),
  platform: patchPath('string', 'platform'),
  architecture: patchPath('string', 'architecture'),
  downloadMethod: patchPath('string', 'downloadMethod'),
  cve: patchPath('string', 'cve'),
  qid: patchPath('number', 'qid'),
  supersedes: patchPath('string', 'supersedes'),
  supersededBy: patchPath('string', 'supersededBy'),
  isSecurity: patchPath('boolean', 'isSecurity'),
  isSuperseded: patchPath('boolean', 'isSuperseded'),
  isRollback: patchPath('boolean', 'isRollback'),
  rebootRequired: patchPath('boolean', 'rebootRequired'),
  missingCount: patchPath('number', 'missingCount'),
  installedCount: patchPath('number', 'installedCount'),
  publishedDate: patchPath('date', 'publishedDate'),
  modifiedDate: patchPath('date', 'modifiedDate'),
  lastModified: patchPath('date', 'modifiedDate'),
  patchStatus: { type: 'string', get: (ctx) => ctx.statuses },
};

/** The `patchStatus` of a catalog patch on the patch list: `Missing` and/or `Installed` by its counts. */
export function fleetPatchStatuses(patch: JsonObject): string[] {
  const statuses: string[] = [];
  if (Number(patch['missingCount'] ?? 0) > 0) {
    statuses.push('Missing');
  }
  if (Number(patch['installedCount'] ?? 0) > 0) {
    statuses.push('Installed');
  }
  return statuses;
}

const assetField = (type: QqlFieldType, dotted: string): QqlField<SimAsset> => ({
  type,
  get: (asset) => readPath(asset, dotted),
});

/**
 * Asset tokens (`query` of the asset endpoints, `havingQuery` of `GET /pm/v1/patches`). `status`
 * and `assetStatus` are the same field.
 */
export const ASSET_QQL_FIELDS: QqlFieldMap<SimAsset> = {
  id: assetField('string', 'id'),
  name: assetField('string', 'name'),
  assetId: assetField('number', 'assetId'),
  platform: assetField('string', 'platform'),
  operatingSystem: assetField('string', 'operatingSystem'),
  status: assetField('string', 'assetStatus'),
  assetStatus: assetField('string', 'assetStatus'),
  scanStatus: assetField('string', 'scanStatus'),
  statusCode: assetField('number', 'statusCode'),
  lastLoggedOnUser: assetField('string', 'lastLoggedOnUser'),
  'tags.id': assetField('string', 'tags.id'),
  'hardware.model': assetField('string', 'hardware.model'),
  'hardware.manufacturer': assetField('string', 'hardware.manufacturer'),
  'interfaces.address': assetField('string', 'interfaces.address'),
  'interfaces.ipv6Address': assetField('string', 'interfaces.ipv6Address'),
  'interfaces.macAddress': assetField('string', 'interfaces.macAddress'),
  installedPatches: assetField('string', 'installedPatches'),
  'missingPatches.id': assetField('string', 'missingPatches.id'),
  statusDateTime: assetField('date', 'statusDateTime'),
  scanDateTime: assetField('date', 'scanDateTime'),
};

const first = (type: QqlFieldType, ...paths: string[]): QqlField<JsonObject> => ({
  type,
  get: (item) => {
    for (const dotted of paths) {
      const value = readPath(item, dotted);
      if (value !== undefined && value !== null) {
        return value;
      }
    }
    return null;
  },
});

/**
 * Job tokens (`filter` of the job lists). They read list items, summary items and
 * availableToLink items (whose creator is `createdBy` and schedule `schedule`).
 */
export const JOB_QQL_FIELDS: QqlFieldMap<JsonObject> = {
  id: first('string', 'id'),
  name: first('string', 'name'),
  status: first('string', 'status'),
  type: first('string', 'type'),
  platform: first('string', 'platform'),
  scheduleType: first('string', 'scheduleType', 'schedule'),
  isRecurring: first('boolean', 'isRecurring'),
  isDynamicPatchesQQL: first('boolean', 'isDynamicPatchesQQL'),
  linkedJobId: first('string', 'linkedJobId'),
  createdBy: first('string', 'created.user.name', 'createdBy.user.name'),
  'createdBy.id': first('string', 'created.user.id', 'createdBy.user.id'),
  createdDate: first('date', 'created.date', 'createdBy.date'),
  updatedDate: first('date', 'updated.date'),
  coAuthorUserIds: first('string', 'coAuthorUserIds'),
  'assets.id': first('string', 'assets.id'),
  'assets.name': first('string', 'assets.name'),
  'patches.id': first('string', 'patches.id'),
  'patches.title': first('string', 'patches.title'),
  'tags.id': first('string', 'tags.id'),
  'tags.name': first('string', 'tags.name'),
  timezone: first('string', 'timezone'),
  timezoneType: first('string', 'timezoneType'),
  patchCount: first('number', 'patchCount'),
  applicableAssetCount: first('number', 'applicableAssetCount'),
  completionPercent: first('number', 'completionPercent'),
  nextScheduleDateTime: first('date', 'nextScheduleDateTime', 'nextRun'),
  lastScheduleDateTime: first('date', 'lastScheduleDateTime', 'previousRun'),
};
