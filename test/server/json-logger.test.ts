import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQualysClient } from '../../src/qualys/client.js';
import { createGateway } from '../../src/server/gateway.js';
import { createJsonLogger } from '../../src/server/json-logger.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';

describe('createJsonLogger', () => {
  it('writes one JSON line per entry at the level and above, errors by name, code and message', () => {
    const lines: string[] = [];
    const log = createJsonLogger('warn', (l) => lines.push(l));
    log.debug('hidden');
    log.info('hidden');
    log.warn('careful', { a: 1 });
    const error = Object.assign(new Error('Qualys answered HTTP 503'), { code: 'QUALYS_HTTP_STATUS' });
    log.error(error);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { level: 'warn', msg: 'careful', details: ['{"a":1}'] },
      {
        level: 'error',
        msg: 'Qualys answered HTTP 503',
        name: 'Error',
        code: 'QUALYS_HTTP_STATUS',
        message: 'Qualys answered HTTP 503',
      },
    ]);
    expect(lines.every((l) => l.endsWith('\n') && l.split('\n').length === 2)).toBe(true);
  });
});

describe('the gateway with the JSON logger', () => {
  let simulator: Simulator;
  let url: string;
  beforeAll(async () => {
    simulator = createSimulator();
    ({ url } = await simulator.listen(0, '127.0.0.1'));
  });
  afterAll(() => simulator.close());

  it('logs an upstream failure as single JSON lines without a stack, token or password', async () => {
    const lines: string[] = [];
    const client = createQualysClient({
      baseUrl: url,
      credentials: { username: 'simulator', password: 'simulator' },
      retry: { maxAttempts: 1 },
    });
    const gateway = createGateway({
      client,
      graphiql: false,
      logging: createJsonLogger('info', (l) => lines.push(l)),
    });
    simulator.injectFault({
      method: 'GET',
      path: '/pm/v1/deploymentjobs',
      status: 500,
      body: { oops: true },
    });
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ patchJobs(platform: WINDOWS) { nodes { id } } }' }),
    });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('QUALYS_HTTP_STATUS');
    await client.close();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.split('\n')).toHaveLength(2);
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry['level']).toBeTypeOf('string');
      expect(line).not.toMatch(/\n\s+at |simulator"|Bearer|eyJ/);
    }
    expect(lines.some((l) => l.includes('QUALYS_HTTP_STATUS'))).toBe(true);
  });
});
