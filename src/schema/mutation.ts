/**
 * The `Mutation` root type. Root fields are added by the file of the payload they return.
 */
import { builder } from '../builder.js';

builder.mutationType({
  description:
    'Changes to Qualys Patch Management and Mitigation jobs: create, update, enable or disable, delete. Every ' +
    'input is checked against the documented Qualys rules before any upstream call (problems come back as ' +
    '`userErrors`, with zero calls), and no mutation is ever retried automatically: a create is sent at most once ' +
    'per `idempotencyKey`.',
});
