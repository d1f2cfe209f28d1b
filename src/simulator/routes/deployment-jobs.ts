/**
 * Patch deployment job reads:
 *
 * - `GET /pm/v1/deploymentjobs`, `/summary`, `/availableToLink` (seed 000; docs/qualys-api.md §7.4):
 *   `platform` (required, `Windows`|`Linux`), `pageNumber` (from 0), `pageSize` (default 10),
 *   `filter` (job QQL), `sort` (JSON array string), `attributes` (comma list; `id` always kept);
 *   offset paging capped at 10,000 records (2501);
 * - `GET /pm/v1/deploymentjob/{id}` (seeds 000, 001): the full job, or 404;
 * - `GET /pm/v1/deploymentjob/{id}/runs` (docs/qualys-api.md §7.8): `[{jobInstanceId,
 *   scheduledDateTime, timezoneType}]`, or 404;
 * - `GET /mtg/v1/deploymentjob/{id}` (seed 003): the mitigation job, or 404.
 *
 * @module
 */
import { notFound } from '../errors.js';
import {
  parseAttributes,
  parseOffsetPage,
  parsePlatform,
  parseSort,
  project,
  slicePage,
  sortItems,
} from '../list-params.js';
import type { TenantRoute } from '../router.js';
import { JOB_QQL_FIELDS } from '../store/qql-fields.js';
import type { JobListKind } from '../store/seed-index.js';
import { compileParameter } from './route-helpers.js';

function listRoute(pattern: string, kind: JobListKind): TenantRoute {
  return {
    method: 'GET',
    pattern,
    access: 'tenant',
    handle(ctx, tenant) {
      const platform = parsePlatform(ctx.query.get('platform'), null);
      const page = parseOffsetPage(ctx.query.get('pageNumber'), ctx.query.get('pageSize'));
      const matches = compileParameter('filter', ctx.query.get('filter'), JOB_QQL_FIELDS, 'deployment jobs');
      const sorted = sortItems(
        tenant.jobList(kind, platform).filter(matches),
        parseSort(ctx.query.get('sort')),
      );
      const attributes = parseAttributes(ctx.query.get('attributes'));
      return { json: slicePage(sorted, page).map((item) => project(item, attributes)) };
    },
  };
}

/** @returns the deployment job and mitigation job read routes. */
export function createDeploymentJobRoutes(): TenantRoute[] {
  return [
    listRoute('/pm/v1/deploymentjobs', 'list'),
    listRoute('/pm/v1/deploymentjobs/summary', 'summary'),
    listRoute('/pm/v1/deploymentjobs/availableToLink', 'availableToLink'),
    {
      method: 'GET',
      pattern: '/pm/v1/deploymentjob/:id',
      access: 'tenant',
      handle(ctx, tenant) {
        const id = ctx.params['id'] ?? '';
        const job = tenant.patchJob(id);
        if (job === undefined) {
          throw notFound(`Deployment job ${id}`);
        }
        return { json: job };
      },
    },
    {
      method: 'GET',
      pattern: '/pm/v1/deploymentjob/:id/runs',
      access: 'tenant',
      handle(ctx, tenant) {
        const id = ctx.params['id'] ?? '';
        const runs = tenant.runs(id);
        if (runs === undefined) {
          throw notFound(`Deployment job ${id}`);
        }
        return { json: runs };
      },
    },
    {
      method: 'GET',
      pattern: '/mtg/v1/deploymentjob/:id',
      access: 'tenant',
      handle(ctx, tenant) {
        const id = ctx.params['id'] ?? '';
        const job = tenant.mitigationJob(id);
        if (job === undefined) {
          throw notFound(`Mitigation job ${id}`);
        }
        return { json: job };
      },
    },
  ];
}
