import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/server/gateway.js';
import { type Harness, startHarness } from '../helpers/harness.js';

const URL_ = 'http://gateway.test/graphql';

describe('HTTP hygiene', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetCalls());

  it('CSRF: a GET without the x-graphql-yoga-csrf header is refused with 403; with it, it runs', async () => {
    const url = `${URL_}?query=${encodeURIComponent('{ __typename }')}`;
    const refused = await h.gateway.fetch(url, { headers: { accept: 'application/json' } });
    expect(refused.status).toBe(403);
    const allowed = await h.gateway.fetch(url, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('CSRF: a "simple" text/plain POST is refused with 403, application/json passes', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const plain = await h.gateway.fetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });
    expect(plain.status).toBe(403);
    const json = await h.gateway.fetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(json.status).toBe(200);
  });

  it('a body over 1 MiB gets 413 and makes no upstream call', async () => {
    const query = `{ patchJobs(platform: WINDOWS) { totalCount } }${' '.repeat(1024 * 1024)}`;
    const response = await h.gateway.fetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(413);
    expect(h.simulator.requests()).toHaveLength(0);
  });

  it('a chunked body (no Content-Length) over the limit gets 413; under it, it runs', async () => {
    const gateway = createGateway({ client: h.client, graphiql: false, logging: false, maxBodyBytes: 1000 });
    const stream = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(text);
          for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.subarray(i, i + 100));
          controller.close();
        },
      });
    const send = (text: string) =>
      gateway.fetch(URL_, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream(text),
        duplex: 'half',
      } as RequestInit);
    expect((await send(JSON.stringify({ query: `{ __typename ${' '.repeat(2000)} }` }))).status).toBe(413);
    const ok = await send(JSON.stringify({ query: '{ __typename }' }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('batching is off: an array body is refused', async () => {
    const response = await h.gateway.fetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    expect(body.data).toBeUndefined();
    expect(body.errors?.length).toBeGreaterThan(0);
  });

  it('introspection is on by default and off with introspection: false', async () => {
    const query = JSON.stringify({ query: '{ __schema { queryType { name } } }' });
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: query };
    const on = (await (await h.gateway.fetch(URL_, init)).json()) as { data?: unknown };
    expect(on.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const gateway = createGateway({
      client: h.client,
      graphiql: false,
      logging: false,
      introspection: false,
    });
    const off = (await (await gateway.fetch(URL_, init)).json()) as {
      data?: unknown;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    };
    expect(off.data).toBeUndefined();
    expect(off.errors?.[0]?.message).toMatch(/introspection/i);
    expect(off.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    // Ordinary queries still work.
    const typename = (await (
      await gateway.fetch(URL_, { ...init, body: JSON.stringify({ query: '{ __typename }' }) })
    ).json()) as { data?: unknown };
    expect(typename.data).toEqual({ __typename: 'Query' });
  });
});
