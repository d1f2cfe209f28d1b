/**
 * `POST /pm/v1/patchcatalog/patches?platform=&attributes=&sort=` (docs/qualys-api.md §11.4): body
 * `{"patchUuid": [...]}`, at most 1,000 UUIDs (more -> 400, 9003). Answers the catalog objects of
 * the requested platform (default Windows) in request order, duplicates once; unknown UUIDs and
 * patches of the other platform are simply absent. `attributes` (comma list) projects each object
 * (`id` always kept); `sort` orders them.
 *
 * @module
 */
import { badParameter } from '../errors.js';
import type { JsonObject } from '../json.js';
import { parseAttributes, parsePlatform, parseSort, project, sortItems } from '../list-params.js';
import type { TenantRoute } from '../router.js';
import { assertBatchSize, bodyObject, unique } from './route-helpers.js';

/** @returns the patch catalog route. */
export function createPatchCatalogRoutes(): TenantRoute[] {
  return [
    {
      method: 'POST',
      pattern: '/pm/v1/patchcatalog/patches',
      access: 'tenant',
      handle(ctx, tenant) {
        const platform = parsePlatform(ctx.query.get('platform'), 'Windows');
        const attributes = parseAttributes(ctx.query.get('attributes'));
        const sort = parseSort(ctx.query.get('sort'));
        const ids = bodyObject(ctx, true)['patchUuid'];
        if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
          throw badParameter('Invalid request body: expected {"patchUuid": ["<patch UUID>", ...]}');
        }
        assertBatchSize('patchUuid values', ids.length);
        const found: JsonObject[] = [];
        for (const id of unique(ids as string[])) {
          const entry = tenant.catalogPatch(id);
          if (entry !== undefined && entry.platform === platform) {
            found.push(entry.item);
          }
        }
        return { json: sortItems(found, sort).map((item) => project(item, attributes)) };
      },
    },
  ];
}
