import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { call, type ErrorBody, SMALL_FLEET } from './helpers.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function decodePart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('simulator auth', () => {
  let clock = Date.UTC(2025, 0, 1);
  let sim: Simulator;
  let url: string;

  beforeAll(async () => {
    sim = createSimulator({
      fleet: SMALL_FLEET,
      now: () => clock,
      tenants: [
        { username: 'alice', password: 'a-secret' },
        {
          username: 'bob',
          password: 'b-secret',
          includeSeedSamples: false,
          customerId: '11111111-2222-4333-8444-555555555555',
        },
      ],
    });
    ({ url } = await sim.listen(0));
  });
  afterAll(() => sim.close());

  it('answers POST /auth with 201 and a text/plain JWT carrying sub, customerId, iat and exp (4 h)', async () => {
    const response = await fetch(`${url}/auth`, {
      method: 'POST',
      headers: FORM,
      body: 'username=bob&password=b-secret&token=true&permissions=true',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const token = await response.text();
    const [header, payload, signature] = token.split('.');
    expect(decodePart(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodePart(payload)).toEqual({
      sub: 'bob',
      customerId: '11111111-2222-4333-8444-555555555555',
      iat: clock / 1000,
      exp: clock / 1000 + 4 * 3600,
    });
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const jobs = await call(url, token, '/pm/v1/deploymentjobs?platform=Windows');
    expect(jobs.status).toBe(200);
  });

  it('answers wrong credentials with 401 Bad credentials', async () => {
    for (const body of ['username=bob&password=wrong&token=true', 'username=nobody&password=b-secret', '']) {
      const response = await fetch(`${url}/auth`, { method: 'POST', headers: FORM, body });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        status: 401,
        error: 'Unauthorized',
        message: 'Bad credentials',
      });
    }
  });

  it('rejects a missing, malformed or forged token with 401 Not authenticated', async () => {
    const valid = sim.issueToken('alice');
    const [header, payload] = valid.split('.');
    const otherSimulator = createSimulator({
      fleet: SMALL_FLEET,
      tenants: [{ username: 'alice', password: 'x' }],
    });
    const forgedPayload = Buffer.from(JSON.stringify({ ...decodePart(payload), sub: 'bob' })).toString(
      'base64url',
    );
    const tokens: (string | null)[] = [
      null,
      'not-a-jwt',
      `${header}.${forgedPayload}.${valid.split('.')[2]}`,
      otherSimulator.issueToken('alice'),
      `${valid}x`,
    ];
    for (const token of tokens) {
      const response = await call(url, token, '/pm/v1/patches');
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ status: 401, error: 'Unauthorized', message: 'Not authenticated' });
    }
    const noBearer = await call(url, null, '/pm/v1/patches', { headers: { authorization: valid } });
    expect(noBearer.status).toBe(401);
  });

  it('rejects an expired token with 401 JWT expired', async () => {
    const token = sim.issueToken('alice');
    clock += 4 * 3600 * 1000 - 1000;
    expect((await call(url, token, '/pm/v1/patches')).status).toBe(200);
    clock += 1000;
    const expired = await call(url, token, '/pm/v1/patches');
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ status: 401, error: 'Unauthorized', message: 'JWT expired' });
    expect((await call(url, sim.issueToken('alice'), '/pm/v1/patches')).status).toBe(200);
  });

  it('needs a token for unknown routes too, but not for POST /auth', async () => {
    expect((await call(url, null, '/pm/v1/unknown')).status).toBe(401);
    const known = await call<ErrorBody>(url, sim.issueToken('alice'), '/pm/v1/unknown');
    expect(known.status).toBe(404);
    expect(known.body._error).toMatchObject({ code: 404, errorCode: '9005' });
    const wrongMethod = await call<ErrorBody>(url, null, '/auth');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('throws from issueToken for an unknown tenant', () => {
    expect(() => sim.issueToken('mallory')).toThrow(/No simulator tenant 'mallory'/);
  });

  it('serves each tenant its own data only', async () => {
    const alice = sim.issueToken('alice');
    const bob = sim.issueToken('bob');
    const aliceJob = sim.store('alice').patchJobs[0];
    const bobJob = sim.store('bob').patchJobs[0];
    expect(aliceJob?.id).not.toBe(bobJob?.id);
    expect((await call(url, alice, `/pm/v1/deploymentjob/${aliceJob?.id}`)).status).toBe(200);
    expect((await call(url, bob, `/pm/v1/deploymentjob/${aliceJob?.id}`)).status).toBe(404);
    expect((await call(url, alice, `/pm/v1/deploymentjob/${bobJob?.id}`)).status).toBe(404);

    const aliceAsset = sim.store('alice').assets.find((asset) => asset.assetId >= 40_000_000);
    const mapping = await call<{ mappedAssets: { assetId: number; assetUuid: string }[] }>(
      url,
      bob,
      '/pm/v1/assets/uuids',
      {
        body: [aliceAsset?.assetId],
      },
    );
    expect(mapping.body.mappedAssets).toHaveLength(1);
    expect(mapping.body.mappedAssets[0]?.assetUuid).not.toBe(aliceAsset?.id);
    const lookup = await call<unknown[]>(
      url,
      bob,
      `/pm/v1/assets?platform=${aliceAsset?.platform}&query=id:${aliceAsset?.id}`,
    );
    expect(lookup.body).toEqual([]);

    const seedJob = '/pm/v1/deploymentjob/16be09aa-5415-4a58-8295-8a4ac8db6f26';
    expect((await call(url, alice, seedJob)).status).toBe(200);
    expect((await call(url, bob, seedJob)).status).toBe(404);

    const aliceIds = new Set(sim.store('alice').assets.map((asset) => asset.id));
    expect(sim.store('bob').assets.some((asset) => aliceIds.has(asset.id))).toBe(false);
  });

  it('logs POST /auth with the tenant that signed in', async () => {
    sim.resetRequests();
    await fetch(`${url}/auth`, { method: 'POST', headers: FORM, body: 'username=alice&password=a-secret' });
    await fetch(`${url}/auth`, { method: 'POST', headers: FORM, body: 'username=alice&password=nope' });
    expect(sim.requests().map((entry) => [entry.path, entry.status, entry.tenant, entry.body])).toEqual([
      ['/auth', 201, 'alice', null],
      ['/auth', 401, null, null],
    ]);
  });
});
