/**
 * Runs GraphQL operations against the schema with a context built from a fake Qualys API.
 */
// The CJS entry on purpose: Pothos (external to vitest) loads `graphql` through Node, which
// picks `index.js`; vitest would resolve a bare `graphql` to `index.mjs`, a second realm whose
// `validate`/`execute` reject the schema ("Cannot use GraphQLSchema from another module").
import { type ExecutionResult, execute, parse, validate } from 'graphql/index.js';
import type { GatewayContext } from '../../src/builder.js';
import { createIdempotencyStore } from '../../src/idempotency.js';
import { createLoaders } from '../../src/loaders/index.js';
import { schema } from '../../src/schema/index.js';
import type { FakeQualysApi } from '../loaders/fake-qualys-api.js';

/** A fresh per-request context over the fake, as the server builds one. */
export function contextFor(fake: FakeQualysApi): GatewayContext {
  return {
    qualys: fake.api,
    loaders: createLoaders(fake.api),
    callerScope: 'service',
    idempotency: createIdempotencyStore(),
  };
}

/** Parses, validates (failing the test on invalid documents) and executes an operation. */
export async function run(
  fake: FakeQualysApi,
  source: string,
  variableValues?: Record<string, unknown>,
  contextValue: GatewayContext = contextFor(fake),
): Promise<ExecutionResult> {
  const document = parse(source);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(`invalid operation: ${errors.map((e) => e.message).join('; ')}`);
  return execute({ schema, document, contextValue, ...(variableValues ? { variableValues } : {}) });
}

/** The `extensions.code` (or the original error's `code`) of each error. */
export function errorCodes(result: ExecutionResult): unknown[] {
  return (result.errors ?? []).map((e) => {
    const { code } = e.extensions;
    return code ?? (e.originalError as { code?: unknown } | undefined)?.code;
  });
}
