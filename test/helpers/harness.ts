/**
 * End-to-end test harness: the embedded simulator on a loopback port (port 0), the real Qualys
 * client over undici, and the gateway called in-process through `yoga.fetch`. Tests assert on
 * GraphQL results and on the simulator's request log (the upstream calls actually made).
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';
import type { QualysClient } from '../../src/qualys/api.js';
import { createQualysClient } from '../../src/qualys/client.js';
import { createGateway, type Gateway } from '../../src/server/gateway.js';
import type { QueryLimits } from '../../src/server/plugins/use-query-limits.js';
import {
  createSimulator,
  DEFAULT_CREDENTIALS,
  type Simulator,
  type SimulatorOptions,
  type SimulatorRequestLogEntry,
} from '../../src/simulator/index.js';

/** A GraphQL response as the gateway sends it. */
export interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

/** What {@link startHarness} returns. */
export interface Harness {
  simulator: Simulator;
  client: QualysClient;
  gateway: Gateway;
  /** Runs an operation through `yoga.fetch`; `headers` are added to the HTTP request. */
  execute<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables> | DocumentNode | string,
    variables?: TVariables,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<TData>>;
  /**
   * The `extensions.upstream` of the last {@link Harness.execute} response. `execute` takes it
   * off the response it returns (and drops `extensions` when nothing else is left), so results
   * compare as GraphQL data and errors.
   */
  lastUpstream(): unknown;
  /** Upstream calls logged by the simulator since the last {@link Harness.resetCalls}, `/auth` excluded. */
  calls(): SimulatorRequestLogEntry[];
  /** Upstream calls grouped as `METHOD path-template` → count (ids replaced by `{id}`). */
  callCounts(): Record<string, number>;
  resetCalls(): void;
  close(): Promise<void>;
}

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  simulator?: SimulatorOptions;
  /** Use the simulator's service credentials (default true); false = forward callers' tokens. */
  serviceCredentials?: boolean;
  timeoutMs?: number;
  /** Query limits of the gateway (default: `DEFAULT_QUERY_LIMITS`). */
  queryLimits?: Partial<QueryLimits>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Replaces UUIDs in a path with `{id}`: `/pm/v1/deploymentjob/{id}/runs`. */
export function pathTemplate(path: string): string {
  return path.replace(UUID, '{id}');
}

/** Starts simulator + client + gateway. Call `close()` in `afterAll`. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const simulator = createSimulator(options.simulator);
  const { url } = await simulator.listen(0, '127.0.0.1');
  const client = createQualysClient({
    baseUrl: url,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.serviceCredentials === false ? {} : { credentials: { ...DEFAULT_CREDENTIALS } }),
  });
  const gateway = createGateway({
    client,
    graphiql: false,
    logging: false,
    ...(options.queryLimits === undefined ? {} : { queryLimits: options.queryLimits }),
  });

  let lastUpstream: unknown;
  const calls = () => simulator.requests().filter((r) => r.path !== '/auth');
  return {
    simulator,
    client,
    gateway,
    async execute(document, variables, headers) {
      const query = typeof document === 'string' ? document : print(document);
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables: variables ?? {} }),
      });
      const body = (await response.json()) as GraphQLResponse<never>;
      lastUpstream = body.extensions?.['upstream'];
      if (body.extensions !== undefined) {
        const { upstream: _, ...rest } = body.extensions;
        if (Object.keys(rest).length === 0) delete body.extensions;
        else body.extensions = rest;
      }
      return body;
    },
    lastUpstream: () => lastUpstream,
    calls,
    callCounts() {
      const counts: Record<string, number> = {};
      for (const c of calls()) {
        const key = `${c.method} ${pathTemplate(c.path)}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    },
    resetCalls: () => simulator.resetRequests(),
    async close() {
      await client.close();
      await simulator.close();
    },
  };
}
