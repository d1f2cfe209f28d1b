/**
 * Route definitions and matching: literal path segments and `:name` parameters; an unknown path
 * is a 404, a known path with another method a 405 with `Allow`.
 *
 * @module
 */
import type { IncomingHttpHeaders } from 'node:http';
import { badParameter } from './errors.js';
import type { TenantStore } from './store/tenant-store.js';

/** What a route handler gets about the request. */
export interface RouteContext {
  /** Path parameters (`:id` -> `params.id`), URI-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Request headers (lower-case names). */
  readonly headers: IncomingHttpHeaders;
  /** The raw body text. */
  readonly rawBody: string;
  /**
   * The body parsed as JSON.
   *
   * @returns `undefined` for an empty body.
   * @throws SimulatorHttpError 400 (9001) when it is not JSON.
   */
  json(): unknown;
}

/** A route's answer. */
export interface RouteAnswer {
  /** HTTP status; default 200. */
  readonly status?: number;
  /** A JSON body. */
  readonly json?: unknown;
  /** A text body (sent as `text/plain`); wins over `json`. */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Username to record in the request log (for `/auth`, which has no token yet). */
  readonly logTenant?: string;
}

/** A route that needs no token (`POST /auth`). */
export interface PublicRoute {
  readonly method: string;
  readonly pattern: string;
  readonly access: 'public';
  handle(ctx: RouteContext): RouteAnswer;
}

/** A route that needs a valid token; it answers from the caller's tenant. */
export interface TenantRoute {
  readonly method: string;
  readonly pattern: string;
  readonly access: 'tenant';
  handle(ctx: RouteContext, tenant: TenantStore): RouteAnswer;
}

/** Any route. */
export type Route = PublicRoute | TenantRoute;

/** Result of matching a request against the routes. */
export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'wrongMethod'; readonly allowed: readonly string[] }
  | { readonly kind: 'none' };

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) {
    return null;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const segment = want[i] as string;
    const actual = got[i] as string;
    if (segment.startsWith(':')) {
      if (actual === '') {
        return null;
      }
      let decoded: string;
      try {
        decoded = decodeURIComponent(actual);
      } catch {
        throw badParameter(`Malformed path segment '${actual}'`);
      }
      params[segment.slice(1)] = decoded;
    } else if (segment !== actual) {
      return null;
    }
  }
  return params;
}

/**
 * Finds the route for a request.
 *
 * @param routes - the route table.
 * @param method - request method.
 * @param path - request path without query string (a trailing `/` is ignored).
 */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const normalised = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPattern(route.pattern, normalised);
    if (params === null) {
      continue;
    }
    if (route.method === method) {
      return { kind: 'found', route, params };
    }
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'wrongMethod', allowed } : { kind: 'none' };
}
