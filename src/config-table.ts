/**
 * The configuration table for the README and `--help`: variable, meaning, default. Each default
 * is read from `EnvSchema` (`./config-schema.ts`), so a default is set in one place; a test
 * compares the README's table with this one.
 */
import { defaultOf } from './config-schema.js';

export const CONFIG_TABLE: ReadonlyArray<readonly [variable: string, meaning: string, defaultValue: string]> =
  [
    ['PORT', 'TCP port of the gateway', defaultOf('PORT')],
    ['HOST', 'interface the gateway binds to', defaultOf('HOST')],
    [
      'QUALYS_BASE_URL',
      'Qualys API gateway URL (e.g. https://gateway.qg2.apps.qualys.com); unset = start the embedded simulator',
      defaultOf('QUALYS_BASE_URL'),
    ],
    [
      'QUALYS_USERNAME / QUALYS_PASSWORD',
      "service credentials: the gateway obtains and refreshes the JWT itself (POST /auth); unset = forward each caller's `Authorization: Bearer <jwt>`",
      defaultOf('QUALYS_USERNAME', 'QUALYS_PASSWORD'),
    ],
    ['QUALYS_TIMEOUT_MS', 'timeout of one upstream call attempt, ms', defaultOf('QUALYS_TIMEOUT_MS')],
    [
      'QUALYS_CONCURRENCY',
      'Qualys calls in flight at most (per subscription; 0 = unlimited)',
      defaultOf('QUALYS_CONCURRENCY'),
    ],
    [
      'QUALYS_RATE_LIMIT_CALLS / QUALYS_RATE_LIMIT_WINDOW_MS',
      'rate budget: calls per rolling window (ms); unset = unlimited',
      defaultOf('QUALYS_RATE_LIMIT_CALLS', 'QUALYS_RATE_LIMIT_WINDOW_MS'),
    ],
    [
      'QUALYS_RETRY_MAX_ATTEMPTS',
      'tries per read call on 409/429/5xx/resets/timeouts (1 = no retry; mutations never retried)',
      defaultOf('QUALYS_RETRY_MAX_ATTEMPTS'),
    ],
    [
      'GATEWAY_API_KEYS',
      'inbound API keys, comma-separated `name:key` or bare keys (named key1, key2, …), each at least 32 characters; requests need `x-api-key: <key>` or `Authorization: ApiKey <key>`; required with service credentials and QUALYS_BASE_URL unless GATEWAY_OPEN=true',
      `${defaultOf('GATEWAY_API_KEYS')} (no inbound auth)`,
    ],
    [
      'GATEWAY_OPEN',
      'explicitly run without API keys although service credentials are set (true/false)',
      defaultOf('GATEWAY_OPEN'),
    ],
    [
      'LOG_LEVEL',
      'lowest level of the JSON log lines on stderr (pino): fatal, error, warn, info, debug, trace or silent; every line of a request has its reqId',
      defaultOf('LOG_LEVEL'),
    ],
    ['GRAPHIQL', 'serve GraphiQL at /graphql (true/false)', defaultOf('GRAPHIQL')],
    [
      'INTROSPECTION',
      'answer introspection queries (__schema, __type) and the federation SDL (_service); false also drops "Did you mean" suggestions (true/false)',
      defaultOf('INTROSPECTION'),
    ],
    [
      'INTROSPECTION_KEYS',
      'names of GATEWAY_API_KEYS entries that may still introspect with INTROSPECTION=false (e.g. a federation router), comma-separated',
      defaultOf('INTROSPECTION_KEYS'),
    ],
    [
      'REQUEST_TIMEOUT_MS',
      "deadline of one GraphQL request's upstream calls, ms (queued/retried calls stop with QUALYS_ABORTED)",
      defaultOf('REQUEST_TIMEOUT_MS'),
    ],
    [
      'MAX_BODY_BYTES',
      'largest accepted request body in bytes; larger ones get 413',
      defaultOf('MAX_BODY_BYTES'),
    ],
    ['QUERY_MAX_DEPTH', 'deepest field nesting of an operation', defaultOf('QUERY_MAX_DEPTH')],
    ['QUERY_MAX_ALIASES', 'aliases per operation', defaultOf('QUERY_MAX_ALIASES')],
    ['QUERY_MAX_COST', 'graphql-armor cost of an operation', defaultOf('QUERY_MAX_COST')],
    ['QUERY_MAX_TOKENS', 'lexical tokens of a query document', defaultOf('QUERY_MAX_TOKENS')],
    ['QUERY_MAX_DIRECTIVES', 'directives per operation', defaultOf('QUERY_MAX_DIRECTIVES')],
    [
      'QUERY_MAX_UPSTREAM_CALLS',
      'Qualys calls one operation may make, counted as they are made; the call over it is not made (UPSTREAM_BUDGET_EXCEEDED, partial data)',
      defaultOf('QUERY_MAX_UPSTREAM_CALLS'),
    ],
    [
      'PERSISTED_OPERATIONS',
      'persisted operations of schema/operations (schema/persisted-operations.json): off = any document; allow = also by id (documentId or extensions.persistedQuery.sha256Hash); only = allow-list, anything else gets PERSISTED_QUERY_ONLY / PERSISTED_QUERY_NOT_FOUND',
      defaultOf('PERSISTED_OPERATIONS'),
    ],
    [
      'RESPONSE_CACHE',
      'response cache per caller identity: off, memory (one replica) or redis (shared; needs REDIS_URL); mutations invalidate what they change',
      defaultOf('RESPONSE_CACHE'),
    ],
    [
      'RESPONSE_CACHE_TTL_MS',
      'TTL of cached results without a typed entity, ms (patches/vulnerabilities 10 min, assets 1 min, jobs 15 s)',
      defaultOf('RESPONSE_CACHE_TTL_MS'),
    ],
    [
      'RESPONSE_CACHE_TOKEN_CHECK_MS',
      'forwarded tokens: cached results are served to a token only this long after Qualys last accepted it, ms',
      defaultOf('RESPONSE_CACHE_TOKEN_CHECK_MS'),
    ],
    [
      'REDIS_URL',
      'Redis server (redis:// or rediss://) through which replicas share one Qualys concurrency cap, rate budget, service token and idempotency keys; also the store of RESPONSE_CACHE=redis; unset = this process alone',
      defaultOf('REDIS_URL'),
    ],
    [
      'REDIS_PREFIX',
      'prefix of every Redis key and channel of the replica coordination',
      defaultOf('REDIS_PREFIX'),
    ],
    [
      'QUALYS_SLOT_LEASE_MS',
      'with REDIS_URL: lease of a shared concurrency slot, ms (refreshed while the call runs; a replica that dies frees it this long after)',
      defaultOf('QUALYS_SLOT_LEASE_MS'),
    ],
    [
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
      'OpenTelemetry traces over OTLP/HTTP to this URL (e.g. http://127.0.0.1:4318/v1/traces): a span per GraphQL operation and per Qualys call; unset = tracing off',
      defaultOf('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'),
    ],
    [
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'OTLP/HTTP base URL; traces go to it + /v1/traces unless OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set',
      defaultOf('OTEL_EXPORTER_OTLP_ENDPOINT'),
    ],
    ['OTEL_SERVICE_NAME', 'service.name of the exported spans', defaultOf('OTEL_SERVICE_NAME')],
    [
      'SIMULATOR_LATENCY_MS',
      'embedded simulator only: latency injected per call, ms',
      defaultOf('SIMULATOR_LATENCY_MS'),
    ],
    [
      'SIMULATOR_JITTER_MS',
      'embedded simulator only: uniform jitter added to the latency, ms',
      defaultOf('SIMULATOR_JITTER_MS'),
    ],
    ['SIMULATOR_SEED', 'embedded simulator only: seed of the generated fleet', defaultOf('SIMULATOR_SEED')],
    [
      'SIMULATOR_ASSETS / SIMULATOR_PATCHES / SIMULATOR_PATCH_JOBS / SIMULATOR_MITIGATION_JOBS',
      'embedded simulator only: sizes of the generated fleet',
      defaultOf('SIMULATOR_ASSETS', 'SIMULATOR_PATCHES', 'SIMULATOR_PATCH_JOBS', 'SIMULATOR_MITIGATION_JOBS'),
    ],
  ];
