import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AuditResult, auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/harness.js';

/**
 * The GraphQL-over-HTTP spec audit of graphql-http against the gateway on a real loopback port:
 * every MUST passes; SHOULD/MAY results are listed (warnings are allowed).
 */
describe('graphql-http audit', () => {
  let h: Harness;
  let server: Server;
  let url: string;
  let results: AuditResult[];

  beforeAll(async () => {
    h = await startHarness();
    server = createServer(h.gateway);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    results = await auditServer({ url });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await h.close();
  });

  it('runs the audits', () => {
    expect(results.length).toBeGreaterThan(20);
    const summary: Record<string, number> = {};
    for (const r of results) summary[r.status] = (summary[r.status] ?? 0) + 1;
    console.info('graphql-http audit', JSON.stringify(summary));
    for (const r of results) {
      if (r.status !== 'ok') console.info(`${r.status.toUpperCase()} ${r.name}: ${r.reason}`);
    }
  });

  it('passes every MUST', () => {
    const failed = results
      .filter((r) => r.name.startsWith('MUST') && r.status !== 'ok')
      .map((r) => `${r.name}: ${r.status === 'ok' ? '' : r.reason}`);
    expect(failed).toEqual([]);
  });

  it('fails no SHOULD or MAY outright (warnings and notices only)', () => {
    expect(results.filter((r) => r.status === 'error').map((r) => r.name)).toEqual([]);
  });

  it('the MAY notices are CSRF prevention: with the x-graphql-yoga-csrf header every audit is ok', async () => {
    const withCsrfHeader = (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('x-graphql-yoga-csrf', '1');
      return fetch(input, { ...init, headers });
    };
    const again = await auditServer({ url, fetchFn: withCsrfHeader });
    expect(again.filter((r) => r.status !== 'ok').map((r) => r.name)).toEqual([]);
  });
});
