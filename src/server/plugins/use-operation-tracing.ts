/**
 * `useOperationTracing()`: one OpenTelemetry span per executed operation, opened and closed
 * through the request's `RequestTrace` (`../tracing.ts`); the upstream calls' spans hang under it.
 */
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { errorCodeOf, isSingleResult, operationOf } from '../operation-result.js';
import type { RequestTrace } from '../tracing.js';

/** An error code fit for a span attribute: UPPER_SNAKE, at most 64 characters. */
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** The first error's code ({@link errorCodeOf}) when it is UPPER_SNAKE; `INTERNAL_SERVER_ERROR` otherwise. */
function firstErrorCode(errors: readonly GraphQLError[]): string {
  const code = errorCodeOf(errors[0]);
  return code !== undefined && CODE.test(code) ? code : 'INTERNAL_SERVER_ERROR';
}

/**
 * The plugin opening and closing the operation span of each executed operation, through the
 * {@link RequestTrace} at `trace` on the GraphQL context (requests without one are skipped).
 * Operations refused before execution (parse, validation, limits) get no span.
 */
export function useOperationTracing(): Plugin {
  return {
    onExecute({ args }) {
      const requestTrace = (args.contextValue as { trace?: RequestTrace } | undefined)?.trace;
      if (requestTrace === undefined) return;
      const op = operationOf(args.document, args.operationName);
      requestTrace.startOperation(op.name, op.type);
      return {
        onExecuteDone({ result }) {
          const errors = isSingleResult(result) ? result.errors : undefined;
          requestTrace.endOperation(
            errors !== undefined && errors.length > 0 ? firstErrorCode(errors) : undefined,
          );
        },
      };
    },
  };
}
