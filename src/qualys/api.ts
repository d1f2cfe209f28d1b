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

/** Qualys platform values (case-sensitive on the wire, QUALYS-API.md §1). */
export type QualysPlatform = 'Windows' | 'Linux' | 'Mac';

/** Offset paging (`pageNumber` from 0, `pageSize` default 10; 10,000-record cap). */
export interface QualysOffsetPage {
  /** 0-based page number. Default 0. */
  pageNumber?: number | undefined;
  /** Records per page. Default 10 (Qualys' default). */
  pageSize?: number | undefined;
}

/** Parameters of the job-list endpoints (QUALYS-API.md §7.4). */
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
}

/** One page of the cursor-paged asset list. */
export interface QualysAssetPage {
  assets: QualysAsset[];
  /** Cursor for the next page; `null` when this was the last page. */
  searchAfter: string | null;
}

/** Parameters of GET /pm/v1/assets (offset paging, release 3.9). */
export interface ListAssetsByPageParams extends QualysOffsetPage {
  platform: QualysPlatform;
  query?: string | undefined;
  havingQuery?: string | undefined;
}

/**
 * The per-caller Qualys API. Obtain one with `QualysClient.session(...)`; it carries the
 * caller's credentials and abort signal.
 */
export interface QualysApi {
  /** GET /pm/v1/deploymentjobs — "Get Deployment Job List" (seed 000). */
  listDeploymentJobs(params: ListDeploymentJobsParams): Promise<QualysDeploymentJobListItem[]>;
  /** GET /pm/v1/deploymentjobs/summary — job list with progress counts (seed 000; qualysdk). */
  listDeploymentJobSummaries(params: ListDeploymentJobsParams): Promise<QualysDeploymentJobListItem[]>;
  /** GET /pm/v1/deploymentjobs/availableToLink — jobs usable as a patch source (seed 000). */
  listLinkableDeploymentJobs(params: ListDeploymentJobsParams): Promise<QualysLinkableJob[]>;
  /** GET /pm/v1/deploymentjob/{id}. @throws QualysNotFoundError `QUALYS_NOT_FOUND`. */
  getDeploymentJob(id: string): Promise<QualysDeploymentJob>;
  /** GET /pm/v1/deploymentjob/{id}/runs (qualysdk). */
  listDeploymentJobRuns(id: string): Promise<QualysJobRun[]>;
  /**
   * GET /pm/v1/deploymentjob/{id}/deploymentjobresult/summary?jobInstanceId=N (seeds 000, 001).
   * Without `jobInstanceId`, Qualys answers the latest run.
   */
  getDeploymentJobResultSummary(
    id: string,
    params?: { jobInstanceId?: number | undefined },
  ): Promise<QualysJobResultSummary>;
  /** GET /pm/v1/patches — the customer's patches with counts (seed 004). */
  listPatches(params: ListPatchesParams): Promise<QualysPatch[]>;
  /**
   * POST /pm/v1/patchcatalog/patches — catalog details for at most 1,000 patch UUIDs of one
   * platform (QUALYS-API.md §11.4). Unknown ids are absent from the answer.
   */
  getCatalogPatches(params: {
    platform: QualysPlatform;
    patchUuids: readonly string[];
    attributes?: readonly string[] | undefined;
  }): Promise<QualysPatch[]>;
  /** POST /pm/v1/assets/uuids — map at most 1,000 numeric asset ids to UUIDs (seed 000). */
  mapAssetIdsToUuids(assetIds: readonly number[]): Promise<QualysAssetUuidMapping>;
  /** POST /pm/v1/assets — one cursor page of assets (qualysdk; `searchAfter` header). */
  listAssets(params: ListAssetsParams): Promise<QualysAssetPage>;
  /** GET /pm/v1/assets — one offset page of assets (release 3.9). */
  listAssetsByPage(params: ListAssetsByPageParams): Promise<QualysAsset[]>;
  /** POST /pm/v1/vulnerabilities — QID details for at most 1,000 QIDs (qualysdk). */
  getVulnerabilities(qids: readonly number[]): Promise<QualysVulnerability[]>;
  /** GET /mtg/v1/deploymentjob/{id} — a mitigation job (seed 003). @throws QualysNotFoundError. */
  getMitigationJob(id: string): Promise<QualysDeploymentJob>;
}

/** How a session authenticates to Qualys. */
export interface QualysSessionOptions {
  /**
   * The caller's JWT, forwarded as `Authorization: Bearer <jwt>`. When absent, the client's
   * service credentials are used; when neither exists, calls fail with `QUALYS_UNAUTHORIZED`.
   */
  bearerToken?: string | undefined;
  /** Aborts every call of this session (client disconnect, request deadline). */
  signal?: AbortSignal | undefined;
}

/** The Qualys client: shared connection pool and token cache; sessions are per request. */
export interface QualysClient {
  /** Returns the API bound to one caller's credentials and abort signal. Cheap. */
  session(options: QualysSessionOptions): QualysApi;
  /** True when service credentials (`QUALYS_USERNAME`/`QUALYS_PASSWORD`) are configured. */
  readonly hasServiceCredentials: boolean;
}

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
  /** Offset-paging record cap (QUALYS-API.md §4). */
  offsetRecordCap: 10_000,
} as const;
