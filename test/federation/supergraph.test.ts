import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CMDB_SUBGRAPH_SDL } from './cmdb-subgraph.js';
import { composeSupergraph, requireSupergraph } from './supergraph.js';

/** The committed PM subgraph SDL (what `_service { sdl }` serves; drift is checked elsewhere). */
const PM_SUBGRAPH_SDL = readFileSync(new URL('../../schema/subgraph.graphql', import.meta.url), 'utf8');

const subgraphs = [
  { name: 'pm', url: 'http://127.0.0.1:4000/graphql', sdl: PM_SUBGRAPH_SDL },
  { name: 'cmdb', url: 'http://127.0.0.1:4001/graphql', sdl: CMDB_SUBGRAPH_SDL },
];

/** The `@join__type` keys of one type in a supergraph SDL, as `graph:fields`. */
function joinKeys(supergraphSdl: string, typeName: string): string[] {
  const definition = new RegExp(`^type ${typeName}\\b([\\s\\S]*?)\\{`, 'm').exec(supergraphSdl)?.[1] ?? '';
  return [...definition.matchAll(/@join__type\(graph: (\w+), key: "([^"]+)"/g)].map(
    ([, g, k]) => `${g}:${k}`,
  );
}

describe('composition of the PM subgraph with a CMDB subgraph', () => {
  it('composes with @theguild/federation-composition and @apollo/composition, no errors', () => {
    const composition = composeSupergraph(subgraphs);
    expect(composition.guildErrors).toEqual([]);
    expect(composition.apolloErrors).toEqual([]);
    // The one hint: the CMDB's `assetId: Int!` is stricter than PM's `Int` (null when unknown).
    expect(composition.apolloHints).toEqual([
      expect.stringMatching(/^INCONSISTENT_BUT_COMPATIBLE_FIELD_TYPE: Type of field "Asset.assetId"/),
    ]);
    const supergraphSdl = requireSupergraph(composition);

    // The keys the PM subgraph exposes, as both supergraphs record them.
    for (const sdl of [supergraphSdl, composition.apolloSupergraphSdl ?? '']) {
      expect(joinKeys(sdl, 'Asset').sort()).toEqual(['CMDB:assetId', 'PM:assetId', 'PM:id']);
      expect(joinKeys(sdl, 'PatchJob')).toEqual(['PM:id']);
      expect(joinKeys(sdl, 'MitigationJob')).toEqual(['PM:id']);
      expect(joinKeys(sdl, 'Patch')).toEqual(['PM:id']);
      expect(joinKeys(sdl, 'Vulnerability')).toEqual(['PM:qid']);
    }
  });

  it('reports the errors of both libraries when subgraphs do not compose', () => {
    // A second subgraph redefining a CMDB field with another type, without @shareable.
    const clash = CMDB_SUBGRAPH_SDL.replace('riskScore: Int!', 'riskScore: String!').replace(
      'cmdbAssets(first: Int)',
      'riskAssets(first: Int)',
    );
    const composition = composeSupergraph([
      ...subgraphs,
      { name: 'risk', url: 'http://127.0.0.1:4002', sdl: clash },
    ]);
    expect(composition.guildErrors.length).toBeGreaterThan(0);
    expect(composition.apolloErrors.length).toBeGreaterThan(0);
    expect(composition.apolloErrors.join('\n')).toContain('INVALID_FIELD_SHARING');
    expect(() => requireSupergraph(composition)).toThrow(
      /@theguild\/federation-composition: [\s\S]*@apollo\/composition: /,
    );
  });
});
