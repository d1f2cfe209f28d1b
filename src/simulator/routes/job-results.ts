/**
 * `GET /pm/v1/deploymentjob/{jobId}/deploymentjobresult/summary?jobInstanceId=N` (seeds 000, 001)
 * and the `POST` form qualysdk uses with a JSON body `{jobInstanceId, pageSize, sort}`
 * (docs/qualys-api.md §7.7). Without `jobInstanceId` the latest run answers; a job without runs answers
 * its header with `assets: []`; an unknown job or run is a 404. The `assets` are paged only when
 * `pageSize` is given (with `pageNumber` from 0, capped like every offset list) and sorted by
 * `sort` (dotted paths such as `asset.name`).
 *
 * @module
 */
import { notFound } from '../errors.js';
import { isJsonObject, type JsonObject } from '../json.js';
import { parseNonNegativeInt, parseOffsetPage, parseSort, slicePage, sortItems } from '../list-params.js';
import type { RouteContext, TenantRoute } from '../router.js';
import type { TenantStore } from '../store/tenant-store.js';
import { bodyObject } from './route-helpers.js';

interface ResultQuery {
  readonly jobInstanceId: unknown;
  readonly pageNumber: unknown;
  readonly pageSize: unknown;
  readonly sort: unknown;
}

function numeric(value: unknown): string | number | null {
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? value : null;
}

function answer(ctx: RouteContext, tenant: TenantStore, query: ResultQuery) {
  const jobId = ctx.params['id'] ?? '';
  const rawInstance = numeric(query.jobInstanceId);
  const jobInstanceId = rawInstance === null ? null : parseNonNegativeInt('jobInstanceId', rawInstance, 0);
  const lookup = tenant.jobResult(jobId, jobInstanceId);
  if (lookup.kind === 'unknownJob') {
    throw notFound(`Deployment job ${jobId}`);
  }
  if (lookup.kind === 'unknownRun') {
    throw notFound(`Run ${lookup.jobInstanceId} of deployment job ${jobId}`);
  }
  const sort = parseSort(query.sort);
  const rawPageSize = numeric(query.pageSize);
  if (sort.length === 0 && rawPageSize === null) {
    return { json: lookup.result };
  }
  const assets = Array.isArray(lookup.result['assets']) ? lookup.result['assets'].filter(isJsonObject) : [];
  let selected: JsonObject[] = sortItems(assets, sort);
  if (rawPageSize !== null) {
    selected = slicePage(selected, parseOffsetPage(numeric(query.pageNumber), rawPageSize));
  }
  return { json: { ...lookup.result, assets: selected } };
}

/** @returns the GET and POST result summary routes. */
export function createJobResultRoutes(): TenantRoute[] {
  const pattern = '/pm/v1/deploymentjob/:id/deploymentjobresult/summary';
  return [
    {
      method: 'GET',
      pattern,
      access: 'tenant',
      handle: (ctx, tenant) =>
        answer(ctx, tenant, {
          jobInstanceId: ctx.query.get('jobInstanceId'),
          pageNumber: ctx.query.get('pageNumber'),
          pageSize: ctx.query.get('pageSize'),
          sort: ctx.query.get('sort'),
        }),
    },
    {
      method: 'POST',
      pattern,
      access: 'tenant',
      handle(ctx, tenant) {
        const body = bodyObject(ctx, false);
        return answer(ctx, tenant, {
          jobInstanceId: body['jobInstanceId'] ?? ctx.query.get('jobInstanceId'),
          pageNumber: body['pageNumber'] ?? ctx.query.get('pageNumber'),
          pageSize: body['pageSize'] ?? ctx.query.get('pageSize'),
          sort: body['sort'] ?? ctx.query.get('sort'),
        });
      },
    },
  ];
}
