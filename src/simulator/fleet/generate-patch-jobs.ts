/**
 * Generates a tenant's patch deployment jobs: a mix of schedules (On-demand, Once, Daily, Weekly,
 * Monthly), statuses (Enabled, Disabled, Prepared, Assets Responded), Install and Rollback, patches
 * from an explicit list, a dynamic QQL or a linked job (UI guide: exactly one of those), assets by id
 * and by tag, co-authors, 0–5 runs (how many assets responded in each), about 40 % of the jobs with
 * summary counts as digit strings. `patch-job-wire.ts` builds the wire objects from these plans.
 *
 * @module
 */
import type { Prng } from '../prng.js';
import {
  buildPatchJob,
  type JobPlan,
  type JobStatus,
  RUN_INTERVAL_DAYS,
  type ScheduleType,
} from './patch-job-wire.js';
import type { PatchSource, Platform, SimAsset, SimPatch, SimPatchJob, SimTag, SimUser } from './types.js';
import { DAY_MS, TIME_ZONES, TIMELINE_END_MS, TIMELINE_START_MS } from './vocabulary.js';

/** What the job generator draws from. */
export interface PatchJobInputs {
  readonly customerId: string;
  readonly assets: readonly SimAsset[];
  readonly patches: readonly SimPatch[];
  readonly tags: readonly SimTag[];
  readonly users: readonly SimUser[];
}

/** Dynamic patch QQLs of generated QQL jobs, per platform (tokens of the patch QQL map). */
export const JOB_PATCH_QQLS: Readonly<Record<Platform, readonly string[]>> = {
  Windows: [
    'vendorSeverity:Critical and isSecurity:true',
    'vendorSeverity:[Critical,Important] and isSuperseded:false',
    'appFamily:Chrome or appFamily:Firefox',
    'appFamily:`Windows` and category:"Security Patches"',
    'isSecurity:true and rebootRequired:false',
  ],
  Linux: [
    'appFamily:Kernel',
    'appFamily:[OpenSSL,OpenSSH] and isSecurity:true',
    'vendorSeverity:Critical',
    "category:'Security Patches'",
  ],
};

const SCHEDULES: readonly (readonly [ScheduleType, number])[] = [
  ['On-demand', 30],
  ['Once', 20],
  ['Daily', 15],
  ['Weekly', 20],
  ['Monthly', 15],
];

const STATUSES: readonly (readonly [JobStatus, number])[] = [
  ['Enabled', 35],
  ['Disabled', 15],
  ['Prepared', 10],
  ['Assets Responded', 40],
];

const PURPOSES = [
  'Critical Security',
  'Monthly Rollup',
  'Browser Updates',
  'Server Baseline',
  'Workstation Ring',
  'Hotfix',
  'Emergency',
];

function runCount(prng: Prng, status: JobStatus, schedule: ScheduleType): number {
  if (status === 'Prepared') {
    return 0;
  }
  const once = schedule === 'Once';
  const recurring = schedule === 'Daily' || schedule === 'Weekly' || schedule === 'Monthly';
  switch (status) {
    case 'Assets Responded':
      return once ? 1 : recurring ? prng.int(1, 5) : prng.int(1, 3);
    case 'Enabled':
      return once ? prng.int(0, 1) : recurring ? prng.int(0, 5) : prng.int(0, 2);
    case 'Disabled':
      return once ? prng.int(0, 1) : prng.int(0, 2);
  }
}

/**
 * The assets a job targets: its explicit assets plus every asset of the platform carrying one of
 * its tags (`filterType: "Any"`), in asset order.
 *
 * @param platformAssets - the assets of the job's platform, ascending asset id.
 * @param assetIds - explicit asset UUIDs.
 * @param tagIds - tag UUIDs.
 */
export function targetAssets(
  platformAssets: readonly SimAsset[],
  assetIds: readonly string[],
  tagIds: readonly string[],
): SimAsset[] {
  const explicit = new Set(assetIds);
  const tags = new Set(tagIds);
  return platformAssets.filter(
    (asset) => explicit.has(asset.id) || (tags.size > 0 && asset.tags.some((tag) => tags.has(tag.id))),
  );
}

/**
 * Generates `count` jobs.
 *
 * @param prng - the tenant's `patchJobs` stream.
 * @param count - number of jobs.
 * @param inputs - the tenant's assets, patches, tags and users.
 * @returns the jobs in generation order.
 */
