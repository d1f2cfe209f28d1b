/**
 * Gateway configuration from the environment (docs/architecture.md §3.1): the schema
 * (`./config-schema.ts`) parses each variable, this module checks the variables that depend on
 * each other and builds the {@link Config}. Only `src/main.ts` calls {@link loadConfig} with
 * `process.env`; everything else receives a {@link Config}.
 */
import { EnvSchema, tracesEndpoint } from './config-schema.js';
import type { LogLevel } from './server/logger.js';
import type { ApiKey } from './server/plugins/use-inbound-auth.js';
import type { PersistedOperationsMode } from './server/plugins/use-persisted-operations.js';
import type { QueryLimits } from './server/plugins/use-query-limits.js';

export { CONFIG_TABLE } from './config-table.js';

/** Problems that involve several variables (checked even when single values are bad). */
function crossFieldProblems(env: Record<string, string>): string[] {
  const problems: string[] = [];
  const hasUser = env['QUALYS_USERNAME'] !== undefined;
  const hasPassword = env['QUALYS_PASSWORD'] !== undefined;
  if (hasUser !== hasPassword) {
    problems.push(
      `${hasUser ? 'QUALYS_PASSWORD' : 'QUALYS_USERNAME'}: QUALYS_USERNAME and QUALYS_PASSWORD must be set together (or neither, to forward callers' tokens)`,
    );
  }
  const open = env['GATEWAY_OPEN'];
  const isOpen = open === 'true' || open === '1' || open === 'yes';
  const hasKeys = env['GATEWAY_API_KEYS'] !== undefined;
  if (isOpen && hasKeys) {
    problems.push('GATEWAY_OPEN: must not be true when GATEWAY_API_KEYS is set (keys are required then)');
  }
  // Real Qualys only: with the embedded simulator (no QUALYS_BASE_URL) the gateway may stay open.
  if (hasUser && hasPassword && env['QUALYS_BASE_URL'] !== undefined && !hasKeys && !isOpen) {
    problems.push(`GATEWAY_API_KEYS: ${SERVICE_ACCOUNT_WITHOUT_KEYS}`);
  }
  const introspectionKeys = env['INTROSPECTION_KEYS'];
  if (introspectionKeys !== undefined) {
    const names = new Set(
      (env['GATEWAY_API_KEYS'] ?? '').split(',').map((entry, i) => {
        const colon = entry.indexOf(':');
        return colon === -1 ? `key${i + 1}` : entry.slice(0, colon).trim();
      }),
    );
    const unknown = introspectionKeys
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '' && !names.has(n));
    if (unknown.length > 0) {
      problems.push(`INTROSPECTION_KEYS: names no key of GATEWAY_API_KEYS: ${unknown.join(', ')}`);
    }
  }
  if (env['RESPONSE_CACHE'] === 'redis' && env['REDIS_URL'] === undefined) {
    problems.push('REDIS_URL: must be set when RESPONSE_CACHE=redis');
  }
  return problems;
}

/** The problem line of service credentials against real Qualys without inbound auth. */
export const SERVICE_ACCOUNT_WITHOUT_KEYS =
  'service credentials without GATEWAY_API_KEYS would let anyone act as the service account; set GATEWAY_API_KEYS or GATEWAY_OPEN=true';

