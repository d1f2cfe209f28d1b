/**
 * `useOperationsEndpoints({ client, metrics, apiKeys })`: the gateway's operational endpoints,
 * answered by Yoga itself (`onRequest`) so `createGateway` stays the one server:
 *
 * - `GET /health` (liveness): always `200 {"status":"ok"}` while the process serves. No key.
 * - `GET /readiness`: `200 {"status":"ready"}` when the Qualys client's probe succeeds (the base
 *   URL answers any HTTP status; with service credentials, a valid service token), else
 *   `503 {"status":"unavailable","code":"QUALYS_NETWORK"}` (the probe's error code). The outcome
 *   is cached {@link READINESS_CACHE_MS}, and concurrent probes share one, so orchestrators do
 *   not hammer Qualys. No key. With replica coordination (`REDIS_URL`) the body also says
 *   `"coordination":"redis"`, or `"local"` while Redis is unreachable and this replica uses its
 *   own limits; that alone does not make it unready (it still serves, within its own cap).
 * - `GET /metrics`: the Prometheus exposition of the gateway's {@link GatewayMetrics}. Open
 *   unless API keys are configured; then it needs one (`x-api-key` or `Authorization: ApiKey`),
 *   like GraphQL requests, else 401.
 *
 * Placed first among the plugins: `/health` and `/readiness` bypass inbound auth.
 */
import type { Plugin } from 'graphql-yoga';
import type { QualysClient } from '../../qualys/api.js';
import type { GatewayMetrics } from '../metrics.js';
import { type ApiKey, authenticate, compileApiKeys } from './use-inbound-auth.js';

/** How long a readiness outcome is reused, in milliseconds. */
export const READINESS_CACHE_MS = 5_000;

/** Timeout of one readiness probe, in milliseconds. */
export const READINESS_PROBE_TIMEOUT_MS = 5_000;

/** Options of {@link useOperationsEndpoints}. */
export interface OperationsEndpointsOptions {
  /** The Qualys client probed by `/readiness` (`client.probe`; without it, always ready). */
  client: QualysClient;
  /** Served at `/metrics`; `undefined` = no `/metrics` (404 as any unknown path). */
  metrics?: GatewayMetrics | undefined;
  /** When non-empty, `/metrics` needs one of these keys. Default: none (open). */
  apiKeys?: readonly ApiKey[] | undefined;
  /** The replica coordination, when `REDIS_URL` is set: its state is reported by `/readiness`. */
  coordination?: { isUp(): boolean } | undefined;
  /** Reuse of a readiness outcome in ms. Default {@link READINESS_CACHE_MS}. */
  readinessCacheMs?: number | undefined;
  /** Clock in ms (tests). Default `Date.now`. */
  now?: (() => number) | undefined;
}

type Readiness = { ready: true } | { ready: false; code: string };

/** The code of a probe failure: its `code` when it is UPPER_SNAKE, else `READINESS_PROBE_FAILED`. */
function failureCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,63}$/.test(code) ? code : 'READINESS_PROBE_FAILED';
}

/** The plugin (see the module comment). */
export function useOperationsEndpoints(options: OperationsEndpointsOptions): Plugin {
  const { client, metrics } = options;
  const keys =
    options.apiKeys !== undefined && options.apiKeys.length > 0 ? compileApiKeys(options.apiKeys) : undefined;
  const cacheMs = options.readinessCacheMs ?? READINESS_CACHE_MS;
  const now = options.now ?? Date.now;
  let cached: { at: number; outcome: Readiness } | undefined;
  let pending: Promise<Readiness> | undefined;

  const readiness = (): Promise<Readiness> => {
    if (cached !== undefined && now() - cached.at < cacheMs) return Promise.resolve(cached.outcome);
    pending ??= (async (): Promise<Readiness> => {
      try {
        await client.probe?.({ timeoutMs: READINESS_PROBE_TIMEOUT_MS });
        return { ready: true };
      } catch (err) {
        return { ready: false, code: failureCode(err) };
      }
    })().then((outcome) => {
      cached = { at: now(), outcome };
      pending = undefined;
      return outcome;
    });
    return pending;
  };

  type OnRequest = NonNullable<Plugin['onRequest']>;
  const handle = async (
    path: string,
    { request, endResponse, fetchAPI }: Parameters<OnRequest>[0],
  ): Promise<void> => {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
            ...headers,
          },
        }),
      );
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      json(405, { status: 'error', code: 'METHOD_NOT_ALLOWED' }, { allow: 'GET, HEAD' });
      return;
    }
    if (path === '/health') {
      json(200, { status: 'ok' });
      return;
    }
    if (path === '/readiness') {
      const outcome = await readiness();
      const coordination =
        options.coordination === undefined
          ? {}
          : { coordination: options.coordination.isUp() ? 'redis' : 'local' };
      if (outcome.ready) json(200, { status: 'ready', ...coordination });
      else json(503, { status: 'unavailable', code: outcome.code, ...coordination });
      return;
    }
    if (metrics === undefined) return;
    if (keys !== undefined && authenticate(keys, request.headers) === undefined) {
      json(401, { status: 'error', code: 'UNAUTHENTICATED' }, { 'www-authenticate': 'ApiKey' });
      return;
    }
    const { contentType, body } = await metrics.scrape();
    endResponse(
      new fetchAPI.Response(body, {
        status: 200,
        headers: { 'content-type': contentType, 'cache-control': 'no-store' },
      }),
    );
  };

  return {
    // Synchronous for every other path: GraphQL requests pay no extra promise.
    onRequest(payload) {
      const path = payload.url.pathname;
      if (path !== '/health' && path !== '/readiness' && path !== '/metrics') return;
      return handle(path, payload);
    },
  };
}
