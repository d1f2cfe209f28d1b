/**
 * The patch catalog view of a patch (`POST /pm/v1/patchcatalog/patches`): the qualysdk
 * `CatalogPatch` field list of docs/qualys-api.md §11.4, in that order. Built from a patch-list object
 * (generated, or the seed 004 sample); `qid` becomes an int array there (the v1 list sends digit
 * strings). Fields the patch list does not carry get plausible values: `patchId` a digit string,
 * `osIdentifier` `WINDOWS`/`LINUX` (the seed 001 result summary shows `"osIdentifier": "WINDOWS"`),
 * `packageDetails` one `{packageName, architecture}` per architecture on Linux, `[]` on Windows.
 *
 * @module
 */
import type { JsonObject, JsonValue } from '../json.js';
import { hashString } from '../prng.js';
import { str, strings } from './json-readers.js';

function numberOrNull(value: JsonValue | undefined): number | null {
  return typeof value === 'number' ? value : null;
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
  const title = str(patch['title']);
  const modified = numberOrNull(patch['modifiedDate']);
  const architecture = strings(patch['architecture']);
  const isLinux = platform === 'Linux';
  const product = strings(patch['product']);
  const kb = str(patch['kb']);
  const advisory = str(patch['advisory']);
  const packageName = title?.split(': ')[1]?.split(' ')[0] ?? 'package';
  return {
    patchId: String(1_000_000 + (hashString(id) % 9_000_000)),
    id,
    title,
    type: str(patch['type']),
    appFamily: strings(patch['appFamily']),
    vendor: str(patch['vendor']),
    product,
    platform,
    kb,
    isSuperseded: typeof patch['isSuperseded'] === 'boolean' ? patch['isSuperseded'] : null,
    isSecurity: patch['isSecurity'] === true,
    isRollback: patch['isRollback'] === true,
    servicePack: null,
    advisory,
    vendorlink: str(patch['vendorlink']),
    advisoryLink: isLinux ? str(patch['vendorlink']) : null,
    osIdentifier: isLinux ? 'LINUX' : 'WINDOWS',
    deleted: false,
    rebootRequired: patch['rebootRequired'] === true,
    vendorSeverity: str(patch['vendorSeverity']),
    description: title === null ? null : `${title} (${str(patch['category']) ?? 'Patch'})`,
    qid: strings(patch['qid']).map(Number).filter(Number.isInteger),
    enabled: true,
    downloadMethod: str(patch['downloadMethod']),
    supportedOs: product,
    supersedes: strings(patch['supersedes']),
    supersededBy: strings(patch['supersededBy']),
    notification: null,
    cve: strings(patch['cve']),
    architecture,
    packageDetails: isLinux ? architecture.map((arch) => ({ packageName, architecture: arch })) : [],
    patchFeedProviderId: isLinux ? 2 : 1,
    syncDateTime: modified === null ? null : modified + 86_400_000,
    vendorPatchId: kb ?? advisory ?? id,
    modifiedDate: modified,
    publishedDate: numberOrNull(patch['publishedDate']),
    category: str(patch['category']),
    isEsuPatch: false,
    bulletin: str(patch['bulletin']),
  };
}
