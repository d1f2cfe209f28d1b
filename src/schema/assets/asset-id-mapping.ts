/**
 * `AssetIdMapping` and the root field `assetsByAssetId`: numeric Qualys asset ids to PM assets.
 */
import { z } from 'zod';
import { builder } from '../../builder.js';
import { Asset, AssetIdMapping, type AssetParent } from '../support/refs.js';
import { BATCH, byIdList, cost, sizedByParent } from '../support/upstream-cost.js';

/** Most asset ids one `assetsByAssetId` call accepts. */
export const MAX_ASSET_IDS = 10_000;

AssetIdMapping.implement({
  description:
    'The PM assets of numeric Qualys asset ids (`POST /pm/v1/assets/uuids`): VMDR and CSAM know assets by ' +
    'numeric id, Patch Management by UUID.',
  fields: (t) => ({
    mapped: t.field({
      ...cost({ rule: sizedByParent('mapped') }),
      type: [Asset],
      nullable: false,
      description:
        'The assets that have a PM UUID, in the order of the requested ids (each id once). Their `id` and ' +
        '`assetId` cost no further call; other fields load the asset.',
      resolve: (m) => [...m.mapped],
    }),
    unmappedAssetIds: t.intList({
      nullable: false,
      description: 'The requested ids Qualys could not map (Qualys `unmappedAssets`), in request order.',
      resolve: (m) => [...m.unmappedAssetIds],
    }),
  }),
});

builder.queryFields((t) => ({
  assetsByAssetId: t.field({
    ...cost({ rule: byIdList('assetIds', BATCH.assetIdsPerMapping, 'mapped') }),
    type: AssetIdMapping,
    nullable: false,
    description:
      'Maps numeric Qualys asset ids to PM assets: one `POST /pm/v1/assets/uuids` per 1,000 distinct ids. ' +
      'Duplicates are looked up once.',
    args: {
      assetIds: t.arg.intList({
        required: true,
        description: `The numeric Qualys asset ids, at most ${MAX_ASSET_IDS.toLocaleString('en-US')}.`,
        validate: z.array(z.number().int()).max(MAX_ASSET_IDS, `at most ${MAX_ASSET_IDS} asset ids per call`),
      }),
    },
    resolve: async (_root, args, ctx) => {
      const unique = [...new Set(args.assetIds)];
      const uuids = await ctx.loaders.assetUuidsByAssetId.loadMany(unique);
      const mapped: AssetParent[] = [];
      const unmappedAssetIds: number[] = [];
      for (const [i, uuid] of uuids.entries()) {
        const assetId = unique[i];
        if (assetId === undefined) continue;
        if (uuid instanceof Error) throw uuid;
        if (uuid === null) unmappedAssetIds.push(assetId);
        else mapped.push({ id: uuid, platform: null, assetId });
      }
      return { mapped, unmappedAssetIds };
    },
  }),
}));
