/**
 * A recording fake of `QualysApi` for loader and schema tests: answers from in-memory,
 * normalised payloads (the output types of the wire schemas), records every call, enforces the
 * documented batch limits, and fails calls on demand.
 *
 * Job mutations work on the same in-memory jobs: create/update normalise the wire body with
 * `QualysDeploymentJobSchema` (create assigns `fake-job-<n>`; update needs a known id) and store
 * it, so later reads see it; enable/disable and delete answer one result per id, a failure for
 * an unknown id. The raw-wire getters answer the wire objects given in `jobWires` /
 * `mitigationJobWires` or stored by a create/update.
 */
import {
  type ListAssetsParams,
  type ListDeploymentJobsParams,
  type ListPatchesParams,
  QUALYS_LIMITS,
  type QualysApi,
  type QualysBulkJobResult,
  type QualysJobConfigStatus,
  type QualysPlatform,
  type QualysWireObject,
} from '../../src/qualys/api.js';
import {
  QualysBadRequestError,
  type QualysError,
  QualysNotFoundError,
  QualysRecordCapError,
} from '../../src/qualys/errors.js';
import {
  type QualysAsset,
  type QualysDeploymentJob,
  type QualysDeploymentJobListItem,
  QualysDeploymentJobSchema,
  type QualysJobResultSummary,
  type QualysJobRun,
  type QualysLinkableJob,
  type QualysPatch,
  type QualysVulnerability,
} from '../../src/qualys/schemas/index.js';

/** The fake's data, by resource. */
export interface FakeData {
  /** PM jobs answered by `getDeploymentJob`. */
  jobs?: QualysDeploymentJob[];
  /** MTG jobs answered by `getMitigationJob`. */
  mitigationJobs?: QualysDeploymentJob[];
  /** Job list entries per platform (`listDeploymentJobs`, `listDeploymentJobSummaries`). */
  jobList?: Partial<Record<QualysPlatform, QualysDeploymentJobListItem[]>>;
  /** "Available to link" entries per platform. */
  linkableJobs?: Partial<Record<QualysPlatform, QualysLinkableJob[]>>;
  /** Runs by job id. */
  runs?: Record<string, QualysJobRun[]>;
  /** Result summaries by `<jobId>:<jobInstanceId>` and `<jobId>:latest`. */
  results?: Record<string, QualysJobResultSummary>;
  /** Patch catalog records per platform. */
  catalog?: Partial<Record<QualysPlatform, QualysPatch[]>>;
  /** Customer patch list records per platform (`listPatches`). */
  patchList?: Partial<Record<QualysPlatform, QualysPatch[]>>;
  /** Assets per platform (`listAssets`). */
  assets?: Partial<Record<QualysPlatform, QualysAsset[]>>;
  /** Numeric asset id -> asset UUID. */
  assetUuids?: ReadonlyMap<number, string>;
  /** QID details. */
  vulnerabilities?: QualysVulnerability[];
  /** PM jobs as raw wire objects (`getDeploymentJobWire`), by their `id`. */
  jobWires?: QualysWireObject[];
  /** MTG jobs as raw wire objects (`getMitigationJobWire`), by their `id`. */
  mitigationJobWires?: QualysWireObject[];
}

/** One recorded call: method name and a copy of its arguments. */
export interface FakeCall {
  readonly method: keyof QualysApi;
  readonly args: readonly unknown[];
}

/** Decides whether a call fails: return the error to throw, or `undefined` to answer normally. */
export type FailureRule = (call: FakeCall) => QualysError | undefined;

/** The fake and its recordings. */
export interface FakeQualysApi {
  readonly api: QualysApi;
  /** Every call, in the order made. */
  readonly calls: FakeCall[];
  /** Calls of one method (all calls without a method). */
  count(method?: keyof QualysApi): number;
  /** Calls of one method. */
  callsOf(method: keyof QualysApi): FakeCall[];
  /** Adds a failure rule. */
  failWhen(rule: FailureRule): void;
  /** Forgets recorded calls. */
  reset(): void;
}

const ASSET_ID_QQL = /^id:\[(.*)\]$/;

