/**
 * The job domain: person-friendly job specs, the rules they must follow, and their Qualys wire
 * bodies. Pure: no GraphQL, no HTTP; the mutations in `src/schema/` call it before any upstream
 * call.
 */

export { WEEKDAYS } from '../qualys/vocabulary.js';
export * from './merge.js';
export * from './mitigation-job-wire.js';
export * from './patch-job-wire.js';
export * from './rules.js';
export * from './spec.js';
export * from './validate.js';
export * from './wall-clock.js';
export { jsonEqual } from './wire-common.js';
