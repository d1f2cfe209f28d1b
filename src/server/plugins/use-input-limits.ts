/**
 * `useInputLimits()`: a length bound on every string a caller can send towards Qualys. Before an
 * operation executes, every `String` and `ID` value of its arguments (literals and variables,
 * inside input objects and lists, at any depth) and every string inside `_entities`
 * representations is measured against {@link maxStringChars}; one value over its bound refuses
 * the operation with `BAD_USER_INPUT` (HTTP 400) and no upstream call. The error names the
 * argument and the bound, never the value.
 *
 * The bounds are by the argument's or input field's name, in the vocabulary the schema uses
 * throughout (so a new `filter` argument gets the QQL bound without being listed):
 * - QQL (`filter`, `query`, `havingQuery`, `qql`): {@link MAX_QQL_CHARS} (4,096): a QQL
 *   expression goes into a URL or a body, and a longer one is no query a person writes;
 * - `name`: {@link MAX_NAME_CHARS} (256); `description`, `message`, `title`:
 *   {@link MAX_TEXT_CHARS} (2,048);
 * - `after` cursors: {@link MAX_CURSOR_CHARS} (5,480, an asset `searchAfter` cursor at most);
 * - any other `ID`: {@link MAX_ID_CHARS} (128; Qualys UUIDs are 36), any other `String`:
 *   {@link MAX_STRING_CHARS} (1,024).
 * Field-level validation (UUID shapes, idempotency keys, time zones) still applies on top.
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getArgumentValues,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  isScalarType,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { operationAndFragments } from '../operation-result.js';

/** Longest QQL expression (`filter`, `query`, `havingQuery`, `qql`), in characters. */
export const MAX_QQL_CHARS = 4096;
/** Longest job name, in characters. */
export const MAX_NAME_CHARS = 256;
/** Longest free text (`description`, `message`, `title`), in characters. */
export const MAX_TEXT_CHARS = 2048;
/** Longest `after` cursor, in characters. */
export const MAX_CURSOR_CHARS = 5480;
/** Longest value of any other `ID` argument or field, in characters. */
export const MAX_ID_CHARS = 128;
/** Longest value of any other `String` argument or field, in characters. */
export const MAX_STRING_CHARS = 1024;

const BY_NAME: ReadonlyMap<string, number> = new Map([
  ['filter', MAX_QQL_CHARS],
  ['query', MAX_QQL_CHARS],
  ['havingQuery', MAX_QQL_CHARS],
  ['qql', MAX_QQL_CHARS],
  ['name', MAX_NAME_CHARS],
  ['description', MAX_TEXT_CHARS],
  ['message', MAX_TEXT_CHARS],
  ['title', MAX_TEXT_CHARS],
  ['after', MAX_CURSOR_CHARS],
]);

/**
 * The bound of a string value named `name` (an argument or input field) of scalar `scalar`
 * (`String`, `ID`, or `_Any` inside a representation), in characters.
 */
export function maxStringChars(name: string, scalar: string): number {
  return BY_NAME.get(name) ?? (scalar === 'ID' || name === 'id' ? MAX_ID_CHARS : MAX_STRING_CHARS);
}

/** Deepest nesting inside one `_entities` representation that is measured (deeper is refused). */
const MAX_REPRESENTATION_DEPTH = 8;

/** A value over its bound: where, and the bound. */
interface Violation {
  readonly where: string;
  readonly max: number;
  readonly length: number;
  /** True when the value nests deeper than `max` levels (an `_entities` representation). */
  readonly depth?: true;
}

/** Measures an untyped JSON value (`_Any`): every string, keys included. */
function measureJson(value: unknown, name: string, where: string, depth: number): Violation | undefined {
  if (typeof value === 'string') {
    const max = maxStringChars(name, '_Any');
    return value.length > max ? { where, max, length: value.length } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > MAX_REPRESENTATION_DEPTH)
    return { where, max: MAX_REPRESENTATION_DEPTH, length: depth, depth: true };
  if (Array.isArray(value)) {
    for (const item of value) {
      const v = measureJson(item, name, where, depth + 1);
      if (v) return v;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.length > MAX_STRING_CHARS)
      return { where: `${where} (a key)`, max: MAX_STRING_CHARS, length: key.length };
    const v = measureJson(item, key, `${where}.${key.slice(0, 64)}`, depth + 1);
    if (v) return v;
  }
  return undefined;
}

/** Measures a coerced argument or input-field value of `type`. */
function measure(value: unknown, type: GraphQLInputType, name: string, where: string): Violation | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return measure(value, nullable.ofType, name, where);
    for (const item of value) {
      const v = measure(item, nullable.ofType, name, where);
      if (v) return v;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (field === undefined) continue;
      const v = measure(item, field.type, key, `${nullable.name}.${key}`);
      if (v) return v;
    }
    return undefined;
  }
  if (isScalarType(nullable)) {
    if (nullable.name === '_Any') return measureJson(value, name, where, 0);
    if (typeof value !== 'string') return undefined;
    const max = maxStringChars(name, nullable.name);
    return value.length > max ? { where, max, length: value.length } : undefined;
  }
  return undefined;
}

/** The fragments an operation uses, transitively. */
function usedFragments(
  operation: OperationDefinitionNode,
  all: ReadonlyMap<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const seen = new Map<string, FragmentDefinitionNode>();
  const queue: Array<OperationDefinitionNode | FragmentDefinitionNode> = [operation];
  while (queue.length > 0) {
    const node = queue.pop() as OperationDefinitionNode | FragmentDefinitionNode;
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = all.get(name);
        if (fragment !== undefined && !seen.has(name)) {
          seen.set(name, fragment);
          queue.push(fragment);
        }
      },
    });
  }
  return [...seen.values()];
}

/**
 * The first string of the operation's arguments over its bound, or `undefined`. Variables that
 * do not coerce are left to execution (it reports them); so is an unknown operation.
 */
export function findOversizedInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): Violation | undefined {
  const { operation, fragments } = operationAndFragments(document, operationName);
  if (operation === undefined) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return undefined;
  let found: Violation | undefined;
  const typeInfo = new TypeInfo(schema);
  for (const node of [operation, ...usedFragments(operation, fragments)]) {
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          if (found) return false;
          const def = typeInfo.getFieldDef();
          const parent = typeInfo.getParentType();
          if (!def || !parent || (field.arguments ?? []).length === 0) return undefined;
          let args: Record<string, unknown>;
          try {
            args = getArgumentValues(def, field, coerced.coerced);
          } catch {
            return undefined; // execution reports it
          }
          for (const arg of def.args) {
            const v = measure(args[arg.name], arg.type, arg.name, `${parent.name}.${def.name}(${arg.name}:)`);
            if (v) {
              found = v;
              return false;
            }
          }
          return undefined;
        },
      }),
    );
    if (found) break;
  }
  return found;
}

/** The plugin (see the module comment). Place it before the upstream-call budget. */
export function useInputLimits(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const violation = findOversizedInput(
        args.schema,
        args.document,
        args.operationName,
        args.variableValues,
      );
      if (violation === undefined) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            violation.depth
              ? `Invalid argument: ${violation.where} nests deeper than ${violation.max} levels.`
              : `Invalid argument: ${violation.where} is ${violation.length} characters long; at most ` +
                  `${violation.max} are accepted.`,
            { extensions: { code: 'BAD_USER_INPUT', maxLength: violation.max, http: { status: 400 } } },
          ),
        ],
      });
    },
  };
}
