/**
 * Generates the whole deterministic fleet of one tenant: tags, users, patches, assets, QIDs, patch
 * jobs and mitigation jobs. The result is a pure function of (seed, username, sizes, customerId,
 * extra QIDs): every part draws from its own stream forked from one root, so the same inputs give
 * byte-identical data and changing one size does not reshuffle the other parts' ids.
 *
 * @module
 */
import { createPrng, hashString } from '../prng.js';
import { generateAssets } from './generate-assets.js';
import { generateTags, generateUsers } from './generate-directory.js';
import { generateMitigationJobs } from './generate-mitigation-jobs.js';
import { generatePatchJobs } from './generate-patch-jobs.js';
import { generatePatches } from './generate-patches.js';
import { generateVulnerabilities, type QidSource } from './generate-vulnerabilities.js';
import type {
  SimAsset,
  SimMitigationJob,
  SimPatch,
  SimPatchJob,
  SimTag,
  SimUser,
  SimVulnerability,
} from './types.js';
import { MITIGATION_QIDS, TIMELINE_START_MS } from './vocabulary.js';

/** Sizes of a generated fleet. */
export interface FleetSizes {
  /** Number of assets; default 2000. */
  readonly assets: number;
  /** Number of catalog patches; default 5000. */
  readonly patches: number;
  /** Number of patch deployment jobs; default 200. */
  readonly patchJobs: number;
  /** Number of mitigation jobs; default 40. */
  readonly mitigationJobs: number;
}

/** The default fleet sizes. */
export const DEFAULT_FLEET_SIZES: FleetSizes = {
  assets: 2000,
  patches: 5000,
  patchJobs: 200,
  mitigationJobs: 40,
};

/** Inputs of {@link generateFleet}. */
export interface FleetInputs {
  /** PRNG seed (any number, truncated to 32 bits). */
  readonly seed: number;
  /** The tenant's username: mixed into the seed so two tenants with one seed still differ. */
  readonly username: string;
  readonly sizes: FleetSizes;
  /** The tenant's customer UUID, written into every job. */
  readonly customerId: string;
  /** QIDs known from elsewhere (the seed samples) that `POST /pm/v1/vulnerabilities` must also know. */
  readonly extraQids?: readonly QidSource[];
}

/** A generated fleet. */
export interface GeneratedFleet {
  readonly tags: readonly SimTag[];
  readonly users: readonly SimUser[];
  /** Catalog patches, Windows then Linux. */
  readonly patches: readonly SimPatch[];
  /** Assets, ascending `assetId`. */
  readonly assets: readonly SimAsset[];
  /** QIDs, ascending `id`. */
  readonly vulnerabilities: readonly SimVulnerability[];
  readonly patchJobs: readonly SimPatchJob[];
  readonly mitigationJobs: readonly SimMitigationJob[];
}

/**
 * Derives the root seed of a tenant's fleet.
 *
 * @param seed - the configured seed.
 * @param username - the tenant's username.
 * @returns an unsigned 32-bit seed.
 */
export function tenantSeed(seed: number, username: string): number {
  return hashString(username, seed >>> 0);
}

/**
 * Generates a fleet.
 *
 * @param inputs - seed, username, sizes, customer id.
 * @returns the fleet; takes about 100–300 ms for the default sizes.
 */
export function generateFleet(inputs: FleetInputs): GeneratedFleet {
  const root = createPrng(tenantSeed(inputs.seed, inputs.username));
  const tags = generateTags(root.fork('tags'));
  const users = generateUsers(root.fork('users'));
  const catalog = generatePatches(root.fork('patches'), { total: inputs.sizes.patches });
  const assets = generateAssets(root.fork('assets'), inputs.sizes.assets, tags, catalog);
  const qidSources: QidSource[] = [];
  for (const patch of catalog.patches) {
    for (const qid of patch.qid) {
      qidSources.push({
        qid: Number(qid),
        title: `${patch.vendor} ${patch.appFamily[0] ?? ''} ${patch.isSecurity ? 'Security Update' : 'Update'} (${patch.kb ?? patch.advisory ?? patch.id})`,
        cves: patch.cve,
        vendorSeverity: patch.vendorSeverity,
        publishedDate: patch.publishedDate,
      });
    }
  }
  for (const mitigation of MITIGATION_QIDS) {
    qidSources.push({
      qid: mitigation.qid,
      title: mitigation.title,
      cves: [],
      vendorSeverity: mitigation.qds >= 50 ? 'Important' : 'Moderate',
      publishedDate: TIMELINE_START_MS,
    });
  }
  qidSources.push(...(inputs.extraQids ?? []));
  const vulnerabilities = generateVulnerabilities(root.fork('vulnerabilities'), qidSources);
  const common = { customerId: inputs.customerId, assets, tags, users };
  const patchJobs = generatePatchJobs(root.fork('patchJobs'), inputs.sizes.patchJobs, {
    ...common,
    patches: catalog.patches,
  });
  const mitigationJobs = generateMitigationJobs(
    root.fork('mitigationJobs'),
    inputs.sizes.mitigationJobs,
    common,
  );
  return { tags, users, patches: catalog.patches, assets, vulnerabilities, patchJobs, mitigationJobs };
}
