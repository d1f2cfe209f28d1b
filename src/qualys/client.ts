/**
 * `createQualysClient`: the typed REST client of the Qualys PM/MTG API gateway. One method per
 * endpoint of {@link QualysApi}, each built from its entry of the endpoint table
 * (`endpoints.ts`: method, path, wire schema, idempotency, batch size, paging) and run through
 * the call pipeline (`pipeline.ts`: budget, breaker, retries, authentication, governor, attempt).
 * Sessions carry the caller's bearer token, abort signal, deadline and call budget; the client
 * itself holds the connection pool, the service-token cache and the governor.
 *
 * Source: docs/qualys-api.md §1 (hosts, URL-encoding), §2 (auth), §4 (paging), §5 (errors), §7
 * (deployment jobs), §11 (patches, catalog, assets, QIDs), §12 (MTG); seeds 000-004.
 */
import { Agent, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { headerValue } from './answers.js';
import {
  type CallOptions,
  type ListAssetsParams,
  type ListDeploymentJobsParams,
  type ListPatchesParams,
  QUALYS_LIMITS,
  type QualysApi,
  type QualysAssetPage,
  type QualysBulkJobResult,
  type QualysClient,
  type QualysJobConfigStatus,
  type QualysLogger,
  type QualysPlatform,
  type QualysSessionOptions,
  type QualysWireObject,
} from './api.js';
import { createTokenManager, type TokenManager } from './auth.js';
import { type CallRequest, callOf, ENDPOINTS, type Endpoint } from './endpoints.js';
import { type CallGate, createBreaker, UpstreamGate } from './governor.js';
import { CallDeadline, type HttpDeps, sendHttp } from './http.js';
import { type QualysClientOptions, resolveClientOptions } from './options.js';
import { createCallPipeline, type SessionBudget } from './pipeline.js';
import { baseUrlHostForms } from './redact.js';
import {
  assertBatch,
  assertJobStatus,
  assertPaging,
  assertWireBody,
  bulkJobIds,
  toBulkJobResults,
  withId,
} from './requests.js';

export type { QualysServiceCredentials } from './auth.js';
export type { QualysClientOptions } from './options.js';
export { BULK_NO_RESULT_ERROR } from './requests.js';

const noop = (): void => undefined;
const NOOP_LOGGER: QualysLogger = { debug: noop, warn: noop, error: noop };

/**
 * Creates a Qualys PM/MTG client.
 *
 * Shape: `options` as {@link QualysClientOptions}; returns a {@link QualysClient} whose
 * `session({ bearerToken, signal })` gives the per-caller {@link QualysApi}. Each API method
 * sends one documented request (`accept: application/json`, query values URL-encoded with
 * `URLSearchParams`, path ids with `encodeURIComponent`, JSON bodies with `content-type:
 * application/json` for POST, PATCH and the bulk DELETE) and parses the answer with its zod
 * schema.
 *
 * Authentication: a session's `bearerToken` is sent as `Authorization: Bearer <token>` and a
 * 401 to it is final. Without one, the service credentials' JWT is used (obtained with
 * `POST /auth`, cached, refreshed before expiry); after a 401 it is dropped, refreshed once and
 * the call retried once. The 401 retry is safe for job mutations too, since Qualys' gateway
 * rejects a bad token before the request runs.
 *
 * Upstream governor (per client, i.e. per Qualys subscription; options `concurrency`,
 * `rateLimit`, `retry`, `circuitBreaker`): every API attempt passes the circuit breaker, then
 * waits in one FIFO queue for a concurrency slot and a rate token (until the session's
 * `signal`/`deadline` ends: `QUALYS_ABORTED`, nothing sent), then runs with its own `timeoutMs`.
 * Idempotent reads (the endpoints `endpoints.ts` marks so) are retried on 409/429, 5xx, network
 * errors and timeouts; job mutations (create, update, enable/disable, delete) never are: one that times out, gets a 5xx or a
 * 409/429, or loses its connection is not re-sent (Qualys may have applied it; a 409/429 is
 * returned as `QUALYS_RATE_LIMITED` with `retryAfterMs` for the caller to decide).
 *
 * Every API method rejects only with a `QualysError`, one of the catalogue of `./errors.ts`: the
 * mapping of answers is `./answers.ts`, that of transport failures `CallDeadline.toError`
 * (`./http.ts`), and the pipeline adds `QUALYS_CIRCUIT_OPEN`, `QUALYS_ABORTED` (while queued) and
 * `UPSTREAM_BUDGET_EXCEEDED`, each raised before anything is sent.
 * Programming errors (a batch over its `QUALYS_LIMITS`, a negative page number, a blank job id
 * in a bulk call, a mutation body that is not a JSON object) throw a plain `RangeError` before
 * any request.
 *
 * @throws TypeError when `baseUrl` is not an absolute http(s) URL or the credentials are empty.
 * @throws RangeError when a duration, count or governor option is out of range (see
 *   {@link QualysClientOptions}) or the refresh margin is not smaller than the token lifetime.
 */
export function createQualysClient(options: QualysClientOptions): QualysClient {
  const settings = resolveClientOptions(options);
  const { baseUrl, timeoutMs, credentials } = settings;
  const ownedAgent = options.dispatcher
    ? undefined
    : new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
  const dispatcher: Dispatcher = options.dispatcher ?? (ownedAgent as Agent);
  const logger = options.logger ?? NOOP_LOGGER;
  let closed = false;
  let closing: Promise<void> | undefined;

  // Every spelling of the Qualys host, redacted from Qualys' own messages like a secret.
  const hostForms = baseUrlHostForms(baseUrl);
  const http: HttpDeps = {
    baseUrl,
    dispatcher,
    logger,
    onCall: options.onCall,
    now: options.now ?? Date.now,
    isClosed: () => closed,
  };
  const tokens: TokenManager | undefined = credentials
    ? createTokenManager({
        http,
        credentials,
        tokenLifetimeMs: settings.tokenLifetimeMs,
        tokenRefreshMarginMs: settings.tokenRefreshMarginMs,
        timeoutMs,
        cache: options.tokenCache,
      })
    : undefined;
  const gate: CallGate = options.gate ?? new UpstreamGate(settings.concurrency, settings.rateLimit);
  const pipeline = createCallPipeline({
    http,
    timeoutMs,
    gate,
    breaker: createBreaker(settings.breaker),
    retry: settings.retry,
    tokens,
    credentials,
    hostForms,
    isClosed: () => closed,
  });

  function createSession(session: QualysSessionOptions): QualysApi {
    const { maxCalls } = session;
    if (maxCalls !== undefined && (!Number.isSafeInteger(maxCalls) || maxCalls < 0)) {
      throw new RangeError(`QualysClient.session: maxCalls must be an integer >= 0, got ${maxCalls}`);
    }
    const budget: SessionBudget | undefined = maxCalls === undefined ? undefined : { used: 0, max: maxCalls };
    /** Calls `endpoint` with `request` and answers the parsed payload. */
    const call = async <S extends z.ZodType>(
      endpoint: Endpoint<S>,
      request?: CallRequest,
    ): Promise<z.output<S>> => (await pipeline.execute(callOf(endpoint, request), session, budget)).value;

    /** One offset-paged job list: the query every job-list endpoint shares. */
    const jobList = async <S extends z.ZodType>(
      method: string,
      endpoint: Endpoint<S>,
      params: ListDeploymentJobsParams,
    ) => {
      assertPaging(method, params.pageNumber, params.pageSize);
      return call(endpoint, {
        query: {
          platform: params.platform,
          filter: params.filter,
          pageNumber: params.pageNumber,
          pageSize: params.pageSize,
          sort: params.sort,
        },
      });
    };

    /** A create (`id` absent) or update of a job with a whole v2 body. */
    const writeJob = async <S extends z.ZodType>(
      method: string,
      endpoint: Endpoint<S>,
      body: QualysWireObject,
      id?: string,
      options?: CallOptions,
    ) => {
      assertWireBody(method, body);
      return call(endpoint, {
        json: body,
        ...(id === undefined ? {} : { params: { id } }),
        beforeSend: options?.beforeSend,
      });
    };

    /**
     * One bulk job call with body `{"ids":[...]}` (and `status` as a path segment when given); an
     * empty id list answers `[]` without a request.
     */
    const bulk = async (
      method: string,
      endpoint: (typeof ENDPOINTS)['setPatchJobsStatus' | 'setMitigationJobsStatus' | 'deletePatchJobs'],
      status: QualysJobConfigStatus | undefined,
      ids: readonly string[],
    ): Promise<QualysBulkJobResult[]> => {
      if (status !== undefined) assertJobStatus(method, status);
      const asked = bulkJobIds(method, ids);
      if (asked.length === 0) return [];
      const items = await call(endpoint, {
        json: { ids: asked },
        ...(status === undefined ? {} : { params: { status } }),
      });
      const secrets = [session.bearerToken ?? '', credentials?.password ?? '', credentials?.username ?? ''];
      return toBulkJobResults(asked, items, [...secrets, ...hostForms]);
    };

    return {
      listDeploymentJobs: (params) => jobList('listDeploymentJobs', ENDPOINTS.listDeploymentJobs, params),
      listDeploymentJobSummaries: (params) =>
        jobList('listDeploymentJobSummaries', ENDPOINTS.listDeploymentJobSummaries, params),
      listLinkableDeploymentJobs: (params) =>
        jobList('listLinkableDeploymentJobs', ENDPOINTS.listLinkableDeploymentJobs, params),
      getDeploymentJob: (id) => call(ENDPOINTS.getDeploymentJob, { params: { id } }),
      getDeploymentJobWire: (id) => call(ENDPOINTS.getDeploymentJobWire, { params: { id } }),
      listDeploymentJobRuns: (id) => call(ENDPOINTS.listDeploymentJobRuns, { params: { id } }),

      getDeploymentJobResultSummary: async (id, params) => {
        const jobInstanceId = params?.jobInstanceId;
        if (jobInstanceId !== undefined && (!Number.isSafeInteger(jobInstanceId) || jobInstanceId < 0)) {
          throw new RangeError(
            `QualysApi.getDeploymentJobResultSummary: jobInstanceId must be an integer >= 0, got ${jobInstanceId}`,
          );
        }
        return call(ENDPOINTS.getDeploymentJobResultSummary, { params: { id }, query: { jobInstanceId } });
      },

      listPatches: async (params: ListPatchesParams) => {
        assertPaging('listPatches', params.pageNumber, params.pageSize);
        return call(ENDPOINTS.listPatches, {
          query: {
            platform: params.platform,
            query: params.query,
            havingQuery: params.havingQuery,
            pageNumber: params.pageNumber,
            pageSize: params.pageSize,
            sort: params.sort,
          },
        });
      },

      getCatalogPatches: async (params: {
        platform: QualysPlatform;
        patchUuids: readonly string[];
        attributes?: readonly string[] | undefined;
      }) => {
        assertBatch('getCatalogPatches', params.patchUuids.length, QUALYS_LIMITS.patchUuidsPerCatalogCall);
        if (params.patchUuids.length === 0) return [];
        return call(ENDPOINTS.getCatalogPatches, {
          query: {
            platform: params.platform,
            attributes: params.attributes ? withId(params.attributes).join(',') : undefined,
          },
          json: { patchUuid: [...params.patchUuids] },
        });
      },

      mapAssetIdsToUuids: async (assetIds: readonly number[]) => {
        assertBatch('mapAssetIdsToUuids', assetIds.length, QUALYS_LIMITS.assetIdsPerMapping);
        for (const id of assetIds) {
          if (!Number.isSafeInteger(id)) {
            throw new RangeError(`QualysApi.mapAssetIdsToUuids: asset ids must be integers, got ${id}`);
          }
        }
        if (assetIds.length === 0) return { mappedAssets: [], unmappedAssets: [] };
        return call(ENDPOINTS.mapAssetIdsToUuids, { json: [...assetIds] });
      },

      listAssets: async (params: ListAssetsParams): Promise<QualysAssetPage> => {
        const pageSize = params.pageSize ?? QUALYS_LIMITS.assetsPerPage;
        assertPaging('listAssets', undefined, pageSize);
        assertBatch('listAssets', pageSize, QUALYS_LIMITS.assetsPerPage);
        // Absent keys are omitted, not sent as null.
        const body: { query?: string; havingQuery?: string; attributes?: string } = {};
        if (params.query !== undefined) body.query = params.query;
        if (params.havingQuery !== undefined) body.havingQuery = params.havingQuery;
        if (params.attributes !== undefined) body.attributes = withId(params.attributes).join(',');
        const cursor = params.searchAfter;
        const result = await pipeline.execute(
          callOf(ENDPOINTS.listAssets, {
            query: { platform: params.platform, pageSize },
            json: body,
            headers:
              cursor !== undefined && cursor !== null && cursor !== '' ? { searchAfter: cursor } : undefined,
          }),
          session,
          budget,
        );
        const next = headerValue(result.headers, 'searchafter');
        const searchAfter =
          next === undefined || next.trim() === '' || result.value.length < pageSize ? null : next;
        return { assets: result.value, searchAfter };
      },

      getVulnerabilities: async (qids: readonly number[]) => {
        assertBatch('getVulnerabilities', qids.length, QUALYS_LIMITS.qidsPerCall);
        for (const qid of qids) {
          if (!Number.isSafeInteger(qid)) {
            throw new RangeError(`QualysApi.getVulnerabilities: QIDs must be integers, got ${qid}`);
          }
        }
        if (qids.length === 0) return [];
        return call(ENDPOINTS.getVulnerabilities, { json: { qids: [...qids] } });
      },

      getMitigationJob: (id) => call(ENDPOINTS.getMitigationJob, { params: { id } }),
      getMitigationJobWire: (id) => call(ENDPOINTS.getMitigationJobWire, { params: { id } }),
      createPatchJob: (body, options) =>
        writeJob('createPatchJob', ENDPOINTS.createPatchJob, body, undefined, options),
      updatePatchJob: (id, body) => writeJob('updatePatchJob', ENDPOINTS.updatePatchJob, body, id),
      createMitigationJob: (body, options) =>
        writeJob('createMitigationJob', ENDPOINTS.createMitigationJob, body, undefined, options),
      updateMitigationJob: (id, body) =>
        writeJob('updateMitigationJob', ENDPOINTS.updateMitigationJob, body, id),
      setPatchJobsStatus: (status, ids) =>
        bulk('setPatchJobsStatus', ENDPOINTS.setPatchJobsStatus, status, ids),
      setMitigationJobsStatus: (status, ids) =>
        bulk('setMitigationJobsStatus', ENDPOINTS.setMitigationJobsStatus, status, ids),
      deletePatchJobs: (ids) => bulk('deletePatchJobs', ENDPOINTS.deletePatchJobs, undefined, ids),
    };
  }

  return {
    session: createSession,
    hasServiceCredentials: credentials !== undefined,
    async probe(probeOptions) {
      const endpoint = 'GET /';
      const deadline = new CallDeadline(probeOptions?.timeoutMs ?? 5_000, undefined);
      try {
        // Any HTTP answer (even 401/404) proves the base URL reachable; the body is discarded.
        await sendHttp(
          http,
          { endpoint, method: 'GET', path: '/', headers: { accept: 'application/json' } },
          deadline.signal,
        );
      } catch (err) {
        throw deadline.toError(err, endpoint);
      } finally {
        deadline.dispose();
      }
      if (tokens) await tokens.getToken();
    },
    queueDepth: () => gate.queued,
    inFlight: () => gate.active,
    close(): Promise<void> {
      closed = true;
      closing ??= ownedAgent ? ownedAgent.close() : Promise.resolve();
      return closing;
    },
  };
}