/** Builds a fake over `data`. */
export function createFakeQualysApi(data: FakeData = {}): FakeQualysApi {
  const calls: FakeCall[] = [];
  const rules: FailureRule[] = [];
  const jobs = new Map((data.jobs ?? []).map((j) => [j.id, j]));
  const mitigationJobs = new Map((data.mitigationJobs ?? []).map((j) => [j.id, j]));
  const vulnerabilities = new Map((data.vulnerabilities ?? []).map((v) => [v.id, v]));
  const wireOf = (list: QualysWireObject[] | undefined) =>
    new Map((list ?? []).map((w) => [String(w['id']), structuredClone(w)]));
  const jobWires = wireOf(data.jobWires);
  const mitigationJobWires = wireOf(data.mitigationJobWires);
  let createdCount = 0;

  async function record<T>(method: keyof QualysApi, args: unknown[], answer: () => T): Promise<T> {
    const call: FakeCall = { method, args: structuredClone(args) };
    calls.push(call);
    await Promise.resolve();
    for (const rule of rules) {
      const error = rule(call);
      if (error) throw error;
    }
    return answer();
  }

  function offsetPage<T>(
    items: readonly T[],
    params: { pageNumber?: number | undefined; pageSize?: number | undefined },
    endpoint: string,
  ): T[] {
    const pageSize = params.pageSize ?? 10;
    const pageNumber = params.pageNumber ?? 0;
    if ((pageNumber + 1) * pageSize > QUALYS_LIMITS.offsetRecordCap) {
      throw new QualysRecordCapError('past the record cap', {
        endpoint,
        qualysErrorCode: '2501',
      });
    }
    return items.slice(pageNumber * pageSize, (pageNumber + 1) * pageSize);
  }

  function limit(n: number, max: number, endpoint: string): void {
    if (n > max)
      throw new QualysBadRequestError(`too many ids (${n} > ${max})`, {
        endpoint,
        status: 400,
      });
  }

  function notFound(endpoint: string): QualysNotFoundError {
    return new QualysNotFoundError('no such job', { endpoint, status: 404 });
  }

  /** Normalises and stores a created or updated job, like Qualys answering the job back. */
  function storeJob(
    store: Map<string, QualysDeploymentJob>,
    wires: Map<string, QualysWireObject>,
    id: string,
    body: QualysWireObject,
    endpoint: string,
  ): QualysDeploymentJob {
    const wire = { ...structuredClone(body), id };
    const parsed = QualysDeploymentJobSchema.safeParse(wire);
    if (!parsed.success) {
      throw new QualysBadRequestError('the fake could not read the job body', {
        endpoint,
        status: 400,
      });
    }
    store.set(id, parsed.data);
    wires.set(id, wire);
    return parsed.data;
  }

  /** One bulk answer: `apply` returns false for an unknown id (a per-item failure, as Qualys). */
  function bulkAnswer(ids: readonly string[], apply: (id: string) => boolean): QualysBulkJobResult[] {
    for (const id of ids) {
      if (typeof id !== 'string' || id.trim() === '')
        throw new RangeError('job ids must be non-empty strings');
    }
    return [...new Set(ids)].map((id) =>
      apply(id)
        ? { id, name: null, success: true, error: null }
        : { id, name: null, success: false, error: 'Job not found' },
    );
  }

  function setStatus(
    store: Map<string, QualysDeploymentJob>,
    wires: Map<string, QualysWireObject>,
    status: QualysJobConfigStatus,
    ids: readonly string[],
  ): QualysBulkJobResult[] {
    return bulkAnswer(ids, (id) => {
      const job = store.get(id);
      if (!job) return false;
      store.set(id, { ...job, status });
      const wire = wires.get(id);
      if (wire) wires.set(id, { ...wire, status });
      return true;
    });
  }

  const api: QualysApi = {
    listDeploymentJobs: (params: ListDeploymentJobsParams) =>
      record('listDeploymentJobs', [params], () =>
        offsetPage(data.jobList?.[params.platform] ?? [], params, 'GET /pm/v1/deploymentjobs'),
      ),
    listDeploymentJobSummaries: (params: ListDeploymentJobsParams) =>
      record('listDeploymentJobSummaries', [params], () =>
        offsetPage(data.jobList?.[params.platform] ?? [], params, 'GET /pm/v1/deploymentjobs/summary'),
      ),
    listLinkableDeploymentJobs: (params: ListDeploymentJobsParams) =>
      record('listLinkableDeploymentJobs', [params], () =>
        offsetPage(
          data.linkableJobs?.[params.platform] ?? [],
          params,
          'GET /pm/v1/deploymentjobs/availableToLink',
        ),
      ),
    getDeploymentJob: (id: string) =>
      record('getDeploymentJob', [id], () => {
        const job = jobs.get(id);
        if (!job)
          throw new QualysNotFoundError('no such job', {
            endpoint: 'GET /pm/v1/deploymentjob/{id}',
            status: 404,
          });
        return job;
      }),
    listDeploymentJobRuns: (id: string) => record('listDeploymentJobRuns', [id], () => data.runs?.[id] ?? []),
    getDeploymentJobResultSummary: (id: string, params?: { jobInstanceId?: number | undefined }) =>
      record('getDeploymentJobResultSummary', params ? [id, params] : [id], () => {
        const summary = data.results?.[`${id}:${params?.jobInstanceId ?? 'latest'}`];
        if (!summary) {
          throw new QualysNotFoundError('no such run', {
            endpoint: 'GET /pm/v1/deploymentjob/{id}/deploymentjobresult/summary',
            status: 404,
          });
        }
        return summary;
      }),
    listPatches: (params: ListPatchesParams) =>
      record('listPatches', [params], () =>
        offsetPage(data.patchList?.[params.platform] ?? [], params, 'GET /pm/v1/patches'),
      ),
    getCatalogPatches: (params) =>
      record('getCatalogPatches', [params], () => {
        limit(
          params.patchUuids.length,
          QUALYS_LIMITS.patchUuidsPerCatalogCall,
          'POST /pm/v1/patchcatalog/patches',
        );
        const wanted = new Set(params.patchUuids);
        return (data.catalog?.[params.platform] ?? []).filter((p) => wanted.has(p.id));
      }),
    mapAssetIdsToUuids: (assetIds) =>
      record('mapAssetIdsToUuids', [assetIds], () => {
        limit(assetIds.length, QUALYS_LIMITS.assetIdsPerMapping, 'POST /pm/v1/assets/uuids');
        const mappedAssets: { assetId: number; assetUuid: string }[] = [];
        const unmappedAssets: number[] = [];
        for (const assetId of assetIds) {
          const assetUuid = data.assetUuids?.get(assetId);
          if (assetUuid) mappedAssets.push({ assetId, assetUuid });
          else unmappedAssets.push(assetId);
        }
        return { mappedAssets, unmappedAssets };
      }),
    listAssets: (params: ListAssetsParams) =>
      record('listAssets', [params], () => {
        const pageSize = params.pageSize ?? QUALYS_LIMITS.assetsPerPage;
        limit(pageSize, QUALYS_LIMITS.assetsPerPage, 'POST /pm/v1/assets');
        let assets = data.assets?.[params.platform] ?? [];
        const ids = params.query ? ASSET_ID_QQL.exec(params.query)?.[1] : undefined;
        if (ids !== undefined) {
          const wanted = new Set(ids.split(','));
          assets = assets.filter((a) => wanted.has(a.id));
        }
        const start = params.searchAfter ? Number(params.searchAfter) : 0;
        const page = assets.slice(start, start + pageSize);
        const next = start + pageSize < assets.length ? String(start + pageSize) : null;
        return { assets: page, searchAfter: next };
      }),
    getVulnerabilities: (qids) =>
      record('getVulnerabilities', [qids], () => {
        limit(qids.length, QUALYS_LIMITS.qidsPerCall, 'POST /pm/v1/vulnerabilities');
        return qids.flatMap((qid) => {
          const v = vulnerabilities.get(qid);
          return v ? [v] : [];
        });
      }),
    getMitigationJob: (id: string) =>
      record('getMitigationJob', [id], () => {
        const job = mitigationJobs.get(id);
        if (!job)
          throw new QualysNotFoundError('no such job', {
            endpoint: 'GET /mtg/v1/deploymentjob/{id}',
            status: 404,
          });
        return job;
      }),
    getDeploymentJobWire: (id: string) =>
      record('getDeploymentJobWire', [id], () => {
        const wire = jobWires.get(id);
        if (!wire) throw notFound('GET /pm/v1/deploymentjob/{id}');
        return structuredClone(wire);
      }),
    getMitigationJobWire: (id: string) =>
      record('getMitigationJobWire', [id], () => {
        const wire = mitigationJobWires.get(id);
        if (!wire) throw notFound('GET /mtg/v1/deploymentjob/{id}');
        return structuredClone(wire);
      }),
    createPatchJob: (body) =>
      record('createPatchJob', [body], () => {
        createdCount += 1;
        return storeJob(jobs, jobWires, `fake-job-${createdCount}`, body, 'POST /pm/v2/deploymentjob');
      }),
    updatePatchJob: (id, body) =>
      record('updatePatchJob', [id, body], () => {
        const endpoint = 'PATCH /pm/v2/deploymentjob/update/{id}';
        if (!jobs.has(id)) throw notFound(endpoint);
        return storeJob(jobs, jobWires, id, body, endpoint);
      }),
    createMitigationJob: (body) =>
      record('createMitigationJob', [body], () => {
        createdCount += 1;
        return storeJob(
          mitigationJobs,
          mitigationJobWires,
          `fake-job-${createdCount}`,
          body,
          'POST /mtg/v2/deploymentjob',
        );
      }),
    updateMitigationJob: (id, body) =>
      record('updateMitigationJob', [id, body], () => {
        const endpoint = 'PATCH /mtg/v2/deploymentjob/{id}';
        if (!mitigationJobs.has(id)) throw notFound(endpoint);
        return storeJob(mitigationJobs, mitigationJobWires, id, body, endpoint);
      }),
    setPatchJobsStatus: (status, ids) =>
      record('setPatchJobsStatus', [status, ids], () => setStatus(jobs, jobWires, status, ids)),
    setMitigationJobsStatus: (status, ids) =>
      record('setMitigationJobsStatus', [status, ids], () =>
        setStatus(mitigationJobs, mitigationJobWires, status, ids),
      ),
    deletePatchJobs: (ids) =>
      record('deletePatchJobs', [ids], () =>
        bulkAnswer(ids, (id) => {
          jobWires.delete(id);
          return jobs.delete(id);
        }),
      ),
  };

  return {
    api,
    calls,
    count: (method) => (method ? calls.filter((c) => c.method === method).length : calls.length),
    callsOf: (method) => calls.filter((c) => c.method === method),
    failWhen: (rule) => {
      rules.push(rule);
    },
    reset: () => {
      calls.length = 0;
    },
  };
}
