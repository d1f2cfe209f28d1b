/**
 * `linkedTimeout` and `CallDeadline` (`src/qualys/http.ts`): one controller, timer and listener
 * per call instead of `AbortSignal.timeout` + `AbortSignal.any`, with the same outcomes: the
 * parent's abort (and reason) passes through, the timer aborts with a timeout, and `dispose`
 * leaves nothing behind.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { readAnswerInTurn } from '../../src/qualys/answers.js';
import { LARGE_ANSWER_CHARS, linkedTimeout } from '../../src/qualys/deadlines.js';
import { CallDeadline } from '../../src/qualys/http.js';

describe('linkedTimeout', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("aborts with the parent's reason when the parent aborts first, and is not a timeout", () => {
    const parent = new AbortController();
    const link = linkedTimeout(parent.signal, 1_000, () => new Error('late'));
    const reason = new Error('client went away');
    parent.abort(reason);
    expect(link.signal.aborted).toBe(true);
    expect(link.signal.reason).toBe(reason);
    vi.advanceTimersByTime(2_000);
    expect(link.timedOut()).toBe(false);
  });

  it('aborts with the timeout reason when the time is up first', () => {
    const parent = new AbortController();
    const link = linkedTimeout(parent.signal, 1_000, () => new Error('late'));
    vi.advanceTimersByTime(999);
    expect(link.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(link.signal.aborted).toBe(true);
    expect((link.signal.reason as Error).message).toBe('late');
    expect(link.timedOut()).toBe(true);
    // The parent aborting later changes nothing.
    parent.abort(new Error('after'));
    expect((link.signal.reason as Error).message).toBe('late');
  });

  it('is aborted at once for an aborted parent; after dispose neither the timer nor the parent aborts it', () => {
    const gone = new AbortController();
    gone.abort(new Error('already'));
    expect(linkedTimeout(gone.signal, 1_000, () => 'x').signal.aborted).toBe(true);

    const parent = new AbortController();
    const link = linkedTimeout(parent.signal, 1_000, () => 'x');
    link.dispose();
    vi.advanceTimersByTime(5_000);
    parent.abort();
    expect(link.signal.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('CallDeadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('maps its timeout to QUALYS_TIMEOUT and a caller abort to QUALYS_ABORTED', () => {
    const timed = new CallDeadline(500, undefined);
    vi.advanceTimersByTime(500);
    expect(timed.toError(timed.signal.reason, 'GET /x')).toMatchObject({ code: 'QUALYS_TIMEOUT' });

    const caller = new AbortController();
    const cancelled = new CallDeadline(500, caller.signal);
    caller.abort();
    expect(cancelled.toError(cancelled.signal.reason, 'GET /x')).toMatchObject({ code: 'QUALYS_ABORTED' });
    cancelled.dispose();
    timed.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('readAnswerInTurn', () => {
  const spec = { endpoint: 'GET /x', schema: z.array(z.looseObject({ id: z.string() })), list: true };
  const context = { now: Date.now, secrets: [], logger: { warn: () => undefined } };
  const answer = (items: number) => ({
    status: 200,
    headers: {},
    text: JSON.stringify(Array.from({ length: items }, (_, i) => ({ id: `patch-${i}` }))),
  });

  it('reads a large answer in a task of its own, so answers arriving together do not hold the event loop', async () => {
    const large = answer(20_000);
    expect(large.text.length).toBeGreaterThanOrEqual(LARGE_ANSWER_CHARS);
    const order: string[] = [];
    const read = readAnswerInTurn(large, spec, context).then((r) => order.push(`answer ${r.value.length}`));
    setImmediate(() => order.push('other task'));
    await read;
    expect(order).toEqual(['other task', 'answer 20000']);
  });

  it('reads a small answer at once', async () => {
    const order: string[] = [];
    const read = readAnswerInTurn(answer(3), spec, context).then(() => order.push('answer'));
    setImmediate(() => order.push('other task'));
    await read;
    expect(order).toEqual(['answer']);
  });
});
