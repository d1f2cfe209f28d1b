/**
 * Sending a create at most once per idempotency key: a client that retries after losing the
 * answer gets the first outcome, never a second job. Qualys rejections are stored and replayed
 * like successes; a failure without a definite answer (timeout, network, 5xx after sending)
 * makes the key answer `OUTCOME_UNKNOWN`; one that provably never reached Qualys frees it.
 */
import type { GatewayContext } from '../../builder.js';
import { type IdempotencyHooks, inputFingerprint, NO_IDEMPOTENCY_HOOKS } from '../../idempotency.js';
import type { CallOptions } from '../../qualys/api.js';
import type { QualysDeploymentJob } from '../../qualys/schemas/index.js';
import type { JobParent } from '../support/refs.js';
import { answeredJob, failedPayload, type JobPayloadParent } from './payload.js';
import { rejectionUserError, type UserErrorParent } from './user-error.js';

/** A create's outcome: the job, or Qualys' rejection (a 4xx: stored and replayed like a success). */
type CreateOutcome =
  | { readonly kind: 'created'; readonly job: QualysDeploymentJob }
  | { readonly kind: 'rejected'; readonly userError: UserErrorParent };

/** Sends once; a Qualys rejection becomes a value, anything else is rethrown. */
async function sendOnce(
  send: (options: CallOptions) => Promise<QualysDeploymentJob>,
  options: CallOptions,
): Promise<CreateOutcome> {
  try {
    return { kind: 'created', job: await send(options) };
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
  /** The one upstream call; `options.beforeSend` must reach the client's create method. */
  readonly send: (options: CallOptions) => Promise<QualysDeploymentJob>;
}

/**
 * Sends a create at most once per idempotency key: without a key, sends it; with one, through
 * the gateway's store (same key + same input = the first outcome, no call; same key + other
 * input = `IDEMPOTENCY_KEY_REUSED`; a key whose first request ended without a definite answer
 * = `OUTCOME_UNKNOWN`). Qualys rejections are user errors (`QUALYS_REJECTED`).
 * @throws QualysError for failures without a definite answer (first request only).
 */
export async function createJob(ctx: GatewayContext, request: CreateJobRequest): Promise<JobPayloadParent> {
  // The store's hooks are the client's call options (`beforeSend`).
  const attempt = (hooks: IdempotencyHooks = NO_IDEMPOTENCY_HOOKS) => sendOnce(request.send, hooks);
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
