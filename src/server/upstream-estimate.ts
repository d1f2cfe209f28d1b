/**
 * The upstream-call estimator of the budget's pre-check: walks an operation (fragments,
 * `@skip`/`@include`, variables) and adds up the Qualys calls its fields declare
 * (`extensions.upstreamCost` and `extensions.upstreamLookup`, see
 * `src/schema/support/upstream-cost.ts`), counting calls the way the loaders make them: per item
 * for what has no batch endpoint (a job `GET`, runs and result summaries per job or run), per
 * batch for the rest, both platforms when a platform may be unknown, and no lookup for fields the
 * source payload already carries (a job list's names, statuses, schedules).
 *
 * Two figures come out: `minimum`, with lists no argument sizes counted as empty (what the
 * operation is certain to make; only this refuses an operation), and `calls`, with such lists
 * counted as {@link ASSUMED_LIST_SIZE} items (shown as `extensions.upstream.estimated`).
 * `test/server/upstream-budget.test.ts` checks `calls` against the calls made by every operation
 * in `schema/operations/`. The plugin is `plugins/use-upstream-budget.ts`.
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { QUALYS_LIMITS } from '../qualys/api.js';
import {
  ceilDiv,
  FIELD_COST_KEY,
  type FieldCost,
  type FieldEstimate,
  type Origin,
  type Slot,
  TYPE_LOOKUP_KEY,
  type TypeLookup,
} from '../schema/support/upstream-cost.js';
import { operationAndFragments } from './operation-result.js';

/** Items assumed in a list whose size the query does not fix. */
export const ASSUMED_LIST_SIZE = 20;

/** The objects at one point of the query, by concrete type name. */
type Level = Map<string, Slot>;

/** The estimate of one operation. */
export interface UpstreamEstimate {
  /**
   * Estimated upstream calls, lists whose size the query does not fix counted as
   * {@link ASSUMED_LIST_SIZE} items: an upper bound for such lists (shown as
   * `extensions.upstream.estimated`).
   */
  calls: number;
  /**
   * The calls the operation makes at the least if its lists are as long as its arguments allow
   * (`first`, id lists, representations), lists of unknown size counted as empty. Only an
   * operation whose `minimum` is over the budget is refused before it runs; every other one runs
   * under the run-time budget.
   */
  minimum: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  listSize: number;
}

function included(w: Walk, node: SelectionNode): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, w.variables);
  if (skip?.['if'] === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, w.variables);
  return include?.['if'] !== false;
}

function conditionMatches(w: Walk, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (condition === undefined || condition === type.name) return true;
  const conditionType = w.schema.getType(condition);
  return (
    conditionType !== undefined && isAbstractType(conditionType) && w.schema.isSubType(conditionType, type)
  );
}

/** The field nodes of `set` that apply to objects of `type` (fragments and @skip/@include resolved). */
function collectFields(
  w: Walk,
  set: SelectionSetNode,
  type: GraphQLObjectType,
  into: FieldNode[] = [],
): FieldNode[] {
  for (const sel of set.selections) {
    if (!included(w, sel)) continue;
    if (sel.kind === Kind.FIELD) into.push(sel);
    else if (sel.kind === Kind.INLINE_FRAGMENT) {
      if (conditionMatches(w, sel.typeCondition?.name.value, type))
        collectFields(w, sel.selectionSet, type, into);
    } else {
      const fragment = w.fragments.get(sel.name.value);
      if (fragment && conditionMatches(w, fragment.typeCondition.name.value, type)) {
        collectFields(w, fragment.selectionSet, type, into);
      }
    }
  }
  return into;
}

/** The concrete types a field's value may have. */
function concreteTypes(w: Walk, type: GraphQLNamedType): readonly GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return w.schema.getPossibleTypes(type);
  return [];
}

/** `_entities(representations:)`: the lookups by `__typename` and the objects they yield. */
function estimateEntities(w: Walk, args: Record<string, unknown>): { calls: number; level: Level } {
  const reps = Array.isArray(args['representations']) ? (args['representations'] as unknown[]) : [];
  const byType = new Map<string, { byAssetId: number; other: number }>();
  for (const rep of reps) {
    if (typeof rep !== 'object' || rep === null) continue;
    const r = rep as Record<string, unknown>;
    const typename = typeof r['__typename'] === 'string' ? r['__typename'] : '';
    const entry = byType.get(typename) ?? { byAssetId: 0, other: 0 };
    if (typename === 'Asset' && r['id'] === undefined && r['assetId'] !== undefined) entry.byAssetId += 1;
    else entry.other += 1;
    byType.set(typename, entry);
  }
  let calls = 0;
  const level: Level = new Map();
  for (const [typename, { byAssetId, other }] of byType) {
    const type = w.schema.getType(typename);
    const lookup = isObjectType(type) ? typeLookup(type) : undefined;
    if (!lookup) continue;
    // Asset by assetId: one mapping call per 1,000; the mapping answers id and assetId.
    calls += ceilDiv(byAssetId, QUALYS_LIMITS.assetIdsPerMapping) + lookup.lookup(other);
    level.set(typename, { count: byAssetId + other, origin: other > 0 ? 'full' : 'mapped' });
  }
  return { calls, level };
}

