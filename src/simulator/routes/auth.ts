/**
 * `POST /auth` (docs/qualys-api.md §2): form-urlencoded `username`, `password`, `token=true`,
 * `permissions=true` -> 201 with the JWT as `text/plain`; wrong credentials -> 401
 * `{"status":401,"error":"Unauthorized","message":"Bad credentials"}`. `token` and `permissions`
 * are accepted and not checked (a working client omits `permissions`, §2).
 *
 * @module
 */
import { unauthorizedBody } from '../errors.js';
import type { PublicRoute } from '../router.js';

/** What the auth route needs. */
export interface AuthRouteDeps {
  /** Whether the credentials are those of a tenant. */
  readonly checkCredentials: (username: string, password: string) => boolean;
  /** Issues a token for a tenant. */
  readonly issueToken: (username: string) => string;
}

/**
 * @param deps - credential check and token issuer.
 * @returns the `POST /auth` route.
 */
export function createAuthRoute(deps: AuthRouteDeps): PublicRoute {
  return {
    method: 'POST',
    pattern: '/auth',
    access: 'public',
    handle(ctx) {
      const form = new URLSearchParams(ctx.rawBody);
      const username = form.get('username') ?? '';
      const password = form.get('password') ?? '';
      if (username === '' || !deps.checkCredentials(username, password)) {
        return { status: 401, json: unauthorizedBody('Bad credentials') };
      }
      return { status: 201, text: deps.issueToken(username), logTenant: username };
    },
  };
}
