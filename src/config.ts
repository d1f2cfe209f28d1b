/**
 * Gateway configuration from the environment (docs/architecture.md §3.1), parsed with zod. Only
 * `src/main.ts` calls {@link loadConfig} with `process.env`; everything else receives a
 * {@link Config}.
 */
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './server/logger.js';
import type { ApiKey } from './server/plugins/use-inbound-auth.js';
import type { PersistedOperationsMode } from './server/plugins/use-persisted-operations.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './server/plugins/use-query-limits.js';

const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const positiveMs = (max: number) =>
  z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(0, 'must not be negative')
    .max(max, `must be at most ${max}`);

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const fleetSize = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(1_000_000, 'must be at most 1000000');

const count = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** Shortest accepted API key (`GATEWAY_API_KEYS`). */
export const MIN_API_KEY_LENGTH = 32;

const KEY_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * `GATEWAY_API_KEYS`: comma-separated `name:key` pairs or bare keys (named `key1`, `key2`, … by
 * position). Problems never quote a key.
 */
const apiKeys = z.string().transform((raw, ctx): ApiKey[] => {
  const keys: ApiKey[] = [];
  const entries = raw.split(',').map((e) => e.trim());
  entries.forEach((entry, i) => {
    const position = `entry ${i + 1}`;
    if (entry === '') {
      ctx.addIssue({ code: 'custom', message: `${position} is empty` });
      return;
    }
    const colon = entry.indexOf(':');
    const name = colon === -1 ? `key${i + 1}` : entry.slice(0, colon).trim();
    const key = colon === -1 ? entry : entry.slice(colon + 1).trim();
    if (!KEY_NAME.test(name)) {
      ctx.addIssue({ code: 'custom', message: `${position}: the name must be 1-64 letters, digits, _ . -` });
      return;
    }
    if (key.length < MIN_API_KEY_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        message: `${position} (${name}): the key must be at least ${MIN_API_KEY_LENGTH} characters`,
      });
      return;
    }
    if (keys.some((k) => k.name === name)) {
      ctx.addIssue({ code: 'custom', message: `${position}: the name ${name} is used twice` });
      return;
    }
    if (keys.some((k) => k.key === key)) {
      ctx.addIssue({ code: 'custom', message: `${position} (${name}): the same key is listed twice` });
      return;
    }
    keys.push({ name, key });
  });
  return keys;
});

/** `service.name` of the exported spans unless `OTEL_SERVICE_NAME` is set. */
export const DEFAULT_OTEL_SERVICE_NAME = 'qualys-pm-gateway';

/**
 * The OTLP/HTTP traces URL: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as is, else
 * `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces` (as the OpenTelemetry SDKs read them); `null` when
 * neither is set (tracing off).
 */
function tracesEndpoint(traces: string | undefined, base: string | undefined): string | null {
  if (traces !== undefined) return traces;
  if (base !== undefined) return `${base.replace(/\/+$/, '')}/v1/traces`;
  return null;
}

const EnvSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  QUALYS_BASE_URL: z
    .url({
      protocol: /^https?$/,
      error: 'must be an http(s) URL such as https://gateway.qg2.apps.qualys.com',
    })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  QUALYS_USERNAME: z.string().min(1, 'must not be empty').optional(),
  QUALYS_PASSWORD: z.string().min(1, 'must not be empty').optional(),
  QUALYS_TIMEOUT_MS: positiveMs(600_000)
    .refine((v) => v > 0, 'must be greater than 0')
    .default(30_000),
  GRAPHIQL: booleanFlag.default(true),
  INTROSPECTION: booleanFlag.default(true),
  INTROSPECTION_KEYS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n !== ''),
    )
    .optional(),
  REQUEST_TIMEOUT_MS: positiveMs(3_600_000)
    .refine((v) => v > 0, 'must be greater than 0')
    .default(60_000),
  MAX_BODY_BYTES: count(1, 100 * 1024 * 1024).default(1024 * 1024),
  QUERY_MAX_DEPTH: count(1, 1000).default(DEFAULT_QUERY_LIMITS.maxDepth),
  QUERY_MAX_ALIASES: count(0, 100_000).default(DEFAULT_QUERY_LIMITS.maxAliases),
  QUERY_MAX_COST: count(1, 100_000_000).default(DEFAULT_QUERY_LIMITS.maxCost),
  QUERY_MAX_TOKENS: count(1, 10_000_000).default(DEFAULT_QUERY_LIMITS.maxTokens),
  QUERY_MAX_DIRECTIVES: count(0, 100_000).default(DEFAULT_QUERY_LIMITS.maxDirectives),
  QUERY_MAX_UPSTREAM_CALLS: count(1, 100_000_000).default(DEFAULT_QUERY_LIMITS.maxUpstreamCalls),
  PERSISTED_OPERATIONS: z
    .enum(['off', 'allow', 'only'], { error: 'must be off, allow or only' })
    .default('off'),
  GATEWAY_API_KEYS: apiKeys.optional(),
  GATEWAY_OPEN: booleanFlag.default(false),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  SIMULATOR_LATENCY_MS: positiveMs(60_000).default(0),
  SIMULATOR_JITTER_MS: positiveMs(60_000).default(0),
  SIMULATOR_SEED: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').default(1),
  QUALYS_CONCURRENCY: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (unlimited) or more')
    .max(1000, 'must be at most 1000')
    .default(2),
  QUALYS_RATE_LIMIT_CALLS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .optional(),
  QUALYS_RATE_LIMIT_WINDOW_MS: positiveMs(86_400_000)
    .refine((v) => v > 0, 'must be greater than 0')
    .default(3_600_000),
  QUALYS_RETRY_MAX_ATTEMPTS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1 (1 = no retries)')
    .max(10, 'must be at most 10')
    .default(3),
  SIMULATOR_ASSETS: fleetSize.default(2000),
  SIMULATOR_PATCHES: fleetSize.default(5000),
  SIMULATOR_PATCH_JOBS: fleetSize.default(200),
  SIMULATOR_MITIGATION_JOBS: fleetSize.default(40),
  RESPONSE_CACHE: z
    .enum(['off', 'memory', 'redis'], { error: 'must be off, memory or redis' })
    .default('off'),
  RESPONSE_CACHE_TTL_MS: positiveMs(86_400_000).default(15_000),
  RESPONSE_CACHE_TOKEN_CHECK_MS: positiveMs(3_600_000)
    .refine((v) => v > 0, 'must be greater than 0')
    .default(60_000),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:4318/v1/traces' })
    .optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:4318' })
    .optional(),
  OTEL_SERVICE_NAME: z.string().max(255, 'must be at most 255 characters').default(DEFAULT_OTEL_SERVICE_NAME),
});

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

