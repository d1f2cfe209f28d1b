/**
 * The typed surface of the Qualys PM/MTG REST API that the gateway uses: one method per
 * endpoint, returning normalised payloads (see `./schemas`). Implemented by `createQualysClient`
 * (`./client.ts`); the schema and loader layers depend only on these types.
 *
 * Every method throws a {@link QualysError} (see `./errors.ts`) on failure, never anything else.
 */
import type {
  QualysAsset,
  QualysAssetUuidMapping,
  QualysDeploymentJob,
  QualysDeploymentJobListItem,
  QualysJobResultSummary,
  QualysJobRun,
  QualysLinkableJob,
  QualysPatch,
  QualysVulnerability,
} from './schemas/index.js';
import type { CONFIG_STATUS_WIRE, QualysPlatform } from './vocabulary.js';

export type { QualysPlatform } from './vocabulary.js';

/** Offset paging (`pageNumber` from 0, `pageSize` default 10; 10,000-record cap). */
export interface QualysOffsetPage {
  /** 0-based page number. Default 0. */
  pageNumber?: number | undefined;
  /** Records per page. Default 10 (Qualys' default). */
  pageSize?: number | undefined;
}

/** Parameters of the job-list endpoints (docs/qualys-api.md §7.4). */
export interface ListDeploymentJobsParams extends QualysOffsetPage {
  platform: QualysPlatform;
  /** Job QQL, e.g. `status: 'Assets Responded'` (wire name `filter`). */
  filter?: string | undefined;
  /** JSON-array sort string, e.g. `[{"name":"asc"}]`. */
  sort?: string | undefined;
}

/** Parameters of GET /pm/v1/patches (seed 004). */
export interface ListPatchesParams extends QualysOffsetPage {
  platform: QualysPlatform;
  /** Patch QQL (wire `query`). */
  query?: string | undefined;
  /** Asset QQL: patches present on assets matching it (wire `havingQuery`). */
  havingQuery?: string | undefined;
  sort?: string | undefined;
}

/** Parameters of the asset list, POST /pm/v1/assets (cursor paging). */
export interface ListAssetsParams {
  platform: QualysPlatform;
  /** Asset QQL (wire body `query`). */
  query?: string | undefined;
  /** Patch QQL: assets having patches matching it (wire body `havingQuery`). */
  havingQuery?: string | undefined;
  /** Records per page, at most 400 (qualysdk: "Default (and max) is 400"). Default 400. */
  pageSize?: number | undefined;
  /** The opaque cursor from the previous page's `searchAfter` response header. */
  searchAfter?: string | null | undefined;
  /**
   * Asset fields to return (wire body `attributes`, sent comma-separated). Default: all fields.
   * `id` is always requested, since every asset needs it.
   */
  attributes?: readonly string[] | undefined;
}

/** One page of the cursor-paged asset list. */
export interface QualysAssetPage {
  assets: QualysAsset[];
  /** Cursor for the next page; `null` when this was the last page. */
  searchAfter: string | null;
}

/**
 * The per-caller Qualys API. Obtain one with `QualysClient.session(...)`; it carries the
 * caller's credentials and abort signal. Each method sends one request (two after a 401 on a
 * service token) and returns the payload normalised by the named zod schema (`./schemas`).
 *
 * Every method rejects with a {@link QualysError} only: one of the catalogue of `./errors.ts`
 * (which answer maps to which: `./answers.ts`; docs/qualys-api.md §5). Programming errors (a batch over
 * {@link QUALYS_LIMITS}, a negative page number, a non-integer id, a blank job id in a bulk
 * call, a mutation body that is not a JSON object) reject with a plain `RangeError` before any
 * request.
 */
