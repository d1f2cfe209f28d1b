/**
 * `UserError` and `UserErrorCode`: the problems a mutation reports as data (`userErrors`), not as
 * GraphQL errors: broken job rules (`src/jobs/rules.ts`), Qualys rejections, unknown jobs and
 * idempotency-key conflicts.
 */
import { builder } from '../../builder.js';
import { JOB_RULE_CODES, type JobRuleCode, type JobSpecIssue } from '../../jobs/index.js';
import { isQualysError } from '../../qualys/errors.js';
import { publicQualysMessage } from '../../qualys/redact.js';

/** Codes a mutation adds to the job rule codes. */
const MUTATION_CODES = ['QUALYS_REJECTED', 'NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED', 'OUTCOME_UNKNOWN'] as const;

/** A value of the `UserErrorCode` enum. */
export type UserErrorCodeValue = JobRuleCode | (typeof MUTATION_CODES)[number];

const CODE_DESCRIPTIONS: Readonly<Record<UserErrorCodeValue, string>> = {
  REQUIRED: 'A value the job needs is missing or blank (name, QIDs, week days, time zone, recipients, ...).',
  INVALID_VALUE: 'A value has the wrong shape.',
  OUT_OF_RANGE: 'A number is outside its documented range (reattempts 1-5, timeout 1-168 hours, ...).',
  TOO_MANY: 'A list is longer than Qualys allows (at most 200 co-authors).',
  INVALID_EMAIL: 'A notification recipient is not a valid e-mail address.',
  INVALID_TIMEZONE: 'The time zone is not an IANA time zone name.',
  INVALID_DATE_TIME: 'The start is not a real calendar date and time.',
  TARGETS_MISSING: 'The job targets no asset and no asset tag.',
  PATCH_SOURCE_CONFLICT: 'More than one patch source was given (patch ids, a patch QQL, a linked job).',
  PATCH_SOURCE_MISSING: 'No patch source was given (patch ids, a patch QQL or a linked job).',
  QQL_NOT_ALLOWED_FOR_ROLLBACK: 'A rollback job cannot select patches by QQL.',
  PLATFORM_UNSUPPORTED:
    'The setting does not exist on the job platform (MakeCache is Linux only, reattempts are Windows only, ...), ' +
    'or the platform has no jobs (MAC).',
  START_TIME_REQUIRED: 'A schedule other than on-demand has no start date and time.',
  SCHEDULE_FIELD_MISMATCH:
    'A schedule field belongs to another schedule type (week days on a non-weekly schedule, ...), or a time zone ' +
    'was given with AGENT_TZ.',
  MONTHLY_DAY_CONFLICT: 'A monthly schedule names more than one day rule.',
  MONTHLY_DAY_MISSING: 'A monthly schedule names no day rule.',
  MTG_SCHEDULE_UNSUPPORTED: 'Mitigation jobs run on demand or once only.',
  QUALYS_REJECTED:
    "Qualys refused the request (HTTP 4xx); `message` is Qualys' message and `qualysErrorCode` its `_error.errorCode`.",
  NOT_FOUND: 'Qualys has no job with this id.',
  IDEMPOTENCY_KEY_REUSED:
    'The idempotencyKey was used before with a different input; nothing was sent. Use a new key for a new job.',
  OUTCOME_UNKNOWN:
    'An earlier request with this idempotencyKey failed without a definite answer (timeout, network error, ' +
    'HTTP 5xx): the job may or may not exist, so the gateway does not send it again. Check `patchJobs` (or the ' +
    'mitigation job list in Qualys) and use a new key to create it.',
};

/** Every `UserErrorCode` value, rule codes first. */
export const USER_ERROR_CODES: readonly UserErrorCodeValue[] = [...JOB_RULE_CODES, ...MUTATION_CODES];

/** `UserErrorCode`. */
export const UserErrorCode = builder.enumType('UserErrorCode', {
  description:
    'Why a mutation did not do what was asked. The rule codes are listed with their rules in the README ' +
    '("Mutations"); the others come from Qualys or from idempotency keys.',
  values: Object.fromEntries(
    USER_ERROR_CODES.map((code) => [code, { description: CODE_DESCRIPTIONS[code] }]),
  ) as Record<UserErrorCodeValue, { description: string }>,
});

