/**
 * The upstream-call budget: before an operation executes, estimate how many Qualys calls it can
 * make from its shape (which selected fields need which upstream loads) and its list sizes
 * (`first`, id lists, `_entities` representations), and refuse it when the estimate is over the
 * budget — with `UPSTREAM_BUDGET_EXCEEDED` and zero upstream calls. graphql-armor's static cost
 * knows nothing about Qualys; this estimate counts calls the way the loaders make them:
 *
 * - per-item calls multiply by the number of parents (`GET /pm/v1/deploymentjob/{id}/runs` and
 *   the result summary per job or run, a full job `GET` per job that needs one);
 * - batched lookups divide by their batch size and count both platforms when the platform may be
 *   unknown (assets 400 per page, catalog patches 1,000, asset-id mappings 1,000, QIDs 1,000,
 *   job lists 100 asset UUIDs);
 * - a lookup is counted only when a selected field is not already carried by the payload the
 *   object came from (a job list entry carries job names, statuses, schedules, asset names).
 *
 * Lists whose size the query does not fix (a job's assets, its runs, a result's assets, the
 * patches of an asset) are assumed to hold {@link ASSUMED_LIST_SIZE} items. The estimate is
 * meant as an upper bound for such lists (the loaders also deduplicate ids across the request);
 * `test/server/upstream-budget.test.ts` checks it against the calls actually made for every
 * operation in `schema/operations/`.
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
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
import type { Plugin } from 'graphql-yoga';
import { ASSET_UUIDS_PER_JOB_QUERY } from '../loaders/index.js';
import { QUALYS_LIMITS } from '../qualys/api.js';
import { operationAndFragments } from './operation-result.js';

/** Items assumed in a list whose size the query does not fix. */
export const ASSUMED_LIST_SIZE = 20;

/** Default budget: upstream calls one operation may be estimated to make (`QUERY_MAX_UPSTREAM_CALLS`). */
export const DEFAULT_MAX_UPSTREAM_CALLS = 1000;

/**
 * Where an object's data came from, which decides what it can answer without a lookup:
 * `full` the complete record (a `GET` by id, a catalog or asset page); `list` a job-list entry
 * (`GET /pm/v1/deploymentjobs`) or what a job list says about an asset or patch; `linkable` an
 * "available to link" entry; `result` an asset as a job result describes it; `mapped` an asset
 * from the id mapping; `ref` only the id.
 */
type Origin = 'full' | 'list' | 'linkable' | 'result' | 'mapped' | 'ref';

/** Objects of one concrete type at one point of the query. */
interface Slot {
  /** How many objects (summed over all parents). */
  count: number;
  origin: Origin;
  /** Items per parent of the list fields directly below (a connection's `first`); else assumed. */
  size?: number | undefined;
}

/** The objects at one point of the query, by concrete type name. */
type Level = Map<string, Slot>;

const ceilDiv = (n: number, d: number): number => (n <= 0 ? 0 : Math.ceil(n / d));

/** Fields a job-list entry carries (the `list:` sources of src/schema/job.ts, patch-job.ts). */
const JOB_LIST_FIELDS = [
  'id',
  'name',
  'platform',
  'type',
  'status',
  'statusLabel',
  'schedule',
  'assets',
  'exclusionAssets',
  'assetTags',
  'assetTagMatch',
  'matchAllTags',
  'exclusionTags',
  'exclusionTagMatch',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'coAuthors',
  'readOnly',
  'completionPercent',
  'applicableAssetCount',
  'assetCount',
  'assetResultReceivedCount',
  'taggedAssetCount',
  'totalAssetCount',
  'approvedPatches',
  'disabledPatches',
  'linkedJob',
  'patchCount',
  'patchQql',
  'usesPatchQql',
];

/** Fields that make their own calls whatever the job holds (runs, results): never a job lookup. */
const JOB_OWN_CALL_FIELDS = ['runs', 'latestResult', 'result'];

/**
 * Per entity type: the fields each origin answers without a lookup (`'*'` = all), and the calls
 * to look up `n` objects of the type.
 */
