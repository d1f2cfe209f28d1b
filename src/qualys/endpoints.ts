/**
 * The endpoint table: every Qualys endpoint the client calls, declared once with its method,
 * path template, wire schema, whether it may be retried (idempotent), its batch size and how it
 * pages. The client's methods (`client.ts`) build a {@link CallSpec} from an entry with
 * {@link callOf}; the call pipeline (`pipeline.ts`) reads `idempotent` to decide on retries.
 *
 * Source: docs/qualys-api.md §7 (deployment jobs), §11 (patches, catalog, assets, QIDs), §12
 * (mitigation); seeds 000-004.
 */
import type { z } from 'zod';
import { type CallOptions, QUALYS_LIMITS, type QualysHttpMethod } from './api.js';
import { QualysNotFoundError } from './errors.js';
import {
  QualysAssetListSchema,
  QualysAssetUuidMappingSchema,
  QualysBulkJobResultListSchema,
  QualysDeploymentJobListSchema,
  QualysDeploymentJobSchema,
  QualysJobResultSummarySchema,
  QualysJobRunListSchema,
  QualysLinkableJobListSchema,
  QualysPatchListSchema,
  QualysVulnerabilityListSchema,
  QualysWireJobSchema,
} from './schemas/index.js';

/** How an endpoint pages its answer. */
export type EndpointPaging =
  /** `pageNumber`/`pageSize` query parameters, at most 10,000 records (docs/qualys-api.md §4). */
  | 'offset'
  /** The `searchAfter` response header echoed as a request header (docs/qualys-api.md §4). */
  | 'searchAfter'
  /** One answer. */
  | 'none';

/** One Qualys endpoint. */
export interface Endpoint<S extends z.ZodType = z.ZodType> {
  /** `METHOD /path/{param}`: how errors, logs, metrics and spans name the endpoint. */
  readonly template: string;
  readonly method: QualysHttpMethod;
  /** The path with `{param}` placeholders, e.g. `/pm/v1/deploymentjob/{id}`. */
  readonly path: string;
  /** The zod schema of the answer: the normalised payload the client returns. */
  readonly schema: S;
  /**
   * True when sending it twice cannot change anything (the GETs and the read-only POSTs that
   * carry a query in their body): the pipeline retries it on throttling, 5xx, network errors and
   * timeouts. False for the job mutations, which are sent once.
   */
  readonly idempotent: boolean;
  /** True when it answers a list: an empty body or JSON `null` is `[]`. */
  readonly list: boolean;
  /** Most items (ids, UUIDs, QIDs, records) one call carries, when it is a batch or a page. */
  readonly batchSize?: number | undefined;
  readonly paging: EndpointPaging;
}

function endpoint<S extends z.ZodType>(
  method: QualysHttpMethod,
  path: string,
  schema: S,
  options: { idempotent: boolean; list: boolean; batchSize?: number; paging?: EndpointPaging },
): Endpoint<S> {
  return {
    template: `${method} ${path}`,
    method,
    path,
    schema,
    idempotent: options.idempotent,
    list: options.list,
    batchSize: options.batchSize,
    paging: options.paging ?? 'none',
  };
}

const read = { idempotent: true, list: false } as const;
const readList = { idempotent: true, list: true } as const;
const write = { idempotent: false, list: false } as const;
const writeList = { idempotent: false, list: true } as const;

