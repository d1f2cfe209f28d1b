/**
 * The environment of the stand-alone simulator (`npm run simulator`, `src/simulator/main.ts`),
 * validated with zod; every problem is reported as one line naming the variable.
 *
 * | variable | meaning | default |
 * |---|---|---|
 * | `SIMULATOR_PORT` | TCP port (0 = any free port) | 8081 |
 * | `SIMULATOR_HOST` | interface to listen on | 127.0.0.1 |
 * | `SIMULATOR_LATENCY_MS` | latency added to every answer, ms | 0 |
 * | `SIMULATOR_JITTER_MS` | extra uniform random latency `[0, n)`, ms | 0 |
 * | `SIMULATOR_SEED` | PRNG seed of the generated fleet | 1 |
 * | `SIMULATOR_ASSETS` / `_PATCHES` / `_PATCH_JOBS` / `_MITIGATION_JOBS` | fleet sizes | 2000 / 5000 / 200 / 40 |
 * | `SIMULATOR_CONCURRENCY_LIMIT` | fault mode `concurrencyLimit` | off |
 * | `SIMULATOR_RATE_LIMIT` / `SIMULATOR_RATE_WINDOW_MS` | fault mode `rateLimit` `limit` / `windowMs` | off / 60000 |
 * | `SIMULATOR_RATE_LIMIT_STATUS` | `rateLimit.status` (409 or 429) | 429 |
 * | `SIMULATOR_RATE_LIMIT_HEADERS` | `rateLimitHeaders` (`true`/`false`) | true |
 * | `SIMULATOR_ERROR_RATE` / `_ERROR_AFTER_RATE` / `_RESET_RATE` / `_RESET_AFTER_RATE` / `_MALFORMED_RATE` | fault mode probabilities, 0..1 | off |
 * | `SIMULATOR_SLOW_HEADERS_MS` / `SIMULATOR_SLOW_BODY_MS` | `slowHeadersMs` / `slowBodyMs` | off |
 *
 * @module
 */
import { z } from 'zod';
import { DEFAULT_FLEET_SIZES, type FleetSizes } from './fleet/generate-fleet.js';
import type { SimulatorFaultModes } from './types.js';

/** The stand-alone simulator's settings. */
export interface SimulatorEnvConfig {
  readonly port: number;
  readonly host: string;
  readonly latencyMs: number;
  readonly jitterMs: number;
  readonly seed: number;
  readonly fleet: FleetSizes;
  /** The fault modes set by the environment (only the ones set). */
  readonly faultModes: SimulatorFaultModes;
}

/** Default `SIMULATOR_RATE_WINDOW_MS` when only `SIMULATOR_RATE_LIMIT` is set. */
export const DEFAULT_RATE_WINDOW_MS = 60_000;

/** Result of {@link parseSimulatorEnv}. */
export type SimulatorEnvResult =
  | { readonly ok: true; readonly config: SimulatorEnvConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, `must be an integer between ${min} and ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be an integer between ${min} and ${max}`)
    .optional();

const MAX_FLEET = 1_000_000;

const probability = z
  .string()
  .trim()
  .regex(/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/, 'must be a number between 0 and 1')
  .transform(Number)
  .optional();

const boolean = z
  .string()
  .trim()
  .regex(/^(true|false)$/, 'must be true or false')
  .transform((value) => value === 'true')
  .optional();

