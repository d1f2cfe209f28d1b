import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type ErrorBody, qs, type Started, startSimulator } from './helpers.js';

interface Named {
  readonly id: string;
  readonly name: string;
}

describe('simulator paging', () => {
  let started: Started;
  beforeAll(async () => {
    started = await startSimulator({
      tenants: [{ username: 'simulator', password: 'simulator', includeSeedSamples: false }],
    });
  });
  afterAll(() => started.sim.close());

  const get = <T = unknown>(path: string) => call<T>(started.url, started.token, path);

  it('pages job lists from pageNumber 0 with pageSize 10 by default', async () => {
    const all = started.sim.store().jobList('list', 'Windows');
    expect(all.length).toBeGreaterThan(20);
    const first = await get<Named[]>('/pm/v1/deploymentjobs?platform=Windows');
    const second = await get<Named[]>('/pm/v1/deploymentjobs?platform=Windows&pageNumber=1');
    expect(first.body.map((job) => job.id)).toEqual(all.slice(0, 10).map((job) => job['id']));
    expect(second.body.map((job) => job.id)).toEqual(all.slice(10, 20).map((job) => job['id']));
    const beyond = await get<Named[]>('/pm/v1/deploymentjobs?platform=Windows&pageNumber=50');
    expect(beyond.body).toEqual([]);
  });

  it('pages patches and assets the same way', async () => {
    const store = started.sim.store();
    const patches = await get<Named[]>('/pm/v1/patches?platform=Linux&pageNumber=2&pageSize=7');
    expect(patches.body.map((p) => p.id)).toEqual(
      store
        .patchList('Linux')
        .slice(14, 21)
        .map((p) => p['id']),
    );
    const assets = await get<Named[]>('/pm/v1/assets?platform=Windows');
    expect(assets.body.map((a) => a.id)).toEqual(
      store
        .assetsOf('Windows')
        .slice(0, 10)
        .map((a) => a.id),
    );
  });

  it('answers 400 with errorCode 2501 beyond 10,000 records of offset paging', async () => {
    for (const path of [
      '/pm/v1/deploymentjobs?platform=Windows&pageNumber=1000&pageSize=10',
      '/pm/v1/deploymentjobs/summary?platform=Linux&pageSize=10001',
      '/pm/v1/deploymentjobs/availableToLink?platform=Linux&pageNumber=100&pageSize=100',
      '/pm/v1/patches?pageNumber=20&pageSize=500',
      '/pm/v1/assets?pageNumber=25&pageSize=400',
    ]) {
      const response = await get<ErrorBody>(path);
      expect(response.status, path).toBe(400);
      expect(response.body._error).toMatchObject({ code: 400, errorCode: '2501' });
      expect(response.body._error.message).toMatch(/10000 records/);
    }
    expect((await get('/pm/v1/deploymentjobs?platform=Windows&pageNumber=999&pageSize=10')).status).toBe(200);
    expect((await get('/pm/v1/patches?pageNumber=0&pageSize=10000')).status).toBe(200);
  });

  it('rejects malformed paging and platform values with 400 errorCode 9001', async () => {
    for (const path of [
      '/pm/v1/deploymentjobs',
      '/pm/v1/deploymentjobs?platform=windows',
      '/pm/v1/deploymentjobs/summary?platform=Mac',
      '/pm/v1/deploymentjobs?platform=Windows&pageSize=0',
      '/pm/v1/deploymentjobs?platform=Windows&pageNumber=-1',
      '/pm/v1/patches?pageSize=ten',
      '/pm/v1/patches?platform=LINUX',
      '/pm/v1/patches?sort=vendorSeverity',
      '/pm/v1/patches?sort=%5B%7B%22title%22%3A%22up%22%7D%5D',
    ]) {
      const response = await get<ErrorBody>(path);
      expect(response.status, path).toBe(400);
      expect(response.body._error.errorCode, path).toBe('9001');
    }
  });

  it('caps the asset pageSize at 400 with errorCode 9003', async () => {
    const get401 = await get<ErrorBody>('/pm/v1/assets?pageSize=401');
    expect(get401.status).toBe(400);
    expect(get401.body._error.errorCode).toBe('9003');
    const post401 = await call<ErrorBody>(started.url, started.token, '/pm/v1/assets?pageSize=401', {
      body: {},
    });
    expect(post401.status).toBe(400);
    expect(post401.body._error.errorCode).toBe('9003');
  });

  it('sorts by a JSON sort array and projects attributes', async () => {
    const asc = await get<Named[]>(
      `/pm/v1/deploymentjobs${qs({ platform: 'Linux', pageSize: 100, sort: '[{"name":"asc"}]' })}`,
    );
    const names = asc.body.map((job) => job.name);
    expect(names).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    const desc = await get<Named[]>(
      `/pm/v1/deploymentjobs${qs({ platform: 'Linux', pageSize: 100, sort: '[{"name":"desc"}]' })}`,
    );
    expect(desc.body.map((job) => job.name)).toEqual([...names].reverse());
    const projected = await get<Record<string, unknown>[]>(
      `/pm/v1/deploymentjobs${qs({ platform: 'Linux', pageSize: 3, attributes: 'name,status' })}`,
    );
    for (const job of projected.body) {
      expect(Object.keys(job).sort()).toEqual(['id', 'name', 'status']);
    }
    const patches = await get<{ publishedDate: number }[]>(
      `/pm/v1/patches${qs({ pageSize: 50, sort: '[{"publishedDate":"asc"}]' })}`,
    );
    const dates = patches.body.map((p) => p.publishedDate);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  it('walks every asset exactly once with the searchAfter cursor', async () => {
    const store = started.sim.store();
    for (const [platform, pageSize, query] of [
      ['Windows', 37, undefined],
      ['Linux', 400, undefined],
      ['Windows', 5, `tags.id:${store.tags[0]?.id}`],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response: Awaited<ReturnType<typeof call<Named[]>>> = await call<Named[]>(
          started.url,
          started.token,
          `/pm/v1/assets${qs({ platform, pageSize })}`,
          {
            body: query === undefined ? {} : { query },
            headers: cursor === null ? {} : { searchAfter: cursor },
          },
        );
        expect(response.status).toBe(200);
        seen.push(...response.body.map((asset) => asset.id));
        cursor = response.headers.get('searchAfter');
        pages += 1;
        if (cursor !== null) {
          expect(response.body).toHaveLength(pageSize);
        }
      } while (cursor !== null && pages < 1000);
      const expected = store
        .assetsOf(platform)
        .filter((asset) => query === undefined || asset.tags.some((tag) => tag.id === store.tags[0]?.id))
        .map((asset) => asset.id);
      expect(seen).toEqual(expected);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('rejects a searchAfter value it did not issue', async () => {
    const response = await call<ErrorBody>(started.url, started.token, '/pm/v1/assets?pageSize=5', {
      body: {},
      headers: { searchAfter: 'bm90LWEtY3Vyc29y' },
    });
    expect(response.status).toBe(400);
    expect(response.body._error.errorCode).toBe('9001');
  });
});

describe('simulator cursor paging beyond 10,000 records', () => {
  let started: Started;
  beforeAll(async () => {
    started = await startSimulator({
      fleet: { assets: 17_500, patches: 40, patchJobs: 0, mitigationJobs: 0 },
      tenants: [{ username: 'simulator', password: 'simulator', includeSeedSamples: false }],
    });
  });
  afterAll(() => started.sim.close());

  it('has no record cap on the searchAfter cursor', async () => {
    const windows = started.sim.store().assetsOf('Windows');
    expect(windows.length).toBeGreaterThan(10_000);
    let cursor: string | null = null;
    let count = 0;
    do {
      const response: Awaited<ReturnType<typeof call<Named[]>>> = await call<Named[]>(
        started.url,
        started.token,
        '/pm/v1/assets?platform=Windows&pageSize=400',
        { body: { attributes: 'name' }, headers: cursor === null ? {} : { searchAfter: cursor } },
      );
      count += response.body.length;
      cursor = response.headers.get('searchAfter');
    } while (cursor !== null);
    expect(count).toBe(windows.length);
    const offset = await call<ErrorBody>(
      started.url,
      started.token,
      '/pm/v1/assets?platform=Windows&pageNumber=25&pageSize=400',
    );
    expect(offset.body._error.errorCode).toBe('2501');
  });
});
