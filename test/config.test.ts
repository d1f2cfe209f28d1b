import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_TABLE, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment (embedded simulator, forwarded tokens)', () => {
    const result = loadConfig({});
    expect(result).toEqual({
      ok: true,
      config: {
        port: 4000,
        host: '127.0.0.1',
        qualysBaseUrl: null,
        credentials: null,
        cluster: null,
        qualysTimeoutMs: 30_000,
        upstream: { concurrency: 2, rateLimit: null, retryMaxAttempts: 3 },
        apiKeys: [],
        open: false,
        logLevel: 'info',
        graphiql: true,
        introspection: true,
        introspectionKeys: [],
        requestTimeoutMs: 60_000,
        maxBodyBytes: 1_048_576,
        queryLimits: {
          maxDepth: 12,
          maxAliases: 15,
          maxCost: 100_000,
          maxTokens: 20_000,
          maxDirectives: 20,
          maxUpstreamCalls: 1000,
        },
        persistedOperations: 'off',
        responseCache: { store: 'off', defaultTtlMs: 15_000, redisUrl: null, tokenCheckWindowMs: 60_000 },
        tracing: { endpoint: null, serviceName: 'qualys-pm-gateway' },
        simulator: {
          latencyMs: 0,
          jitterMs: 0,
          seed: 1,
          fleet: { assets: 2000, patches: 5000, patchJobs: 200, mitigationJobs: 40 },
        },
      },
    });
  });

  it('reads a real Qualys setup and strips the trailing slash of the base URL', () => {
    const result = loadConfig({
      PORT: '8080',
      QUALYS_BASE_URL: 'https://gateway.qg2.apps.qualys.com/',
      QUALYS_USERNAME: 'svc',
      QUALYS_PASSWORD: 's3cret',
      QUALYS_TIMEOUT_MS: '5000',
      GRAPHIQL: 'false',
      GATEWAY_API_KEYS: 'ops:0123456789abcdef0123456789abcdef',
    });
    expect(result.ok && result.config).toMatchObject({
      port: 8080,
      qualysBaseUrl: 'https://gateway.qg2.apps.qualys.com',
      credentials: { username: 'svc', password: 's3cret' },
      qualysTimeoutMs: 5000,
      apiKeys: [{ name: 'ops', key: '0123456789abcdef0123456789abcdef' }],
      graphiql: false,
    });
  });

  it('reads the upstream governor settings', () => {
    const result = loadConfig({
      QUALYS_CONCURRENCY: '0',
      QUALYS_RATE_LIMIT_CALLS: '300',
      QUALYS_RATE_LIMIT_WINDOW_MS: '3600000',
      QUALYS_RETRY_MAX_ATTEMPTS: '1',
    });
    expect(result.ok && result.config.upstream).toEqual({
      concurrency: 0,
      rateLimit: { calls: 300, windowMs: 3_600_000 },
      retryMaxAttempts: 1,
    });
    const bad = loadConfig({ QUALYS_CONCURRENCY: '-1', QUALYS_RETRY_MAX_ATTEMPTS: '0' });
    expect(bad.ok ? [] : bad.problems).toHaveLength(2);
  });

  it('treats empty variables as unset', () => {
    const result = loadConfig({ PORT: '', QUALYS_BASE_URL: '  ' });
    expect(result.ok && result.config.port).toBe(4000);
    expect(result.ok && result.config.qualysBaseUrl).toBeNull();
  });

  it('reports one line per problem, naming the variable', () => {
    const result = loadConfig({
      PORT: '70000',
      QUALYS_BASE_URL: 'gateway.qg2.apps.qualys.com',
      QUALYS_USERNAME: 'svc',
      QUALYS_TIMEOUT_MS: 'soon',
      GRAPHIQL: 'maybe',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(5);
    expect(problems.find((p) => p.startsWith('PORT:'))).toMatch(/between 0 and 65535/);
    expect(problems.find((p) => p.startsWith('QUALYS_BASE_URL:'))).toMatch(/http\(s\) URL/);
    expect(problems.find((p) => p.startsWith('QUALYS_PASSWORD:'))).toMatch(/set together/);
    expect(problems.find((p) => p.startsWith('QUALYS_TIMEOUT_MS:'))).toMatch(/milliseconds/);
    expect(problems.find((p) => p.startsWith('GRAPHIQL:'))).toMatch(/true or false/);
  });

  it('never echoes the password in a problem line', () => {
    const result = loadConfig({ QUALYS_PASSWORD: 'hunter2-secret' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('hunter2-secret');
  });

  it('reads the production settings', () => {
    const result = loadConfig({
      INTROSPECTION: 'false',
      REQUEST_TIMEOUT_MS: '15000',
      MAX_BODY_BYTES: '65536',
      QUERY_MAX_DEPTH: '8',
      QUERY_MAX_ALIASES: '0',
      QUERY_MAX_COST: '1000',
      QUERY_MAX_TOKENS: '500',
      QUERY_MAX_DIRECTIVES: '5',
      QUERY_MAX_UPSTREAM_CALLS: '200',
    });
    expect(result.ok && result.config).toMatchObject({
      introspection: false,
      requestTimeoutMs: 15_000,
      maxBodyBytes: 65_536,
      queryLimits: {
        maxDepth: 8,
        maxAliases: 0,
        maxCost: 1000,
        maxTokens: 500,
        maxDirectives: 5,
        maxUpstreamCalls: 200,
      },
    });
  });

  it('reports bad production settings one line each', () => {
    const result = loadConfig({
      INTROSPECTION: 'off',
      REQUEST_TIMEOUT_MS: '0',
      MAX_BODY_BYTES: 'lots',
      QUERY_MAX_DEPTH: '0',
      QUERY_MAX_TOKENS: '1.5',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'INTROSPECTION: must be true or false',
        'REQUEST_TIMEOUT_MS: must be greater than 0',
        'MAX_BODY_BYTES: must be a number',
        'QUERY_MAX_DEPTH: must be at least 1',
        'QUERY_MAX_TOKENS: must be a whole number',
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('reads INTROSPECTION_KEYS, which must name configured API keys', () => {
    const keys = `router:${'r'.repeat(32)},app:${'a'.repeat(32)}`;
    const result = loadConfig({
      INTROSPECTION: 'false',
      GATEWAY_API_KEYS: keys,
      INTROSPECTION_KEYS: 'router',
    });
    expect(result.ok && result.config.introspectionKeys).toEqual(['router']);
    expect(loadConfig({ GATEWAY_API_KEYS: keys, INTROSPECTION_KEYS: 'router, nobody' })).toEqual({
      ok: false,
      problems: ['INTROSPECTION_KEYS: names no key of GATEWAY_API_KEYS: nobody'],
    });
  });

  it('reads the response cache settings, and needs REDIS_URL for the Redis store', () => {
    const result = loadConfig({
      RESPONSE_CACHE: 'redis',
      RESPONSE_CACHE_TTL_MS: '5000',
      REDIS_URL: 'redis://127.0.0.1:6379/2',
    });
    expect(result.ok && result.config.responseCache).toEqual({
      store: 'redis',
      defaultTtlMs: 5000,
      redisUrl: 'redis://127.0.0.1:6379/2',
      tokenCheckWindowMs: 60_000,
    });
    expect(result.ok && result.config.cluster).toEqual({
      redisUrl: 'redis://127.0.0.1:6379/2',
      prefix: 'qpmgw:',
      slotLeaseMs: 10_000,
    });
    const prefixed = loadConfig({
      REDIS_URL: 'redis://r:6379',
      REDIS_PREFIX: 'eu-1:',
      QUALYS_SLOT_LEASE_MS: '5000',
    });
    expect(prefixed.ok && prefixed.config.cluster).toEqual({
      redisUrl: 'redis://r:6379',
      prefix: 'eu-1:',
      slotLeaseMs: 5000,
    });
    const badCluster = loadConfig({
      REDIS_URL: 'redis://r:6379',
      REDIS_PREFIX: 'a b',
      QUALYS_SLOT_LEASE_MS: '10',
    });
    expect(badCluster.ok ? [] : badCluster.problems.map((p) => p.split(':')[0])).toEqual([
      'REDIS_PREFIX',
      'QUALYS_SLOT_LEASE_MS',
    ]);
    expect(loadConfig({ RESPONSE_CACHE: 'redis' })).toEqual({
      ok: false,
      problems: ['REDIS_URL: must be set when RESPONSE_CACHE=redis'],
    });
    const bad = loadConfig({ RESPONSE_CACHE: 'disk', REDIS_URL: 'http://x', RESPONSE_CACHE_TTL_MS: '-1' });
    expect(bad.ok ? [] : bad.problems).toEqual([
      'RESPONSE_CACHE: must be off, memory or redis',
      'RESPONSE_CACHE_TTL_MS: must not be negative',
      'REDIS_URL: must be a redis:// or rediss:// URL',
    ]);
  });

  it('turns tracing on with an OTLP endpoint, the traces one first', () => {
    const base = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318/',
      OTEL_SERVICE_NAME: 'gw-eu',
    });
    expect(base.ok && base.config.tracing).toEqual({
      endpoint: 'http://127.0.0.1:4318/v1/traces',
      serviceName: 'gw-eu',
    });
    const traces = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9999/custom',
    });
    expect(traces.ok && traces.config.tracing.endpoint).toBe('http://127.0.0.1:9999/custom');
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'collector:4318' })).toEqual({
      ok: false,
      problems: [
        'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: must be an http(s) URL such as http://127.0.0.1:4318/v1/traces',
      ],
    });
  });
});