const ENTITIES: ReadonlyMap<
  string,
  { free: Partial<Record<Origin, readonly string[] | '*'>>; lookup: (n: number) => number }
> = new Map(
  Object.entries({
    PatchJob: {
      free: {
        full: '*',
        list: [...JOB_LIST_FIELDS, ...JOB_OWN_CALL_FIELDS],
        linkable: [
          'id',
          'name',
          'type',
          'status',
          'statusLabel',
          'createdBy',
          'createdAt',
          ...JOB_OWN_CALL_FIELDS,
        ],
        ref: ['id', ...JOB_OWN_CALL_FIELDS],
      },
      // GET /pm/v1/deploymentjob/{id}: no batch endpoint.
      lookup: (n) => n,
    },
    MitigationJob: {
      free: { full: '*', list: JOB_LIST_FIELDS, ref: ['id'] },
      // GET /mtg/v1/deploymentjob/{id}.
      lookup: (n) => n,
    },
    Asset: {
      free: {
        full: '*',
        list: ['id', 'name', 'platform', 'patchJobs'],
        result: ['id', 'name', 'operatingSystem', 'tags', 'interfaces', 'platform', 'patchJobs'],
        mapped: ['id', 'assetId', 'patchJobs'],
        ref: ['id', 'patchJobs'],
      },
      // POST /pm/v1/assets pages, per platform when the platform may be unknown.
      lookup: (n) => 2 * ceilDiv(n, QUALYS_LIMITS.assetsPerPage),
    },
    Patch: {
      free: { full: '*', list: ['id', 'title'], ref: ['id'] },
      // POST /pm/v1/patchcatalog/patches, per platform when the platform may be unknown.
      lookup: (n) => 2 * ceilDiv(n, QUALYS_LIMITS.patchUuidsPerCatalogCall),
    },
    Vulnerability: {
      free: { full: '*', ref: ['qid'] },
      // POST /pm/v1/vulnerabilities.
      lookup: (n: number) => ceilDiv(n, QUALYS_LIMITS.qidsPerCall),
    },
  }),
);

/** What a field costs and what it returns, for `slot.count` parents. */
interface FieldEstimate {
  calls: number;
  count: number;
  origin: Origin;
  size?: number | undefined;
}

type FieldRule = (slot: Slot, args: Record<string, unknown>, listSize: number) => FieldEstimate;

const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
const len = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

/** An offset-paged root list: one page, two when `after` may not fall on a page boundary. */
const offsetPage =
  (origin: Origin): FieldRule =>
  (_slot, args) => ({
    calls: args['after'] ? 2 : 1,
    count: 1,
    origin,
    size: num(args['first'], 20),
  });

/** A root lookup by id: one call, two when the platform is unknown. */
const byIdOnPlatforms: FieldRule = (_slot, args) => ({
  calls: args['platform'] ? 1 : 2,
  count: 1,
  origin: 'full',
});
const oneCall: FieldRule = () => ({ calls: 1, count: 1, origin: 'full' });
/** One call per parent (runs, result summaries). */
const perParent: FieldRule = (slot) => ({ calls: slot.count, count: slot.count, origin: 'full' });
/** A list of ids of another entity: no call here; the child's fields decide its lookup. */
const refList =
  (fromList: Origin): FieldRule =>
  (slot, _args, listSize) => ({
    calls: 0,
    count: slot.count * listSize,
    origin: slot.origin === 'list' ? fromList : 'ref',
  });
const refOne: FieldRule = (slot) => ({ calls: 0, count: slot.count, origin: 'ref' });
/** A mutation payload's job: the answer of the write is the full job. */
const payloadJob: FieldRule = (slot) => ({ calls: 0, count: slot.count, origin: 'full' });

const PATCH_LISTS_OF_RESULT = [
  'installedPatches',
  'failedPatches',
  'notApplicablePatches',
  'supersededPatches',
  'successPatches',
];

/**
 * Field rules by `Type.field`; fields without one cost nothing and keep their parent's origin.
 * A `Map`: field and type names come from the caller's document.
 */
