/**
 * What the job mutations share: turning Qualys' answers into payload data (the job as Qualys
 * answered it, primed into the request's loaders), sending a create at most once per
 * idempotency key, and the argument checks of the mutations.
 *
 * No retries anywhere: a mutation is sent once; a failure without a definite answer (timeout,
 * network, 5xx) is thrown as the `QualysError` (a top-level coded error), or, with an
 * idempotency key, remembered so a retry with that key answers `OUTCOME_UNKNOWN` instead of
 * sending again.
 */
import { z } from 'zod';
import type { GatewayContext } from '../../builder.js';
import { inputFingerprint } from '../../idempotency.js';
import { QualysBadPayloadError } from '../../qualys/errors.js';
import type { QualysDeploymentJob } from '../../qualys/schemas/index.js';
import { qualysPlatform } from '../../qualys/vocabulary.js';
import type { JobParent } from '../support/refs.js';
import { qualysIdSchema } from '../support/validation.js';
import { rejectionUserError, type UserErrorParent } from './user-error.js';

/** Most job ids in one bulk call (QUALYS-API.md §14.1: 1,000 ids per call, as qualysdk sends). */
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

/** The data behind the job payloads (`CreatePatchJobPayload`, ...). */
export interface JobPayloadParent {
  /** The job as Qualys answered it; null when nothing was created or updated. */
  readonly job: JobParent | null;
  readonly userErrors: readonly UserErrorParent[];
  /** True when the answer is the stored outcome of an earlier request with the same idempotency key. */
  readonly replayed: boolean;
}

/** A payload with user errors only. */
export function failedPayload(userErrors: readonly UserErrorParent[]): JobPayloadParent {
  return { job: null, userErrors, replayed: false };
}

/**
 * The job parent of a job Qualys answered (create/update), primed into the request's loader so
 * fields read from it cost no call and a later `patchJob(id)` in the same request sees it.
 */
export function answeredJob(
  ctx: GatewayContext,
  kind: JobParent['kind'],
  job: QualysDeploymentJob,
): JobParent {
  const loader = kind === 'MITIGATION' ? ctx.loaders.mitigationJobsById : ctx.loaders.patchJobsById;
  loader.clear(job.id).prime(job.id, job);
  return { kind, id: job.id, platform: qualysPlatform(job.platform), full: job };
}

/** A create's outcome: the job, or Qualys' rejection (a 4xx: stored and replayed like a success). */
type CreateOutcome =
  | { readonly kind: 'created'; readonly job: QualysDeploymentJob }
  | { readonly kind: 'rejected'; readonly userError: UserErrorParent };

/** Sends once; a Qualys rejection becomes a value, anything else is rethrown. */
async function sendOnce(send: () => Promise<QualysDeploymentJob>): Promise<CreateOutcome> {
  try {
    return { kind: 'created', job: await send() };
  } catch (error) {
    const userError = rejectionUserError(error);
    if (userError) return { kind: 'rejected', userError };
    throw error;
  }
}

/** What a create mutation needs to send its job. */
export interface CreateJobRequest {
  readonly kind: JobParent['kind'];
  /** The mutation name, part of the idempotency key's scope. */
  readonly operation: 'createPatchJob' | 'createMitigationJob';
  readonly idempotencyKey: string | null | undefined;
  /** The validated, normalised spec: what the idempotency fingerprint is taken of. */
  readonly normalisedInput: unknown;
  /** The one upstream call. */
  readonly send: () => Promise<QualysDeploymentJob>;
}

/**
 * Sends a create at most once per idempotency key: without a key, sends it; with one, through
 * the gateway's store (same key + same input = the first outcome, no call; same key + other
 * input = `IDEMPOTENCY_KEY_REUSED`; a key whose first request ended without a definite answer
 * = `OUTCOME_UNKNOWN`). Qualys rejections are user errors (`QUALYS_REJECTED`).
 * @throws QualysError for failures without a definite answer (first request only).
 */
export async function createJob(ctx: GatewayContext, request: CreateJobRequest): Promise<JobPayloadParent> {
  const attempt = () => sendOnce(request.send);
  let outcome: CreateOutcome;
  let replayed = false;
  if (request.idempotencyKey === null || request.idempotencyKey === undefined) {
    outcome = await attempt();
  } else {
    const result = await ctx.idempotency.run(
      { scope: ctx.callerScope, operation: request.operation, key: request.idempotencyKey },
      inputFingerprint(request.normalisedInput),
      attempt,
    );
    if (result.status === 'key-reused') {
      return failedPayload([
        {
          field: ['idempotencyKey'],
          code: 'IDEMPOTENCY_KEY_REUSED',
          message:
            'This idempotencyKey was already used with a different input; nothing was sent. Use a new key for a new job.',
          qualysErrorCode: null,
        },
      ]);
    }
    if (result.status === 'outcome-unknown') {
      return failedPayload([
        {
          field: ['idempotencyKey'],
          code: 'OUTCOME_UNKNOWN',
          message:
            'An earlier request with this idempotencyKey ended without an answer from Qualys (timeout, network error ' +
            'or server error), so the job may already exist; it is not sent again. Look for it (patchJobs) and use a ' +
            'new key to create it.',
          qualysErrorCode: null,
        },
      ]);
    }
    outcome = result.value;
    replayed = result.status === 'replayed';
  }
  if (outcome.kind === 'rejected') return { job: null, userErrors: [outcome.userError], replayed };
  return { job: answeredJob(ctx, request.kind, outcome.job), userErrors: [], replayed };
}

/**
 * Reads the current job of an update from the wire object Qualys sent.
 * @throws QualysBadPayloadError `QUALYS_BAD_PAYLOAD` when the job cannot be read (a field of an
 *   unexpected type), like any other unreadable upstream payload; nothing is written then.
 */
export function readCurrentJob<T>(read: () => T, endpoint: string): T {
  try {
    return read();
  } catch (cause) {
    throw new QualysBadPayloadError(`Qualys sent a job the gateway cannot read (${endpoint})`, {
      endpoint,
      status: 200,
      cause,
    });
  }
}
