/**
 * `npm run bench`: the simulator and the gateway as separate processes on 127.0.0.1, loaded with
 * autocannon, at 0 and 50 ms simulated upstream latency, with the default concurrency cap (2)
 * and with it lifted (`QUALYS_CONCURRENCY=0`). Per scenario (see `scenarios.ts`): upstream calls
 * of one request against the minimum, a sequential run (p50/p99 against the critical-path
 * floor), a throughput run (rps, p99 under load, the gateway's peak RSS and longest event-loop
 * delay). Prints a table, writes `bench-results.json` and, on a full run, the results block of docs/performance.md.
 *
 * Options:
 * - `--quick`: short runs (a smoke test; docs/performance.md is left alone unless `--update-doc`);
 * - `--only <scenario>[,<scenario>]`: those scenarios only (docs/performance.md left alone likewise);
 *   `replicas` is the multi-replica scenario (`replicas.ts`: 1 replica vs 3 sharing a cap through
 *   Redis vs 3 alone), run after the others on a full run;
 * - `--latency <ms>` / `--cap <n>`: one latency (0 or 50) / one cap (2 or 0) only;
 * - `--update-doc` / `--no-doc`: force / skip the results block of docs/performance.md.
 *
 * Environment: `BENCH_CPU_PROF=<dir>` runs the gateway with `--cpu-prof --cpu-prof-dir=<dir>`
 * (one profile per gateway process, written when it stops; see `profile-summary.ts`).
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Agent, request } from 'undici';
import {
  type ManagedProcess,
  REPO_ROOT,
  readRssBytes,
  startGateway,
  startSimulator,
  stopAll,
  stopChildrenOnSignals,
} from '../../scripts/lib/processes.js';
import { type LoggedRequest, measureParseFloor } from './parse-floor.js';
import { benchReplicas } from './replicas.js';
import {
  type BenchResults,
  type ConfigResult,
  checkTargets,
  percentile,
  replicasTable,
  resultsTable,
  type ScenarioResult,
  scenarioNotes,
  targetsSummary,
  toMB,
  updateResultsBlock,
} from './report.js';
import {
  BENCH_FLEET,
  benchFleetEnv,
  buildScenarios,
  criticalPathFloorMs,
  type Scenario,
  totalCalls,
} from './scenarios.js';

/** `--only` name of the multi-replica scenario. */
const REPLICAS_SCENARIO = 'replicas';

interface Options {
  quick: boolean;
  only: string[] | null;
  latencies: number[];
  caps: number[];
  readme: 'auto' | 'force' | 'skip';
}

/** Node flags the gateway runs with in the benchmark (none beyond BENCH_NODE_ARGS by default). */
const GATEWAY_NODE_ARGS: readonly string[] = [];

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { quick: false, only: null, latencies: [0, 50], caps: [2, 0], readme: 'auto' };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const v = argv[i + 1];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      i += 1;
      return v;
    };
    if (arg === '--quick') options.quick = true;
    else if (arg === '--only') options.only = value().split(',');
    else if (arg === '--latency') options.latencies = value().split(',').map(Number);
    else if (arg === '--cap') options.caps = value().split(',').map(Number);
    else if (arg === '--update-doc') options.readme = 'force';
    else if (arg === '--no-doc') options.readme = 'skip';
    else throw new Error(`unknown option ${arg} (--quick, --only, --latency, --cap, --update-doc, --no-doc)`);
  }
  return options;
}

/** Run lengths: the full run must finish within 5 minutes on the 2-core machine. */
const TIMING = {
  full: {
    seqBudgetMs: 1_500,
    seqMax: 200,
    seqMin: 3,
    throughputS: 3,
    jobDetailS: 4,
    throughputMaxS: 15,
    replicasS: 6,
  },
  quick: {
    seqBudgetMs: 400,
    seqMax: 50,
    seqMin: 2,
    throughputS: 1,
    jobDetailS: 1,
    throughputMaxS: 3,
    replicasS: 2,
  },
} as const;

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 4 });

interface GraphQLBody {
  data?: unknown;
  errors?: unknown[];
  extensions?: { upstream?: { calls?: number; byEndpoint?: Record<string, number> } };
}

async function postGraphQL(url: string, body: string): Promise<{ status: number; json: GraphQLBody }> {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
    dispatcher: agent,
  });
  const json = (await res.body.json()) as GraphQLBody;
  return { status: res.statusCode, json };
}

const isError = (r: { status: number; json: GraphQLBody }) =>
  r.status !== 200 || (r.json.errors !== undefined && r.json.errors.length > 0);

