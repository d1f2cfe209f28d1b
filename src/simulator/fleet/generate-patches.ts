/**
 * Generates the patch catalog of a tenant: Windows patches in supersedence chains of 1–4
 * (`supersedes`/`supersededBy` list every older/newer chain member; `isSuperseded` is false only
 * for the newest), Linux patches per distribution without supersedence (`isSuperseded: null`,
 * docs/qualys-api.md §10). Field set and order: the seed 004 patch object plus `platform`.
 *
 * @module
 */
import type { Prng } from '../prng.js';
import type { Platform, SimPatch } from './types.js';
import {
  DAY_MS,
  LINUX_DISTROS,
  LINUX_FAMILIES,
  NON_SECURITY_CATEGORIES,
  type SoftwareFamily,
  TIMELINE_END_MS,
  TIMELINE_START_MS,
  VENDOR_SEVERITIES,
  WINDOWS_FAMILIES,
} from './vocabulary.js';

/** The generated catalog and the groupings the asset generator needs. */
export interface GeneratedPatches {
  /** All patches: Windows first, then Linux, in generation order. `missingCount`/`installedCount` start at 0. */
  readonly patches: SimPatch[];
  /** Windows supersedence chains, each oldest first (the last id is the chain head). */
  readonly windowsChains: readonly (readonly string[])[];
  /** Linux patch ids per distribution key (`LINUX_DISTROS[].key`). */
  readonly linuxByDistro: ReadonlyMap<string, readonly string[]>;
}

/** Sizes of the catalog. */
export interface PatchCounts {
  /** Total patches; 60 % (rounded) are Windows. */
  readonly total: number;
}

const WINDOWS_SHARE = 0.6;
/** Windows QIDs are numbered from here (seed 004 shows 90931 and 91653). */
const WINDOWS_QID_BASE = 92000;
/** Linux QIDs are numbered from here. */
const LINUX_QID_BASE = 180000;

function familyByWeight(prng: Prng, families: readonly SoftwareFamily[]): SoftwareFamily {
  return prng.weighted(families.map((family) => [family, family.weight] as const));
}

function randomCves(prng: Prng, year: number): string[] {
  const count = prng.int(0, 3);
  const cves: string[] = [];
  for (let i = 0; i < count; i += 1) {
    cves.push(`CVE-${year}-${prng.int(1000, 49999)}`);
  }
  return cves;
}

interface Classification {
  readonly isSecurity: boolean;
  readonly category: string;
  readonly vendorSeverity: string;
}

function classify(prng: Prng): Classification {
  const isSecurity = prng.chance(0.75);
  if (isSecurity) {
    return { isSecurity, category: 'Security Patches', vendorSeverity: prng.weighted(VENDOR_SEVERITIES) };
  }
  return {
    isSecurity,
    category: prng.pick(NON_SECURITY_CATEGORIES),
    vendorSeverity: prng.pick(['None', 'Low']),
  };
}

/**
 * Generates the catalog.
 *
 * @param prng - the tenant's `patches` stream.
 * @param counts - how many patches.
 * @returns the patches and their groupings; deterministic for a given stream state.
 */
