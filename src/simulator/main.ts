/**
 * `npm run simulator`: runs the Qualys PM/MTG simulator on its own. Reads `SIMULATOR_*` variables
 * (see `env.ts`; an invalid value prints one line per problem and exits 1), listens, prints the
 * URL and the default tenant's credentials, and closes on SIGINT or SIGTERM.
 *
 * @module
 */
import { createSimulator, DEFAULT_CREDENTIALS } from './create-simulator.js';
import { parseSimulatorEnv } from './env.js';

async function main(): Promise<void> {
  const parsed = parseSimulatorEnv(process.env);
  if (!parsed.ok) {
    for (const problem of parsed.problems) {
      process.stderr.write(`simulator configuration error: ${problem}\n`);
    }
    process.exit(1);
  }
  const { config } = parsed;
  const simulator = createSimulator({
    seed: config.seed,
    fleet: config.fleet,
    latencyMs: config.latencyMs,
    jitterMs: config.jitterMs,
    ...config.faultModes,
  });
  const { url } = await simulator.listen(config.port, config.host);
  process.stdout.write(
    [
      `Qualys PM/MTG simulator listening on ${url}`,
      `  credentials: username=${DEFAULT_CREDENTIALS.username} password=${DEFAULT_CREDENTIALS.password}`,
      `  token:       curl -s -X POST ${url}/auth -d 'username=${DEFAULT_CREDENTIALS.username}&password=${DEFAULT_CREDENTIALS.password}&token=true&permissions=true'`,
      `  request log: ${url}/__simulator/requests`,
      `  fault modes: ${JSON.stringify(config.faultModes)} (change: PUT ${url}/__simulator/config; counters: ${url}/__simulator/stats)`,
      `  fleet: seed ${config.seed}, ${config.fleet.assets} assets, ${config.fleet.patches} patches, ${config.fleet.patchJobs} patch jobs, ${config.fleet.mitigationJobs} mitigation jobs; latency ${config.latencyMs} ms + jitter ${config.jitterMs} ms`,
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    process.stdout.write(`${signal}: closing the simulator\n`);
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  process.stderr.write(
    `simulator: ${e.code === 'EADDRINUSE' ? 'the port is already in use (set SIMULATOR_PORT)' : e.message}\n`,
  );
  process.exit(1);
});
