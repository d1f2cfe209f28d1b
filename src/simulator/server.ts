/**
 * The request pipeline of the simulator's HTTP server:
 *
 * 1. `/__simulator/*`: control endpoints, answered at once (no token, no latency, not logged);
 * 2. otherwise: log the arrival, read the body, identify the caller from `Authorization: Bearer`,
 *    take the first matching explicit fault if any; for an API request of a known tenant without
 *    one, apply the fault modes' admission (concurrency cap, rate window: rejected at once) and
 *    draw its fault plan; wait the injected latency; answer from the explicit fault if any;
 * 2b. admitted requests: reset or 5xx before the route, the route, slow headers, reset / 5xx /
 *    truncated JSON after the route, `X-RateLimit-*` headers, slow body (see `fault-modes.ts`);
 * 3. `POST /auth` needs no token; every other path needs a valid one (401 `Not authenticated` when
 *    missing, malformed, forged or for an unknown tenant; 401 `JWT expired` when expired —
 *    docs/qualys-api.md §2), then: unknown path 404 (9005), wrong method 405 (9006), else the route;
 * 4. route errors become `_error` envelopes; anything unexpected a 500 (9500) without details.
 *
 * @module
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorEnvelope, SimulatorErrorCode, SimulatorHttpError, unauthorizedBody } from './errors.js';
import { type FaultModes, injectedErrorAnswer, truncateJson } from './fault-modes.js';
import type { FaultRegistry } from './faults.js';
import { JSON_CONTENT_TYPE, readBody, tryParseJson, writeAnswer } from './http.js';
import type { JwtSigner } from './jwt.js';
import type { RequestLog } from './request-log.js';
import { matchRoute, type Route, type RouteAnswer, type RouteContext } from './router.js';
import { CONTROL_PREFIX, handleControl } from './routes/control.js';
import type { TenantStore } from './store/tenant-store.js';

/** What the pipeline needs. */
export interface RequestHandlerDeps {
  readonly routes: readonly Route[];
  /** The store of a tenant by username (created on first use), or `undefined`. */
  readonly tenant: (username: string) => TenantStore | undefined;
  /** The customer UUID a tenant's tokens carry, or `undefined` for an unknown username. */
  readonly customerIdOf: (username: string) => string | undefined;
  readonly signer: JwtSigner;
  /** Clock for token expiry and log timestamps, epoch ms. */
  readonly now: () => number;
  readonly faults: FaultRegistry;
  /** The fault modes (limits, random failures, slowness) and their counters. */
  readonly modes: FaultModes;
  /** Makes every token issued so far expire (`POST /__simulator/expire-tokens`). */
  readonly expireTokens: () => void;
  readonly log: RequestLog;
  /** Latency to inject before this answer, in ms. */
  readonly nextLatencyMs: () => number;
}

type Caller =
  | { readonly kind: 'ok'; readonly username: string }
  | { readonly kind: 'rejected'; readonly message: 'Not authenticated' | 'JWT expired' };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function identify(req: IncomingMessage, deps: RequestHandlerDeps): Caller {
  const header = req.headers.authorization;
  const match = header === undefined ? null : BEARER.exec(header);
  if (match === null) {
    return { kind: 'rejected', message: 'Not authenticated' };
  }
  const verified = deps.signer.verify(match[1] as string, deps.now());
  if (!verified.ok) {
    return { kind: 'rejected', message: verified.reason === 'expired' ? 'JWT expired' : 'Not authenticated' };
  }
  const { sub, customerId } = verified.claims;
  if (deps.customerIdOf(sub) !== customerId) {
    return { kind: 'rejected', message: 'Not authenticated' };
  }
  return { kind: 'ok', username: sub };
}

function jsonAnswer(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}) {
  return {
    status,
    payload: JSON.stringify(body),
    headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers },
  };
}

