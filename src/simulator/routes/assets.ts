/**
 * The asset list (release 3.9; qualysdk; docs/qualys-api.md §11.7):
 *
 * - `GET /pm/v1/assets?platform=&pageNumber=&pageSize=&query=&havingQuery=&attributes=` — offset
 *   paging (`pageSize` default 10), capped at 10,000 records (2501);
 * - `POST /pm/v1/assets?platform=&pageSize=` with body `{query, havingQuery, attributes}` — cursor
 *   paging: while more assets follow, the answer carries a `searchAfter` header; the client sends
 *   it back as a `searchAfter` request header for the next page (no record cap). `pageSize`
 *   default 400.
 *
 * Both: `platform` default Windows; `pageSize` at most 400 (more -> 400, 9003); `query` is asset QQL
 * (e.g. `id:[uuid1,uuid2]`, `tags.id:…`, `status:Failed`); `havingQuery` is patch QQL: only assets
 * with a missing or installed patch matching it (`patchStatus` is that patch's status on the asset);
 * `attributes` projects (`id` always kept). Assets come in ascending numeric `assetId`.
 *
 * @module
 */
import { badParameter } from '../errors.js';
import type { Platform, SimAsset } from '../fleet/types.js';
import {
  parseAttributes,
  parseOffsetPage,
  parsePageSize,
  parsePlatform,
  project,
  slicePage,
} from '../list-params.js';
import type { RouteContext, TenantRoute } from '../router.js';
import { ASSET_QQL_FIELDS, PATCH_QQL_FIELDS } from '../store/qql-fields.js';
import type { TenantStore } from '../store/tenant-store.js';
import { bodyObject, compileParameter } from './route-helpers.js';

/** Largest `pageSize` of the asset list (qualysdk: "Default (and max) is 400"). */
export const MAX_ASSET_PAGE_SIZE = 400;

/** Name of the cursor header, in responses and requests. */
export const SEARCH_AFTER_HEADER = 'searchAfter';

function filterAssets(
  tenant: TenantStore,
  platform: Platform,
  query: unknown,
  havingQuery: unknown,
): SimAsset[] {
  const matches = compileParameter('query', query, ASSET_QQL_FIELDS, 'assets');
  const having =
    typeof havingQuery === 'string' && havingQuery.trim() !== ''
      ? compileParameter('havingQuery', havingQuery, PATCH_QQL_FIELDS, 'patches')
      : null;
  return tenant.assetsOf(platform).filter((asset) => {
    if (!matches(asset)) {
      return false;
    }
    if (having === null) {
      return true;
    }
    for (const missing of asset.missingPatches) {
      const patch = tenant.patch(missing.id);
      if (patch !== undefined && having({ patch, statuses: ['Missing'] })) {
        return true;
      }
    }
    for (const id of asset.installedPatches) {
      const patch = tenant.patch(id);
      if (patch !== undefined && having({ patch, statuses: ['Installed'] })) {
        return true;
      }
    }
    return false;
  });
}

/** Encodes the cursor after an asset: opaque to clients. */
function encodeCursor(asset: SimAsset): string {
  return Buffer.from(JSON.stringify(['assetId', asset.assetId])).toString('base64url');
}

/**
 * Decodes a cursor.
 *
 * @throws SimulatorHttpError 400 (9001) when it is not one this simulator issued.
 */
function decodeCursor(raw: string): number {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value[0] === 'assetId' && Number.isSafeInteger(value[1])) {
      return value[1] as number;
    }
  } catch {
    // fall through to the error below
  }
  throw badParameter(
    `Invalid ${SEARCH_AFTER_HEADER} '${raw}': pass back the header of the previous page unchanged`,
  );
}

function cursorHeader(ctx: RouteContext): string | null {
  const raw = ctx.headers[SEARCH_AFTER_HEADER.toLowerCase()];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value === '' ? null : value;
}

/** @returns the GET (offset) and POST (cursor) asset list routes. */
export function createAssetRoutes(): TenantRoute[] {
  return [
    {
      method: 'GET',
      pattern: '/pm/v1/assets',
      access: 'tenant',
      handle(ctx, tenant) {
        const platform = parsePlatform(ctx.query.get('platform'), 'Windows');
        const page = parseOffsetPage(ctx.query.get('pageNumber'), ctx.query.get('pageSize'), {
          maxPageSize: MAX_ASSET_PAGE_SIZE,
        });
        const attributes = parseAttributes(ctx.query.get('attributes'));
        const assets = filterAssets(tenant, platform, ctx.query.get('query'), ctx.query.get('havingQuery'));
        return { json: slicePage(assets, page).map((asset) => project(asset, attributes)) };
      },
    },
    {
      method: 'POST',
      pattern: '/pm/v1/assets',
      access: 'tenant',
      handle(ctx, tenant) {
        const platform = parsePlatform(ctx.query.get('platform'), 'Windows');
        const pageSize = parsePageSize(ctx.query.get('pageSize'), {
          defaultPageSize: MAX_ASSET_PAGE_SIZE,
          maxPageSize: MAX_ASSET_PAGE_SIZE,
        });
        const body = bodyObject(ctx, false);
        const attributes = parseAttributes(body['attributes']);
        const assets = filterAssets(tenant, platform, body['query'], body['havingQuery']);
        const cursor = cursorHeader(ctx);
        const after = cursor === null ? null : decodeCursor(cursor);
        const start = after === null ? 0 : assets.findIndex((asset) => asset.assetId > after);
        const from = start === -1 ? assets.length : start;
        const page = assets.slice(from, from + pageSize);
        const last = page[page.length - 1];
        const more = from + page.length < assets.length && last !== undefined;
        return {
          json: page.map((asset) => project(asset, attributes)),
          headers: more ? { [SEARCH_AFTER_HEADER]: encodeCursor(last) } : {},
        };
      },
    },
  ];
}
