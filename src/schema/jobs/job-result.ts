/**
 * `JobResult` (the result summary of one job run) and the root field `jobResult`.
 */
import type { GatewayContext } from '../../builder.js';
import { builder } from '../../builder.js';
import type { QualysPlatform } from '../../qualys/api.js';
import { nullIfNotFound } from '../support/load.js';
import { AssetJobResult, JobResult, type JobResultParent, PatchJob } from '../support/refs.js';
import { cost, oneCall, refOne } from '../support/upstream-cost.js';
import { jobInstanceIdSchema, qualysIdSchema } from '../support/validation.js';

/**
 * The result of one run (`jobInstanceId`) or of the latest run (`null`) of a job: one cached
 * call per (job, run) per request; `null` when Qualys does not know the job or run.
 */
export async function loadJobResult(
  jobId: string,
  jobInstanceId: number | null,
  platform: QualysPlatform | null,
  ctx: GatewayContext,
): Promise<JobResultParent | null> {
  const summary = await nullIfNotFound(ctx.loaders.jobResultsByRun.load({ jobId, jobInstanceId }));
  return summary ? { jobId, platform, jobInstanceId, summary } : null;
}

JobResult.implement({
  description:
    'The per-asset results of one run of a deployment job (Qualys `GET /pm/v1/deploymentjob/{id}/' +
    'deploymentjobresult/summary`). Every field comes with the summary (no call); the linked job, assets and ' +
    'patches load their other fields on demand.',
  fields: (t) => ({
    job: t.field({
      ...cost({ rule: refOne }),
      type: PatchJob,
      nullable: false,
      description: 'The job that ran. Its `id` and `name` cost no call.',
      resolve: (r) => ({
        kind: 'PATCH' as const,
        id: r.jobId,
        platform: r.platform,
        ...(r.summary.name === null ? {} : { name: r.summary.name }),
      }),
    }),
    jobInstanceId: t.int({
      nullable: true,
      description:
        'The run number (Qualys `jobInstanceId`): the one asked for, or for the latest run the one its asset ' +
        'results name; null when it cannot be told (a latest run without asset results).',
      resolve: (r) =>
        r.jobInstanceId ?? r.summary.assets.find((a) => a.jobInstanceId !== null)?.jobInstanceId ?? null,
    }),
    assetCount: t.int({
      nullable: true,
      description: 'How many assets the run covered (Qualys `assetCount`); null when not reported.',
      resolve: (r) => r.summary.assetCount,
    }),
    patchCount: t.int({
      nullable: true,
      description: 'How many patches the run deployed (Qualys `patchCount`); null when not reported.',
      resolve: (r) => r.summary.patchCount,
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the run was created (Qualys `createdOn`); null when not reported.',
      resolve: (r) => r.summary.createdOn,
    }),
    createdByName: t.string({
      nullable: true,
      description:
        'The name of the user who created the run (Qualys `createdBy`, a bare user name); null when not reported.',
      resolve: (r) => r.summary.createdBy,
    }),
    assetResults: t.field({
      type: [AssetJobResult],
      nullable: false,
      description: 'One result per asset (Qualys `assets`); empty when no asset reported.',
      resolve: (r) => r.summary.assets.map((result) => ({ platform: r.platform, result })),
    }),
  }),
});

builder.queryFields((t) => ({
  jobResult: t.field({
    ...cost({ rule: oneCall }),
    type: JobResult,
    nullable: true,
    description:
      'The per-asset results of one run of a deployment job; the latest run when `jobInstanceId` is omitted. ' +
      'Null when Qualys does not know the job or the run, or (with an error in `errors`) when the summary could ' +
      'not be loaded.',
    args: {
      jobId: t.arg.id({ required: true, description: 'The deployment job UUID.', validate: qualysIdSchema }),
      jobInstanceId: t.arg.int({
        required: false,
        description: 'The run number (`JobRun.jobInstanceId`); omit for the latest run.',
        validate: jobInstanceIdSchema.nullish(),
      }),
    },
    resolve: (_root, args, ctx) => loadJobResult(args.jobId, args.jobInstanceId ?? null, null, ctx),
  }),
}));
