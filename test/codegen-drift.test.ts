import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

const root = new URL('../', import.meta.url);

describe('generated files (schema/schema.graphql, schema/subgraph.graphql, schema/persisted-operations.json, schema/generated/)', () => {
  it('match what `npm run codegen` produces from the current schema and operations', async () => {
    const outputs = await generate(config, false);
    expect(outputs.map((o: { filename: string }) => o.filename)).toEqual(
      expect.arrayContaining([
        'schema/schema.graphql',
        'schema/subgraph.graphql',
        'schema/persisted-operations.json',
        'schema/generated/graphql.ts',
      ]),
    );
    const stale: string[] = [];
    for (const { filename, content } of outputs) {
      let committed: string | null;
      try {
        committed = readFileSync(new URL(filename, root), 'utf8');
      } catch {
        committed = null;
      }
      if (committed !== content) stale.push(filename);
    }
    expect(stale, 'stale generated files: run `npm run codegen` and commit the result').toEqual([]);
  });
});