async function getJson<T>(url: string): Promise<T> {
  const res = await request(url, { dispatcher: agent });
  return (await res.body.json()) as T;
}

async function send(url: string, method: 'POST' | 'DELETE'): Promise<void> {
  const res = await request(url, { method, dispatcher: agent });
  await res.body.dump();
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The simulator's logged calls since the last reset, `/auth` excluded: as `METHOD template` →
 * count, and the wall time during which at least one of them was in the simulator (the union of
 * their `[startedAt, startedAt + durationMs]` intervals), ms.
 */
async function simulatorCalls(
  simulatorUrl: string,
): Promise<{ counts: Record<string, number>; upstreamWallMs: number; requests: LoggedRequest[] }> {
  const { requests } = await getJson<{
    requests: Array<LoggedRequest & { startedAt: number; durationMs: number | null }>;
  }>(`${simulatorUrl}/__simulator/requests`);
  const counts: Record<string, number> = {};
  const intervals: Array<[number, number]> = [];
  for (const r of requests) {
    if (r.path === '/auth') continue;
    const key = `${r.method} ${r.path.replace(UUID, '{id}')}`;
    counts[key] = (counts[key] ?? 0) + 1;
    intervals.push([r.startedAt, r.startedAt + (r.durationMs ?? 0)]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  let upstreamWallMs = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, to] of intervals) {
    if (to <= end) continue;
    upstreamWallMs += to - Math.max(from, end);
    end = to;
  }
  return { counts, upstreamWallMs, requests };
}

/** CPU time (user + system) a process has used so far, ms, from `/proc/<pid>/stat`; 0 when unreadable. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** Linux USER_HZ (`getconf CLK_TCK`), 100 on every mainstream kernel. */
const CLOCK_TICKS_PER_S = 100;

interface GatewayStats {
  peakRssBytes: number;
  rssBytes: number;
  heapUsedBytes: number;
  eventLoop: { maxMs: number };
}

/** The children in use, for the failure message. */
const current: { simulator?: ManagedProcess; gateway?: ManagedProcess } = {};

async function benchScenario(
  scenario: Scenario,
  config: { latencyMs: number; cap: number },
  gateway: ManagedProcess,
  simulatorUrl: string,
  simulatorPid: number,
  timing: (typeof TIMING)[keyof typeof TIMING],
): Promise<ScenarioResult> {
  const body = JSON.stringify({ query: scenario.query, variables: scenario.variables });
  const origin = new URL(gateway.url).origin;
  let errors = 0;

  // Warm-up (JIT, connections, the service token), then one request with the simulator's log.
  if (isError(await postGraphQL(gateway.url, body))) errors += 1;
  await send(`${simulatorUrl}/__simulator/requests`, 'DELETE');
  const probeStart = performance.now();
  const probe = await postGraphQL(gateway.url, body);
  const probeMs = performance.now() - probeStart;
  if (isError(probe)) {
    errors += 1;
    process.stderr.write(
      `  ${scenario.name}: HTTP ${probe.status} ${JSON.stringify(probe.json.errors ?? '').slice(0, 400)}\n`,
    );
  }
  const measured = probe.json.extensions?.upstream?.byEndpoint ?? {};
  const { counts: simulatorLog, upstreamWallMs, requests: logged } = await simulatorCalls(simulatorUrl);
  // What any gateway must spend on this request's data (parse-floor.ts), timed here.
  const parseFloor = await measureParseFloor(simulatorUrl, logged, probe.json);

  // Sequential: one connection, until the time budget or the request cap (at least seqMin).
  const latencies: number[] = [];
  const seqStart = performance.now();
  while (
    latencies.length < timing.seqMin ||
    (latencies.length < timing.seqMax && performance.now() - seqStart < timing.seqBudgetMs)
  ) {
    const t0 = performance.now();
    const r = await postGraphQL(gateway.url, body);
    latencies.push(performance.now() - t0);
    if (isError(r)) errors += 1;
  }
  latencies.sort((a, b) => a - b);
  const p50Seq = percentile(latencies, 0.5);

  // Throughput: long enough for every connection to finish a request or two. One request takes
  // at least its sequential p50 and, with a cap, its calls' rounds through the cap; under load
  // all connections queue behind each other for the gateway's CPU or for the cap.
  const baseS = scenario.throughputTarget ? timing.jobDetailS : timing.throughputS;
  const capRoundsS =
    config.cap === 0 ? 0 : (totalCalls(scenario.minimum) / config.cap) * (config.latencyMs / 1000);
  const queueS = scenario.connections * Math.max(p50Seq / 1000, capRoundsS);
  const durationS = Math.min(timing.throughputMaxS, Math.max(baseS, Math.ceil(1.5 * queueS)));
  await send(`${simulatorUrl}/__simulator/requests`, 'DELETE');
  await send(`${origin}/__bench/reset`, 'POST');
  let externalPeak = readRssBytes(gateway.pid) ?? 0;
  const sampler = setInterval(() => {
    const rss = readRssBytes(gateway.pid);
    if (rss !== null && rss > externalPeak) externalPeak = rss;
  }, 100);
  let loadErrors = 0;
  const cpuBefore = {
    gateway: cpuMs(gateway.pid),
    simulator: cpuMs(simulatorPid),
    runner: process.cpuUsage(),
  };
  const result = await autocannon({
    url: origin,
    connections: scenario.connections,
    duration: durationS,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        onResponse: (status, responseBody) => {
          if (status !== 200 || responseBody.includes('"errors":[')) loadErrors += 1;
        },
      },
    ],
  });
  clearInterval(sampler);
  const runnerCpu = process.cpuUsage(cpuBefore.runner);
  const completed = Math.max(1, result.requests.total);
  const cpuPerRequestMs = {
    gateway: (cpuMs(gateway.pid) - cpuBefore.gateway) / completed,
    simulator: (cpuMs(simulatorPid) - cpuBefore.simulator) / completed,
    loadGenerator: (runnerCpu.user + runnerCpu.system) / 1000 / completed,
  };
  const stats = await getJson<GatewayStats>(`${origin}/__bench/stats`);
  await send(`${simulatorUrl}/__simulator/requests`, 'DELETE');
  errors += loadErrors + result.errors + result.timeouts;

  const partial: Omit<ScenarioResult, 'targets'> = {
    name: scenario.name,
    title: scenario.title,
    calls: {
      minimum: { ...scenario.minimum },
      measured,
      simulatorLog,
      minimumTotal: totalCalls(scenario.minimum),
      measuredTotal: probe.json.extensions?.upstream?.calls ?? totalCalls(measured),
      simulatorLogTotal: totalCalls(simulatorLog),
    },
    probe: { totalMs: probeMs, upstreamWallMs, gatewayMs: Math.max(0, probeMs - upstreamWallMs) },
    levels: scenario.levels.map((l) => ({ ...l })),
    floorMs: criticalPathFloorMs(scenario.levels, config.cap, config.latencyMs),
    parseFloor: {
      ...parseFloor,
      gatewayCpuMultiple: cpuPerRequestMs.gateway / parseFloor.floorMs,
    },
    sequential: { requests: latencies.length, p50Ms: p50Seq, p99Ms: percentile(latencies, 0.99) },
    throughput: {
      connections: scenario.connections,
      durationS: result.duration,
      requests: result.requests.total,
      rps: result.requests.total / result.duration,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      socketErrors: result.errors,
      timeouts: result.timeouts,
      cpuPerRequestMs,
    },
    gateway: {
      peakRssMB: toMB(stats.peakRssBytes),
      peakRssExternalMB: toMB(externalPeak),
      maxEventLoopDelayMs: stats.eventLoop.maxMs,
    },
    errors,
  };
  return {
    ...partial,
    targets: checkTargets(partial, config, {
      throughputTarget: scenario.throughputTarget === true,
      stallTarget: scenario.stallTarget === true,
    }),
  };
}