/** The schema of the simulator's environment variables (all optional strings). */
export const SimulatorEnvSchema = z.object({
  SIMULATOR_PORT: integer(0, 65_535),
  SIMULATOR_HOST: z.string().trim().min(1, 'must not be empty').optional(),
  SIMULATOR_LATENCY_MS: integer(0, 600_000),
  SIMULATOR_JITTER_MS: integer(0, 600_000),
  SIMULATOR_SEED: integer(-2_147_483_648, 4_294_967_295),
  SIMULATOR_ASSETS: integer(0, MAX_FLEET),
  SIMULATOR_PATCHES: integer(0, MAX_FLEET),
  SIMULATOR_PATCH_JOBS: integer(0, 100_000),
  SIMULATOR_MITIGATION_JOBS: integer(0, 100_000),
  SIMULATOR_CONCURRENCY_LIMIT: integer(1, 100_000),
  SIMULATOR_RATE_LIMIT: integer(1, 100_000_000),
  SIMULATOR_RATE_WINDOW_MS: integer(1, 86_400_000),
  SIMULATOR_RATE_LIMIT_STATUS: z
    .string()
    .trim()
    .regex(/^(409|429)$/, 'must be 409 or 429')
    .transform((value) => (value === '409' ? 409 : 429))
    .optional(),
  SIMULATOR_RATE_LIMIT_HEADERS: boolean,
  SIMULATOR_ERROR_RATE: probability,
  SIMULATOR_ERROR_AFTER_RATE: probability,
  SIMULATOR_RESET_RATE: probability,
  SIMULATOR_RESET_AFTER_RATE: probability,
  SIMULATOR_MALFORMED_RATE: probability,
  SIMULATOR_SLOW_HEADERS_MS: integer(0, 600_000),
  SIMULATOR_SLOW_BODY_MS: integer(0, 600_000),
});

function faultModesOf(values: z.infer<typeof SimulatorEnvSchema>): SimulatorFaultModes {
  const modes: Record<string, unknown> = {
    concurrencyLimit: values.SIMULATOR_CONCURRENCY_LIMIT,
    rateLimitHeaders: values.SIMULATOR_RATE_LIMIT_HEADERS,
    errorRate: values.SIMULATOR_ERROR_RATE,
    errorAfterRate: values.SIMULATOR_ERROR_AFTER_RATE,
    resetRate: values.SIMULATOR_RESET_RATE,
    resetAfterRate: values.SIMULATOR_RESET_AFTER_RATE,
    malformedRate: values.SIMULATOR_MALFORMED_RATE,
    slowHeadersMs: values.SIMULATOR_SLOW_HEADERS_MS,
    slowBodyMs: values.SIMULATOR_SLOW_BODY_MS,
  };
  if (values.SIMULATOR_RATE_LIMIT !== undefined) {
    modes['rateLimit'] = {
      limit: values.SIMULATOR_RATE_LIMIT,
      windowMs: values.SIMULATOR_RATE_WINDOW_MS ?? DEFAULT_RATE_WINDOW_MS,
      ...(values.SIMULATOR_RATE_LIMIT_STATUS === undefined
        ? {}
        : { status: values.SIMULATOR_RATE_LIMIT_STATUS }),
    };
  }
  return Object.fromEntries(
    Object.entries(modes).filter(([, value]) => value !== undefined),
  ) as SimulatorFaultModes;
}

/**
 * Reads and validates the simulator's environment.
 *
 * @param env - the environment (`process.env`).
 * @returns the settings with defaults applied, or one message per invalid variable
 * (`SIMULATOR_PORT: must be an integer between 0 and 65535 (got "abc")`).
 */
export function parseSimulatorEnv(env: Readonly<Record<string, string | undefined>>): SimulatorEnvResult {
  const relevant = Object.fromEntries(
    Object.keys(SimulatorEnvSchema.shape).flatMap((name) => {
      const value = env[name];
      return value === undefined || value === '' ? [] : [[name, value]];
    }),
  );
  const result = SimulatorEnvSchema.safeParse(relevant);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        return `${name}: ${issue.message} (got ${JSON.stringify(relevant[name] ?? '')})`;
      }),
    };
  }
  const values = result.data;
  return {
    ok: true,
    config: {
      port: values.SIMULATOR_PORT ?? 8081,
      host: values.SIMULATOR_HOST ?? '127.0.0.1',
      latencyMs: values.SIMULATOR_LATENCY_MS ?? 0,
      jitterMs: values.SIMULATOR_JITTER_MS ?? 0,
      seed: values.SIMULATOR_SEED ?? 1,
      fleet: {
        assets: values.SIMULATOR_ASSETS ?? DEFAULT_FLEET_SIZES.assets,
        patches: values.SIMULATOR_PATCHES ?? DEFAULT_FLEET_SIZES.patches,
        patchJobs: values.SIMULATOR_PATCH_JOBS ?? DEFAULT_FLEET_SIZES.patchJobs,
        mitigationJobs: values.SIMULATOR_MITIGATION_JOBS ?? DEFAULT_FLEET_SIZES.mitigationJobs,
      },
      faultModes: faultModesOf(values),
    },
  };
}
