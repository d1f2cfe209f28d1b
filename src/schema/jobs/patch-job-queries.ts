/**
 * The root fields of patch jobs: `patchJob` by UUID, and the offset-paged lists `patchJobs` and
 * `linkablePatchJobs` with their connection.
 */
import { builder } from '../../builder.js';
import type { ListDeploymentJobsParams, QualysPlatform } from '../../qualys/api.js';
import { platformToWire, qualysPlatform } from '../../qualys/vocabulary.js';
import { Platform, type PlatformValue } from '../support/enums.js';
import { nullIfNotFound } from '../support/load.js';
import {
  type ConnectionValue,
  fetchOffsetWindow,
  offsetAfterSchema,
  offsetConnection,
  offsetFirstSchema,
} from '../support/pagination.js';
import { type JobParent, PatchJob } from '../support/refs.js';
import { cost, offsetPage, oneCall } from '../support/upstream-cost.js';
import { qualysIdSchema } from '../support/validation.js';

/**
 * One page of an offset-paged job list (`list`: a `QualysApi` job-list method) as a connection of
 * job parents built by `toParent` from each entry and the listed platform.
 */
async function jobListConnection<T extends { id: string }>(
  args: {
    platform: PlatformValue;
    filter?: string | null | undefined;
    first?: number | null | undefined;
    after?: string | null | undefined;
  },
  endpoint: string,
  list: (params: ListDeploymentJobsParams) => Promise<T[]>,
  toParent: (item: T, platform: QualysPlatform) => JobParent,
): Promise<ConnectionValue<JobParent>> {
  const platform = platformToWire(args.platform);
  const window = await fetchOffsetWindow(
    { first: args.first ?? 20, after: args.after },
    endpoint,
    (pageNumber, pageSize) => list({ platform, filter: args.filter ?? undefined, pageNumber, pageSize }),
  );
  return offsetConnection(window, (item) => toParent(item, platform));
}

const PatchJobConnection = builder.connectionObject(
  {
    type: PatchJob,
    name: 'PatchJobConnection',
    description:
      'A page of deployment jobs. Qualys returns no totals; `pageInfo.hasNextPage` says the page came back full.',
  },
  { description: 'A deployment job in a page of jobs, with its cursor.' },
);

builder.queryFields((t) => {
  const listArgs = () => ({
    platform: t.arg({ type: Platform, required: true, description: 'The platform to list jobs of.' }),
    filter: t.arg.string({
      required: false,
      description: "Job QQL (Qualys `filter`), e.g. `status:'Assets Responded'`.",
    }),
    first: t.arg.int({
      required: false,
      defaultValue: 20,
      description: 'How many jobs to return, 1-1000.',
      validate: offsetFirstSchema,
    }),
    after: t.arg.string({
      required: false,
      description: 'Return the jobs after this cursor (an `endCursor` or edge `cursor` of this list).',
      validate: offsetAfterSchema,
    }),
  });
  return {
    patchJob: t.field({
      ...cost({ rule: oneCall }),
      type: PatchJob,
      nullable: true,
      description:
        'A deployment job by UUID (`GET /pm/v1/deploymentjob/{id}`); null when Qualys does not know it.',
      args: {
        id: t.arg.id({ required: true, description: 'The deployment job UUID.', validate: qualysIdSchema }),
      },
      resolve: async (_root, args, ctx) => {
        const full = await nullIfNotFound(ctx.loaders.patchJobsById.load(args.id));
        return full
          ? { kind: 'PATCH' as const, id: full.id, platform: qualysPlatform(full.platform), full }
          : null;
      },
    }),
    patchJobs: t.field({
      ...cost({ rule: offsetPage('list') }),
      type: PatchJobConnection,
      nullable: false,
      description:
        'Deployment jobs of one platform (`GET /pm/v1/deploymentjobs`). Offset paging: at most the first 10,000 ' +
        'jobs of a filter can be reached (`QUALYS_RECORD_CAP` beyond).',
      args: listArgs(),
      resolve: (_root, args, ctx) =>
        jobListConnection(
          args,
          'GET /pm/v1/deploymentjobs',
          ctx.qualys.listDeploymentJobs,
          (listItem, platform) => ({
            kind: 'PATCH',
            id: listItem.id,
            platform,
            listItem,
          }),
        ),
    }),
    linkablePatchJobs: t.field({
      ...cost({ rule: offsetPage('linkable') }),
      type: PatchJobConnection,
      nullable: false,
      description:
        'Deployment jobs that can be the patch source of a linked job (`GET /pm/v1/deploymentjobs/availableToLink`). ' +
        'Offset paging, 10,000-record cap.',
      args: listArgs(),
      resolve: (_root, args, ctx) =>
        jobListConnection(
          args,
          'GET /pm/v1/deploymentjobs/availableToLink',
          ctx.qualys.listLinkableDeploymentJobs,
          (linkable, platform) => ({ kind: 'PATCH', id: linkable.id, platform, linkable }),
        ),
    }),
  };
});
