/**
 * `POST /pm/v1/assets/uuids` (seed 000; docs/qualys-api.md §11.8): the body is a bare JSON array of
 * numeric asset ids (digit strings accepted) or, as the seed's curl shows, a bare comma-separated
 * list; at most 1,000 ids (more -> 400, 9003). Answers exactly the seed's shape:
 * `{"mappedAssets":[{"assetId","assetUuid"}],"unmappedAssets":"[29995962]"}` — the unmapped ids as
 * a stringified list (`"[1, 2]"`, `"[]"` when none), both in request order, duplicates once.
 *
 * @module
 */

import { badParameter } from '../errors.js';
import { UNMAPPED_ASSET_ID_RANGE } from '../fleet/generate-assets.js';
import type { RouteContext, TenantRoute } from '../router.js';
import { assertBatchSize, unique } from './route-helpers.js';

const ID_LIST = /^\s*\[?\s*(\d+\s*(,\s*\d+\s*)*)?\]?\s*$/;

function parseAssetIds(ctx: RouteContext): number[] {
  let parsed: unknown;
  try {
    parsed = ctx.rawBody.trim() === '' ? undefined : JSON.parse(ctx.rawBody);
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed)) {
    if (
      !parsed.every(
        (id) =>
          (typeof id === 'number' && Number.isSafeInteger(id)) ||
          (typeof id === 'string' && /^\d+$/.test(id)),
      )
    ) {
      throw badParameter('Invalid request body: expected a JSON array of integer asset ids');
    }
    return parsed.map(Number);
  }
  if (typeof parsed === 'number' && Number.isSafeInteger(parsed)) {
    return [parsed];
  }
  if (ID_LIST.test(ctx.rawBody) && ctx.rawBody.trim() !== '') {
    return ctx.rawBody
      .replace(/[[\]\s]/g, '')
      .split(',')
      .filter((part) => part !== '')
      .map(Number);
  }
  throw badParameter('Invalid request body: expected asset ids as a JSON array or a comma-separated list');
}

/** @returns the asset id -> UUID mapping route. */
export function createAssetUuidRoutes(): TenantRoute[] {
  return [
    {
      method: 'POST',
      pattern: '/pm/v1/assets/uuids',
      access: 'tenant',
      handle(ctx, tenant) {
        const ids = parseAssetIds(ctx);
        assertBatchSize('asset ids', ids.length);
        const mappedAssets: { assetId: number; assetUuid: string }[] = [];
        const unmapped: number[] = [];
        for (const assetId of unique(ids)) {
          const knownButUnmapped =
            assetId >= UNMAPPED_ASSET_ID_RANGE.first && assetId <= UNMAPPED_ASSET_ID_RANGE.last;
          const asset = knownButUnmapped ? undefined : tenant.assetByAssetId(assetId);
          if (asset === undefined) {
            unmapped.push(assetId);
          } else {
            mappedAssets.push({ assetId, assetUuid: asset.id });
          }
        }
        return { json: { mappedAssets, unmappedAssets: `[${unmapped.join(', ')}]` } };
      },
    },
  ];
}
