/**
 * The nullability rule of the graph, checked against the whole schema: a field that may need an
 * upstream call is nullable, so a failed call nulls that field only (with its error) and never
 * propagates to the object, list item or connection node above it.
 *
 * Each case selects every field of a root field's type a few levels deep (generated from the
 * schema, so new fields are covered), answers once with no failure to learn which upstream
 * methods the operation calls, then fails each of those methods in turn (all but the root call)
 * and, last, every call but the root one.
 */
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  type GraphQLCompositeType,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import type { QualysApi } from '../../src/qualys/api.js';
import { QualysHttpError } from '../../src/qualys/errors.js';
import {
  QualysAssetSchema,
  QualysDeploymentJobSchema,
  QualysPatchSchema,
} from '../../src/qualys/schemas/index.js';
import { schema } from '../../src/schema/index.js';
import { createFakeQualysApi, type FakeData, type FakeQualysApi } from '../loaders/fake-qualys-api.js';
import {
  catalogPatch,
  dashboardData,
  fullJobWire,
  jobDetailData,
  linkableJobs,
  MTG_JOB_ID,
  mitigationData,
  uuid,
} from './fixtures.js';
import { contextFor } from './helpers.js';

/** Arguments for fields with required arguments (a field missing here fails the test). */
const REQUIRED_ARGS: Readonly<Record<string, string>> = {
  'PatchJob.result': '(jobInstanceId: 1)',
};

