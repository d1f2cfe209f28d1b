/**
 * Per-run, per-asset results of generated patch jobs, in the shape of the seed 001 result summary
 * (`GET /pm/v1/deploymentjob/{id}/deploymentjobresult/summary`): `{id, name, assetCount,
 * patchCount, createdBy, createdOn, assets:[{asset:{…counts…}, status, statusCode, installed,
 * failed, success, superseded, notApplicable, …}]}`. Built lazily (and memoised by the store) from
 * a stream forked per job, run and asset, so results are deterministic whatever order they are asked in.
 *
 * Which patches an asset gets: the job's explicit list; for a QQL job its missing, non-superseded
 * patches matching the QQL (UI guide: only missing non-superseded patches are added); for a linked
 * job those of the parent job. Outcomes: a patch the asset misses is installed (or fails, ~12 %),
 * a superseded one is reported superseded, one it does not miss is not applicable; a Rollback job
 * removes patches the asset has installed.
 *
 * @module
 */
import type { SimAsset, SimPatch, SimPatchJob } from '../fleet/types.js';
import type { JsonObject } from '../json.js';
import { createPrng, hashString, type Prng } from '../prng.js';
import type { QqlPredicate } from '../qql.js';
import type { PatchQqlContext } from './qql-fields.js';

/**
 * Per-asset job result statuses and their `statusCode` strings. Completed, Job Failed, Job
 * Received, Job Started and No Patch Available come from the Job Result Statuses table
 * (docs/qualys-api.md §9.4); Reattempting (20740) and Not Licensed (20392) from seeds 001 and 000;
 * the code of Pending Reboot is the simulator's own (the table rows were not visible).
 */
export const JOB_RESULT_STATUSES = {
  completed: { status: 'Completed', statusCode: '2036' },
  failed: { status: 'Job Failed', statusCode: '2046' },
  reattempting: { status: 'Reattempting', statusCode: '20740' },
  notLicensed: { status: 'Not Licensed', statusCode: '20392' },
  pendingReboot: { status: 'Pending Reboot', statusCode: '2060' },
  received: { status: 'Job Received', statusCode: '2055' },
  started: { status: 'Job Started', statusCode: '2044' },
  noPatchAvailable: { status: 'No Patch Available', statusCode: '2059' },
} as const;

/** What result building needs from the tenant store. */
export interface ResultContext {
  readonly assetById: ReadonlyMap<string, SimAsset>;
  readonly patchById: ReadonlyMap<string, SimPatch>;
  readonly jobById: ReadonlyMap<string, SimPatchJob>;
  /** Compiles (and caches) a patch QQL. */
  readonly patchPredicate: (qql: string) => QqlPredicate<PatchQqlContext>;
  /** Root seed of the tenant; results fork from it. */
  readonly seed: number;
}

/**
 * The patch UUIDs a job deploys to one asset.
 *
 * @param ctx - the store context.
 * @param job - a generated job.
 * @param asset - one of its target assets.
 * @returns patch UUIDs, in the job's (or the asset's) order.
 */
export function jobPatchIdsForAsset(ctx: ResultContext, job: SimPatchJob, asset: SimAsset): string[] {
  switch (job.source.kind) {
    case 'explicit':
      return job.source.patchIds.slice();
    case 'qql': {
      const matches = ctx.patchPredicate(job.source.qql);
      return asset.missingPatches
        .map((missing) => ctx.patchById.get(missing.id))
        .filter((patch): patch is SimPatch => patch !== undefined && patch.isSuperseded !== true)
        .filter((patch) => matches({ patch, statuses: ['Missing'] }))
        .slice(0, 2000)
        .map((patch) => patch.id);
    }
    case 'linked': {
      const parent = ctx.jobById.get(job.source.jobId);
      return parent === undefined || parent.source.kind === 'linked'
        ? []
        : jobPatchIdsForAsset(ctx, parent, asset);
    }
  }
}

interface Outcome {
  installed: string[];
  failed: string[];
  superseded: string[];
  notApplicable: string[];
}

function outcomes(
  prng: Prng,
  ctx: ResultContext,
  job: SimPatchJob,
  asset: SimAsset,
  patchIds: readonly string[],
): Outcome {
  const missing = new Set(asset.missingPatches.map((patch) => patch.id));
  const installedOnAsset = new Set(asset.installedPatches);
  const out: Outcome = { installed: [], failed: [], superseded: [], notApplicable: [] };
  for (const id of patchIds) {
    if (job.type === 'Rollback') {
      if (installedOnAsset.has(id)) {
        (prng.chance(0.9) ? out.installed : out.failed).push(id);
      } else {
        out.notApplicable.push(id);
      }
    } else if (!missing.has(id)) {
      out.notApplicable.push(id);
    } else if (ctx.patchById.get(id)?.isSuperseded === true) {
      out.superseded.push(id);
    } else {
      (prng.chance(0.88) ? out.installed : out.failed).push(id);
    }
  }
  return out;
}

