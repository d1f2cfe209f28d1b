import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQualysClient } from '../../src/qualys/client.js';
import { createGateway } from '../../src/server/gateway.js';
import { createLogger, maskSecrets } from '../../src/server/logger.js';
import { requestIdOf } from '../../src/server/plugins/use-request-logging.js';
import { createSimulator, DEFAULT_CREDENTIALS, type Simulator } from '../../src/simulator/index.js';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('createLogger', () => {
  it('writes JSON lines with a level label, redacting credential fields and masking tokens in messages', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'info', destination });
    log.debug('hidden');
    log.info(
      {
        password: 'hunter2',
        token: JWT,
        'x-api-key': 'secret-api-key',
        headers: { authorization: `Bearer ${JWT}`, 'x-api-key': 'secret-api-key' },
        request: { headers: { authorization: 'ApiKey secret-api-key' }, password: 'hunter2' },
        endpoint: 'GET /pm/v1/patches',
      },
      `sent Bearer ${JWT} and ApiKey secret-api-key`,
    );
    log.error(
      { err: Object.assign(new Error(`refused token ${JWT}`), { code: 'QUALYS_UNAUTHORIZED' }) },
      'boom',
    );
    expect(lines).toHaveLength(2);
    const [info, error] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(info).toMatchObject({
      level: 'info',
      msg: 'sent Bearer [redacted] and ApiKey [redacted]',
      password: '[redacted]',
      token: '[redacted]',
      'x-api-key': '[redacted]',
      headers: { authorization: '[redacted]', 'x-api-key': '[redacted]' },
      request: { headers: { authorization: '[redacted]' }, password: '[redacted]' },
      endpoint: 'GET /pm/v1/patches',
    });
    expect(error).toMatchObject({
      level: 'error',
      msg: 'boom',
      err: { name: 'Error', code: 'QUALYS_UNAUTHORIZED', message: 'refused token [redacted]' },
    });
    expect(lines.join('')).not.toMatch(/hunter2|secret-api-key|eyJ|\n\s+at /);
  });

  it('maskSecrets masks JWTs and Bearer/ApiKey values', () => {
    expect(maskSecrets(`a Bearer abc ${JWT} ApiKey xyz`)).toBe(
      'a Bearer [redacted] [redacted] ApiKey [redacted]',
    );
  });

  it('requestIdOf keeps a sane x-request-id, else makes a UUID', () => {
    const req = (id?: string) =>
      new Request('http://x.test/', id === undefined ? {} : { headers: { 'x-request-id': id } });
    expect(requestIdOf(req('abc-123.x:y_z'))).toBe('abc-123.x:y_z');
    expect(requestIdOf(req('has spaces and "quotes"'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(requestIdOf(req('x'.repeat(129)))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(requestIdOf(req())).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});

describe('the gateway with the pino logger', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = createSimulator();
    await simulator.listen(0, '127.0.0.1');
  });
  afterAll(() => simulator.close());

  it('every line of a request carries its reqId (Yoga and Qualys client lines); no stack, token or password', async () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'debug', destination });
    const client = createQualysClient({
      baseUrl: simulator.url,
      credentials: { ...DEFAULT_CREDENTIALS },
      retry: { maxAttempts: 1 },
      logger: (await import('../../src/server/logger.js')).qualysLoggerFrom(logger),
    });
    const gateway = createGateway({ client, graphiql: false, logger });
    simulator.injectFault({
      method: 'GET',
      path: '/pm/v1/deploymentjobs',
      status: 200,
      malformed: true,
      times: 1,
    });
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' },
      body: JSON.stringify({ query: '{ patchJobs(platform: WINDOWS) { nodes { id } } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('req-42');
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['QUALYS_BAD_PAYLOAD']);
    await client.close();

    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.every((l) => l.endsWith('\n') && l.split('\n').length === 2)).toBe(true);
    expect(entries.length).toBeGreaterThan(2);
    for (const entry of entries) expect(entry['reqId']).toBe('req-42');
    // Yoga's masked-error line, the client's payload warning, the access line.
    expect(lines.some((l) => l.includes('QUALYS_BAD_PAYLOAD') && l.includes('"level":"error"'))).toBe(true);
    expect(entries.some((e) => e['msg'] === 'Qualys answered a body that is not JSON')).toBe(true);
    expect(entries).toContainEqual(
      expect.objectContaining({ msg: 'request completed', method: 'POST', path: '/graphql', status: 200 }),
    );
    expect(lines.join('')).not.toMatch(/\n\s+at |simulator"|Bearer|eyJ/);
  });

  it('one failed catalog call: at most 100 errors plus ERRORS_TRUNCATED, and one log line for it', async () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', destination });
    const client = createQualysClient({
      baseUrl: simulator.url,
      credentials: { ...DEFAULT_CREDENTIALS },
      retry: { maxAttempts: 1 },
    });
    const gateway = createGateway({ client, graphiql: false, logger });
    // Every catalog lookup fails: each patch reference of the dashboard is a field error.
    const removeFault = simulator.injectFault({
      method: 'POST',
      path: '/pm/v1/patchcatalog/patches',
      status: 503,
    });
    try {
      const query = `{ patchJobs(platform: WINDOWS, first: 50) { nodes { id
        latestResult { assetResults { installedPatches { id title } failedPatches { id title } } } } } }`;
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as {
        data: { patchJobs: { nodes: unknown[] } };
        errors: Array<{ message: string; extensions: Record<string, unknown> }>;
      };
      // The data is there; the failed fields are null.
      expect(body.data.patchJobs.nodes).toHaveLength(50);
      expect(body.errors).toHaveLength(101);
      expect(new Set(body.errors.slice(0, 100).map((e) => e.extensions['code']))).toEqual(
        new Set(['QUALYS_HTTP_STATUS']),
      );
      const summary = body.errors[100];
      expect(summary?.extensions['code']).toBe('ERRORS_TRUNCATED');
      const omitted = summary?.extensions['omittedErrors'] as number;
      expect(omitted).toBeGreaterThan(100);
      expect(summary?.extensions['omittedByCode']).toEqual({ QUALYS_HTTP_STATUS: omitted });
    } finally {
      removeFault();
      await client.close();
    }
    const failureLines = lines.filter((l) => l.includes('QUALYS_HTTP_STATUS'));
    // One line per failed call (the catalog is asked in batches of up to 1,000 UUIDs), not per field.
    expect(failureLines.length).toBeGreaterThanOrEqual(1);
    expect(failureLines.length).toBeLessThanOrEqual(5);
  });

  it('requests get distinct generated ids; probes are logged at debug', async () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'debug', destination });
    const client = createQualysClient({ baseUrl: simulator.url, credentials: { ...DEFAULT_CREDENTIALS } });
    const gateway = createGateway({ client, graphiql: false, logger });
    const ids = await Promise.all(
      [1, 2].map(async () => (await gateway.fetch('http://gateway.test/health')).headers.get('x-request-id')),
    );
    await client.close();
    expect(ids[0]).not.toBe(ids[1]);
    const completed = lines
      .map((l) => JSON.parse(l) as { reqId: string; level: string; msg: string })
      .filter((e) => e.msg === 'request completed');
    expect(completed.map((e) => e.reqId).sort()).toEqual([...ids].sort());
    expect(completed.every((e) => e.level === 'debug')).toBe(true);
  });
});
