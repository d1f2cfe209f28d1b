/**
 * Shared test setup for the Qualys client: a `MockAgent` with net connect disabled and call
 * history on, a recording logger, the `onCall` events, and a client wired to all three.
 */
import { MockAgent, type MockCallHistoryLog } from 'undici';
import type { QualysCallEvent, QualysLogger } from '../../src/qualys/api.js';
import { createQualysClient, type QualysClientOptions } from '../../src/qualys/client.js';
import type { QualysClient } from '../../src/qualys/index.js';

/** The gateway origin the tests talk to (never reached: the MockAgent answers). */
export const ORIGIN = 'https://gateway.qg2.apps.qualys.com';

/** A forwarded caller token. */
export const BEARER = 'caller.jwt-Forwarded-0123456789';

/** One logged line. */
export interface LogEntry {
  readonly level: 'debug' | 'warn' | 'error';
  readonly obj: Record<string, unknown>;
  readonly msg: string | undefined;
}

/** A logger that records every line. */
export function recordingLogger(into: LogEntry[]): QualysLogger {
  return {
    debug: (obj, msg) => into.push({ level: 'debug', obj, msg }),
    warn: (obj, msg) => into.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => into.push({ level: 'error', obj, msg }),
  };
}

/** A client on a fresh MockAgent plus everything it reported. */
export interface MockHarness {
  readonly agent: MockAgent;
  readonly pool: ReturnType<MockAgent['get']>;
  readonly client: QualysClient;
  readonly events: QualysCallEvent[];
  readonly logs: LogEntry[];
  /** The requests the MockAgent saw, in order. */
  calls(): MockCallHistoryLog[];
  /** Fails when an interceptor was not used, then closes the agent. */
  finish(): Promise<void>;
}

/** Builds a {@link MockHarness}; `options` override the defaults (base URL, dispatcher, logger, onCall). */
export function harness(options: Partial<QualysClientOptions> = {}): MockHarness {
  const agent = new MockAgent({ enableCallHistory: true });
  agent.disableNetConnect();
  const events: QualysCallEvent[] = [];
  const logs: LogEntry[] = [];
  const client = createQualysClient({
    baseUrl: ORIGIN,
    dispatcher: agent,
    logger: recordingLogger(logs),
    onCall: (event) => events.push(event),
    ...options,
  });
  return {
    agent,
    pool: agent.get(ORIGIN),
    client,
    events,
    logs,
    calls: () => agent.getCallHistory()?.calls() ?? [],
    finish: async () => {
      try {
        agent.assertNoPendingInterceptors();
      } finally {
        await client.close();
        await agent.close();
      }
    },
  };
}

/** The rejection of `promise` (fails when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected the promise to reject');
}

/** A JSON reply's headers. */
export const JSON_HEADERS = { 'content-type': 'application/json' } as const;
