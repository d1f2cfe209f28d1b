/**
 * `Asset` (with `NetworkInterface` and `Hardware`) and its federation keys. The root fields
 * `asset` and `assets` are in `asset-queries.ts`.
 */
import { builder, type GatewayContext } from '../../builder.js';
import { ASSET_UUIDS_PER_JOB_QUERY } from '../../loaders/index.js';
import type { QualysPlatform } from '../../qualys/api.js';
import { platformFromWire, qualysPlatform } from '../../qualys/vocabulary.js';
import { patchRefs } from '../catalog/patch.js';
import { Platform } from '../support/enums.js';
import { entityNotFound, intKeyField, requireKey, uuidKeyField } from '../support/federation.js';
import { assetField, loadAssetRecord, nullIfNotFound } from '../support/load.js';
import {
  Asset,
  type AssetParent,
  Hardware,
  type JobParent,
  NetworkInterface,
  Patch,
  PatchJob,
  type PatchParent,
  Tag,
} from '../support/refs.js';
import {
  BATCH,
  carriedBy,
  carriedByAll,
  cost,
  type FieldRule,
  lookupCost,
  perPlatformBatches,
  refList,
} from '../support/upstream-cost.js';

/**
 * `Asset.patchJobs`: one `GET /pm/v1/deploymentjobs` per 100 asset UUIDs and platform (both when
 * the assets' platform may be unknown); the jobs are job-list entries.
 */
const jobsOfAssets: FieldRule = (slot, _args, listSize) => ({
  calls: perPlatformBatches(slot.count, ASSET_UUIDS_PER_JOB_QUERY),
  count: slot.count * listSize,
  origin: 'list',
});

/** The asset's platform: its own when known, else the one it was found on (loading it if needed). */
async function platformOf(asset: AssetParent, ctx: GatewayContext): Promise<QualysPlatform | null> {
  if (asset.platform) return asset.platform;
  const found = await loadAssetRecord(asset, ctx);
  return qualysPlatform(found.value?.platform) ?? found.platform;
}

NetworkInterface.implement({
  description:
    'A network interface of an asset. The same MAC address can appear twice, once for IPv4 and once for IPv6.',
  fields: (t) => ({
    name: t.string({
      nullable: true,
      description: 'The interface name (Qualys `interfaceName`); null when Qualys does not report it.',
      resolve: (i) => i.interfaceName,
    }),
    macAddress: t.string({
      nullable: true,
      description: 'The MAC address; null when not reported.',
      resolve: (i) => i.macAddress,
    }),
    ipv4Address: t.string({
      nullable: true,
      description: 'The IPv4 address (Qualys `address`); null when not reported.',
      resolve: (i) => i.address,
    }),
    ipv6Address: t.string({
      nullable: true,
      description: 'The IPv6 address (Qualys `ipv6Address`, release 3.9); null when not reported.',
      resolve: (i) => i.ipv6Address,
    }),
    gatewayAddress: t.string({
      nullable: true,
      description: 'The default gateway address; null when not reported.',
      resolve: (i) => i.gatewayAddress,
    }),
  }),
});

Hardware.implement({
  description: 'Hardware facts of an asset (Qualys `hardware`).',
  fields: (t) => ({
    model: t.string({
      nullable: true,
      description: 'The model; null when not reported.',
      resolve: (h) => h.model,
    }),
    manufacturer: t.string({
      nullable: true,
      description: 'The manufacturer; null when not reported.',
      resolve: (h) => h.manufacturer,
    }),
  }),
});

