import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Kind, parse, print } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTypedClient } from '../../examples/typed-client.js';
import { DashboardDocument, JobDetailDocument } from '../../schema/generated/graphql.js';
import { loadConfig } from '../../src/config.js';
import type { QualysClient } from '../../src/qualys/api.js';
import { createQualysClient } from '../../src/qualys/client.js';
import { createGateway, type Gateway } from '../../src/server/gateway.js';
import {
  type PersistedOperationsMode,
  readPersistedOperationsManifest,
} from '../../src/server/plugins/use-persisted-operations.js';
import { createSimulator, DEFAULT_CREDENTIALS, type Simulator } from '../../src/simulator/index.js';

const operationsDir = new URL('../../schema/operations/', import.meta.url);
const manifest = readPersistedOperationsManifest();

/** The operations of schema/operations/*.graphql: name → the definition's printed text. */
function operationsOfDirectory(): Map<string, string> {
  const operations = new Map<string, string>();
  for (const file of readdirSync(operationsDir).filter((f) => f.endsWith('.graphql'))) {
    for (const d of parse(readFileSync(new URL(file, operationsDir), 'utf8')).definitions) {
      if (d.kind === Kind.OPERATION_DEFINITION && d.name !== undefined)
        operations.set(d.name.value, print(d));
    }
  }
  return operations;
}

function idOf(operationName: string): string {
  const entry = Object.entries(manifest).find(([, doc]) =>
    parse(doc).definitions.some(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === operationName,
    ),
  );
  if (entry === undefined) throw new Error(`${operationName} is not in the manifest`);
  return entry[0];
}

describe('schema/persisted-operations.json', () => {
  it('has one entry per operation of schema/operations/, each holding that operation and its fragments', () => {
    const operations = operationsOfDirectory();
    const named = Object.values(manifest).map((doc) => {
      const ops = parse(doc).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      expect(ops).toHaveLength(1);
      const op = ops[0];
      expect(op?.kind === Kind.OPERATION_DEFINITION && print(op)).toBe(operations.get(op?.name?.value ?? ''));
      return op?.name?.value;
    });
    expect(named.sort()).toEqual([...operations.keys()].sort());
  });

  it('keys every document by the sha256 hex of its text', () => {
    for (const [id, doc] of Object.entries(manifest)) {
      expect(id).toBe(createHash('sha256').update(doc, 'utf8').digest('hex'));
      // Self-contained: it validates on its own (fragments included).
      expect(() => parse(doc)).not.toThrow();
    }
  });
});

describe('PERSISTED_OPERATIONS', () => {
  it('is off by default, takes off/allow/only, and names the variable on a bad value', () => {
    const defaults = loadConfig({});
    expect(defaults.ok && defaults.config.persistedOperations).toBe('off');
    const only = loadConfig({ PERSISTED_OPERATIONS: 'only' });
    expect(only.ok && only.config.persistedOperations).toBe('only');
    expect(loadConfig({ PERSISTED_OPERATIONS: 'strict' })).toEqual({
      ok: false,
      problems: ['PERSISTED_OPERATIONS: must be off, allow or only'],
    });
  });
});