function render(answer: RouteAnswer): { status: number; payload: string; headers: Record<string, string> } {
  const status = answer.status ?? 200;
  if (answer.text !== undefined) {
    return { status, payload: answer.text, headers: { 'Content-Type': 'text/plain', ...answer.headers } };
  }
  if (answer.json === undefined) {
    return { status, payload: '', headers: { ...answer.headers } };
  }
  return jsonAnswer(status, answer.json, answer.headers);
}

function renderError(error: unknown): { status: number; payload: string; headers: Record<string, string> } {
  if (error instanceof SimulatorHttpError) {
    return jsonAnswer(error.status, error.toEnvelope(), error.headers);
  }
  return jsonAnswer(500, errorEnvelope(500, SimulatorErrorCode.INTERNAL, 'Internal simulator error'));
}

function routeAnswer(
  req: IncomingMessage,
  method: string,
  url: URL,
  rawBody: string,
  caller: Caller,
  deps: RequestHandlerDeps,
): RouteAnswer {
  const match = matchRoute(deps.routes, method, url.pathname);
  const ctx = (params: Record<string, string>): RouteContext => ({
    params,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    json() {
      if (rawBody.trim() === '') {
        return undefined;
      }
      try {
        return JSON.parse(rawBody) as unknown;
      } catch {
        throw new SimulatorHttpError(400, SimulatorErrorCode.BAD_PARAMETER, 'Malformed JSON request body');
      }
    },
  });
  if (match.kind === 'found' && match.route.access === 'public') {
    return match.route.handle(ctx(match.params));
  }
  const isPublicPath =
    match.kind === 'wrongMethod' &&
    deps.routes.some((r) => r.access === 'public' && r.pattern === url.pathname);
  if (!isPublicPath && caller.kind === 'rejected') {
    return { status: 401, json: unauthorizedBody(caller.message) };
  }
  if (match.kind === 'none') {
    throw new SimulatorHttpError(404, SimulatorErrorCode.NO_ROUTE, `No endpoint ${method} ${url.pathname}`);
  }
  if (match.kind === 'wrongMethod') {
    throw new SimulatorHttpError(
      405,
      SimulatorErrorCode.METHOD_NOT_ALLOWED,
      `Method ${method} not allowed on ${url.pathname}; allowed: ${match.allowed.join(', ')}`,
      { Allow: match.allowed.join(', ') },
    );
  }
  const route = match.route;
  const tenant = caller.kind === 'ok' ? deps.tenant(caller.username) : undefined;
  if (route.access !== 'tenant' || tenant === undefined) {
    return { status: 401, json: unauthorizedBody('Not authenticated') };
  }
  return route.handle(ctx(match.params), tenant);
}

type Rendered = { status: number; payload: string; headers: Record<string, string> };

/**
 * Writes an answer with its body in 4 chunks spread over `totalMs` (headers first).
 */
async function writeSlowly(res: ServerResponse, out: Rendered, totalMs: number): Promise<void> {
  if (res.writableEnded || res.destroyed) {
    return;
  }
  const body = Buffer.from(out.payload);
  res.statusCode = out.status;
  for (const [name, value] of Object.entries(out.headers)) {
    res.setHeader(name, value);
  }
  res.setHeader('Content-Length', body.length);
  res.flushHeaders();
  const chunks = 4;
  const size = Math.ceil(body.length / chunks);
  for (let i = 0; i < chunks; i += 1) {
    await sleep(totalMs / chunks);
    if (res.destroyed) {
      return;
    }
    const chunk = body.subarray(i * size, (i + 1) * size);
    if (chunk.length > 0) {
      res.write(chunk);
    }
  }
  res.end();
}

/** Destroys the connection with a TCP RST, without an answer. */
function resetSocket(req: IncomingMessage): void {
  req.socket.resetAndDestroy();
}

/**
 * Creates the node:http request listener.
 *
 * @param deps - routes, tenants, signer, clock, faults, fault modes, log, latency.
 */
