/**
 * Job mutations, per tenant, with state (docs/qualys-api.md §7.1, §7.3, §7.5, §7.6, §12.1–12.3; seeds
 * 001, 002, 003):
 *
 * - `POST /pm/v2/deploymentjob` -> 201 with the created job (GET shape);
 * - `PATCH /pm/v2/deploymentjob/update/{id}` -> 200 with the updated job; unknown id -> 404 (9004);
 * - `POST /mtg/v2/deploymentjob` -> 201 with the created mitigation job (seed 003 shape);
 * - `PATCH /mtg/v2/deploymentjob/{id}` -> 200 with the updated mitigation job; unknown id -> 404;
 * - `POST /pm/v1/deploymentjobs/update/status/{Enabled|Disabled}` and
 *   `POST /mtg/v1/deploymentjobs/update/status/{Enabled|Disabled}` with `{"ids":[...]}` -> 200
 *   with one `{id, name, status:"success"|"failure", error?}` per id; another action -> 400 (9009);
 * - `DELETE /pm/v1/deploymentjobs` with `{"ids":[...]}` -> 200 with one such item per id;
 * - the retired v1 create/update endpoints (`POST /pm/v1/deploymentjob`,
 *   `PATCH /pm/v1/deploymentjob/update/{id}`, `POST /mtg/v1/deploymentjob`,
 *   `PATCH /mtg/v1/deploymentjob/{id}`) -> 410 (9013) naming the v2 endpoint: release 3.12
 *   (seed 003) puts their end of life in July (MTG) / August (PM) 2026, and the simulator plays
 *   a Qualys past that date, so a gateway still calling v1 fails loudly.
 *
 * Create/update bodies are checked with Qualys' documented rules (`store/job-body-rules.ts`).
 * Bulk bodies must be `{"ids": [<string>, ...]}` with at most 1,000 ids (else 400, 9001/9003).
 *
 * @module
 */
import { badParameter, notFound, SimulatorErrorCode, SimulatorHttpError } from '../errors.js';
import type { RouteContext, TenantRoute } from '../router.js';
import type { JobStatusAction } from '../store/tenant-store.js';
import { assertBatchSize, bodyObject } from './route-helpers.js';

/** What the mutation routes need. */
export interface JobMutationRouteDeps {
  /** The clock for creation/update times and the start of On-demand jobs, epoch ms. */
  readonly now: () => number;
}

function bulkIds(ctx: RouteContext): string[] {
  const ids = bodyObject(ctx, true)['ids'];
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw badParameter('Invalid request body: expected {"ids": ["<job id>", ...]}');
  }
  assertBatchSize('job ids', ids.length);
  return ids as string[];
}

function statusAction(ctx: RouteContext): JobStatusAction {
  const action = ctx.params['action'] ?? '';
  if (action !== 'Enabled' && action !== 'Disabled') {
    throw new SimulatorHttpError(
      400,
      SimulatorErrorCode.INVALID_VALUE,
      `Invalid status action '${action}': expected Enabled or Disabled`,
    );
  }
  return action;
}

function retired(method: string, pattern: string, replacement: string, eol: string): TenantRoute {
  return {
    method,
    pattern,
    access: 'tenant',
    handle() {
      throw new SimulatorHttpError(
        410,
        SimulatorErrorCode.ENDPOINT_RETIRED,
        `${method} ${pattern.replace(':id', '{deploymentJobId}')} reached end of life (${eol}; Patch Management release 3.12): use ${method} ${replacement} instead`,
      );
    },
  };
}

/**
 * @param deps - the clock.
 * @returns the job mutation routes and the retired v1 create/update routes.
 */
export function createJobMutationRoutes(deps: JobMutationRouteDeps): TenantRoute[] {
  return [
    {
      method: 'POST',
      pattern: '/pm/v2/deploymentjob',
      access: 'tenant',
      handle(ctx, tenant) {
        return { status: 201, json: tenant.createPatchJob(bodyObject(ctx, true), deps.now()) };
      },
    },
    {
      method: 'PATCH',
      pattern: '/pm/v2/deploymentjob/update/:id',
      access: 'tenant',
      handle(ctx, tenant) {
        const id = ctx.params['id'] ?? '';
        const body = bodyObject(ctx, true);
        const job = tenant.updatePatchJob(id, body, deps.now());
        if (job === undefined) {
          throw notFound(`Deployment job ${id}`);
        }
        return { json: job };
      },
    },
    {
      method: 'POST',
      pattern: '/mtg/v2/deploymentjob',
      access: 'tenant',
      handle(ctx, tenant) {
        return { status: 201, json: tenant.createMitigationJob(bodyObject(ctx, true), deps.now()) };
      },
    },
    {
      method: 'PATCH',
      pattern: '/mtg/v2/deploymentjob/:id',
      access: 'tenant',
      handle(ctx, tenant) {
        const id = ctx.params['id'] ?? '';
        const body = bodyObject(ctx, true);
        const job = tenant.updateMitigationJob(id, body, deps.now());
        if (job === undefined) {
          throw notFound(`Mitigation job ${id}`);
        }
        return { json: job };
      },
    },
    {
      method: 'POST',
      pattern: '/pm/v1/deploymentjobs/update/status/:action',
      access: 'tenant',
      handle(ctx, tenant) {
        const action = statusAction(ctx);
        return { json: tenant.setPatchJobStatus(bulkIds(ctx), action) };
      },
    },
    {
      method: 'POST',
      pattern: '/mtg/v1/deploymentjobs/update/status/:action',
      access: 'tenant',
      handle(ctx, tenant) {
        const action = statusAction(ctx);
        return { json: tenant.setMitigationJobStatus(bulkIds(ctx), action) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/pm/v1/deploymentjobs',
      access: 'tenant',
      handle(ctx, tenant) {
        return { json: tenant.deletePatchJobs(bulkIds(ctx)) };
      },
    },
    retired('POST', '/pm/v1/deploymentjob', '/pm/v2/deploymentjob', 'EOL August 2026'),
    retired(
      'PATCH',
      '/pm/v1/deploymentjob/update/:id',
      '/pm/v2/deploymentjob/update/{deploymentJobId}',
      'EOL August 2026',
    ),
    retired('POST', '/mtg/v1/deploymentjob', '/mtg/v2/deploymentjob', 'EOL July 2026'),
    retired('PATCH', '/mtg/v1/deploymentjob/:id', '/mtg/v2/deploymentjob/{deploymentJobId}', 'EOL July 2026'),
  ];
}
