/**
 * `createGateway(deps)`: the GraphQL server (graphql-yoga) over the Qualys client. Builds a
 * per-request context — a Qualys session bound to the caller's credentials and abort signal,
 * and fresh loaders — so nothing one caller fetched is ever served to another (DESIGN.md §3.3).
 * Opens no port: `src/main.ts` mounts the returned instance on a Node HTTP server, tests call
 * `yoga.fetch` directly.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GatewayContext } from '../builder.js';
import { callerScope, createIdempotencyStore, type IdempotencyStore } from '../idempotency.js';
import { createLoaders } from '../loaders/index.js';
import type { QualysClient } from '../qualys/api.js';
import { schema } from '../schema/index.js';
import { maskGatewayError } from './errors.js';

/** Dependencies of {@link createGateway}. */
export interface GatewayDeps {
  /** The Qualys client (connection pool, token cache) shared by all requests. */
  client: QualysClient;
  /**
   * GraphiQL at the GraphQL endpoint: `false` to turn it off, or its options (the operation it
   * opens with, shown to new users). Default: on, empty editor.
   */
  graphiql?: false | { defaultQuery?: string; title?: string } | undefined;
  /**
   * Yoga's logging: `false` silences it (tests), a level keeps that level and above. Default
   * `'info'`. Upstream failures are logged with their code by Yoga when it masks them.
   */
  logging?: boolean | 'debug' | 'info' | 'warn' | 'error' | undefined;
  /** Path of the GraphQL endpoint. Default `/graphql`. */
  graphqlEndpoint?: string | undefined;
  /**
   * Where the create mutations keep `idempotencyKey` outcomes. Default: a new in-memory store
   * (24 h, 10,000 entries) for this gateway.
   */
  idempotency?: IdempotencyStore | undefined;
}

/** The Yoga server type returned by {@link createGateway}. */
export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>;

/**
 * Extracts the JWT from an `Authorization: Bearer <jwt>` header value; `undefined` when the
 * header is absent or not a bearer credential. The token is never logged.
 */
export function parseBearerToken(header: string | null): string | undefined {
  if (header === null) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

/**
 * Creates the gateway. Caller credentials: with service credentials configured on the client,
 * those are used for every request; otherwise each request's `Authorization: Bearer <jwt>` is
 * forwarded to Qualys as is (DESIGN.md §3.1). Errors are masked by {@link maskGatewayError}.
 */
export function createGateway(deps: GatewayDeps): Gateway {
  const { client } = deps;
  const idempotency = deps.idempotency ?? createIdempotencyStore();
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: deps.graphqlEndpoint ?? '/graphql',
    graphiql:
      deps.graphiql === false
        ? false
        : {
            title: deps.graphiql?.title ?? 'Qualys PM gateway',
            ...(deps.graphiql?.defaultQuery === undefined
              ? {}
              : { defaultQuery: deps.graphiql.defaultQuery }),
          },
    // GraphiQL's assets are served by the gateway itself, not a CDN: it works on a closed network.
    renderGraphiQL,
    landingPage: false,
    logging: deps.logging ?? 'info',
    maskedErrors: { maskError: maskGatewayError },
    context: ({ request }): GatewayContext => {
      const bearerToken = client.hasServiceCredentials
        ? undefined
        : parseBearerToken(request.headers.get('authorization'));
      const qualys = client.session({ bearerToken, signal: request.signal });
      return {
        qualys,
        loaders: createLoaders(qualys),
        callerScope: callerScope(client.hasServiceCredentials, bearerToken),
        idempotency,
      };
    },
  });
}
