/**
 * GraphQL Code Generator configuration: writes the sorted SDL of the gateway's public schema to
 * `schema/schema.graphql`, the subgraph SDL with its federation directives to
 * `schema/subgraph.graphql`, and typed documents (client preset, TypedDocumentNode) for the
 * operations in `schema/operations/` to `schema/generated/`, and the persisted operations manifest
 * of those operations (sha256 hex → document) to `schema/persisted-operations.json`. Run with `npm run codegen`
 * (`scripts/codegen.ts`, under tsx so the schema is imported from source); the drift test
 * (`test/codegen-drift.test.ts`) fails `npm test` when the committed files are stale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { lexicographicSortSchema, parse, printSchema } from 'graphql';
import { publicSchema, schema } from './src/schema/index.js';
import {
  buildPersistedOperationsManifest,
  PERSISTED_OPERATIONS_PATH,
} from './src/server/plugins/use-persisted-operations.js';

/**
 * The public schema's SDL with types and fields sorted, as committed in `schema/schema.graphql`:
 * no federation internals (`_entities`, `_service`, `_Any`, `_Entity`, `_Service`) and no
 * directives (`@key` is in `schema/subgraph.graphql`).
 */
export const sortedSdl = printSchema(lexicographicSortSchema(publicSchema));

/**
 * The subgraph SDL as `_service { sdl }` answers it (`printSubgraphSchema` of @apollo/subgraph:
 * `extend schema @link(...)`, `@key`s, no federation types or fields), as committed in
 * `schema/subgraph.graphql`: what a router or `rover` composes.
 */
export const subgraphSdl = printSubgraphSchema(schema);

const operationsDir = new URL('./schema/operations/', import.meta.url);

/**
 * The persisted operations manifest of `schema/operations/*.graphql` as committed in
 * `schema/persisted-operations.json`: one entry per operation (with the fragments it uses),
 * sha256 hex of the normalised document → the document (`buildPersistedOperationsManifest`).
 */
export const persistedOperations = buildPersistedOperationsManifest(
  readdirSync(operationsDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => parse(readFileSync(new URL(f, operationsDir), 'utf8'))),
);

const config: CodegenConfig = {
  schema: sortedSdl,
  documents: ['schema/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'schema/schema.graphql': {
      plugins: ['schema-ast'],
      config: { sort: true, includeDirectives: true },
    },
    'schema/subgraph.graphql': {
      // The `add` plugin (a dependency of the client preset, which uses it too) writes the text as is.
      plugins: [{ add: { content: `${subgraphSdl}\n` } }],
    },
    [PERSISTED_OPERATIONS_PATH]: {
      plugins: [{ add: { content: `${JSON.stringify(persistedOperations, null, 2)}\n` } }],
    },
    'schema/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', LocalDateTime: 'string' },
        documentMode: 'documentNode',
      },
    },
  },
};

export default config;
