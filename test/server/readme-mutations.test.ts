import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JOB_RULE_TABLE } from '../../src/jobs/index.js';
import { schema } from '../../src/schema/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const start = readme.indexOf('## Mutations');
const next = readme.indexOf('\n## ', start + 3);
const section = readme.slice(start, next === -1 ? undefined : next);

/** The README's "Mutations" section documents what the code does (run by readme-examples.test.ts). */
describe('README "Mutations"', () => {
  it('exists', () => {
    expect(start).toBeGreaterThan(0);
  });

  it('has a working example of every mutation', () => {
    const examples = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    for (const field of Object.keys(schema.getMutationType()?.getFields() ?? {})) {
      expect(
        examples.some((e) => e.includes(`${field}(`)),
        field,
      ).toBe(true);
    }
  });

  it('lists every validation rule with its code and source, as JOB_RULE_TABLE has them', () => {
    for (const row of JOB_RULE_TABLE) {
      expect(section, row.name).toContain(`| \`${row.code}\` | \`${row.name}\` |`);
      expect(section, row.name).toContain(`| ${row.rule} | ${row.source} |`);
    }
  });
});
