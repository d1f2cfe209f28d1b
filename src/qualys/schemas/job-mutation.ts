/**
 * Wire schemas for the answers of the job mutations: the raw job object read back for a
 * read-merge-write update, and the per-item results of the bulk calls (enable/disable, delete).
 *
 * Sources: GET /pm/v1/deploymentjob/{id} and GET /mtg/v1/deploymentjob/{id} (seeds 000, 001,
 * 003; docs/qualys-api.md §7.2, §7.3: "send the GET body back with edits"); POST
 * /pm/v1/deploymentjobs/update/status/{Enabled|Disabled}, POST
 * /mtg/v1/deploymentjobs/update/status/{Enabled|Disabled} and DELETE /pm/v1/deploymentjobs
 * (docs/qualys-api.md §5, §7.5, §7.6, §12.3: HTTP 200 with `[{id, name, status, error?}]`; the MTG
 * doc sample has stray spaces in its values).
 */
import { z } from 'zod';

/** True for a JSON object (not `null`, not an array) whose `id` is a string. */
function isWireJob(value: unknown): value is { [key: string]: unknown; id: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

/**
 * A job exactly as Qualys sent it: checked only for being a JSON object with a string `id`, and
 * returned as parsed, the same object, with every unknown field, `null` list and key order kept
 * (an update sends it back whole, docs/qualys-api.md §7.3). Output: `{ [key: string]: unknown; id:
 * string }`.
 */
export const QualysWireJobSchema = z.custom<{ [key: string]: unknown; id: string }>(isWireJob, {
  error: 'expected a JSON object with a string id',
});
/** Output of {@link QualysWireJobSchema}: the job object as sent by Qualys. */
export type QualysWireJob = z.output<typeof QualysWireJobSchema>;

/** A string with the surrounding spaces the MTG doc sample shows removed. */
const trimmed = z.string().transform((s) => s.trim());

/** An optional trimmed string: absent, `null` and blank become `null`. */
const optionalTrimmed = z
  .string()
  .nullish()
  .transform((v) => {
    const s = v?.trim() ?? '';
    return s === '' ? null : s;
  });

/**
 * One item of a bulk job call's answer: `{id, name?, status: "success"|"failure", error?}`
 * (docs/qualys-api.md §5, §12.3). Every value is trimmed (the MTG sample sends `" success "`-style
 * values); `id` must not be blank; `name` and `error` are `null` when absent or blank; `status` is
 * kept as sent (trimmed): compare it case-insensitively with {@link isBulkJobSuccess}.
 * Output: `{ id: string; name: string | null; status: string; error: string | null }`.
 */
export const QualysBulkJobResultItemSchema = z.object({
  id: trimmed.pipe(z.string().min(1, 'expected a job id')),
  name: optionalTrimmed,
  status: trimmed,
  error: optionalTrimmed,
});
/** Output of {@link QualysBulkJobResultItemSchema}: one trimmed per-job result. */
export type QualysBulkJobResultItem = z.output<typeof QualysBulkJobResultItemSchema>;

/** The array a bulk job call answers; `null` or absent becomes `[]`. */
export const QualysBulkJobResultListSchema = z
  .array(QualysBulkJobResultItemSchema)
  .nullish()
  .transform((v): QualysBulkJobResultItem[] => v ?? []);

/** True when a bulk item's `status` is `"success"`, in any letter case (already trimmed by the schema). */
export function isBulkJobSuccess(item: Pick<QualysBulkJobResultItem, 'status'>): boolean {
  return item.status.toLowerCase() === 'success';
}
