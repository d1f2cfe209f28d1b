import { describe, expect, it } from 'vitest';
import { parseSimulatorEnv } from '../../src/simulator/env.js';

describe('simulator environment', () => {
  it('applies the defaults when nothing is set', () => {
    expect(parseSimulatorEnv({})).toEqual({
      ok: true,
      config: {
        port: 8081,
        host: '127.0.0.1',
        latencyMs: 0,
        jitterMs: 0,
        seed: 1,
        fleet: { assets: 2000, patches: 5000, patchJobs: 200, mitigationJobs: 40 },
        faultModes: {},
      },
    });
  });

  it('reads every variable', () => {
    const result = parseSimulatorEnv({
      SIMULATOR_PORT: '0',
      SIMULATOR_HOST: '::1',
      SIMULATOR_LATENCY_MS: '250',
      SIMULATOR_JITTER_MS: '50',
      SIMULATOR_SEED: '42',
      SIMULATOR_ASSETS: '10',
      SIMULATOR_PATCHES: '20',
      SIMULATOR_PATCH_JOBS: '3',
      SIMULATOR_MITIGATION_JOBS: '4',
      UNRELATED: 'x',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        port: 0,
        host: '::1',
        latencyMs: 250,
        jitterMs: 50,
        seed: 42,
        fleet: { assets: 10, patches: 20, patchJobs: 3, mitigationJobs: 4 },
        faultModes: {},
      },
    });
  });

  it('reads the fault mode variables', () => {
    const result = parseSimulatorEnv({
      SIMULATOR_CONCURRENCY_LIMIT: '2',
      SIMULATOR_RATE_LIMIT: '300',
      SIMULATOR_RATE_WINDOW_MS: '3600000',
      SIMULATOR_RATE_LIMIT_STATUS: '409',
      SIMULATOR_RATE_LIMIT_HEADERS: 'false',
      SIMULATOR_ERROR_RATE: '0.1',
      SIMULATOR_ERROR_AFTER_RATE: '.05',
      SIMULATOR_RESET_RATE: '0',
      SIMULATOR_RESET_AFTER_RATE: '1',
      SIMULATOR_MALFORMED_RATE: '0.25',
      SIMULATOR_SLOW_HEADERS_MS: '100',
      SIMULATOR_SLOW_BODY_MS: '200',
    });
    expect(result.ok && result.config.faultModes).toEqual({
      concurrencyLimit: 2,
      rateLimit: { limit: 300, windowMs: 3_600_000, status: 409 },
      rateLimitHeaders: false,
      errorRate: 0.1,
      errorAfterRate: 0.05,
      resetRate: 0,
      resetAfterRate: 1,
      malformedRate: 0.25,
      slowHeadersMs: 100,
      slowBodyMs: 200,
    });
    expect(parseSimulatorEnv({ SIMULATOR_RATE_LIMIT: '5' })).toMatchObject({
      ok: true,
      config: { faultModes: { rateLimit: { limit: 5, windowMs: 60_000 } } },
    });
    expect(
      parseSimulatorEnv({
        SIMULATOR_ERROR_RATE: '1.5',
        SIMULATOR_CONCURRENCY_LIMIT: '0',
        SIMULATOR_RATE_LIMIT_STATUS: '503',
        SIMULATOR_RATE_LIMIT_HEADERS: 'yes',
      }),
    ).toEqual({
      ok: false,
      problems: [
        'SIMULATOR_CONCURRENCY_LIMIT: must be an integer between 1 and 100000 (got "0")',
        'SIMULATOR_RATE_LIMIT_STATUS: must be 409 or 429 (got "503")',
        'SIMULATOR_RATE_LIMIT_HEADERS: must be true or false (got "yes")',
        'SIMULATOR_ERROR_RATE: must be a number between 0 and 1 (got "1.5")',
      ],
    });
  });

  it('reports one line per invalid variable', () => {
    const result = parseSimulatorEnv({
      SIMULATOR_PORT: '70000',
      SIMULATOR_LATENCY_MS: 'fast',
      SIMULATOR_ASSETS: '-1',
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        'SIMULATOR_PORT: must be an integer between 0 and 65535 (got "70000")',
        'SIMULATOR_LATENCY_MS: must be an integer between 0 and 600000 (got "fast")',
        'SIMULATOR_ASSETS: must be an integer between 0 and 1000000 (got "-1")',
      ],
    });
  });
});
