import { describe, expect, it } from 'vitest';
import {
  callerScope,
  createIdempotencyStore,
  type IdempotencyKey,
  inputFingerprint,
} from '../../src/idempotency.js';
import { QualysHttpError, QualysRateLimitedError, QualysTimeoutError } from '../../src/qualys/errors.js';

const KEY: IdempotencyKey = { scope: 'service', operation: 'createPatchJob', key: 'k1' };

/** A controllable clock and a counting action. */
function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let nowMs = 1_000;
  const store = createIdempotencyStore({ ...options, now: () => nowMs });
  let calls = 0;
  const action =
    <T>(value: T) =>
    async () => {
      calls += 1;
      return value;
    };
  return {
    store,
    action,
    calls: () => calls,
    advance: (ms: number) => {
      nowMs += ms;
    },
  };
}

describe('idempotency store', () => {
  it('runs once, then replays the stored value for the same key and input', async () => {
    const { store, action, calls } = setup();
    expect(await store.run(KEY, 'f', action('job-1'))).toEqual({ status: 'executed', value: 'job-1' });
    expect(await store.run(KEY, 'f', action('job-2'))).toEqual({ status: 'replayed', value: 'job-1' });
    expect(calls()).toBe(1);
  });

  it('lets concurrent requests with the same key wait for the one in flight', async () => {
    const { store, calls } = setup();
    let release: (v: string) => void = () => {};
    let count = 0;
    const slow = () => {
      count += 1;
      return new Promise<string>((resolve) => {
        release = resolve;
      });
    };
    const first = store.run(KEY, 'f', slow);
    const second = store.run(KEY, 'f', slow);
    release('job-1');
    expect(await first).toEqual({ status: 'executed', value: 'job-1' });
    expect(await second).toEqual({ status: 'replayed', value: 'job-1' });
    expect(count).toBe(1);
    expect(calls()).toBe(0);
  });

  it('refuses the same key with a different input, without running it', async () => {
    const { store, action, calls } = setup();
    await store.run(KEY, 'f', action('job-1'));
    expect(await store.run(KEY, 'other', action('job-2'))).toEqual({ status: 'key-reused' });
    expect(calls()).toBe(1);
  });

  it('scopes keys by caller and operation', async () => {
    const { store, action, calls } = setup();
    await store.run(KEY, 'f', action('a'));
    expect((await store.run({ ...KEY, scope: 'token:x' }, 'f', action('b'))).status).toBe('executed');
    expect((await store.run({ ...KEY, operation: 'createMitigationJob' }, 'f', action('c'))).status).toBe(
      'executed',
    );
    expect(calls()).toBe(3);
  });

  it('remembers an unknown outcome (timeout, 5xx) and never runs the key again', async () => {
    const { store, action, calls } = setup();
    const timeout = new QualysTimeoutError('timed out', {
      endpoint: 'POST /pm/v2/deploymentjob',
    });
    await expect(store.run(KEY, 'f', () => Promise.reject(timeout))).rejects.toBe(timeout);
    expect(await store.run(KEY, 'f', action('job'))).toEqual({ status: 'outcome-unknown' });
    const fiveHundred = new QualysHttpError('502', { endpoint: 'x', status: 502 });
    await expect(store.run({ ...KEY, key: 'k2' }, 'f', () => Promise.reject(fiveHundred))).rejects.toBe(
      fiveHundred,
    );
    expect(await store.run({ ...KEY, key: 'k2' }, 'f', action('job'))).toEqual({ status: 'outcome-unknown' });
    expect(calls()).toBe(0);
  });

  it('frees the key after a failure that proves nothing was executed (409/429)', async () => {
    const { store, action, calls } = setup();
    const limited = new QualysRateLimitedError('429', { endpoint: 'x', status: 429 });
    await expect(store.run(KEY, 'f', () => Promise.reject(limited))).rejects.toBe(limited);
    expect(await store.run(KEY, 'f', action('job'))).toEqual({ status: 'executed', value: 'job' });
    expect(calls()).toBe(1);
  });

  it('forgets outcomes after the TTL', async () => {
    const { store, action, advance, calls } = setup({ ttlMs: 60_000 });
    await store.run(KEY, 'f', action('job-1'));
    advance(59_999);
    expect((await store.run(KEY, 'f', action('job-2'))).status).toBe('replayed');
    advance(1);
    expect(await store.run(KEY, 'f', action('job-2'))).toEqual({ status: 'executed', value: 'job-2' });
    expect(calls()).toBe(2);
  });

  it('keeps at most maxEntries, dropping the oldest settled ones', async () => {
    const { store, action } = setup({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await store.run({ ...KEY, key }, 'f', action(key));
    expect(store.size).toBe(2);
    expect((await store.run({ ...KEY, key: 'c' }, 'f', action('x'))).status).toBe('replayed');
    expect((await store.run({ ...KEY, key: 'a' }, 'f', action('x'))).status).toBe('executed');
  });

  it('rejects nonsense options', () => {
    expect(() => createIdempotencyStore({ ttlMs: 0 })).toThrow(RangeError);
    expect(() => createIdempotencyStore({ maxEntries: 0.5 })).toThrow(RangeError);
  });
});

describe('callerScope', () => {
  it('is "service" with service credentials, else a SHA-256 of the token, never the token', () => {
    expect(callerScope(true, 'tok')).toBe('service');
    const scope = callerScope(false, 'eyJhbGciOi.secret.sig');
    expect(scope).toMatch(/^token:[0-9a-f]{64}$/);
    expect(scope).not.toContain('secret');
    expect(callerScope(false, 'other')).not.toBe(scope);
    expect(callerScope(false, undefined)).toBe('anonymous');
  });
});

describe('inputFingerprint', () => {
  it('ignores key order and undefined values, and tells different inputs apart', () => {
    expect(inputFingerprint({ a: 1, b: [1, { c: 2, d: undefined }] })).toBe(
      inputFingerprint({ b: [1, { c: 2 }], a: 1 }),
    );
    expect(inputFingerprint({ a: 1 })).not.toBe(inputFingerprint({ a: 2 }));
    expect(inputFingerprint({ a: [1, 2] })).not.toBe(inputFingerprint({ a: [2, 1] }));
  });
});
