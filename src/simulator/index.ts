/**
 * The Qualys PM/MTG API simulator (docs/architecture.md §3.4): a real HTTP server on loopback serving every
 * seed sample verbatim plus a deterministic generated fleet, with `/auth` JWTs, Qualys paging, a
 * QQL subset, `_error` envelopes, injected latency and faults, and a request log. Production code
 * never imports it (except `src/main.ts`, lazily, when no `QUALYS_BASE_URL` is set).
 *
 * @module
 */
export { createSimulator, DEFAULT_CREDENTIALS, DEFAULT_TOKEN_TTL_MS } from './create-simulator.js';
export { SimulatorErrorCode } from './errors.js';
export { FIRST_ASSET_ID, UNMAPPED_ASSET_ID_RANGE } from './fleet/generate-assets.js';
export { DEFAULT_FLEET_SIZES, type FleetSizes } from './fleet/generate-fleet.js';
export type {
  PatchSource,
  Platform,
  SimAsset,
  SimJobRun,
  SimMitigationJob,
  SimPatch,
  SimPatchJob,
  SimTag,
  SimUser,
  SimVulnerability,
} from './fleet/types.js';
export type { JsonObject, JsonValue } from './json.js';
export {
  CO_AUTHOR_LIMIT_MESSAGE,
  MAX_CO_AUTHORS,
  MAX_DOWNLOAD_RANDOMIZE_HOURS,
} from './store/job-body-rules.js';
export { JOB_RESULT_STATUSES } from './store/job-results.js';
export { MAKECACHE_SCRIPT } from './store/job-wire-normalise.js';
export {
  JOB_NOT_FOUND_ERROR,
  type JobBulkResult,
  type JobResultLookup,
  type JobStatusAction,
  NON_RECURRING_DISABLE_ERROR,
} from './store/tenant-store.js';
export type {
  Simulator,
  SimulatorFault,
  SimulatorFaultKind,
  SimulatorFaultModes,
  SimulatorFleetOptions,
  SimulatorOptions,
  SimulatorRateLimit,
  SimulatorRequestLogEntry,
  SimulatorStore,
  SimulatorTenantOptions,
  SimulatorTenantStats,
} from './types.js';