/** The lookup of a type (`extensions.upstreamLookup`), if it has one. */
function typeLookup(type: GraphQLObjectType): TypeLookup | undefined {
  return type.extensions[TYPE_LOOKUP_KEY] as TypeLookup | undefined;
}

/** The cost facts of a field (`extensions.upstreamCost`), if it has any. */
function fieldCost(field: GraphQLField<unknown, unknown>): FieldCost | undefined {
  return field.extensions[FIELD_COST_KEY] as FieldCost | undefined;
}

/** True when reading `fields` of objects with this origin needs the type's lookup. */
function needsLookup(type: GraphQLObjectType, origin: Origin, fields: readonly FieldNode[]): boolean {
  if (origin === 'full' || typeLookup(type) === undefined) return false;
  const fieldMap = type.getFields();
  return fields.some((node) => {
    const name = node.name.value;
    if (name === '__typename') return false;
    const field = Object.hasOwn(fieldMap, name) ? fieldMap[name] : undefined;
    const carried = field === undefined ? undefined : fieldCost(field)?.carriedBy;
    return !(carried === 'all' || carried?.includes(origin));
  });
}

function walkSet(w: Walk, set: SelectionSetNode, level: Level): number {
  let calls = 0;
  for (const [typeName, slot] of level) {
    const type = w.schema.getType(typeName);
    if (!isObjectType(type) || slot.count <= 0) continue;
    const fields = collectFields(w, set, type);
    if (needsLookup(type, slot.origin, fields)) calls += typeLookup(type)?.lookup(slot.count) ?? 0;
    for (const node of fields) calls += walkField(w, type, slot, node);
  }
  return calls;
}

function walkField(w: Walk, parent: GraphQLObjectType, slot: Slot, node: FieldNode): number {
  const name = node.name.value;
  const fieldMap = parent.getFields();
  const field: GraphQLField<unknown, unknown> | undefined = Object.hasOwn(fieldMap, name)
    ? fieldMap[name]
    : undefined;
  if (!field) return 0;
  const args = getArgumentValues(field, node, w.variables);
  if (parent.name === 'Query' && name === '_entities') {
    const { calls, level } = estimateEntities(w, args);
    return calls + (node.selectionSet ? walkSet(w, node.selectionSet, level) : 0);
  }
  const listSize = slot.size ?? w.listSize;
  const rule = fieldCost(field)?.rule;
  const isList = isListType(getNullableType(field.type));
  const estimate: FieldEstimate = rule
    ? rule(slot, args, listSize)
    : { calls: 0, count: isList ? slot.count * listSize : slot.count, origin: slot.origin };
  if (!node.selectionSet) return estimate.calls;
  const level: Level = new Map();
  for (const t of concreteTypes(w, getNamedType(field.type))) {
    level.set(t.name, { count: estimate.count, origin: estimate.origin, size: estimate.size });
  }
  return estimate.calls + walkSet(w, node.selectionSet, level);
}

/** The variables could not be coerced: execution reports it with graphql-js's own message. */
export class VariableCoercionFailure {
  constructor(readonly error: GraphQLError) {}
}

/**
 * Estimates the upstream calls of `operationName` in `document` (or its only operation) with
 * raw `variables` (coerced here, defaults applied). Subscriptions and unknown operations count 0.
 * Call it on a document that passed validation.
 * @returns the estimate, or a {@link VariableCoercionFailure} when the variables do not coerce.
 * @throws only on a defect of the estimator itself (the plugin then refuses the operation).
 */
export function estimateUpstreamCalls(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  listSize: number = ASSUMED_LIST_SIZE,
): UpstreamEstimate | VariableCoercionFailure {
  const { operation, fragments } = operationAndFragments(document, operationName);
  if (!operation) return { calls: 0, minimum: 0 };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return new VariableCoercionFailure(coerced.errors[0] as GraphQLError);
  const root = schema.getRootType(operation.operation);
  if (!root) return { calls: 0, minimum: 0 };
  const walk = (size: number): number => {
    const w: Walk = { schema, fragments, variables: coerced.coerced, listSize: size };
    const level: Level = new Map([[root.name, { count: 1, origin: 'full' }]]);
    const calls = walkSet(w, (operation as OperationDefinitionNode).selectionSet, level);
    return Number.isFinite(calls) ? calls : Number.MAX_SAFE_INTEGER;
  };
  return { calls: walk(listSize), minimum: walk(0) };
}