/** The configuration table for the README and `--help`: variable, meaning, default. */
export const CONFIG_TABLE: ReadonlyArray<readonly [variable: string, meaning: string, defaultValue: string]> =
  [
    ['PORT', 'TCP port of the gateway', '4000'],
    ['HOST', 'interface the gateway binds to', '127.0.0.1'],
    [
      'QUALYS_BASE_URL',
      'Qualys API gateway URL (e.g. https://gateway.qg2.apps.qualys.com); unset = start the embedded simulator',
      'unset',
    ],
    [
      'QUALYS_USERNAME / QUALYS_PASSWORD',
      "service credentials: the gateway obtains and refreshes the JWT itself (POST /auth); unset = forward each caller's `Authorization: Bearer <jwt>`",
      'unset',
    ],
    ['QUALYS_TIMEOUT_MS', 'timeout of one upstream call attempt, ms', '30000'],
    ['QUALYS_CONCURRENCY', 'Qualys calls in flight at most (per subscription; 0 = unlimited)', '2'],
    [
      'QUALYS_RATE_LIMIT_CALLS / QUALYS_RATE_LIMIT_WINDOW_MS',
      'rate budget: calls per rolling window (ms); unset = unlimited',
      'unset / 3600000',
    ],
    [
      'QUALYS_RETRY_MAX_ATTEMPTS',
      'tries per read call on 409/429/5xx/resets/timeouts (1 = no retry; mutations never retried)',
      '3',
    ],
    [
      'GATEWAY_API_KEYS',
      'inbound API keys, comma-separated `name:key` or bare keys (named key1, key2, …), each at least 32 characters; requests need `x-api-key: <key>` or `Authorization: ApiKey <key>`; required with service credentials and QUALYS_BASE_URL unless GATEWAY_OPEN=true',
      'unset (no inbound auth)',
    ],
    [
      'GATEWAY_OPEN',
      'explicitly run without API keys although service credentials are set (true/false)',
      'false',
    ],
    [
      'LOG_LEVEL',
      'lowest level of the JSON log lines on stderr (pino): fatal, error, warn, info, debug, trace or silent; every line of a request has its reqId',
      'info',
    ],
    ['GRAPHIQL', 'serve GraphiQL at /graphql (true/false)', 'true'],
    [
      'INTROSPECTION',
      'answer introspection queries (__schema, __type) and the federation SDL (_service); false also drops "Did you mean" suggestions (true/false)',
      'true',
    ],
    [
      'INTROSPECTION_KEYS',
      'names of GATEWAY_API_KEYS entries that may still introspect with INTROSPECTION=false (e.g. a federation router), comma-separated',
      'unset',
    ],
    [
      'REQUEST_TIMEOUT_MS',
      "deadline of one GraphQL request's upstream calls, ms (queued/retried calls stop with QUALYS_ABORTED)",
      '60000',
    ],
    ['MAX_BODY_BYTES', 'largest accepted request body in bytes; larger ones get 413', '1048576'],
    ['QUERY_MAX_DEPTH', 'deepest field nesting of an operation', String(DEFAULT_QUERY_LIMITS.maxDepth)],
    ['QUERY_MAX_ALIASES', 'aliases per operation', String(DEFAULT_QUERY_LIMITS.maxAliases)],
    ['QUERY_MAX_COST', 'graphql-armor cost of an operation', String(DEFAULT_QUERY_LIMITS.maxCost)],
    ['QUERY_MAX_TOKENS', 'lexical tokens of a query document', String(DEFAULT_QUERY_LIMITS.maxTokens)],
    ['QUERY_MAX_DIRECTIVES', 'directives per operation', String(DEFAULT_QUERY_LIMITS.maxDirectives)],
    [
      'QUERY_MAX_UPSTREAM_CALLS',
      'Qualys calls one operation may make, counted as they are made; the call over it is not made (UPSTREAM_BUDGET_EXCEEDED, partial data)',
      String(DEFAULT_QUERY_LIMITS.maxUpstreamCalls),
    ],
    [
      'PERSISTED_OPERATIONS',
      'persisted operations of schema/operations (schema/persisted-operations.json): off = any document; allow = also by id (documentId or extensions.persistedQuery.sha256Hash); only = allow-list, anything else gets PERSISTED_QUERY_ONLY / PERSISTED_QUERY_NOT_FOUND',
      'off',
    ],
    [
      'RESPONSE_CACHE',
      'response cache per caller identity: off, memory (one replica) or redis (shared; needs REDIS_URL); mutations invalidate what they change',
      'off',
    ],
    [
      'RESPONSE_CACHE_TTL_MS',
      'TTL of cached results without a typed entity, ms (patches/vulnerabilities 10 min, assets 1 min, jobs 15 s)',
      '15000',
    ],
    [
      'RESPONSE_CACHE_TOKEN_CHECK_MS',
      'forwarded tokens: cached results are served to a token only this long after Qualys last accepted it, ms',
      '60000',
    ],
    [
      'REDIS_URL',
      'Redis server of RESPONSE_CACHE=redis (redis:// or rediss://), a database of its own',
      'unset',
    ],
    [
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
      'OpenTelemetry traces over OTLP/HTTP to this URL (e.g. http://127.0.0.1:4318/v1/traces): a span per GraphQL operation and per Qualys call; unset = tracing off',
      'unset',
    ],
    [
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'OTLP/HTTP base URL; traces go to it + /v1/traces unless OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set',
      'unset',
    ],
    ['OTEL_SERVICE_NAME', 'service.name of the exported spans', DEFAULT_OTEL_SERVICE_NAME],
    ['SIMULATOR_LATENCY_MS', 'embedded simulator only: latency injected per call, ms', '0'],
    ['SIMULATOR_JITTER_MS', 'embedded simulator only: uniform jitter added to the latency, ms', '0'],
    ['SIMULATOR_SEED', 'embedded simulator only: seed of the generated fleet', '1'],
    [
      'SIMULATOR_ASSETS / SIMULATOR_PATCHES / SIMULATOR_PATCH_JOBS / SIMULATOR_MITIGATION_JOBS',
      'embedded simulator only: sizes of the generated fleet',
      '2000 / 5000 / 200 / 40',
    ],
  ];
