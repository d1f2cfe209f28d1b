/**
 * `Job`: the interface of PM deployment jobs (`PatchJob`) and mitigation jobs (`MitigationJob`).
 */
import type { GatewayContext } from '../../builder.js';
import type { QualysPlatform } from '../../qualys/api.js';
import type { QualysAuditStamp } from '../../qualys/schemas/index.js';
import {
  jobStatusFromWire,
  jobTypeFromWire,
  platformFromWire,
  qualysPlatform,
  tagMatchFromWire,
} from '../../qualys/vocabulary.js';
import { tagsFrom } from '../assets/tag.js';
import { JobStatus, JobType, Platform, TagMatch } from '../support/enums.js';
import { jobField, knownJobPlatform, loadFullJob } from '../support/load.js';
import {
  Asset,
  type AssetParent,
  Job,
  JobNotification,
  type JobParent,
  JobSchedule,
  Tag,
  User,
  type UserParent,
} from '../support/refs.js';
import { carriedBy, carriedByAll, cost, refList } from '../support/upstream-cost.js';
import { scheduleFromJob, scheduleFromListItem } from './job-schedule.js';

/** The user of an audit stamp, or `null` when nobody is recorded. */
export function userFromStamp(stamp: QualysAuditStamp | null | undefined): UserParent | null {
  const user = stamp?.user;
  if (!user || (user.id === null && user.name === null && user.fullName === null)) return null;
  return { id: user.id, name: user.name, fullName: user.fullName };
}

/** Users known only by UUID (co-authors). */
function usersFromIds(ids: readonly string[]): UserParent[] {
  return ids.map((id) => ({ id, name: null, fullName: null }));
}

/**
 * The job's platform: known from the parent (no call), else from the full job (loaded once).
 * Used to scope linked assets and patches.
 */
export async function resolveJobPlatform(
  job: JobParent,
  ctx: GatewayContext,
): Promise<QualysPlatform | null> {
  return knownJobPlatform(job) ?? qualysPlatform((await loadFullJob(job, ctx)).platform);
}

/** Asset parents for asset UUIDs of a job, scoped to the job's platform. */
async function assetRefs(
  job: JobParent,
  ctx: GatewayContext,
  ids: readonly string[],
): Promise<AssetParent[]> {
  if (ids.length === 0) return [];
  const platform = await resolveJobPlatform(job, ctx);
  return ids.map((id) => ({ id, platform }));
}

