import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileQql, parseQql, QqlError, type QqlFieldMap } from '../../src/simulator/qql.js';
import { call, type ErrorBody, qs, type Started, startSimulator } from './helpers.js';

interface Item {
  readonly name: string;
  readonly status: string | null;
  readonly count: number | string;
  readonly published: number;
  readonly secure: boolean | null;
  readonly tags: readonly { readonly id: string }[];
}

const FIELDS: QqlFieldMap<Item> = {
  name: { type: 'string', get: (item) => item.name },
  status: { type: 'string', get: (item) => item.status },
  count: { type: 'number', get: (item) => item.count },
  published: { type: 'date', get: (item) => item.published },
  isSecure: { type: 'boolean', get: (item) => item.secure },
  'tags.id': { type: 'string', get: (item) => item.tags.map((tag) => tag.id) },
};

const ITEMS: readonly Item[] = [
  {
    name: 'alpha',
    status: 'Assets Responded',
    count: 3,
    published: Date.UTC(2024, 0, 10, 12),
    secure: true,
    tags: [{ id: 't1' }],
  },
  {
    name: 'Beta',
    status: 'Enabled',
    count: '10',
    published: Date.UTC(2024, 5, 1),
    secure: false,
    tags: [{ id: 't1' }, { id: 't2' }],
  },
  { name: 'gamma delta', status: null, count: 7, published: Date.UTC(2025, 0, 1), secure: null, tags: [] },
];

function names(query: string): string[] {
  const matches = compileQql(query, FIELDS, 'items');
  return ITEMS.filter(matches).map((item) => item.name);
}

function errorOf(query: string): QqlError {
  try {
    compileQql(query, FIELDS, 'items');
  } catch (error) {
    if (error instanceof QqlError) {
      return error;
    }
    throw error;
  }
  throw new Error(`no error for ${query}`);
}

describe('QQL', () => {
  it('matches everything for a blank query', () => {
    expect(names('')).toEqual(['alpha', 'Beta', 'gamma delta']);
    expect(names('   ')).toHaveLength(3);
    expect(parseQql(' ')).toBeNull();
  });

  it('compares strings case-insensitively for equality, with or without a space after the colon', () => {
    expect(names('name:ALPHA')).toEqual(['alpha']);
    expect(names('name: beta')).toEqual(['Beta']);
    expect(names('name:alph')).toEqual([]);
  });

  it('accepts double, single and backtick quotes', () => {
    expect(names('name:"gamma delta"')).toEqual(['gamma delta']);
    expect(names("status: 'Assets Responded'")).toEqual(['alpha']);
    expect(names('name:`Gamma Delta`')).toEqual(['gamma delta']);
    expect(names('name:"say \\"hi\\""')).toEqual([]);
  });

  it('matches any of a list, and list-valued fields when any element matches', () => {
    expect(() => names('name:[alpha, gamma delta]')).toThrow(
      "position 19: expected ',' or ']', found value 'delta'",
    );
    expect(names('name:[alpha, "gamma delta"]')).toEqual(['alpha', 'gamma delta']);
    expect(names('tags.id:t2')).toEqual(['Beta']);
    expect(names('tags.id:[t1,t9]')).toEqual(['alpha', 'Beta']);
  });

  it('combines with and, or, not (case-insensitive) and parentheses, not binding tighter than and, and than or', () => {
    expect(names('name:alpha or name:beta and count:10')).toEqual(['alpha', 'Beta']);
    expect(names('(name:alpha or name:beta) AND count:10')).toEqual(['Beta']);
    expect(names('NOT name:alpha')).toEqual(['Beta', 'gamma delta']);
    expect(names('not (name:alpha Or name:beta)')).toEqual(['gamma delta']);
    expect(names('not not name:alpha')).toEqual(['alpha']);
  });

  it('compares numbers (also digit strings) with : > < >= <=', () => {
    expect(names('count:10')).toEqual(['Beta']);
    expect(names('count:>3')).toEqual(['Beta', 'gamma delta']);
    expect(names('count:>=7')).toEqual(['Beta', 'gamma delta']);
    expect(names('count:<7')).toEqual(['alpha']);
    expect(names('count:<= 7')).toEqual(['alpha', 'gamma delta']);
  });

  it('compares dates given as ISO-8601, YYYY-MM-DD (a whole UTC day with :) or epoch ms', () => {
    expect(names('published:>"2024-03-01"')).toEqual(['Beta', 'gamma delta']);
    expect(names('published:<2024-06-01T00:00:01Z')).toEqual(['alpha', 'Beta']);
    expect(names('published:2024-01-10')).toEqual(['alpha']);
    expect(names(`published:${Date.UTC(2025, 0, 1)}`)).toEqual(['gamma delta']);
  });

  it('matches booleans and never matches null', () => {
    expect(names('isSecure:true')).toEqual(['alpha']);
    expect(names('isSecure:FALSE')).toEqual(['Beta']);
    expect(names('status:null')).toEqual([]);
  });

  it('looks up fields case-insensitively', () => {
    expect(names('NAME:alpha and issecure:true')).toEqual(['alpha']);
  });

  it('names the position and the problem of every error', () => {
    expect(errorOf('colour:red')).toMatchObject({ position: 0 });
    expect(errorOf('colour:red').message).toBe(
      "QQL error at position 0: unknown field 'colour' for items; known fields: count, isSecure, name, published, status, tags.id",
    );
    expect(errorOf('name:alpha and').message).toBe(
      "QQL error at position 14: expected 'field:value' or '(', found end of query",
    );
    expect(errorOf('name:alpha beta').message).toMatch(/^QQL error at position 11: unexpected 'beta'/);
    expect(errorOf('(name:alpha').message).toBe(
      "QQL error at position 11: expected ')' to close '(' at position 0, found end of query",
    );
    expect(errorOf('name:"alpha').message).toBe('QQL error at position 5: unterminated "-quoted value');
    expect(errorOf('name:').message).toBe('QQL error at position 5: missing value after ":"');
    expect(errorOf('name:[a,b').message).toBe("QQL error at position 9: unterminated list: expected ']'");
    expect(errorOf('name:[a,,b]').message).toBe("QQL error at position 8: expected a value, found ','");
    expect(errorOf('name:>a').message).toBe(
      "QQL error at position 6: operator '>' needs a number or date field; 'name' is text",
    );
    expect(errorOf('count:many').message).toBe(
      "QQL error at position 6: 'count' is numeric: 'many' is not a number",
    );
    expect(errorOf('isSecure:yes').message).toBe(
      "QQL error at position 9: 'isSecure' is boolean: expected true or false, found 'yes'",
    );
    expect(errorOf('published:>soon').message).toMatch(/^QQL error at position 11: 'published' is a date/);
    expect(errorOf('count:>[1,2]').message).toBe("QQL error at position 7: operator '>' cannot take a list");
    expect(errorOf('name:a and $').message).toBe("QQL error at position 11: unexpected character '$'");
    expect(errorOf(')').message).toBe("QQL error at position 0: expected 'field:value' or '(', found ')'");
  });
});