export interface QualysApi {
  /**
   * GET /pm/v1/deploymentjobs — "Get Deployment Job List" (seed 000): one offset page of one
   * platform's jobs. Shape: `QualysDeploymentJobListSchema` (counts given as strings become
   * numbers). An empty body is `[]`.
   * @throws QualysHttpError `QUALYS_RECORD_CAP` past the 10,000-record cap (docs/qualys-api.md §4).
   */
  listDeploymentJobs(params: ListDeploymentJobsParams): Promise<QualysDeploymentJobListItem[]>;
  /**
   * GET /pm/v1/deploymentjobs/summary — job list with progress counts (`completionPercent`,
   * `assetResultReceivedCount`; seed 000; qualysdk). Shape: `QualysDeploymentJobListSchema`.
   * @throws QualysHttpError `QUALYS_RECORD_CAP` past the 10,000-record cap.
   */
  listDeploymentJobSummaries(params: ListDeploymentJobsParams): Promise<QualysDeploymentJobListItem[]>;
  /**
   * GET /pm/v1/deploymentjobs/availableToLink — jobs usable as a patch source (seed 000).
   * Shape: `QualysLinkableJobListSchema`.
   */
  listLinkableDeploymentJobs(params: ListDeploymentJobsParams): Promise<QualysLinkableJob[]>;
  /**
   * GET /pm/v1/deploymentjob/{id} — one patch job (seeds 000, 001, 003; docs/qualys-api.md §7.2).
   * Shape: `QualysDeploymentJobSchema`.
   * @throws QualysNotFoundError `QUALYS_NOT_FOUND` when Qualys has no such job (or `id` is "").
   */
  getDeploymentJob(id: string): Promise<QualysDeploymentJob>;
  /**
   * GET /pm/v1/deploymentjob/{id}/runs — the job's runs (qualysdk; docs/qualys-api.md §7.8).
   * Shape: `QualysJobRunListSchema`; `null` or an empty body is `[]`.
   * @throws QualysNotFoundError `QUALYS_NOT_FOUND` when Qualys has no such job.
   */
  listDeploymentJobRuns(id: string): Promise<QualysJobRun[]>;
  /**
   * GET /pm/v1/deploymentjob/{id}/deploymentjobresult/summary?jobInstanceId=N (seeds 000, 001;
   * docs/qualys-api.md §7.7): the per-asset results of one run. Shape:
   * `QualysJobResultSummarySchema` (`statusCode` strings become numbers, epoch 0 becomes null).
   * Without `jobInstanceId`, Qualys answers the latest run.
   * @throws QualysNotFoundError `QUALYS_NOT_FOUND` when Qualys has no such job or run.
   */
  getDeploymentJobResultSummary(
    id: string,
    params?: { jobInstanceId?: number | undefined },
  ): Promise<QualysJobResultSummary>;
  /**
   * GET /pm/v1/patches — the customer's patches with counts (seed 004). Shape:
   * `QualysPatchListSchema` (`qid` strings become numbers).
   * @throws QualysHttpError `QUALYS_RECORD_CAP` past the 10,000-record cap.
   */
  listPatches(params: ListPatchesParams): Promise<QualysPatch[]>;
  /**
   * POST /pm/v1/patchcatalog/patches?platform=&attributes= with body `{"patchUuid":[...]}` —
   * catalog details for at most 1,000 patch UUIDs of one platform (docs/qualys-api.md §11.4). Shape:
   * `QualysPatchListSchema`. Unknown ids are absent from the answer. `attributes` limits the
   * fields returned (`id` is always added); an empty `patchUuids` answers `[]` without a request.
   * @throws RangeError when `patchUuids` holds more than `QUALYS_LIMITS.patchUuidsPerCatalogCall`.
   */
  getCatalogPatches(params: {
    platform: QualysPlatform;
    patchUuids: readonly string[];
    attributes?: readonly string[] | undefined;
  }): Promise<QualysPatch[]>;
  /**
   * POST /pm/v1/assets/uuids with a bare JSON array body — map at most 1,000 numeric asset ids
   * to UUIDs (seed 000). Shape: `QualysAssetUuidMappingSchema` (the stringified
   * `unmappedAssets` becomes `number[]`). An empty list answers without a request.
   * @throws RangeError when `assetIds` holds more than `QUALYS_LIMITS.assetIdsPerMapping` or a
   *   non-integer.
   */
  mapAssetIdsToUuids(assetIds: readonly number[]): Promise<QualysAssetUuidMapping>;
  /**
   * POST /pm/v1/assets?platform=&pageSize= with body `{query?, havingQuery?, attributes?}` — one
   * cursor page of assets (qualysdk; docs/qualys-api.md §4, §11.7). The cursor goes in the request
   * header `searchAfter`; the next one comes from the response header `searchAfter` (`null` when
   * absent or when the page is shorter than `pageSize`). Shape: `QualysAssetListSchema`.
   * @throws RangeError when `pageSize` is not in 1..`QUALYS_LIMITS.assetsPerPage` (400).
   */
  listAssets(params: ListAssetsParams): Promise<QualysAssetPage>;
  /**
   * POST /pm/v1/vulnerabilities with body `{"qids":[...]}` — QID details for at most 1,000 QIDs
   * (qualysdk; docs/qualys-api.md §11.9). Shape: `QualysVulnerabilityListSchema`. An empty list
   * answers `[]` without a request.
   * @throws RangeError when `qids` holds more than `QUALYS_LIMITS.qidsPerCall` or a non-integer.
   */
  getVulnerabilities(qids: readonly number[]): Promise<QualysVulnerability[]>;
  /**
   * GET /mtg/v1/deploymentjob/{id} — a mitigation job (seed 003; docs/qualys-api.md §12). Shape:
   * `QualysDeploymentJobSchema` (its "Apply Mitigation" `preDeployActions` carry the QIDs).
   * @throws QualysNotFoundError `QUALYS_NOT_FOUND` when Qualys has no such job.
   */
  getMitigationJob(id: string): Promise<QualysDeploymentJob>;

