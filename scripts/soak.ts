/**
 * `npm run soak [-- --duration <s>] [--warmup <s>] [--connections <n>]`: a soak test of the
 * gateway. Starts the simulator and the gateway as separate processes on 127.0.0.1, switches on
 * the simulator's fault modes (5xx before and after the route, socket resets before and after,
 * truncated JSON, a concurrency cap of 2 answered 409, periodic slow phases and token expiry),
 * drives a mix of GraphQL requests with autocannon (the operations of schema/operations/, creates
 * with idempotency keys, requests the query limits reject, invalid requests) while a side loop
 * aborts requests mid-flight, and samples the gateway's RSS every second.
 *
 * Fails (exit 1) when the gateway's RSS grew by {@link MAX_GROWTH_PERCENT} % or more after the
 * warm-up, when the gateway logged an unhandled rejection or an uncaught exception (the JSON lines
 * written by src/main.ts), or when the gateway died. Writes its figures to `soak-results.json`.
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { mulberry32 } from './lib/prng.js';
import {
  type ManagedProcess,
  REPO_ROOT,
  readRssBytes,
  startGateway,
  startSimulator,
  stopAll,
  stopChildrenOnSignals,
} from './lib/processes.js';

/** Growth of the gateway's RSS after warm-up, in %, at which the soak fails. */
const MAX_GROWTH_PERCENT = 10;
/** Where the figures are written (relative to the working directory). */
const RESULTS_FILE = 'soak-results.json';
/** The `msg` values of src/main.ts's process-level handlers. */
const PROCESS_ERROR_MSGS = new Set(['unhandled rejection', 'uncaught exception']);

/** The simulator's fault modes during the load (src/simulator/types.ts `SimulatorFaultModes`). */
const FAULT_MODES = {
  concurrencyLimit: 2,
  errorRate: 0.05,
  errorAfterRate: 0.01,
  resetRate: 0.02,
  resetAfterRate: 0.02,
  malformedRate: 0.01,
};
/** Every `SLOW_PHASE_EVERY_MS`, `SLOW_PHASE_MS` of slow headers and bodies. */
const SLOW_PHASE_EVERY_MS = 30_000;
const SLOW_PHASE_MS = 5_000;
const SLOW_MODES = { slowHeadersMs: 300, slowBodyMs: 300 };
/** How often every token issued so far is expired (`POST /__simulator/expire-tokens`). */
const EXPIRE_TOKENS_EVERY_MS = 20_000;
/** How often the simulator's append-only request log is emptied (keeps the simulator small). */
const CLEAR_REQUEST_LOG_EVERY_MS = 5_000;
/** Idempotency keys per create mutation: a bounded pool, so most creates later are replays. */
const IDEMPOTENCY_KEY_POOL = 300;
/** Seconds autocannon waits for an answer before it drops the connection (a client abort). */
const CLIENT_TIMEOUT_S = 10;

// --- options ---------------------------------------------------------------------------------

function parseOptions() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '600' },
      warmup: { type: 'string' },
      connections: { type: 'string', default: '8' },
      seed: { type: 'string', default: '1' },
      'trace-gc': { type: 'boolean', default: false },
      'max-old-space': { type: 'string', default: '160' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'npm run soak -- [--duration <s> (600)] [--warmup <s> (10 % of duration, at least 10)] [--connections <n> (8)] [--seed <n> (1)] [--trace-gc]\n  --trace-gc: run the gateway with node --trace-gc and report the V8 heap left after each full (Mark-Compact) GC, to tell a heap leak from RSS that V8 or the allocator keeps\n',
    );
    process.exit(0);
  }
  const number = (name: string, raw: string, min: number): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      process.stderr.write(`--${name}: must be a whole number of at least ${min}\n`);
      process.exit(2);
    }
    return value;
  };
  const durationS = number('duration', values.duration, 20);
  const warmupS =
    values.warmup === undefined
      ? Math.max(10, Math.round(durationS * 0.1))
      : number('warmup', values.warmup, 0);
  if (warmupS >= durationS - 10) {
    process.stderr.write('--warmup: must leave at least 10 s of measured load\n');
    process.exit(2);
  }
  return {
    durationS,
    warmupS,
    connections: number('connections', values.connections, 1),
    seed: number('seed', values.seed, 0),
    traceGc: values['trace-gc'],
    maxOldSpaceMiB: number('max-old-space', values['max-old-space'], 0),
  };
}