function machineDescription(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const timing = options.quick ? TIMING.quick : TIMING.full;
  const wallStart = performance.now();
  stopChildrenOnSignals();
  // The benchmark measures the compiled gateway, which `npm start` runs.
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: REPO_ROOT, stdio: 'inherit' });

  const all = buildScenarios();
  const scenarios = options.only === null ? all : all.filter((s) => options.only?.includes(s.name));
  const runReplicas = options.only === null || options.only.includes(REPLICAS_SCENARIO);
  if (scenarios.length === 0 && !runReplicas) {
    throw new Error(`--only: none of ${[...all.map((s) => s.name), REPLICAS_SCENARIO].join(', ')}`);
  }

  const profileDir = process.env['BENCH_CPU_PROF'];
  // BENCH_NODE_ARGS: extra node flags for the gateway, to compare runtime settings.
  const extraNodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const gatewayNodeArgs = [
    ...GATEWAY_NODE_ARGS,
    ...extraNodeArgs,
    ...(profileDir === undefined || profileDir === '' ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]),
  ];

  const configs: ConfigResult[] = [];
  for (const latencyMs of scenarios.length === 0 ? [] : options.latencies) {
    process.stdout.write(`simulator: latency ${latencyMs} ms, fleet ${JSON.stringify(BENCH_FLEET)}\n`);
    const simulator = await startSimulator({
      env: { ...benchFleetEnv(), SIMULATOR_LATENCY_MS: String(latencyMs) },
    });
    current.simulator = simulator;
    for (const cap of options.caps) {
      const gateway = await startGateway({
        qualysBaseUrl: simulator.url,
        entry: 'test/bench/gateway-process.mjs',
        nodeArgs: gatewayNodeArgs,
        env: { QUALYS_CONCURRENCY: String(cap) },
      });
      current.gateway = gateway;
      const idle = await getJson<GatewayStats>(`${new URL(gateway.url).origin}/__bench/stats`);
      process.stdout.write(
        `gateway: cap ${cap === 0 ? 'lifted' : cap}, idle RSS ${toMB(idle.rssBytes).toFixed(0)} MB (heap ${toMB(idle.heapUsedBytes).toFixed(0)} MB)\n`,
      );
      const config: ConfigResult = { latencyMs, cap, scenarios: [] };
      for (const scenario of scenarios) {
        const r = await benchScenario(
          scenario,
          { latencyMs, cap },
          gateway,
          simulator.url,
          simulator.pid,
          timing,
        );
        config.scenarios.push(r);
        const missed = r.targets.filter((t) => !t.pass).map((t) => t.figure);
        process.stdout.write(
          `  ${latencyMs} ms / cap ${cap === 0 ? 'lifted' : cap} ${r.name}: calls ${r.calls.measuredTotal}/${r.calls.minimumTotal}, p50 ${r.sequential.p50Ms.toFixed(1)} ms (floor ${r.floorMs}), ${r.throughput.rps.toFixed(1)} rps, p99 load ${r.throughput.p99Ms} ms, RSS ${Math.max(r.gateway.peakRssMB, r.gateway.peakRssExternalMB).toFixed(0)} MB, loop ${r.gateway.maxEventLoopDelayMs.toFixed(1)} ms, errors ${r.errors}${missed.length > 0 ? `  [missed: ${missed.join(', ')}]` : ''}\n`,
        );
      }
      configs.push(config);
      await gateway.stop();
    }
    await simulator.stop();
  }
  const replicas = runReplicas ? await benchReplicas(timing.replicasS) : undefined;
  await stopAll();
  await agent.close();

  const targetsMissed = configs.flatMap((c) =>
    c.scenarios.flatMap((r) =>
      r.targets
        .filter((t) => !t.pass)
        .map(
          (t) =>
            `${c.latencyMs} ms / cap ${c.cap === 0 ? 'lifted' : c.cap}, ${r.name}: ${t.figure} ${t.value}, target ${t.target}`,
        ),
    ),
  );
  const argv = process.argv.slice(2).join(' ');
  const results: BenchResults = {
    machine: machineDescription(),
    command: argv === '' ? 'npm run bench' : `npm run bench -- ${argv}`,
    startedAt: new Date(Date.now() - (performance.now() - wallStart)).toISOString(),
    wallS: (performance.now() - wallStart) / 1000,
    quick: options.quick,
    fleet: { ...BENCH_FLEET },
    configs,
    targetsMissed,
    replicas,
  };

  process.stdout.write(
    `\n${resultsTable(results)}\n\n${scenarioNotes(results)}\n\n${targetsSummary(results)}\n\n${replicasTable(results)}\n`,
  );
  const jsonPath = `${REPO_ROOT}bench-results.json`;
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nwrote ${jsonPath}\n`);

  const full =
    !options.quick && options.only === null && options.latencies.length === 2 && options.caps.length === 2;
  const writeReadme = options.readme === 'force' || (options.readme === 'auto' && full);
  if (writeReadme) {
    const ok = updateResultsBlock(`${REPO_ROOT}docs/performance.md`, results);
    process.stdout.write(
      ok
        ? 'docs/performance.md: results block (<!-- bench:start --> … <!-- bench:end -->) rewritten\n'
        : 'docs/performance.md: no <!-- bench:start --> / <!-- bench:end --> markers, not written\n',
    );
  } else {
    process.stdout.write(
      'docs/performance.md: not rewritten (only a full run rewrites it; --update-doc forces, --no-doc skips)\n',
    );
  }
  process.stdout.write(`bench wall time: ${results.wallS.toFixed(1)} s\n`);
}

main().catch(async (error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  for (const child of [current.gateway, current.simulator]) {
    if (child === undefined) continue;
    process.stderr.write(
      `${child.name} (${child.isRunning() ? 'running' : 'exited'}) stderr tail:\n${child.stderr().slice(-2_000)}\n`,
    );
  }
  await stopAll(2_000);
  process.exit(1);
});
