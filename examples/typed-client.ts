/**
 * A typed client of the gateway: graphql-request with the typed documents the client preset
 * writes to `schema/generated/` (`npm run codegen`). Variables and results are checked by
 * TypeScript; `npm run typecheck` compiles this file, so the README's snippet cannot rot.
 */
import { GraphQLClient } from 'graphql-request';
import { DashboardDocument, JobDetailDocument, type JobDetailQuery } from '../schema/generated/graphql.js';

/** Options of {@link createTypedClient}. */
export interface TypedClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  endpoint: string;
  /** Headers for every request, e.g. `{ 'x-api-key': '…' }` or `{ authorization: 'Bearer …' }`. */
  headers?: Record<string, string>;
  /** The fetch implementation. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** A few typed operations of `schema/operations/` over graphql-request. */
export function createTypedClient(options: TypedClientOptions) {
  const client = new GraphQLClient(options.endpoint, {
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  return {
    /** The first `first` Windows patch jobs with their latest results (`Dashboard`). */
    async dashboard(first: number) {
      const data = await client.request(DashboardDocument, { platform: 'WINDOWS', first });
      return data.patchJobs.nodes.map((job) => ({ id: job.id, name: job.name, status: job.status }));
    },
    /** One patch job (`JobDetail`); `null` when there is no such job. */
    async jobDetail(id: string): Promise<JobDetailQuery['patchJob']> {
      const data = await client.request(JobDetailDocument, { id });
      return data.patchJob;
    },
  };
}

/** Compile-time checks of the typing (never called). */
export function typingChecks(client: GraphQLClient): void {
  // @ts-expect-error: `id` is an ID (string), not a boolean.
  void client.request(JobDetailDocument, { id: true });
  // @ts-expect-error: `platform` is a Platform enum value.
  void client.request(DashboardDocument, { platform: 'BEOS' });
  void client.request(JobDetailDocument, { id: 'x' }).then((data) => {
    // @ts-expect-error: a field the JobDetail operation does not select.
    void data.patchJob?.completionPercent;
  });
}