/** The endpoints, by the name of the client method that calls them. */
export const ENDPOINTS = {
  /** "Get Deployment Job List" (seed 000), docs/qualys-api.md §7.4. */
  listDeploymentJobs: endpoint('GET', '/pm/v1/deploymentjobs', QualysDeploymentJobListSchema, {
    ...readList,
    paging: 'offset',
  }),
  /** The job list with progress counts (seed 000; qualysdk), docs/qualys-api.md §7.4. */
  listDeploymentJobSummaries: endpoint(
    'GET',
    '/pm/v1/deploymentjobs/summary',
    QualysDeploymentJobListSchema,
    {
      ...readList,
      paging: 'offset',
    },
  ),
  /** Jobs usable as a patch source (seed 000). */
  listLinkableDeploymentJobs: endpoint(
    'GET',
    '/pm/v1/deploymentjobs/availableToLink',
    QualysLinkableJobListSchema,
    { ...readList, paging: 'offset' },
  ),
  /** One patch job (seeds 000, 001, 003), docs/qualys-api.md §7.2. */
  getDeploymentJob: endpoint('GET', '/pm/v1/deploymentjob/{id}', QualysDeploymentJobSchema, read),
  /** One patch job as Qualys sent it, the base of a read-merge-write update (§7.3). */
  getDeploymentJobWire: endpoint('GET', '/pm/v1/deploymentjob/{id}', QualysWireJobSchema, read),
  /** A job's runs (qualysdk), docs/qualys-api.md §7.8. */
  listDeploymentJobRuns: endpoint('GET', '/pm/v1/deploymentjob/{id}/runs', QualysJobRunListSchema, readList),
  /** The per-asset results of one run (seeds 000, 001), docs/qualys-api.md §7.7. */
  getDeploymentJobResultSummary: endpoint(
    'GET',
    '/pm/v1/deploymentjob/{id}/deploymentjobresult/summary',
    QualysJobResultSummarySchema,
    read,
  ),
  /** The customer's patch list (seed 004), docs/qualys-api.md §11.1. */
  listPatches: endpoint('GET', '/pm/v1/patches', QualysPatchListSchema, { ...readList, paging: 'offset' }),
  /** Patch details by UUID, a query in a POST body, docs/qualys-api.md §11.4. */
  getCatalogPatches: endpoint('POST', '/pm/v1/patchcatalog/patches', QualysPatchListSchema, {
    ...readList,
    batchSize: QUALYS_LIMITS.patchUuidsPerCatalogCall,
  }),
  /** Numeric asset ids to PM asset UUIDs, docs/qualys-api.md §11.8. */
  mapAssetIdsToUuids: endpoint('POST', '/pm/v1/assets/uuids', QualysAssetUuidMappingSchema, {
    ...read,
    batchSize: QUALYS_LIMITS.assetIdsPerMapping,
  }),
  /** The asset list, a query in a POST body, paged by `searchAfter`, docs/qualys-api.md §11.7. */
  listAssets: endpoint('POST', '/pm/v1/assets', QualysAssetListSchema, {
    ...readList,
    batchSize: QUALYS_LIMITS.assetsPerPage,
    paging: 'searchAfter',
  }),
  /** QIDs to their details and CVEs, docs/qualys-api.md §11.9. */
  getVulnerabilities: endpoint('POST', '/pm/v1/vulnerabilities', QualysVulnerabilityListSchema, {
    ...readList,
    batchSize: QUALYS_LIMITS.qidsPerCall,
  }),
  /** One mitigation job (seed 003), docs/qualys-api.md §12. */
  getMitigationJob: endpoint('GET', '/mtg/v1/deploymentjob/{id}', QualysDeploymentJobSchema, read),
  /** One mitigation job as Qualys sent it, the base of an update (§12.2). */
  getMitigationJobWire: endpoint('GET', '/mtg/v1/deploymentjob/{id}', QualysWireJobSchema, read),
  /** Creates a patch job (v2, seed 003), docs/qualys-api.md §7.1. */
  createPatchJob: endpoint('POST', '/pm/v2/deploymentjob', QualysDeploymentJobSchema, write),
  /** Updates a patch job with its whole body (v2), docs/qualys-api.md §7.3. */
  updatePatchJob: endpoint('PATCH', '/pm/v2/deploymentjob/update/{id}', QualysDeploymentJobSchema, write),
  /** Creates a mitigation job (v2, seed 003), docs/qualys-api.md §12.1. */
  createMitigationJob: endpoint('POST', '/mtg/v2/deploymentjob', QualysDeploymentJobSchema, write),
  /** Updates a mitigation job (v2), docs/qualys-api.md §12.2. */
  updateMitigationJob: endpoint('PATCH', '/mtg/v2/deploymentjob/{id}', QualysDeploymentJobSchema, write),
  /** Enables or disables patch jobs in bulk, docs/qualys-api.md §7.5. */
  setPatchJobsStatus: endpoint(
    'POST',
    '/pm/v1/deploymentjobs/update/status/{status}',
    QualysBulkJobResultListSchema,
    { ...writeList, batchSize: 1000 },
  ),
  /** Enables or disables mitigation jobs in bulk, docs/qualys-api.md §12.3. */
  setMitigationJobsStatus: endpoint(
    'POST',
    '/mtg/v1/deploymentjobs/update/status/{status}',
    QualysBulkJobResultListSchema,
    { ...writeList, batchSize: 1000 },
  ),
  /** Deletes patch jobs in bulk, a DELETE with a JSON body, docs/qualys-api.md §7.6. */
  deletePatchJobs: endpoint('DELETE', '/pm/v1/deploymentjobs', QualysBulkJobResultListSchema, {
    ...writeList,
    batchSize: 1000,
  }),
} as const;

