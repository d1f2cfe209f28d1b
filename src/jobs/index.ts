/**
 * The job domain: person-friendly job specs, the rules they must follow, and their Qualys wire
 * bodies. Pure: no GraphQL, no HTTP; the mutations in `src/schema/` call it before any upstream
 * call. Exported by name: what the schema and the tests use.
 */
export { WEEKDAYS } from '../qualys/vocabulary.js';
export { mergeMitigationJobSpec, mergePatchJobSpec } from './merge.js';
export {
  buildMitigationJobWireBody,
  mergeMitigationJobIntoWire,
  specFromMitigationJobWire,
} from './mitigation-job-wire.js';
export { buildPatchJobWireBody, mergePatchJobIntoWire, specFromPatchJobWire } from './patch-job-wire.js';
export {
  JOB_LIMITS,
  JOB_RULE_CODES,
  JOB_RULE_TABLE,
  JOB_RULES,
  type JobRuleCode,
  type JobSpecIssue,
} from './rules.js';
export {
  type MitigationJobSpec,
  MitigationJobSpecSchema,
  type MitigationJobUpdateSpec,
  MitigationJobUpdateSpecSchema,
  type PatchJobSpec,
  PatchJobSpecSchema,
  type PatchJobUpdateSpec,
  PatchJobUpdateSpecSchema,
} from './spec.js';
export {
  checkMitigationJobSpec,
  checkPatchJobSpec,
  type JobSpecValidation,
  validateMitigationJobSpec,
  validateMitigationJobUpdateSpec,
  validatePatchJobSpec,
  validatePatchJobUpdateSpec,
} from './validate.js';
export {
  fromQualysWallClock,
  isValidLocalDateTime,
  isValidTimezone,
  toQualysWallClock,
} from './wall-clock.js';
