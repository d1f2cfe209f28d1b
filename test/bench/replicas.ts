/**
 * The replicas scenario of `npm run bench`: one simulator that allows 2 concurrent calls per
 * subscription (`SIMULATOR_CONCURRENCY_LIMIT=2`, 20 ms latency), loaded by closed-loop clients
 * sending the dashboard (`patchJobs(first: 20)` with each job's latest result: 21 calls) spread
 * round-robin over the replicas, in three set-ups at the same per-process cap of 2:
 *
 * - `1 replica`: one process alone (the reference);
 * - `3 replicas + Redis`: three processes sharing one cap through Redis (`REDIS_URL`);
 * - `3 replicas alone`: three processes each with its own cap (what replicas did before Redis
 *   coordination): up to 6 calls in flight against a limit of 2.
 *
 * Per set-up: answered and complete (error-free) requests per second, p50 and p99 latency, requests with errors, and the
 * simulator's 409 refusals. The subscription's limit is the bottleneck, so three coordinated
 * replicas cannot beat one; they must match it without refusals, where uncoordinated ones lose
 * requests to 409s. Needs `redis-server` on PATH (or `REDIS_TEST_URL`); skipped with a line without.
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { startSimulator } from '../../scripts/lib/processes.js';
import { startReplicas } from '../../scripts/lib/replicas.js';
import { findRedis, startTestRedis } from '../helpers/redis.js';
import { percentile } from './report.js';
import { benchFleetEnv } from './scenarios.js';

/** One set-up's figures. */
export interface ReplicaSetupResult {
  readonly setup: string;
  readonly replicas: number;
  readonly coordinated: boolean;
  readonly durationS: number;
  readonly requests: number;
  readonly rps: number;
  /** Complete answers (no error) per second. */
  readonly completeRps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Requests answered with errors (partial data) or a non-200 status. */
  readonly errors: number;
  /** Upstream calls the simulator refused with 409 (concurrency limit). */
  readonly upstream409: number;
  /** Upstream calls made (`/auth` excluded). */
  readonly upstreamCalls: number;
}

/** The scenario's results, or why it was skipped. */
export type ReplicasResult =
  | { readonly skipped: string }
  | {
      readonly upstreamLimit: number;
      readonly latencyMs: number;
      readonly clients: number;
      readonly setups: ReplicaSetupResult[];
    };

const DASHBOARD = JSON.stringify({
  query:
    'query Dashboard { patchJobs(platform: WINDOWS, first: 20) { nodes { id name latestResult { assetResults { status } } } } }',
});
const UPSTREAM_LIMIT = 2;
const LATENCY_MS = 20;
const CLIENTS = 6;

async function json<T>(url: string, method = 'GET'): Promise<T | undefined> {
  const res = await request(url, { method });
  if (res.statusCode === 204) {
    await res.body.dump();
    return undefined;
  }
  return (await res.body.json()) as T;
}

/**
 * Runs the three set-ups, `durationS` of load each (after one warm-up request per replica).
 * Prints one line per set-up.
 */
export async function benchReplicas(durationS: number): Promise<ReplicasResult> {
  if (findRedis().kind === 'none') {
    const skipped = 'no redis-server on PATH and no REDIS_TEST_URL';
    process.stdout.write(`replicas: skipped (${skipped})\n`);
    return { skipped };
  }
  const redis = await startTestRedis();
  const simulator = await startSimulator({
    env: {
      ...benchFleetEnv(),
      SIMULATOR_LATENCY_MS: String(LATENCY_MS),
      SIMULATOR_CONCURRENCY_LIMIT: String(UPSTREAM_LIMIT),
    },
  });
  process.stdout.write(
    `replicas: simulator allows ${UPSTREAM_LIMIT} concurrent calls, ${LATENCY_MS} ms latency; ${CLIENTS} clients, dashboard of 20 jobs (21 calls)\n`,
  );
  const setups: ReplicaSetupResult[] = [];
  try {
    const plan = [
      { setup: '1 replica', replicas: 1, coordinated: false },
      { setup: '3 replicas + Redis', replicas: 3, coordinated: true },
      { setup: '3 replicas alone', replicas: 3, coordinated: false },
    ];
    for (const [index, step] of plan.entries()) {
      const set = await startReplicas({
        qualysBaseUrl: simulator.url,
        count: step.replicas,
        entry: 'test/bench/gateway-process.mjs',
        redisUrl: step.coordinated ? redis.url : undefined,
        prefix: `bench${index}:`,
        env: { QUALYS_CONCURRENCY: String(UPSTREAM_LIMIT) },
      });
      try {
        const urls = set.replicas.map((r) => r.url);
        const post = async (url: string) => {
          const res = await request(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: DASHBOARD,
          });
          const text = await res.body.text();
          return res.statusCode !== 200 || text.includes('"errors":[');
        };
        for (const url of urls) await post(url); // warm-up: JIT, connections, the token
        await json(`${simulator.url}/__simulator/requests`, 'DELETE');
        const latencies: number[] = [];
        let errors = 0;
        const started = performance.now();
        const until = started + durationS * 1000;
        await Promise.all(
          Array.from({ length: CLIENTS }, async (_, client) => {
            for (let n = 0; performance.now() < until; n++) {
              const t0 = performance.now();
              if (await post(urls[(client + n) % urls.length] as string)) errors += 1;
              latencies.push(performance.now() - t0);
            }
          }),
        );
        const elapsedS = (performance.now() - started) / 1000;
        const log = (await json<{ requests: Array<{ path: string; status: number | null }> }>(
          `${simulator.url}/__simulator/requests`,
        )) ?? { requests: [] };
        const calls = log.requests.filter((r) => r.path !== '/auth');
        latencies.sort((a, b) => a - b);
        const result: ReplicaSetupResult = {
          ...step,
          durationS: elapsedS,
          requests: latencies.length,
          rps: latencies.length / elapsedS,
          completeRps: (latencies.length - errors) / elapsedS,
          p50Ms: percentile(latencies, 0.5),
          p99Ms: percentile(latencies, 0.99),
          errors,
          upstream409: calls.filter((c) => c.status === 409).length,
          upstreamCalls: calls.length,
        };
        setups.push(result);
        process.stdout.write(
          `  ${step.setup.padEnd(20)} ${result.rps.toFixed(2)} rps (${result.completeRps.toFixed(2)} complete), p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms, ${result.errors}/${result.requests} requests with errors, ${result.upstream409}/${result.upstreamCalls} upstream calls refused with 409\n`,
        );
      } finally {
        await set.stop();
      }
    }
  } finally {
    await simulator.stop();
    await redis.stop();
  }
  return { upstreamLimit: UPSTREAM_LIMIT, latencyMs: LATENCY_MS, clients: CLIENTS, setups };
}
