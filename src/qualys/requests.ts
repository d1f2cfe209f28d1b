/**
 * The argument checks of the client's API methods (programming errors of the caller: a plain
 * `RangeError` before any request), and the mapping of a bulk job answer to one result per asked
 * job. Internal to `src/qualys/`.
 */

import { sanitizeUpstreamMessage } from './answers.js';
import type { QualysBulkJobResult, QualysJobConfigStatus, QualysWireObject } from './api.js';
import { isBulkJobSuccess, type QualysBulkJobResultItem } from './schemas/index.js';

/** Throws a plain `RangeError` when a batch is larger than its documented limit: loaders chunk. */
export function assertBatch(method: string, size: number, limit: number): void {
  if (size > limit) {
    throw new RangeError(`QualysApi.${method}: at most ${limit} items per call (QUALYS_LIMITS), got ${size}`);
  }
}

export function assertPaging(
  method: string,
  pageNumber: number | undefined,
  pageSize: number | undefined,
): void {
  if (pageNumber !== undefined && (!Number.isSafeInteger(pageNumber) || pageNumber < 0)) {
    throw new RangeError(`QualysApi.${method}: pageNumber must be an integer >= 0, got ${pageNumber}`);
  }
  if (pageSize !== undefined && (!Number.isSafeInteger(pageSize) || pageSize < 1)) {
    throw new RangeError(`QualysApi.${method}: pageSize must be an integer >= 1, got ${pageSize}`);
  }
}

/** An attribute projection that always includes `id` (every normalised record requires it). */
export function withId(attributes: readonly string[]): string[] {
  const list = attributes.map((a) => a.trim()).filter((a) => a !== '');
  return list.includes('id') ? list : ['id', ...list];
}

/** Throws a plain `RangeError` unless a mutation body is a JSON object (not null, not an array). */
export function assertWireBody(method: string, body: QualysWireObject): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RangeError(`QualysApi.${method}: the body must be a JSON object`);
  }
}

/** Throws a plain `RangeError` unless `status` is a job configuration status; it becomes a path segment. */
export function assertJobStatus(method: string, status: QualysJobConfigStatus): void {
  if (status !== 'Enabled' && status !== 'Disabled') {
    throw new RangeError(
      `QualysApi.${method}: status must be "Enabled" or "Disabled", got ${String(status)}`,
    );
  }
}

/**
 * The job ids of a bulk call, checked (an array of non-blank strings, else a plain `RangeError`)
 * and with duplicates removed, first occurrence first.
 */
export function bulkJobIds(method: string, ids: readonly string[]): string[] {
  if (!Array.isArray(ids)) {
    throw new RangeError(`QualysApi.${method}: ids must be an array of job ids`);
  }
  for (const id of ids) {
    if (typeof id !== 'string' || id.trim() === '') {
      throw new RangeError(`QualysApi.${method}: every job id must be a non-empty string`);
    }
  }
  return [...new Set(ids)];
}

/** The error of the failure item added for an asked id that a bulk answer leaves out. */
export const BULK_NO_RESULT_ERROR = 'Qualys returned no result for this job';

/**
 * Maps a bulk answer to {@link QualysBulkJobResult}s: Qualys' items in its order (`status`
 * compared case-insensitively with "success"), then one failure with
 * {@link BULK_NO_RESULT_ERROR} per asked id that no item names (ids compared trimmed).
 */
export function toBulkJobResults(
  asked: readonly string[],
  items: readonly QualysBulkJobResultItem[],
  secrets: readonly string[],
): QualysBulkJobResult[] {
  const results: QualysBulkJobResult[] = items.map((item) => ({
    id: item.id,
    name: item.name,
    success: isBulkJobSuccess(item),
    // Qualys' words reach clients: sanitised like an `_error.message`.
    error: item.error === null ? null : sanitizeUpstreamMessage(item.error, secrets),
  }));
  const answered = new Set(items.map((item) => item.id));
  for (const id of asked) {
    if (!answered.has(id.trim())) {
      results.push({ id, name: null, success: false, error: BULK_NO_RESULT_ERROR });
    }
  }
  return results;
}
