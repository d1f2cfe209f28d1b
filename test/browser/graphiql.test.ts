/**
 * GraphiQL in headless Chromium (the npm-shipped `@sparticuz/chromium`, or Debian's
 * `/usr/bin/chromium` as a fallback; see `../helpers/chromium.ts`) driven by `playwright-core`:
 * the simulator and the gateway run in-process on loopback, with GraphiQL on and the
 * Dashboard operation as its default query (as `npm start` serves it). The test opens
 * `/graphql`, runs the operation with GraphiQL's execute button, waits for the result pane to
 * show the first job of the simulator's fleet, and saves a screenshot to
 * `test-results/graphiql.png`. No request may leave 127.0.0.1 (the page's assets are local).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualysClient } from '../../src/qualys/api.js';
import { createQualysClient } from '../../src/qualys/client.js';
import { createGateway, type Gateway } from '../../src/server/gateway.js';
import { createSimulator, DEFAULT_CREDENTIALS, type Simulator } from '../../src/simulator/index.js';
import { CHROMIUM_ARGS, resolveChromium } from '../helpers/chromium.js';

const SCREENSHOT = fileURLToPath(new URL('../../test-results/graphiql.png', import.meta.url));
const TIMEOUT_MS = 60_000;

/** Loopback or local-only URLs (`data:`, `blob:`, `about:`): anything else is a leak. */
function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return u.hostname === '127.0.0.1';
}

/** Monaco renders spaces as U+00A0; collapse all whitespace for text assertions. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('GraphiQL in headless Chromium', () => {
  let simulator: Simulator;
  let client: QualysClient;
  let gateway: Gateway;
  let server: Server;
  let browser: Browser | undefined;
  let endpoint: string;

  beforeAll(async () => {
    const chromiumBinary = await resolveChromium();
    simulator = createSimulator();
    const { url } = await simulator.listen(0, '127.0.0.1');
    client = createQualysClient({ baseUrl: url, credentials: { ...DEFAULT_CREDENTIALS } });
    const defaultQuery = readFileSync(
      new URL('../../schema/operations/dashboard.graphql', import.meta.url),
      'utf8',
    );
    gateway = createGateway({ client, graphiql: { defaultQuery }, logging: false });
    server = createServer(gateway);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    browser = await chromium.launch({
      executablePath: chromiumBinary.executablePath,
      args: [...CHROMIUM_ARGS],
      timeout: TIMEOUT_MS,
    });
    // One line in the output that says which browser ran (the npm-shipped one on a bare machine).
    console.info(`GraphiQL browser test: Chromium ${browser.version()} from ${chromiumBinary.source}`);
  }, TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    if (server !== undefined) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await client?.close();
    await simulator?.close();
  }, TIMEOUT_MS);

  it(
    'loads, runs the Dashboard operation and shows its data',
    async () => {
      // The job GraphiQL's result must show first (the Dashboard's defaults: WINDOWS, first 50).
      const expected = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ patchJobs(platform: WINDOWS, first: 1) { nodes { id name } } }' }),
      });
      const first = (
        (await expected.json()) as { data: { patchJobs: { nodes: Array<{ id: string; name: string }> } } }
      ).data.patchJobs.nodes[0];
      if (first === undefined) throw new Error('the simulator has no WINDOWS patch job');

      if (browser === undefined) throw new Error('chromium did not start');
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        const requested: string[] = [];
        page.on('request', (request) => requested.push(request.url()));
        const pageErrors: string[] = [];
        page.on('pageerror', (error) => pageErrors.push(error.message));

        const response = await page.goto(endpoint, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);

        // The query editor holds the Dashboard operation.
        const queryEditor = page.locator('.graphiql-query-editor');
        await queryEditor.getByText('Dashboard', { exact: false }).first().waitFor();

        // Run it and wait for the HTTP answer and for the result pane to render it.
        const execute = page.locator('.graphiql-execute-button');
        await execute.waitFor();
        const [graphqlResponse] = await Promise.all([
          page.waitForResponse(
            (r) =>
              r.url() === endpoint &&
              r.request().method() === 'POST' &&
              (r.request().postData() ?? '').includes('query Dashboard'),
          ),
          execute.click(),
        ]);
        expect(graphqlResponse.status()).toBe(200);
        const body = (await graphqlResponse.json()) as {
          data?: { patchJobs: { nodes: Array<{ id: string; name: string }> } };
          errors?: unknown;
        };
        expect(body.errors).toBeUndefined();
        expect(body.data?.patchJobs.nodes[0]).toMatchObject(first);

        const result = page.locator('.graphiql-response');
        await expect
          .poll(async () => normalise(await result.innerText()), { timeout: TIMEOUT_MS, interval: 100 })
          .toContain(first.id);
        const text = normalise(await result.innerText());
        expect(text).toContain('"patchJobs"');
        expect(text).toContain(first.name);

        mkdirSync(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });
        await page.screenshot({ path: SCREENSHOT });
        expect(existsSync(SCREENSHOT)).toBe(true);

        expect(requested).toContain(endpoint); // the listener saw the page and the POST
        expect(
          requested.filter((u) => !isLocal(u)),
          'requests that left 127.0.0.1',
        ).toEqual([]);
        expect(pageErrors, 'uncaught errors in the page').toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT_MS,
  );
});
