/**
 * `useRequestLogging({ logger })`: per request, a request id (the caller's `x-request-id` when it
 * is sane, else a random UUID), echoed as the `x-request-id` response header, and a child logger
 * carrying it as `reqId`, current for the rest of the request (`enterRequestLogger`), so every
 * line of the request has it; one `request completed` line per request (method, path, status,
 * duration; at `debug` for the probe and scrape paths).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { enterRequestLogger } from '../logger.js';

/** The request id header, read and echoed. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's request id is kept when it is 1-128 characters of `A-Za-z0-9._:-`. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id of `request`: its sane `x-request-id`, else a random UUID. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get(REQUEST_ID_HEADER)?.trim();
  return given !== undefined && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Options of {@link useRequestLogging}. */
export interface RequestLoggingOptions {
  /** The root logger; `undefined` = request ids only (header echoed, nothing logged). */
  logger?: Logger | undefined;
  /**
   * Paths whose `request completed` line is logged at `debug` instead of `info` (probes and
   * scrapes every few seconds). Default `/health`, `/readiness`, `/metrics`.
   */
  quietPaths?: readonly string[] | undefined;
}

/** The server-context field holding the request's id. */
export const REQUEST_ID_FIELD = 'requestId';

/** The plugin (see the module comment). Place it first, so every later line has the request id. */
export function useRequestLogging(options: RequestLoggingOptions = {}): Plugin {
  const { logger } = options;
  const quietPaths = new Set(options.quietPaths ?? ['/health', '/readiness', '/metrics']);
  // Keyed by the server context, which lives as long as the request: a plugin may replace the
  // Request itself (`setRequest`, e.g. after buffering a chunked body), the context stays.
  const started = new WeakMap<object, { id: string; at: number; log: Logger | undefined }>();
  return {
    onRequest({ request, url, serverContext }) {
      const id = requestIdOf(request);
      (serverContext as Record<string, unknown>)[REQUEST_ID_FIELD] = id;
      const log = logger?.child({ reqId: id });
      started.set(serverContext as object, { id, at: performance.now(), log });
      // The rest of this request's handling runs inside this async context, so later lines
      // (Yoga's, the Qualys client's) find the request's logger.
      if (log !== undefined) enterRequestLogger(log);
      log?.debug({ method: request.method, path: url.pathname }, 'request received');
    },
    onResponse({ request, response, serverContext }) {
      const entry = started.get(serverContext as object);
      if (entry === undefined) return;
      response.headers.set(REQUEST_ID_HEADER, entry.id);
      if (entry.log === undefined) return;
      const path = new URL(request.url, 'http://gateway.invalid').pathname;
      entry.log[quietPaths.has(path) ? 'debug' : 'info'](
        {
          method: request.method,
          path,
          status: response.status,
          durationMs: Math.round((performance.now() - entry.at) * 10) / 10,
        },
        'request completed',
      );
    },
  };
}
