/**
 * `Patch` with its connection and the root fields `patch` and `patches`.
 */
import { builder, type GatewayContext } from '../../builder.js';
import type { QualysPlatform } from '../../qualys/api.js';
import type { QualysPatch } from '../../qualys/schemas/index.js';
import {
  platformFromWire,
  platformToWire,
  qualysPlatform,
  vendorSeverityFromWire,
} from '../../qualys/vocabulary.js';
import { Platform, VendorSeverity } from '../support/enums.js';
import { entityNotFound, requireKey, uuidKeyField } from '../support/federation.js';
import { loadPatchRecord, nullIfNotFound, patchField } from '../support/load.js';
import {
  fetchOffsetWindow,
  offsetAfterSchema,
  offsetConnection,
  offsetFirstSchema,
} from '../support/pagination.js';
import { Patch, type PatchParent, Vulnerability } from '../support/refs.js';
import {
  BATCH,
  byIdOnPlatforms,
  carriedBy,
  carriedByAll,
  cost,
  lookupCost,
  offsetPage,
  perPlatformBatches,
  refList,
} from '../support/upstream-cost.js';
import { qualysIdSchema } from '../support/validation.js';
import { loadVulnerabilities } from './vulnerability.js';

/** Patch parents for patch UUIDs held by a parent payload (no call until a field needs one). */
export function patchRefs(ids: readonly string[], platform: QualysPlatform | null): PatchParent[] {
  return ids.map((id) => ({ id, platform }));
}

/** The patch's platform: its own when known, else from the record (loading it if needed). */
async function platformOf(patch: PatchParent, ctx: GatewayContext): Promise<QualysPlatform | null> {
  if (patch.platform) return patch.platform;
  const found = await loadPatchRecord(patch, ctx);
  return qualysPlatform(found.value?.platform) ?? found.platform;
}

/** Linked patches (supersedence) of a patch, on the patch's platform. */
async function linkedPatches(
  patch: PatchParent,
  ctx: GatewayContext,
  read: (record: QualysPatch) => readonly string[],
): Promise<PatchParent[]> {
  const found = patch.full
    ? { value: patch.full, platform: patch.platform }
    : await loadPatchRecord(patch, ctx);
  if (!found.value) return [];
  return patchRefs(
    read(found.value),
    patch.platform ?? qualysPlatform(found.value.platform) ?? found.platform,
  );
}

