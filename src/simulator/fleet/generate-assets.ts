/**
 * Generates the assets of a tenant (release 3.9 asset object, docs/qualys-api.md §11.7): ~60 % Windows,
 * numeric asset ids `40000000 + i`, tags, interfaces (IPv4 and IPv6 entries of one MAC), and
 * installed / missing patches consistent with the catalog: a Windows asset has installed the
 * older part of some supersedence chains and misses the newer part; a Linux asset only has
 * patches of its own distribution. Fills the patches' `missingCount` / `installedCount`.
 *
 * @module
 */
import type { Prng } from '../prng.js';
import type { GeneratedPatches } from './generate-patches.js';
import type { Platform, SimAsset, SimInterface, SimMissingPatch, SimPatch, SimTag } from './types.js';
import {
  ASSET_STATUSES,
  DAY_MS,
  FIRST_NAMES,
  HARDWARE,
  LAST_NAMES,
  LINUX_DISTROS,
  TIMELINE_END_MS,
  WINDOWS_OPERATING_SYSTEMS,
} from './vocabulary.js';

/** First numeric asset id of the generated fleet; asset `i` gets `FIRST_ASSET_ID + i`. */
export const FIRST_ASSET_ID = 40_000_000;

/**
 * Asset ids Qualys knows (VMDR/CSAM) but PM has no UUID for: `POST /pm/v1/assets/uuids` always
 * answers them in `unmappedAssets` (as it does for any id it does not know).
 */
export const UNMAPPED_ASSET_ID_RANGE = { first: 39_990_000, last: 39_999_999 } as const;

const WINDOWS_SHARE = 0.6;
const DEPARTMENTS = ['FIN', 'HR', 'ENG', 'OPS', 'MKT', 'SAL', 'IT', 'LAB'];
const LINUX_ROLES = ['web', 'db', 'app', 'k8s-node', 'build', 'mq', 'cache', 'proxy'];
const LINUX_ENVIRONMENTS = ['prod', 'stage', 'dev'];
const LINUX_USERS = ['root', 'ec2-user', 'ubuntu', 'svc-deploy', 'admin'];

function mac(prng: Prng): string {
  return ['00', '50', '56', prng.int(0, 255), prng.int(0, 255), prng.int(0, 255)]
    .map((part) => (typeof part === 'string' ? part : part.toString(16).padStart(2, '0')))
    .join(':');
}

function interfaces(prng: Prng, platform: Platform): SimInterface[] {
  const out: SimInterface[] = [];
  const count = prng.chance(0.8) ? 1 : 2;
  for (let n = 0; n < count; n += 1) {
    const interfaceName = platform === 'Windows' ? (n === 0 ? 'Ethernet0' : `Ethernet${n}`) : `eth${n}`;
    const macAddress = mac(prng);
    const subnet = `10.${prng.int(0, 255)}.${prng.int(0, 255)}`;
    out.push({
      interfaceName,
      macAddress,
      ipv6Address: null,
      address: `${subnet}.${prng.int(2, 254)}`,
      gatewayAddress: `${subnet}.1`,
    });
    if (prng.chance(0.6)) {
      const hextet = (): string => prng.int(0, 0xffff).toString(16);
      out.push({
        interfaceName,
        macAddress,
        ipv6Address: `fe80::${hextet()}:${hextet()}:${hextet()}:${hextet()}`,
        address: null,
        gatewayAddress: null,
      });
    }
  }
  return out;
}

/**
 * Generates `count` assets and updates the patch counts.
 *
 * @param prng - the tenant's `assets` stream.
 * @param count - number of assets.
 * @param tags - the tenant's tags.
 * @param catalog - the generated patches; their `missingCount`/`installedCount` are incremented.
 * @returns the assets, ascending `assetId`.
 */
export function generateAssets(
  prng: Prng,
  count: number,
  tags: readonly SimTag[],
  catalog: GeneratedPatches,
): SimAsset[] {
  const byId = new Map<string, SimPatch>(catalog.patches.map((patch) => [patch.id, patch]));
  const assets: SimAsset[] = [];
  for (let i = 0; i < count; i += 1) {
    const platform: Platform = prng.chance(WINDOWS_SHARE) ? 'Windows' : 'Linux';
    const installed: string[] = [];
    const missing: string[] = [];
    let operatingSystem: string;
    let name: string;
    let lastLoggedOnUser: string | null;
    if (platform === 'Windows') {
      operatingSystem = prng.weighted(WINDOWS_OPERATING_SYSTEMS);
      const isServer = operatingSystem.includes('Server');
      const prefix = isServer ? 'SRV' : prng.pick(['WKS', 'LT', 'VDI']);
      name = `${prefix}-${prng.pick(DEPARTMENTS)}-${String(i).padStart(4, '0')}`;
      lastLoggedOnUser = prng.chance(0.85)
        ? `CORP\\${prng.pick(FIRST_NAMES).toLowerCase()}.${prng.pick(LAST_NAMES).toLowerCase()}`
        : null;
      const chains = prng.sample(catalog.windowsChains, prng.int(6, 24));
      for (const chain of chains) {
        const installedUpTo = prng.int(0, chain.length);
        chain.forEach((id, k) => {
          (k < installedUpTo ? installed : missing).push(id);
        });
      }
    } else {
      const distro = prng.pick(LINUX_DISTROS);
      operatingSystem = prng.pick(distro.operatingSystems);
      name = `${prng.pick(LINUX_ROLES)}-${String(i).padStart(4, '0')}.${prng.pick(LINUX_ENVIRONMENTS)}.corp.example`;
      lastLoggedOnUser = prng.chance(0.7) ? prng.pick(LINUX_USERS) : null;
      const pool = catalog.linuxByDistro.get(distro.key) ?? [];
      const chosen = prng.sample(pool, prng.int(8, 40));
      const missingCount = Math.min(chosen.length, prng.int(0, 15));
      chosen.forEach((id, k) => {
        (k < missingCount ? missing : installed).push(id);
      });
    }
    const missingPatches: SimMissingPatch[] = [];
    for (const id of missing) {
      const patch = byId.get(id);
      if (patch !== undefined) {
        patch.missingCount += 1;
        missingPatches.push({ id, title: patch.title });
      }
    }
    for (const id of installed) {
      const patch = byId.get(id);
      if (patch !== undefined) {
        patch.installedCount += 1;
      }
    }
    const { status, code } = prng.weighted(ASSET_STATUSES);
    const scanned = prng.chance(0.92);
    const statusDateTime = TIMELINE_END_MS - prng.int(0, 30 * DAY_MS);
    assets.push({
      name,
      id: prng.uuid(4),
      assetId: FIRST_ASSET_ID + i,
      platform,
      operatingSystem,
      lastLoggedOnUser,
      assetStatus: status,
      scanStatus: scanned ? 'Scanned' : 'Not Scanned',
      statusCode: code,
      statusDateTime,
      scanDateTime: scanned ? statusDateTime - prng.int(0, 3 * DAY_MS) : null,
      hardware: prng.pick(HARDWARE[platform]),
      tags: prng.sample(tags, prng.int(1, 4)).map((tag) => ({ id: tag.id })),
      interfaces: interfaces(prng, platform),
      installedPatches: installed,
      missingPatches,
    });
  }
  return assets;
}
