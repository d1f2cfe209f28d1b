/**
 * `useResponseCache(options)`: Yoga's response cache (`@graphql-yoga/plugin-response-cache`) set
 * up for the gateway. Query results are cached per caller identity (the idempotency scope:
 * `service`, `service:<API key name>`, or `token:<SHA-256 of the forwarded JWT>`; never the raw
 * token), so one caller's data is never served to another. A request without an identity
 * (`anonymous`: no service credentials and no bearer token) is never cached.
 *
 * - TTL per type ({@link DEFAULT_RESPONSE_CACHE_TTL_PER_TYPE_MS}): the patch catalog and
 *   vulnerabilities 10 min, assets 1 min, jobs, runs and results 15 s; a result holding several
 *   types lives as long as its shortest one; a result with none of them lives `defaultTtlMs`.
 * - Only complete results are cached: a result with any error (partial data included) is not.
 * - Mutations invalidate what they changed ({@link JOB_MUTATION_INVALIDATIONS}): updates and
 *   status changes every cached result holding one of the jobs named in the arguments, creates
 *   and deletes every cached result holding a job of that kind (lists change). Invalidation
 *   crosses identities: with service credentials all callers see the same subscription.
 * - A hit is answered before parsing, validation and execution: no upstream call, and
 *   `extensions.upstream` reports `{ calls: 0, byEndpoint: {} }`. Responses carry
 *   `extensions.responseCache` (`{ hit, didCache, ttl }`; mutations `invalidatedEntities`).
 * - Stores: {@link createMemoryResponseCacheStore} (one replica) or
 *   {@link createRedisResponseCacheStore} (shared by replicas). Store failures are reported to
 *   `onStoreError` and answered as a miss; they never fail a request.
 */