Patch.implement({
  ...lookupCost((n) => perPlatformBatches(n, BATCH.patchUuidsPerCatalogCall)),
  description:
    'A patch (Qualys patch UUID). Details come from the customer patch list (`GET /pm/v1/patches`, with ' +
    'per-customer counts) or the patch catalog (`POST /pm/v1/patchcatalog/patches`, batched 1,000 UUIDs per ' +
    'platform per call). Only `id` is non-null: other fields are null (lists empty) when neither knows the ' +
    'patch, and null with an error in `errors` when they needed the catalog lookup and it failed.',
  fields: (t) => ({
    id: t.exposeID('id', {
      ...carriedByAll,
      nullable: false,
      description: 'The patch UUID.',
    }),
    title: t.string({
      ...carriedBy('list'),
      nullable: true,
      description:
        'The patch title (no call from job lists and patch lists); null when Qualys does not know the ' +
        'patch.',
      resolve: (p, _args, ctx) =>
        p.full ? p.full.title : (p.title ?? patchField(p, ctx, (r) => r.title, null)),
    }),
    kb: t.string({
      nullable: true,
      description: 'The Microsoft KB article (`KB4569073`); null for non-Microsoft patches or unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.kb || null, null),
    }),
    bulletin: t.string({
      nullable: true,
      description:
        'The vendor bulletin id (`MS20-08-SSU-4569073`); null when the vendor has none or unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.bulletin || null, null),
    }),
    vendor: t.string({
      nullable: true,
      description: 'The vendor (`Microsoft`); null when unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.vendor, null),
    }),
    vendorSeverity: t.field({
      type: VendorSeverity,
      nullable: true,
      description: "The vendor's severity rating (Qualys `vendorSeverity`); null when unrated or unknown.",
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => vendorSeverityFromWire(r.vendorSeverity), null),
    }),
    vendorSeverityLabel: t.string({
      nullable: true,
      description:
        'The raw Qualys `vendorSeverity` value, for values `vendorSeverity` maps to `OTHER`; null when ' +
        'unrated or unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.vendorSeverity, null),
    }),
    category: t.string({
      nullable: true,
      description: 'The patch category (`Security Patches`); null when unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.category, null),
    }),
    type: t.string({
      nullable: true,
      description: 'The patch type as Qualys names it (`OS`, `APPLICATION`, ...); null when unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.type, null),
    }),
    platform: t.field({
      type: Platform,
      nullable: true,
      description:
        'The platform of the patch (no call when the referencing job, result or list says it); null when ' +
        'unknown.',
      resolve: async (p, _args, ctx) => {
        const platform = await platformOf(p, ctx);
        return platform ? platformFromWire(platform) : null;
      },
    }),
    isSecurity: t.boolean({
      nullable: true,
      description: 'True for a security patch; null when unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.isSecurity, null),
    }),
    isSuperseded: t.boolean({
      nullable: true,
      description: 'True when a newer patch supersedes it; null when unknown (Qualys sends null on Linux).',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.isSuperseded, null),
    }),
    isRollback: t.boolean({
      nullable: true,
      description:
        'True when the patch can be rolled back (uninstalled) by a rollback job; null when unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.isRollback, null),
    }),
    rebootRequired: t.boolean({
      nullable: true,
      description: 'True when installing it needs a reboot; null when unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.rebootRequired, null),
    }),
    cves: t.stringList({
      nullable: true,
      description: 'CVE ids the patch fixes (Qualys `cve`); empty when none or when the patch is unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.cve, []),
    }),
    qids: t.intList({
      nullable: true,
      description:
        'QIDs the patch fixes (Qualys `qid`, numbers even where Qualys sends strings); empty when none ' +
        'or when the patch is unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.qid, []),
    }),
    vulnerabilities: t.field({
      ...cost({ rule: refList('ref') }),
      type: [Vulnerability],
      nullable: true,
      description:
        'The QIDs of `qids` as vulnerabilities (batched `POST /pm/v1/vulnerabilities`); QIDs Qualys does ' +
        'not know are left out.',
      resolve: async (p, _args, ctx) => loadVulnerabilities(await patchField(p, ctx, (r) => r.qid, []), ctx),
    }),
    supersedes: t.field({
      ...cost({ rule: refList('ref') }),
      type: [Patch],
      nullable: true,
      description: 'The older patches this one replaces (Qualys `supersedes`); empty when none or unknown.',
      resolve: (p, _args, ctx) => linkedPatches(p, ctx, (r) => r.supersedes),
    }),
    supersededBy: t.field({
      ...cost({ rule: refList('ref') }),
      type: [Patch],
      nullable: true,
      description:
        'The newer patches that replace this one (Qualys `supersededBy`); empty when none or unknown.',
      resolve: (p, _args, ctx) => linkedPatches(p, ctx, (r) => r.supersededBy),
    }),
    appFamilies: t.stringList({
      nullable: true,
      description:
        'Application families (Qualys `appFamily`, a string or a list upstream); empty when none or ' +
        'unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.appFamily, []),
    }),
    products: t.stringList({
      nullable: true,
      description: 'Products the patch applies to (Qualys `product`); empty when none or unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.product, []),
    }),
    architectures: t.stringList({
      nullable: true,
      description: 'CPU architectures (Qualys `architecture`, e.g. `X64`); empty when none or unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.architecture, []),
    }),
    vendorLink: t.string({
      nullable: true,
      description: "The vendor's page about the patch (Qualys `vendorlink`); null when none.",
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.vendorlink, null),
    }),
    downloadMethod: t.string({
      nullable: true,
      description: 'How the agent obtains the patch (`Automatic`, ...); null when unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.downloadMethod, null),
    }),
    publishedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the vendor published the patch (Qualys `publishedDate`); null when unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.publishedDate, null),
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the patch record last changed (Qualys `modifiedDate`); null when unknown.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.modifiedDate, null),
    }),
    missingCount: t.int({
      nullable: true,
      description:
        'On how many of your assets the patch is missing. Only the patch list (`patches`) has it: null ' +
        'when the patch was loaded from the patch catalog.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.missingCount, null),
    }),
    installedCount: t.int({
      nullable: true,
      description:
        'On how many of your assets the patch is installed. Only the patch list (`patches`) has it: null ' +
        'when the patch was loaded from the patch catalog.',
      resolve: (p, _args, ctx) => patchField(p, ctx, (r) => r.installedCount, null),
    }),
  }),
});

