/**
 * How `_entities` resolves representations, against the fake Qualys API: every representation
 * goes through its own `resolveReference`, all of them start before any upstream call answers,
 * and the loaders receive every key of the request in one batch.
 */
import { printSubgraphSchema } from '@apollo/subgraph';
import { isInterfaceType, isObjectType } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { QualysDeploymentJobSchema, QualysVulnerabilitySchema } from '../../src/qualys/schemas/index.js';
import { publicSchema, schema } from '../../src/schema/index.js';
import { FEDERATION_DIRECTIVES } from '../../src/schema/support/federation.js';
import { createFakeQualysApi } from '../loaders/fake-qualys-api.js';
import { fullJobWire, uuid } from './fixtures.js';
import { run } from './helpers.js';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Asset { id assetId }
    ... on PatchJob { id name }
    ... on Vulnerability { qid title }
  }
}`;

describe('_entities', () => {
  it('starts the upstream call of every representation before the first one answers', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => uuid('10b', i));
    const fake = createFakeQualysApi({
      jobs: ids.map((id) => QualysDeploymentJobSchema.parse(fullJobWire(id))),
    });
    // Runs as each call is answered: how many job GETs had been made by then.
    const madeWhenAnswered: number[] = [];
    fake.failWhen(() => {
      madeWhenAnswered.push(fake.count('getDeploymentJob'));
      return undefined;
    });

    const result = await run(fake, ENTITIES, {
      representations: ids.map((id) => ({ __typename: 'PatchJob', id })),
    });

    expect(result.errors).toBeUndefined();
    expect(madeWhenAnswered).toEqual(ids.map(() => 50));
    expect(fake.callsOf('getDeploymentJob').map((c) => c.args[0])).toEqual(ids);
  });

  it('gives the loaders every key of the request in one batch, in representation order, each key once', async () => {
    const assetUuids = new Map(Array.from({ length: 600 }, (_, i) => [i + 1, uuid('a55e7', i + 1)] as const));
    const fake = createFakeQualysApi({
      assetUuids,
      vulnerabilities: [QualysVulnerabilitySchema.parse({ id: 90007, title: 'QID 90007' })],
    });
    const assetIds = Array.from({ length: 1000 }, (_, i) => 1000 - i);
    const representations = [
      ...assetIds.map((assetId) => ({ __typename: 'Asset', assetId })),
      { __typename: 'Vulnerability', qid: 90007 },
      { __typename: 'Asset', assetId: 1000 },
      { __typename: 'Vulnerability', qid: '90007' },
    ];

    const result = await run(fake, ENTITIES, { representations });

    expect(fake.callsOf('mapAssetIdsToUuids').map((c) => c.args[0])).toEqual([assetIds]);
    expect(fake.callsOf('getVulnerabilities').map((c) => c.args[0])).toEqual([[90007]]);
    expect(fake.count()).toBe(2);
    const entities = (result.data?.['_entities'] ?? []) as unknown[];
    expect(entities).toHaveLength(representations.length);
    expect(entities[0]).toBeNull(); // asset id 1000 is not mapped
    expect(entities[400]).toEqual({ __typename: 'Asset', id: uuid('a55e7', 600), assetId: 600 });
    expect(entities[1000]).toEqual({ __typename: 'Vulnerability', qid: 90007, title: 'QID 90007' });
    expect(entities[1002]).toEqual(entities[1000]);
    expect(result.errors?.map((e) => e.path?.[1])).toEqual([
      ...Array.from({ length: 400 }, (_, i) => i),
      1001,
    ]);
    expect(result.errors?.every((e) => e.extensions['code'] === 'NOT_FOUND')).toBe(true);
  });
});

describe('the subgraph and public schemas', () => {
  it('serves _service { sdl } as printSubgraphSchema prints the served schema', async () => {
    const result = await run(createFakeQualysApi(), '{ _service { sdl } }');
    expect(result.data).toEqual({ _service: { sdl: printSubgraphSchema(schema) } });
  });

  it('imports (in its @link) every directive its types and fields use', () => {
    const used = new Set<string>();
    const collect = (extensions: object) => {
      const { directives } = extensions as { directives?: { name: string }[] };
      for (const d of directives ?? []) used.add(`@${d.name}`);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      collect(type.extensions);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) collect(field.extensions);
      }
    }
    expect([...used].sort()).toEqual([...FEDERATION_DIRECTIVES].sort());
  });

  it('keeps the federation internals out of the public schema only', () => {
    for (const name of ['_Any', '_Entity', '_Service']) {
      expect(schema.getType(name), name).toBeDefined();
      expect(publicSchema.getType(name), name).toBeUndefined();
    }
    expect(Object.keys(publicSchema.getQueryType()?.getFields() ?? {})).not.toContain('_entities');
    expect(publicSchema.getType('Asset')).toBe(schema.getType('Asset'));
  });
});
