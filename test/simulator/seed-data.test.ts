import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findSeedSample, seedResponses, seedSamples } from '../../src/simulator/seed-data/index.js';

const seedDataDir = new URL('../../src/simulator/seed-data/', import.meta.url);

/** Walks a parsed JSON value by object keys and array indexes; `undefined` when a step is missing. */
function at(value: unknown, ...steps: ReadonlyArray<string | number>): unknown {
  let current = value;
  for (const step of steps) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** The body of the sample in `file`; fails the test when the manifest does not list it. */
function bodyOf(file: string): unknown {
  const sample = findSeedSample(file);
  expect(sample, file).toBeDefined();
  return sample?.body;
}

describe('seed-data manifest', () => {
  it('lists every fixture file of the folder exactly once, and only those', () => {
    const onDisk = readdirSync(seedDataDir)
      .filter((name) => name.endsWith('.json'))
      .sort();
    const listed = seedSamples.map((sample) => sample.file);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(onDisk);
  });

  it('holds 35 samples: 12 request bodies and 23 responses', () => {
    expect(seedSamples).toHaveLength(35);
    expect(seedSamples.filter((sample) => sample.kind === 'request')).toHaveLength(12);
    expect(seedResponses()).toHaveLength(23);
  });

  it('gives every entry a JSON object or array body equal to its file', () => {
    for (const sample of seedSamples) {
      expect(typeof sample.body, sample.file).toBe('object');
      expect(sample.body, sample.file).not.toBeNull();
      const onDisk: unknown = JSON.parse(readFileSync(new URL(sample.file, seedDataDir), 'utf8'));
      expect(sample.body, sample.file).toEqual(onDisk);
    }
  });

  it('names each file after its seed document and gives a concrete Qualys path', () => {
    for (const sample of seedSamples) {
      expect(sample.seed.slice(0, 3), sample.file).toBe(sample.file.slice(0, 3));
      expect(sample.path, sample.file).toMatch(/^\/(pm|mtg)\/v[12]\//);
      expect(sample.path, sample.file).not.toMatch(/[{}<>]/);
    }
  });

  it('freezes the shared bodies', () => {
    const body = bodyOf('000-assets-uuids-response.json');
    expect(Object.isFrozen(body)).toBe(true);
    expect(Object.isFrozen(at(body, 'mappedAssets', 0))).toBe(true);
  });
});

describe('seedResponses', () => {
  it('returns only responses', () => {
    expect(seedResponses().every((sample) => sample.kind === 'response')).toBe(true);
  });
});

describe('findSeedSample', () => {
  it('finds a sample by file name with its endpoint', () => {
    expect(findSeedSample('000-get-deployment-job-8ae6cd23.json')).toMatchObject({
      method: 'GET',
      path: '/pm/v1/deploymentjob/8ae6cd23-bb09-423b-aad8-f8910855e755',
      kind: 'response',
    });
  });

  it('returns undefined for an unknown file', () => {
    expect(findSeedSample('999-nothing.json')).toBeUndefined();
  });
});

describe('seed sample values are verbatim', () => {
  it('keeps numbers that Qualys sends as strings as strings', () => {
    expect(at(bodyOf('000-assets-uuids-response.json'), 'unmappedAssets')).toBe('[29995962]');
    const summary = bodyOf('000-deployment-jobs-summary-linux-response.json');
    expect(at(summary, 0, 'completionPercent')).toBe('100');
    expect(at(summary, 0, 'totalAssetCount')).toBe('1');
    expect(
      at(bodyOf('001-windows-job-result-summary-4cd571f5-response.json'), 'assets', 0, 'statusCode'),
    ).toBe('20740');
    expect(at(bodyOf('003-coauthor-limit-request.json'), 'createdBy', 'date')).toBe('1770014944210');
    expect(at(bodyOf('004-patches-list-response.json'), 0, 'qid')).toEqual(['90931']);
  });

  it('keeps the spellings of the documents', () => {
    expect(at(bodyOf('001-create-linux-job-request.json'), 'postDeployment', 'suppressreboots')).toBe(false);
    expect(at(bodyOf('003-coauthor-limit-request.json'), 'opportunisticdownloads')).toBe(false);
    expect(at(bodyOf('000-deployment-jobs-summary-linux-response.json'), 0, 'dynamicPatchesSQL')).toBe('');
  });

  it('keeps the key order of the documents', () => {
    expect(Object.keys(bodyOf('000-assets-uuids-response.json') as object)).toEqual([
      'mappedAssets',
      'unmappedAssets',
    ]);
    expect(Object.keys(bodyOf('003-coauthor-limit-error.json') as object)).toEqual(['_error']);
  });

  it('serves the co-author limit error with its status and envelope', () => {
    const sample = findSeedSample('003-coauthor-limit-error.json');
    expect(sample?.status).toBe(400);
    expect(sample?.body).toEqual({
      _error: {
        code: 400,
        errorCode: '2435',
        message: 'Co-author limit exceeded. You can add up to 200 co-authors per job',
      },
    });
  });

  it('replaces the e-mail placeholders with example addresses', () => {
    for (const sample of seedSamples) {
      expect(JSON.stringify(sample.body), sample.file).not.toMatch(/email\s*protected/);
    }
    expect(
      at(
        bodyOf('003-create-mtg-ondemand-job-request.json'),
        'notification',
        'notificationConfigs',
        'recipientEmails',
      ),
    ).toBe('john.doe@example.com,jane.doe@example.com');
  });
});

describe('repaired seed samples', () => {
  it('merges both halves of the 000 result summary into one asset result', () => {
    const result = at(bodyOf('000-job-result-summary-b6fd7a02-response.json'), 'assets', 0);
    expect(at(result, 'asset', 'operatingSystem')).toBe(
      'Windows Microsoft Windows 10 Pro 10.0.10586 Build 10586',
    );
    expect(at(result, 'asset', 'tags')).toHaveLength(2);
    expect(at(result, 'asset', 'jobInstanceId')).toBe(21);
    expect(at(result, 'statusCode')).toBe('20392');
    expect(at(result, 'scanDateTime')).toBe(1679074153079);
  });

  it('turns the 000 job lists into arrays of whole jobs', () => {
    expect(bodyOf('000-deployment-jobs-windows-response.json')).toMatchObject([
      { id: '57d630df-9877-4adb-8785-12ee96dfe8a6', status: 'Assets Responded', linkedJobId: null },
    ]);
    expect(bodyOf('000-deployment-jobs-summary-linux-response.json')).toMatchObject([
      { id: '0a42c22e-1f5e-4a57-a6e2-9d25bfcc67ef', assetResultReceivedCount: '1' },
    ]);
    expect(bodyOf('000-deployment-jobs-available-to-link-response.json')).toMatchObject([
      { id: '8ae6cd23-bb09-423b-aad8-f8910855e755', createdBy: { date: 1678446767717 }, nextRun: null },
      { id: 'ac4099aa-da3b-4b32-8d81-0643b714f0fc', createdBy: { date: 1666337748141 }, nextRun: null },
    ]);
  });

  it('keeps only the co-author ids the 003 document shows', () => {
    expect(at(bodyOf('003-coauthor-limit-request.json'), 'coAuthorUserIds')).toEqual([
      'ca48b162-4783-fb2b-819f-228d71974994',
      'ce0bb83b-e158-5a18-83b4-9dfc3079fe99',
      '857df385-1ce2-4c06-8337-a771ff92085d',
      '552f43c0-fe66-d247-8051-faae1e64c2e6',
      '5634861c-4128-c60a-8071-34f826d6e498',
    ]);
  });

  it('wraps the 001 Windows update response, which starts mid-object, into an object', () => {
    expect(at(bodyOf('001-update-windows-job-response.json'), 'reattemptFailedPatches')).toEqual({
      noOfReattempts: 4,
      exponentialBackoffInterval: 10,
    });
  });
});