/**
 * Federation: a `Patch` by UUID, from the patch catalog like the root `patch` field (Windows and
 * Linux at once: one `POST /pm/v1/patchcatalog/patches` per platform per 1,000 UUIDs of the
 * request). A UUID neither catalog knows is `NOT_FOUND`.
 */
builder.asEntity(Patch, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (representation, ctx): Promise<PatchParent> => {
    const id = requireKey(uuidKeyField(representation, 'Patch', 'id'), 'Patch', ['id']);
    const found = await nullIfNotFound(loadPatchRecord({ id, platform: null }, ctx));
    if (!found?.value) throw entityNotFound('Patch', `id ${id}`);
    return { id: found.value.id, platform: found.platform, full: found.value };
  },
});

const PatchConnection = builder.connectionObject(
  {
    type: Patch,
    name: 'PatchConnection',
    description:
      'A page of patches. Qualys returns no totals; `pageInfo.hasNextPage` says the page came back full.',
  },
  { description: 'A patch in a page of patches, with its cursor.' },
);

builder.queryFields((t) => ({
  patch: t.field({
    ...cost({ rule: byIdOnPlatforms }),
    type: Patch,
    nullable: true,
    description:
      'A patch by UUID, from the patch catalog (no per-customer counts). Without `platform` the patch is looked ' +
      'up on Windows and Linux at once. Null when no platform knows the patch.',
    args: {
      id: t.arg.id({ required: true, description: 'The patch UUID.', validate: qualysIdSchema }),
      platform: t.arg({
        type: Platform,
        required: false,
        description: 'The platform of the patch, when known; saves a catalog call.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const found = await nullIfNotFound(
        loadPatchRecord({ id: args.id, platform: args.platform ? platformToWire(args.platform) : null }, ctx),
      );
      if (!found?.value) return null;
      return { id: found.value.id, platform: found.platform, full: found.value };
    },
  }),
  patches: t.field({
    ...cost({ rule: offsetPage('full') }),
    type: PatchConnection,
    nullable: false,
    description:
      'Your patches on one platform, with per-customer counts (`GET /pm/v1/patches`). Offset paging: at most ' +
      'the first 10,000 patches of a query can be reached (`QUALYS_RECORD_CAP` beyond).',
    args: {
      platform: t.arg({ type: Platform, required: true, description: 'The platform to list.' }),
      query: t.arg.string({
        required: false,
        description:
          'Patch QQL on patch attributes, e.g. `vendorSeverity:Critical and isSecurity:true` (Qualys `query`).',
      }),
      havingQuery: t.arg.string({
        required: false,
        description:
          'Asset QQL: only patches present on assets matching it, e.g. `name:"Windows"` (Qualys `havingQuery`).',
      }),
      first: t.arg.int({
        required: false,
        defaultValue: 20,
        description: 'How many patches to return, 1-1000.',
        validate: offsetFirstSchema,
      }),
      after: t.arg.string({
        required: false,
        description: 'Return the patches after this cursor (an `endCursor` or edge `cursor` of this list).',
        validate: offsetAfterSchema,
      }),
    },
    resolve: async (_root, args, ctx) => {
      const platform = platformToWire(args.platform);
      const window = await fetchOffsetWindow(
        { first: args.first ?? 20, after: args.after },
        'GET /pm/v1/patches',
        (pageNumber, pageSize) =>
          ctx.qualys.listPatches({
            platform,
            query: args.query ?? undefined,
            havingQuery: args.havingQuery ?? undefined,
            pageNumber,
            pageSize,
          }),
      );
      for (const record of window.items) ctx.loaders.patchesById.prime({ platform, id: record.id }, record);
      return offsetConnection(window, (record): PatchParent => ({ id: record.id, platform, full: record }));
    },
  }),
}));
