/**
 * `MitigationJob` (a TruRisk Mitigate job) and the root field `mitigationJob`.
 */
import { builder } from '../builder.js';
import type { QualysDeploymentJob } from '../qualys/schemas/index.js';
import { deployActions, isMitigationAction } from './deploy-action.js';
import { qualysPlatform } from './enums.js';
import { loadFullJob, nullIfNotFound } from './load.js';
import { Job, MitigationAction, MitigationJob, Vulnerability } from './refs.js';
import { qualysIdSchema } from './validation.js';
import { loadVulnerabilities } from './vulnerability.js';

/** The QIDs of a mitigation job: its `qids`, or the QIDs of its mitigation actions (GET omits `qids`). */
function qidsOf(job: QualysDeploymentJob): number[] {
  if (job.qids.length > 0) return [...new Set(job.qids)];
  const qids = job.preDeployActions
    .filter(isMitigationAction)
    .map((a) => a.params?.qid ?? null)
    .filter((qid): qid is number => qid !== null);
  return [...new Set(qids)];
}

MitigationJob.implement({
  description:
    'A mitigation job (Qualys TruRisk Mitigate, `/mtg/v1/deploymentjob`): applies mitigations for QIDs ' +
    'instead of patches. On-demand or run-once only.',
  interfaces: [Job],
  fields: (t) => ({
    qids: t.intList({
      nullable: false,
      description:
        'The QIDs the job mitigates (Qualys `qids`; taken from the actions when the job payload omits them); ' +
        'empty when none.',
      resolve: async (job, _args, ctx) => qidsOf(await loadFullJob(job, ctx)),
    }),
    vulnerabilities: t.field({
      type: [Vulnerability],
      nullable: false,
      description:
        'The QIDs of `qids` as vulnerabilities (batched with every other QID of the request); QIDs Qualys does ' +
        'not know are left out.',
      resolve: async (job, _args, ctx) => loadVulnerabilities(qidsOf(await loadFullJob(job, ctx)), ctx),
    }),
    actions: t.field({
      type: [MitigationAction],
      nullable: false,
      description:
        'One mitigation action per QID (the "Apply Mitigation" items of Qualys `preDeployActions`).',
      resolve: async (job, _args, ctx) => {
        const full = await loadFullJob(job, ctx);
        return deployActions(full.preDeployActions.filter(isMitigationAction), qualysPlatform(full.platform));
      },
    }),
  }),
});

builder.queryFields((t) => ({
  mitigationJob: t.field({
    type: MitigationJob,
    nullable: true,
    description:
      'A mitigation job by UUID (`GET /mtg/v1/deploymentjob/{id}`); null when Qualys does not know it.',
    args: {
      id: t.arg.id({ required: true, description: 'The mitigation job UUID.', validate: qualysIdSchema }),
    },
    resolve: async (_root, args, ctx) => {
      const full = await nullIfNotFound(ctx.loaders.mitigationJobsById.load(args.id));
      return full
        ? { kind: 'MITIGATION' as const, id: full.id, platform: qualysPlatform(full.platform), full }
        : null;
    },
  }),
}));