Asset.implement({
  ...lookupCost((n) => perPlatformBatches(n, BATCH.assetsPerPage)),
  description:
    'An asset (a host with the Qualys Cloud Agent) as Patch Management knows it, identified by its asset UUID. ' +
    'Fields the referencing payload already holds (a job list, a job result, a UUID mapping) cost no call; the ' +
    'others load the asset from the asset list (`POST /pm/v1/assets`, batched 400 per platform per call). ' +
    'Only `id` is non-null: other fields are null when the asset cannot be found, and null with an error in ' +
    '`errors` when they needed the asset lookup and it failed.',
  fields: (t) => ({
    id: t.exposeID('id', {
      ...carriedByAll,
      nullable: false,
      description: 'The PM asset UUID (the Cloud Agent id).',
    }),
    assetId: t.int({
      ...carriedBy('mapped'),
      nullable: true,
      description:
        'The numeric Qualys asset id used by VMDR and CSAM (Qualys `assetId`); null when unknown. Free ' +
        'when the asset came from `assetsByAssetId`.',
      resolve: (a, _args, ctx) => assetField(a, ctx, (r) => r.assetId, a.assetId, null),
    }),
    name: t.string({
      ...carriedBy('list', 'result'),
      nullable: true,
      description: 'The asset name (no call from job lists and job results); null when Qualys has none.',
      resolve: (a, _args, ctx) => assetField(a, ctx, (r) => r.name, a.partial?.name, null),
    }),
    operatingSystem: t.string({
      ...carriedBy('result'),
      nullable: true,
      description:
        'The operating system as Qualys describes it (no call from job results); null when unknown.',
      resolve: (a, _args, ctx) =>
        assetField(a, ctx, (r) => r.operatingSystem, a.partial?.operatingSystem, null),
    }),
    platform: t.field({
      ...carriedBy('list', 'result'),
      type: Platform,
      nullable: true,
      description:
        'The platform of the asset (no call when the referencing job or list says it); null when unknown.',
      resolve: async (a, _args, ctx) => {
        const platform = await platformOf(a, ctx);
        return platform ? platformFromWire(platform) : null;
      },
    }),
    status: t.string({
      nullable: true,
      description:
        'The agent status as Qualys reports it (Qualys `assetStatus` or `status`; values are not ' +
        'documented, e.g. `Failed`); null when not reported.',
      resolve: (a, _args, ctx) => assetField(a, ctx, (r) => r.assetStatus ?? r.status, undefined, null),
    }),
    statusCode: t.int({
      nullable: true,
      description:
        'The Qualys status code of the agent (e.g. `20212`; meanings undocumented); null when not ' +
        'reported.',
      resolve: (a, _args, ctx) => assetField(a, ctx, (r) => r.statusCode, undefined, null),
    }),
    statusAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the status was last set (Qualys `statusDateTime`); null when not reported.',
      resolve: (a, _args, ctx) => assetField(a, ctx, (r) => r.statusDateTime, undefined, null),
    }),
    scanStatus: t.string({
      nullable: true,
      description: 'The patch scan status as Qualys reports it (e.g. `Scanned`); null when not reported.',
      resolve: (a, _args, ctx) => assetField(a, ctx, (r) => r.scanStatus, undefined, null),
    }),
    scannedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When the asset was last scanned for patches (Qualys `scanDateTime`); null until it has been ' +
        'scanned.',
      resolve: (a, _args, ctx) => assetField(a, ctx, (r) => r.scanDateTime, undefined, null),
    }),
    lastLoggedOnUser: t.string({
      nullable: true,
      description:
        'The user last logged on to the asset (no call from job results that report one); null when not ' +
        'reported.',
      resolve: (a, _args, ctx) =>
        assetField(a, ctx, (r) => r.lastLoggedOnUser || null, a.partial?.lastLoggedOnUser, null),
    }),
    architecture: t.string({
      nullable: true,
      description: 'The CPU architecture; null when not reported.',
      resolve: (a, _args, ctx) => assetField(a, ctx, (r) => r.architecture, undefined, null),
    }),
    tags: t.field({
      ...carriedBy('result'),
      type: [Tag],
      nullable: true,
      description:
        'The tags of the asset (names are often not sent by Qualys; no call from job results that list ' +
        'them); empty when none.',
      resolve: (a, _args, ctx) => assetField(a, ctx, (r) => r.tags, a.partial?.tags, []),
    }),
    interfaces: t.field({
      ...carriedBy('result'),
      type: [NetworkInterface],
      nullable: true,
      description:
        'The network interfaces of the asset (no call from job results that list them); empty when none ' +
        'are reported.',
      resolve: (a, _args, ctx) => assetField(a, ctx, (r) => r.interfaces, a.partial?.interfaces, []),
    }),
    hardware: t.field({
      type: Hardware,
      nullable: true,
      description: 'Hardware facts; null when not reported.',
      resolve: (a, _args, ctx) => assetField(a, ctx, (r) => r.hardware, undefined, null),
    }),
    installedPatches: t.field({
      ...cost({ rule: refList('ref') }),
      type: [Patch],
      nullable: true,
      description:
        'Patches installed on the asset (Qualys `installedPatches`, release 3.9); empty when none are ' +
        'reported.',
      resolve: async (a, _args, ctx) => {
        const ids = await assetField(a, ctx, (r) => r.installedPatches, undefined, []);
        return patchRefs(ids, ids.length > 0 ? await platformOf(a, ctx) : null);
      },
    }),
    missingPatches: t.field({
      ...cost({ rule: refList('ref') }),
      type: [Patch],
      nullable: true,
      description:
        'Patches missing on the asset (Qualys `missingPatches`, release 3.9); empty when none are ' +
        'reported.',
      resolve: async (a, _args, ctx) => {
        const missing = await assetField(a, ctx, (r) => r.missingPatches, undefined, []);
        const platform = missing.length > 0 ? await platformOf(a, ctx) : null;
        return missing.map(
          (m): PatchParent => (m.title ? { id: m.id, platform, title: m.title } : { id: m.id, platform }),
        );
      },
    }),
    installedPatchCount: t.int({
      nullable: true,
      description: 'How many patches are installed (Qualys `installedPatchCount`); null when not reported.',
      resolve: (a, _args, ctx) => assetField(a, ctx, (r) => r.installedPatchCount, undefined, null),
    }),
    missingPatchCount: t.int({
      nullable: true,
      description: 'How many patches are missing (Qualys `missingPatchCount`); null when not reported.',
      resolve: (a, _args, ctx) => assetField(a, ctx, (r) => r.missingPatchCount, undefined, null),
    }),
    patchJobs: t.field({
      ...cost({ rule: jobsOfAssets, carriedBy: 'all' }),
      type: [PatchJob],
      nullable: true,
      description:
        'Deployment jobs that target this asset by UUID (the job lists it among its assets); jobs that ' +
        'reach it only through tags are not listed. Loaded from the job list (`GET ' +
        '/pm/v1/deploymentjobs` filtered by asset UUID, batched 100 assets per platform per call, both ' +
        "platforms when the asset's is not known), so the jobs' list fields cost no further call. Empty " +
        'when none.',
      resolve: async (a, _args, ctx) => {
        const known = a.platform ?? qualysPlatform(a.full?.platform);
        const jobs = await ctx.loaders.patchJobsByAssetId.load({ id: a.id, platform: known });
        return jobs.map(
          ({ platform, item }): JobParent => ({ kind: 'PATCH', id: item.id, platform, listItem: item }),
        );
      },
    }),
  }),
});

