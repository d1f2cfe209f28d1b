/**
 * Assets for the asset UUIDs the seed samples refer to (the asset id -> UUID mapping sample, the
 * assets of result summaries, job `assetIds`, job list `assets`), so the asset endpoints know them
 * too: `POST /pm/v1/assets/uuids` maps 27994959 and 29997962 to the sample UUIDs, and `GET
 * /pm/v1/assets?query=id:<uuid>` finds the asset of a seed job. What a sample says about an asset
 * (name, operating system, tags, interfaces) is kept; the rest is generated. Numeric asset ids
 * are the sample's where it gives one, else `SEED_ASSET_ID_BASE + n`. Seed assets have no
 * installed or missing patches.
 *
 * @module
 */
import { generateAssets } from '../fleet/generate-assets.js';
import type { Platform, SimAsset, SimInterface } from '../fleet/types.js';
import { isJsonObject, type JsonObject } from '../json.js';
import type { Prng } from '../prng.js';
import { strings } from './json-readers.js';
import type { SeedIndex } from './seed-index.js';

/** First numeric asset id given to seed assets the samples give no id for. */
export const SEED_ASSET_ID_BASE = 30_000_000;

interface SeedAssetRef {
  assetId: number | null;
  platform: Platform | null;
  sample: JsonObject | null;
}

function interfacesOf(sample: JsonObject | null): SimInterface[] | null {
  const list = sample?.['interfaces'];
  if (!Array.isArray(list) || list.length === 0) {
    return null;
  }
  return list.filter(isJsonObject).map((nic) => ({
    interfaceName: typeof nic['interfaceName'] === 'string' ? nic['interfaceName'] : 'Ethernet0',
    macAddress: typeof nic['macAddress'] === 'string' ? nic['macAddress'] : '00:50:56:00:00:01',
    ipv6Address: typeof nic['ipv6Address'] === 'string' ? nic['ipv6Address'] : null,
    address: typeof nic['address'] === 'string' ? nic['address'] : null,
    gatewayAddress: typeof nic['gatewayAddress'] === 'string' ? nic['gatewayAddress'] : null,
  }));
}

/**
 * Builds the seed assets.
 *
 * @param prng - the tenant's `seedAssets` stream.
 * @param index - the seed index.
 * @returns one asset per referenced UUID, in first-reference order.
 */
export function buildSeedAssets(prng: Prng, index: SeedIndex): SimAsset[] {
  const refs = new Map<string, SeedAssetRef>();
  const refer = (uuid: string, patch: Partial<SeedAssetRef>): void => {
    const ref = refs.get(uuid) ?? { assetId: null, platform: null, sample: null };
    ref.assetId ??= patch.assetId ?? null;
    ref.platform ??= patch.platform ?? null;
    ref.sample ??= patch.sample ?? null;
    refs.set(uuid, ref);
  };
  for (const mapping of index.uuidMappings) {
    refer(mapping.assetUuid, { assetId: mapping.assetId });
  }
  for (const perJob of index.results.values()) {
    for (const result of perJob.values()) {
      const entries = Array.isArray(result['assets']) ? result['assets'].filter(isJsonObject) : [];
      for (const entry of entries) {
        const asset = entry['asset'];
        if (isJsonObject(asset) && typeof asset['id'] === 'string') {
          const os = typeof asset['operatingSystem'] === 'string' ? asset['operatingSystem'] : '';
          refer(asset['id'], {
            sample: asset,
            platform: os.startsWith('Windows') ? 'Windows' : os === '' ? null : 'Linux',
          });
        }
      }
    }
  }
  for (const [id, job] of index.pmJobs) {
    for (const uuid of strings(job['assetIds'])) {
      refer(uuid, { platform: index.pmJobPlatforms.get(id) ?? null });
    }
  }
  for (const job of index.mtgJobs.values()) {
    const platform = job['platform'] === 'Linux' ? 'Linux' : 'Windows';
    for (const uuid of strings(job['assetIds'])) {
      refer(uuid, { platform });
    }
  }
  for (const { platform, item } of [...index.lists.list, ...index.lists.summary]) {
    const assets = Array.isArray(item['assets']) ? item['assets'].filter(isJsonObject) : [];
    for (const asset of assets) {
      if (typeof asset['id'] === 'string') {
        refer(asset['id'], { platform });
      }
    }
  }

  const filler = generateAssets(prng, refs.size, [], {
    patches: [],
    windowsChains: [],
    linuxByDistro: new Map(),
  });
  let unnumbered = 0;
  const nextAssetId = (): number => {
    unnumbered += 1;
    return SEED_ASSET_ID_BASE + unnumbered;
  };
  return [...refs].map(([uuid, ref], n): SimAsset => {
    const base = filler[n] as SimAsset;
    const platform = ref.platform ?? 'Windows';
    const sample = ref.sample;
    const sampleTags = Array.isArray(sample?.['tags']) ? sample['tags'].filter(isJsonObject) : [];
    return {
      ...base,
      name:
        typeof sample?.['name'] === 'string'
          ? sample['name']
          : `SEED-ASSET-${String(n + 1).padStart(2, '0')}`,
      id: uuid,
      assetId: ref.assetId ?? nextAssetId(),
      platform,
      operatingSystem:
        typeof sample?.['operatingSystem'] === 'string'
          ? sample['operatingSystem']
          : platform === 'Windows'
            ? 'Windows Microsoft Windows 10 Pro 10.0.19045 Build 19045'
            : 'Red Hat Enterprise Linux 9.3',
      lastLoggedOnUser:
        typeof sample?.['lastLoggedOnUser'] === 'string' ? sample['lastLoggedOnUser'] : base.lastLoggedOnUser,
      tags: sampleTags.flatMap((tag) => (typeof tag['id'] === 'string' ? [{ id: tag['id'] }] : [])),
      interfaces: interfacesOf(sample) ?? base.interfaces,
      installedPatches: [],
      missingPatches: [],
    };
  });
}
