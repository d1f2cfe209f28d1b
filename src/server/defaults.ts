/**
 * Defaults of the gateway's request handling that the configuration (`src/config.ts`) and
 * `createGateway` share, so each is set in one place.
 */

/** Deadline of one GraphQL request's upstream work, in ms (`REQUEST_TIMEOUT_MS`): 60 s. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** Largest accepted request body, in bytes (`MAX_BODY_BYTES`): 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