// --- helpers ---------------------------------------------------------------------------------

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function increment(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message?: string; extensions?: { code?: string } }>;
}

/** POSTs a GraphQL request; throws on a non-200 answer or GraphQL errors (setup only). */
async function graphql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLAnswer;
  if (response.status !== 200 || body.errors !== undefined || body.data == null) {
    throw new Error(`setup query failed (${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

// --- the request mix -------------------------------------------------------------------------

/** Ids taken from the simulator's data through the gateway before the faults are switched on. */
interface Fixtures {
  patchJobIds: string[];
  mitigationJobIds: string[];
  numericAssetIds: number[];
  patchIds: string[];
  tagId: string;
}

async function loadFixtures(gatewayUrl: string): Promise<Fixtures> {
  const jobs = async (platform: string) => {
    const data = (await graphql(
      gatewayUrl,
      'query($p: Platform!) { patchJobs(platform: $p, first: 50) { nodes { id assetTags { id } } } }',
      { p: platform },
    )) as { patchJobs: { nodes: Array<{ id: string; assetTags: Array<{ id: string }> | null }> } };
    return data.patchJobs.nodes;
  };
  const windowsJobs = await jobs('WINDOWS');
  const linuxJobs = await jobs('LINUX');
  const assets = async (platform: string) =>
    (
      (await graphql(
        gatewayUrl,
        'query($p: Platform!) { assets(platform: $p, first: 100) { nodes { assetId } } }',
        {
          p: platform,
        },
      )) as { assets: { nodes: Array<{ assetId: number | null }> } }
    ).assets.nodes.flatMap((n) => (n.assetId === null ? [] : [n.assetId]));
  const patches = (
    (await graphql(
      gatewayUrl,
      '{ patches(platform: WINDOWS, first: 50, query: "isSuperseded:true") { nodes { id } } }',
    )) as { patches: { nodes: Array<{ id: string }> } }
  ).patches.nodes.map((n) => n.id);
  const tagId =
    [...windowsJobs, ...linuxJobs].flatMap((j) => j.assetTags ?? []).map((t) => t.id)[0] ??
    '0d2c7c48-2b63-4a4b-a1d1-6f8a6fb7b7c1';
  // No query lists mitigation jobs: create a few to read back.
  const mitigationJobIds: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const data = (await graphql(
      gatewayUrl,
      'mutation($i: CreateMitigationJobInput!) { createMitigationJob(input: $i) { job { id } userErrors { message } } }',
      {
        i: {
          name: `soak fixture ${i}`,
          platform: 'WINDOWS',
          qids: [91234 + i],
          targets: { tagIds: [tagId] },
        },
      },
    )) as { createMitigationJob: { job: { id: string } | null } };
    if (data.createMitigationJob.job !== null) mitigationJobIds.push(data.createMitigationJob.job.id);
  }
  return {
    patchJobIds: [...windowsJobs, ...linuxJobs].map((j) => j.id),
    mitigationJobIds,
    numericAssetIds: [...(await assets('WINDOWS')), ...(await assets('LINUX'))],
    patchIds: patches,
    tagId,
  };
}

const OPERATIONS = {
  dashboard:
    'query Dashboard($platform: Platform! = WINDOWS, $first: Int = 50, $after: String) { patchJobs(platform: $platform, first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { id name status statusLabel completionPercent schedule { type startDateTime timezone } assets { id name } approvedPatches { id title } latestResult { jobInstanceId assetResults { asset { id name } status statusLabel installedPatches { id title kb } failedPatches { id title kb } } } } } }',
  jobDetail:
    'query JobDetail($id: ID!) { patchJob(id: $id) { id name description type status statusLabel platform createdBy { id name } createdAt schedule { type startDateTime timezone recurring weekDays } assets { id name operatingSystem } assetTags { id } approvedPatches { id title kb vendorSeverity isSecurity rebootRequired } linkedJob { id name } runs { jobInstanceId scheduledAt result { assetCount assetResults { asset { id name } status statusLabel installedPatchCount failedPatchCount } } } } }',
  assetsByAssetId:
    'query AssetsByAssetId($assetIds: [Int!]!) { assetsByAssetId(assetIds: $assetIds) { mapped { id assetId } unmappedAssetIds } }',
  assetJobs:
    'query AssetJobs($assetIds: [Int!]!) { assetsByAssetId(assetIds: $assetIds) { mapped { id assetId name missingPatches { id title } patchJobs { id name statusLabel } } unmappedAssetIds } }',
  patchSupersedence:
    'query PatchSupersedence($id: ID!, $platform: Platform) { patch(id: $id, platform: $platform) { id title kb isSuperseded supersedes { id title kb supersedes { id title kb } } supersededBy { id title kb supersededBy { id title kb } } } }',
  mitigationJobDetail:
    'query MitigationJobDetail($id: ID!) { mitigationJob(id: $id) { id name status statusLabel platform completionPercent qids schedule { type startDateTime timezone } actions { id action qid qidTitle mitigationCategory mitigations { id type cves } vulnerability { qid title severity cves } } } }',
  createPatchJob:
    'mutation CreatePatchJob($input: CreatePatchJobInput!, $idempotencyKey: String) { createPatchJob(input: $input, idempotencyKey: $idempotencyKey) { replayed job { id name status } userErrors { field message code qualysErrorCode } } }',
  createMitigationJob:
    'mutation CreateMitigationJob($input: CreateMitigationJobInput!, $idempotencyKey: String) { createMitigationJob(input: $input, idempotencyKey: $idempotencyKey) { replayed job { id name status } userErrors { field message code qualysErrorCode } } }',
  setMitigationJobsStatus:
    'mutation($ids: [ID!]!, $status: JobConfigStatus!) { setMitigationJobsStatus(ids: $ids, status: $status) { results { id success message } userErrors { message code } } }',
};

/** A query nested deeper than the depth limit (12). */
function deepQuery(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i += 1) selection = `id supersedes { ${selection} }`;
  return `query Deep($id: ID!) { patch(id: $id) { ${selection} } }`;
}
/** More aliases than the alias limit (15). */
const ALIAS_BOMB = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: patchJobs(platform: WINDOWS, first: 50) { nodes { id } }`).join(' ')} }`;
/** More tokens than the token limit (2,000). */
const TOKEN_FLOOD = `{ patchJobs(platform: WINDOWS, first: 1) { nodes { ${'id '.repeat(3_000)}} } }`;

/** One entry of the mix: a weight and a body factory. */
interface MixEntry {
  readonly kind: string;
  readonly weight: number;
  readonly body: () => string;
  readonly contentType?: string;
}

function createMix(fixtures: Fixtures, random: () => number): MixEntry[] {
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('empty fixture list');
    return item;
  };
  const gql = (query: string, variables: Record<string, unknown> = {}) =>
    JSON.stringify({ query, variables });
  const key = (prefix: string) => `${prefix}-${Math.floor(random() * IDEMPOTENCY_KEY_POOL)}`;
  const someAssetIds = () => {
    const n = 1 + Math.floor(random() * 40);
    // Mostly known ids, some unknown (unmappedAssetIds).
    return Array.from({ length: n }, () =>
      random() < 0.9 ? pick(fixtures.numericAssetIds) : 90_000_000 + n,
    );
  };
  return [
    {
      kind: 'Dashboard',
      weight: 16,
      body: () =>
        gql(OPERATIONS.dashboard, {
          platform: random() < 0.6 ? 'WINDOWS' : 'LINUX',
          first: 5 + Math.floor(random() * 16),
        }),
    },
    {
      kind: 'JobDetail',
      weight: 18,
      body: () => gql(OPERATIONS.jobDetail, { id: pick(fixtures.patchJobIds) }),
    },
    {
      kind: 'JobDetail (unknown id)',
      weight: 2,
      body: () => gql(OPERATIONS.jobDetail, { id: '00000000-0000-4000-8000-000000000000' }),
    },
    {
      kind: 'AssetsByAssetId',
      weight: 10,
      body: () => gql(OPERATIONS.assetsByAssetId, { assetIds: someAssetIds() }),
    },
    {
      kind: 'AssetJobs',
      weight: 4,
      body: () => gql(OPERATIONS.assetJobs, { assetIds: someAssetIds().slice(0, 5) }),
    },
    {
      kind: 'PatchSupersedence',
      weight: 12,
      body: () => gql(OPERATIONS.patchSupersedence, { id: pick(fixtures.patchIds), platform: 'WINDOWS' }),
    },
    {
      kind: 'MitigationJobDetail',
      weight: 8,
      body: () => gql(OPERATIONS.mitigationJobDetail, { id: pick(fixtures.mitigationJobIds) }),
    },
    {
      kind: 'CreatePatchJob',
      weight: 4,
      body: () =>
        gql(OPERATIONS.createPatchJob, {
          idempotencyKey: key('soak-patch'),
          input: {
            name: `soak ${Math.floor(random() * 1e9)}`,
            platform: 'LINUX',
            patches: { qql: 'isSecurity:true' },
            targets: { tagIds: [fixtures.tagId] },
          },
        }),
    },
    {
      kind: 'CreateMitigationJob',
      weight: 3,
      body: () =>
        gql(OPERATIONS.createMitigationJob, {
          idempotencyKey: key('soak-mtg'),
          input: {
            name: `soak ${Math.floor(random() * 1e9)}`,
            platform: 'WINDOWS',
            qids: [91_000 + Math.floor(random() * 1000)],
            targets: { tagIds: [fixtures.tagId] },
          },
        }),
    },
    {
      kind: 'CreatePatchJob (invalid input)',
      weight: 2,
      body: () =>
        gql(OPERATIONS.createPatchJob, {
          input: { name: '', platform: 'WINDOWS', patches: { qql: 'x', patchIds: ['y'] } },
        }),
    },
    {
      kind: 'SetMitigationJobsStatus',
      weight: 2,
      body: () =>
        gql(OPERATIONS.setMitigationJobsStatus, {
          ids: [pick(fixtures.mitigationJobIds)],
          status: random() < 0.5 ? 'ENABLED' : 'DISABLED',
        }),
    },
    { kind: 'abusive: depth', weight: 3, body: () => gql(deepQuery(20), { id: pick(fixtures.patchIds) }) },
    { kind: 'abusive: aliases', weight: 3, body: () => gql(ALIAS_BOMB) },
    { kind: 'abusive: tokens', weight: 2, body: () => gql(TOKEN_FLOOD) },
    {
      kind: 'invalid: syntax',
      weight: 2,
      body: () => gql('query { patchJobs(platform: WINDOWS { nodes { id } }'),
    },
    {
      kind: 'invalid: unknown field',
      weight: 2,
      body: () => gql('{ patchJobs(platform: WINDOWS) { nodes { nope } } }'),
    },
    {
      kind: 'invalid: variable type',
      weight: 2,
      body: () => gql(OPERATIONS.assetsByAssetId, { assetIds: ['not-a-number'] }),
    },
    { kind: 'invalid: not JSON', weight: 1, body: () => '{"query": ', contentType: 'application/json' },
  ];
}

/** Picks an entry by weight. */
function createPicker(mix: readonly MixEntry[], random: () => number): () => MixEntry {
  const total = mix.reduce((sum, entry) => sum + entry.weight, 0);
  return () => {
    let r = random() * total;
    for (const entry of mix) {
      r -= entry.weight;
      if (r < 0) return entry;
    }
    return mix[mix.length - 1] as MixEntry;
  };
}

// --- side loops ------------------------------------------------------------------------------

/** Counters of the client-abort loop. */
interface AbortStats {
  started: number;
  abortedBeforeAnswer: number;
  answered: number;
  oversizedBodies: number;
  oversizedStatus: Record<string, number>;
}

/**
 * Sends requests and aborts them after 1-150 ms (most mid-flight, during upstream calls), two at
 * a time, until `signal` aborts. Every 50th request is a body over MAX_BODY_BYTES (413 expected).
 */
async function abortLoop(
  gatewayUrl: string,
  pickBody: () => string,
  random: () => number,
  stats: AbortStats,
  signal: AbortSignal,
): Promise<void> {
  const oversized = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1_100_000) } });
  const worker = async () => {
    while (!signal.aborted) {
      stats.started += 1;
      if (stats.started % 50 === 0) {
        stats.oversizedBodies += 1;
        try {
          const response = await fetch(gatewayUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: oversized,
          });
          await response.arrayBuffer();
          increment(stats.oversizedStatus, String(response.status));
        } catch (error) {
          increment(stats.oversizedStatus, (error as Error).name);
        }
        continue;
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 1 + Math.floor(random() * 150));
      try {
        const response = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: pickBody(),
          signal: controller.signal,
        });
        await response.arrayBuffer();
        stats.answered += 1;
      } catch {
        stats.abortedBeforeAnswer += 1;
      } finally {
        clearTimeout(timer);
      }
      await sleep(10);
    }
  };
  await Promise.all([worker(), worker()]);
}

/** Calls `fn` every `everyMs` until `signal` aborts; failures are counted, never thrown. */
function every(
  everyMs: number,
  fn: () => Promise<unknown>,
  failures: { count: number },
  signal: AbortSignal,
) {
  const timer = setInterval(() => {
    fn().catch(() => {
      failures.count += 1;
    });
  }, everyMs);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}

async function simulatorCall(
  simulatorUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<void> {
  const response = await fetch(`${simulatorUrl}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
}

