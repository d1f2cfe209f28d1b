/**
 * Signals and deadlines of Qualys calls: a signal linked to a parent with its own timer
 * ({@link linkedTimeout}), the signal of one request's calls ({@link requestScope}), and waiting
 * for a shared promise without cancelling it for others ({@link raceAbort}), and yielding to
 * the event loop between large answers ({@link yieldToEventLoop}). Internal to `src/qualys/`.
 */
import { setMaxListeners } from 'node:events';

/**
 * A signal that aborts when `parent` aborts (with its reason) or `delayMs` from now (with
 * `timeoutReason`), whichever comes first: one `AbortController`, one timer and one listener,
 * both removed by `dispose()`. Replaces `AbortSignal.timeout` + `AbortSignal.any` (two signals and
 * a timer per call, and `any` keeps its sources' dependents until they are collected).
 * The timer is a `setTimeout` (fake timers drive it) and does not keep the process alive.
 */
export function linkedTimeout(
  parent: AbortSignal | undefined,
  delayMs: number,
  timeoutReason: () => unknown,
): { readonly signal: AbortSignal; timedOut(): boolean; dispose(): void } {
  const controller = new AbortController();
  let timedOut = false;
  const onParentAbort = () => {
    clearTimeout(timer);
    controller.abort(parent?.reason);
  };
  const timer = setTimeout(
    () => {
      timedOut = true;
      parent?.removeEventListener('abort', onParentAbort);
      controller.abort(timeoutReason());
    },
    Math.max(0, delayMs),
  );
  timer.unref?.();
  if (parent?.aborted) onParentAbort();
  else if (parent !== undefined) {
    // One listener per call in flight: a dashboard has dozens on its request's signal at once,
    // each removed when its call settles. Node's leak warning (at 11) does not apply.
    setMaxListeners(0, parent);
    parent.addEventListener('abort', onParentAbort, { once: true });
  }
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}

/**
 * The request's signal for one call: the session's `signal` combined with a timer for its
 * `deadline` (a `setTimeout`, so fake timers drive it). `dispose` clears the timer.
 */
export function requestScope(
  session: { readonly signal?: AbortSignal | undefined; readonly deadline?: number | undefined },
  now: () => number,
): {
  signal: AbortSignal | undefined;
  deadline: number | undefined;
  dispose: () => void;
} {
  const deadline = session.deadline;
  if (deadline === undefined) return { signal: session.signal, deadline, dispose: () => undefined };
  const link = linkedTimeout(
    session.signal,
    deadline - now(),
    () => new Error('the request deadline passed'),
  );
  return { signal: link.signal, deadline, dispose: () => link.dispose() };
}

/**
 * Waits for `promise` unless `signal` aborts first (then rejects with the abort reason). Used to
 * let one caller stop waiting for a shared token refresh without cancelling it for the others.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err as Error);
      },
    );
  });
}

/**
 * Answers from this many characters up are parsed in a task of their own ({@link yieldToEventLoop}):
 * a 1,000-patch page is about 1.5 MB and takes 10-15 ms to parse and normalise.
 */
export const LARGE_ANSWER_CHARS = 256 * 1024;

/**
 * Resolves on the next turn of the event loop (`setImmediate`), after pending I/O and timers.
 * Answers that arrive together are otherwise parsed and resolved in one chain of microtasks:
 * ten 1,000-patch pages held the event loop for 200-300 ms at once.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
