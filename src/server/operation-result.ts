/**
 * Small readers shared by the plugins that look at an operation and its result (metrics,
 * tracing, `extensions.upstream`, the response cache): which operation a document runs, the
 * code of a result's first error, and whether a result is a single response (not a stream).
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';

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
 * The operation `operationName` (or the first one) of `document` and the document's fragments by
 * name (a `Map`: names come from the caller's document). `operation` is `undefined` when the
 * document has no such operation.
 */
export function operationAndFragments(
  document: DocumentNode,
  operationName: string | null | undefined,
): { operation: OperationDefinitionNode | undefined; fragments: Map<string, FragmentDefinitionNode> } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION) {
      if (operationName ? def.name?.value === operationName : operation === undefined) operation = def;
    }
  }
  return { operation, fragments };
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
