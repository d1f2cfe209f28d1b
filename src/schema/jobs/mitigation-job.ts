/**
 * `MitigationJob` (a TruRisk Mitigate job) and the root field `mitigationJob`.
 */
import { builder } from '../../builder.js';
import type { QualysDeploymentJob } from '../../qualys/schemas/index.js';
import { qualysPlatform } from '../../qualys/vocabulary.js';
import { loadVulnerabilities } from '../catalog/vulnerability.js';
import { entityNotFound, requireKey, uuidKeyField } from '../support/federation.js';
import { loadFullJob, nullIfNotFound } from '../support/load.js';
import { Job, type JobParent, MitigationAction, MitigationJob, Vulnerability } from '../support/refs.js';
import { cost, lookupCost, oneCall, refList } from '../support/upstream-cost.js';
import { qualysIdSchema } from '../support/validation.js';
import { deployActions, isMitigationAction } from './deploy-action.js';

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
  ...lookupCost((n) => n),
  description:
    'A mitigation job (Qualys TruRisk Mitigate, `/mtg/v1/deploymentjob`): applies mitigations for QIDs ' +
    'instead of patches. On-demand or run-once only. As on `Job`, every field but `id` is nullable: a field that ' +
    'needs a call (the full job, the QIDs) is null with an error in `errors` when that call fails.',
  interfaces: [Job],
  fields: (t) => ({
    qids: t.intList({
      nullable: true,
      description:
        'The QIDs the job mitigates (Qualys `qids`; taken from the actions when the job payload omits ' +
        'them); empty when none.',
      resolve: async (job, _args, ctx) => qidsOf(await loadFullJob(job, ctx)),
    }),
    vulnerabilities: t.field({
      ...cost({ rule: refList('ref') }),
      type: [Vulnerability],
      nullable: true,
      description:
        'The QIDs of `qids` as vulnerabilities (batched `POST /pm/v1/vulnerabilities` with every other ' +
        'QID of the request); QIDs Qualys does not know are left out.',
      resolve: async (job, _args, ctx) => loadVulnerabilities(qidsOf(await loadFullJob(job, ctx)), ctx),
    }),
    actions: t.field({
      type: [MitigationAction],
      nullable: true,
      description:
        'One mitigation action per QID (the "Apply Mitigation" items of Qualys `preDeployActions`); ' +
        'empty when none.',
      resolve: async (job, _args, ctx) => {
        const full = await loadFullJob(job, ctx);
        return deployActions(full.preDeployActions.filter(isMitigationAction), qualysPlatform(full.platform));
      },
    }),
  }),
});

builder.queryFields((t) => ({
  mitigationJob: t.field({
    ...cost({ rule: oneCall }),
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

/**
 * Federation: a `MitigationJob` by UUID, like the root `mitigationJob` field: one
 * `GET /mtg/v1/deploymentjob/{id}` per distinct job of the request, all concurrently. A job
 * Qualys does not know is `NOT_FOUND`.
 */
builder.asEntity(MitigationJob, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (representation, ctx): Promise<JobParent> => {
    const id = requireKey(uuidKeyField(representation, 'MitigationJob', 'id'), 'MitigationJob', ['id']);
    const full = await nullIfNotFound(ctx.loaders.mitigationJobsById.load(id));
    if (!full) throw entityNotFound('MitigationJob', `id ${id}`);
    return { kind: 'MITIGATION', id: full.id, platform: qualysPlatform(full.platform), full };
  },
});