export function generatePatchJobs(prng: Prng, count: number, inputs: PatchJobInputs): SimPatchJob[] {
  const assetsByPlatform: Record<Platform, SimAsset[]> = { Windows: [], Linux: [] };
  for (const asset of inputs.assets) {
    assetsByPlatform[asset.platform].push(asset);
  }
  const patchesByPlatform: Record<Platform, SimPatch[]> = { Windows: [], Linux: [] };
  for (const patch of inputs.patches) {
    patchesByPlatform[patch.platform].push(patch);
  }

  const deployable: Record<Platform, SimPatch[]> = {
    Windows: patchesByPlatform.Windows.filter((patch) => patch.isSuperseded !== true),
    Linux: patchesByPlatform.Linux,
  };
  const plans: JobPlan[] = [];
  for (let index = 0; index < count; index += 1) {
    const platform: Platform = prng.chance(0.6) ? 'Windows' : 'Linux';
    const platformAssets = assetsByPlatform[platform];
    const platformPatches = patchesByPlatform[platform];
    const scheduleType = prng.weighted(SCHEDULES);
    const status = prng.weighted(STATUSES);
    const type = prng.chance(platform === 'Windows' ? 0.1 : 0.04) ? 'Rollback' : 'Install';
    let source: PatchSource;
    const linkable = plans.filter(
      (p) => p.platform === platform && p.type === 'Install' && p.source.kind !== 'linked',
    );
    const roll = prng.next();
    if (type === 'Install' && roll < 0.3) {
      source = { kind: 'qql', qql: prng.pick(JOB_PATCH_QQLS[platform]) };
    } else if (type === 'Install' && roll < 0.45 && linkable.length > 0) {
      source = { kind: 'linked', jobId: prng.pick(linkable).id };
    } else {
      const candidates = deployable[platform].length > 0 ? deployable[platform] : platformPatches;
      source = { kind: 'explicit', patchIds: prng.sample(candidates, prng.int(1, 8)).map((p) => p.id) };
    }
    const assetIds = prng.sample(platformAssets, prng.int(1, 10)).map((asset) => asset.id);
    const tagIds = prng.chance(0.3) ? [prng.pick(inputs.tags).id] : [];
    const targets = targetAssets(platformAssets, assetIds, tagIds);
    const createdBy = prng.pick(inputs.users);
    const coAuthors = prng.chance(0.4) ? prng.sample(inputs.users, prng.int(1, 3)) : [];
    const createdOn = prng.int(TIMELINE_START_MS, TIMELINE_END_MS - 170 * DAY_MS);
    const updatedOn = prng.chance(0.5) ? createdOn + prng.int(1, 20) * DAY_MS : null;
    const startEpoch = Math.floor((createdOn + prng.int(1, 72) * 3_600_000) / 1000) * 1000;
    const specificTz = prng.chance(0.7);
    const runs = runCount(prng, status, scheduleType);
    const runEpochs: number[] = [];
    let at = startEpoch;
    for (let r = 0; r < runs; r += 1) {
      runEpochs.push(at);
      at += (scheduleType === 'On-demand' ? prng.int(2, 20) : RUN_INTERVAL_DAYS[scheduleType]) * DAY_MS;
    }
    const respondedCounts = runEpochs.map((_, r) =>
      r === runs - 1 && status === 'Enabled' ? prng.int(0, targets.length) : targets.length,
    );
    const reattempt =
      platform === 'Windows' && prng.chance(0.3)
        ? { noOfReattempts: prng.int(1, 5), exponentialBackoffInterval: prng.int(1, 15) }
        : null;
    plans.push({
      id: prng.uuid(4),
      index,
      platform,
      name: `${platform === 'Windows' ? 'Win' : 'Lnx'} ${prng.pick(PURPOSES)} ${type === 'Rollback' ? 'Rollback ' : ''}${scheduleType} ${String(index + 1).padStart(3, '0')}`,
      type,
      status,
      scheduleType,
      source,
      assetIds,
      tagIds,
      targetAssetIds: targets.map((asset) => asset.id),
      taggedOnlyCount: targets.length - assetIds.length,
      coAuthors,
      createdBy,
      updatedBy: updatedOn === null ? null : prng.pick(inputs.users),
      createdOn,
      updatedOn,
      startEpoch,
      timezoneType: specificTz ? 'SPECIFIC_TZ' : 'AGENT_TZ',
      timezone: specificTz ? prng.pick(TIME_ZONES) : null,
      runEpochs,
      respondedCounts,
      reattempt,
      makeCacheActionId: platform === 'Linux' && prng.chance(0.3) ? prng.uuid(4) : null,
      downloadRandomizeHours: prng.chance(0.2) ? prng.int(1, 8) : 0,
      weekDays:
        scheduleType === 'Weekly'
          ? Array.from({ length: 7 }, (_, day) =>
              day === new Date(startEpoch).getUTCDay() % 7 ? '1' : '0',
            ).join(',')
          : '',
      monthDay: scheduleType === 'Monthly' ? new Date(startEpoch).getUTCDate() : null,
      countsAsStrings: prng.chance(0.4),
      description: prng.chance(0.5)
        ? ''
        : `Generated ${scheduleType.toLowerCase()} ${type.toLowerCase()} job`,
    });
  }

  const childCount = new Map<string, number>();
  for (const plan of plans) {
    if (plan.source.kind === 'linked') {
      childCount.set(plan.source.jobId, (childCount.get(plan.source.jobId) ?? 0) + 1);
    }
  }
  const ctx = {
    customerId: inputs.customerId,
    assetById: new Map(inputs.assets.map((asset) => [asset.id, asset])),
    patchById: new Map(inputs.patches.map((patch) => [patch.id, patch])),
    tags: inputs.tags,
    childCount,
  };
  return plans.map((plan) => buildPatchJob(plan, ctx));
}
