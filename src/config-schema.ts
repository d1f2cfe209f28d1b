/**
 * The environment schema of the gateway (zod): every variable, its parsing and range checks, and
 * its default, the one place defaults are set (most are the constants of the component that uses
 * them). `loadConfig` (`./config.ts`) reads it; the configuration table (`./config-table.ts`)
 * prints its defaults.
 */
import { z } from 'zod';
import { DEFAULT_REDIS_PREFIX, DEFAULT_SLOT_LEASE_MS } from './cluster/defaults.js';
import { DEFAULT_CONCURRENCY, DEFAULT_RETRY_MAX_ATTEMPTS, DEFAULT_TIMEOUT_MS } from './qualys/options.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT_MS } from './server/defaults.js';
import { LOG_LEVELS } from './server/logger.js';
import type { ApiKey } from './server/plugins/use-inbound-auth.js';
import { DEFAULT_QUERY_LIMITS } from './server/plugins/use-query-limits.js';
import { DEFAULT_RESPONSE_CACHE_TTL_MS } from './server/plugins/use-response-cache.js';
import { DEFAULT_TOKEN_CHECK_WINDOW_MS } from './server/token-validity.js';

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
export function tracesEndpoint(traces: string | undefined, base: string | undefined): string | null {
  if (traces !== undefined) return traces;
  if (base !== undefined) return `${base.replace(/\/+$/, '')}/v1/traces`;
  return null;
}

export const EnvSchema = z.object({
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
    .default(DEFAULT_TIMEOUT_MS),
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
    .default(DEFAULT_REQUEST_TIMEOUT_MS),
  MAX_BODY_BYTES: count(1, 100 * 1024 * 1024).default(DEFAULT_MAX_BODY_BYTES),
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
    .default(DEFAULT_CONCURRENCY),
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
    .default(DEFAULT_RETRY_MAX_ATTEMPTS),
  SIMULATOR_ASSETS: fleetSize.default(2000),
  SIMULATOR_PATCHES: fleetSize.default(5000),
  SIMULATOR_PATCH_JOBS: fleetSize.default(200),
  SIMULATOR_MITIGATION_JOBS: fleetSize.default(40),
  RESPONSE_CACHE: z
    .enum(['off', 'memory', 'redis'], { error: 'must be off, memory or redis' })
    .default('off'),
  RESPONSE_CACHE_TTL_MS: positiveMs(86_400_000).default(DEFAULT_RESPONSE_CACHE_TTL_MS),
  RESPONSE_CACHE_TOKEN_CHECK_MS: positiveMs(3_600_000)
    .refine((v) => v > 0, 'must be greater than 0')
    .default(DEFAULT_TOKEN_CHECK_WINDOW_MS),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:._-]{1,64}$/, 'must be 1-64 characters of A-Z a-z 0-9 : . _ -')
    .default(DEFAULT_REDIS_PREFIX),
  QUALYS_SLOT_LEASE_MS: positiveMs(600_000)
    .refine((v) => v >= 1_000, 'must be at least 1000')
    .default(DEFAULT_SLOT_LEASE_MS),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:4318/v1/traces' })
    .optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:4318' })
    .optional(),
  OTEL_SERVICE_NAME: z.string().max(255, 'must be at most 255 characters').default(DEFAULT_OTEL_SERVICE_NAME),
});

/** The defaults of an empty environment, as the schema gives them. */
const DEFAULTS: Record<string, unknown> = EnvSchema.parse({});

/**
 * The default of one or more variables as the configuration table prints it: the value, `unset`
 * when there is none, several joined with ` / ` (one when they are all the same).
 */
export function defaultOf(...names: readonly (keyof typeof EnvSchema.shape)[]): string {
  const values = names.map((name) => {
    const value = DEFAULTS[name];
    return value === undefined ? 'unset' : String(value);
  });
  // One word for a group that shares it (`QUALYS_USERNAME / QUALYS_PASSWORD`: unset).
  return new Set(values).size === 1 ? (values[0] as string) : values.join(' / ');
}