// --- main ------------------------------------------------------------------------------------

interface RssSample {
  /** Seconds since the load started. */
  t: number;
  rssBytes: number;
}

async function main(): Promise<number> {
  const options = parseOptions();
  stopChildrenOnSignals();
  const random = mulberry32(options.seed);
  const log = (line: string) => process.stdout.write(`[soak] ${line}\n`);

  log(
    `duration ${options.durationS} s, warm-up ${options.warmupS} s, ${options.connections} connections, seed ${options.seed}`,
  );
  // The soak runs what production runs: the compiled gateway (built first when dist/ is stale).
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const simulator = await startSimulator();
  // QUALYS_CONCURRENCY 3 against the simulator's cap of 2, so 409 (1960) answers and their retries
  // happen; REQUEST_TIMEOUT_MS bounds the work of requests whose client gave up.
  const gateway: ManagedProcess = await startGateway({
    qualysBaseUrl: simulator.url,
    entry: 'dist/main.js',
    env: { QUALYS_CONCURRENCY: '3', REQUEST_TIMEOUT_MS: '15000' },
    nodeArgs: [
      ...(options.maxOldSpaceMiB > 0 ? [`--max-old-space-size=${options.maxOldSpaceMiB}`] : []),
      ...(options.traceGc ? ['--trace-gc'] : []),
    ],
  });
  // With --trace-gc: the heap size after every full GC (`Mark-Compact <before> (<reserved>) ->
  // <after> (<reserved>) MB`), sampled against the load clock. A heap leak shows as a rising
  // "after"; flat "after" with rising RSS means memory V8 or malloc keeps, not live objects.
  const heapAfterFullGc: Array<{ t: number; heapMiB: number }> = [];
  let loadStartedAt: number | null = null;
  gateway.onStdoutLine((line) => {
    const match = /Mark-Compact(?: \([a-z ]+\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/.exec(line);
    if (match?.[1] !== undefined && loadStartedAt !== null) {
      heapAfterFullGc.push({ t: (Date.now() - loadStartedAt) / 1000, heapMiB: Number(match[1]) });
    }
  });
  log(`simulator ${simulator.url} (pid ${simulator.pid}), gateway ${gateway.url} (pid ${gateway.pid})`);

  const processErrors: Array<{ msg: string; name?: string; message?: string }> = [];
  const stderrLevels: Record<string, number> = {};
  gateway.onStderrLine((line) => {
    if (!line.startsWith('{')) {
      increment(stderrLevels, 'text');
      return;
    }
    try {
      const entry = JSON.parse(line) as { level?: string; msg?: string; name?: string; message?: string };
      increment(stderrLevels, `${entry.level ?? '?'}: ${entry.msg ?? '?'}`);
      if (entry.msg !== undefined && PROCESS_ERROR_MSGS.has(entry.msg)) {
        processErrors.push({ msg: entry.msg, ...entry });
        log(`gateway ${entry.msg}: ${entry.name}: ${entry.message}`);
      }
    } catch {
      increment(stderrLevels, 'unparsable');
    }
  });
  let gatewayDied: string | null = null;
  void gateway.exited.then((status) => {
    gatewayDied ??= `exited (code ${status.code}, signal ${status.signal})`;
  });

  const fixtures = await loadFixtures(gateway.url);
  log(
    `fixtures: ${fixtures.patchJobIds.length} patch jobs, ${fixtures.mitigationJobIds.length} mitigation jobs, ${fixtures.numericAssetIds.length} asset ids, ${fixtures.patchIds.length} superseded patches`,
  );
  await simulatorCall(simulator.url, 'PUT', '/__simulator/config', FAULT_MODES);
  await simulatorCall(simulator.url, 'DELETE', '/__simulator/stats');

  const mix = createMix(fixtures, random);
  const pick = createPicker(mix, random);
  const readMix = mix.filter(
    (e) => e.kind === 'Dashboard' || e.kind === 'JobDetail' || e.kind === 'AssetJobs',
  );
  const pickRead = createPicker(readMix, random);

  const stop = new AbortController();
  const maintenanceFailures = { count: 0 };
  let slowPhases = 0;
  let tokenExpiries = 0;
  every(
    SLOW_PHASE_EVERY_MS,
    async () => {
      slowPhases += 1;
      await simulatorCall(simulator.url, 'PUT', '/__simulator/config', SLOW_MODES);
      await sleep(SLOW_PHASE_MS);
      await simulatorCall(simulator.url, 'PUT', '/__simulator/config', {
        slowHeadersMs: null,
        slowBodyMs: null,
      });
    },
    maintenanceFailures,
    stop.signal,
  );
  every(
    EXPIRE_TOKENS_EVERY_MS,
    async () => {
      tokenExpiries += 1;
      await simulatorCall(simulator.url, 'POST', '/__simulator/expire-tokens');
    },
    maintenanceFailures,
    stop.signal,
  );
  every(
    CLEAR_REQUEST_LOG_EVERY_MS,
    () => simulatorCall(simulator.url, 'DELETE', '/__simulator/requests'),
    maintenanceFailures,
    stop.signal,
  );

  const byKind: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  /** GraphQL errors by `extensions.code` (one response can carry many). */
  const errorCodes: Record<string, number> = {};
  /** Responses carrying at least one error with that code. */
  const responsesWithErrorCode: Record<string, number> = {};
  let sent = 0;
  let unparsableBodies = 0;

  // RSS every second, from the start of the load.
  const samples: RssSample[] = [];
  const startedAt = Date.now();
  loadStartedAt = startedAt;
  const sampler = setInterval(() => {
    const rssBytes = readRssBytes(gateway.pid);
    if (rssBytes === null) {
      gatewayDied ??= 'its /proc entry disappeared';
      return;
    }
    samples.push({ t: (Date.now() - startedAt) / 1000, rssBytes });
  }, 1_000);
  let warmupRss: number | null = null;
  const warmupTimer = setTimeout(() => {
    warmupRss = readRssBytes(gateway.pid);
    log(`warm-up over: gateway RSS ${mib(warmupRss ?? 0)} MiB`);
  }, options.warmupS * 1000);
  const progress = setInterval(() => {
    const last = samples.at(-1);
    log(
      `t=${Math.round((Date.now() - startedAt) / 1000)} s: RSS ${mib(last?.rssBytes ?? 0)} MiB, ${sent} requests sent`,
    );
  }, 30_000);

  const abortStats: AbortStats = {
    started: 0,
    abortedBeforeAnswer: 0,
    answered: 0,
    oversizedBodies: 0,
    oversizedStatus: {},
  };
  const aborter = abortLoop(gateway.url, () => pickRead().body(), random, abortStats, stop.signal);

  const origin = new URL(gateway.url);
  const result = await autocannon({
    url: origin.origin,
    connections: options.connections,
    duration: options.durationS,
    timeout: CLIENT_TIMEOUT_S,
    requests: [
      {
        method: 'POST',
        path: origin.pathname,
        setupRequest: (request) => {
          const entry = pick();
          sent += 1;
          increment(byKind, entry.kind);
          return {
            ...request,
            headers: { 'content-type': entry.contentType ?? 'application/json' },
            body: entry.body(),
          };
        },
        onResponse: (status, body) => {
          increment(statuses, String(status));
          if (!body.includes('"errors"')) return;
          try {
            const answer = JSON.parse(body) as GraphQLAnswer;
            for (const error of answer.errors ?? []) {
              increment(errorCodes, error.extensions?.code ?? '(no code)');
            }
            const codes = new Set((answer.errors ?? []).map((e) => e.extensions?.code ?? '(no code)'));
            for (const code of codes) increment(responsesWithErrorCode, code);
          } catch {
            unparsableBodies += 1;
          }
        },
      },
    ],
  });

  stop.abort();
  await aborter;
  clearInterval(sampler);
  clearInterval(progress);
  clearTimeout(warmupTimer);
  const finalRss = readRssBytes(gateway.pid);
  const simulatorStats = await fetch(`${simulator.url}/__simulator/stats`)
    .then((r) => r.json())
    .catch(() => null);
  const gatewayAliveAtEnd = gateway.isRunning() && gatewayDied === null;
  const exit = await gateway.stop(10_000);
  await simulator.stop();

  // Growth after warm-up. The measured span (warm-up end .. end of load) is cut in thirds of W
  // seconds. Baseline = median RSS of the samples in [warm-up end, warm-up end + W); late = median
  // of the samples in the last W seconds. growth % = (late - baseline) / baseline * 100.
  // The gateway's RSS is a GC sawtooth (V8 lets the heap grow to a few hundred MiB between full
  // GCs, then gives pages back), so single samples swing by +-30 %; medians over windows spanning
  // several GC cycles measure the level, not the phase of one cycle.
  const measuredS = options.durationS - options.warmupS;
  const windowS = Math.max(5, Math.round(measuredS / 3));
  const lastT = samples.at(-1)?.t ?? 0;
  const baselineSamples = samples.filter((s) => s.t >= options.warmupS && s.t < options.warmupS + windowS);
  const lateSamples = samples.filter((s) => s.t > lastT - windowS);
  const baselineRss = median(baselineSamples.map((s) => s.rssBytes));
  const lateRss = median(lateSamples.map((s) => s.rssBytes));
  const growthPercent = baselineRss > 0 ? ((lateRss - baselineRss) / baselineRss) * 100 : Number.NaN;
  const peakRss = Math.max(...samples.map((s) => s.rssBytes));

  const unhandledRejections = processErrors.filter((e) => e.msg === 'unhandled rejection').length;
  const uncaughtExceptions = processErrors.filter((e) => e.msg === 'uncaught exception').length;
  const failures: string[] = [];
  if (!(growthPercent < MAX_GROWTH_PERCENT)) {
    failures.push(`RSS growth ${growthPercent.toFixed(1)} % is not under ${MAX_GROWTH_PERCENT} %`);
  }
  if (unhandledRejections > 0) failures.push(`${unhandledRejections} unhandled rejection(s)`);
  if (uncaughtExceptions > 0) failures.push(`${uncaughtExceptions} uncaught exception(s)`);
  if (!gatewayAliveAtEnd) failures.push(`the gateway died during the soak: ${gatewayDied ?? 'not running'}`);
  if (baselineSamples.length === 0 || lateSamples.length === 0) failures.push('too few RSS samples');

  const figures = {
    ok: failures.length === 0,
    failures,
    options: { ...options, clientTimeoutS: CLIENT_TIMEOUT_S, faultModes: FAULT_MODES, slowModes: SLOW_MODES },
    rss: {
      formula:
        'growth % = (median RSS of the last W s - median RSS of the first W s after warm-up) / the latter * 100, W = (duration - warmup) / 3 (at least 5 s)',
      windowS,
      atWarmupEndMiB: mib(warmupRss ?? baselineSamples[0]?.rssBytes ?? 0),
      baselineMedianMiB: mib(baselineRss),
      lateMedianMiB: mib(lateRss),
      peakMiB: mib(peakRss),
      finalMiB: mib(finalRss ?? 0),
      growthPercent: Math.round(growthPercent * 100) / 100,
      samples: samples.map((s) => [Math.round(s.t), mib(s.rssBytes)]),
      ...(options.traceGc
        ? { heapAfterFullGcMiB: heapAfterFullGc.map((g) => [Math.round(g.t), g.heapMiB]) }
        : {}),
    },
    load: {
      requestsSent: sent,
      responses: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average * 10) / 10,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      statuses,
      clientTimeouts: result.timeouts,
      connectionErrors: result.errors,
      graphqlErrorCodes: errorCodes,
      responsesWithErrorCode,
      unparsableErrorBodies: unparsableBodies,
      byKind,
      abortLoop: abortStats,
    },
    faults: { simulatorStats, slowPhases, tokenExpiries, maintenanceFailures: maintenanceFailures.count },
    gateway: {
      unhandledRejections,
      uncaughtExceptions,
      processErrors: processErrors.slice(0, 20),
      stderrLines: stderrLevels,
      aliveAtEnd: gatewayAliveAtEnd,
      exitAfterSigterm: exit,
    },
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(figures, null, 2)}\n`);

  const table = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  process.stdout.write(
    [
      '',
      `Soak: ${options.durationS} s (warm-up ${options.warmupS} s), ${options.connections} connections`,
      `  gateway RSS: ${figures.rss.atWarmupEndMiB} MiB at warm-up end, peak ${figures.rss.peakMiB} MiB, final ${figures.rss.finalMiB} MiB`,
      `  growth: ${figures.rss.growthPercent} % (median of the last ${windowS} s ${figures.rss.lateMedianMiB} MiB vs median of the first ${windowS} s after warm-up ${figures.rss.baselineMedianMiB} MiB; limit ${MAX_GROWTH_PERCENT} %)`,
      ...(options.traceGc
        ? [
            `  V8 heap after full GCs (${heapAfterFullGc.length}): ${heapAfterFullGc
              .filter((g) => g.t >= options.warmupS)
              .map((g) => `${Math.round(g.t)} s ${g.heapMiB}`)
              .slice(-12)
              .join(', ')} MiB`,
          ]
        : []),
      `  load: ${sent} requests sent, ${result.requests.total} answered, ${figures.load.requestsPerSecond} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.timeouts} client timeouts`,
      `  statuses: ${table(statuses)}`,
      `  GraphQL errors by code: ${table(errorCodes)}`,
      `  responses with an error of that code: ${table(responsesWithErrorCode)}`,
      `  abort loop: ${abortStats.started} started, ${abortStats.abortedBeforeAnswer} aborted mid-flight, ${abortStats.oversizedBodies} oversized bodies (${table(abortStats.oversizedStatus)})`,
      `  simulator faults: ${JSON.stringify(simulatorStats)}; ${slowPhases} slow phases, ${tokenExpiries} token expiries`,
      `  gateway: ${unhandledRejections} unhandled rejections, ${uncaughtExceptions} uncaught exceptions, ${gatewayAliveAtEnd ? 'alive at the end' : `DIED (${gatewayDied})`}, exit after SIGTERM ${JSON.stringify(exit)}`,
      `  ${failures.length === 0 ? 'PASS' : `FAIL: ${failures.join('; ')}`} (figures in ${RESULTS_FILE})`,
      '',
    ].join('\n'),
  );
  return failures.length === 0 ? 0 : 1;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch(async (error: unknown) => {
    process.stderr.write(`soak: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
