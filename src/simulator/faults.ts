/**
 * Injected faults: an ordered list; the first fault matching a request's method and path answers
 * it instead of the route, until its `times` are used up.
 *
 * @module
 */
import { errorEnvelope, SimulatorErrorCode } from './errors.js';
import { JSON_CONTENT_TYPE } from './http.js';
import type { SimulatorFault } from './types.js';

interface FaultEntry {
  readonly id: number;
  readonly fault: SimulatorFault;
  remaining: number;
}

/** The rendered answer of a fault. */
export interface FaultAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly payload: string;
  readonly delayMs: number;
}

/**
 * Checks a fault's values.
 *
 * @throws RangeError when `status` is not an int in 100..599, `times` not a positive int, or `delayMs` negative.
 */
export function assertValidFault(fault: SimulatorFault): void {
  if (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599) {
    throw new RangeError(`Fault status must be an integer HTTP status (100-599), got ${fault.status}`);
  }
  if (fault.times !== undefined && (!Number.isInteger(fault.times) || fault.times < 1)) {
    throw new RangeError(`Fault times must be a positive integer, got ${fault.times}`);
  }
  if (fault.delayMs !== undefined && !(fault.delayMs >= 0)) {
    throw new RangeError(`Fault delayMs must be >= 0, got ${fault.delayMs}`);
  }
}

/** The registry of active faults. */
export class FaultRegistry {
  #entries: FaultEntry[] = [];
  #nextId = 1;

  /**
   * Adds a fault after the existing ones.
   *
   * @returns its id and a remover (idempotent).
   * @throws RangeError on invalid values (see {@link assertValidFault}).
   */
  add(fault: SimulatorFault): { id: number; remove: () => void } {
    assertValidFault(fault);
    const entry: FaultEntry = { id: this.#nextId, fault, remaining: fault.times ?? Number.POSITIVE_INFINITY };
    this.#nextId += 1;
    this.#entries.push(entry);
    return {
      id: entry.id,
      remove: () => {
        this.#entries = this.#entries.filter((other) => other !== entry);
      },
    };
  }

  /** Removes every fault. */
  clear(): void {
    this.#entries = [];
  }

  /**
   * Finds the first fault matching a request and uses it up once.
   *
   * @param method - the request method.
   * @param path - the request path without query string.
   * @returns the rendered answer, or `undefined` when no fault matches.
   */
  take(method: string, path: string): FaultAnswer | undefined {
    const entry = this.#entries.find(({ fault }) => {
      if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) {
        return false;
      }
      if (typeof fault.path === 'string') {
        return fault.path === path;
      }
      fault.path.lastIndex = 0;
      return fault.path.test(path);
    });
    if (entry === undefined) {
      return undefined;
    }
    entry.remaining -= 1;
    if (entry.remaining <= 0) {
      this.#entries = this.#entries.filter((other) => other !== entry);
    }
    return renderFault(entry.fault);
  }
}

/**
 * Renders a fault's answer: its body (a string as is, anything else as JSON, default an `_error`
 * envelope with errorCode 9007), cut in half when `malformed`, and its headers.
 */
export function renderFault(fault: SimulatorFault): FaultAnswer {
  const body =
    fault.body === undefined
      ? errorEnvelope(fault.status, SimulatorErrorCode.INJECTED_FAULT, `Injected fault: HTTP ${fault.status}`)
      : fault.body;
  const isText = typeof body === 'string';
  let payload = isText ? body : JSON.stringify(body);
  if (fault.malformed === true) {
    payload = payload.length < 2 ? '{' : payload.slice(0, Math.floor(payload.length / 2));
  }
  const headers: Record<string, string> = {
    'Content-Type': isText && fault.malformed !== true ? 'text/plain' : JSON_CONTENT_TYPE,
    ...fault.headers,
  };
  return { status: fault.status, headers, payload, delayMs: fault.delayMs ?? 0 };
}
