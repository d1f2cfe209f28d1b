/**
 * `createGateway(deps)`: the GraphQL server (graphql-yoga) over the Qualys client. Builds a
 * per-request context — a Qualys session bound to the caller's credentials and abort signal,
 * and fresh loaders — so nothing one caller fetched is ever served to another (docs/architecture.md §3.3).
 * Opens no port: `src/main.ts` mounts the returned instance on a Node HTTP server, tests call
 * `yoga.fetch` directly.
 */
import type { Tracer } from '@opentelemetry/api';
import { createYoga, type YogaLogger, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { GatewayContext } from '../builder.js';
import { callerScope, createIdempotencyStore, type IdempotencyStore } from '../idempotency.js';
import { createLoaders } from '../loaders/index.js';
import type { QualysClient } from '../qualys/api.js';
import { schema } from '../schema/index.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT_MS } from './defaults.js';
import { maskGatewayError } from './errors.js';
import { yogaLoggerFrom } from './logger.js';
import { createGatewayMetrics, type GatewayMetrics } from './metrics.js';
import { useErrorLimit } from './plugins/use-error-limit.js';
import { useHttpHygiene } from './plugins/use-http-hygiene.js';
import { API_KEY_NAME_FIELD, type ApiKey, useInboundAuth } from './plugins/use-inbound-auth.js';
import { useInputLimits } from './plugins/use-input-limits.js';
import { useIntrospectionControl } from './plugins/use-introspection-control.js';
import { useOperationMetrics } from './plugins/use-operation-metrics.js';
import { useOperationTracing } from './plugins/use-operation-tracing.js';
import { useOperationsEndpoints } from './plugins/use-operations-endpoints.js';
import {
  DOCUMENT_ID_PARAM,
  type PersistedOperationsManifest,
  type PersistedOperationsMode,
  usePersistedOperations,
} from './plugins/use-persisted-operations.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits, useQueryLimits } from './plugins/use-query-limits.js';
import { useRequestLogging } from './plugins/use-request-logging.js';
import { type ResponseCacheOptions, useResponseCache } from './plugins/use-response-cache.js';
import { useUpstreamBudget } from './plugins/use-upstream-budget.js';
import {
  createUpstreamCounter,
  type UpstreamCounter,
  useUpstreamExtensions,
} from './plugins/use-upstream-extensions.js';
import { createTokenValidity } from './token-validity.js';
import { createRequestTrace, type RequestTrace } from './tracing.js';

/** Dependencies of {@link createGateway}. */
export interface GatewayDeps {
  /** The Qualys client (connection pool, token cache) shared by all requests. */
  client: QualysClient;
  /**
   * GraphiQL at the GraphQL endpoint: `false` to turn it off, or its options (the operation it
   * opens with, shown to new users). Default: on, empty editor.
   */
  graphiql?: false | { defaultQuery?: string; title?: string } | undefined;
  /**
   * Yoga's logging: `false` silences it (tests), a level keeps that level and above (Yoga's
   * console logger), or a Yoga logger. Ignored when `logger` is set (`src/main.ts`: pino JSON
   * lines, no stacks). Default `'info'`. Upstream failures are logged by Yoga when it masks them.
   */
  logging?: boolean | 'debug' | 'info' | 'warn' | 'error' | YogaLogger | undefined;
  /** Path of the GraphQL endpoint. Default `/graphql`. */
  graphqlEndpoint?: string | undefined;
  /**
   * Where the create mutations keep `idempotencyKey` outcomes. Default: a new in-memory store
   * (24 h, 10,000 entries) for this gateway.
   */
  idempotency?: IdempotencyStore | undefined;
  /**
   * The replica coordination (`REDIS_URL`), when there is one: `/readiness` says whether it is
   * up and `qualys_pm_gateway_coordination_up` tracks it. Default: none (one process alone).
   */
  coordination?: { isUp(): boolean } | undefined;
  /**
   * Time budget of one GraphQL request in ms, passed to its Qualys session as `deadline`: queued
   * or retried upstream calls stop with `QUALYS_ABORTED` once it has passed. Default 60,000.
   */
  requestTimeoutMs?: number | undefined;
  /**
   * Query limits checked before execution: graphql-armor's static ones and the upstream-call
   * budget (`useUpstreamBudget`); missing ones take `DEFAULT_QUERY_LIMITS`.
   */
  queryLimits?: Partial<QueryLimits> | undefined;
  /** Largest accepted request body in bytes; larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number | undefined;
  /**
   * Answer introspection queries. Default true; `false` rejects `__schema`, `__type` and the
   * federation SDL (`_service`) at validation and drops "Did you mean …?" suggestions from error
   * messages, except for requests authenticated with a key of `introspectionKeys`.
   */
  introspection?: boolean | undefined;
  /**
   * Names of `apiKeys` that may still introspect with `introspection: false` (a federation
   * router polling `_service { sdl }`, a schema registry). Default: none.
   */
  introspectionKeys?: readonly string[] | undefined;
  /**
   * Inbound auth (`useInboundAuth`): when non-empty, every request needs one of these keys
   * (`x-api-key` or `Authorization: ApiKey`), else 401. With service credentials the key's name
   * scopes idempotency keys (`service:<name>`). Default: none (open).
   */
  apiKeys?: readonly ApiKey[] | undefined;
  /**
   * Persisted operations (`usePersistedOperations`): `off` (default) accepts any document;
   * `allow` also runs manifest operations named by `documentId` or
   * `extensions.persistedQuery.sha256Hash`; `only` runs manifest operations alone (by id or exact
   * text), refusing anything else with `PERSISTED_QUERY_ONLY` / `PERSISTED_QUERY_NOT_FOUND` before
   * any upstream call. `manifest` defaults to `schema/persisted-operations.json`.
   */
  persistedOperations?:
    | { mode: PersistedOperationsMode; manifest?: PersistedOperationsManifest | undefined }
    | undefined;
  /**
   * Response cache (`useResponseCache`): query results cached per caller identity
   * ({@link requestCallerScope}), TTL per type, invalidated by the job mutations. Default: off.
   */
  responseCache?: ResponseCacheOptions | undefined;
  /**
   * Prometheus metrics served at `/metrics` (open, or behind `apiKeys` when set) and fed by the
   * gateway: operations, upstream calls, loader batches, governor gauges. Default: a new
   * {@link GatewayMetrics} of this gateway without the Node process metrics.
   */
  metrics?: GatewayMetrics | undefined;
  /**
   * Structured logger (pino, `createLogger`): when set, Yoga logs through it and every line of a
   * request carries its `reqId`, plus one `request completed` line per request. Takes precedence
   * over `logging`. Default: none (`logging` applies). The `x-request-id` header is echoed either way.
   */
  logger?: Logger | undefined;
  /**
   * OpenTelemetry tracing (`createTracing` in `tracing.ts`): one span per executed operation
   * and, under it, one span per HTTP attempt to Qualys (endpoint template and status; never
   * URLs, ids or tokens). Default: off (no spans).
   */
  tracing?: { tracer: Tracer } | undefined;
}

/** The per-request context: the schema's context plus the request's upstream call counter. */
export type GatewayServerContext = GatewayContext & {
  upstream: UpstreamCounter;
  /** The operation's estimated upstream calls, set by `useUpstreamBudget` before execution. */
  upstreamEstimate?: number;
  /** The request's spans, when tracing is on (`useOperationTracing`). */
  trace?: RequestTrace;
};

/** The API key name {@link useInboundAuth} recorded on the request's server context, if any. */
function keyNameOf(initial: object): string | undefined {
  const name = (initial as Record<string, unknown>)[API_KEY_NAME_FIELD];
  return typeof name === 'string' ? name : undefined;
}

/**
 * The caller identity of a request, as idempotency scopes it ({@link callerScope}): `service`,
 * `service:<API key name>` when `apiKeysEnabled` and the request authenticated with a key, or
 * `token:<SHA-256 of the forwarded bearer token>` (never the token), `anonymous` without one.
 * `serverContext` is Yoga's server context, where {@link useInboundAuth} leaves the key name.
 */
export function requestCallerScope(
  hasServiceCredentials: boolean,
  apiKeysEnabled: boolean,
  request: Request,
  serverContext: object,
): string {
  const bearerToken = hasServiceCredentials
    ? undefined
    : parseBearerToken(request.headers.get('authorization'));
  const scope = callerScope(hasServiceCredentials, bearerToken);
  const keyName = apiKeysEnabled ? keyNameOf(serverContext) : undefined;
  return hasServiceCredentials && keyName !== undefined ? `${scope}:${keyName}` : scope;
}

/** The Yoga server type returned by {@link createGateway}. */
export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayServerContext>;

/**
 * Extracts the JWT from an `Authorization: Bearer <jwt>` header value; `undefined` when the
 * header is absent or not a bearer credential. The token is never logged.
 */
export function parseBearerToken(header: string | null): string | undefined {
  if (header === null) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

/**
 * Creates the gateway. Caller credentials: with service credentials configured on the client,
 * those are used for every request; otherwise each request's `Authorization: Bearer <jwt>` is
 * forwarded to Qualys as is (docs/architecture.md §3.1). Errors are masked by {@link maskGatewayError}.
 */
export function createGateway(deps: GatewayDeps): Gateway {
  const { client } = deps;
  const maxUpstreamCalls = deps.queryLimits?.maxUpstreamCalls ?? DEFAULT_QUERY_LIMITS.maxUpstreamCalls;
  const idempotency = deps.idempotency ?? createIdempotencyStore();
  const requestTimeoutMs = deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const apiKeys = deps.apiKeys ?? [];
  const persisted = deps.persistedOperations;
  const metrics = deps.metrics ?? createGatewayMetrics({ nodeMetrics: false });
  // The caller identity, once per request (a SHA-256 of a forwarded token): the context and the
  // response cache's session and enable checks all ask for it. Inbound auth has set the key name
  // in `onRequest`, before any of them runs.
  const scopes = new WeakMap<Request, string>();
  const scopeOf = (request: Request, serverContext: object): string => {
    let scope = scopes.get(request);
    if (scope === undefined) {
      scope = requestCallerScope(client.hasServiceCredentials, apiKeys.length > 0, request, serverContext);
      scopes.set(request, scope);
    }
    return scope;
  };
  metrics.trackClient(client);
  if (deps.coordination !== undefined) metrics.trackCoordination(deps.coordination);
  // Forwarded tokens Qualys accepted recently: only those are answered from the response cache.
  const tokenValidity = createTokenValidity({ windowMs: deps.responseCache?.tokenCheckWindowMs });
  const forwardedToken = (request: Request): string | undefined =>
    client.hasServiceCredentials ? undefined : parseBearerToken(request.headers.get('authorization'));
  return createYoga<Record<string, unknown>, GatewayServerContext>({
    schema,
    // One operation per request (Yoga's default, stated): an array body is refused.
    batching: false,
    // The body limit is useHttpHygiene's (MAX_BODY_BYTES: Content-Length, or a bounded read of a
    // chunked body). Yoga's own 25 MB limit would pipe every request body through a web stream
    // and end each request with an AbortController.abort (a DOMException with a stack).
    maxRequestBodySize: false,
    ...(persisted === undefined || persisted.mode === 'off' ? {} : { extraParamNames: [DOCUMENT_ID_PARAM] }),
    plugins: [
      // Before auth: every line has the request id; /health and /readiness need no key.
      useRequestLogging({ logger: deps.logger }),
      useOperationsEndpoints({ client, metrics, apiKeys, coordination: deps.coordination }),
      // First: an unauthenticated request is refused before its body is read.
      ...(apiKeys.length > 0
        ? [useInboundAuth({ apiKeys, allowGraphiQLPage: deps.graphiql !== false })]
        : []),
      useHttpHygiene({ maxBodyBytes: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES }),
      // Before parsing: a document outside the allow-list is refused unparsed, with no upstream call.
      ...(persisted === undefined || persisted.mode === 'off'
        ? []
        : usePersistedOperations({ mode: persisted.mode, manifest: persisted.manifest })),
      ...useQueryLimits(deps.queryLimits),
      ...(deps.introspection === false
        ? [useIntrospectionControl(new Set(deps.introspectionKeys ?? []))]
        : []),
      // Bounds a response's errors before Yoga masks, logs and serialises them (one failed call
      // can error thousands of fields).
      useErrorLimit(),
      useOperationMetrics(metrics),
      ...(deps.tracing === undefined ? [] : [useOperationTracing()]),
      useUpstreamExtensions(),
      // After useUpstreamExtensions, so a refused operation still gets `extensions.upstream`.
      useInputLimits(),
      useUpstreamBudget({
        maxCalls: maxUpstreamCalls,
        onEstimatorError: (error) =>
          deps.logger?.error({ err: error }, 'the upstream-call estimator failed; the operation was refused'),
      }),
      // Last: an operation the budget refuses never reaches the cache.
      ...(deps.responseCache === undefined
        ? []
        : [
            useResponseCache({
              ...deps.responseCache,
              onCacheResult: (hit) => {
                metrics.recordCache(hit);
                deps.responseCache?.onCacheResult?.(hit);
              },
              identify: (request, serverContext) => {
                const scope = scopeOf(request, serverContext);
                return scope === 'anonymous' ? undefined : scope;
              },
              // A forwarded token is served cached data only while Qualys is known to accept it.
              canRead: (identity) => !identity.startsWith('token:') || tokenValidity.isKnownValid(identity),
            }),
          ]),
    ],
    graphqlEndpoint: deps.graphqlEndpoint ?? '/graphql',
    graphiql:
      deps.graphiql === false
        ? false
        : {
            title: deps.graphiql?.title ?? 'Qualys PM gateway',
            ...(deps.graphiql?.defaultQuery === undefined
              ? {}
              : { defaultQuery: deps.graphiql.defaultQuery }),
          },
    // GraphiQL's assets are served by the gateway itself, not a CDN: it works on a closed network.
    // Loaded on the first GraphiQL page only: the 9 MB page costs ~50 MB of RSS once loaded.
    renderGraphiQL: async (options) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    landingPage: false,
    // Yoga's built-in empty health answer moves aside: `useOperationsEndpoints` serves /health.
    healthCheckEndpoint: '/__yoga/health',
    logging: deps.logger === undefined ? (deps.logging ?? 'info') : yogaLoggerFrom(deps.logger),
    maskedErrors: { maskError: maskGatewayError },
    context: (initial): GatewayServerContext => {
      const { request } = initial;
      const bearerToken = forwardedToken(request);
      const callerScope = scopeOf(request, initial);
      const { counter, onCall } = createUpstreamCounter();
      const trace = deps.tracing === undefined ? undefined : createRequestTrace(deps.tracing.tracer);
      // Client disconnect aborts the signal; the deadline bounds the request's upstream work.
      const qualys = client.session({
        bearerToken,
        signal: request.signal,
        deadline: Date.now() + requestTimeoutMs,
        // The run-time budget: the call that would exceed it is not sent (UPSTREAM_BUDGET_EXCEEDED).
        maxCalls: maxUpstreamCalls,
        onCall: (event) => {
          onCall(event);
          if (bearerToken !== undefined && event.status !== null) {
            tokenValidity.record(callerScope, event.status, bearerToken);
          }
          metrics.recordUpstreamCall(event);
          trace?.recordUpstreamCall(event);
        },
      });
      return {
        upstream: counter,
        ...(trace === undefined ? {} : { trace }),
        qualys,
        loaders: createLoaders(qualys, {
          onBatch: (loader, size) => metrics.recordLoaderBatch(loader, size),
        }),
        // The API key's name, left by useInboundAuth when it accepted the key, is the caller identity.
        callerScope,
        idempotency,
      };
    },
  });
}
