/**
 * The read-only part of a tenant's data, built once from its generated fleet and the seed samples
 * (which win over generated data for the same id): the assets (generated and seed) with the
 * indexes the routes look them up by, the catalog patches (the patch list per platform and the
 * catalog object of each patch), the QIDs, tags and users, and the names job list items show.
 *
 * @module
 */
import type { GeneratedFleet } from '../fleet/generate-fleet.js';
import type { QidSource } from '../fleet/generate-vulnerabilities.js';
import type { Platform, SimAsset, SimPatch, SimTag, SimUser, SimVulnerability } from '../fleet/types.js';
import type { JsonObject } from '../json.js';
import { createPrng } from '../prng.js';
import { toCatalogPatch } from './catalog-patch.js';
import type { JobListLookups } from './job-list-items.js';
import { buildSeedAssets } from './seed-assets.js';
import type { SeedIndex } from './seed-index.js';

/**
 * The QIDs the seed patch samples name, for the fleet generator (`POST /pm/v1/vulnerabilities`
 * must know them too).
 *
 * @param seeds - the seed index, or `null` for a tenant without seed samples.
 */
export function seedQidSources(seeds: SeedIndex | null): QidSource[] {
  return (seeds?.patches ?? []).flatMap(({ item }) =>
    (Array.isArray(item['qid']) ? item['qid'] : []).map((qid) => ({
      qid: Number(qid),
      title: typeof item['title'] === 'string' ? item['title'] : `QID ${String(qid)}`,
      cves: Array.isArray(item['cve']) ? item['cve'].filter((c): c is string => typeof c === 'string') : [],
      vendorSeverity: typeof item['vendorSeverity'] === 'string' ? item['vendorSeverity'] : 'Moderate',
      publishedDate: typeof item['publishedDate'] === 'number' ? item['publishedDate'] : 0,
    })),
  );
}

/**
 * A tenant's assets, patches, QIDs, tags and users, and the lookups over them: the read-only base
 * of `TenantStore`, which adds the jobs.
 */
export class TenantCatalog {
  /** The tags. */
  readonly tags: readonly SimTag[];
  /** The users. */
  readonly users: readonly SimUser[];
  /** All assets (generated and seed), ascending numeric `assetId`. */
  readonly assets: readonly SimAsset[];
  /** Generated catalog patches. */
  readonly patches: readonly SimPatch[];
  /** QIDs, ascending. */
  readonly vulnerabilities: readonly SimVulnerability[];
  /** Asset ids the seed samples list as unmapped. */
  readonly seedUnmappedAssetIds: readonly number[];
  /** Every asset by UUID. */
  protected readonly assetById: ReadonlyMap<string, SimAsset>;
  /** Generated catalog patches by UUID. */
  protected readonly patchById: ReadonlyMap<string, SimPatch>;

  readonly #assetsByPlatform: Readonly<Record<Platform, readonly SimAsset[]>>;
  readonly #assetByNumericId: ReadonlyMap<number, SimAsset>;
  readonly #patchList: Readonly<Record<Platform, readonly JsonObject[]>>;
  readonly #catalog: ReadonlyMap<string, { readonly platform: Platform; readonly item: JsonObject }>;
  readonly #vulnerabilityById: ReadonlyMap<number, SimVulnerability>;
  readonly #tagNames: ReadonlyMap<string, string>;

