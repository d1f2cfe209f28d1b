/** Every Qualys wire schema, by resource. */
export * from './asset.js';
export * from './common.js';
export * from './deployment-job.js';
export * from './error.js';
export * from './job-mutation.js';
export * from './job-result.js';
export * from './patch.js';
export * from './vulnerability.js';
