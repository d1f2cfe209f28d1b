/**
 * `useHttpHygiene({ maxBodyBytes })`: request-level protections run before GraphQL parsing.
 * - Body size: a body over `maxBodyBytes` gets `413` (by `Content-Length`, or by reading a
 *   chunked body up to the limit).
 * - CSRF prevention (what `@graphql-yoga/plugin-csrf-prevention` does): a request a browser
 *   would send cross-site without a CORS preflight (no `Content-Type`, or `text/plain`,
 *   `multipart/form-data`, `application/x-www-form-urlencoded`) must carry the
 *   `x-graphql-yoga-csrf` header, else `403`. `application/json` POSTs pass as they are.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** The header that marks a request as not a cross-site "simple" request. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

function preflighted(contentType: string | null): boolean {
  if (contentType === null || contentType === '') return false;
  const ct = contentType.toLowerCase();
  return !SIMPLE_CONTENT_TYPES.some((t) => ct.startsWith(t));
}

/** Options of {@link useHttpHygiene}. */
export interface HttpHygieneOptions {
  /** Largest accepted request body in bytes. */
  maxBodyBytes: number;
}

/** The plugin (see the module comment). */
export function useHttpHygiene(options: HttpHygieneOptions): Plugin {
  const { maxBodyBytes } = options;
  const tooLarge = (fetchAPI: { Response: typeof Response }) =>
    new fetchAPI.Response(
      JSON.stringify({
        errors: [
          {
            message: `Request body is larger than ${maxBodyBytes} bytes`,
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      }),
      { status: 413, headers: { 'content-type': 'application/json; charset=utf-8' } },
    );
  return {
    async onRequest({ request, setRequest, endResponse, fetchAPI }) {
      if (request.body === null) return;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (Number(declared) > maxBodyBytes) endResponse(tooLarge(fetchAPI));
        return;
      }
      // No length announced (chunked): read up to the limit, then hand on the buffered body.
      const reader = request.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBodyBytes) {
          await reader.cancel();
          endResponse(tooLarge(fetchAPI));
          return;
        }
        chunks.push(value);
      }
      const body = Buffer.concat(chunks);
      setRequest(
        new fetchAPI.Request(request.url, {
          method: request.method,
          headers: request.headers,
          body,
          signal: request.signal,
        }),
      );
    },
    onRequestParse({ request }) {
      if (preflighted(request.headers.get('content-type'))) return;
      if (request.headers.has(CSRF_HEADER)) return;
      throw createGraphQLError('Required CSRF header(s) not present', {
        extensions: { code: 'CSRF_HEADER_REQUIRED', http: { status: 403 } },
      });
    },
  };
}
