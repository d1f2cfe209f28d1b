/**
 * Types of the generated fleet: the wire objects the simulator serves (field names and order as
 * in the seed samples) plus the bookkeeping it needs to answer queries about them. Wire objects are
 * type aliases (not interfaces) so they are assignable to {@link JsonObject} and serialise as is.
 *
 * @module
 */
import type { JsonObject } from '../json.js';

/** A PM platform (`platform` query parameter; case-sensitive, docs/qualys-api.md §1). */
export type Platform = 'Windows' | 'Linux';

/** The platforms, in the order the simulator lists them. */
export const PLATFORMS: readonly Platform[] = ['Windows', 'Linux'];

/** An asset tag: `tags[].id` on assets, `{id, name}` in job list items. */
export type SimTag = {
  readonly id: string;
  readonly name: string;
};

/** A PM user (job creator, updater, co-author). */
export type SimUser = {
  readonly id: string;
  /** Login name, e.g. `quays_ab12`. */
  readonly name: string;
  readonly fullName: string;
};

/** A network interface of an asset (release 3.9 sample; the same MAC appears once for IPv4 and once for IPv6). */
export type SimInterface = {
  readonly interfaceName: string;
  readonly macAddress: string;
  readonly ipv6Address: string | null;
  readonly address: string | null;
  readonly gatewayAddress: string | null;
};

/**
 * One entry of an asset's `missingPatches`. The release 3.9 note only says "objects"; the
 * simulator sends `{id, title}` (patch UUID and title).
 */
export type SimMissingPatch = {
  readonly id: string;
  readonly title: string;
};

/**
 * An asset as `GET/POST /pm/v1/assets` return it (release 3.9 sample, docs/qualys-api.md §11.7),
 * plus `assetId` (numeric Qualys asset id) and `platform` (qualysdk `Asset`).
 */
export type SimAsset = {
  readonly name: string;
  readonly id: string;
  readonly assetId: number;
  readonly platform: Platform;
  readonly operatingSystem: string;
  readonly lastLoggedOnUser: string | null;
  readonly assetStatus: string;
  readonly scanStatus: string;
  /** An int (release 3.9 sample: 20212). */
  readonly statusCode: number;
  /** Epoch ms. */
  readonly statusDateTime: number;
  /** Epoch ms; `null` when never scanned. */
  readonly scanDateTime: number | null;
  readonly hardware: { readonly model: string; readonly manufacturer: string };
  readonly tags: readonly { readonly id: string }[];
  readonly interfaces: readonly SimInterface[];
  /** Patch UUIDs. */
  readonly installedPatches: readonly string[];
  readonly missingPatches: readonly SimMissingPatch[];
};

/**
 * A patch as `GET /pm/v1/patches` returns it: every field of the seed 004 sample object, in its
 * order, plus `platform`.
 */
export type SimPatch = {
  readonly architecture: readonly string[];
  readonly bulletin: string | null;
  readonly category: string;
  readonly cve: readonly string[];
  readonly kb: string | null;
  /** Epoch ms. */
  readonly modifiedDate: number;
  readonly appFamily: readonly string[];
  readonly product: readonly string[];
  /** Epoch ms. */
  readonly publishedDate: number;
  /** QIDs as digit strings (`["90931"]`, seed 004). */
  readonly qid: readonly string[];
  readonly rebootRequired: boolean;
  readonly supersededBy: readonly string[];
  readonly supersedes: readonly string[];
  readonly title: string;
  readonly type: string;
  readonly vendor: string;
  /** `Critical`, `Important`, `Moderate`, `Low` or `None`. */
  readonly vendorSeverity: string;
  readonly vendorlink: string;
  /** Number of assets of the tenant missing it. */
  missingCount: number;
  /** Number of assets of the tenant having it installed. */
  installedCount: number;
  readonly downloadMethod: string;
  readonly advisory: string | null;
  readonly id: string;
  readonly isSecurity: boolean;
  /** `null` on Linux (no supersedence there; docs/qualys-api.md §10). */
  readonly isSuperseded: boolean | null;
  readonly isRollback: boolean;
  readonly platform: Platform;
};

/** A QID as `POST /pm/v1/vulnerabilities` returns it (qualysdk, docs/qualys-api.md §11.9). */
export type SimVulnerability = {
  readonly id: number;
  readonly title: string;
  readonly cves: readonly string[] | null;
  /** Epoch ms. */
  readonly detectedDate: number;
  /** 1..5. */
  readonly severity: number;
  readonly vulnType: 'VULNERABILITY' | 'POTENTIAL';
};

/** One run of a job (`GET /pm/v1/deploymentjob/{id}/runs`, docs/qualys-api.md §7.8). */
export type SimJobRun = {
  readonly jobInstanceId: number;
  /** ISO-8601 with the offset of the job's time zone. */
  readonly scheduledDateTime: string;
  readonly timezoneType: string;
};

/** Where a patch job takes its patches from (UI guide: one of QQL, an explicit list or a linked job). */
export type PatchSource =
  | { readonly kind: 'explicit'; readonly patchIds: readonly string[] }
  | { readonly kind: 'qql'; readonly qql: string }
  | { readonly kind: 'linked'; readonly jobId: string };

/** A generated patch deployment job with everything needed to answer for it. */
export interface SimPatchJob {
  readonly id: string;
  readonly platform: Platform;
  readonly name: string;
  readonly type: 'Install' | 'Rollback';
  readonly source: PatchSource;
  /** The assets the job targets: `assetIds` plus the assets of `assetTagIds`, ordered by asset id. */
  readonly targetAssetIds: readonly string[];
  /** Runs, ascending `jobInstanceId`. */
  readonly runs: readonly SimJobRun[];
  /** Epoch ms of each run, parallel to `runs`. */
  readonly runEpochs: readonly number[];
  /** How many target assets have responded in each run, parallel to `runs`. */
  readonly respondedCounts: readonly number[];
  readonly createdBy: SimUser;
  /** Epoch ms. */
  readonly createdOn: number;
  /** Whether the job retries failed patches (Windows, seed 001 `enableReattemptFailedPatches`). */
  readonly reattempt: boolean;
  /** Whether list summaries send some counts as digit strings (seed 000 quirk). */
  readonly countsAsStrings: boolean;
  /** The full job object (`GET /pm/v1/deploymentjob/{id}`; shape of the seed 001 GET samples). */
  readonly job: JsonObject;
  /** The item of `GET /pm/v1/deploymentjobs` (shape of the seed 000 list sample). */
  readonly listItem: JsonObject;
  /** The item of `GET /pm/v1/deploymentjobs/summary` (list item plus progress counts). */
  readonly summaryItem: JsonObject;
  /** The item of `GET /pm/v1/deploymentjobs/availableToLink`, or `null` when the job cannot be linked to. */
  readonly linkItem: JsonObject | null;
}

/** A generated mitigation job (`GET /mtg/v1/deploymentjob/{id}`; shape of the seed 003 GET sample). */
export interface SimMitigationJob {
  readonly id: string;
  readonly platform: Platform;
  readonly qids: readonly number[];
  readonly targetAssetIds: readonly string[];
  readonly job: JsonObject;
}