/** The data behind a `UserError`. */
export interface UserErrorParent {
  /** Path from the mutation's arguments (`["input", "schedule", "startDateTime"]`); null when no field is at fault. */
  readonly field: readonly string[] | null;
  readonly message: string;
  readonly code: UserErrorCodeValue;
  readonly qualysErrorCode: string | null;
}

/** `UserError`. */
export const UserError = builder.objectRef<UserErrorParent>('UserError');

UserError.implement({
  description:
    'A problem with a mutation that a client can act on. Nothing was changed in Qualys for the part it is about: ' +
    'rule violations are found before any upstream call.',
  fields: (t) => ({
    field: t.stringList({
      nullable: true,
      description:
        'Where the problem is, as a path from the mutation\'s arguments (`["input", "schedule", "startDateTime"]`, ' +
        'list positions as numbers in strings); null when it is not about one field (e.g. most Qualys rejections).',
      resolve: (e) => (e.field === null ? null : [...e.field]),
    }),
    message: t.exposeString('message', { nullable: false, description: 'What is wrong, for people.' }),
    code: t.field({
      type: UserErrorCode,
      nullable: false,
      description: 'What is wrong, for programs: a stable code.',
      resolve: (e) => e.code,
    }),
    qualysErrorCode: t.exposeString('qualysErrorCode', {
      nullable: true,
      description:
        'Qualys\' own `_error.errorCode` (e.g. "2435", co-author limit exceeded) when Qualys rejected the request; ' +
        'null otherwise.',
    }),
  }),
});

/** User errors for rule violations; `prefix` is the argument the spec came from (`["input"]`). */
export function userErrorsFromIssues(
  issues: readonly JobSpecIssue[],
  prefix: readonly string[] = ['input'],
): UserErrorParent[] {
  return issues.map((issue) => ({
    field: [...prefix, ...issue.path],
    message: issue.message,
    code: issue.code,
    qualysErrorCode: null,
  }));
}

/** Fields Qualys' known error codes are about. */
const FIELD_OF_QUALYS_CODE: Readonly<Record<string, readonly string[]>> = {
  /** "Co-author limit exceeded. You can add up to 200 co-authors per job" (seed 003). */
  '2435': ['input', 'coAuthorIds'],
};

const REJECTION_PREFIX = 'Qualys rejected the request: ';

/** HTTP statuses with codes of their own (credentials, not found, throttling): not rejections of the body. */
const NOT_A_REJECTION = new Set([401, 403, 404, 409, 429]);

/**
 * The user error for a Qualys rejection (`QUALYS_BAD_REQUEST`: the `_error` envelope; or another
 * 4xx without one): code `QUALYS_REJECTED`, Qualys' message and `_error.errorCode`. `null` for
 * any other failure (those are thrown as GraphQL errors: timeouts, 5xx, network, credentials).
 */
export function rejectionUserError(error: unknown): UserErrorParent | null {
  if (!isQualysError(error)) return null;
  const rejected =
    error.code === 'QUALYS_BAD_REQUEST' ||
    (error.code === 'QUALYS_HTTP_STATUS' &&
      error.status !== undefined &&
      error.status >= 400 &&
      error.status < 500 &&
      !NOT_A_REJECTION.has(error.status));
  if (!rejected) return null;
  const qualysErrorCode = error.qualysErrorCode ?? null;
  // Without the endpoint and upstream details: the client sees what Qualys said, not where.
  const message = publicQualysMessage(error);
  return {
    field: qualysErrorCode === null ? null : (FIELD_OF_QUALYS_CODE[qualysErrorCode] ?? null),
    message: message.startsWith(REJECTION_PREFIX) ? message.slice(REJECTION_PREFIX.length) : message,
    code: 'QUALYS_REJECTED',
    qualysErrorCode,
  };
}

/** True for a `QUALYS_NOT_FOUND` failure. */
export function isNotFound(error: unknown): boolean {
  return isQualysError(error) && error.code === 'QUALYS_NOT_FOUND';
}
