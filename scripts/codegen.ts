/**
 * `npm run codegen`: regenerates `schema/schema.graphql` and `schema/generated/` from the
 * Pothos schema and `schema/operations/*.graphql` (configuration in `codegen.ts`).
 */
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.js';

const files = await generate(config, true);
process.stdout.write(`codegen: wrote ${files.length} files\n`);
