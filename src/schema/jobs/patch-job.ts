/**
 * `PatchJob` (a PM deployment job) and its federation key. Its connection and root fields are in
 * `patch-job-queries.ts`.
 */
import { builder, type GatewayContext } from '../../builder.js';
import type { QualysDeploymentJob } from '../../qualys/schemas/index.js';
import { qualysPlatform } from '../../qualys/vocabulary.js';
import { patchRefs } from '../catalog/patch.js';
import { entityNotFound, requireKey, uuidKeyField } from '../support/federation.js';
import { jobField, knownJobPlatform, loadFullJob, nullIfNotFound } from '../support/load.js';
import {
  Deferment,
  DeployAction,
  Duration,
  Job,
  type JobParent,
  JobResult,
  JobRun,
  Patch,
  PatchJob,
  type PatchParent,
  ReattemptSettings,
  RebootSettings,
  UserMessage,
} from '../support/refs.js';
import {
  carriedBy,
  cost,
  listPerParent,
  lookupCost,
  perParent,
  refList,
  refOne,
} from '../support/upstream-cost.js';
import { jobInstanceIdSchema } from '../support/validation.js';
import { deployActions } from './deploy-action.js';
import { resolveJobPlatform } from './job.js';
import { loadJobResult } from './job-result.js';
import { defermentFrom, durationFrom, userMessageFrom } from './job-settings.js';

/** Reads a setting only the full job has (loads it once when the parent holds a list entry). */
function fullJobField<T>(
  job: JobParent,
  ctx: GatewayContext,
  read: (j: QualysDeploymentJob) => T,
): T | Promise<T> {
  return jobField(job, ctx, { full: read });
}

