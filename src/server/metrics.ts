/**
 * Prometheus metrics of one gateway (prom-client), on a registry of its own so several gateways
 * in one process (tests) never share or collide: {@link createGatewayMetrics} builds it,
 * `createGateway` feeds it (operations through {@link useOperationMetrics}, upstream calls
 * through the Qualys sessions' `onCall`, loader batches through `createLoaders`' `onBatch`,
 * the governor through the client) and `/metrics` serves it (`use-operations-endpoints.ts`).
 *
 * Every name starts with {@link METRIC_PREFIX}. Labels are bounded: endpoint templates (never
 * URLs or ids), HTTP statuses or error codes, loader names, and operation names capped at
 * {@link MAX_OPERATION_NAMES} distinct values (the rest are `other`).
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { QualysCallEvent, QualysClient } from '../qualys/api.js';

/** Prefix of every metric name. */
export const METRIC_PREFIX = 'qualys_pm_gateway_';

/** Distinct operation names kept as label values; later new names are counted as `other`. */
export const MAX_OPERATION_NAMES = 200;

/** The metrics of one gateway; see the module comment. */
export interface GatewayMetrics {
  /** The registry `/metrics` serves (prom-client `Registry`). */
  readonly registry: Registry;
  /** One upstream HTTP attempt (`qualys_pm_gateway_upstream_calls_total`, `…_upstream_call_duration_seconds`). */
  recordUpstreamCall(event: QualysCallEvent): void;
  /** One batch of a per-request DataLoader with `size` distinct keys (`…_loader_batch_size`). */
  recordLoaderBatch(loader: string, size: number): void;
  /**
   * One response-cache lookup (`qualys_pm_gateway_response_cache_total{result="hit"|"miss"}`),
   * for the response cache plugin to call.
   */
  recordCache(hit: boolean): void;
  /**
   * One finished GraphQL operation (`…_operation_duration_seconds`); with `errorCode` (the first
   * error's code) also `…_operation_errors_total`.
   */
  recordOperation(operation: OperationSample): void;
  /** An operation refused before execution (parse or validation): `…_operation_errors_total` only. */
  recordOperationError(operation: Omit<OperationSample, 'durationMs'>): void;
  /** Reads the governor gauges (`…_upstream_queue_depth`, `…_upstream_in_flight`) from `client` at scrape time. */
  trackClient(client: QualysClient): void;
  /**
   * Registers `qualys_pm_gateway_coordination_up` (1 while the replicas' Redis answers, 0 while
   * this process falls back to its own limits), read from `coordination` at scrape time. Only
   * called with `REDIS_URL`: without it the gauge does not exist.
   */
  trackCoordination(coordination: { isUp(): boolean }): void;
  /** The exposition text (Prometheus text format 0.0.4) and its content type. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/** One operation as {@link GatewayMetrics.recordOperation} takes it. */
export interface OperationSample {
  /** The operation's name; `anonymous` when it has none. */
  name: string;
  /** `query`, `mutation`, `subscription`, or `unknown` (not parsed). */
  type: string;
  /** Wall time of execution in milliseconds. */
  durationMs: number;
  /** Code of the first error (`extensions.code`), when the result has errors. */
  errorCode?: string | undefined;
}

/** Options of {@link createGatewayMetrics}. */
export interface GatewayMetricsOptions {
  /**
   * Also collect prom-client's default Node.js process metrics (CPU, memory, event-loop lag,
   * GC) on this registry, prefixed. Default true.
   */
  nodeMetrics?: boolean | undefined;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** Creates the metrics of one gateway on a fresh registry. */
export function createGatewayMetrics(options: GatewayMetricsOptions = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.nodeMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const registers = [registry];

  const operationDuration = new Histogram({
    name: `${METRIC_PREFIX}operation_duration_seconds`,
    help: 'Execution time of GraphQL operations, by operation name and type',
    labelNames: ['operation', 'operation_type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const operationErrors = new Counter({
    name: `${METRIC_PREFIX}operation_errors_total`,
    help: 'GraphQL operations that ended with errors (parse, validation or execution), by operation name, type and the first error code',
    labelNames: ['operation', 'operation_type', 'code'] as const,
    registers,
  });
  const upstreamCalls = new Counter({
    name: `${METRIC_PREFIX}upstream_calls_total`,
    help: 'HTTP attempts to Qualys, by endpoint template and HTTP status (or the error code when no answer arrived)',
    labelNames: ['endpoint', 'status'] as const,
    registers,
  });
  const upstreamDuration = new Histogram({
    name: `${METRIC_PREFIX}upstream_call_duration_seconds`,
    help: 'Duration of HTTP attempts to Qualys (sending to body parsed, queueing excluded), by endpoint template',
    labelNames: ['endpoint'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const loaderBatch = new Histogram({
    name: `${METRIC_PREFIX}loader_batch_size`,
    help: 'Distinct keys per DataLoader batch, by loader',
    labelNames: ['loader'] as const,
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
    registers,
  });
  const cache = new Counter({
    name: `${METRIC_PREFIX}response_cache_total`,
    help: 'Response cache lookups, by result (hit or miss)',
    labelNames: ['result'] as const,
    registers,
  });
  const clients: QualysClient[] = [];
  const sum = (read: (c: QualysClient) => number | undefined) =>
    clients.reduce((total, c) => total + (read(c) ?? 0), 0);
  new Gauge({
    name: `${METRIC_PREFIX}upstream_queue_depth`,
    help: "Qualys calls waiting in the client governor's queue (concurrency slot or rate token)",
    registers,
    collect() {
      this.set(sum((c) => c.queueDepth?.()));
    },
  });
  new Gauge({
    name: `${METRIC_PREFIX}upstream_in_flight`,
    help: 'Qualys calls holding a governor slot (in flight)',
    registers,
    collect() {
      this.set(sum((c) => c.inFlight?.()));
    },
  });

  const seenNames = new Set<string>();
  const operationLabel = (name: string): string => {
    if (!NAME.test(name)) return 'other';
    if (seenNames.has(name)) return name;
    if (seenNames.size >= MAX_OPERATION_NAMES) return 'other';
    seenNames.add(name);
    return name;
  };
  const codeLabel = (code: string): string => (CODE.test(code) ? code : 'OTHER');

  return {
    registry,
    recordUpstreamCall(e) {
      upstreamCalls.inc({
        endpoint: e.endpoint,
        status: e.status === null ? (e.errorCode ?? 'error') : String(e.status),
      });
      upstreamDuration.observe({ endpoint: e.endpoint }, e.durationMs / 1000);
    },
    recordLoaderBatch(loader, size) {
      loaderBatch.observe({ loader }, size);
    },
    recordCache(hit) {
      cache.inc({ result: hit ? 'hit' : 'miss' });
    },
    recordOperation(op) {
      const labels = { operation: operationLabel(op.name), operation_type: op.type };
      operationDuration.observe(labels, op.durationMs / 1000);
      if (op.errorCode !== undefined) operationErrors.inc({ ...labels, code: codeLabel(op.errorCode) });
    },
    recordOperationError(op) {
      operationErrors.inc({
        operation: operationLabel(op.name),
        operation_type: op.type,
        code: codeLabel(op.errorCode ?? 'INTERNAL_SERVER_ERROR'),
      });
    },
    trackClient(client) {
      if (!clients.includes(client)) clients.push(client);
    },
    trackCoordination(coordination) {
      if (registry.getSingleMetric(`${METRIC_PREFIX}coordination_up`) !== undefined) return;
      new Gauge({
        name: `${METRIC_PREFIX}coordination_up`,
        help: "1 while the replicas' Redis (REDIS_URL) answers; 0 while this replica uses its own limits",
        registers,
        collect() {
          this.set(coordination.isUp() ? 1 : 0);
        },
      });
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
