/**
 * Apollo Federation v2: the subgraph schema the gateway serves (the graph plus `_service` and
 * `_entities`), the public schema printed to `schema/schema.graphql` (the same graph without
 * the federation internals), and the helpers the entity types' `resolveReference`s share.
 *
 * Entities (`@key`s) are declared next to their types (`asset.ts`, `patch.ts`, `patch-job.ts`,
 * `mitigation-job.ts`, `vulnerability.ts`) with `builder.asEntity`; each `resolveReference`
 * loads through the per-request loaders, so the representations of one `_entities` call batch
 * like the fields of any other query (docs/architecture.md §3.3).
 */
import {
  type GraphQLArgumentConfig,
  GraphQLError,
  type GraphQLFieldConfig,
  type GraphQLFieldResolver,
  GraphQLList,
  type GraphQLNamedType,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLUnionType,
  getNamedType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { z } from 'zod';
import { builder, type GatewayContext } from '../../builder.js';
import { qualysIdSchema } from './validation.js';

/**
 * The federation spec the subgraph links (`extend schema @link(url: ...)`). v2.6: the subgraph
 * uses only `@key` (federation 2.0), so the lowest common version keeps it composable by older
 * routers; @apollo/subgraph 2.14 knows up to v2.14, but @theguild/federation-composition (and
 * so Hive Gateway) only up to v2.9.
 */
export const FEDERATION_LINK_URL = 'https://specs.apollo.dev/federation/v2.6';

/**
 * The federation directives the subgraph uses, imported by its `@link`. Listed rather than
 * detected because detection builds the whole schema a second time; a type or field that starts
 * using another one (`@shareable`, ...) must add it here (a schema test checks the list).
 */
export const FEDERATION_DIRECTIVES: readonly string[] = ['@key'];

/** The federation types `toSubGraphSchema` adds, left out of the public schema. */
const FEDERATION_TYPE_NAMES = new Set(['_Any', '_Entity', '_Service']);

/** The federation root fields `toSubGraphSchema` adds, left out of the public schema. */
const FEDERATION_QUERY_FIELDS = new Set(['_entities', '_service']);

/** True for a type federation adds (`_Any`, `_Entity`, `_Service`, `link__*`). */
function isFederationType(type: GraphQLNamedType): boolean {
  return FEDERATION_TYPE_NAMES.has(type.name) || type.name.startsWith('link__');
}

/**
 * The `NOT_FOUND` error of a representation that names no existing entity: `_entities` answers
 * `null` at its index with this error, and the other representations are unaffected.
 */
export function entityNotFound(typename: string, key: string): GraphQLError {
  return new GraphQLError(`No ${typename} with ${key}`, { extensions: { code: 'NOT_FOUND' } });
}

/** The `BAD_USER_INPUT` error of a representation that is not one of this subgraph's keys. */
function badRepresentation(message: string): GraphQLError {
  return new GraphQLError(`Invalid entity representation: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** An integer key field: a JSON number, or digits (gateways pass key values through as sent). */
const integerKeySchema = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d{1,15}$/)
    .transform(Number),
]);

/** Reads a key field with `schema`; `undefined` when absent, `BAD_USER_INPUT` when malformed. */
function keyField<T>(
  representation: object,
  typename: string,
  field: string,
  schema: z.ZodType<T, unknown>,
  expected: string,
): T | undefined {
  const raw: unknown = (representation as Record<string, unknown>)[field];
  if (raw === undefined || raw === null) return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw badRepresentation(`${typename}.${field} must be ${expected}, got ${JSON.stringify(raw)}`);
  }
  return parsed.data;
}

/**
 * Reads a UUID key field (`id`) of a representation: letters, digits and hyphens, as the root
 * fields accept. Returns `undefined` when the representation lacks it.
 *
 * @throws GraphQLError `BAD_USER_INPUT` when present but not a Qualys UUID.
 */
export function uuidKeyField(representation: object, typename: string, field: string): string | undefined {
  return keyField(representation, typename, field, qualysIdSchema, 'a Qualys UUID');
}

/**
 * Reads an integer key field (`assetId`, `qid`) of a representation: a JSON integer or a digit
 * string. Returns `undefined` when the representation lacks it.
 *
 * @throws GraphQLError `BAD_USER_INPUT` when present but not an integer.
 */
export function intKeyField(representation: object, typename: string, field: string): number | undefined {
  return keyField(representation, typename, field, integerKeySchema, 'an integer');
}

/**
 * Returns the key value read by {@link uuidKeyField} / {@link intKeyField}.
 *
 * @throws GraphQLError `BAD_USER_INPUT` when it is `undefined` (the representation has none of
 *   the type's key fields).
 */
export function requireKey<T>(value: T | undefined, typename: string, fields: readonly string[]): T {
  if (value === undefined) {
    throw badRepresentation(
      `a ${typename} representation needs ${fields.map((f) => `\`${f}\``).join(' or ')}`,
    );
  }
  return value;
}

/** The `resolveReference` the federation plugin stores on an entity type's extensions. */
type ResolveReference = (
  representation: object,
  context: GatewayContext,
  info: GraphQLResolveInfo,
) => unknown;

function resolveReferenceOf(type: GraphQLObjectType): ResolveReference | undefined {
  const extensions = type.extensions as { apollo?: { subgraph?: { resolveReference?: ResolveReference } } };
  return extensions.apollo?.subgraph?.resolveReference;
}

/**
 * Resolves one representation through its type's `resolveReference`. Runs synchronously up to
 * the first loader call, so every representation of a request enqueues its key before the
 * loaders dispatch (one batch per loader). A failure (unknown typename, malformed key, not
 * found, upstream error) rejects this representation only.
 */
async function resolveRepresentation(
  representation: unknown,
  entityTypes: ReadonlyMap<string, GraphQLObjectType>,
  context: GatewayContext,
  info: GraphQLResolveInfo,
): Promise<object | null> {
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
    throw badRepresentation('a representation must be an object with `__typename`');
  }
  const typename: unknown = (representation as Record<string, unknown>)['__typename'];
  if (typeof typename !== 'string') throw badRepresentation('a representation needs a `__typename` string');
  const type = entityTypes.get(typename);
  const resolveReference = type ? resolveReferenceOf(type) : undefined;
  if (!resolveReference) {
    throw badRepresentation(
      `\`${typename}\` is not an entity of this subgraph (entities: ${[...entityTypes.keys()].join(', ')})`,
    );
  }
  const value = await resolveReference(representation, context, info);
  if (value === null || value === undefined) return null;
  // A copy tagged for the `_Entity` union's default type resolver; loader-cached objects stay as they are.
  return { ...(value as object), __typename: typename };
}