const RULES: ReadonlyMap<string, FieldRule> = new Map(
  Object.entries<FieldRule>({
    'Query.patchJobs': offsetPage('list'),
    'Query.linkablePatchJobs': offsetPage('linkable'),
    // The patch list primes the catalog loader: its patches are full.
    'Query.patches': offsetPage('full'),
    'Query.assets': (_slot, args) => ({ calls: 1, count: 1, origin: 'full', size: num(args['first'], 50) }),
    'Query.assetsByAssetId': (_slot, args) => ({
      calls: ceilDiv(len(args['assetIds']), QUALYS_LIMITS.assetIdsPerMapping),
      count: 1,
      origin: 'mapped',
      size: len(args['assetIds']),
    }),
    'Query.asset': byIdOnPlatforms,
    'Query.patch': byIdOnPlatforms,
    'Query.patchJob': oneCall,
    'Query.mitigationJob': oneCall,
    'Query.jobResult': oneCall,
    'PatchJob.runs': (slot, _args, listSize) => ({
      calls: slot.count,
      count: slot.count * listSize,
      origin: 'full',
    }),
    'PatchJob.latestResult': perParent,
    'PatchJob.result': perParent,
    'JobRun.result': perParent,
    'PatchJob.assets': refList('list'),
    'PatchJob.exclusionAssets': refList('ref'),
    'MitigationJob.assets': refList('list'),
    'MitigationJob.exclusionAssets': refList('ref'),
    'PatchJob.approvedPatches': refList('list'),
    'PatchJob.disabledPatches': refList('ref'),
    'PatchJob.linkedJob': refOne,
    'JobResult.job': refOne,
    'AssetJobResult.asset': (slot) => ({ calls: 0, count: slot.count, origin: 'result' }),
    ...Object.fromEntries(PATCH_LISTS_OF_RESULT.map((f) => [`AssetJobResult.${f}`, refList('ref')])),
    'AssetIdMapping.mapped': (slot) => ({ calls: 0, count: slot.count * (slot.size ?? 0), origin: 'mapped' }),
    // GET /pm/v1/deploymentjobs per 100 asset UUIDs per platform; the jobs are list entries.
    'Asset.patchJobs': (slot, _args, listSize) => ({
      calls: 2 * ceilDiv(slot.count, ASSET_UUIDS_PER_JOB_QUERY),
      count: slot.count * listSize,
      origin: 'list',
    }),
    'Asset.installedPatches': refList('ref'),
    'Asset.missingPatches': refList('ref'),
    'Patch.supersedes': refList('ref'),
    'Patch.supersededBy': refList('ref'),
    'Patch.vulnerabilities': refList('ref'),
    'MitigationJob.vulnerabilities': refList('ref'),
    'MitigationAction.vulnerability': refOne,
    // Mutations: the write itself; updates read the current job first (read-merge-write).
    'Mutation.createPatchJob': oneCall,
    'Mutation.createMitigationJob': oneCall,
    'Mutation.updatePatchJob': (slot) => ({ calls: 2, count: slot.count, origin: 'full' }),
    'Mutation.updateMitigationJob': (slot) => ({ calls: 2, count: slot.count, origin: 'full' }),
    'Mutation.setPatchJobsStatus': oneCall,
    'Mutation.setMitigationJobsStatus': oneCall,
    'Mutation.deletePatchJobs': oneCall,
    'CreatePatchJobPayload.job': payloadJob,
    'CreateMitigationJobPayload.job': payloadJob,
    'UpdatePatchJobPayload.job': payloadJob,
    'UpdateMitigationJobPayload.job': payloadJob,
  }),
);

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
function estimateEntities(args: Record<string, unknown>): { calls: number; level: Level } {
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
    const entity = ENTITIES.get(typename);
    if (!entity) continue;
    // Asset by assetId: one mapping call per 1,000; the mapping answers id and assetId.
    calls += ceilDiv(byAssetId, QUALYS_LIMITS.assetIdsPerMapping) + entity.lookup(other);
    level.set(typename, { count: byAssetId + other, origin: other > 0 ? 'full' : 'mapped' });
  }
  return { calls, level };
}

