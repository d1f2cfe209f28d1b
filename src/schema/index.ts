/**
 * The executable schema: imports every type file (each registers its type, its root fields and,
 * for entities, its federation `@key`s on the builder) and builds the schema once.
 */
import { buildSubgraphSchema, publicSchemaOf } from './federation.js';
import './query.js';
import './enums.js';
import './tag.js';
import './user.js';
import './job-settings.js';
import './vulnerability.js';
import './patch.js';
import './asset.js';
import './asset-id-mapping.js';
import './job-schedule.js';
import './job.js';
import './deploy-action.js';
import './job-run.js';
import './job-result.js';
import './asset-job-result.js';
import './patch-job.js';
import './mitigation-job.js';
import './mutation.js';
import './user-error.js';
import './job-config-status.js';
import './job-bulk-result.js';
import './job-inputs.js';
import './create-patch-job.js';
import './update-patch-job.js';
import './create-mitigation-job.js';
import './update-mitigation-job.js';
import './set-jobs-status.js';
import './delete-patch-jobs.js';

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