/**
 * Rebuilds the plugin's subgraph schema with (1) an `_entities` resolver that resolves every
 * representation on its own, all started in the same tick: the plugin's resolver (from
 * @apollo/subgraph) already starts each `resolveReference` without awaiting the previous one,
 * but throws for the whole field on one unknown `__typename`; (2) descriptions on the federation
 * types and fields, for GraphiQL. Everything else (types, resolvers, `_service`) is reused.
 */
function withPerRepresentationEntities(subgraph: GraphQLSchema): GraphQLSchema {
  const query = subgraph.getQueryType();
  const queryConfig = query?.toConfig();
  const entitiesConfig = queryConfig?.fields['_entities'];
  const serviceConfig = queryConfig?.fields['_service'];
  const oldEntity = entitiesConfig ? getNamedType(entitiesConfig.type) : undefined;
  const oldAny = entitiesConfig?.args?.['representations']
    ? getNamedType(entitiesConfig.args['representations'].type)
    : undefined;
  const oldService = serviceConfig ? getNamedType(serviceConfig.type) : undefined;
  if (
    !query ||
    !queryConfig ||
    !entitiesConfig ||
    !serviceConfig ||
    !isUnionType(oldEntity) ||
    !isScalarType(oldAny) ||
    !isObjectType(oldService)
  ) {
    throw new Error('toSubGraphSchema did not add `_entities(representations: [_Any!]!)` and `_service`');
  }

  const entityTypes = new Map(oldEntity.getTypes().map((t) => [t.name, t]));
  const entity = new GraphQLUnionType({
    ...oldEntity.toConfig(),
    description: `Every type of this subgraph with a resolvable \`@key\`: ${[...entityTypes.keys()].join(', ')}.`,
  });
  const any = new GraphQLScalarType({
    ...oldAny.toConfig(),
    description:
      'An entity representation: `__typename` plus the fields of one of its `@key`s, e.g. ' +
      '`{"__typename": "Asset", "assetId": 40000001}`.',
  });
  const service = new GraphQLObjectType({
    ...oldService.toConfig(),
    description: 'What this subgraph tells a federation router about itself.',
  });

  const resolveEntities: GraphQLFieldResolver<unknown, GatewayContext, { representations: unknown[] }> = (
    _root,
    args,
    context,
    info,
  ) => args.representations.map((r) => resolveRepresentation(r, entityTypes, context, info));
  const representationsArg: GraphQLArgumentConfig = {
    type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(any))),
    description: 'The entities to resolve, as representations (`__typename` plus key fields).',
  };
  const entities: GraphQLFieldConfig<unknown, GatewayContext, { representations: unknown[] }> = {
    ...(entitiesConfig as GraphQLFieldConfig<unknown, GatewayContext, { representations: unknown[] }>),
    type: new GraphQLNonNull(new GraphQLList(entity)),
    args: { representations: representationsArg },
    description:
      'Federation: the entities of the given representations, in the same order. Each is resolved through the ' +
      'same batched loaders as the rest of the graph (1,000 `Asset` representations by `assetId` make one ' +
      'mapping call). A representation that names no entity is `null` with its own error (`NOT_FOUND`, or ' +
      '`BAD_USER_INPUT` for an unknown `__typename` or a malformed key) at `["_entities", index]`.',
    resolve: resolveEntities as GraphQLFieldResolver<unknown, GatewayContext>,
  };
  const newQuery = new GraphQLObjectType({
    ...queryConfig,
    fields: {
      ...queryConfig.fields,
      _entities: entities as GraphQLFieldConfig<unknown, unknown>,
      _service: {
        ...serviceConfig,
        type: new GraphQLNonNull(service),
        description:
          "Federation: this subgraph's SDL with its federation directives (`schema/subgraph.graphql`).",
      },
    },
  });

  const replaced = new Map<GraphQLNamedType, GraphQLNamedType>([
    [query, newQuery],
    [oldEntity, entity],
    [oldAny, any],
    [oldService, service],
  ]);
  const config = subgraph.toConfig();
  return new GraphQLSchema({
    ...config,
    query: newQuery,
    types: config.types.map((t) => replaced.get(t) ?? t),
  });
}

