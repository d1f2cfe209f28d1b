/**
 * The executable schema: imports every type file (each registers its type, its root fields and,
 * for entities, its federation `@key`s on the builder) and builds the schema once.
 */
import { buildSubgraphSchema, publicSchemaOf } from './support/federation.js';
import './query.js';
import './support/enums.js';
import './assets/tag.js';
import './jobs/user.js';
import './jobs/job-settings.js';
import './catalog/vulnerability.js';
import './catalog/patch.js';
import './assets/asset.js';
import './assets/asset-queries.js';
import './assets/asset-id-mapping.js';
import './jobs/job-schedule.js';
import './jobs/job.js';
import './jobs/deploy-action.js';
import './jobs/job-run.js';
import './jobs/job-result.js';
import './jobs/asset-job-result.js';
import './jobs/patch-job.js';
import './jobs/patch-job-queries.js';
import './jobs/mitigation-job.js';
import './mutation.js';
import './mutations/user-error.js';
import './jobs/job-config-status.js';
import './mutations/bulk.js';
import './mutations/job-inputs.js';
import './mutations/create-patch-job.js';
import './mutations/update-patch-job.js';
import './mutations/create-mitigation-job.js';
import './mutations/update-mitigation-job.js';
import './mutations/set-jobs-status.js';
import './mutations/delete-patch-jobs.js';

/**
 * The gateway's GraphQL schema, as served: an Apollo Federation v2 subgraph (the graph plus
 * `_service { sdl }` and `_entities`). `printSubgraphSchema(schema)` is `schema/subgraph.graphql`.
 */
export const schema = buildSubgraphSchema();

/**
 * The same graph without the federation internals (`_entities`, `_service`, `_Any`, `_Entity`,
 * `_Service`): what `schema/schema.graphql` prints and typed operations are generated against.
 */
export const publicSchema = publicSchemaOf(schema);