describe('persisted operations at the gateway', () => {
  let simulator: Simulator;
  let client: QualysClient;
  const gateways = new Map<PersistedOperationsMode, Gateway>();

  beforeAll(async () => {
    simulator = createSimulator();
    const { url } = await simulator.listen(0, '127.0.0.1');
    client = createQualysClient({ baseUrl: url, credentials: { ...DEFAULT_CREDENTIALS } });
    for (const mode of ['off', 'allow', 'only'] as const) {
      gateways.set(
        mode,
        createGateway({ client, graphiql: false, logging: false, persistedOperations: { mode } }),
      );
    }
  });
  afterAll(async () => {
    await client.close();
    await simulator.close();
  });
  beforeEach(() => simulator.resetRequests());

  const upstreamCalls = () => simulator.requests().filter((r) => r.path !== '/auth').length;

  async function post(mode: PersistedOperationsMode, body: Record<string, unknown>) {
    const gateway = gateways.get(mode);
    if (gateway === undefined) throw new Error(mode);
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    return { status: response.status, ...json };
  }

  const unknownDocument = '{ patchJobs(platform: WINDOWS, first: 3) { nodes { id name } } }';

  it('only: rejects a document outside the manifest with PERSISTED_QUERY_ONLY, 400, no upstream call', async () => {
    const result = await post('only', { query: unknownDocument });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    expect(result.data ?? undefined).toBeUndefined();
    expect(upstreamCalls()).toBe(0);
  });

  it('only: rejects an unknown id with PERSISTED_QUERY_NOT_FOUND, 404, no upstream call', async () => {
    const result = await post('only', { documentId: `sha256:${'0'.repeat(64)}` });
    expect(result.status).toBe(404);
    expect(result.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(upstreamCalls()).toBe(0);
  });

  it('only: rejects introspection and an almost-manifest document (one field more)', async () => {
    const introspection = await post('only', { query: '{ __schema { queryType { name } } }' });
    expect(introspection.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    const altered = print(JobDetailDocument).replace('description\n', 'description\n    createdAt\n');
    expect(altered).not.toBe(print(JobDetailDocument));
    const result = await post('only', { query: altered, variables: { id: 'x' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    expect(upstreamCalls()).toBe(0);
  });

  it('only: runs a manifest operation by documentId, sha256:<hex> or Apollo extension', async () => {
    const id = idOf('Dashboard');
    for (const body of [
      { documentId: id },
      { documentId: `sha256:${id}` },
      { extensions: { persistedQuery: { version: 1, sha256Hash: id } } },
    ]) {
      const result = await post('only', { ...body, variables: { first: 2 } });
      expect(result.errors).toBeUndefined();
      expect((result.data?.['patchJobs'] as { nodes: unknown[] } | undefined)?.nodes).toHaveLength(2);
    }
  });

  it('only: runs a manifest query by documentId in a GET query string', async () => {
    const gateway = gateways.get('only');
    if (gateway === undefined) throw new Error('only');
    const url = new URL('http://gateway.test/graphql');
    url.searchParams.set('documentId', `sha256:${idOf('Dashboard')}`);
    url.searchParams.set('variables', JSON.stringify({ first: 1 }));
    // A GET is a "simple" request: it needs the CSRF header (useHttpHygiene).
    const response = await gateway.fetch(url, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    const body = (await response.json()) as { data?: { patchJobs: { nodes: unknown[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.patchJobs.nodes).toHaveLength(1);
  });

  it('only: runs a manifest document sent as text, whatever its formatting (the typed documents as clients print them)', async () => {
    const fromFile = readFileSync(new URL('dashboard.graphql', operationsDir), 'utf8');
    for (const query of [print(DashboardDocument), fromFile]) {
      const result = await post('only', { query, variables: { first: 1 } });
      expect(result.errors).toBeUndefined();
      expect((result.data?.['patchJobs'] as { nodes: unknown[] } | undefined)?.nodes).toHaveLength(1);
    }
  });

  it('only: the typed client example (graphql-request) works against the allow-list', async () => {
    const gateway = gateways.get('only');
    if (gateway === undefined) throw new Error('only');
    const typed = createTypedClient({
      endpoint: 'http://gateway.test/graphql',
      fetch: (input, init) => Promise.resolve(gateway.fetch(new Request(input, init))),
    });
    const jobs = await typed.dashboard(2);
    expect(jobs).toHaveLength(2);
    const known = simulator.store().patchJobs.find((j) => j.source.kind === 'explicit');
    const job = await typed.jobDetail(known?.id ?? '');
    expect(job?.id).toBe(known?.id);
  });

  it('allow: runs arbitrary documents and ids', async () => {
    const arbitrary = await post('allow', { query: unknownDocument });
    expect(arbitrary.errors).toBeUndefined();
    const byId = await post('allow', { documentId: idOf('Dashboard'), variables: { first: 1 } });
    expect(byId.errors).toBeUndefined();
    const unknown = await post('allow', { documentId: 'f'.repeat(64) });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('off: arbitrary documents run as before; a documentId is not a known parameter', async () => {
    const arbitrary = await post('off', { query: unknownDocument });
    expect(arbitrary.status).toBe(200);
    expect(arbitrary.errors).toBeUndefined();
    const byId = await post('off', { documentId: idOf('Dashboard') });
    expect(byId.status).toBe(400);
    expect(byId.data ?? undefined).toBeUndefined();
  });
});
