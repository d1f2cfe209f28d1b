/**
 * A multi-replica harness: N gateway processes (`src/main.ts`, or the benchmark's gateway
 * process) against one Qualys base URL, optionally coordinated through one Redis
 * (`REDIS_URL`, `REDIS_PREFIX`). Used by the replica tests and by `npm run bench`'s replicas
 * scenario. Each replica is a real Node process ({@link startGateway}), so a replica can be
 * killed with SIGKILL mid-request and started again.
 *
 * @module
 */
import { type ManagedProcess, type StartGatewayOptions, startGateway } from './processes.js';

/** Options of {@link startReplicas}. */
export interface ReplicaSetOptions {
  /** Base URL of the Qualys API (a simulator). */
  readonly qualysBaseUrl: string;
  /** Number of gateway processes. */
  readonly count: number;
  /** `redis://…` shared by the replicas; `undefined` = each process on its own. */
  readonly redisUrl?: string | undefined;
  /** `REDIS_PREFIX` of this set (give each test its own). */
  readonly prefix?: string | undefined;
  /** Further variables of every replica (e.g. `QUALYS_CONCURRENCY`). */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /** Entry module (see {@link StartGatewayOptions.entry}). */
  readonly entry?: string | undefined;
}

/** A GraphQL answer as JSON. */
export interface GraphQLAnswer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** A running set of replicas. */
export interface ReplicaSet {
  /** The processes, by replica index (a restarted replica replaces its entry). */
  readonly replicas: ManagedProcess[];
  /**
   * POSTs a GraphQL operation to replica `index`; resolves with the HTTP status and the JSON
   * body. Rejects when the connection fails (e.g. the replica was killed mid-request).
   */
  post(
    index: number,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: GraphQLAnswer }>;
  /** GETs `path` (e.g. `/readiness`) of replica `index`: status and JSON body. */
  get(index: number, path: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** SIGKILLs replica `index` (no shutdown: leases and in-flight requests are abandoned). */
  kill(index: number): Promise<void>;
  /** Starts replica `index` again (after {@link ReplicaSet.kill}). */
  restart(index: number): Promise<void>;
  /** Stops every replica (SIGTERM, then SIGKILL). */
  stop(): Promise<void>;
}

/** Starts `options.count` gateways in parallel; resolves once each printed its URL. */
export async function startReplicas(options: ReplicaSetOptions): Promise<ReplicaSet> {
  const env: Record<string, string> = {
    LOG_LEVEL: 'warn',
    ...(options.redisUrl === undefined ? {} : { REDIS_URL: options.redisUrl }),
    ...(options.prefix === undefined ? {} : { REDIS_PREFIX: options.prefix }),
    ...options.env,
  };
  const start = (): Promise<ManagedProcess> =>
    startGateway({ qualysBaseUrl: options.qualysBaseUrl, env, entry: options.entry });
  const replicas = await Promise.all(Array.from({ length: options.count }, start));
  const base = (index: number): string => {
    const replica = replicas[index];
    if (replica === undefined) throw new Error(`no replica ${index}`);
    return replica.url.replace(/\/graphql$/, '');
  };
  return {
    replicas,
    async post(index, query, variables = {}) {
      const res = await fetch(`${base(index)}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GraphQLAnswer };
    },
    async get(index, path) {
      const res = await fetch(`${base(index)}${path}`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    async kill(index) {
      const replica = replicas[index];
      if (replica === undefined || !replica.isRunning()) return;
      process.kill(replica.pid, 'SIGKILL');
      await replica.exited;
    },
    async restart(index) {
      replicas[index] = await start();
    },
    async stop() {
      await Promise.all(replicas.map((r) => r.stop(3_000)));
    },
  };
}
