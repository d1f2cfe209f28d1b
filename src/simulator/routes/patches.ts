/**
 * `GET /pm/v1/patches` (seed 004; docs/qualys-api.md §11.1): `platform` (default Windows), `query`
 * (patch QQL; `patchStatus` is `Missing` when any asset misses the patch and `Installed` when any
 * has it), `havingQuery` (asset QQL: only patches missing or installed on an asset matching it),
 * `pageNumber` (from 0), `pageSize` (default 10), `sort`; offset paging capped at 10,000 records.
 * Default order: the seed sample's patches, then newest `publishedDate` first.
 *
 * @module
 */
import type { JsonObject } from '../json.js';
import { parseOffsetPage, parsePlatform, parseSort, slicePage, sortItems } from '../list-params.js';
import type { TenantRoute } from '../router.js';
import { ASSET_QQL_FIELDS, fleetPatchStatuses, PATCH_QQL_FIELDS } from '../store/qql-fields.js';
import { compileParameter } from './route-helpers.js';

/** @returns the patch list route. */
export function createPatchRoutes(): TenantRoute[] {
  return [
    {
      method: 'GET',
      pattern: '/pm/v1/patches',
      access: 'tenant',
      handle(ctx, tenant) {
        const platform = parsePlatform(ctx.query.get('platform'), 'Windows');
        const page = parseOffsetPage(ctx.query.get('pageNumber'), ctx.query.get('pageSize'));
        const matches = compileParameter('query', ctx.query.get('query'), PATCH_QQL_FIELDS, 'patches');
        const having = ctx.query.get('havingQuery');
        let present: Set<string> | null = null;
        if (having !== null && having.trim() !== '') {
          const assetMatches = compileParameter('havingQuery', having, ASSET_QQL_FIELDS, 'assets');
          present = new Set();
          for (const asset of tenant.assetsOf(platform)) {
            if (assetMatches(asset)) {
              for (const id of asset.installedPatches) {
                present.add(id);
              }
              for (const missing of asset.missingPatches) {
                present.add(missing.id);
              }
            }
          }
        }
        const filtered = tenant
          .patchList(platform)
          .filter(
            (patch: JsonObject) =>
              (present === null || present.has(String(patch['id']))) &&
              matches({ patch, statuses: fleetPatchStatuses(patch) }),
          );
        return { json: slicePage(sortItems(filtered, parseSort(ctx.query.get('sort'))), page) };
      },
    },
  ];
}