  // --- Job mutations. Create/update use the v2 endpoints of release 3.12 (seed 003): v1
  // create/update reached end of support in February 2026 and reach end of life in July (MTG) and
  // August (PM) 2026. None of these is ever sent twice by the client, except after a 401 to a
  // service token (see "Sent once" on each method).

  /**
   * GET /pm/v1/deploymentjob/{id} as the raw wire object, for read-merge-write updates: Qualys'
   * update expects the GET body back with edits (docs/qualys-api.md §7.2, §7.3; seeds 000, 001, 003).
   * Shape: `QualysWireJobSchema`: only checked to be a JSON object with a string `id`, returned
   * as sent (unknown fields, `null` lists and key order kept).
   * @throws QualysNotFoundError `QUALYS_NOT_FOUND` when Qualys has no such job (or `id` is "").
   * @throws QualysBadPayloadError `QUALYS_BAD_PAYLOAD` when the body is not an object with a
   *   string `id`.
   */
  getDeploymentJobWire(id: string): Promise<QualysWireObject>;
  /**
   * GET /mtg/v1/deploymentjob/{id} as the raw wire object (seed 003; see
   * {@link QualysApi.getDeploymentJobWire}). Shape: `QualysWireJobSchema`.
   * @throws QualysNotFoundError `QUALYS_NOT_FOUND` when Qualys has no such job (or `id` is "").
   * @throws QualysBadPayloadError `QUALYS_BAD_PAYLOAD` when the body is not an object with a
   *   string `id`.
   */
  getMitigationJobWire(id: string): Promise<QualysWireObject>;
  /**
   * POST /pm/v2/deploymentjob — create a patch deployment job from a full wire body (the shape of
   * the seed 001/003 create samples; docs/qualys-api.md §7.1, seed 003 "Extended Limits for
   * Deployment Job Co-Authors"). Success is HTTP 201 (200 accepted too) with the created job.
   * Shape: the body is sent as given (`content-type: application/json`); the answer is parsed
   * with `QualysDeploymentJobSchema`.
   *
   * Sent once: never retried, also not after a timeout, a 5xx or a reset connection, since Qualys
   * may have created the job; such failures leave the outcome unknown. The one exception is a
   * 401 to a service token: Qualys' gateway rejected the request before it ran, so the client
   * refreshes the token and sends it once more. A forwarded token's 401 is final.
   * @throws QualysHttpError `QUALYS_BAD_REQUEST` with `qualysErrorCode` and Qualys' message when
   *   Qualys rejects the body (`_error` 400; e.g. "2435", "Co-author limit exceeded. You can add
   *   up to 200 co-authors per job", seed 003).
   * @throws QualysError `QUALYS_RATE_LIMITED` (409/429), `QUALYS_HTTP_STATUS` (other non-2xx,
   *   e.g. 410 for a retired endpoint), `QUALYS_TIMEOUT`, `QUALYS_NETWORK`, `QUALYS_BAD_PAYLOAD`
   *   (the answer has no job `id`), `QUALYS_UNAUTHORIZED`.
   * @throws RangeError when `body` is not a JSON-serialisable object, before any request.
   */
  createPatchJob(body: QualysWireObject, options?: CallOptions): Promise<QualysDeploymentJob>;
  /**
   * PATCH /pm/v2/deploymentjob/update/{id} — replace a patch job's settings with a full wire body
   * (docs/qualys-api.md §7.3: the GET body with edits, see {@link QualysApi.getDeploymentJobWire};
   * seed 003). Shape: answer parsed with `QualysDeploymentJobSchema`. Sent once, as
   * {@link QualysApi.createPatchJob}.
   * @throws QualysNotFoundError `QUALYS_NOT_FOUND` (404, or `id` is "" without a request).
   * @throws QualysHttpError `QUALYS_BAD_REQUEST` with `qualysErrorCode` (e.g. "2435").
   * @throws QualysError and RangeError as {@link QualysApi.createPatchJob}.
   */
  updatePatchJob(id: string, body: QualysWireObject): Promise<QualysDeploymentJob>;
  /**
   * POST /mtg/v2/deploymentjob — create a mitigation job (seed 003 body shape: `qids`,
   * `assetIds`, `assetTagIds`, ...; docs/qualys-api.md §12.1). HTTP 201 (200 accepted) with the full
   * job, parsed with `QualysDeploymentJobSchema`. Sent once, as {@link QualysApi.createPatchJob}.
   * @throws QualysHttpError `QUALYS_BAD_REQUEST` with `qualysErrorCode` (e.g. "2435").
   * @throws QualysError and RangeError as {@link QualysApi.createPatchJob}.
   */
  createMitigationJob(body: QualysWireObject, options?: CallOptions): Promise<QualysDeploymentJob>;
  /**
   * PATCH /mtg/v2/deploymentjob/{id} — replace a mitigation job's settings (seed 003;
   * docs/qualys-api.md §12.2; note the path has no `/update/`, unlike PM). Answer parsed with
   * `QualysDeploymentJobSchema`. Sent once, as {@link QualysApi.createPatchJob}.
   * @throws QualysNotFoundError `QUALYS_NOT_FOUND` (404, or `id` is "" without a request).
   * @throws QualysHttpError `QUALYS_BAD_REQUEST` with `qualysErrorCode` (e.g. "2435").
   * @throws QualysError and RangeError as {@link QualysApi.createPatchJob}.
   */
  updateMitigationJob(id: string, body: QualysWireObject): Promise<QualysDeploymentJob>;
  /**
   * POST /pm/v1/deploymentjobs/update/status/{Enabled|Disabled} with `{"ids":[...]}` — HTTP 200
   * with one result per id, success or failure (docs/qualys-api.md §5, §7.5, §12.3). Shape: the
   * answer is parsed with `QualysBulkJobResultListSchema` (values trimmed; `status` compared
   * case-insensitively with "success") and returned as {@link QualysBulkJobResult}s: Qualys'
   * items in its order, then, for each asked id Qualys returned no item for, a failure with
   * error "Qualys returned no result for this job". Per-item failures are data, not errors.
   * Duplicate ids are sent once. An empty `ids` answers `[]` without a request.
   *
   * Sent once, as {@link QualysApi.createPatchJob} (only a 401 to a service token is re-sent).
   * @throws QualysError as {@link QualysApi.createPatchJob} (`QUALYS_BAD_PAYLOAD` when the
   *   answer is not such a list).
   * @throws RangeError when `status` is not `Enabled`/`Disabled` or `ids` is not an array of
   *   non-blank strings, before any request.
   */
  setPatchJobsStatus(status: QualysJobConfigStatus, ids: readonly string[]): Promise<QualysBulkJobResult[]>;
  /**
   * POST /mtg/v1/deploymentjobs/update/status/{Enabled|Disabled} with `{"ids":[...]}`
   * (docs/qualys-api.md §12.3; "Non-recurring jobs cannot be disabled once enabled by user" comes
   * back as a per-item failure). Results, missing items, sending and errors as
   * {@link QualysApi.setPatchJobsStatus}.
   */
  setMitigationJobsStatus(
    status: QualysJobConfigStatus,
    ids: readonly string[],
  ): Promise<QualysBulkJobResult[]>;
  /**
   * DELETE /pm/v1/deploymentjobs with the JSON body `{"ids":[...]}` (a DELETE with a body,
   * `content-type: application/json`; docs/qualys-api.md §7.6). Results, missing items, sending and
   * errors as {@link QualysApi.setPatchJobsStatus} (RangeError only for bad `ids`).
   */
  deletePatchJobs(ids: readonly string[]): Promise<QualysBulkJobResult[]>;
}

