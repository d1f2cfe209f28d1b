/**
 * The benchmark's results: their JSON shape, the targets of the performance issue with pass/fail,
 * the printed table and the block of docs/performance.md between `<!-- bench:start -->` and `<!-- bench:end -->`.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { ReplicasResult } from './replicas.js';

/** A target checked against one figure. */
export interface TargetCheck {
  /** Which figure (`calls`, `p50`, `rps`, `p99`, `rss`, `stall`, `errors`). */
  readonly figure: string;
  /** The target, readable (`≤ 110 ms`). */
  readonly target: string;
  /** The measured value, readable. */
  readonly value: string;
  readonly pass: boolean;
}

/** Results of one scenario in one configuration. */
export interface ScenarioResult {
  readonly name: string;
  readonly title: string;
  readonly calls: {
    readonly minimum: Record<string, number>;
    /** From the response's `extensions.upstream.byEndpoint`. */
    readonly measured: Record<string, number>;
    /** From the simulator's request log for the same request (`/auth` excluded). */
    readonly simulatorLog: Record<string, number>;
    readonly minimumTotal: number;
    readonly measuredTotal: number;
    readonly simulatorLogTotal: number;
  };
  /**
   * The request of the calls check: its latency, the wall time with at least one upstream call
   * in the simulator (its request log), and the rest: the gateway's own time (plus loopback), ms.
   */
  readonly probe: { readonly totalMs: number; readonly upstreamWallMs: number; readonly gatewayMs: number };
  readonly levels: ReadonlyArray<{ label: string; calls: number }>;
  /** Critical-path floor, ms. */
  readonly floorMs: number;
  /**
   * The parse floor (`parse-floor.ts`): `JSON.parse` of the request's upstream bodies plus
   * `JSON.stringify` of its answer, in the bench process, ms; and the gateway's CPU per request
   * (throughput run) as a multiple of it.
   */
  readonly parseFloor: {
    readonly floorMs: number;
    readonly upstreamBytes: number;
    readonly answerBytes: number;
    readonly gatewayCpuMultiple: number;
  };
  /** Sequential run (1 connection). */
  readonly sequential: { readonly requests: number; readonly p50Ms: number; readonly p99Ms: number };
  /** Throughput run (autocannon). */
  readonly throughput: {
    readonly connections: number;
    readonly durationS: number;
    readonly requests: number;
    readonly rps: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
    readonly non2xx: number;
    readonly socketErrors: number;
    readonly timeouts: number;
    /**
     * CPU time (user + system) per completed request during the run, ms: the gateway's and the
     * simulator's from `/proc/<pid>/stat`, the load generator's (this process) from
     * `process.cpuUsage()`. All three share the machine's cores.
     */
    readonly cpuPerRequestMs: {
      readonly gateway: number;
      readonly simulator: number;
      readonly loadGenerator: number;
    };
  };
  /** Gateway during the throughput run. */
  readonly gateway: {
    /** Peak RSS the gateway sampled itself (50 ms), MB. */
    readonly peakRssMB: number;
    /** Peak RSS sampled from outside (`/proc/<pid>/status`, 100 ms), MB. */
    readonly peakRssExternalMB: number;
    /** Longest event-loop delay (`monitorEventLoopDelay`, 10 ms resolution), ms. */
    readonly maxEventLoopDelayMs: number;
  };
  /** Responses with GraphQL `errors` or a non-200 status, over all runs of the scenario. */
  readonly errors: number;
  readonly targets: readonly TargetCheck[];
}

/** One (latency, concurrency cap) configuration. */
export interface ConfigResult {
  readonly latencyMs: number;
  /** `QUALYS_CONCURRENCY`: 2 (default) or 0 (lifted). */
  readonly cap: number;
  readonly scenarios: ScenarioResult[];
}

/** The whole `bench-results.json`. */
export interface BenchResults {
  readonly machine: string;
  readonly command: string;
  readonly startedAt: string;
  readonly wallS: number;
  readonly quick: boolean;
  readonly fleet: Record<string, number>;
  readonly configs: ConfigResult[];
  readonly targetsMissed: string[];
  /** The replicas scenario (`replicas.ts`); absent when it was not run. */
  readonly replicas?: ReplicasResult | undefined;
}

