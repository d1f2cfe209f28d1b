/**
 * Composition helpers for the federation tests: read a subgraph's SDL the way a router's
 * tooling does (`{ _service { sdl } }`), and compose subgraphs into a supergraph with both
 * `@theguild/federation-composition` and `@apollo/composition`, so the subgraph is known to
 * compose with either toolchain (Hive / Mesh Compose, and rover / Apollo Router).
 */
import { composeServices as composeWithApollo } from '@apollo/composition';
import { composeServices as composeWithGuild } from '@theguild/federation-composition';
import { parse } from 'graphql';

/** One subgraph to compose. */
export interface SubgraphSource {
  /** The subgraph name (`join__Graph` enum value in the supergraph). */
  readonly name: string;
  /** Where the router sends its requests. */
  readonly url: string;
  /** The subgraph SDL, federation directives included (`_service { sdl }`). */
  readonly sdl: string;
}

/** What each library said about one composition. */
export interface SupergraphComposition {
  /** Errors of `@theguild/federation-composition`, as messages (empty on success). */
  readonly guildErrors: string[];
  /** Errors of `@apollo/composition`, as `CODE: message` (empty on success). */
  readonly apolloErrors: string[];
  /** Hints of `@apollo/composition` (not errors: e.g. a key field nullable in one subgraph only). */
  readonly apolloHints: string[];
  /** The Guild's supergraph SDL, `undefined` when it failed. */
  readonly supergraphSdl: string | undefined;
  /** Apollo's supergraph SDL, `undefined` when it failed. */
  readonly apolloSupergraphSdl: string | undefined;
}

/**
 * Fetches a subgraph's SDL with the federation query `{ _service { sdl } }`.
 *
 * @param url - the subgraph's GraphQL endpoint.
 * @throws Error when the answer is not a 200 with `data._service.sdl`.
 */
export async function fetchSubgraphSdl(url: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { data?: { _service?: { sdl?: unknown } }; errors?: unknown };
  const sdl = body.data?._service?.sdl;
  if (response.status !== 200 || typeof sdl !== 'string') {
    throw new Error(`no _service.sdl from ${url} (HTTP ${response.status}): ${JSON.stringify(body.errors)}`);
  }
  return sdl;
}

/**
 * Composes the subgraphs with both libraries. Never throws for composition errors: they are
 * returned, so a test can show them (see {@link requireSupergraph}).
 */
export function composeSupergraph(subgraphs: readonly SubgraphSource[]): SupergraphComposition {
  const services = subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) }));
  const guild = composeWithGuild(services);
  const apollo = composeWithApollo(services);
  return {
    guildErrors: (guild.errors ?? []).map((e) => e.message),
    apolloErrors: (apollo.errors ?? []).map(
      (e) => `${String(e.extensions['code'] ?? 'ERROR')}: ${e.message}`,
    ),
    apolloHints: (apollo.hints ?? []).map((h) => `${h.definition.code}: ${h.message}`),
    supergraphSdl: guild.supergraphSdl,
    apolloSupergraphSdl: apollo.supergraphSdl,
  };
}

/**
 * The Guild's supergraph SDL of a composition both libraries accepted.
 *
 * @throws Error listing every error of either library when one of them failed.
 */
export function requireSupergraph(composition: SupergraphComposition): string {
  const { guildErrors, apolloErrors, supergraphSdl, apolloSupergraphSdl } = composition;
  if (guildErrors.length > 0 || apolloErrors.length > 0 || !supergraphSdl || !apolloSupergraphSdl) {
    throw new Error(
      [
        'composition failed',
        ...guildErrors.map((m) => `  @theguild/federation-composition: ${m}`),
        ...apolloErrors.map((m) => `  @apollo/composition: ${m}`),
      ].join('\n'),
    );
  }
  return supergraphSdl;
}
