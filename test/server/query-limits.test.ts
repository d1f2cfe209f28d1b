import { getIntrospectionQuery } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import {
  DEFAULT_QUERY_LIMITS,
  type QueryLimitName,
  useQueryLimits,
} from '../../src/server/plugins/use-query-limits.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { operationSources } from './operation-sources.js';

const operations = operationSources();

/** Ends every operation right after validation: no resolver runs. */
const stopBeforeExecution: Plugin = {
  onExecute({ setResultAndStopExecution }) {
    setResultAndStopExecution({ data: null });
  },
};

/** Validates `query` under the default limits without executing it; returns the measures. */
async function measure(query: string, operationName: string) {
  const measured: Partial<Record<QueryLimitName, number>> = {};
  const yoga = createYoga({
    schema,
    logging: false,
    plugins: [
      ...useQueryLimits(DEFAULT_QUERY_LIMITS, {
        onMeasure: (limit, value) => {
          measured[limit] = Math.max(measured[limit] ?? 0, value);
        },
      }),
      stopBeforeExecution,
    ],
  });
  const response = await yoga.fetch('http://limits.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, operationName }),
  });
  return { body: (await response.json()) as { errors?: unknown[] }, measured };
}

describe('query limits: the named operations', () => {
  const worst: Record<QueryLimitName, { value: number; op: string }> = {
    maxDepth: { value: 0, op: '' },
    maxAliases: { value: 0, op: '' },
    maxCost: { value: 0, op: '' },
    maxTokens: { value: 0, op: '' },
    maxDirectives: { value: 0, op: '' },
  };

  it.each(operations.map((o) => [o.name, o] as const))('%s passes every limit', async (_, op) => {
    const { body, measured } = await measure(op.document, op.name);
    expect(body.errors).toBeUndefined();
    for (const limit of Object.keys(worst) as QueryLimitName[]) {
      const value = measured[limit];
      expect(value, `${limit} measured`).toBeTypeOf('number');
      if (value !== undefined && value > worst[limit].value) worst[limit] = { value, op: op.name };
    }
  });

  it('leaves headroom over the largest operation', () => {
    const headroom = Object.fromEntries(
      (Object.keys(worst) as QueryLimitName[]).map((limit) => [
        limit,
        {
          limit: DEFAULT_QUERY_LIMITS[limit],
          largest: worst[limit].value,
          in: worst[limit].op,
          headroom: DEFAULT_QUERY_LIMITS[limit] - worst[limit].value,
        },
      ]),
    );
    console.info('query limit headroom', JSON.stringify(headroom, null, 1));
    expect(worst.maxDepth.value).toBeGreaterThan(0);
    expect(DEFAULT_QUERY_LIMITS.maxDepth - worst.maxDepth.value).toBeGreaterThanOrEqual(3);
    expect(DEFAULT_QUERY_LIMITS.maxCost).toBeGreaterThanOrEqual(5 * worst.maxCost.value);
    expect(DEFAULT_QUERY_LIMITS.maxTokens).toBeGreaterThanOrEqual(5 * worst.maxTokens.value);
    expect(DEFAULT_QUERY_LIMITS.maxAliases - worst.maxAliases.value).toBeGreaterThanOrEqual(10);
    expect(DEFAULT_QUERY_LIMITS.maxDirectives - worst.maxDirectives.value).toBeGreaterThanOrEqual(10);
  });

  it("GraphiQL's introspection query passes", async () => {
    const { body } = await measure(getIntrospectionQuery(), 'IntrospectionQuery');
    expect(body.errors).toBeUndefined();
  });
});

function nested(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `id supersedes { ${selection} }`;
  return `{ patch(id: "x", platform: WINDOWS) { ${selection} } }`;
}

const aliases = (n: number) =>
  `query ($p: Platform!) { ${Array.from({ length: n }, (_, i) => `a${i}: patchJobs(platform: $p) { totalCount }`).join(' ')} }`;

/** Name, query, what the message names, the `extensions.code` graphql-armor's error gets. */
const abusive: Array<[name: string, query: string, messagePart: RegExp, code: string]> = [
  [
    'patch supersedes nested 15 levels',
    nested(15),
    /depth limit of 12 exceeded, found 17/i,
    'GRAPHQL_VALIDATION_FAILED',
  ],
  [
    '200 aliases of patchJobs',
    aliases(200),
    /aliases limit of 15 exceeded, found 200/i,
    'GRAPHQL_VALIDATION_FAILED',
  ],
  [
    '20 aliases of patchJobs',
    aliases(20),
    /aliases limit of 15 exceeded, found 20/i,
    'GRAPHQL_VALIDATION_FAILED',
  ],
  ['a 100k-token query', `{ ${'a '.repeat(100_000)} }`, /token limit of 20000/i, 'GRAPHQL_PARSE_FAILED'],
  [
    '100 directives',
    `{ __typename ${'@include(if: true) '.repeat(100)} }`,
    /directives limit of 20 exceeded/i,
    'GRAPHQL_VALIDATION_FAILED',
  ],
  [
    'a costly query (wide lists under lists)',
    `{ ${Array.from({ length: 12 }, (_, i) => `j${i}: patchJobs(platform: WINDOWS, first: 100) { nodes { id name approvedPatches { id title kb supersedes { id title kb supersededBy { id title } } } latestResult { assetResults { installedPatches { id title kb } failedPatches { id title kb } } } } }`).join(' ')} }`,
    /cost limit of 100000 exceeded/i,
    'GRAPHQL_VALIDATION_FAILED',
  ],
];

describe('query limits: abusive queries are rejected before execution', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetCalls());

  it.each(abusive)('%s', async (_, query, messagePart, code) => {
    const response = await h.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as {
      data?: unknown;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
      extensions?: Record<string, unknown>;
    };
    expect(body.data).toBeUndefined();
    expect(body.errors?.length).toBeGreaterThan(0);
    const first = body.errors?.[0];
    expect(first?.message).toMatch(messagePart);
    expect(first?.extensions?.['code']).toBe(code);
    expect(body.extensions?.['upstream']).toEqual({ calls: 0, byEndpoint: {} });
    expect(h.simulator.requests()).toHaveLength(0);
  });
});
