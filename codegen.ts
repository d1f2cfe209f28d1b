/**
 * GraphQL Code Generator configuration: writes the sorted SDL of the gateway's schema to
 * `schema/schema.graphql` and typed documents (client preset, TypedDocumentNode) for the
 * operations in `schema/operations/` to `schema/generated/`. Run with `npm run codegen`
 * (`scripts/codegen.ts`, under tsx so the schema is imported from source); the drift test
 * (`test/codegen-drift.test.ts`) fails `npm test` when the committed files are stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './src/schema/index.js';

/** The schema's SDL with types and fields sorted, as committed in `schema/schema.graphql`. */
export const sortedSdl = printSchema(lexicographicSortSchema(schema));

const config: CodegenConfig = {
  schema: sortedSdl,
  documents: ['schema/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'schema/schema.graphql': {
      plugins: ['schema-ast'],
      config: { sort: true, includeDirectives: true },
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
