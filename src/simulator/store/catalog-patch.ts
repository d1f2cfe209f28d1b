/**
 * The patch catalog view of a patch (`POST /pm/v1/patchcatalog/patches`): the qualysdk
 * `CatalogPatch` field list of QUALYS-API.md §11.4, in that order. Built from a patch-list object
 * (generated, or the seed 004 sample); `qid` becomes an int array there (the v1 list sends digit
 * strings). Fields the patch list does not carry get plausible values: `patchId` a digit string,
 * `osIdentifier` `WINDOWS`/`LINUX` (the seed 001 result summary shows `"osIdentifier": "WINDOWS"`),
 * `packageDetails` one `{packageName, architecture}` per architecture on Linux, `[]` on Windows.
 *
 * @module
 */
import type { JsonObject, JsonValue } from '../json.js';
import { hashString } from '../prng.js';

function stringList(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function numberOrNull(value: JsonValue | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

function stringOrNull(value: JsonValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * Builds the catalog object of a patch.
 *
 * @param patch - a patch-list object (seed 004 shape, optionally with `platform`).
 * @param platform - the platform it belongs to (used when `patch.platform` is absent).
 * @returns the catalog object; deterministic for a given patch.
 */
export function toCatalogPatch(patch: JsonObject, platform: string): JsonObject {
  const id = String(patch['id']);
  const title = stringOrNull(patch['title']);
  const modified = numberOrNull(patch['modifiedDate']);
  const architecture = stringList(patch['architecture']);
  const isLinux = platform === 'Linux';
  const product = stringList(patch['product']);
  const kb = stringOrNull(patch['kb']);
  const advisory = stringOrNull(patch['advisory']);
  const packageName = title?.split(': ')[1]?.split(' ')[0] ?? 'package';
  return {
    patchId: String(1_000_000 + (hashString(id) % 9_000_000)),
    id,
    title,
    type: stringOrNull(patch['type']),
    appFamily: stringList(patch['appFamily']),
    vendor: stringOrNull(patch['vendor']),
    product,
    platform,
    kb,
    isSuperseded: typeof patch['isSuperseded'] === 'boolean' ? patch['isSuperseded'] : null,
    isSecurity: patch['isSecurity'] === true,
    isRollback: patch['isRollback'] === true,
    servicePack: null,
    advisory,
    vendorlink: stringOrNull(patch['vendorlink']),
    advisoryLink: isLinux ? stringOrNull(patch['vendorlink']) : null,
    osIdentifier: isLinux ? 'LINUX' : 'WINDOWS',
    deleted: false,
    rebootRequired: patch['rebootRequired'] === true,
    vendorSeverity: stringOrNull(patch['vendorSeverity']),
    description: title === null ? null : `${title} (${stringOrNull(patch['category']) ?? 'Patch'})`,
    qid: stringList(patch['qid']).map(Number).filter(Number.isInteger),
    enabled: true,
    downloadMethod: stringOrNull(patch['downloadMethod']),
    supportedOs: product,
    supersedes: stringList(patch['supersedes']),
    supersededBy: stringList(patch['supersededBy']),
    notification: null,
    cve: stringList(patch['cve']),
    architecture,
    packageDetails: isLinux ? architecture.map((arch) => ({ packageName, architecture: arch })) : [],
    patchFeedProviderId: isLinux ? 2 : 1,
    syncDateTime: modified === null ? null : modified + 86_400_000,
    vendorPatchId: kb ?? advisory ?? id,
    modifiedDate: modified,
    publishedDate: numberOrNull(patch['publishedDate']),
    category: stringOrNull(patch['category']),
    isEsuPatch: false,
    bulletin: stringOrNull(patch['bulletin']),
  };
}