/**
 * Federation: an `Asset` by UUID (`id`) or by numeric Qualys asset id (`assetId`). By `assetId`
 * it is one `POST /pm/v1/assets/uuids` per 1,000 ids of the request and the asset is known to
 * exist from the mapping; by `id` it is looked up like the root `asset` field (batched asset
 * pages, Windows and Linux at once). An unmapped or unknown asset is `NOT_FOUND`.
 */
builder.asEntity(Asset, {
  key: [builder.selection<{ id: string }>('id'), builder.selection<{ assetId: number }>('assetId')],
  resolveReference: async (representation, ctx): Promise<AssetParent> => {
    const id = uuidKeyField(representation, 'Asset', 'id');
    if (id !== undefined) {
      const found = await nullIfNotFound(loadAssetRecord({ id, platform: null }, ctx));
      if (!found?.value) throw entityNotFound('Asset', `id ${id}`);
      return { id: found.value.id, platform: found.platform, full: found.value };
    }
    const assetId = requireKey(intKeyField(representation, 'Asset', 'assetId'), 'Asset', ['id', 'assetId']);
    const uuid = await ctx.loaders.assetUuidsByAssetId.load(assetId);
    if (uuid === null) throw entityNotFound('Asset', `assetId ${assetId} (no PM asset UUID is mapped to it)`);
    return { id: uuid, platform: null, assetId };
  },
});