/**
 * Builds the result summary of one run of a generated job.
 *
 * @param ctx - the store context.
 * @param job - the job.
 * @param runIndex - index into `job.runs` (0-based; `jobInstanceId` is `runIndex + 1`).
 * @returns the result summary object.
 */
export function buildJobResult(ctx: ResultContext, job: SimPatchJob, runIndex: number): JsonObject {
  const jobInstanceId = runIndex + 1;
  const runEpoch = job.runEpochs[runIndex] ?? job.createdOn;
  const responded = job.respondedCounts[runIndex] ?? 0;
  const isLatest = runIndex === job.runs.length - 1;
  const distinctPatches = new Set<string>();
  const entries: JsonObject[] = [];
  job.targetAssetIds.forEach((assetId, position) => {
    const asset = ctx.assetById.get(assetId);
    if (asset === undefined) {
      return;
    }
    const prng = createPrng(hashString(`${job.id}/${jobInstanceId}/${assetId}`, ctx.seed));
    const patchIds = jobPatchIdsForAsset(ctx, job, asset);
    for (const id of patchIds) {
      distinctPatches.add(id);
    }
    const hasResponded = position < responded;
    const licensed = prng.chance(0.97);
    const result = hasResponded && licensed ? outcomes(prng, ctx, job, asset, patchIds) : null;
    let state: { readonly status: string; readonly statusCode: string };
    let pendingReboot = 0;
    let retry: JsonObject | null = null;
    if (!licensed) {
      state = JOB_RESULT_STATUSES.notLicensed;
    } else if (result === null) {
      state = prng.chance(0.5) ? JOB_RESULT_STATUSES.received : JOB_RESULT_STATUSES.started;
    } else if (patchIds.length === 0 && asset.platform === 'Windows') {
      state = JOB_RESULT_STATUSES.noPatchAvailable;
    } else if (result.failed.length > 0) {
      if (job.reattempt && isLatest && prng.chance(0.5)) {
        state = JOB_RESULT_STATUSES.reattempting;
        retry = { failedPatchRetryNumber: 1, totalAvailableFailedPatchRetries: prng.int(1, 5) };
      } else {
        state = JOB_RESULT_STATUSES.failed;
      }
    } else if (
      result.installed.some((id) => ctx.patchById.get(id)?.rebootRequired === true) &&
      prng.chance(0.3)
    ) {
      state = JOB_RESULT_STATUSES.pendingReboot;
      pendingReboot = 1;
    } else {
      state = JOB_RESULT_STATUSES.completed;
    }
    const sentOn = result === null && !licensed ? 0 : runEpoch + prng.int(1, 300) * 1000;
    const started = result === null ? 0 : sentOn + prng.int(60, 1800) * 1000;
    const ended = result === null ? 0 : started + prng.int(300, 7200) * 1000;
    const installed = result?.installed ?? null;
    entries.push({
      asset: {
        id: asset.id,
        name: asset.name,
        operatingSystem: asset.operatingSystem,
        tags: asset.tags.map((tag) => ({ id: tag.id, name: null })),
        lastLoggedOnUser: asset.lastLoggedOnUser ?? '',
        successPatches: installed?.length ?? 0,
        installedPatches: installed?.length ?? 0,
        failedPatches: result?.failed.length ?? 0,
        supersededPatches: result?.superseded.length ?? 0,
        notApplicablePatches: result?.notApplicable.length ?? 0,
        executing: 0,
        pendingExecution: result === null ? 1 : 0,
        pendingReboot,
        pendingVerification: 0,
        jobInstanceId,
        interfaces: asset.interfaces
          .filter((nic) => nic.address !== null)
          .map((nic) => ({
            interfaceName: nic.interfaceName,
            macAddress: nic.macAddress,
            address: nic.address,
            gatewayAddress: nic.gatewayAddress,
          })),
        skipPatchCount: result?.notApplicable.length ?? null,
        additionalFields: retry,
      },
      endDateTime: ended,
      startDateTime: started,
      statusDateTime: ended === 0 ? runEpoch : ended,
      status: state.status,
      statusCode: state.statusCode,
      jobSentOn: sentOn,
      installed,
      failed: result?.failed ?? null,
      success: installed === null ? null : installed.slice(),
      superseded: result?.superseded ?? null,
      notApplicable: result?.notApplicable ?? null,
      failedActionsCount: 0,
      successfulActionsCount: 0,
      skippedActionsCount: 0,
      interimResultStatus: null,
      jobInstanceId,
      totalPatchCount: result === null ? 0 : patchIds.length,
      runId: jobInstanceId,
      scanDateTime: asset.scanDateTime,
      pendingForRebootInAnotherJob: false,
      pendingForRebootInAnotherJobName: null,
      osIdentifier: asset.platform === 'Windows' ? 'WINDOWS' : 'LINUX',
      isolation: null,
    });
  });
  return {
    id: job.id,
    name: job.name,
    assetCount: entries.length,
    patchCount: job.source.kind === 'explicit' ? job.source.patchIds.length : distinctPatches.size,
    createdBy: job.createdBy.name,
    createdOn: job.createdOn,
    assets: entries,
  };
}
