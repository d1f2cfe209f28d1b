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
 *
 * @module
 */
import { z } from 'zod';
import { DEFAULT_FLEET_SIZES, type FleetSizes } from './fleet/generate-fleet.js';

/** The stand-alone simulator's settings. */
export interface SimulatorEnvConfig {
  readonly port: number;
  readonly host: string;
  readonly latencyMs: number;
  readonly jitterMs: number;
  readonly seed: number;
  readonly fleet: FleetSizes;
}

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
});

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
    },
  };
}
