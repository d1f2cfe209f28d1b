/**
 * A simulator, a Qualys client and a gateway with any options of each, for tests that need a
 * setting the plain harness (`./harness.ts`) does not expose: circuit-breaker thresholds,
 * forwarded tokens on a two-tenant simulator, the response cache, API keys, a logger.
 */
import type { QualysClient } from '../../src/qualys/api.js';
import { createQualysClient, type QualysClientOptions } from '../../src/qualys/client.js';
import { createGateway, type Gateway, type GatewayDeps } from '../../src/server/gateway.js';
import {
  createSimulator,
  DEFAULT_CREDENTIALS,
  type Simulator,
  type SimulatorOptions,
  type SimulatorRequestLogEntry,
} from '../../src/simulator/index.js';

/** A GraphQL error as the gateway answers it. */
export interface WireError {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

/** A gateway response: HTTP status, headers and the JSON body. */
export interface StackResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: WireError[];
    extensions?: { upstream?: { calls: number; estimated?: number }; [key: string]: unknown };
  };
  /** Qualys calls the simulator logged for this request (`/auth` excluded). */
  calls: SimulatorRequestLogEntry[];
}

/** What {@link startStack} returns. */
export interface Stack {
  simulator: Simulator;
  client: QualysClient;
  gateway: Gateway;
  /** POSTs an operation; `calls` are the simulator's log entries of this request only. */
  post(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<StackResponse>;
  close(): Promise<void>;
}

/** Options of {@link startStack}. */
export interface StackOptions {
  simulator?: SimulatorOptions;
  /** Client options (the base URL is the simulator's). */
  client?: Partial<QualysClientOptions>;
  /** Gateway options (the client is the stack's). */
  gateway?: Partial<GatewayDeps>;
  /** Forward callers' tokens instead of the simulator's service credentials. */
  forwardTokens?: boolean;
}

/** The two tenants of a forwarded-token stack. */
export const TENANTS = [
  { username: 'alice', password: 'alice-pw', seed: 11, includeSeedSamples: false },
  { username: 'bob', password: 'bob-pw', seed: 22, includeSeedSamples: false },
] as const;

/** Starts the stack on loopback (port 0). Call `close()` when done. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const simulator = createSimulator({
    seed: 5,
    fleet: { assets: 60, patches: 80, patchJobs: 30, mitigationJobs: 4 },
    ...(options.forwardTokens ? { tenants: TENANTS } : {}),
    ...options.simulator,
  });
  const { url } = await simulator.listen(0, '127.0.0.1');
  const client = createQualysClient({
    baseUrl: url,
    ...(options.forwardTokens ? {} : { credentials: { ...DEFAULT_CREDENTIALS } }),
    ...options.client,
  });
  const gateway = createGateway({ client, graphiql: false, logging: false, ...options.gateway });
  return {
    simulator,
    client,
    gateway,
    async post(query, variables = {}, headers = {}) {
      simulator.resetRequests();
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as StackResponse['body'];
      const calls = simulator.requests().filter((r) => r.path !== '/auth');
      return { status: response.status, headers: response.headers, body, calls };
    },
    async close() {
      await client.close();
      await simulator.close();
    },
  };
}

/**
 * The `extensions.code` of each error, in order; an `ERRORS_TRUNCATED` summary (more than 100
 * errors) stands for the codes it counts (`omittedByCode`), each once.
 */
export function errorCodes(
  errors: ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined,
): unknown[] {
  return (errors ?? []).flatMap((e) =>
    e.extensions?.['code'] === 'ERRORS_TRUNCATED'
      ? Object.keys((e.extensions['omittedByCode'] as Record<string, number> | undefined) ?? {})
      : [e.extensions?.['code']],
  );
}

/** {@link errorCodes} of a response. */
export function codes(response: StackResponse): unknown[] {
  return errorCodes(response.body.errors);
}