Job.implement({
  description:
    'A Qualys job that deploys something to assets: a patch deployment job (`PatchJob`) or a mitigation job ' +
    '(`MitigationJob`). Fields answered by the payload the job came from (a job list, a result) cost no call; ' +
    'the others load the job by id once per request. Only `id` is non-null: any other field may need that ' +
    'load, and is null with an error in `errors` when it fails, so one job that cannot be loaded never takes ' +
    'its list or parent down with it.',
  resolveType: (job) => (job.kind === 'MITIGATION' ? 'MitigationJob' : 'PatchJob'),
  fields: (t) => ({
    id: t.exposeID('id', {
      ...carriedByAll,
      nullable: false,
      description: 'The job UUID.',
    }),
    name: t.string({
      ...carriedBy('list', 'linkable'),
      nullable: true,
      description:
        'The job name (no call from job lists, linkable lists and results); null when Qualys sends none.',
      resolve: (job, _args, ctx) =>
        !job.full && !job.listItem && !job.linkable && job.name !== undefined
          ? job.name
          : jobField(job, ctx, { full: (j) => j.name, list: (i) => i.name, linkable: (l) => l.name }),
    }),
    description: t.string({
      nullable: true,
      description: 'The job description (only the full job has it); null when empty.',
      resolve: (job, _args, ctx) => jobField(job, ctx, { full: (j) => j.description || null }),
    }),
    platform: t.field({
      ...carriedBy('list'),
      type: Platform,
      nullable: true,
      description: 'The platform of the job, and so of its patches and assets; null when Qualys sends none.',
      resolve: async (job, _args, ctx) => {
        const platform = await resolveJobPlatform(job, ctx);
        return platform ? platformFromWire(platform) : null;
      },
    }),
    type: t.field({
      ...carriedBy('list', 'linkable'),
      type: JobType,
      nullable: true,
      description: 'Install or rollback (Qualys `type`); null when Qualys sends an unknown value.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, {
          full: (j) => jobTypeFromWire(j.type),
          list: (i) => jobTypeFromWire(i.type),
          linkable: (l) => jobTypeFromWire(l.type),
        }),
    }),
    status: t.field({
      ...carriedBy('list', 'linkable'),
      type: JobStatus,
      nullable: true,
      description:
        'The job status (Qualys `status`); `OTHER` for values not known here (see `statusLabel`); null ' +
        'when absent.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, {
          full: (j) => jobStatusFromWire(j.status),
          list: (i) => jobStatusFromWire(i.status),
          linkable: (l) => jobStatusFromWire(l.status),
        }),
    }),
    statusLabel: t.string({
      ...carriedBy('list', 'linkable'),
      nullable: true,
      description: 'The job status exactly as Qualys sent it (e.g. "Assets Responded"); null when absent.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, { full: (j) => j.status, list: (i) => i.status, linkable: (l) => l.status }),
    }),
    schedule: t.field({
      ...carriedBy('list'),
      type: JobSchedule,
      nullable: true,
      description: 'When the job runs (no call from job lists).',
      resolve: (job, _args, ctx) => jobField(job, ctx, { full: scheduleFromJob, list: scheduleFromListItem }),
    }),
    assets: t.field({
      ...cost({ rule: refList('list'), carriedBy: ['list'] }),
      type: [Asset],
      nullable: true,
      description:
        'The assets the job targets by UUID (Qualys `assetIds`; `assets` in job lists, whose names cost ' +
        'no call). Assets selected by tag are not listed; see `assetTags`. Empty when none.',
      resolve: async (job, _args, ctx) => {
        if (!job.full && job.listItem) {
          const platform = knownJobPlatform(job);
          return job.listItem.assets.map(
            (a): AssetParent =>
              a.name ? { id: a.id, platform, partial: { name: a.name } } : { id: a.id, platform },
          );
        }
        return assetRefs(job, ctx, (await loadFullJob(job, ctx)).assetIds);
      },
    }),
    exclusionAssets: t.field({
      ...cost({ rule: refList('ref'), carriedBy: ['list'] }),
      type: [Asset],
      nullable: true,
      description: 'Assets excluded from the job (Qualys `exclusionAssetIds`); empty when none.',
      resolve: async (job, _args, ctx) =>
        assetRefs(
          job,
          ctx,
          await jobField(job, ctx, { full: (j) => j.exclusionAssetIds, list: (i) => i.exclusionAssetIds }),
        ),
    }),
    assetTags: t.field({
      ...carriedBy('list'),
      type: [Tag],
      nullable: true,
      description:
        'Tags whose assets the job targets (Qualys `assetTagIds`; `tags` in job lists); empty when none.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, { full: (j) => tagsFrom(j.assetTagIds), list: (i) => tagsFrom(i.tags) }),
    }),
    assetTagMatch: t.field({
      ...carriedBy('list'),
      type: TagMatch,
      nullable: true,
      description: 'Whether an asset needs any or all of `assetTags` (Qualys `filterType`); null when unset.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, {
          full: (j) => tagMatchFromWire(j.filterType),
          list: (i) => tagMatchFromWire(i.filterType),
        }),
    }),
    matchAllTags: t.field({
      ...carriedBy('list'),
      type: [Tag],
      nullable: true,
      description:
        'Tags an asset must all have to be targeted (Qualys `matchAllTagIds`, `matchAllTags` in lists); ' +
        'empty when none.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, {
          full: (j) => tagsFrom(j.matchAllTagIds),
          list: (i) => tagsFrom(i.matchAllTags),
        }),
    }),
    exclusionTags: t.field({
      ...carriedBy('list'),
      type: [Tag],
      nullable: true,
      description:
        'Tags whose assets are excluded (Qualys `exclusionTagIds`, `exclusionTags` in lists); empty when ' +
        'none.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, {
          full: (j) => tagsFrom(j.exclusionTagIds),
          list: (i) => tagsFrom(i.exclusionTags),
        }),
    }),
    exclusionTagMatch: t.field({
      ...carriedBy('list'),
      type: TagMatch,
      nullable: true,
      description:
        'Whether an asset is excluded by any or all of `exclusionTags` (Qualys `exclusionFilterType`); ' +
        'null when unset.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, {
          full: (j) => tagMatchFromWire(j.exclusionFilterType),
          list: (i) => tagMatchFromWire(i.exclusionFilterType),
        }),
    }),
    createdBy: t.field({
      ...carriedBy('list', 'linkable'),
      type: User,
      nullable: true,
      description:
        'Who created the job (Qualys `createdBy`, `created` in lists); null when Qualys records nobody.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, {
          full: (j) => userFromStamp(j.createdBy),
          list: (i) => userFromStamp(i.created),
          linkable: (l) => userFromStamp(l.createdBy),
        }),
    }),
    createdAt: t.field({
      ...carriedBy('list', 'linkable'),
      type: 'DateTime',
      nullable: true,
      description:
        'When the job was created (Qualys `createdBy.date`, `created.date` in lists); null when not ' +
        'recorded.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, {
          full: (j) => j.createdBy?.date ?? null,
          list: (i) => i.created?.date ?? null,
          linkable: (l) => l.createdBy?.date ?? l.date,
        }),
    }),
    updatedBy: t.field({
      ...carriedBy('list'),
      type: User,
      nullable: true,
      description:
        'Who last changed the job (Qualys `updatedBy`, `updated` in lists); null when never updated.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, {
          full: (j) => userFromStamp(j.updatedBy),
          list: (i) => userFromStamp(i.updated),
        }),
    }),
    updatedAt: t.field({
      ...carriedBy('list'),
      type: 'DateTime',
      nullable: true,
      description: 'When the job was last changed (Qualys `updatedBy.date`); null when never updated.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, { full: (j) => j.updatedBy?.date ?? null, list: (i) => i.updated?.date ?? null }),
    }),
    coAuthors: t.field({
      ...carriedBy('list'),
      type: [User],
      nullable: true,
      description:
        'Users who may edit the job besides its creator (Qualys `coAuthorUserIds`; only ids are known); ' +
        'empty when none.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, {
          full: (j) => usersFromIds(j.coAuthorUserIds),
          list: (i) => usersFromIds(i.coAuthorUserIds),
        }),
    }),
    completionPercent: t.float({
      ...carriedBy('list'),
      nullable: true,
      description:
        'How far the current run is, 0-100 (Qualys `completionPercent`, sometimes a string upstream); ' +
        'null before a run.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, { full: (j) => j.completionPercent, list: (i) => i.completionPercent }),
    }),
    assetCount: t.int({
      ...carriedBy('list'),
      nullable: true,
      description: 'Qualys `assetCount`; null when Qualys does not report it (often).',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, { full: (j) => j.assetCount, list: (i) => i.assetCount }),
    }),
    totalAssetCount: t.int({
      ...carriedBy('list'),
      nullable: true,
      description:
        'How many assets the job covers (Qualys `totalAssetCount`); null until Qualys computes it.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, { full: (j) => j.totalAssetCount, list: (i) => i.totalAssetCount }),
    }),
    taggedAssetCount: t.int({
      ...carriedBy('list'),
      nullable: true,
      description:
        'How many assets the job reaches through tags (Qualys `taggedAssetCount`); null when not ' +
        'reported.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, { full: (j) => j.taggedAssetCount, list: (i) => i.taggedAssetCount }),
    }),
    applicableAssetCount: t.int({
      ...carriedBy('list'),
      nullable: true,
      description:
        'How many targeted assets the job applies to (Qualys `applicableAssetCount`); null when not ' +
        'reported.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, { full: (j) => j.applicableAssetCount, list: (i) => i.applicableAssetCount }),
    }),
    assetResultReceivedCount: t.int({
      ...carriedBy('list'),
      nullable: true,
      description:
        'How many assets reported a result for the current run (Qualys `assetResultReceivedCount`); null ' +
        'before a run.',
      resolve: (job, _args, ctx) =>
        jobField(job, ctx, {
          full: (j) => j.assetResultReceivedCount,
          list: (i) => i.assetResultReceivedCount,
        }),
    }),
    readOnly: t.boolean({
      ...carriedBy('list'),
      nullable: true,
      description: 'True when the caller may not change the job (Qualys `readOnly`); null when not reported.',
      resolve: (job, _args, ctx) => jobField(job, ctx, { full: (j) => j.readOnly, list: (i) => i.readOnly }),
    }),
    notification: t.field({
      type: JobNotification,
      nullable: true,
      description:
        'E-mail notification settings (Qualys `notification`, only the full job has them); null when ' +
        'notifications are not configured.',
      resolve: (job, _args, ctx) => jobField(job, ctx, { full: (j) => j.notification }),
    }),
  }),
});