describe('QQL over HTTP', () => {
  let started: Started;
  beforeAll(async () => {
    started = await startSimulator({
      tenants: [{ username: 'simulator', password: 'simulator', includeSeedSamples: false }],
    });
  });
  afterAll(() => started.sim.close());

  it('answers a bad filter, query or havingQuery with 400 errorCode 9002 naming the parameter', async () => {
    const cases = [
      [
        `/pm/v1/deploymentjobs${qs({ platform: 'Windows', filter: 'status:' })}`,
        'Invalid filter: QQL error at position 7',
      ],
      [
        `/pm/v1/patches${qs({ query: 'colour:red' })}`,
        "Invalid query: QQL error at position 0: unknown field 'colour' for patches",
      ],
      [`/pm/v1/patches${qs({ havingQuery: 'name:a or' })}`, 'Invalid havingQuery: QQL error at position 9'],
      [
        `/pm/v1/assets${qs({ havingQuery: 'isSecurity:maybe' })}`,
        "Invalid havingQuery: QQL error at position 11: 'isSecurity' is boolean",
      ],
    ] as const;
    for (const [path, message] of cases) {
      const response = await call<ErrorBody>(started.url, started.token, path);
      expect(response.status, path).toBe(400);
      expect(response.body._error.code).toBe(400);
      expect(response.body._error.errorCode).toBe('9002');
      expect(response.body._error.message.startsWith(message), response.body._error.message).toBe(true);
    }
  });

  it('filters patches by patch QQL and by the assets having them', async () => {
    const store = started.sim.store();
    const query = 'isSecurity:true and (patchStatus:[Missing, Installed] and isSuperseded: false)';
    const response = await call<{ id: string; isSecurity: boolean; isSuperseded: boolean }[]>(
      started.url,
      started.token,
      `/pm/v1/patches${qs({ query, pageSize: 1000 })}`,
    );
    const expected = store
      .patchList('Windows')
      .filter(
        (p) =>
          p['isSecurity'] === true &&
          p['isSuperseded'] === false &&
          (Number(p['missingCount']) > 0 || Number(p['installedCount']) > 0),
      );
    expect(response.body.map((p) => p.id)).toEqual(expected.map((p) => p['id']));

    const linux = await call<unknown[]>(
      started.url,
      started.token,
      `/pm/v1/patches${qs({ platform: 'Linux', query: 'isSuperseded:false' })}`,
    );
    expect(linux.body).toEqual([]);

    const asset = store.assetsOf('Linux')[0];
    const having = await call<{ id: string }[]>(
      started.url,
      started.token,
      `/pm/v1/patches${qs({ platform: 'Linux', havingQuery: `name:"${asset?.name}"`, pageSize: 1000 })}`,
    );
    const onAsset = new Set([
      ...(asset?.installedPatches ?? []),
      ...(asset?.missingPatches.map((m) => m.id) ?? []),
    ]);
    expect(new Set(having.body.map((p) => p.id))).toEqual(onAsset);
  });

  it('filters deployment jobs by their explicit asset UUIDs (assets.id), not by the assets of their tags', async () => {
    const store = started.sim.store();
    const listed = store.jobList('list', 'Windows');
    const explicitIds = (item: (typeof listed)[number]) =>
      ((item['assets'] as { id: string }[] | null) ?? []).map((a) => a.id);
    const picked = [...new Set(listed.flatMap(explicitIds))].slice(0, 3);
    expect(picked).toHaveLength(3);
    const response = await call<{ id: string; assets: { id: string }[] | null }[]>(
      started.url,
      started.token,
      `/pm/v1/deploymentjobs${qs({ platform: 'Windows', filter: `assets.id:[${picked.join(',')}]`, pageSize: 1000 })}`,
    );
    expect(response.status).toBe(200);
    const expected = listed.filter((item) => explicitIds(item).some((id) => picked.includes(id)));
    expect(response.body.map((j) => j.id)).toEqual(expected.map((item) => item['id']));

    // An asset a job reaches only through a tag does not find that job.
    const tagOnly = store.patchJobs.find(
      (j) =>
        j.platform === 'Windows' &&
        j.targetAssetIds.some((id) => !((j.job['assetIds'] as string[] | null) ?? []).includes(id)),
    );
    const asset = tagOnly?.targetAssetIds.find(
      (id) => !((tagOnly.job['assetIds'] as string[] | null) ?? []).includes(id),
    );
    expect(asset).toBeDefined();
    const byTag = await call<{ id: string }[]>(
      started.url,
      started.token,
      `/pm/v1/deploymentjobs${qs({ platform: 'Windows', filter: `assets.id:${asset}`, pageSize: 1000 })}`,
    );
    expect(byTag.body.map((j) => j.id)).not.toContain(tagOnly?.id);
    expect(byTag.body.map((j) => j.id)).toEqual(
      listed.filter((item) => explicitIds(item).includes(asset ?? '')).map((item) => item['id']),
    );
  });

  it('filters assets by asset QQL and by the patches they miss or have', async () => {
    const store = started.sim.store();
    const windows = store.assetsOf('Windows');
    const picked = [windows[3], windows[1], windows[7]].map((asset) => asset?.id);
    const byId = await call<{ id: string }[]>(
      started.url,
      started.token,
      `/pm/v1/assets${qs({ query: `id:[${picked.join(',')}]` })}`,
    );
    expect(byId.body.map((a) => a.id)).toEqual([windows[1]?.id, windows[3]?.id, windows[7]?.id]);

    const tag = store.tags[5]?.id ?? '';
    const failed = await call<{ id: string }[]>(
      started.url,
      started.token,
      `/pm/v1/assets${qs({ query: `tags.id:${tag} and not status:Failed`, pageSize: 400 })}`,
    );
    expect(failed.body.map((a) => a.id)).toEqual(
      windows.filter((a) => a.tags.some((t) => t.id === tag) && a.assetStatus !== 'Failed').map((a) => a.id),
    );

    const patch = store.patches.find((p) => p.platform === 'Windows' && p.missingCount > 0);
    const missing = await call<{ id: string }[]>(
      started.url,
      started.token,
      `/pm/v1/assets${qs({ havingQuery: `id:${patch?.id} and patchStatus:Missing`, pageSize: 400 })}`,
    );
    expect(missing.body.map((a) => a.id)).toEqual(
      windows.filter((a) => a.missingPatches.some((m) => m.id === patch?.id)).map((a) => a.id),
    );
    expect(missing.body).toHaveLength(patch?.missingCount ?? -1);
  });
});
