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
      },
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