/** The gateway's validated configuration. */
export interface Config {
  /** TCP port the gateway listens on. Default 4000 (`PORT`). */
  port: number;
  /** Interface the gateway binds to. Default `127.0.0.1` (`HOST`). */
  host: string;
  /**
   * The Qualys API gateway URL without trailing slash (`QUALYS_BASE_URL`); `null` = start the
   * embedded simulator and use it.
   */
  qualysBaseUrl: string | null;
  /** Service credentials (`QUALYS_USERNAME`/`QUALYS_PASSWORD`); `null` = forward callers' tokens. */
  credentials: { username: string; password: string } | null;
  /** Timeout of one upstream call in ms (`QUALYS_TIMEOUT_MS`). Default 30,000. */
  qualysTimeoutMs: number;
  /**
   * The upstream governor (per Qualys subscription): at most `concurrency` calls in flight
   * (`QUALYS_CONCURRENCY`, default 2 = Qualys' documented default; 0 = unlimited), an optional
   * rate budget of `rateLimit.calls` per `rateLimit.windowMs` (`QUALYS_RATE_LIMIT_CALLS`,
   * `QUALYS_RATE_LIMIT_WINDOW_MS`, default window 1 h; unset = unlimited), and `retryMaxAttempts`
   * tries per read (`QUALYS_RETRY_MAX_ATTEMPTS`, default 3; mutations are never retried).
   */
  upstream: {
    concurrency: number;
    rateLimit: { calls: number; windowMs: number } | null;
    retryMaxAttempts: number;
  };
  /**
   * Inbound API keys (`GATEWAY_API_KEYS`): empty = no inbound auth. Required (or
   * `GATEWAY_OPEN=true`) with service credentials against a real `QUALYS_BASE_URL`.
   */
  apiKeys: ApiKey[];
  /** Explicitly open without API keys (`GATEWAY_OPEN`). Default false. */
  open: boolean;
  /** Lowest level of the JSON log lines on stderr (`LOG_LEVEL`: fatal … trace, silent). Default `info`. */
  logLevel: LogLevel;
  /** Serve GraphiQL at the GraphQL endpoint (`GRAPHIQL`). Default true. */
  graphiql: boolean;
  /**
   * Answer introspection queries (`INTROSPECTION`). Default true. `false` also refuses the
   * federation SDL (`_service`) and drops "Did you mean …?" suggestions.
   */
  introspection: boolean;
  /**
   * Names of `apiKeys` that may introspect (and read `_service { sdl }`) with introspection off
   * (`INTROSPECTION_KEYS`, comma-separated; e.g. a federation router's key). Default none.
   */
  introspectionKeys: string[];
  /** Deadline of one GraphQL request's upstream work in ms (`REQUEST_TIMEOUT_MS`). Default 60,000. */
  requestTimeoutMs: number;
  /** Largest accepted request body in bytes; larger get 413 (`MAX_BODY_BYTES`). Default 1 MiB. */
  maxBodyBytes: number;
  /**
   * Query limits checked before execution (`QUERY_MAX_DEPTH`, `QUERY_MAX_ALIASES`,
   * `QUERY_MAX_COST`, `QUERY_MAX_TOKENS`, `QUERY_MAX_DIRECTIVES`, `QUERY_MAX_UPSTREAM_CALLS`).
   * Defaults 12, 15, 100,000, 20,000, 20, 1,000 (`DEFAULT_QUERY_LIMITS`).
   */
  queryLimits: QueryLimits;
  /**
   * Persisted operations (`PERSISTED_OPERATIONS`): `off` = any document; `allow` = also manifest
   * operations by id (`schema/persisted-operations.json`); `only` = the manifest's operations
   * alone (allow-list). Default `off`.
   */
  persistedOperations: PersistedOperationsMode;
  /**
   * Response cache (`RESPONSE_CACHE`: `off`, `memory` or `redis`; default `off`), the TTL of
   * results without a typed entity in ms (`RESPONSE_CACHE_TTL_MS`, default 15,000; the types have
   * their own), and the Redis server (`REDIS_URL`, required by `redis`; `null` when unset).
   */
  /**
   * Replica coordination through Redis, on exactly when `REDIS_URL` is set (`null` = off): the
   * replicas share one concurrency cap, rate budget, service token and idempotency store (see
   * `src/cluster/`), every key under `prefix` (`REDIS_PREFIX`, default `qpmgw:`); a slot of a
   * replica that died is free again `slotLeaseMs` after (`QUALYS_SLOT_LEASE_MS`, default 10,000).
   */
  cluster: { redisUrl: string; prefix: string; slotLeaseMs: number } | null;
  responseCache: {
    store: 'off' | 'memory' | 'redis';
    defaultTtlMs: number;
    redisUrl: string | null;
    /**
     * Forwarded-token mode: how long Qualys' acceptance of a token lets cached results be served
     * to it, in ms (`RESPONSE_CACHE_TOKEN_CHECK_MS`). Default 60,000.
     */
    tokenCheckWindowMs: number;
  };
  /**
   * OpenTelemetry tracing, on exactly when `endpoint` is set: the OTLP/HTTP traces URL
   * (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, else `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`;
   * `null` = off, the default) and the `service.name` of the spans (`OTEL_SERVICE_NAME`, default
   * `qualys-pm-gateway`).
   */
  tracing: { endpoint: string | null; serviceName: string };
  /** Embedded simulator settings (used only when `qualysBaseUrl` is null). */
  simulator: {
    /** Injected latency per call in ms (`SIMULATOR_LATENCY_MS`). Default 0. */
    latencyMs: number;
    /** Uniform jitter added to the latency in ms (`SIMULATOR_JITTER_MS`). Default 0. */
    jitterMs: number;
    /** Seed of the generated fleet (`SIMULATOR_SEED`). Default 1. */
    seed: number;
    /**
     * Sizes of the generated fleet (`SIMULATOR_ASSETS`, `SIMULATOR_PATCHES`,
     * `SIMULATOR_PATCH_JOBS`, `SIMULATOR_MITIGATION_JOBS`). Defaults 2,000, 5,000, 200, 40.
     */
    fleet: { assets: number; patches: number; patchJobs: number; mitigationJobs: number };
  };
}