PatchJob.implement({
  ...lookupCost((n) => n),
  description:
    'A Patch Management deployment job: installs (or rolls back) patches on assets on a schedule (Qualys ' +
    '`/pm/v1/deploymentjob`). As on `Job`, every field but `id` is nullable: a field that needs a call (the ' +
    'full job, its runs, a run result) is null with an error in `errors` when that call fails, and the job ' +
    'stays in its list.',
  interfaces: [Job],
  fields: (t) => ({
    approvedPatches: t.field({
      ...cost({ rule: refList('list'), carriedBy: ['list'] }),
      type: [Patch],
      nullable: true,
      description:
        'The patches the job deploys (Qualys `approvedPatches`; `patches` in job lists, whose titles ' +
        'cost no call). Empty for jobs that select patches by QQL (`patchQql`) or from a linked job.',
      resolve: async (job, _args, ctx) => {
        const item = job.listItem;
        if (!job.full && item) {
          const platform = knownJobPlatform(job);
          const listIsComplete =
            item.patches.length > 0 || item.isDynamicPatchesQQL === true || !item.patchCount;
          if (listIsComplete) {
            return item.patches.map((p): PatchParent => {
              const title = p.title ?? p.name;
              return title ? { id: p.id, platform, title } : { id: p.id, platform };
            });
          }
        }
        const full = await loadFullJob(job, ctx);
        return patchRefs(full.approvedPatches, knownJobPlatform(job) ?? qualysPlatform(full.platform));
      },
    }),
    disabledPatches: t.field({
      ...cost({ rule: refList('ref'), carriedBy: ['list'] }),
      type: [Patch],
      nullable: true,
      description: 'Patches of the job that are switched off (Qualys `disabledPatches`); empty when none.',
      resolve: async (job, _args, ctx) => {
        const ids = await jobField(job, ctx, {
          full: (j) => j.disabledPatches,
          list: (i) => i.disabledPatches,
        });
        return patchRefs(ids, ids.length > 0 ? await resolveJobPlatform(job, ctx) : null);
      },
    }),
    patchCount: t.int({
      ...carriedBy('list'),
      nullable: true,
      description: 'How many patches the job has (Qualys `patchCount`); null when not reported.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, { full: (j) => j.patchCount, list: (i) => i.patchCount }),
    }),
    usesPatchQql: t.boolean({
      ...carriedBy('list'),
      nullable: true,
      description:
        'True when the job selects patches by QQL at each run (Qualys `isDynamicPatchesQQL`); null when ' +
        'unset.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, { full: (j) => j.isDynamicPatchesQQL, list: (i) => i.isDynamicPatchesQQL }),
    }),
    patchQql: t.string({
      ...carriedBy('list'),
      nullable: true,
      description:
        'The patch QQL the job selects patches with (Qualys `dynamicPatchesQQL`); null when the job ' +
        'lists its patches explicitly.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, {
          full: (j) => j.dynamicPatchesQQL || null,
          list: (i) => i.dynamicPatchesQQL || null,
        }),
    }),
    linkedJob: t.field({
      ...cost({ rule: refOne, carriedBy: ['list'] }),
      type: PatchJob,
      nullable: true,
      description:
        'The job this one takes its patches from (Qualys `linkedJobId`, release 3.3); its `id` costs no ' +
        'call. Null when not linked.',
      resolve: async (job, _args, ctx) => {
        const id = await jobField(job, ctx, { full: (j) => j.linkedJobId, list: (i) => i.linkedJobId });
        return id ? { kind: 'PATCH' as const, id, platform: knownJobPlatform(job) } : null;
      },
    }),
    runs: t.field({
      ...cost({ rule: listPerParent, carriedBy: 'all' }),
      type: [JobRun],
      nullable: true,
      description:
        'The runs of the job (Qualys `GET /pm/v1/deploymentjob/{id}/runs`, one call per job per ' +
        'request); empty when it never ran.',
      resolve: async (job, _args, ctx) => {
        const runs = await ctx.loaders.jobRunsByJobId.load(job.id);
        const platform = knownJobPlatform(job);
        return runs.map((run) => ({ jobId: job.id, platform, run }));
      },
    }),
    latestResult: t.field({
      ...cost({ rule: perParent, carriedBy: 'all' }),
      type: JobResult,
      nullable: true,
      description:
        'The per-asset results of the latest run (one call per job per request); null when the job never ' +
        'ran.',
      resolve: (job, _args, ctx) => loadJobResult(job.id, null, knownJobPlatform(job), ctx),
    }),
    result: t.field({
      ...cost({ rule: perParent, carriedBy: 'all' }),
      type: JobResult,
      nullable: true,
      description:
        'The per-asset results of one run (one call per run per request); null when Qualys does not know ' +
        'the run.',
      args: {
        jobInstanceId: t.arg.int({
          required: true,
          description: 'The run number (`JobRun.jobInstanceId`).',
          validate: jobInstanceIdSchema,
        }),
      },
      resolve: (job, args, ctx) => loadJobResult(job.id, args.jobInstanceId, knownJobPlatform(job), ctx),
    }),
    preDeployActions: t.field({
      type: [DeployAction],
      nullable: true,
      description:
        'Actions run before deploying, e.g. the Linux package-cache update (Qualys `preDeployActions`; ' +
        'only the full job has them); empty when none.',
      resolve: async (job, _args, ctx) =>
        deployActions(await fullJobField(job, ctx, (j) => j.preDeployActions), knownJobPlatform(job)),
    }),
    postDeployActions: t.field({
      type: [DeployAction],
      nullable: true,
      description:
        'Actions run after deploying (Qualys `postDeployActions`; only the full job has them); empty ' +
        'when none.',
      resolve: async (job, _args, ctx) =>
        deployActions(await fullJobField(job, ctx, (j) => j.postDeployActions), knownJobPlatform(job)),
    }),
    preDeploymentMessage: t.field({
      type: UserMessage,
      nullable: true,
      description:
        'The message shown before deployment starts (Qualys `preDeployment`); null when not configured.',
      resolve: (job, _args, ctx) => fullJobField(job, ctx, (j) => userMessageFrom(j.preDeployment)),
    }),
    deferment: t.field({
      type: Deferment,
      nullable: true,
      description:
        'How the user may postpone the deployment (Qualys `preDeployment.deferment`); null when not ' +
        'configured.',
      resolve: (job, _args, ctx) => fullJobField(job, ctx, (j) => defermentFrom(j.preDeployment?.deferment)),
    }),
    duringDeploymentMessage: t.field({
      type: UserMessage,
      nullable: true,
      description: 'The message shown while deploying (Qualys `duringDeployment`); null when not configured.',
      resolve: (job, _args, ctx) => fullJobField(job, ctx, (j) => userMessageFrom(j.duringDeployment)),
    }),
    rebootSettings: t.field({
      type: RebootSettings,
      nullable: true,
      description: 'Reboot behaviour after deployment (Qualys `postDeployment`; only the full job has it).',
      resolve: (job, _args, ctx) => fullJobField(job, ctx, (j) => j),
    }),
    completionMessage: t.field({
      type: UserMessage,
      nullable: true,
      description:
        'The message shown when deployment completes (Qualys `postDeployment.onComplete`); null when not ' +
        'configured.',
      resolve: (job, _args, ctx) =>
        fullJobField(job, ctx, (j) => userMessageFrom(j.postDeployment?.onComplete)),
    }),
    alwaysShowCompletedPrompt: t.boolean({
      nullable: true,
      description:
        'True when Windows always shows the completion prompt (Qualys ' +
        '`onComplete.alwaysShowCompletedPrompt`, release 3.3); null when unset.',
      resolve: (job, _args, ctx) =>
        fullJobField(job, ctx, (j) => j.postDeployment?.onComplete?.alwaysShowCompletedPrompt ?? null),
    }),
    reattemptFailedPatches: t.field({
      type: ReattemptSettings,
      nullable: true,
      description:
        'Reattempts of failed patches (Windows, release 3.5); null when the job has no such settings.',
      resolve: (job, _args, ctx) =>
        fullJobField(job, ctx, (j) =>
          j.enableReattemptFailedPatches === null && j.reattemptFailedPatches === null ? null : j,
        ),
    }),
    downloadRandomization: t.field({
      type: Duration,
      nullable: true,
      description:
        'Agents start downloading at a random time within this window, up to 8 hours (Qualys ' +
        '`downloadRandomizeTime` + `downloadRandomizeTimeUnit`); null when off (0).',
      resolve: (job, _args, ctx) =>
        fullJobField(job, ctx, (j) =>
          durationFrom(j.downloadRandomizeTime, j.downloadRandomizeTimeUnit, [0]),
        ),
    }),
    timeout: t.field({
      type: Duration,
      nullable: true,
      description: 'How long a run may take (Qualys `timeout` + `timeoutUnit`); null when unlimited (-1).',
      resolve: (job, _args, ctx) =>
        fullJobField(job, ctx, (j) => durationFrom(j.timeout, j.timeoutUnit, [-1])),
    }),
    opportunisticDownloads: t.boolean({
      nullable: true,
      description:
        'True when agents may download patches ahead of the run (Qualys `opportunisticDownloads`, ' +
        'Windows); null when unset.',
      resolve: (job, _args, ctx) => fullJobField(job, ctx, (j) => j.opportunisticDownloads),
    }),
    minimizeWindow: t.boolean({
      nullable: true,
      description: 'True when user prompts open minimised (Qualys `minimizeWindow`); null when unset.',
      resolve: (job, _args, ctx) => fullJobField(job, ctx, (j) => j.minimizeWindow),
    }),
    continueOnPatchFailure: t.boolean({
      nullable: true,
      description:
        'True when a failed patch does not stop the others (Qualys `continueOnPatchFailure`, Linux); ' +
        'null when unset.',
      resolve: (job, _args, ctx) => fullJobField(job, ctx, (j) => j.continueOnPatchFailure),
    }),
    allowExecutionWithPendingReboot: t.boolean({
      nullable: true,
      description:
        'True when the job runs although a reboot is pending (Qualys `allowExecutionWithPendingReboot`); ' +
        'null when unset.',
      resolve: (job, _args, ctx) => fullJobField(job, ctx, (j) => j.allowExecutionWithPendingReboot),
    }),
  }),
});

/**
 * Federation: a `PatchJob` by UUID, like the root `patchJob` field: one
 * `GET /pm/v1/deploymentjob/{id}` per distinct job of the request (there is no batch endpoint),
 * all concurrently. A job Qualys does not know is `NOT_FOUND`.
 */
builder.asEntity(PatchJob, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (representation, ctx): Promise<JobParent> => {
    const id = requireKey(uuidKeyField(representation, 'PatchJob', 'id'), 'PatchJob', ['id']);
    const full = await nullIfNotFound(ctx.loaders.patchJobsById.load(id));
    if (!full) throw entityNotFound('PatchJob', `id ${id}`);
    return { kind: 'PATCH', id: full.id, platform: qualysPlatform(full.platform), full };
  },
});
