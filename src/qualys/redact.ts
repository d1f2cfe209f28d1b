/**
 * Redaction of what locates or authenticates an upstream request (URLs, hosts, paths,
 * credentials, tokens) in texts that reach clients: Qualys' own `_error.message`, bulk-result
 * errors, and every message of a Qualys failure the gateway shows ({@link publicQualysMessage}).
 */
import type { QualysError } from './errors.js';

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]*/gi;
const CREDENTIAL_PATTERN = /(?:\bauthorization\s*:\s*)?\b(?:bearer|basic)\s+[^\s,;"'<>`]+/gi;
/** A JWT, or what is left of one: three dot-separated base64url runs of 8+ characters (`eyJ…` or not). */
const JWT_PATTERN = /\beyJ[\w-]*\.[\w-]*\.[\w-]*|\b[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;
/** A long opaque token (40+ base64/base64url characters with a digit and a letter), e.g. a JWT part or a key. */
const OPAQUE_TOKEN_PATTERN =
  /(?<![\w+/=-])(?=[A-Za-z0-9+/=_-]*\d)(?=[A-Za-z0-9+/=_-]*[A-Za-z])[A-Za-z0-9+/=_-]{40,}(?![\w+/=-])/g;
/** IPv6 in brackets (`[::1]:8091`), or bare with a `::` or 7 colons (`fe80::1`, `2001:db8:0:0:0:0:0:1`). */
const IPV6_PATTERN =
  /\[[0-9a-f:.]*:[0-9a-f:.]*\](?::\d{1,5})?|(?<![\w:])(?:[0-9a-f]{0,4}:){1,7}:(?:[0-9a-f]{0,4}:?){0,7}(?![\w:])|(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])/gi;
const IPV4_PATTERN = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g;
/** A host name with a port (`qualys.example:443`), or of 3+ labels (`gateway.qg2.apps.qualys.com`). */
const HOST_PATTERN =
  /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}:\d{1,5}\b|\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){2,}[a-z][a-z0-9-]{1,62}\b/gi;
/** A two-label host name under a common top-level domain (`qualys.com`, `corp.local`). */
const SHORT_HOST_PATTERN =
  /\b[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.(?:com|net|org|io|eu|us|uk|de|fr|in|ca|au|jp|local|internal|corp|lan|intra|cloud|dev)\b/gi;
/** A host name with no dot but a port (`localhost:8091`). */
const BARE_HOST_PORT_PATTERN = /\b[a-z][a-z0-9-]{0,62}:\d{2,5}\b/gi;
const PATH_PATTERN = /(^|[^\w./-])\/(?=[\w{])[^\s"'<>`()[\]]*/g;
/** A Windows path (`C:\Program Files\…`) or a UNC path (`\\server\share\…`). */
const WINDOWS_PATH_PATTERN = /\b[a-z]:\\[^\s"'<>`]*|\\\\[\w.$-]+\\[^\s"'<>`]*/gi;

/**
 * Replaces what locates or authenticates an upstream request in a text meant for clients: URLs
 * become `[url]`; `Authorization`/`Bearer`/`Basic` credentials, JWTs (whole or in part) and long
 * opaque tokens `[redacted]`; IPv4 and IPv6 addresses (with a port, in brackets or not) and host
 * names (`gateway.qg2.apps.qualys.com`, `host:443`, `qualys.com`) `[host]`; absolute paths,
 * Unix (`/pm/v1/deploymentjobs`) or Windows (`C:\…`, `\\server\share`), `[path]`.
 * Used on Qualys' `_error.message` and on every message the gateway shows.
 */
export function redactUpstreamDetails(text: string): string {
  return text
    .replace(URL_PATTERN, '[url]')
    .replace(CREDENTIAL_PATTERN, '[redacted]')
    .replace(JWT_PATTERN, '[redacted]')
    .replace(WINDOWS_PATH_PATTERN, '[path]')
    .replace(IPV6_PATTERN, '[host]')
    .replace(IPV4_PATTERN, '[host]')
    .replace(HOST_PATTERN, '[host]')
    .replace(SHORT_HOST_PATTERN, '[host]')
    .replace(BARE_HOST_PORT_PATTERN, '[host]')
    .replace(OPAQUE_TOKEN_PATTERN, '[redacted]')
    .replace(PATH_PATTERN, '$1[path]');
}

/**
 * Every spelling of the base URL's host a message could carry, longest first: the origin,
 * `host:port` (with the scheme's default port when none is written), the host name, and for an
 * IPv6 host the bare address. Redacted from Qualys' messages like a secret (case-insensitively).
 */
export function baseUrlHostForms(baseUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return [];
  }
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
  const hostname = url.hostname;
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  const forms = new Set([url.origin, `${hostname}:${port}`, url.host, hostname, bare]);
  return [...forms].filter((f) => f !== '').sort((a, b) => b.length - a.length);
}

/**
 * The message of a {@link QualysError} as a client may see it: without the endpoint template
 * (`Qualys answered HTTP 503 (GET /pm/v1/deploymentjob/{id})` → `Qualys answered HTTP 503`) and
 * passed through {@link redactUpstreamDetails}. The full message (with the endpoint) stays on
 * the error for logs.
 */
export function publicQualysMessage(error: QualysError): string {
  let message = error.message;
  const { endpoint } = error;
  if (endpoint !== '') {
    message = message
      .split(` (${endpoint})`)
      .join('')
      .split(`, ${endpoint})`)
      .join(')')
      .split(endpoint)
      .join('Qualys');
  }
  return redactUpstreamDetails(message);
}