import { createHash } from 'node:crypto';
import { createRedisCache } from '@envelop/response-cache-redis';
import {
  type Cache,
  createInMemoryCache,
  hashSHA256,
  useResponseCache as useYogaResponseCache,
} from '@graphql-yoga/plugin-response-cache';
import { type ExecutionResult, type GraphQLSchema, getArgumentValues, getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { isSingleResult } from '../operation-result.js';

/** Where cached results live: Yoga's response-cache `Cache` interface. */
export type ResponseCacheStore = Cache;

/** One cache entity: a type, or one object of it (`typename` + `id`). */
export interface ResponseCacheEntity {
  readonly typename: string;
  readonly id?: string | number;
}

/** Default TTL of a result holding none of the typed entities, in ms: 15 s. */
export const DEFAULT_RESPONSE_CACHE_TTL_MS = 15_000;

/**
 * TTL per GraphQL type, in ms. The catalog (`Patch`, `Vulnerability`) changes with Qualys'
 * content updates, hours apart: 10 min. `Asset` (agent check-ins): 1 min. Jobs, runs and
 * results (`PatchJob`, `MitigationJob`, `JobRun`, `JobResult`) change while a job runs: 15 s.
 */
export const DEFAULT_RESPONSE_CACHE_TTL_PER_TYPE_MS: Readonly<Record<string, number>> = {
  Patch: 600_000,
  Vulnerability: 600_000,
  Asset: 60_000,
  PatchJob: 15_000,
  MitigationJob: 15_000,
  JobRun: 15_000,
  JobResult: 15_000,
};

/**
 * What each job mutation invalidates: the job type, and `ids` (the argument naming the jobs it
 * changed) or `type` (every cached result holding a job of that type: a create or delete
 * changes lists whose cached pages do not hold the job). test/server/response-cache.test.ts
 * checks every `Mutation` field is listed.
 */
export const JOB_MUTATION_INVALIDATIONS: Readonly<
  Record<string, { readonly typename: string; readonly by: 'type' | { readonly argument: string } }>
> = {
  createPatchJob: { typename: 'PatchJob', by: 'type' },
  createMitigationJob: { typename: 'MitigationJob', by: 'type' },
  deletePatchJobs: { typename: 'PatchJob', by: 'type' },
  updatePatchJob: { typename: 'PatchJob', by: { argument: 'id' } },
  updateMitigationJob: { typename: 'MitigationJob', by: { argument: 'id' } },
  setPatchJobsStatus: { typename: 'PatchJob', by: { argument: 'ids' } },
  setMitigationJobsStatus: { typename: 'MitigationJob', by: { argument: 'ids' } },
};

/** Options of {@link useResponseCache}. */
export interface ResponseCacheOptions {
  /** The store: {@link createMemoryResponseCacheStore} or {@link createRedisResponseCacheStore}. */
  store: ResponseCacheStore;
  /** TTL of a result holding none of the typed entities, in ms. Default 15,000. */
  defaultTtlMs?: number | undefined;
  /** TTL per GraphQL type in ms, merged over {@link DEFAULT_RESPONSE_CACHE_TTL_PER_TYPE_MS}. */
  ttlPerTypeMs?: Readonly<Record<string, number>> | undefined;
  /** Called once per cacheable query response: `true` on a hit, `false` on a miss (for metrics). */
  onCacheResult?: ((hit: boolean) => void) | undefined;
  /** Called when the store fails (`get` answered as a miss; `set`/`invalidate` skipped). */
  onStoreError?: ((error: unknown, operation: 'get' | 'set' | 'invalidate') => void) | undefined;
  /**
   * Forwarded-token mode: how long Qualys' acceptance of a token lets the cache answer it, in ms
   * (`RESPONSE_CACHE_TOKEN_CHECK_MS`; see `token-validity.ts`). Default 60,000.
   */
  tokenCheckWindowMs?: number | undefined;
}

/** {@link ResponseCacheOptions} plus the request's caller identity, given by the gateway. */
export interface ResponseCachePluginOptions extends ResponseCacheOptions {
  /**
   * The caller identity of a request (from the request and Yoga's server context), or
   * `undefined` when the request must not be cached.
   */
  identify: (request: Request, serverContext: object) => string | undefined;
  /**
   * Whether a cached result may be served to `identity` now (checked on every read, the 304 of
   * an `If-None-Match` included); a `false` is a miss. Default: always.
   */
  canRead?: ((identity: string) => boolean) | undefined;
}

/**
 * An in-memory store (one replica): an LRU of at most `maxEntries` results (default 1,000),
 * each dropped at its TTL.
 */
export function createMemoryResponseCacheStore(options: { maxEntries?: number } = {}): ResponseCacheStore {
  return createInMemoryCache({ max: options.maxEntries ?? 1000 });
}

/**
 * A Redis store (`@envelop/response-cache-redis`), shared by replicas: results under their
 * cache key with a `PX` TTL, entity sets (`PatchJob`, `PatchJob:<id>`) naming the results that
 * hold them. Use a Redis database of its own: keys are not prefixed, and invalidating a whole
 * type runs `KEYS <type>:*`.
 */
export function createRedisResponseCacheStore(redis: Redis): ResponseCacheStore {
  return createRedisCache({ redis }) as ResponseCacheStore;
}

/**
 * Wraps a store: stores only `data` (and Yoga's `extensions.http` validators), never this
 * request's `extensions.upstream` or metadata, as a copy; lets a `get` wait for this replica's
 * own pending writes and invalidations (read-your-writes); turns store failures into misses.
 */
function guardStore(
  store: ResponseCacheStore,
  onStoreError: ResponseCacheOptions['onStoreError'],
  mayRead: (key: string) => boolean,
): ResponseCacheStore {
  const pending = new Set<Promise<unknown>>();
  const track = (operation: 'set' | 'invalidate', run: () => unknown): Promise<void> => {
    const p = Promise.resolve()
      .then(run)
      .then(
        () => undefined,
        (error: unknown) => onStoreError?.(error, operation),
      )
      .finally(() => pending.delete(p));
    pending.add(p);
    return p;
  };
  return {
    async get(key) {
      if (!mayRead(key)) return null;
      if (pending.size > 0) await Promise.all(pending);
      try {
        return (await store.get(key)) ?? null;
      } catch (error) {
        onStoreError?.(error, 'get');
        return null;
      }
    },
    set(key, result, entities, ttl) {
      const http = (result.extensions as { http?: unknown } | undefined)?.http;
      const copy = JSON.parse(
        JSON.stringify({ data: result.data, ...(http === undefined ? {} : { extensions: { http } }) }),
      ) as ExecutionResult;
      const collected = [...entities];
      return track('set', () => store.set(key, copy, collected, ttl));
    },
    invalidate(entities) {
      const collected = [...entities];
      return track('invalidate', () => store.invalidate(collected));
    },
  };
}

/** The entities a job mutation's top-level fields changed (see {@link JOB_MUTATION_INVALIDATIONS}). */
function changedEntities(args: {
  document: Parameters<typeof getOperationAST>[0];
  operationName?: string | null | undefined;
  schema: GraphQLSchema;
  variableValues?: Record<string, unknown> | null | undefined;
}): ResponseCacheEntity[] {
  const operation = getOperationAST(args.document, args.operationName);
  const mutationType = args.schema.getMutationType();
  if (operation?.operation !== 'mutation' || !mutationType) return [];
  const entities: ResponseCacheEntity[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const rule = JOB_MUTATION_INVALIDATIONS[selection.name.value];
    const field = mutationType.getFields()[selection.name.value];
    if (rule === undefined || field === undefined) continue;
    if (rule.by === 'type') {
      entities.push({ typename: rule.typename });
      continue;
    }
    const value = getArgumentValues(field, selection, args.variableValues ?? {})[rule.by.argument];
    const ids = Array.isArray(value) ? value : [value];
    for (const id of ids) {
      if (typeof id === 'string' || typeof id === 'number') entities.push({ typename: rule.typename, id });
    }
  }
  return entities;
}

/**
 * The public tag of a caller identity that prefixes its cache keys (and so its ETags): 16 hex
 * characters of SHA-256 of the identity. An `If-None-Match` is honoured only when it carries the
 * requester's own tag, so one caller cannot learn from a 304 whether another ran a query.
 */
export function identityTag(identity: string): string {
  return createHash('sha256').update(`response-cache:${identity}`).digest('hex').slice(0, 16);
}

/** The plugin (see the module comment). */
export function useResponseCache(options: ResponseCachePluginOptions): Plugin {
  const { identify, onCacheResult, canRead } = options;
  // The identity behind each tag seen lately (keys carry the tag, reads are checked by identity).
  const identities = new Map<string, string>();
  const remember = (identity: string): string => {
    const tag = identityTag(identity);
    identities.delete(tag);
    identities.set(tag, identity);
    if (identities.size > 10_000) {
      const oldest = identities.keys().next().value;
      if (oldest !== undefined) identities.delete(oldest);
    }
    return tag;
  };
  const mayRead = (key: string): boolean => {
    if (canRead === undefined) return true;
    const identity = identities.get(key.slice(0, key.indexOf('.')));
    return identity !== undefined && canRead(identity);
  };
  const store = guardStore(options.store, options.onStoreError, mayRead);
  return {
    // Runs before the response cache's own `onRequest` (added right after this plugin): an ETag
    // issued to another identity, or not issued at all, is dropped before it can be matched.
    onRequest({ request, serverContext }) {
      const etag = request.headers.get('if-none-match');
      if (etag === null) return;
      const identity = identify(request, serverContext);
      if (identity === undefined || !etag.startsWith(`${remember(identity)}.`)) {
        request.headers.delete('if-none-match');
      }
    },
    onPluginInit({ addPlugin }) {
      addPlugin(
        useYogaResponseCache<object>({
          cache: store,
          // Keys (and ETags) start with the identity's tag; the rest is the plugin's own key.
          buildResponseCacheKey: async ({ documentString, variableValues, operationName, sessionId }) =>
            `${remember(sessionId ?? '')}.${await hashSHA256(
              [
                documentString,
                operationName ?? '',
                JSON.stringify(variableValues || {}),
                sessionId ?? '',
              ].join('|'),
            )}`,
          session: (request, context) => identify(request, context) ?? null,
          enabled: (request, context) => identify(request, context) !== undefined,
          ttl: options.defaultTtlMs ?? DEFAULT_RESPONSE_CACHE_TTL_MS,
          // Type names are schema coordinates too (the plugin's `ttlPerType` is deprecated).
          ttlPerSchemaCoordinate: { ...DEFAULT_RESPONSE_CACHE_TTL_PER_TYPE_MS, ...options.ttlPerTypeMs },
          invalidateViaMutation: true,
          includeExtensionMetadata: true,
          // Complete results only: errors, partial data included, are never cached.
          shouldCacheResult: ({ result }) =>
            (result.errors === undefined || result.errors.length === 0) && result.data != null,
        }),
      );
      // Added after the cache, so its execute hook runs inside the cache's: jobs named by a
      // mutation's arguments (bulk results are not job entities) are invalidated and awaited
      // before the response is sent.
      addPlugin({
        onExecute({ args }) {
          const entities = changedEntities(args);
          if (entities.length === 0) return;
          return { onExecuteDone: () => store.invalidate(entities) };
        },
      });
    },
    onResultProcess({ result }) {
      if (onCacheResult === undefined || !isSingleResult(result)) return;
      const hit = (result.extensions?.['responseCache'] as { hit?: unknown } | undefined)?.hit;
      if (typeof hit === 'boolean') onCacheResult(hit);
    },
  };
}