/** Per-call options of the create methods. */
export interface CallOptions {
  /**
   * Awaited right before the request is sent (after the concurrency slot is granted, before any
   * byte leaves): the idempotency store marks the key "may have reached Qualys" there, so a
   * replica that dies before this point leaves the key free. A rejection stops the call unsent
   * and is rethrown as it is.
   */
  beforeSend?: (() => Promise<void>) | undefined;
}

/** A JSON object as Qualys sends or expects it on the wire (not normalised). */
export type QualysWireObject = { [key: string]: unknown };

/** The configuration status a job can be set to (wire `Enabled` / `Disabled`; `CONFIG_STATUS_WIRE`). */
export type QualysJobConfigStatus = (typeof CONFIG_STATUS_WIRE)[keyof typeof CONFIG_STATUS_WIRE];

/**
 * One item of a bulk job call's answer: `{id, name, status: "success"|"failure", error?}`
 * (docs/qualys-api.md §5; the MTG sample has stray spaces in values, trimmed here). Wire schema:
 * `QualysBulkJobResultItemSchema`. The client adds a failure item with error "Qualys returned no
 * result for this job" for an asked id that Qualys' answer leaves out.
 */
export interface QualysBulkJobResult {
  /** The job UUID the item is about. */
  id: string;
  /** The job name, when Qualys sends it. */
  name: string | null;
  /** True for `"success"`. */
  success: boolean;
  /** Qualys' reason for a failure (e.g. "Non-recurring jobs cannot be disabled once enabled by user"). */
  error: string | null;
}

export type {
  QualysCallEvent,
  QualysClient,
  QualysHttpMethod,
  QualysLogger,
  QualysSessionOptions,
} from './client-types.js';

/** Documented batch limits of the batch endpoints (qualysdk sends 1,000; assets pages max 400). */
export const QUALYS_LIMITS = {
  /** POST /pm/v1/assets/uuids ids per call. */
  assetIdsPerMapping: 1000,
  /** POST /pm/v1/patchcatalog/patches UUIDs per call. */
  patchUuidsPerCatalogCall: 1000,
  /** POST /pm/v1/vulnerabilities QIDs per call. */
  qidsPerCall: 1000,
  /** POST /pm/v1/assets page size. */
  assetsPerPage: 400,
  /** Offset-paging record cap (docs/qualys-api.md §4). */
  offsetRecordCap: 10_000,
} as const;
