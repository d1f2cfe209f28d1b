/**
 * A small CMDB subgraph for the federation tests: it knows assets only by their numeric Qualys
 * asset id (`Asset @key(fields: "assetId")`) and adds an owner and a risk score. Built with
 * `buildSubgraphSchema` (@apollo/subgraph) and served by graphql-yoga on a loopback port, as a
 * team owning such a subgraph would.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { type SimulatorStore, UNMAPPED_ASSET_ID_RANGE } from '../../src/simulator/index.js';
import { type LoopbackServer, serveOnLoopback } from './loopback.js';

/** The CMDB subgraph's SDL, as its team would publish it. */
export const CMDB_SUBGRAPH_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  # An asset as the CMDB knows it: by its numeric Qualys asset id (VMDR/CSAM). No descriptions on
  # the type and the key: PM's describe them in the supergraph (composition keeps one).
  type Asset @key(fields: "assetId") {
    assetId: Int!
    "The team that owns the asset."
    owner: String!
    "The CMDB risk score, 0-99."
    riskScore: Int!
  }

  type Query {
    "The CMDB's assets in ascending asset id order; the first \`first\` of them, or all."
    cmdbAssets(first: Int): [Asset!]!
  }
`;

/** One CMDB record. */
export interface CmdbAsset {
  readonly assetId: number;
  readonly owner: string;
  readonly riskScore: number;
}

const OWNERS = ['platform-team', 'finance-it', 'sre', 'desktop-support', 'data-engineering'];

/** The deterministic CMDB record of an asset id. */
export function cmdbRecord(assetId: number): CmdbAsset {
  return { assetId, owner: OWNERS[assetId % OWNERS.length] ?? 'unknown', riskScore: (assetId * 37) % 100 };
}

/**
 * Asset ids the CMDB knows but Patch Management cannot map (`POST /pm/v1/assets/uuids` lists them
 * as unmapped): spread over {@link UNMAPPED_ASSET_ID_RANGE}. They sort between the seed assets
 * and the generated fleet, so any `cmdbAssets(first:)` of more than a few dozen includes them.
 */
export const CMDB_ONLY_ASSET_IDS: readonly number[] = [0, 1_111, 2_222, 3_333, 9_999].map(
  (offset) => UNMAPPED_ASSET_ID_RANGE.first + offset,
);

/**
 * The CMDB's records: every asset of the simulator's store (seed and generated fleet, by numeric
 * asset id) plus {@link CMDB_ONLY_ASSET_IDS}, ascending asset id.
 */
export function cmdbAssetsFrom(store: SimulatorStore): CmdbAsset[] {
  const ids = new Set([...store.assets.map((a) => a.assetId), ...CMDB_ONLY_ASSET_IDS]);
  return [...ids].sort((a, b) => a - b).map(cmdbRecord);
}

/** One GraphQL request the CMDB subgraph received. */
export interface CmdbRequest {
  /** The operation text. */
  readonly query: string;
  /** How many `_entities` representations it carried (0 for other operations). */
  readonly representations: number;
}

/** A running CMDB subgraph. */
export interface CmdbSubgraph {
  /** The GraphQL endpoint, `http://127.0.0.1:<port>/graphql`. */
  readonly url: string;
  /** What the subgraph serves. */
  readonly assets: readonly CmdbAsset[];
  /** Requests received since the last {@link CmdbSubgraph.resetRequests}, in arrival order. */
  requests(): CmdbRequest[];
  resetRequests(): void;
  close(): Promise<void>;
}

/**
 * Starts the CMDB subgraph on `127.0.0.1:0`.
 *
 * `cmdbAssets(first:)` pages {@link CmdbSubgraph.assets}; `_entities` answers `Asset` by
 * `assetId`, `null` for an id it does not know. A negative `first` is a `BAD_USER_INPUT` error.
 */
export async function startCmdbSubgraph(assets: readonly CmdbAsset[]): Promise<CmdbSubgraph> {
  const byAssetId = new Map(assets.map((a) => [a.assetId, a]));
  const schema = buildSubgraphSchema({
    typeDefs: parse(CMDB_SUBGRAPH_SDL),
    resolvers: {
      Query: {
        cmdbAssets: (_root: unknown, args: { first?: number | null }) => {
          const first = args.first ?? assets.length;
          if (first < 0) {
            throw new GraphQLError('first must not be negative', { extensions: { code: 'BAD_USER_INPUT' } });
          }
          return assets.slice(0, first);
        },
      },
      Asset: {
        __resolveReference: (reference: { assetId: number }) => byAssetId.get(reference.assetId) ?? null,
      },
    },
  });

  let log: CmdbRequest[] = [];
  const yoga = createYoga({
    schema,
    graphiql: false,
    landingPage: false,
    logging: false,
    plugins: [
      {
        onParams({ params }) {
          const representations = params.variables?.['representations'];
          log.push({
            query: params.query ?? '',
            representations: Array.isArray(representations) ? representations.length : 0,
          });
        },
      },
    ],
  });
  const server: LoopbackServer = await serveOnLoopback(yoga);
  return {
    url: `${server.origin}/graphql`,
    assets,
    requests: () => [...log],
    resetRequests: () => {
      log = [];
    },
    close: () => server.close(),
  };
}
