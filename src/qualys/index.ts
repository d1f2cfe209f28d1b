/**
 * The Qualys PM/MTG REST client, its public surface: `createQualysClient` (`./client.ts`) and its
 * options (`./options.ts`), the API types other layers program against (`./api.ts`,
 * `./client-types.ts`), the error catalogue (`./errors.ts`), the wire vocabulary
 * (`./vocabulary.ts`) and the zod wire schemas with their normalised types (`./schemas`).
 *
 * The call pipeline, endpoint table, HTTP and token internals are not exported.
 *
 * @module
 */
export * from './api.js';
export { BULK_NO_RESULT_ERROR, createQualysClient, type QualysServiceCredentials } from './client.js';
export * from './errors.js';
export {
  DEFAULT_BREAKER_FAILURE_THRESHOLD,
  DEFAULT_BREAKER_HALF_OPEN_AFTER_MS,
  DEFAULT_CONCURRENCY,
  DEFAULT_RETRY_BASE_DELAY_MS,
  DEFAULT_RETRY_MAX_ATTEMPTS,
  DEFAULT_RETRY_MAX_DELAY_MS,
  DEFAULT_RETRY_MAX_RETRY_AFTER_MS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOKEN_LIFETIME_MS,
  DEFAULT_TOKEN_REFRESH_MARGIN_MS,
  type QualysClientOptions,
} from './options.js';
export * from './schemas/index.js';
export * from './vocabulary.js';
