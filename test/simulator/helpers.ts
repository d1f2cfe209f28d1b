/**
 * Shared helpers of the simulator tests: a started simulator with a small fleet, an authenticated
 * fetch, and JSON reading.
 */
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';

/** A small fleet: fast to generate, big enough for paging and filters. */
export const SMALL_FLEET = { assets: 300, patches: 600, patchJobs: 40, mitigationJobs: 8 } as const;

/** A started simulator and a token of its first tenant. */
export interface Started {
  readonly sim: Simulator;
  readonly url: string;
  readonly token: string;
}

/**
 * Creates and starts a simulator (small fleet unless `options.fleet` says otherwise).
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Started> {
  const sim = createSimulator({ fleet: SMALL_FLEET, ...options });
  const { url } = await sim.listen(0);
  const first = options.tenants?.[0]?.username ?? 'simulator';
  return { sim, url, token: sim.issueToken(first) };
}

/** A fetch response with its parsed JSON body (`undefined` when the body is not JSON). */
export interface JsonResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

/**
 * Calls the simulator with a bearer token.
 *
 * @param base - simulator URL.
 * @param token - JWT, or `null` for none.
 * @param path - path with query string.
 * @param init - method, body (objects are sent as JSON), headers.
 */
export async function call<T = unknown>(
  base: string,
  token: string | null,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    ...init.headers,
  };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

/** Encodes query parameters. */
export function qs(params: Record<string, string | number>): string {
  return `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;
}

/** The `_error` envelope shape. */
export interface ErrorBody {
  readonly _error: { readonly code: number; readonly errorCode: string; readonly message: string };
}