/**
 * The nearest-rank percentile `q` (0..1) of ascending `sorted` values; `NaN` for no values.
 */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

const MB = 1024 * 1024;
/** Bytes to MB as the bench prints RSS (MiB: 1 MB here = 1,048,576 bytes). */
export const toMB = (bytes: number) => bytes / MB;

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–';

/** The targets of the issue for one scenario result (before they are attached). */
export function checkTargets(
  r: Omit<ScenarioResult, 'targets'>,
  config: { latencyMs: number; cap: number },
  flags: { throughputTarget: boolean; stallTarget: boolean },
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const callsOk =
    sameCounts(r.calls.measured, r.calls.minimum) && sameCounts(r.calls.simulatorLog, r.calls.measured);
  checks.push({
    figure: 'calls',
    target: `= ${r.calls.minimumTotal} (minimum)`,
    value: `${r.calls.measuredTotal} (log ${r.calls.simulatorLogTotal})`,
    pass: callsOk,
  });
  if (config.latencyMs === 50) {
    const limit = r.floorMs + Math.max(0.1 * r.floorMs, 10);
    checks.push({
      figure: 'p50',
      target: `≤ ${fmt(limit)} ms`,
      value: `${fmt(r.sequential.p50Ms, 1)} ms`,
      pass: r.sequential.p50Ms <= limit,
    });
  }
  if (flags.throughputTarget && config.latencyMs === 0) {
    checks.push({
      figure: 'rps',
      target: '≥ 2,000/s',
      value: `${fmt(r.throughput.rps)}/s`,
      pass: r.throughput.rps >= 2000,
    });
    checks.push({
      figure: 'p99 (load)',
      target: `< 50 ms @ ${r.throughput.connections} conns`,
      value: `${fmt(r.throughput.p99Ms, 1)} ms`,
      pass: r.throughput.p99Ms < 50,
    });
  }
  const rss = Math.max(r.gateway.peakRssMB, r.gateway.peakRssExternalMB);
  checks.push({ figure: 'rss', target: '< 200 MB', value: `${fmt(rss)} MB`, pass: rss < 200 });
  if (flags.stallTarget) {
    checks.push({
      figure: 'stall',
      target: '≤ 50 ms',
      value: `${fmt(r.gateway.maxEventLoopDelayMs, 1)} ms`,
      pass: r.gateway.maxEventLoopDelayMs <= 50,
    });
  }
  checks.push({ figure: 'errors', target: '0', value: String(r.errors), pass: r.errors === 0 });
  return checks;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}

const mark = (pass: boolean) => (pass ? '✅' : '❌');

function cell(r: ScenarioResult, figure: string, text: string): string {
  const check = r.targets.find((t) => t.figure === figure);
  return check === undefined ? text : `${text} ${mark(check.pass)}`;
}