export function createRequestListener(deps: RequestHandlerDeps): RequestListener {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      let out: Rendered;
      try {
        out = render(handleControl(method, url.pathname, await readBody(req), deps));
      } catch (error) {
        out = renderError(error);
      }
      writeAnswer(res, out.status, out.payload, out.headers);
      return;
    }

    const startedAtMs = performance.now();
    const entry = deps.log.begin({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      startedAt: deps.now(),
    });
    const complete = (status: number): void => {
      entry.status = status;
      entry.durationMs = Math.round((performance.now() - startedAtMs) * 100) / 100;
    };
    let out: Rendered;
    let slowBodyMs = 0;
    try {
      const rawBody = await readBody(req);
      // The body of /auth carries credentials: never log it.
      entry.body = url.pathname === '/auth' ? null : tryParseJson(rawBody);
      const caller = identify(req, deps);
      if (caller.kind === 'ok') {
        entry.tenant = caller.username;
      }
      // Explicit faults take precedence over the fault modes; they are chosen on arrival.
      const fault = deps.faults.take(method, url.pathname);
      const tenantName =
        fault === undefined &&
        caller.kind === 'ok' &&
        url.pathname !== '/auth' &&
        deps.tenant(caller.username) !== undefined
          ? caller.username
          : null;
      const admission = tenantName === null ? null : deps.modes.admit(tenantName);
      if (admission?.kind === 'rejected') {
        entry.fault = admission.fault;
        complete(admission.answer.status);
        writeAnswer(res, admission.answer.status, admission.answer.payload, admission.answer.headers);
        return;
      }
      if (admission !== null) {
        res.once('finish', admission.release);
        res.once('close', admission.release);
      }
      const latency = deps.nextLatencyMs();
      if (latency > 0) {
        await sleep(latency);
      }
      if (fault !== undefined) {
        if (fault.delayMs > 0) {
          await sleep(fault.delayMs);
        }
        out = fault;
      } else if (admission === null) {
        const answer = routeAnswer(req, method, url, rawBody, caller, deps);
        if (answer.logTenant !== undefined) {
          entry.tenant = answer.logTenant;
        }
        out = render(answer);
      } else {
        const { plan } = admission;
        const name = tenantName as string;
        if (plan.reset) {
          deps.modes.count(name, 'reset');
          entry.fault = 'reset';
          complete(0);
          resetSocket(req);
          return;
        }
        if (plan.errorStatus !== null) {
          deps.modes.count(name, 'error');
          entry.fault = 'error';
          out = injectedErrorAnswer(plan.errorStatus, 'before');
        } else {
          try {
            out = render(routeAnswer(req, method, url, rawBody, caller, deps));
          } catch (error) {
            out = renderError(error);
          }
          if (plan.slowHeadersMs > 0) {
            await sleep(plan.slowHeadersMs);
          }
          if (plan.resetAfter) {
            deps.modes.count(name, 'resetAfter');
            entry.fault = 'resetAfter';
            complete(0);
            resetSocket(req);
            return;
          }
          if (plan.errorAfterStatus !== null) {
            deps.modes.count(name, 'errorAfter');
            entry.fault = 'errorAfter';
            out = injectedErrorAnswer(plan.errorAfterStatus, 'after');
          } else if (
            plan.malformed &&
            out.status >= 200 &&
            out.status < 300 &&
            out.payload !== '' &&
            out.headers['Content-Type'] === JSON_CONTENT_TYPE
          ) {
            deps.modes.count(name, 'malformed');
            entry.fault = 'malformed';
            out = { ...out, payload: truncateJson(out.payload) };
          }
        }
        out = { ...out, headers: { ...out.headers, ...admission.headers } };
        slowBodyMs = plan.slowBodyMs;
      }
    } catch (error) {
      out = renderError(error);
    }
    complete(out.status);
    if (slowBodyMs > 0) {
      await writeSlowly(res, out, slowBodyMs);
    } else {
      writeAnswer(res, out.status, out.payload, out.headers);
    }
  };
  return (req, res) => {
    handle(req, res).catch(() => {
      writeAnswer(
        res,
        500,
        JSON.stringify(errorEnvelope(500, SimulatorErrorCode.INTERNAL, 'Internal simulator error')),
        {
          'Content-Type': JSON_CONTENT_TYPE,
        },
      );
    });
  };
}