/**
 * Builds the subgraph schema the gateway serves: every type of `src/schema/` plus `_service {
 * sdl }` and `_entities(representations:)` (Apollo Federation v2, {@link FEDERATION_LINK_URL},
 * importing `@key`), sorted. Call once, after every type file has been imported.
 */
export function buildSubgraphSchema(): GraphQLSchema {
  return withPerRepresentationEntities(
    builder.toSubGraphSchema({
      linkUrl: FEDERATION_LINK_URL,
      federationDirectives: [...FEDERATION_DIRECTIVES],
    }),
  );
}

/**
 * The public schema of a subgraph schema: the same types and resolvers without the federation
 * internals (`_entities`, `_service`, `_Any`, `_Entity`, `_Service`, `link__*`). It is what
 * `schema/schema.graphql` prints; `@key`s live in the types' extensions only, so printing it
 * with `printSchema` shows no federation directive.
 */
export function publicSchemaOf(subgraph: GraphQLSchema): GraphQLSchema {
  const query = subgraph.getQueryType();
  if (!query) throw new Error('the subgraph schema has no Query type');
  const queryConfig = query.toConfig();
  const publicQuery = new GraphQLObjectType({
    ...queryConfig,
    fields: Object.fromEntries(
      Object.entries(queryConfig.fields).filter(([name]) => !FEDERATION_QUERY_FIELDS.has(name)),
    ),
  });
  const config = subgraph.toConfig();
  return new GraphQLSchema({
    ...config,
    query: publicQuery,
    types: config.types.filter((t) => t !== query && !isFederationType(t)).concat(publicQuery),
  });
}
