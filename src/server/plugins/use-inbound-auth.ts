/**
 * `useInboundAuth({ apiKeys })`: inbound authentication of the gateway (docs/architecture.md §3.1,
 * production hardening). Every request must carry one of the configured API keys, as
 * `x-api-key: <key>` or `Authorization: ApiKey <key>`; otherwise it gets `401` with
 * `WWW-Authenticate: ApiKey` and a GraphQL error `UNAUTHENTICATED`, before its body is read and
 * without any upstream call.
 *
 * Keys are compared in constant time: both the presented and each configured key are hashed
 * with SHA-256 and the digests compared with `crypto.timingSafeEqual` (so the time does not
 * depend on the length or content of either), and every configured key is checked (no early
 * exit). Keys are never logged or echoed; the key's *name* is the caller identity
 * ({@link authenticate}), used by the gateway to scope idempotency keys per API key.
 *
 * Exception: GraphiQL's HTML page (a `GET` that accepts `text/html`, when GraphiQL is on) is
 * served without a key; the queries it sends need one (enter it in GraphiQL's Headers tab).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

/** One configured API key: its name is the caller identity, the key is the secret. */
export interface ApiKey {
  readonly name: string;
  readonly key: string;
}

/** Options of {@link useInboundAuth}. */
export interface InboundAuthOptions {
  /** The accepted keys (at least one). */
  apiKeys: readonly ApiKey[];
  /** Let GraphiQL's HTML page through without a key (set when GraphiQL is served). Default false. */
  allowGraphiQLPage?: boolean | undefined;
}

/** A compiled key set: SHA-256 digests of the keys, by name. */
export interface ApiKeySet {
  readonly entries: ReadonlyArray<{ readonly name: string; readonly digest: Buffer }>;
}

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Hashes the configured keys once. */
export function compileApiKeys(apiKeys: readonly ApiKey[]): ApiKeySet {
  return { entries: apiKeys.map(({ name, key }) => ({ name, digest: sha256(key) })) };
}

/** The key a request presents (`x-api-key`, else `Authorization: ApiKey <key>`), if any. */
export function presentedApiKey(headers: Headers): string | undefined {
  const header = headers.get('x-api-key')?.trim();
  if (header !== undefined && header !== '') return header;
  const m = /^ApiKey\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  return m?.[1];
}

/**
 * The name of the key the request carries, or `undefined` when it carries none or an unknown
 * one. Constant time in the presented key: every configured digest is compared.
 */
export function authenticate(keys: ApiKeySet, headers: Headers): string | undefined {
  const presented = presentedApiKey(headers);
  if (presented === undefined) return undefined;
  const digest = sha256(presented);
  let match: string | undefined;
  for (const entry of keys.entries) {
    if (timingSafeEqual(digest, entry.digest) && match === undefined) match = entry.name;
  }
  return match;
}

function isGraphiQLPage(request: Request): boolean {
  return request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html');
}

/**
 * The server-context field where {@link useInboundAuth} leaves the name of the key a request
 * authenticated with, so the gateway's context factory reads it instead of hashing again.
 */
export const API_KEY_NAME_FIELD = 'apiKeyName';

/** The plugin (see the module comment). */
export function useInboundAuth(options: InboundAuthOptions): Plugin {
  if (options.apiKeys.length === 0) throw new Error('useInboundAuth needs at least one API key');
  const keys = compileApiKeys(options.apiKeys);
  const allowGraphiQLPage = options.allowGraphiQLPage ?? false;
  return {
    onRequest({ request, serverContext, endResponse, fetchAPI }) {
      if (allowGraphiQLPage && isGraphiQLPage(request)) return;
      const name = authenticate(keys, request.headers);
      if (name !== undefined) {
        (serverContext as Record<string, unknown>)[API_KEY_NAME_FIELD] = name;
        return;
      }
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }],
          }),
          {
            status: 401,
            headers: { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': 'ApiKey' },
          },
        ),
      );
    },
  };
}
