/**
 * GraphQL Code Generator configuration: writes the sorted SDL of the gateway's public schema to
 * `schema/schema.graphql`, the subgraph SDL with its federation directives to
 * `schema/subgraph.graphql`, and typed documents (client preset, TypedDocumentNode) for the
 * operations in `schema/operations/` to `schema/generated/`. Run with `npm run codegen`
 * (`scripts/codegen.ts`, under tsx so the schema is imported from source); the drift test
 * (`test/codegen-drift.test.ts`) fails `npm test` when the committed files are stale.
 */
import { printSubgraphSchema } from '@apollo/subgraph';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { publicSchema, schema } from './src/schema/index.js';

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
