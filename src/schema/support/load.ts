/**
 * Loading helpers for the resolvers: answer from the parent's data when it holds the value,
 * else load the full record through the per-request loaders (batched, cached for the request).
 */
import type { GatewayContext } from '../../builder.js';
import type { QualysPlatform } from '../../qualys/api.js';
import { isQualysError } from '../../qualys/errors.js';
import type {
  QualysAsset,
  QualysDeploymentJob,
  QualysDeploymentJobListItem,
  QualysLinkableJob,
  QualysPatch,
} from '../../qualys/schemas/index.js';
import { qualysPlatform, UNKNOWN_PLATFORM_ORDER } from '../../qualys/vocabulary.js';
import type { AssetParent, JobParent, PatchParent } from './refs.js';

/** Returns `null` for a `QUALYS_NOT_FOUND` failure and rethrows anything else. */
export async function nullIfNotFound<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (isQualysError(error) && error.code === 'QUALYS_NOT_FOUND') return null;
    throw error;
  }
}

/** The full job behind a job parent: its `full` payload, or one (cached) load by id. */
export function loadFullJob(job: JobParent, ctx: GatewayContext): Promise<QualysDeploymentJob> {
  if (job.full) return Promise.resolve(job.full);
  return job.kind === 'MITIGATION'
    ? ctx.loaders.mitigationJobsById.load(job.id)
    : ctx.loaders.patchJobsById.load(job.id);
}

/** Where each payload a job parent may hold keeps one field. */
export interface JobFieldSource<T> {
  /** From the full job (always required: it is the fallback). */
  full: (job: QualysDeploymentJob) => T;
  /** From a job-list entry, when the list carries the field. */
  list?: (item: QualysDeploymentJobListItem) => T;
  /** From an "available to link" entry, when it carries the field. */
  linkable?: (item: QualysLinkableJob) => T;
}

/**
 * Reads one job field from the first payload the parent holds that carries it (full job, job
 * list entry, linkable entry), and loads the full job only when none does.
 */
export function jobField<T>(job: JobParent, ctx: GatewayContext, source: JobFieldSource<T>): T | Promise<T> {
  if (job.full) return source.full(job.full);
  if (job.listItem && source.list) return source.list(job.listItem);
  if (job.linkable && source.linkable) return source.linkable(job.linkable);
  return loadFullJob(job, ctx).then(source.full);
}

/**
 * The job's platform from what the parent already holds (context, full job, list entry), without
 * loading anything; `null` when none says it.
 */
export function knownJobPlatform(job: JobParent): QualysPlatform | null {
  return job.platform ?? qualysPlatform(job.full?.platform ?? job.listItem?.platform ?? null);
}

/** A value found on some platform, and that platform. */
export interface PlatformLookup<T> {
  readonly value: T | null;
  readonly platform: QualysPlatform | null;
}

/**
 * Looks an id up on its platform or, when the platform is unknown, on Windows and Linux in the
 * same batch tick (one call per platform), answering the first platform that has it.
 * A failure is rethrown only when no platform answered the id.
 */
async function loadOnPlatforms<T>(
  load: (key: { platform: QualysPlatform; id: string }) => Promise<T | null>,
  id: string,
  platform: QualysPlatform | null,
): Promise<PlatformLookup<T>> {
  if (platform) return { value: await load({ platform, id }), platform };
  const settled = await Promise.allSettled(UNKNOWN_PLATFORM_ORDER.map((p) => load({ platform: p, id })));
  let failure: unknown = null;
  for (const [i, s] of settled.entries()) {
    if (s.status === 'fulfilled' && s.value !== null)
      return { value: s.value, platform: UNKNOWN_PLATFORM_ORDER[i] ?? null };
    if (s.status === 'rejected' && failure === null) failure = s.reason;
  }
  if (failure !== null) throw failure;
  return { value: null, platform: null };
}

/** The patch record behind a patch parent (catalog or primed list record); `null` when unknown. */
export async function loadPatchRecord(
  patch: PatchParent,
  ctx: GatewayContext,
): Promise<PlatformLookup<QualysPatch>> {
  if (patch.full) return { value: patch.full, platform: patch.platform };
  return loadOnPlatforms((key) => ctx.loaders.patchesById.load(key), patch.id, patch.platform);
}

/**
 * Reads one patch field from the held record or, failing that, the loaded one; `ifUnknown`
 * when the catalog does not know the patch.
 */
export function patchField<T>(
  patch: PatchParent,
  ctx: GatewayContext,
  read: (record: QualysPatch) => T,
  ifUnknown: T,
): T | Promise<T> {
  if (patch.full) return read(patch.full);
  return loadPatchRecord(patch, ctx).then(({ value }) => (value ? read(value) : ifUnknown));
}

/** The asset record behind an asset parent; `null` when no platform has it. */
export async function loadAssetRecord(
  asset: AssetParent,
  ctx: GatewayContext,
): Promise<PlatformLookup<QualysAsset>> {
  if (asset.full) return { value: asset.full, platform: asset.platform };
  return loadOnPlatforms((key) => ctx.loaders.assetsById.load(key), asset.id, asset.platform);
}

/**
 * Reads one asset field from the held record, else from partial data when `partial` gives a
 * value, else from the loaded record (`ifUnknown` when the asset is not found).
 */
export function assetField<T>(
  asset: AssetParent,
  ctx: GatewayContext,
  read: (record: QualysAsset) => T,
  partial: T | undefined,
  ifUnknown: T,
): T | Promise<T> {
  if (asset.full) return read(asset.full);
  if (partial !== undefined) return partial;
  return loadAssetRecord(asset, ctx).then(({ value }) => (value ? read(value) : ifUnknown));
}
