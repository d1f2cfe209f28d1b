/**
 * The gateway process of `npm run bench`: the compiled gateway (`dist/`, what `npm start` runs;
 * the bench builds it first) built exactly as `src/main.ts` builds it (`openUpstream` and the
 * same `createGateway` options from `loadConfig(process.env)`), with GraphiQL and Yoga's logging
 * off, and also measures itself. Plain JavaScript, run by plain Node (no tsx in the process):
 *
 * - the event loop, with `perf_hooks.monitorEventLoopDelay({ resolution: 10 })` (nanoseconds in,
 *   milliseconds out; an idle loop reads about 10-12 ms, the timer's own resolution);
 * - its peak resident set size, sampled every 50 ms with `process.memoryUsage.rss()`.
 *
 * Both are served on the same HTTP server: `GET /__bench/stats` answers {@link BenchStats} as
 * JSON, `POST /__bench/reset` starts a new measurement (204); every other request goes to Yoga.
 * Needs `QUALYS_BASE_URL` (a simulator started by the benchmark; no embedded simulator here).
 * Prints `Qualys PM gateway: <url>` like `src/main.ts`, which `startGateway` waits for.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../../dist/config.js';
import { createGateway } from '../../dist/server/gateway.js';
import { openUpstream } from '../../dist/upstream-runtime.js';

/**
 * What `GET /__bench/stats` answers: measurements since the last reset (or the start):
 * `{ peakRssBytes, rssBytes, heapUsedBytes, externalBytes, eventLoop: { maxMs, p99Ms, meanMs }, sinceMs }`
 * (RSS sampled every 50 ms, bytes; event-loop delay from `monitorEventLoopDelay`, ms).
 */
/** Event-loop timer resolution, ms. */
const LOOP_RESOLUTION_MS = 10;
/** RSS sampling interval, ms. */
const RSS_SAMPLE_MS = 50;

async function main() {
  const result = loadConfig({ ...process.env, GRAPHIQL: 'false' });
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(`configuration error: ${problem}\n`);
    process.exit(1);
  }
  const config = result.config;
  if (config.qualysBaseUrl === null) {
    process.stderr.write(
      'configuration error: QUALYS_BASE_URL must be set (the benchmark starts the simulator)\n',
    );
    process.exit(1);
  }

  // Built as src/main.ts builds it (with REDIS_URL: the replica coordination too).
  const upstream = await openUpstream(config, {
    baseUrl: config.qualysBaseUrl,
    credentials: config.credentials,
    logger: {
      debug: () => {},
      warn: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg, ...obj })}\n`),
      error: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'error', msg, ...obj })}\n`),
    },
  });
  const { client } = upstream;
  const defaultQuery = readFileSync(
    new URL('../../schema/operations/dashboard.graphql', import.meta.url),
    'utf8',
  );
  const yoga = createGateway({
    client,
    ...(upstream.idempotency === undefined ? {} : { idempotency: upstream.idempotency }),
    ...(upstream.coordination === undefined ? {} : { coordination: upstream.coordination }),
    graphiql: config.graphiql ? { defaultQuery } : false,
    logging: false,
    introspection: config.introspection,
    requestTimeoutMs: config.requestTimeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    queryLimits: config.queryLimits,
    apiKeys: config.apiKeys,
  });

  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  let peakRss = process.memoryUsage.rss();
  let since = Date.now();
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
  }, RSS_SAMPLE_MS);
  sampler.unref();

  const stats = () => {
    const memory = process.memoryUsage();
    const rss = memory.rss;
    if (rss > peakRss) peakRss = rss;
    return {
      peakRssBytes: peakRss,
      rssBytes: rss,
      heapUsedBytes: memory.heapUsed,
      externalBytes: memory.external,
      eventLoop: {
        maxMs: loop.max / 1e6,
        p99Ms: loop.percentile(99) / 1e6,
        meanMs: Number.isFinite(loop.mean) ? loop.mean / 1e6 : 0,
      },
      sinceMs: Date.now() - since,
    };
  };

  const server = createServer((req, res) => {
    if (req.url === '/__bench/stats' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(stats()));
      return;
    }
    if (req.url === '/__bench/reset' && req.method === 'POST') {
      loop.reset();
      peakRss = process.memoryUsage.rss();
      since = Date.now();
      res.writeHead(204);
      res.end();
      return;
    }
    void yoga(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  process.stdout.write(`Qualys PM gateway: http://${config.host}:${port}/graphql\n`);

  const stop = () => {
    server.closeAllConnections();
    server.close(() => {
      void upstream.close().then(() => process.exit(0));
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`fatal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