/** The outcome of {@link loadConfig}: a config, or one human-readable line per problem. */
export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/**
 * Parses the environment into a {@link Config}. Never throws: bad values come back as
 * `problems`, one line each, naming the variable (e.g. `PORT: must be between 0 and 65535`).
 * Empty strings count as unset.
 */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && v.trim() !== '') cleaned[k] = v.trim();
  }
  const parsed = EnvSchema.safeParse(cleaned);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`)),
    ...crossFieldProblems(cleaned),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const e = parsed.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      qualysBaseUrl: e.QUALYS_BASE_URL ?? null,
      credentials:
        e.QUALYS_USERNAME !== undefined && e.QUALYS_PASSWORD !== undefined
          ? { username: e.QUALYS_USERNAME, password: e.QUALYS_PASSWORD }
          : null,
      qualysTimeoutMs: e.QUALYS_TIMEOUT_MS,
      upstream: {
        concurrency: e.QUALYS_CONCURRENCY,
        rateLimit:
          e.QUALYS_RATE_LIMIT_CALLS === undefined
            ? null
            : { calls: e.QUALYS_RATE_LIMIT_CALLS, windowMs: e.QUALYS_RATE_LIMIT_WINDOW_MS },
        retryMaxAttempts: e.QUALYS_RETRY_MAX_ATTEMPTS,
      },
      apiKeys: e.GATEWAY_API_KEYS ?? [],
      open: e.GATEWAY_OPEN,
      logLevel: e.LOG_LEVEL,
      graphiql: e.GRAPHIQL,
      introspection: e.INTROSPECTION,
      introspectionKeys: e.INTROSPECTION_KEYS ?? [],
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      maxBodyBytes: e.MAX_BODY_BYTES,
      queryLimits: {
        maxDepth: e.QUERY_MAX_DEPTH,
        maxAliases: e.QUERY_MAX_ALIASES,
        maxCost: e.QUERY_MAX_COST,
        maxTokens: e.QUERY_MAX_TOKENS,
        maxDirectives: e.QUERY_MAX_DIRECTIVES,
        maxUpstreamCalls: e.QUERY_MAX_UPSTREAM_CALLS,
      },
      persistedOperations: e.PERSISTED_OPERATIONS,
      cluster:
        e.REDIS_URL === undefined
          ? null
          : { redisUrl: e.REDIS_URL, prefix: e.REDIS_PREFIX, slotLeaseMs: e.QUALYS_SLOT_LEASE_MS },
      responseCache: {
        store: e.RESPONSE_CACHE,
        defaultTtlMs: e.RESPONSE_CACHE_TTL_MS,
        redisUrl: e.REDIS_URL ?? null,
        tokenCheckWindowMs: e.RESPONSE_CACHE_TOKEN_CHECK_MS,
      },
      tracing: {
        endpoint: tracesEndpoint(e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, e.OTEL_EXPORTER_OTLP_ENDPOINT),
        serviceName: e.OTEL_SERVICE_NAME,
      },
      simulator: {
        latencyMs: e.SIMULATOR_LATENCY_MS,
        jitterMs: e.SIMULATOR_JITTER_MS,
        seed: e.SIMULATOR_SEED,
        fleet: {
          assets: e.SIMULATOR_ASSETS,
          patches: e.SIMULATOR_PATCHES,
          patchJobs: e.SIMULATOR_PATCH_JOBS,
          mitigationJobs: e.SIMULATOR_MITIGATION_JOBS,
        },
      },
    },
  };
}