describe('the configuration table', () => {
  /** `unset (no inbound auth)` -> `unset`: a default without the note the table adds to it. */
  const bare = (text: string) =>
    text
      .replace(/`/g, '')
      .replace(/\s*\([^)]*\)/g, '')
      .trim();

  it('the README lists every variable of --help with the default the config schema gives', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('|').slice(1, -1))
      .filter((cells) => cells.length === 3)
      .map((cells) => {
        const names = [...(cells[0] ?? '').matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]).join(' / ');
        return [names, bare(cells[2] ?? '')];
      });
    // The configuration table is the first one; the tables after it name no variables.
    const end = rows.findIndex(([name]) => name === '');
    const variables = end === -1 ? rows : rows.slice(0, end);
    expect(variables).toEqual(CONFIG_TABLE.map(([name, , def]) => [name, bare(def)]));
  });

  it('takes each default from the schema: an empty environment loads them', () => {
    const loaded = loadConfig({});
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    const byName = new Map(CONFIG_TABLE.map(([name, , def]) => [name, def]));
    expect(byName.get('QUALYS_TIMEOUT_MS')).toBe(String(loaded.config.qualysTimeoutMs));
    expect(byName.get('REQUEST_TIMEOUT_MS')).toBe(String(loaded.config.requestTimeoutMs));
    expect(byName.get('MAX_BODY_BYTES')).toBe(String(loaded.config.maxBodyBytes));
    expect(byName.get('QUERY_MAX_COST')).toBe(String(loaded.config.queryLimits.maxCost));
    expect(byName.get('RESPONSE_CACHE_TTL_MS')).toBe(String(loaded.config.responseCache.defaultTtlMs));
  });
});
