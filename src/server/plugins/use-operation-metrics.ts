/**
 * `useOperationMetrics(metrics)`: feeds the gateway's Prometheus metrics (`../metrics.ts`) with
 * each operation: its execution time by name and type, and its failure at parse, validation or
 * execution.
 */
import type { Plugin } from 'graphql-yoga';
import type { GatewayMetrics } from '../metrics.js';
import { errorCodeOf, isSingleResult, operationOf } from '../operation-result.js';

/**
 * The plugin timing operations: execution time by operation name and type, and operations that
 * failed at parse, validation or execution (one count per operation, labelled with its first
 * error's code). Operations answered without executing (a response-cache hit) are not timed.
 */
export function useOperationMetrics(metrics: GatewayMetrics): Plugin {
  return {
    onParse() {
      return ({ result }) => {
        if (result instanceof Error) {
          metrics.recordOperationError({
            name: 'unknown',
            type: 'unknown',
            errorCode: 'GRAPHQL_PARSE_FAILED',
          });
        }
      };
    },
    onValidate({ params }) {
      return ({ valid, result }) => {
        if (valid) return;
        const op = operationOf(params.documentAST, undefined);
        // A validation error without a code of its own is GraphQL's, as Yoga reports it.
        metrics.recordOperationError({
          ...op,
          errorCode: errorCodeOf(result[0]) ?? 'GRAPHQL_VALIDATION_FAILED',
        });
      };
    },
    onExecute({ args }) {
      const started = performance.now();
      const op = operationOf(args.document, args.operationName);
      return {
        onExecuteDone({ result }) {
          if (!isSingleResult(result)) return;
          const errors = result.errors;
          metrics.recordOperation({
            ...op,
            durationMs: performance.now() - started,
            errorCode:
              errors !== undefined && errors.length > 0
                ? (errorCodeOf(errors[0]) ?? 'INTERNAL_SERVER_ERROR')
                : undefined,
          });
        },
      };
    },
  };
}
