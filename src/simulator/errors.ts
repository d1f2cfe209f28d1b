/**
 * The simulator's error answers: the PM/MTG `_error` envelope (seed 003 co-author sample:
 * `{"_error":{"code":400,"errorCode":"2435","message":"..."}}`) and the API gateway's 401 bodies
 * (docs/qualys-api.md §2). Every error the simulator invents has a stable `errorCode`, listed in
 * `src/simulator/README.md`.
 *
 * @module
 */

/**
 * The `errorCode` strings the simulator answers with.
 *
 * - `OFFSET_LIMIT` "2501": offset paging past the 10,000-record cap (the code qualysdk checks;
 *   docs/qualys-api.md §4).
 * - `CONCURRENCY_LIMIT` "1960" and `RATE_LIMIT` "1965": the classic API's concurrency and rate
 *   codes (docs/qualys-api.md §3), answered by the fault modes.
 * - `CO_AUTHOR_LIMIT` "2435": more than 200 co-authors on a job create/update (seed 003, v2
 *   endpoints).
 * - the `9xxx` codes are the simulator's own (Qualys publishes no catalogue): bad parameter or
 *   body, bad QQL, batch or page too large, not found, unknown route, wrong method, injected fault;
 *   on job create/update a missing required field, an invalid value, a missing `startDateTime`, an
 *   MTG schedule other than On-demand/Once, an MTG job without QIDs; a retired (end-of-life)
 *   endpoint.
 */
export const SimulatorErrorCode = {
  OFFSET_LIMIT: '2501',
  BAD_PARAMETER: '9001',
  BAD_QQL: '9002',
  LIMIT_EXCEEDED: '9003',
  NOT_FOUND: '9004',
  NO_ROUTE: '9005',
  METHOD_NOT_ALLOWED: '9006',
  INJECTED_FAULT: '9007',
  CONCURRENCY_LIMIT: '1960',
  RATE_LIMIT: '1965',
  CO_AUTHOR_LIMIT: '2435',
  MISSING_FIELD: '9008',
  INVALID_VALUE: '9009',
  START_DATE_REQUIRED: '9010',
  MTG_SCHEDULE_TYPE: '9011',
  QIDS_REQUIRED: '9012',
  ENDPOINT_RETIRED: '9013',
  INTERNAL: '9500',
} as const;

/** One of the {@link SimulatorErrorCode} values. */
export type SimulatorErrorCodeValue = (typeof SimulatorErrorCode)[keyof typeof SimulatorErrorCode];

/** The JSON body of a PM/MTG error answer. */
export interface ErrorEnvelope {
  readonly _error: { readonly code: number; readonly errorCode: string; readonly message: string };
}

/**
 * Builds an `_error` envelope.
 *
 * @param status - the HTTP status, repeated as `_error.code` (an int, as in seed 003).
 * @param errorCode - a digit string.
 * @param message - a human-readable reason.
 */
export function errorEnvelope(status: number, errorCode: string, message: string): ErrorEnvelope {
  return { _error: { code: status, errorCode, message } };
}

/**
 * Thrown by route handlers to answer with an `_error` envelope; the server turns it into the
 * response. Carries the HTTP status, the `errorCode` and extra headers (e.g. `Allow` on 405).
 */
export class SimulatorHttpError extends Error {
  /** HTTP status of the answer. */
  readonly status: number;
  /** `_error.errorCode` of the answer. */
  readonly errorCode: string;
  /** Extra response headers. */
  readonly headers: Readonly<Record<string, string>>;

  /**
   * @param status - HTTP status.
   * @param errorCode - one of {@link SimulatorErrorCode}.
   * @param message - `_error.message`.
   * @param headers - extra response headers; default none.
   */
  constructor(status: number, errorCode: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'SimulatorHttpError';
    this.status = status;
    this.errorCode = errorCode;
    this.headers = headers;
  }

  /** The `_error` envelope of this error. */
  toEnvelope(): ErrorEnvelope {
    return errorEnvelope(this.status, this.errorCode, this.message);
  }
}

/**
 * A 400 `BAD_PARAMETER` (9001) error.
 *
 * @param message - names the parameter and the problem.
 */
export function badParameter(message: string): SimulatorHttpError {
  return new SimulatorHttpError(400, SimulatorErrorCode.BAD_PARAMETER, message);
}

/**
 * A 404 `NOT_FOUND` (9004) error.
 *
 * @param what - e.g. `Deployment job 1234`.
 */
export function notFound(what: string): SimulatorHttpError {
  return new SimulatorHttpError(404, SimulatorErrorCode.NOT_FOUND, `${what} not found`);
}

/**
 * The API gateway's 401 body (not an `_error` envelope): `{"status":401,"error":"Unauthorized",
 * "message": ...}` (docs/qualys-api.md §2).
 *
 * @param message - `Bad credentials` (POST /auth), `Not authenticated` (missing, malformed or
 * forged token, unknown user) or `JWT expired`.
 */
export function unauthorizedBody(message: 'Bad credentials' | 'Not authenticated' | 'JWT expired'): {
  status: 401;
  error: 'Unauthorized';
  message: string;
} {
  return { status: 401, error: 'Unauthorized', message };
}
