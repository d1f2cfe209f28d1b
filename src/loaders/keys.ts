/**
 * Key shapes and small helpers shared by the batch functions.
 */
import type { QualysPlatform } from '../qualys/api.js';

/**
 * A key scoped to one Qualys platform: the patch catalog and the asset list answer one
 * platform per call, so the platform is part of the key. Cache key: `Windows:<uuid>`.
 */
export interface PlatformScopedKey {
  /** Platform to look the id up on (wire spelling, e.g. `Windows`). */
  readonly platform: QualysPlatform;
  /** The Qualys UUID. */
  readonly id: string;
}

/** The DataLoader cache key of a {@link PlatformScopedKey}: `Windows:<uuid>`. */
export function platformScopedCacheKey(key: PlatformScopedKey): string {
  return `${key.platform}:${key.id}`;
}

/**
 * An asset by UUID with its platform when known: `platform: null` means "look on Windows and
 * Linux". Cache key: `Windows:<uuid>` or `*:<uuid>`.
 */
export interface AssetPlatformKey {
  /** The PM asset UUID (`Asset.id`). */
  readonly id: string;
  /** The asset's platform (wire spelling), or `null` when unknown. */
  readonly platform: QualysPlatform | null;
}

/** The DataLoader cache key of an {@link AssetPlatformKey}: `Windows:<uuid>`, `*:<uuid>` when unknown. */
export function assetPlatformCacheKey(key: AssetPlatformKey): string {
  return `${key.platform ?? '*'}:${key.id}`;
}

/** One run of a deployment job; `jobInstanceId: null` means the latest run. */
export interface JobRunKey {
  /** Deployment job UUID. */
  readonly jobId: string;
  /** Run number (`jobInstanceId`), or `null` for the latest run. */
  readonly jobInstanceId: number | null;
}

/** The DataLoader cache key of a {@link JobRunKey}: `<jobId>:<n>` or `<jobId>:latest`. */
export function jobRunCacheKey(key: JobRunKey): string {
  return `${key.jobId}:${key.jobInstanceId ?? 'latest'}`;
}

/** Splits `items` into consecutive chunks of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Returns `e` when it is an `Error`, else wraps it, so a DataLoader key always gets an `Error`. */
export function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Groups platform-scoped keys by platform, keeping the first-seen order of platforms and keys.
 * Returns `[platform, indexes into keys]` pairs.
 */
function groupByPlatform(keys: readonly PlatformScopedKey[]): Map<QualysPlatform, number[]> {
  const groups = new Map<QualysPlatform, number[]>();
  keys.forEach((key, index) => {
    const group = groups.get(key.platform);
    if (group) group.push(index);
    else groups.set(key.platform, [index]);
  });
  return groups;
}

/**
 * Runs `call` once per key, concurrently, and answers each key with its value or its `Error`
 * (the DataLoader contract for resources without a batch endpoint).
 */
export async function settlePerKey<K, V>(
  keys: readonly K[],
  call: (key: K) => Promise<V>,
): Promise<(V | Error)[]> {
  const settled = await Promise.allSettled(keys.map((key) => call(key)));
  return settled.map((s) => (s.status === 'fulfilled' ? s.value : toError(s.reason)));
}

/**
 * The shared shape of the per-platform batch functions: groups platform-scoped keys by platform,
 * splits each group into chunks of at most `chunkSize` ids, fetches every chunk concurrently
 * with `fetchChunk(platform, ids)`, and answers each key, in key order, with the record whose
 * `id` matches, `null` when the answer lacks it, or the chunk's error (only that chunk's keys
 * fail).
 */
export async function loadByPlatformInChunks<T extends { readonly id: string }>(
  keys: readonly PlatformScopedKey[],
  chunkSize: number,
  fetchChunk: (platform: QualysPlatform, ids: string[]) => Promise<readonly T[]>,
): Promise<(T | null | Error)[]> {
  const results: (T | null | Error)[] = keys.map(() => null);
  const calls: Promise<void>[] = [];
  for (const [platform, indexes] of groupByPlatform(keys)) {
    for (const part of chunk(indexes, chunkSize)) {
      const ids = part.map((i) => keys[i]?.id ?? '');
      calls.push(
        fetchChunk(platform, ids).then(
          (records) => {
            const byId = new Map(records.map((r) => [r.id, r]));
            for (const i of part) results[i] = byId.get(keys[i]?.id ?? '') ?? null;
          },
          (error: unknown) => {
            const failure = toError(error);
            for (const i of part) results[i] = failure;
          },
        ),
      );
    }
  }
  await Promise.all(calls);
  return results;
}

/**
 * Splits `keys` into chunks of at most `chunkSize`, fetches every chunk concurrently, and
 * answers each key, in key order, with `pick(answer, key)`, or the chunk's error (only that
 * chunk's keys fail). Chunking inside one batch function — rather than DataLoader's
 * `maxBatchSize` — makes all chunks of a batch settle together, so the loads their results
 * trigger land in one batch too (2,000 asset ids → 2 mapping calls → ONE round of asset pages).
 */
export async function loadInChunks<K, A, V>(
  keys: readonly K[],
  chunkSize: number,
  fetchChunk: (chunkKeys: K[]) => Promise<A>,
  pick: (answer: A, key: K) => V,
): Promise<(V | Error)[]> {
  const results: (V | Error)[] = new Array(keys.length);
  const indexes = keys.map((_, i) => i);
  await Promise.all(
    chunk(indexes, chunkSize).map(async (part) => {
      const chunkKeys = part.map((i) => keys[i] as K);
      try {
        const answer = await fetchChunk(chunkKeys);
        for (const i of part) results[i] = pick(answer, keys[i] as K);
      } catch (error) {
        const failure = toError(error);
        for (const i of part) results[i] = failure;
      }
    }),
  );
  return results;
}
