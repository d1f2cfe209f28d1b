/**
 * Process entry (`npm start`): reads the environment, starts the embedded Qualys simulator when
 * `QUALYS_BASE_URL` is unset, serves the gateway on `HOST:PORT`, and shuts down on SIGINT or
 * SIGTERM. Service credentials against a real `QUALYS_BASE_URL` need `GATEWAY_API_KEYS` or
 * `GATEWAY_OPEN=true` (checked by `loadConfig`); with the embedded simulator the gateway stays
 * open unless keys are set. The only module that touches env, ports and signals (docs/architecture.md §2).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { CONFIG_TABLE, type Config, loadConfig } from './config.js';
import { createGateway } from './server/gateway.js';
import { createLogger, maskSecrets, qualysLoggerFrom } from './server/logger.js';
import { createGatewayMetrics } from './server/metrics.js';
import {
  createMemoryResponseCacheStore,
  createRedisResponseCacheStore,
  type ResponseCacheStore,
} from './server/plugins/use-response-cache.js';
import { openUpstream } from './upstream-runtime.js';

/** Credentials of the embedded simulator's default tenant (see src/simulator/README.md). */
const SIMULATOR_CREDENTIALS = { username: 'simulator', password: 'simulator' } as const;

/** A URL without credentials, query or fragment, for printing. */
function originAndPath(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

function printHelp(): void {
  const width = Math.max(...CONFIG_TABLE.map(([name]) => name.length));
  process.stdout.write('qualys-pm-gateway: a GraphQL gateway for Qualys Patch Management\n\nEnvironment:\n');
  for (const [name, meaning, def] of CONFIG_TABLE) {
    process.stdout.write(`  ${name.padEnd(width)}  ${meaning} (default: ${def})\n`);
  }
}

/**
 * The response cache store `RESPONSE_CACHE` asks for, or `undefined` when it is `off`. Redis is
 * connected before the gateway starts (unreachable: startup fails); later Redis failures are
 * cache misses, and commands fail fast instead of queueing while it reconnects.
 */
async function openResponseCacheStore(
  settings: Config['responseCache'],
): Promise<{ store: ResponseCacheStore; close: () => Promise<void> } | undefined> {
  if (settings.store === 'memory') return { store: createMemoryResponseCacheStore(), close: async () => {} };
  if (settings.store === 'off' || settings.redisUrl === null) return undefined;
  const { Redis } = await import('ioredis');
  const redis = new Redis(settings.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  redis.on('error', () => {}); // failures surface per command (onStoreError); no unhandled 'error'
  await redis.connect();
  return { store: createRedisResponseCacheStore(redis), close: async () => void (await redis.quit()) };
}

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    printHelp();
    return;
  }
  const result = loadConfig(process.env);
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(`configuration error: ${problem}\n`);
    process.exitCode = 1;
    return;
  }
  const config = result.config;
  // JSON lines on stderr; Yoga's and the Qualys client's lines carry the request's reqId.
  const logger = createLogger({ level: config.logLevel });
  const metrics = createGatewayMetrics();
  // Loaded only when an OTLP endpoint is configured: with tracing off no OpenTelemetry code runs.
  const tracingModule = config.tracing.endpoint === null ? undefined : await import('./server/tracing.js');
  const tracing =
    tracingModule === undefined || config.tracing.endpoint === null
      ? undefined
      : tracingModule.createTracing({
          endpoint: config.tracing.endpoint,
          serviceName: config.tracing.serviceName,
        });

  let baseUrl = config.qualysBaseUrl;
  let credentials = config.credentials;
  let closeSimulator: (() => Promise<void>) | undefined;
  if (baseUrl === null) {
    // Loaded only here, so a deployment against real Qualys never loads simulator code.
    const { createSimulator } = await import('./simulator/index.js');
    const simulator = createSimulator({
      seed: config.simulator.seed,
      fleet: config.simulator.fleet,
      latencyMs: config.simulator.latencyMs,
      jitterMs: config.simulator.jitterMs,
    });
    const { url } = await simulator.listen(0, '127.0.0.1');
    baseUrl = url;
    credentials ??= { ...SIMULATOR_CREDENTIALS };
    closeSimulator = () => simulator.close();
    process.stdout.write(`Qualys simulator: ${url} (request log: ${url}/__simulator/requests)\n`);
  }

  const upstream = await openUpstream(config, {
    baseUrl,
    credentials,
    logger: qualysLoggerFrom(logger),
    // The gateway counts its sessions' calls; the shared service-token call is counted here.
    onCall: (event) => {
      if (event.endpoint !== 'POST /auth') return;
      metrics.recordUpstreamCall(event);
      // The shared service token belongs to no request: a root span of its own.
      if (tracing !== undefined) tracingModule?.recordUpstreamSpan(tracing.tracer, event);
    },
  });
  const { client } = upstream;
  const defaultQuery = readFileSync(
    new URL('../schema/operations/dashboard.graphql', import.meta.url),
    'utf8',
  );
  const responseCache = await openResponseCacheStore(config.responseCache);
  const yoga = createGateway({
    client,
    ...(upstream.idempotency === undefined ? {} : { idempotency: upstream.idempotency }),
    ...(upstream.coordination === undefined ? {} : { coordination: upstream.coordination }),
    graphiql: config.graphiql ? { defaultQuery } : false,
    introspection: config.introspection,
    introspectionKeys: config.introspectionKeys,
    requestTimeoutMs: config.requestTimeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    queryLimits: config.queryLimits,
    apiKeys: config.apiKeys,
    persistedOperations: { mode: config.persistedOperations },
    logger,
    metrics,
    ...(tracing === undefined ? {} : { tracing: { tracer: tracing.tracer } }),
    ...(responseCache === undefined
      ? {}
      : {
          responseCache: {
            store: responseCache.store,
            defaultTtlMs: config.responseCache.defaultTtlMs,
            tokenCheckWindowMs: config.responseCache.tokenCheckWindowMs,
            // The message only (a Redis error names no secret); the request goes on as a miss.
            onStoreError: (error: unknown, operation: string) =>
              logger.warn(
                { operation, error: error instanceof Error ? error.message : String(error) },
                'response cache store failed',
              ),
          },
        }),
  });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  process.stdout.write(
    `Qualys PM gateway: http://${host}:${port}/graphql${config.graphiql ? ' (open it in a browser for GraphiQL)' : ''}\n`,
  );

  // Names only: keys are never printed.
  process.stdout.write(
    config.apiKeys.length > 0
      ? `Inbound auth: API keys (${config.apiKeys.map((k) => k.name).join(', ')}); send x-api-key: <key>\n`
      : `Inbound auth: off${config.open ? ' (GATEWAY_OPEN=true)' : ''}\n`,
  );

  process.stdout.write(`Response cache: ${config.responseCache.store}\n`);
  // The Redis URL is printed without its password.
  process.stdout.write(
    config.cluster === null
      ? 'Replica coordination: off (this process alone; set REDIS_URL to share limits with other replicas)\n'
      : `Replica coordination: Redis ${new URL(config.cluster.redisUrl).host}, keys under ${config.cluster.prefix}\n`,
  );
  // The collector's URL is printed without its query or credentials.
  process.stdout.write(
    `Tracing: ${config.tracing.endpoint === null ? 'off' : `OTLP/HTTP to ${originAndPath(config.tracing.endpoint)}`}\n`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: shutting down\n`);
    server.closeAllConnections();
    server.close(() => {
      // The tracing shutdown exports the spans still buffered.
      void Promise.allSettled([
        upstream.close(),
        closeSimulator?.(),
        responseCache?.close(),
        tracing?.shutdown(),
      ]).then(() => process.exit(0));
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** The `msg` of the stderr line written for an unhandled promise rejection (counted by `npm run soak`). */
const UNHANDLED_REJECTION_MSG = 'unhandled rejection';
/** The `msg` of the stderr line written for an uncaught exception (counted by `npm run soak`). */
const UNCAUGHT_EXCEPTION_MSG = 'uncaught exception';

/**
 * One JSON stderr line for a process-level failure: a fixed `msg`, the error's name and message
 * (JWTs and `Bearer` values masked, at most 500 characters), never the stack or the error's fields.
 */
function logProcessError(msg: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const message = maskSecrets(error instanceof Error ? error.message : String(error)).slice(0, 500);
  process.stderr.write(`${JSON.stringify({ level: 'error', msg, name, message })}\n`);
}

// A stray rejection is a bug to find (the soak counts these lines), not a reason to drop every
// request in flight: log it and keep serving. An uncaught exception leaves unknown state: exit.
process.on('unhandledRejection', (reason) => logProcessError(UNHANDLED_REJECTION_MSG, reason));
process.on('uncaughtException', (error) => {
  logProcessError(UNCAUGHT_EXCEPTION_MSG, error);
  process.exit(1);
});

main().catch((error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  process.stderr.write(
    `fatal: ${e.code === 'EADDRINUSE' ? 'the port is already in use (set PORT)' : e.message}\n`,
  );
  process.exit(1);
});
