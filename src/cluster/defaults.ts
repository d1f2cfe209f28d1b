/**
 * Defaults of the replica coordination (`src/cluster/`), in a module of their own so that the
 * configuration can name them without loading the Redis libraries.
 */

/** Default prefix of every coordination key and channel (`REDIS_PREFIX`). */
export const DEFAULT_REDIS_PREFIX = 'qpmgw:';

/**
 * Default lease of a shared concurrency slot and of a replica's liveness key, ms
 * (`QUALYS_SLOT_LEASE_MS`): a replica that dies holding a slot frees it at most this long after.
 */
export const DEFAULT_SLOT_LEASE_MS = 10_000;