  /**
   * @param fleet - the tenant's generated fleet.
   * @param seeds - the seed index to merge in, or `null` for a tenant without seed samples.
   * @param root - the tenant's root seed (seed assets draw from its `seedAssets` fork).
   */
  constructor(fleet: GeneratedFleet, seeds: SeedIndex | null, root: number) {
    this.tags = fleet.tags;
    this.users = fleet.users;
    this.patches = fleet.patches;
    this.vulnerabilities = fleet.vulnerabilities;
    this.seedUnmappedAssetIds = seeds?.unmappedAssetIds ?? [];
    this.#tagNames = new Map(fleet.tags.map((tag) => [tag.id, tag.name]));

    const seedAssets = seeds === null ? [] : buildSeedAssets(createPrng(root).fork('seedAssets'), seeds);
    const seedAssetIds = new Set(seedAssets.map((asset) => asset.id));
    this.assets = [...seedAssets, ...fleet.assets.filter((asset) => !seedAssetIds.has(asset.id))].sort(
      (a, b) => a.assetId - b.assetId,
    );
    this.#assetsByPlatform = {
      Windows: this.assets.filter((asset) => asset.platform === 'Windows'),
      Linux: this.assets.filter((asset) => asset.platform === 'Linux'),
    };
    this.assetById = new Map(this.assets.map((asset) => [asset.id, asset]));
    const unmapped = new Set(this.seedUnmappedAssetIds);
    this.#assetByNumericId = new Map(
      this.assets.filter((asset) => !unmapped.has(asset.assetId)).map((asset) => [asset.assetId, asset]),
    );
    this.patchById = new Map(fleet.patches.map((patch) => [patch.id, patch]));

    const byNewest = (list: readonly SimPatch[]): SimPatch[] =>
      list.slice().sort((a, b) => b.publishedDate - a.publishedDate);
    const seedPatches = (platform: Platform): JsonObject[] =>
      (seeds?.patches ?? []).filter((entry) => entry.platform === platform).map((entry) => entry.item);
    const seedPatchIds = new Set((seeds?.patches ?? []).map((entry) => String(entry.item['id'])));
    this.#patchList = {
      Windows: [
        ...seedPatches('Windows'),
        ...byNewest(fleet.patches.filter((p) => p.platform === 'Windows' && !seedPatchIds.has(p.id))),
      ],
      Linux: [
        ...seedPatches('Linux'),
        ...byNewest(fleet.patches.filter((p) => p.platform === 'Linux' && !seedPatchIds.has(p.id))),
      ],
    };
    const catalog = new Map<string, { platform: Platform; item: JsonObject }>();
    for (const patch of fleet.patches) {
      catalog.set(patch.id, { platform: patch.platform, item: toCatalogPatch(patch, patch.platform) });
    }
    for (const { platform, item } of seeds?.patches ?? []) {
      catalog.set(String(item['id']), { platform, item: toCatalogPatch(item, platform) });
    }
    this.#catalog = catalog;
    this.#vulnerabilityById = new Map(fleet.vulnerabilities.map((vuln) => [vuln.id, vuln]));
  }

  /** Assets of one platform, ascending `assetId`. */
  assetsOf(platform: Platform): readonly SimAsset[] {
    return this.#assetsByPlatform[platform];
  }

  /** The asset with this UUID. */
  asset(uuid: string): SimAsset | undefined {
    return this.assetById.get(uuid);
  }

  /** The asset with this numeric Qualys asset id, unless PM does not map it. */
  assetByAssetId(assetId: number): SimAsset | undefined {
    return this.#assetByNumericId.get(assetId);
  }

  /** A generated catalog patch by UUID. */
  patch(uuid: string): SimPatch | undefined {
    return this.patchById.get(uuid);
  }

  /** What `GET /pm/v1/patches` lists for a platform, in its default order (seed samples first, then newest first). */
  patchList(platform: Platform): readonly JsonObject[] {
    return this.#patchList[platform];
  }

  /** The full catalog object of a patch and its platform. */
  catalogPatch(uuid: string): { readonly platform: Platform; readonly item: JsonObject } | undefined {
    return this.#catalog.get(uuid);
  }

  /** A QID. */
  vulnerability(qid: number): SimVulnerability | undefined {
    return this.#vulnerabilityById.get(qid);
  }

  /** The names job list items show: asset names, catalog patch titles, tag names. */
  protected listLookups(): JobListLookups {
    return {
      assetName: (id) => this.assetById.get(id)?.name ?? null,
      patchTitle: (id) => {
        const title = this.#catalog.get(id)?.item['title'];
        return typeof title === 'string' ? title : null;
      },
      tagName: (id) => this.#tagNames.get(id) ?? null,
    };
  }
}
