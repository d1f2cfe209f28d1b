/**
 * The root fields of assets: `asset` by UUID and the `searchAfter`-paged `assets`, with the asset
 * cursor (the Qualys `searchAfter` value, checked to be a legal header value before it is sent
 * back).
 */
import { z } from 'zod';
import { builder } from '../../builder.js';
import { QUALYS_LIMITS } from '../../qualys/api.js';
import { platformToWire } from '../../qualys/vocabulary.js';
import { Platform } from '../support/enums.js';
import { loadAssetRecord, nullIfNotFound } from '../support/load.js';
import type { ConnectionValue } from '../support/pagination.js';
import { Asset, type AssetParent } from '../support/refs.js';
import { byIdOnPlatforms, cost, cursorPage } from '../support/upstream-cost.js';
import { qualysIdSchema } from '../support/validation.js';

const ASSET_CURSOR_PREFIX = 'searchAfter:';
const ASSET_END_CURSOR = Buffer.from('end', 'utf8').toString('base64');

/** Wraps a Qualys `searchAfter` value as an opaque cursor (the end marker when there is none). */
function encodeAssetCursor(searchAfter: string | null): string {
  return searchAfter === null
    ? ASSET_END_CURSOR
    : Buffer.from(`${ASSET_CURSOR_PREFIX}${searchAfter}`, 'utf8').toString('base64');
}

/** Marks the cursor after the last page. */
const END = Symbol('end');

/**
 * A `searchAfter` value the gateway sends back as a request header: 1-4,096 visible ASCII
 * characters with spaces inside (Qualys sends such values; anything else, CR/LF above all, could
 * not be a header value and is not a cursor this gateway issued).
 */
const SEARCH_AFTER_VALUE = /^[\x21-\x7e](?:[\x20-\x7e]{0,4094}[\x21-\x7e])?$/;

/** Longest `after` of the asset connection, in characters (base64 of the longest cursor). */
export const MAX_ASSET_CURSOR_CHARS = 5480;

/** The `searchAfter` inside a cursor, {@link END} for the end marker, `null` when not a cursor. */
function decodeAssetCursor(cursor: string): string | typeof END | null {
  if (cursor === ASSET_END_CURSOR) return END;
  if (cursor.length > MAX_ASSET_CURSOR_CHARS) return null;
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (!text.startsWith(ASSET_CURSOR_PREFIX)) return null;
  const searchAfter = text.slice(ASSET_CURSOR_PREFIX.length);
  return SEARCH_AFTER_VALUE.test(searchAfter) ? searchAfter : null;
}

const AssetConnection = builder.connectionObject(
  {
    type: Asset,
    name: 'AssetConnection',
    description:
      'A page of assets. Qualys pages assets with a page-level cursor (`searchAfter`), so every edge of a page ' +
      'carries the cursor that continues after the page.',
  },
  { description: 'An asset in a page of assets, with the cursor of its page.' },
);

builder.queryFields((t) => ({
  asset: t.field({
    ...cost({ rule: byIdOnPlatforms }),
    type: Asset,
    nullable: true,
    description:
      'An asset by UUID (`POST /pm/v1/assets` filtered by UUID). Without `platform` it is looked up on Windows ' +
      'and Linux at once. Null when no platform has it.',
    args: {
      id: t.arg.id({ required: true, description: 'The PM asset UUID.', validate: qualysIdSchema }),
      platform: t.arg({
        type: Platform,
        required: false,
        description: 'The platform of the asset, when known; saves a call.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const found = await nullIfNotFound(
        loadAssetRecord({ id: args.id, platform: args.platform ? platformToWire(args.platform) : null }, ctx),
      );
      if (!found?.value) return null;
      return { id: found.value.id, platform: found.platform, full: found.value };
    },
  }),
  assets: t.field({
    ...cost({ rule: cursorPage(50) }),
    type: AssetConnection,
    nullable: false,
    description:
      'Assets of one platform (`POST /pm/v1/assets`), paged with the Qualys `searchAfter` cursor (no 10,000-record cap).',
    args: {
      platform: t.arg({ type: Platform, required: true, description: 'The platform to list.' }),
      query: t.arg.string({ required: false, description: 'Asset QQL (Qualys body `query`).' }),
      havingQuery: t.arg.string({
        required: false,
        description: 'Patch QQL: only assets having patches that match it (Qualys body `havingQuery`).',
      }),
      first: t.arg.int({
        required: false,
        defaultValue: 50,
        description: `How many assets to return, 1-${QUALYS_LIMITS.assetsPerPage} (one Qualys page).`,
        validate: z
          .number()
          .int()
          .min(1, 'first must be at least 1')
          .max(QUALYS_LIMITS.assetsPerPage, `first must be at most ${QUALYS_LIMITS.assetsPerPage}`)
          .nullish(),
      }),
      after: t.arg.string({
        required: false,
        description: 'Return the assets after this cursor (the `endCursor` of the previous page).',
        validate: z
          .string()
          .refine((c) => decodeAssetCursor(c) !== null, 'after is not a cursor of this connection')
          .nullish(),
      }),
    },
    resolve: async (_root, args, ctx): Promise<ConnectionValue<AssetParent>> => {
      const platform = platformToWire(args.platform);
      const first = args.first ?? 50;
      const searchAfter = args.after ? decodeAssetCursor(args.after) : null;
      const empty = { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null };
      if (searchAfter === END) return { edges: [], pageInfo: empty };
      const page = await ctx.qualys.listAssets({
        platform,
        query: args.query ?? undefined,
        havingQuery: args.havingQuery ?? undefined,
        pageSize: first,
        searchAfter,
      });
      const cursor = encodeAssetCursor(page.searchAfter);
      const edges = page.assets.map((record) => {
        ctx.loaders.assetsById.prime({ platform, id: record.id }, record);
        return { cursor, node: { id: record.id, platform, full: record } };
      });
      return {
        edges,
        pageInfo: {
          hasNextPage: page.searchAfter !== null && page.assets.length === first,
          hasPreviousPage: searchAfter !== null,
          startCursor: edges.length > 0 ? cursor : null,
          endCursor: edges.length > 0 ? cursor : null,
        },
      };
    },
  }),
}));