/** One call of an endpoint: the request to send and how to read its answer. */
export interface CallSpec<S extends z.ZodType = z.ZodType> {
  /** The endpoint template, e.g. `GET /pm/v1/deploymentjob/{id}`. */
  readonly endpoint: string;
  readonly method: QualysHttpMethod;
  /** The concrete path, path parameters encoded. */
  readonly path: string;
  readonly query?: URLSearchParams | undefined;
  /** JSON body (POST, PATCH, the bulk DELETE); serialised once per call, before any request. */
  readonly json?: unknown;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The wire schema of the answer. */
  readonly schema: S;
  /** When the endpoint answers a list: an empty body or JSON `null` means `[]`. */
  readonly list: boolean;
  /** May be retried (see {@link Endpoint.idempotent}). */
  readonly idempotent: boolean;
  /**
   * Awaited right before each HTTP attempt is sent, once a slot is granted: the caller records
   * that the request may now reach Qualys (`CallOptions.beforeSend`). A rejection stops the call
   * unsent, with the hook's error.
   */
  readonly beforeSend?: CallOptions['beforeSend'];
}

/** The request parts of one call of an endpoint. */
export interface CallRequest {
  /** Values of the path's `{param}`s; each is URL-encoded. */
  readonly params?: Readonly<Record<string, string>> | undefined;
  /** Query parameters; `undefined` values are left out. */
  readonly query?: Readonly<Record<string, string | number | undefined>> | undefined;
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** See {@link CallSpec.beforeSend}. */
  readonly beforeSend?: CallOptions['beforeSend'];
}

/** `URLSearchParams` from the defined entries only, in the given order. */
function queryOf(entries: Readonly<Record<string, string | number | undefined>>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) {
    if (value !== undefined) q.set(key, String(value));
  }
  return q;
}

/**
 * The {@link CallSpec} of one call of `endpoint`: `{param}`s replaced by their URL-encoded values.
 * @throws QualysNotFoundError `QUALYS_NOT_FOUND` (no call made) when a parameter is empty: an
 *   empty id names no resource.
 */
export function callOf<S extends z.ZodType>(endpoint: Endpoint<S>, request: CallRequest = {}): CallSpec<S> {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = request.params?.[name] ?? '';
    if (value === '') throw QualysNotFoundError.beforeCall(endpoint.template);
    return encodeURIComponent(value);
  });
  return {
    endpoint: endpoint.template,
    method: endpoint.method,
    path,
    query: request.query === undefined ? undefined : queryOf(request.query),
    json: request.json,
    headers: request.headers,
    schema: endpoint.schema,
    list: endpoint.list,
    idempotent: endpoint.idempotent,
    beforeSend: request.beforeSend,
  };
}
