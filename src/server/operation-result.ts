/**
 * Small readers shared by the plugins that look at an operation and its result (metrics,
 * tracing, `extensions.upstream`, the response cache): which operation a document runs, the
 * code of a result's first error, and whether a result is a single response (not a stream).
 */
import { type DocumentNode, type GraphQLError, getOperationAST } from 'graphql';

/** An operation's name and type, as metrics labels and span names use them. */
export interface OperationInfo {
  /** The operation's name; `anonymous` when it has none. */
  name: string;
  /** `query`, `mutation`, `subscription`, or `unknown` when the document has no such operation. */
  type: string;
}

/** The operation `operationName` (or the only one) of `document`: its name and type. */
export function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationInfo {
  const op = getOperationAST(document, operationName ?? undefined);
  return { name: op?.name?.value ?? 'anonymous', type: op?.operation ?? 'unknown' };
}

/**
 * The code of a GraphQL error: its `extensions.code`, else its original error's `code` (a
 * `QualysError`'s `QUALYS_*`), else `undefined`. Unchecked: callers bound it for labels.
 */
export function errorCodeOf(error: GraphQLError | undefined): string | undefined {
  const code = error?.extensions?.['code'] ?? (error?.originalError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True for a single execution result (an object that is not an async iterable stream). */
export function isSingleResult(
  value: unknown,
): value is { errors?: readonly GraphQLError[]; extensions?: Record<string, unknown> } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(Symbol.asyncIterator in value)
  );
}