/** A selection of every field of `type`, composite fields `depth` levels deep. */
function selectAll(type: GraphQLCompositeType, depth: number): string {
  if (isAbstractType(type)) {
    const fragments = schema.getPossibleTypes(type).map((t) => `... on ${t.name} ${selectAll(t, depth)}`);
    return `{ __typename ${fragments.join(' ')} }`;
  }
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    const key = `${type.name}.${field.name}`;
    const needsArgs = field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    if (needsArgs && REQUIRED_ARGS[key] === undefined) throw new Error(`add arguments for ${key}`);
    const call = `${field.name}${REQUIRED_ARGS[key] ?? ''}`;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(call);
    else if (depth > 0) parts.push(`${call} ${selectAll(named, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** The selection of every field of the named type. */
function selectAllOf(typeName: string, depth: number): string {
  const type = schema.getType(typeName);
  if (!isCompositeType(type)) throw new Error(`no object type ${typeName}`);
  return selectAll(type, depth);
}

/**
 * Asserts no null propagated: every error's path leads through non-null values to a null, so the
 * failed field (and only it) is null.
 */
function expectNullsOnlyAtErrorPaths(result: ExecutionResult): void {
  for (const error of result.errors ?? []) {
    const path = error.path ?? [];
    let value: unknown = result.data;
    for (const [i, key] of path.entries()) {
      expect(value, `null propagated above ${path.slice(0, i + 1).join('.')} (${error.message})`).toBeTypeOf(
        'object',
      );
      expect(value).not.toBeNull();
      value = (value as Record<string | number, unknown>)[key];
    }
    expect(value, `${path.join('.')} should be null`).toBeNull();
    expect((error.originalError as { code?: unknown } | undefined)?.code).toMatch(/^QUALYS_/);
  }
}

/** Full jobs (GET by id) for the given job ids, so loads of listed jobs can succeed. */
function fullJobs(ids: readonly string[]) {
  return ids.map((id) =>
    QualysDeploymentJobSchema.parse(
      fullJobWire(id, { assetIds: [uuid('a55e7', 0)], approvedPatches: [uuid('9a7c4', 0)], patchCount: 1 }),
    ),
  );
}

interface Case {
  readonly name: string;
  readonly data: () => FakeData;
  readonly operation: string;
  readonly variables?: Record<string, unknown>;
}

const DEPTH = 3;
const dashboardJobs = [0, 1].map((j) => uuid('10b', j));
const windowsAssets = [0, 1, 10, 11].map((n) =>
  QualysAssetSchema.parse({
    id: uuid('a55e7', n),
    name: `host-${n}`,
    platform: 'Windows',
    installedPatches: [uuid('9a7c4', n)],
    missingPatches: [{ id: uuid('9a7c4', n + 1), title: 'missing' }],
    tags: [{ id: uuid('7a9', n), name: null }],
  }),
);

const CASES: readonly Case[] = [
  {
    name: 'patchJobs (job-list entries)',
    data: () => ({
      ...dashboardData(2),
      jobs: fullJobs(dashboardJobs),
      assets: { Windows: windowsAssets },
      runs: Object.fromEntries(dashboardJobs.map((id) => [id, []])),
    }),
    operation: `{ patchJobs(platform: WINDOWS, first: 2) { nodes ${selectAllOf('PatchJob', DEPTH)} } }`,
  },
  {
    name: 'linkablePatchJobs (linkable entries)',
    data: () => ({
      linkableJobs: { Windows: linkableJobs(2) },
      jobs: fullJobs([0, 1].map((i) => uuid('1171c', i))),
    }),
    operation: `{ linkablePatchJobs(platform: WINDOWS, first: 2) { nodes ${selectAllOf('PatchJob', DEPTH)} } }`,
  },
  {
    name: 'patchJob (full job, bare linked job)',
    data: jobDetailData,
    operation: `query($id: ID!) { patchJob(id: $id) ${selectAllOf('PatchJob', DEPTH)} }`,
    variables: { id: uuid('10b', 900) },
  },
  {
    name: 'jobResult (job known by id and name only)',
    data: jobDetailData,
    operation: `query($id: ID!) { jobResult(jobId: $id) ${selectAllOf('JobResult', DEPTH)} }`,
    variables: { id: uuid('10b', 900) },
  },
  {
    name: 'mitigationJob',
    data: mitigationData,
    operation: `query($id: ID!) { mitigationJob(id: $id) ${selectAllOf('MitigationJob', DEPTH)} }`,
    variables: { id: MTG_JOB_ID },
  },
  {
    name: 'patches (patch-list records)',
    data: () => ({
      patchList: {
        Windows: [0, 1].map((n) =>
          QualysPatchSchema.parse({
            id: uuid('9a7c4', n),
            platform: 'Windows',
            title: `p${n}`,
            qid: ['90007'],
            supersedes: [uuid('9a7c4', 5)],
          }),
        ),
      },
      catalog: { Windows: [catalogPatch(uuid('9a7c4', 5), 'Windows', { supersededBy: [uuid('9a7c4', 0)] })] },
      vulnerabilities: mitigationData().vulnerabilities ?? [],
    }),
    operation: `{ patches(platform: WINDOWS, first: 2) { nodes ${selectAllOf('Patch', DEPTH)} } }`,
  },
  {
    name: 'patch (catalog record, unknown-platform links)',
    data: () => ({
      catalog: {
        Windows: [
          catalogPatch(uuid('9a7c4', 0), 'Windows', { supersedes: [uuid('9a7c4', 1)] }),
          catalogPatch(uuid('9a7c4', 1), 'Windows', { supersedes: [uuid('9a7c4', 2)] }),
        ],
      },
    }),
    operation: `query($id: ID!) { patch(id: $id, platform: WINDOWS) ${selectAllOf('Patch', DEPTH)} }`,
    variables: { id: uuid('9a7c4', 0) },
  },
  {
    name: 'assets (asset-list records)',
    data: () => ({ assets: { Windows: windowsAssets } }),
    operation: `{ assets(platform: WINDOWS, first: 2) { nodes ${selectAllOf('Asset', DEPTH)} } }`,
  },
  {
    name: 'assetsByAssetId (assets of unknown platform)',
    data: () => ({
      assetUuids: new Map([
        [1, uuid('a55e7', 0)],
        [2, uuid('a55e7', 1)],
      ]),
      assets: { Windows: windowsAssets },
    }),
    operation: `{ assetsByAssetId(assetIds: [1, 2, 3]) ${selectAllOf('AssetIdMapping', DEPTH)} }`,
  },
  {
    name: '_entities (federation: assets by assetId and by id, platform unknown)',
    data: () => ({
      assetUuids: new Map([[1, uuid('a55e7', 0)]]),
      assets: { Windows: windowsAssets },
    }),
    operation: `query($representations: [_Any!]!) {
      _entities(representations: $representations) { __typename ... on Asset ${selectAllOf('Asset', DEPTH)} }
      _service { sdl }
    }`,
    variables: {
      representations: [
        { __typename: 'Asset', assetId: 1 },
        { __typename: 'Asset', id: uuid('a55e7', 1) },
      ],
    },
  },
];

/** Executes a parsed, validated operation over `fake` with a fresh request context. */
async function executeOver(fake: FakeQualysApi, document: DocumentNode, c: Case): Promise<ExecutionResult> {
  return execute({
    schema,
    document,
    contextValue: contextFor(fake),
    ...(c.variables ? { variableValues: c.variables } : {}),
  });
}

describe('null propagation', () => {
  it.each(CASES)(
    '$name: a failed upstream call nulls only the field that needed it',
    { timeout: 30_000 },
    async (c) => {
      // Parsed and validated once: validating the generated operations costs more than running them.
      const document = parse(c.operation);
      expect(validate(schema, document)).toEqual([]);
      const baseline = createFakeQualysApi(c.data());
      expectNullsOnlyAtErrorPaths(await executeOver(baseline, document, c));
      const [rootCall] = baseline.calls;
      const methods = [...new Set(baseline.calls.map((call) => call.method))];
      const failures: (keyof QualysApi | 'every call')[] = [...methods, 'every call'];

      for (const failing of failures) {
        const fake = createFakeQualysApi(c.data());
        fake.failWhen((call) =>
          call !== fake.calls[0] && (failing === 'every call' || call.method === failing)
            ? new QualysHttpError('Qualys answered 502', { endpoint: 'x', status: 502 })
            : undefined,
        );
        const result = await executeOver(fake, document, c);
        expect(fake.calls[0]?.method, failing).toBe(rootCall?.method);
        const root = Object.values(result.data ?? {})[0];
        expect(root, `${c.name} with ${failing} failing`).toBeTypeOf('object');
        expect(root).not.toBeNull();
        expectNullsOnlyAtErrorPaths(result);
        if (failing === 'every call' && baseline.calls.length > 1) {
          expect(result.errors?.length).toBeGreaterThan(0);
        }
      }
    },
  );

  it('the generated operations select every object type of the graph', () => {
    const selected = new Set<string>();
    const typeInfo = new TypeInfo(schema);
    for (const c of CASES) {
      visit(
        parse(c.operation),
        visitWithTypeInfo(typeInfo, {
          Field: () => {
            const parent = typeInfo.getParentType();
            if (parent) selected.add(parent.name);
          },
        }),
      );
    }
    // The read graph: object types reachable from Query (mutation payloads are covered by
    // test/schema/mutations.test.ts, "mutation payload null propagation").
    const reachable = new Set<string>();
    const queue: GraphQLCompositeType[] = [schema.getQueryType() as GraphQLCompositeType];
    while (queue.length > 0) {
      const type = queue.pop() as GraphQLCompositeType;
      if (reachable.has(type.name)) continue;
      reachable.add(type.name);
      if (isAbstractType(type)) {
        queue.push(...schema.getPossibleTypes(type));
        continue;
      }
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (isCompositeType(named)) queue.push(named);
      }
    }
    const composite = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .map((t) => t.name)
      .filter((name) => reachable.has(name))
      .filter((name) => !name.startsWith('__') && !/(Connection|Edge)$/.test(name) && name !== 'PageInfo');
    expect(composite.filter((name) => !selected.has(name))).toEqual([]);
  });
});
