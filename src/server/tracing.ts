/**
 * OpenTelemetry tracing of the gateway, off unless an OTLP endpoint is configured:
 * {@link createTracing} builds a tracer provider exporting over OTLP/HTTP, `createGateway` (its
 * `tracing` dependency) opens one span per executed GraphQL operation ({@link useOperationTracing})
 * and, under it, one span per HTTP attempt to Qualys ({@link createRequestTrace}), fed by the
 * Qualys session's `onCall`.
 *
 * Spans carry endpoint templates, methods, statuses and error codes only: never a URL, a path
 * with ids, a query string, a header, a token or a credential (the {@link QualysCallEvent} holds
 * none of those but the concrete `path`, which is never read here).
 */
import { performance } from 'node:perf_hooks';
import {
  type Context,
  context,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { QualysCallEvent } from '../qualys/api.js';

/** Default `service.name` of the exported spans (`OTEL_SERVICE_NAME`). */
export const DEFAULT_SERVICE_NAME = 'qualys-pm-gateway';

/** Name of the gateway's tracer (instrumentation scope). */
export const TRACER_NAME = 'qualys-pm-gateway';

/** Options of {@link createTracing}. */
export interface TracingOptions {
  /**
   * OTLP/HTTP traces URL the spans are posted to, e.g. `http://127.0.0.1:4318/v1/traces`
   * (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`).
   */
  endpoint: string;
  /** `service.name` resource attribute. Default {@link DEFAULT_SERVICE_NAME}. */
  serviceName?: string | undefined;
  /** Extra headers of the export requests (a collector's API key). Default: none. */
  headers?: Record<string, string> | undefined;
}

/** A tracer provider of the gateway and its lifecycle. */
export interface Tracing {
  /** The tracer to give `createGateway` (`tracing: { tracer }`). */
  readonly tracer: Tracer;
  /** Exports the spans still buffered. Never rejects (export failures are dropped). */
  forceFlush(): Promise<void>;
  /** Flushes and stops the provider; later spans are dropped. Never rejects. Idempotent. */
  shutdown(): Promise<void>;
}

/**
 * Creates a tracer provider exporting spans in batches over OTLP/HTTP (JSON) to
 * `options.endpoint`. Registers nothing globally: the tracer is passed to the gateway.
 */
export function createTracing(options: TracingOptions): Tracing {
  const exporter = new OTLPTraceExporter({
    url: options.endpoint,
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? DEFAULT_SERVICE_NAME }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  let stopped: Promise<void> | undefined;
  return {
    tracer: provider.getTracer(TRACER_NAME),
    forceFlush: () => provider.forceFlush().catch(() => {}),
    shutdown() {
      stopped ??= provider.shutdown().catch(() => {});
      return stopped;
    },
  };
}

/**
 * Records one HTTP attempt to Qualys as a finished client span named by its endpoint template
 * (`GET /pm/v1/deploymentjobs`), child of `parent` (root when `undefined`). It ends now and
 * started `event.durationMs` earlier. Attributes: `http.request.method`, `url.template`,
 * `http.response.status_code` (when an answer arrived), `qualys.attempt`, `qualys.queued_ms`,
 * and on failure `qualys.error_code` and `error.type` with status ERROR.
 */
export function recordUpstreamSpan(tracer: Tracer, event: QualysCallEvent, parent?: Context): void {
  const endTime = performance.now();
  const startTime = Math.max(0, endTime - event.durationMs);
  const template = event.endpoint.slice(event.endpoint.indexOf(' ') + 1);
  const span = tracer.startSpan(
    event.endpoint,
    {
      kind: SpanKind.CLIENT,
      startTime,
      attributes: {
        'http.request.method': event.method,
        'url.template': template,
        'qualys.attempt': event.attempt,
        'qualys.queued_ms': Math.round(event.queuedMs),
        ...(event.status === null ? {} : { 'http.response.status_code': event.status }),
        ...(event.errorCode === null
          ? {}
          : { 'qualys.error_code': event.errorCode, 'error.type': event.errorCode }),
      },
    },
    parent ?? context.active(),
  );
  if (event.errorCode !== null) span.setStatus({ code: SpanStatusCode.ERROR, message: event.errorCode });
  span.end(endTime);
}

/** The spans of one GraphQL request: its operation span and the upstream calls under it. */
export interface RequestTrace {
  /** Starts the operation span (`query Dashboard`); a second start is ignored. */
  startOperation(name: string, type: string): void;
  /** Ends the operation span, with status ERROR and `graphql.error.code` when `errorCode` is set. */
  endOperation(errorCode?: string): void;
  /** One upstream HTTP attempt: a child of the operation span (a root span before it starts). */
  recordUpstreamCall(event: QualysCallEvent): void;
}

/** Creates the {@link RequestTrace} of one request (the gateway's context factory). */
export function createRequestTrace(tracer: Tracer): RequestTrace {
  let operation: { span: Span; context: Context } | undefined;
  let ended = false;
  return {
    startOperation(name, type) {
      if (operation !== undefined) return;
      const span = tracer.startSpan(`${type} ${name}`, {
        kind: SpanKind.SERVER,
        attributes: { 'graphql.operation.name': name, 'graphql.operation.type': type },
      });
      operation = { span, context: trace.setSpan(context.active(), span) };
    },
    endOperation(errorCode) {
      if (operation === undefined || ended) return;
      ended = true;
      if (errorCode !== undefined) {
        operation.span.setAttribute('graphql.error.code', errorCode);
        operation.span.setStatus({ code: SpanStatusCode.ERROR, message: errorCode });
      }
      operation.span.end();
    },
    recordUpstreamCall(event) {
      recordUpstreamSpan(tracer, event, operation?.context);
    },
  };
}