/** The results table (Markdown, also readable as plain text). */
export function resultsTable(results: BenchResults): string {
  const header = [
    'latency / cap',
    'scenario',
    'calls (min)',
    'floor ms',
    'p50 ms',
    'p99 ms',
    'gateway ms',
    'rps',
    'CPU ms/req gw / sim',
    'parse floor ms (gw CPU ×)',
    'p99 load ms (conns)',
    'peak RSS MB',
    'max loop delay ms',
    'errors',
  ];
  const rows: string[][] = [];
  for (const c of results.configs) {
    for (const r of c.scenarios) {
      rows.push([
        `${c.latencyMs} ms / ${c.cap === 0 ? 'lifted' : c.cap}`,
        r.name,
        cell(r, 'calls', `${r.calls.measuredTotal} (${r.calls.minimumTotal})`),
        fmt(r.floorMs),
        cell(r, 'p50', fmt(r.sequential.p50Ms, 1)),
        fmt(r.sequential.p99Ms, 1),
        fmt(r.probe.gatewayMs, 0),
        cell(r, 'rps', fmt(r.throughput.rps, r.throughput.rps < 10 ? 1 : 0)),
        `${fmt(r.throughput.cpuPerRequestMs.gateway, 1)} / ${fmt(r.throughput.cpuPerRequestMs.simulator, 1)}`,
        `${fmt(r.parseFloor.floorMs, 1)} (${fmt(r.parseFloor.gatewayCpuMultiple, 1)}×)`,
        cell(r, 'p99 (load)', `${fmt(r.throughput.p99Ms, 1)} (${r.throughput.connections})`),
        cell(r, 'rss', fmt(Math.max(r.gateway.peakRssMB, r.gateway.peakRssExternalMB))),
        cell(r, 'stall', fmt(r.gateway.maxEventLoopDelayMs, 1)),
        cell(r, 'errors', String(r.errors)),
      ]);
    }
  }
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Scenario titles and their minimum calls by endpoint and dependency levels. */
export function scenarioNotes(results: BenchResults): string {
  const first = results.configs[0];
  if (!first) return '';
  return first.scenarios
    .map((r) => {
      const levels = r.levels.map((l) => `${l.label} (${l.calls})`).join(' → ');
      return `- \`${r.name}\`: ${r.title}; minimum ${r.calls.minimumTotal} calls, levels: ${levels}`;
    })
    .join('\n');
}

/** The targets legend and the misses. */
export function targetsSummary(results: BenchResults): string {
  const lines = [
    'Targets (✅ met, ❌ missed): calls = minimum (response `extensions.upstream` and the simulator log agree);',
    'p50 at 50 ms latency ≤ floor + max(10 %, 10 ms), floor = Σ over dependency levels ⌈calls / cap⌉ × latency;',
    'job detail at 0 ms: ≥ 2,000 rps and p99 < 50 ms at 50 connections; peak RSS < 200 MB under load;',
    'max event-loop delay ≤ 50 ms while serving 10,000-patch responses (`patches10k`); no errors.',
    "p50/p99: sequential (1 connection); gateway ms: one request's latency minus the wall time an upstream call was",
    'in the simulator (its request log); rps, CPU ms per request (gateway / simulator process, /proc), p99 load,',
    'RSS (max of self-sampled and /proc), loop delay: autocannon run. Parse floor: JSON.parse of the upstream bodies',
    "one request needed plus JSON.stringify of its answer, timed in the bench process; gw CPU ×: the gateway's CPU",
    'per request as a multiple of it.',
  ];
  lines.push(
    results.targetsMissed.length === 0
      ? '\nEvery target met.'
      : `\nMissed (${results.targetsMissed.length}):\n${results.targetsMissed.map((m) => `- ${m}`).join('\n')}`,
  );
  return lines.join('\n');
}

/** The replicas scenario as a Markdown table ('' when it was not run). */
export function replicasTable(results: BenchResults): string {
  const r = results.replicas;
  if (r === undefined) return '';
  if ('skipped' in r) return `Replicas: skipped (${r.skipped}).`;
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const header = [
    'replicas (cap 2 each)',
    'rps',
    'complete answers/s',
    'p50 ms',
    'p99 ms',
    'requests with errors',
    'upstream 409s / calls',
  ];
  return [
    `Replicas: one simulator allowing ${r.upstreamLimit} concurrent calls (${r.latencyMs} ms latency), ${r.clients} closed-loop clients, the 20-job dashboard (21 calls) round-robin over the replicas:`,
    '',
    line(header),
    line(header.map(() => '---')),
    ...r.setups.map((s) =>
      line([
        s.setup,
        fmt(s.rps, 2),
        fmt(s.completeRps, 2),
        fmt(s.p50Ms),
        fmt(s.p99Ms),
        `${s.errors} / ${s.requests}`,
        `${s.upstream409} / ${s.upstreamCalls}`,
      ]),
    ),
  ].join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** The results block of docs/performance.md (between the markers). */
export function resultsBlock(results: BenchResults): string {
  return [
    START,
    '',
    `Machine: ${results.machine}. Command: \`${results.command}\` (${fmt(results.wallS)} s wall, ${results.startedAt}).`,
    '',
    resultsTable(results),
    '',
    scenarioNotes(results),
    '',
    targetsSummary(results),
    '',
    ...(results.replicas === undefined ? [] : [replicasTable(results), '']),
    END,
  ].join('\n');
}

/**
 * Replaces the block between the markers in the Markdown file `path`.
 *
 * @returns false when the file has no markers (nothing written).
 */
export function updateResultsBlock(path: string, results: BenchResults): boolean {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end === -1 || end < start) return false;
  writeFileSync(path, text.slice(0, start) + resultsBlock(results) + text.slice(end + END.length));
  return true;
}