export function generatePatches(prng: Prng, counts: PatchCounts): GeneratedPatches {
  const patches: SimPatch[] = [];
  const windowsChains: string[][] = [];
  const linuxByDistro = new Map<string, string[]>(LINUX_DISTROS.map((distro) => [distro.key, []]));
  const windowsTotal = Math.round(counts.total * WINDOWS_SHARE);
  let kbCounter = 5_010_000;
  let windowsQid = WINDOWS_QID_BASE;
  let linuxQid = LINUX_QID_BASE;
  let advisoryCounter = 1000;
  const nextLinuxQid = (): number => {
    linuxQid += prng.int(1, 5);
    return linuxQid;
  };

  while (patches.length < windowsTotal) {
    const length = Math.min(prng.int(1, 4), windowsTotal - patches.length);
    const family = familyByWeight(prng, WINDOWS_FAMILIES);
    const ids = Array.from({ length }, () => prng.uuid(3));
    const products = prng.sample(family.products, prng.int(1, Math.min(4, family.products.length)));
    const architecture = prng.pick([['X64'], ['X86', 'X64'], ['ARM64', 'X64']]);
    let published = prng.int(TIMELINE_START_MS - 700 * DAY_MS, TIMELINE_END_MS - 200 * DAY_MS);
    published -= published % DAY_MS;
    for (let k = 0; k < length; k += 1) {
      const id = ids[k] as string;
      kbCounter += prng.int(1, 40);
      const kb = kbCounter;
      const year = new Date(published).getUTCFullYear();
      const month = new Date(published).getUTCMonth() + 1;
      const { isSecurity, category, vendorSeverity } = classify(prng);
      const isMicrosoft = family.vendor === 'Microsoft';
      const qids: string[] = [];
      const qidCount = isSecurity ? (prng.chance(0.15) ? 2 : 1) : 0;
      for (let q = 0; q < qidCount; q += 1) {
        windowsQid += prng.int(1, 3);
        qids.push(String(windowsQid));
      }
      const title =
        family.appFamily === 'Windows'
          ? `${year}-${String(month).padStart(2, '0')} Cumulative Update for ${products[0]?.replace(/ \(x64\)$/, '')} (KB${kb})`
          : isMicrosoft
            ? `${isSecurity ? 'Security Update' : 'Update'} for ${products[0]?.replace(/ \(x(64|86)\)$/, '')} (KB${kb})`
            : `${family.vendor} ${family.appFamily} ${prng.int(10, 130)}.${prng.int(0, 9)}.${prng.int(0, 9999)}`;
      patches.push({
        architecture,
        bulletin: isMicrosoft ? `MS${String(year).slice(2)}-${String(month).padStart(2, '0')}-${kb}` : null,
        category,
        cve: isSecurity ? randomCves(prng, year) : [],
        kb: isMicrosoft ? `KB${kb}` : null,
        modifiedDate: published + prng.int(0, 60) * DAY_MS,
        appFamily: [family.appFamily],
        product: products,
        publishedDate: published,
        qid: qids,
        rebootRequired: family.reboot ? prng.chance(0.9) : prng.chance(0.1),
        supersededBy: ids.slice(k + 1),
        supersedes: ids.slice(0, k),
        title,
        type: family.type,
        vendor: family.vendor,
        vendorSeverity,
        vendorlink: isMicrosoft
          ? `https://support.microsoft.com/help/${kb}`
          : `https://www.${family.vendor.toLowerCase()}.com/security/advisories`,
        missingCount: 0,
        installedCount: 0,
        downloadMethod: prng.chance(0.95) ? 'Automatic' : 'Acquire from vendor',
        advisory: null,
        id,
        isSecurity,
        isSuperseded: k < length - 1,
        isRollback: family.type === 'OS' ? prng.chance(0.5) : false,
        platform: 'Windows' satisfies Platform,
      });
      published += prng.int(14, 60) * DAY_MS;
    }
    windowsChains.push(ids);
  }

  while (patches.length < counts.total) {
    const distro = prng.pick(LINUX_DISTROS);
    const family = familyByWeight(prng, LINUX_FAMILIES);
    const published = prng.int(TIMELINE_START_MS - 700 * DAY_MS, TIMELINE_END_MS - 10 * DAY_MS);
    const year = new Date(published).getUTCFullYear();
    const { isSecurity, category, vendorSeverity } = classify(prng);
    advisoryCounter += prng.int(1, 7);
    const advisory =
      distro.advisoryPrefix === 'USN' || distro.advisoryPrefix === 'DSA'
        ? `${distro.advisoryPrefix}-${advisoryCounter}-1`
        : `${distro.advisoryPrefix}-${year}:${advisoryCounter}`;
    const packageName = prng.pick(family.products);
    const id = prng.uuid(3);
    patches.push({
      architecture: prng.pick([['x86_64'], ['noarch'], ['aarch64', 'x86_64']]),
      bulletin: advisory,
      category,
      cve: isSecurity ? randomCves(prng, year) : [],
      kb: null,
      modifiedDate: published + prng.int(0, 30) * DAY_MS,
      appFamily: [family.appFamily],
      product: [prng.pick(distro.operatingSystems)],
      publishedDate: published,
      qid: isSecurity ? [String(nextLinuxQid())] : [],
      rebootRequired: family.reboot,
      supersededBy: [],
      supersedes: [],
      title: `${advisory}: ${packageName} ${isSecurity ? 'security' : 'bug fix'} update`,
      type: family.type,
      vendor: distro.vendor,
      vendorSeverity,
      vendorlink: `${distro.link}${advisory}`,
      missingCount: 0,
      installedCount: 0,
      downloadMethod: 'Automatic',
      advisory,
      id,
      isSecurity,
      isSuperseded: null,
      isRollback: prng.chance(0.2),
      platform: 'Linux',
    });
    linuxByDistro.get(distro.key)?.push(id);
  }

  return { patches, windowsChains, linuxByDistro };
}