function needsLookup(typeName: string, origin: Origin, fields: readonly FieldNode[]): boolean {
  const entity = ENTITIES.get(typeName);
  if (!entity) return false;
  const free = (Object.hasOwn(entity.free, origin) ? entity.free[origin] : undefined) ?? ['id'];
  if (free === '*') return false;
  return fields.some((f) => f.name.value !== '__typename' && !free.includes(f.name.value));
}

function walkSet(w: Walk, set: SelectionSetNode, level: Level): number {
  let calls = 0;
  for (const [typeName, slot] of level) {
    const type = w.schema.getType(typeName);
    if (!isObjectType(type) || slot.count <= 0) continue;
    const fields = collectFields(w, set, type);
    if (needsLookup(typeName, slot.origin, fields)) calls += ENTITIES.get(typeName)?.lookup(slot.count) ?? 0;
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
    const { calls, level } = estimateEntities(args);
    return calls + (node.selectionSet ? walkSet(w, node.selectionSet, level) : 0);
  }
  const listSize = slot.size ?? w.listSize;
  const rule = RULES.get(`${parent.name}.${name}`);
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

/** Options of {@link useUpstreamBudget}. */
export interface UpstreamBudgetOptions {
  /** The budget: Qualys calls one operation may make (`QUERY_MAX_UPSTREAM_CALLS`). */
  maxCalls: number;
  /** Where a defect of the estimator is reported (the operation is refused). Default: nowhere. */
  onEstimatorError?: ((error: unknown) => void) | undefined;
  /** The estimator. Default {@link estimateUpstreamCalls}; tests give a failing one. */
  estimate?: typeof estimateUpstreamCalls | undefined;
}

/**
 * The Yoga plugin: the pre-check of the upstream-call budget. Before each operation executes it
 * estimates the operation's calls, records the estimate on the context (`upstreamEstimate`,
 * shown as `extensions.upstream.estimated`), and refuses only an operation certain to exceed
 * `maxCalls` (its {@link UpstreamEstimate.minimum}) with one error, HTTP 400,
 * `extensions.code` `UPSTREAM_BUDGET_EXCEEDED`, `extensions.estimatedCalls` and
 * `extensions.maxCalls`: nothing runs, so nothing is sent upstream. Every other operation runs,
 * and the Qualys session's `maxCalls` enforces the budget as the calls are made. An estimator
 * defect refuses the operation too (`INTERNAL_SERVER_ERROR`), never waves it through.
 */
export function useUpstreamBudget(options: UpstreamBudgetOptions): Plugin<{ upstreamEstimate?: number }> {
  const refuse = (message: string, extensions: Record<string, unknown>) => ({
    errors: [new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } })],
  });
  const estimator = options.estimate ?? estimateUpstreamCalls;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let estimate: UpstreamEstimate | VariableCoercionFailure;
      try {
        estimate = estimator(args.schema, args.document, args.operationName, args.variableValues);
      } catch (error) {
        options.onEstimatorError?.(error);
        setResultAndStopExecution(
          refuse(
            'The gateway could not check this operation against its upstream-call budget, so it was not run.',
            { code: 'INTERNAL_SERVER_ERROR' },
          ),
        );
        return;
      }
      // Variables that do not coerce: execution reports them with graphql-js's own message.
      if (estimate instanceof VariableCoercionFailure) return;
      args.contextValue.upstreamEstimate = estimate.calls;
      if (estimate.minimum <= options.maxCalls) return;
      setResultAndStopExecution(
        refuse(
          `This operation would make at least ${estimate.minimum} Qualys calls for the sizes its arguments ask ` +
            `for; the limit is ${options.maxCalls}. Ask for fewer items (first, ids) or fewer nested lists, ` +
            'or split it into several operations.',
          { code: 'UPSTREAM_BUDGET_EXCEEDED', estimatedCalls: estimate.minimum, maxCalls: options.maxCalls },
        ),
      );
    },
  };
}
