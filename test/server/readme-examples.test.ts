import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_TABLE } from '../../src/config.js';
import { type Harness, startHarness } from '../helpers/harness.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

/** The README's example queries run as written against the simulator, and it documents every setting. */
describe('README', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('has example queries', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((q, i) => [i + 1, q] as const))(
    'example %i runs without errors and returns data',
    async (_, query) => {
      const result = await h.execute(query);
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
      expect(JSON.stringify(result.data), 'an example should show data, not an empty page').not.toContain(
        '"nodes":[]',
      );
    },
  );

  it('documents every configuration variable', () => {
    for (const [variable] of CONFIG_TABLE) {
      for (const name of variable.split(' / ')) expect(readme).toContain(`\`${name}\``);
    }
  });
});
