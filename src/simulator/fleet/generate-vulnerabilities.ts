/**
 * Generates the QIDs (`POST /pm/v1/vulnerabilities`, docs/qualys-api.md §11.9) every patch and
 * mitigation job of a tenant refers to: one record per distinct QID, with the CVEs of the patches
 * fixing it and a severity derived from their vendor severity.
 *
 * @module
 */
import type { Prng } from '../prng.js';
import type { SimVulnerability } from './types.js';
import { DAY_MS } from './vocabulary.js';

/** What a QID is known from: a patch (its title, CVEs, severity and date) or a named QID. */
export interface QidSource {
  readonly qid: number;
  readonly title: string;
  readonly cves: readonly string[];
  /** `Critical` .. `None`; decides `severity` (5 .. 1). */
  readonly vendorSeverity: string;
  /** Epoch ms the fix was published; the QID is detected a few days earlier. */
  readonly publishedDate: number;
}

const SEVERITY: Readonly<Record<string, number>> = {
  Critical: 5,
  Important: 4,
  Moderate: 3,
  Low: 2,
  None: 1,
};

/**
 * Builds one record per distinct QID; the first source of a QID names it, CVEs of all its sources are merged.
 *
 * @param prng - the tenant's `vulnerabilities` stream.
 * @param sources - every QID reference, in a deterministic order.
 * @returns the vulnerabilities, ascending `id`.
 */
export function generateVulnerabilities(prng: Prng, sources: readonly QidSource[]): SimVulnerability[] {
  const byQid = new Map<number, { source: QidSource; cves: Set<string> }>();
  for (const source of sources) {
    const entry = byQid.get(source.qid);
    if (entry === undefined) {
      byQid.set(source.qid, { source, cves: new Set(source.cves) });
    } else {
      for (const cve of source.cves) {
        entry.cves.add(cve);
      }
    }
  }
  return [...byQid.values()]
    .sort((a, b) => a.source.qid - b.source.qid)
    .map(({ source, cves }) => ({
      id: source.qid,
      title: source.title,
      cves: cves.size === 0 ? null : [...cves].sort(),
      detectedDate: source.publishedDate - prng.int(1, 20) * DAY_MS,
      severity: SEVERITY[source.vendorSeverity] ?? 3,
      vulnType: prng.chance(0.9) ? 'VULNERABILITY' : 'POTENTIAL',
    }));
}
