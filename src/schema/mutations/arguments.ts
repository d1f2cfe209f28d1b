/**
 * Argument checks the job mutations share (run by the validation plugin before the resolver; a
 * failure is `BAD_USER_INPUT` and no upstream call): bulk job id lists and idempotency keys.
 */
import { z } from 'zod';
import { qualysIdSchema } from '../support/validation.js';

/** Most job ids in one bulk call (docs/qualys-api.md §14.1: 1,000 ids per call, as qualysdk sends). */
export const MAX_BULK_JOB_IDS = 1_000;

/** The `ids` argument of the bulk mutations: 1-1,000 Qualys UUIDs. */
export const bulkJobIdsSchema = z
  .array(qualysIdSchema)
  .min(1, 'at least one job id')
  .max(MAX_BULK_JOB_IDS, `at most ${MAX_BULK_JOB_IDS} job ids per call`);

/** An idempotency key: 1-255 visible ASCII characters (a UUID or ULID is a good key). */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, 'must be 1-255 visible ASCII characters, e.g. a UUID');
