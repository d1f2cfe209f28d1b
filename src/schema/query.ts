/**
 * The `Query` root type. Root fields are added by the file of the type they return.
 */
import { builder } from '../builder.js';

builder.queryType({
  description:
    'Read access to Qualys Patch Management and Mitigation: deployment jobs, their runs and per-asset results, ' +
    'patches, assets and mitigation jobs. Every upstream call is batched or deduplicated per request. A nullable ' +
    'field that needs a Qualys call is null, with a coded error in `errors` at its path, when that call fails; ' +
    'the rest of the answer is served.',
});
